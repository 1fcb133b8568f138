package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@link QrForm#residuals}, the batched form of {@link QrForm#residual}. */
class QrFormResidualsTest {

    @Test
    void batchedResidualsEqualOneByOneResiduals() {
        EdmdModel model = KoopmanExamples.nonlinear(30);
        QrForm form = model.qrForm();
        Complex[] z = KoopmanExamples.randomPoints(12, 1.2, 4);
        ComplexVector[] u = new ComplexVector[z.length];
        Complex[] entries = KoopmanExamples.randomPoints(30 * z.length, 1.0, 5);
        for (int j = 0; j < z.length; j++) {
            Complex[] v = new Complex[30];
            System.arraycopy(entries, 30 * j, v, 0, 30);
            u[j] = ComplexVector.of(v);
        }
        double[] batched = form.residuals(z, u);
        for (int j = 0; j < z.length; j++) {
            double single = form.residual(z[j], u[j]);
            assertEquals(single, batched[j], 1e-13 * single);
        }
    }

    @Test
    void conjugatePairsAndRealVectorsGiveTheSameResidualsAsOneByOne() {
        // EDMD eigenpairs of a real matrix: real vectors and conjugate pairs, which the batched
        // form computes with one column and with one pair of columns for both members.
        EdmdModel model = KoopmanExamples.nonlinear(30);
        QrForm form = model.qrForm();
        Complex[] z = new Complex[2 * model.size()];
        ComplexVector[] u = new ComplexVector[z.length];
        int pairs = 0;
        for (int j = 0; j < model.size(); j++) {
            ComplexVector v = model.eigenvector(j);
            z[j] = model.eigenvalue(j);
            u[j] = v;
            pairs += z[j].im() != 0 ? 1 : 0;
        }
        assertTrue(pairs >= 4, "the example should have complex eigenvalues, got " + pairs);
        // The same z with vectors that are not conjugates of their neighbours: no sharing.
        Complex[] other = KoopmanExamples.randomPoints(30 * model.size(), 1.0, 9);
        for (int j = model.size(); j < z.length; j++) {
            z[j] = j % 2 == 0 ? z[j - 1].conjugate() : new Complex(0.3, -0.1);
            u[j] = ComplexVector.of(Arrays.copyOfRange(other, 30 * (j - model.size()), 30 * (j - model.size() + 1)));
        }
        double[] batched = form.residuals(z, u);
        for (int j = 0; j < z.length; j++) {
            double single = form.residual(z[j], u[j]);
            assertEquals(single, batched[j], 1e-12 * Math.max(single, 1e-3), "pair " + j);
        }
    }

    @Test
    void edmdResidualsAreTheBatchedOnes() {
        // The hand example of QrFormTest: Ahat = diag(0.5, -1), B = [[0, 2]].
        QrForm f = new QrForm(new double[][] {{1, 0}, {0, 1}},
                new double[][] {{0.5, 0}, {0, -1}}, new double[][] {{0, 2}});
        Complex z = new Complex(0.2, 0.4);
        double[] res = f.residuals(new Complex[] {z, z},
                new ComplexVector[] {ComplexVector.real(new double[] {3, 0}),
                    ComplexVector.of(Complex.ZERO, Complex.I)});
        assertEquals(z.minus(Complex.real(0.5)).abs(), res[0], 1e-15);
        assertEquals(Math.sqrt(Math.pow(z.plus(Complex.ONE).abs(), 2) + 4), res[1], 1e-15);
        QrForm square = new QrForm(new double[][] {{1}}, new double[][] {{0.5}}, new double[0][]);
        assertEquals(0.25, square.residuals(new Complex[] {Complex.real(0.25)},
                new ComplexVector[] {ComplexVector.real(new double[] {2})})[0], 1e-16,
                "no rows in B (M = N)");
        assertEquals(0, square.residuals(new Complex[0], new ComplexVector[0]).length);
    }

    @Test
    void residualsFromThePackedEigenvectorsAreTheUnpackedOnesBitForBit() {
        QrForm form = KoopmanExamples.nonlinear(30).qrForm();
        RealEigensystem eigen = RealEigensystem.of(form.aHat());
        ComplexVector[] u = new ComplexVector[eigen.size()];
        int pairs = 0;
        for (int j = 0; j < u.length; j++) {
            u[j] = eigen.eigenvector(j);
            pairs += eigen.eigenvalue(j).im() > 0 ? 1 : 0;
        }
        assertTrue(pairs >= 4 && 2 * pairs < u.length,
                "the example should have real and complex eigenvalues, got " + pairs + " pairs");
        assertArrayEquals(form.residuals(eigen.eigenvalues(), u), form.residuals(eigen));
        for (int j = 0; j < u.length; j++) {
            double[] re = u[j].re();
            assertEquals(u[j].norm(), ComplexVector.norm(re, 0, u[j].im(), 0, re.length));
        }
        QrForm smaller = new QrForm(new double[][] {{1}}, new double[][] {{1}}, new double[0][]);
        assertEquals("eigen must be of size N = 1, got 30", assertThrows(
                IllegalArgumentException.class, () -> smaller.residuals(eigen)).getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        QrForm f = new QrForm(new double[][] {{1}}, new double[][] {{1}}, new double[0][]);
        assertEquals("u must have one vector per z, 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> f.residuals(
                        new Complex[] {Complex.ONE}, new ComplexVector[0])).getMessage());
        assertEquals("u[0] must have length N = 1, got 2",
                assertThrows(IllegalArgumentException.class, () -> f.residuals(
                        new Complex[] {Complex.ONE},
                        new ComplexVector[] {ComplexVector.real(new double[2])})).getMessage());
        assertEquals("u[0] must be non-zero, got norm 0.0",
                assertThrows(IllegalArgumentException.class, () -> f.residuals(
                        new Complex[] {Complex.ONE},
                        new ComplexVector[] {ComplexVector.real(new double[1])})).getMessage());
    }
}
