package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class MayLeonardMeanFieldTest {

    @Test
    void unitRatesGiveGrowthOneEighthAndFrequencyRootThreeOverEight() {
        MayLeonardMeanField m = new MayLeonardMeanField(1.0, 1.0);
        assertEquals(0.25, m.coexistenceDensity(), 1e-15);
        assertEquals(0.125, m.growthRate(), 1e-15);
        assertEquals(Math.sqrt(3.0) / 8.0, m.frequency(), 1e-15);
        assertEquals(-1.0, m.coexistenceEigenvalues()[2].getReal(), 0.0);
    }

    @Test
    void fixedPointsAreEquilibria() {
        MayLeonardMeanField m = new MayLeonardMeanField(1.7, 0.6);
        for (double[] p : m.fixedPoints()) {
            MeanFieldTesting.assertEquilibrium(m, p, 1e-15);
        }
        assertEquals(0.6 / (1.8 + 1.7), m.coexistencePoint()[1], 1e-15);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        MayLeonardMeanField m = new MayLeonardMeanField(1.7, 0.6);
        for (double[] x : new double[][] {{0.1, 0.2, 0.3}, {0.5, 0.05, 0.2}, m.coexistencePoint()}) {
            MeanFieldTesting.assertJacobianMatchesDifferences(m, m::jacobian, x, 1e-8);
        }
    }

    @Test
    void closedFormEigenvaluesMatchADenseEigensolver() {
        for (double[] p : new double[][] {{1.0, 1.0}, {1.7, 0.6}, {0.3, 2.0}}) {
            MayLeonardMeanField m = new MayLeonardMeanField(p[0], p[1]);
            EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m.jacobian(m.coexistencePoint())));
            Complex[] numeric = new Complex[3];
            for (int i = 0; i < 3; i++) {
                numeric[i] = new Complex(eig.getRealEigenvalue(i), eig.getImagEigenvalue(i));
            }
            Comparator<Complex> order = Comparator.comparingDouble(Complex::getReal).reversed()
                    .thenComparing(Comparator.comparingDouble(Complex::getImaginary).reversed());
            Arrays.sort(numeric, order);
            Complex[] closed = m.coexistenceEigenvalues();
            Arrays.sort(closed, order);
            for (int i = 0; i < 3; i++) {
                assertEquals(numeric[i].getReal(), closed[i].getReal(), 1e-12, m + " #" + i);
                assertEquals(numeric[i].getImaginary(), closed[i].getImaginary(), 1e-12, m + " #" + i);
            }
            // mu sigma (1 + i sqrt 3) / (2 (3 mu + sigma)), written out once more from the brief
            assertEquals(p[1] * p[0] * Math.sqrt(3) / (2 * (3 * p[1] + p[0])), closed[0].getImaginary(), 1e-14);
        }
    }

    @Test
    void rejectsBadRates() {
        assertThrows(IllegalArgumentException.class, () -> new MayLeonardMeanField(1.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new MayLeonardMeanField(0.0, 1.0));
    }
}
