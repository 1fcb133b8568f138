package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QrFormTest {

    @Test
    void residualStacksAhatMinusZAndB() {
        // Ahat = diag(0.5, -1), B = [[0, 2]]: res(z, e_1) = |0.5 - z|,
        // res(z, e_2) = sqrt(|1 + z|^2 + 4).
        QrForm f = new QrForm(new double[][] {{1, 0}, {0, 1}},
                new double[][] {{0.5, 0}, {0, -1}}, new double[][] {{0, 2}});
        Complex z = new Complex(0.2, 0.4);
        assertEquals(z.minus(Complex.real(0.5)).abs(),
                f.residual(z, ComplexVector.real(new double[] {3, 0})), 1e-15);
        double expected = Math.sqrt(Math.pow(z.plus(Complex.ONE).abs(), 2) + 4);
        assertEquals(expected, f.residual(z, ComplexVector.of(Complex.ZERO, Complex.I)), 1e-15);
        assertEquals(2, f.size());
    }

    @Test
    void shapesAreChecked() {
        assertEquals("b must have at most N = 1 rows, got 2", assertThrows(
                IllegalArgumentException.class, () -> new QrForm(new double[][] {{1}},
                        new double[][] {{1}}, new double[][] {{1}, {1}})).getMessage());
        assertEquals("aHat must have 1 rows, got 2", assertThrows(IllegalArgumentException.class,
                () -> new QrForm(new double[][] {{1}}, new double[][] {{1}, {1}},
                        new double[0][])).getMessage());
        assertEquals("u must have length N = 1, got 2", assertThrows(IllegalArgumentException.class,
                () -> new QrForm(new double[][] {{1}}, new double[][] {{1}}, new double[0][])
                        .residual(Complex.ONE, ComplexVector.real(new double[2]))).getMessage());
    }
}
