package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GalerkinMatricesTest {

    @Test
    void residualOfADiagonalIsometryIsTheDistanceToItsEigenvalue() {
        // G = L = I, A = diag(e^{i a}) in real 2x2 form: a rotation by a on span{cos, sin}.
        double a = 0.8;
        double[][] rotation = {{Math.cos(a), Math.sin(a)}, {-Math.sin(a), Math.cos(a)}};
        GalerkinMatrices m = new GalerkinMatrices(new double[][] {{1, 0}, {0, 1}}, rotation,
                new double[][] {{1, 0}, {0, 1}});
        // v = (1, i)/sqrt(2) is the eigenvector of A with eigenvalue e^{ia} or e^{-ia}.
        ComplexVector v = ComplexVector.of(Complex.ONE, Complex.I);
        Complex lambda = Complex.unit(a);
        double toPlus = m.residual(lambda, v);
        double toMinus = m.residual(lambda.conjugate(), v);
        assertEquals(0.0, Math.min(toPlus, toMinus), 1e-8);
        assertEquals(lambda.minus(lambda.conjugate()).abs(), Math.max(toPlus, toMinus), 1e-15);
        assertEquals(1.0, m.residual(Complex.ZERO, v), 1e-15);
    }

    @Test
    void matricesAreCopiedAndChecked() {
        double[][] g = {{2}};
        GalerkinMatrices m = new GalerkinMatrices(g, new double[][] {{1}}, new double[][] {{3}});
        g[0][0] = 5;
        m.g()[0][0] = 5;
        assertArrayEquals(new double[][] {{2}}, m.g());
        assertEquals(1, m.size());
        assertEquals("a[0] must have length 1, got 2", assertThrows(IllegalArgumentException.class,
                () -> new GalerkinMatrices(new double[][] {{1}}, new double[][] {{1, 2}},
                        new double[][] {{1}})).getMessage());
        assertEquals("l[0][0] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new GalerkinMatrices(new double[][] {{1}}, new double[][] {{1}},
                        new double[][] {{Double.NaN}})).getMessage());
        assertEquals("v must give a function of non-zero norm, got v^* G v = 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> m.residual(Complex.ONE, ComplexVector.real(new double[1]))).getMessage());
    }
}
