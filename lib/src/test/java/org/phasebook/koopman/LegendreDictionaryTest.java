package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegendreDictionaryTest {

    @Test
    void matchesTheBriefsFormulaOnMinusOneToZero() {
        // psi_j(x) = sqrt(2j + 1) P_j(2x + 1); P_2(t) = (3t^2 - 1)/2, P_3(t) = (5t^3 - 3t)/2.
        LegendreDictionary d = new LegendreDictionary(4, -1, 0);
        double x = -0.3;
        double t = 2 * x + 1;
        double[] values = new double[4];
        d.evaluate(new double[] {x}, values);
        assertEquals(1.0, values[0], 1e-15);
        assertEquals(Math.sqrt(3) * t, values[1], 1e-15);
        assertEquals(Math.sqrt(5) * (3 * t * t - 1) / 2, values[2], 1e-15);
        assertEquals(Math.sqrt(7) * (5 * t * t * t - 3 * t) / 2, values[3], 1e-15);
    }

    @Test
    void orthonormalOnItsIntervalUnderGaussLegendre() {
        for (double[] interval : new double[][] {{-1, 0}, {2, 5}}) {
            LegendreDictionary d = new LegendreDictionary(30, interval[0], interval[1]);
            Quadrature rule = Quadrature.gaussLegendre(30, interval[0], interval[1]);
            double[][] psi = d.evaluate(rule.points());
            double error = 0.0;
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < 30; j++) {
                    double sum = 0.0;
                    for (int m = 0; m < 30; m++) {
                        sum += rule.weights().get(m) * psi[m][i] * psi[m][j];
                    }
                    error = Math.max(error, Math.abs(sum - (i == j ? 1 : 0)));
                }
            }
            assertTrue(error < 1e-13, "max |G - I| = " + error);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("size must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new LegendreDictionary(0, -1, 0)).getMessage());
        assertEquals("the interval [lower, upper] must be finite with lower < upper, got [0.0, 0.0]",
                assertThrows(IllegalArgumentException.class,
                        () -> new LegendreDictionary(3, 0, 0)).getMessage());
    }
}
