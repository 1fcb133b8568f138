package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussMapTest {

    private final GaussMap gauss = GaussMap.fixingMinusOne(2.0);

    @Test
    void residualDmdExampleHasItsParameters() {
        assertEquals(2.0, gauss.alpha());
        assertEquals(-1.0 - Math.exp(-2.0), gauss.beta());
        assertEquals(1, gauss.dimension());
        assertArrayEquals(new String[] {"x"}, gauss.variableNames());
    }

    @Test
    void valueIsTheShiftedGaussian() {
        GaussMap g = new GaussMap(0.5, 0.25);
        assertEquals(1.25, g.value(0.0));
        assertEquals(Math.exp(-2.0) + 0.25, g.value(2.0), 1e-16);
        assertEquals(Math.exp(-2.0) + 0.25, g.value(-2.0), 1e-16);
        double[] next = new double[1];
        g.apply(new double[] {2.0}, next);
        assertEquals(g.value(2.0), next[0]);
    }

    @Test
    void minusOneIsFixedWithMultiplierTwoAlphaExpMinusAlpha() {
        for (double alpha : new double[] {0.3, 2.0, 7.0}) {
            GaussMap g = GaussMap.fixingMinusOne(alpha);
            assertEquals(-1.0, g.value(-1.0), 1e-15);
            assertEquals(-Math.exp(-alpha), g.value(0.0), 1e-15);
            assertEquals(2.0 * alpha * Math.exp(-alpha), g.derivative(-1.0), 1e-15);
        }
        assertEquals(0.5413411329464508, gauss.derivative(-1.0), 1e-15); // 4 / e^2
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        double h = 1e-5;
        for (double x = -2.0; x <= 2.0; x += 0.1) {
            double fd = (gauss.value(x + h) - gauss.value(x - h)) / (2.0 * h);
            assertEquals(fd, gauss.derivative(x), 1e-9, "x = " + x);
        }
    }

    @Test
    void theIntervalIsInvariantAndMappedOntoMinusOneToMinusExpMinusTwo() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 100_000; i++) {
            double x = -1.0 + i * 1e-5;
            double y = gauss.value(x);
            assertTrue(y >= -1.0 - 1e-15 && y <= -Math.exp(-2.0), () -> "F(" + x + ") = " + y);
            assertTrue(y >= previous, () -> "F decreases at " + x);
            previous = y;
            if (i > 0) {
                assertTrue(y < x, () -> "F(x) >= x at x = " + x);
            }
        }
    }

    @Test
    void orbitsApproachMinusOneAtTheRateOfTheMultiplier() {
        // Koenigs: x_{n+1} + 1 = lambda (x_n + 1) + F''(-1) / 2 (x_n + 1)^2 + ..., with
        // F''(-1) / 2 = 6 e^{-2} = 0.81 for alpha = 2.
        double lambda = gauss.derivative(-1.0);
        Trajectory orbit = gauss.orbit(new double[] {-0.9}, 30);
        int checked = 0;
        for (int n = 0; n < 30; n++) {
            double e = orbit.state(n)[0] + 1.0;
            double ratio = (orbit.state(n + 1)[0] + 1.0) / e;
            if (e < 1e-3 && e > 1e-9) {
                assertEquals(lambda, ratio, 0.82 * e + 1e-7, "n = " + n);
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void orbitsFromZeroLingerNearTheGhostBeforeFallingToMinusOne() {
        Trajectory orbit = gauss.orbit(new double[] {0.0}, 500);
        int arrival = -1;
        for (int n = 0; n <= 500 && arrival < 0; n++) {
            if (orbit.state(n)[0] < -0.9) {
                arrival = n;
            }
        }
        assertTrue(arrival > 300 && arrival < 450, "arrived at step " + arrival);
        assertEquals(-1.0, orbit.state(500)[0], 1e-12);
    }

    @Test
    void badParametersAreRejected() {
        assertEquals("alpha must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new GaussMap(0.0, 1.0))
                        .getMessage());
        assertEquals("alpha must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GaussMap.fixingMinusOne(-1.0))
                        .getMessage());
        assertEquals("beta must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new GaussMap(2.0, Double.NaN))
                        .getMessage());
    }
}
