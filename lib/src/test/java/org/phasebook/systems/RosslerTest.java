package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RosslerTest {

    @Test
    void namedParameterSets() {
        assertEquals(new Rossler(0.2, 0.2, 5.7), Rossler.classical());
        assertEquals(new Rossler(0.1, 0.1, 14.0), Rossler.koopmanLimits());
        assertArrayEquals(new String[] {"x", "y", "z"}, Rossler.classical().variableNames());
        assertEquals(3, Rossler.classical().dimension());
    }

    @Test
    void derivativeMatchesTheEquations() {
        double[] f = new double[3];
        new Rossler(0.5, 2.0, 4.0).derivative(0.0, new double[] {1.0, 2.0, 3.0}, f);
        // -2 - 3, 1 + 0.5 * 2, 2 + 3 (1 - 4)
        assertArrayEquals(new double[] {-5.0, 2.0, -7.0}, f);
        Rossler.koopmanLimits().derivative(0.0, new double[] {1.0, 2.0, 3.0}, f);
        assertArrayEquals(new double[] {-5.0, 1.2, -38.9}, f, 1e-14);
    }

    @Test
    void fixedPointsHaveZeroDerivative() {
        for (Rossler r : new Rossler[] {Rossler.classical(), Rossler.koopmanLimits()}) {
            double[][] points = r.fixedPoints();
            assertEquals(2, points.length);
            assertTrue(points[0][2] < points[1][2]);
            for (double[] p : points) {
                double[] f = new double[3];
                r.derivative(0.0, p, f);
                for (double v : f) {
                    assertEquals(0.0, v, 1e-12, () -> r + " at " + Arrays.toString(p));
                }
            }
        }
        // inner z = (c - sqrt(c^2 - 4ab)) / 2a, here (5.7 - sqrt(32.33)) / 0.4
        assertEquals((5.7 - Math.sqrt(5.7 * 5.7 - 0.16)) / 0.4,
                Rossler.classical().fixedPoints()[0][2], 1e-12);
        assertEquals(0, new Rossler(2.0, 2.0, 1.0).fixedPoints().length);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        Rossler r = Rossler.koopmanLimits();
        double h = 1e-3; // f is quadratic: central differences are exact up to rounding
        for (double[] x : new double[][] {{1.0, 2.0, 3.0}, {-7.0, 4.0, 0.5}}) {
            double[][] j = r.jacobian(x);
            for (int c = 0; c < 3; c++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[c] += h;
                minus[c] -= h;
                double[] fp = new double[3];
                double[] fm = new double[3];
                r.derivative(0.0, plus, fp);
                r.derivative(0.0, minus, fm);
                for (int k = 0; k < 3; k++) {
                    assertEquals((fp[k] - fm[k]) / (2 * h), j[k][c], 1e-9);
                }
            }
        }
    }

    @Test
    void theChaoticAttractorIsBoundedAndNotAFixedPoint() {
        Trajectory orbit = new DormandPrince853().integrate(Rossler.koopmanLimits(),
                new double[] {1.0, 1.0, 1.0}, new OutputGrid(0.0, 50.0, 0.05, 3001));
        double[] x = orbit.component(0);
        double[] y = orbit.component(1);
        double[] z = orbit.component(2);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        for (int i = 0; i < orbit.size(); i++) {
            assertTrue(Math.abs(x[i]) < 30.0 && Math.abs(y[i]) < 30.0, "t = " + orbit.time(i));
            assertTrue(z[i] > 0.0 && z[i] < 60.0, "z = " + z[i]);
        }
        assertTrue(Math.sqrt(var) > 5.0, "std of x " + Math.sqrt(var));
    }

    @Test
    void parametersMustBePositiveAndFinite() {
        assertEquals("a must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Rossler(0.0, 0.1, 14.0))
                        .getMessage());
        assertEquals("b must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new Rossler(0.1, Double.NaN, 14.0)).getMessage());
        assertEquals("c must be finite and > 0, got -14.0",
                assertThrows(IllegalArgumentException.class, () -> new Rossler(0.1, 0.1, -14.0))
                        .getMessage());
        assertEquals("x must have length 3, got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Rossler.classical().jacobian(new double[2])).getMessage());
    }
}
