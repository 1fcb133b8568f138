package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class LorenzTest {

    @Test
    void classicalParametersAreLorenzs() {
        Lorenz l = Lorenz.classical();
        assertEquals(10.0, l.sigma());
        assertEquals(28.0, l.rho());
        assertEquals(8.0 / 3.0, l.beta());
        assertEquals(3, l.dimension());
        assertArrayEquals(new String[] {"x", "y", "z"}, l.variableNames());
    }

    @Test
    void derivativeMatchesTheEquations() {
        double[] dxdt = new double[3];
        new Lorenz(2.0, 3.0, 5.0).derivative(0.0, new double[] {1.0, 2.0, 4.0}, dxdt);
        // 2 (2 - 1), 1 (3 - 4) - 2, 1 * 2 - 5 * 4
        assertArrayEquals(new double[] {2.0, -3.0, -18.0}, dxdt);
    }

    @Test
    void fixedPointsAreEquilibria() {
        for (Lorenz l : new Lorenz[] {Lorenz.classical(), new Lorenz(16.0, 45.92, 4.0),
                new Lorenz(10.0, 1.5, 8.0 / 3.0)}) {
            double[][] points = l.fixedPoints();
            assertEquals(3, points.length);
            for (double[] p : points) {
                double[] dxdt = new double[3];
                l.derivative(0.0, p, dxdt);
                for (double v : dxdt) {
                    assertEquals(0.0, v, 1e-12, () -> l + " at " + Arrays.toString(p));
                }
            }
        }
    }

    @Test
    void classicalConvectionStatesHaveTheClosedForm() {
        double s = Math.sqrt(8.0 / 3.0 * 27.0);
        double[][] points = Lorenz.classical().fixedPoints();
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, points[0]);
        assertArrayEquals(new double[] {s, s, 27.0}, points[1]);
        assertArrayEquals(new double[] {-s, -s, 27.0}, points[2]);
    }

    @Test
    void onlyTheOriginBelowRhoOne() {
        assertEquals(1, new Lorenz(10.0, 0.5, 8.0 / 3.0).fixedPoints().length);
        assertEquals(1, new Lorenz(10.0, 1.0, 8.0 / 3.0).fixedPoints().length);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        Lorenz l = Lorenz.classical();
        double h = 1e-3; // f is quadratic, so central differences have no truncation error
        double[][] states = {{1.0, 2.0, 3.0}, {-8.5, 4.25, 30.0}, {0.0, 0.0, 0.0}, {15.0, -20.0, 5.0}};
        for (double[] x : states) {
            double[][] j = l.jacobian(x);
            for (int c = 0; c < 3; c++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[c] += h;
                minus[c] -= h;
                double[] fp = new double[3];
                double[] fm = new double[3];
                l.derivative(0.0, plus, fp);
                l.derivative(0.0, minus, fm);
                for (int r = 0; r < 3; r++) {
                    assertEquals((fp[r] - fm[r]) / (2 * h), j[r][c], 1e-9,
                            "J[" + r + "][" + c + "] at " + Arrays.toString(x));
                }
            }
        }
    }

    @Test
    void originEigenvaluesHaveTheClosedForm() {
        Lorenz l = Lorenz.classical();
        double[] eig = realEigenvalues(l.jacobian(new double[3]));
        Arrays.sort(eig);
        double root = Math.sqrt(81.0 + 4.0 * 10.0 * 28.0); // (sigma - 1)^2 + 4 sigma rho
        assertEquals((-11.0 - root) / 2.0, eig[0], 1e-10);
        assertEquals(-8.0 / 3.0, eig[1], 1e-10);
        assertEquals((-11.0 + root) / 2.0, eig[2], 1e-10);
    }

    @Test
    void convectionStatesLoseStabilityAtTheHopfValue() {
        // rho_H = sigma (sigma + beta + 3) / (sigma - beta - 1) = 470/19 = 24.74 for sigma 10, beta 8/3
        double beta = 8.0 / 3.0;
        double rhoH = 10.0 * (10.0 + beta + 3.0) / (10.0 - beta - 1.0);
        assertEquals(470.0 / 19.0, rhoH, 1e-12);
        assertTrue(maxRealPartAtC(new Lorenz(10.0, rhoH - 0.1, beta)) < 0.0);
        assertTrue(maxRealPartAtC(new Lorenz(10.0, rhoH + 0.1, beta)) > 0.0);
        assertEquals(0.0, maxRealPartAtC(new Lorenz(10.0, rhoH, beta)), 1e-9);
    }

    @Test
    void parametersMustBePositiveAndFinite() {
        assertEquals("sigma must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Lorenz(-1.0, 28.0, 1.0))
                        .getMessage());
        assertEquals("rho must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Lorenz(10.0, 0.0, 1.0))
                        .getMessage());
        assertEquals("beta must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Lorenz(10.0, 28.0, Double.NaN))
                        .getMessage());
        assertEquals("sigma must be finite and > 0, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new Lorenz(Double.POSITIVE_INFINITY, 28.0, 1.0)).getMessage());
        assertEquals("x must have length 3, got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Lorenz.classical().jacobian(new double[2])).getMessage());
    }

    private static double maxRealPartAtC(Lorenz l) {
        double[] re = new EigenDecomposition(new Array2DRowRealMatrix(l.jacobian(l.fixedPoints()[1])))
                .getRealEigenvalues();
        return Arrays.stream(re).max().orElseThrow();
    }

    private static double[] realEigenvalues(double[][] m) {
        return new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
    }
}
