package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadratureTest {

    @Test
    void gaussLegendreIsExactUpToDegreeTwoMMinusOne() {
        for (int m : new int[] {1, 2, 5, 20, 101}) {
            Quadrature rule = Quadrature.gaussLegendre(m, -1, 0);
            for (int p : new int[] {0, 1, 2 * m - 2, 2 * m - 1}) {
                if (p < 0) {
                    continue;
                }
                double exact = (p % 2 == 0 ? 1.0 : -1.0) / (p + 1);
                double value = rule.integrate(x -> Math.pow(x[0], p));
                assertEquals(exact, value, 1e-14, "m = " + m + ", degree " + p);
            }
        }
        // Degree 2m is not integrated exactly: the rule is sharp (the error, of order 16^-m,
        // is visible for small m only).
        for (int m = 1; m <= 5; m++) {
            int p = 2 * m;
            double exact = 1.0 / (p + 1);
            double value = Quadrature.gaussLegendre(m, -1, 0).integrate(x -> Math.pow(x[0], p));
            assertTrue(Math.abs(value - exact) > 1e-6, "m = " + m);
        }
    }

    @Test
    void gaussLegendreNodesAndWeightsAreAccurateForLargeM() {
        Quadrature rule = Quadrature.gaussLegendre(2000, 0, 2);
        assertEquals(2.0, rule.integrate(x -> 1.0), 1e-13);
        // int_0^2 cos(40 x) dx = sin(80)/40, spectrally accurate.
        assertEquals(Math.sin(80) / 40, rule.integrate(x -> Math.cos(40 * x[0])), 1e-14);
        double[][] nodes = rule.points();
        for (int i = 1; i < nodes.length; i++) {
            assertTrue(nodes[i][0] > nodes[i - 1][0], "ascending");
        }
        assertEquals(1.0, nodes[999][0] + nodes[1000][0] - 1.0, 1e-15, "symmetric about 1");
    }

    @Test
    void periodicTrapezoidIsExactForTrigonometricPolynomialsBelowTheGrid() {
        Quadrature rule = Quadrature.periodicTrapezoid(16);
        assertEquals(1.0, rule.integrate(x -> 1.0), 1e-15);
        for (int k = 1; k < 16; k++) {
            int kk = k;
            // Rounding only: cos(k theta_m) at arguments up to 90 carries errors ~ulp(90) = 1e-14.
            assertEquals(0.0, rule.integrate(x -> Math.cos(kk * x[0])), 1e-14, "k = " + k);
        }
        assertEquals(1.0, rule.integrate(x -> Math.cos(16 * x[0])), 1e-14, "aliased at k = M");
        assertEquals(0.0, rule.point(0)[0]);
        assertEquals(Math.PI, rule.point(8)[0], 1e-15);
    }

    @Test
    void trapezoidConvergesLikeMMinusTwoAndRiemannLikeMMinusOne() {
        // int_0^1 e^x dx = e - 1.
        double exact = Math.E - 1;
        double t1 = Math.abs(Quadrature.trapezoid(101, 0, 1).integrate(x -> Math.exp(x[0])) - exact);
        double t2 = Math.abs(Quadrature.trapezoid(201, 0, 1).integrate(x -> Math.exp(x[0])) - exact);
        assertEquals(4.0, t1 / t2, 0.01);
        double r1 = Math.abs(Quadrature.riemann(100, 0, 1).integrate(x -> Math.exp(x[0])) - exact);
        double r2 = Math.abs(Quadrature.riemann(200, 0, 1).integrate(x -> Math.exp(x[0])) - exact);
        assertEquals(2.0, r1 / r2, 0.01);
    }

    @Test
    void tensorRuleIntegratesProducts() {
        Quadrature grid = Quadrature.tensor(Quadrature.gaussLegendre(3, 0, 1),
                Quadrature.gaussLegendre(4, -1, 1));
        assertEquals(12, grid.size());
        assertEquals(2, grid.dimension());
        // int x^5 y^6 over [0,1] x [-1,1] = (1/6)(2/7).
        assertEquals(2.0 / 42, grid.integrate(x -> Math.pow(x[0], 5) * Math.pow(x[1], 6)), 1e-15);
        Quadrature torus = Quadrature.tensor(Quadrature.periodicTrapezoid(4),
                Quadrature.periodicTrapezoid(4));
        assertArrayEquals(new double[] {0, Math.PI / 2}, torus.point(1), 1e-15);
        assertArrayEquals(new double[] {Math.PI / 2, 0}, torus.point(4), 1e-15);
        assertEquals(1.0, torus.integrate(x -> 1.0), 1e-15);
    }

    @Test
    void badArgumentsAreRefusedWithTheirValues() {
        assertEquals("M must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Quadrature.gaussLegendre(0, 0, 1)).getMessage());
        assertEquals("the interval [a, b] must be finite with a < b, got [1.0, 0.0]",
                assertThrows(IllegalArgumentException.class,
                        () -> Quadrature.riemann(3, 1, 0)).getMessage());
        assertEquals("M must be >= 2 for the trapezoid rule, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Quadrature.trapezoid(1, 0, 1)).getMessage());
        assertEquals("weights must have one entry per point, 2, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new Quadrature(new double[][] {{0}, {1}}, Weights.of(1))).getMessage());
        assertEquals("points[1][0] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Quadrature(
                        new double[][] {{0}, {Double.NaN}}, Weights.monteCarlo(2))).getMessage());
    }

    @Test
    void monteCarloRuleIsUniformInTheBoxSeededAndNormalised() {
        Quadrature rule = Quadrature.monteCarlo(20_000, new double[] {-2, 0}, new double[] {2, 1}, 5);
        assertEquals(20_000, rule.size());
        double sumW = 0, meanX = 0, meanY = 0;
        for (int m = 0; m < rule.size(); m++) {
            double[] p = rule.points()[m];
            assertTrue(p[0] >= -2 && p[0] < 2 && p[1] >= 0 && p[1] < 1, "point outside the box");
            sumW += rule.weights().get(m);
            meanX += rule.weights().get(m) * p[0];
            meanY += rule.weights().get(m) * p[1];
        }
        assertEquals(1.0, sumW, 1e-12);
        // The means of uniform coordinates, within five standard errors.
        assertEquals(0.0, meanX, 5 * (4 / Math.sqrt(12)) / Math.sqrt(20_000));
        assertEquals(0.5, meanY, 5 * (1 / Math.sqrt(12)) / Math.sqrt(20_000));
        assertArrayEquals(rule.points()[7],
                Quadrature.monteCarlo(20_000, new double[] {-2, 0}, new double[] {2, 1}, 5).points()[7]);
        assertThrows(IllegalArgumentException.class,
                () -> Quadrature.monteCarlo(0, new double[] {0}, new double[] {1}, 1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Quadrature.monteCarlo(5, new double[] {1}, new double[] {1}, 1));
        assertTrue(e.getMessage().contains("upper > lower"), e.getMessage());
    }
}
