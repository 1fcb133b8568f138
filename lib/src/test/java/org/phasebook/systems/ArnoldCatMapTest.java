package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArnoldCatMapTest {

    private final ArnoldCatMap cat = ArnoldCatMap.unitTorus();

    private double[] apply(DiscreteMap map, double... x) {
        double[] next = new double[x.length];
        map.apply(x, next);
        return next;
    }

    @Test
    void itIsTheMatrixTwoOneOneOneModuloOne() {
        assertArrayEquals(new double[] {0.75, 0.25}, apply(cat, 0.5, 0.75)); // (1.75, 1.25)
        assertArrayEquals(new double[] {0.0, 0.0}, apply(cat, 0.0, 0.0));
        assertArrayEquals(new String[] {"x", "y"}, cat.variableNames());
        assertEquals(1.0, cat.period());
    }

    @Test
    void jacobianHasDeterminantExactlyOneAndTheGoldenEigenvalues() {
        double[][] j = cat.jacobian();
        assertEquals(1.0, j[0][0] * j[1][1] - j[0][1] * j[1][0], 0.0);
        // trace 3 and determinant 1: eigenvalues (3 ± sqrt 5) / 2
        double trace = j[0][0] + j[1][1];
        double root = Math.sqrt(trace * trace - 4.0);
        assertEquals((3.0 + Math.sqrt(5.0)) / 2.0, (trace + root) / 2.0, 1e-15);
        assertEquals((3.0 - Math.sqrt(5.0)) / 2.0, (trace - root) / 2.0, 1e-15);
    }

    @Test
    void itPermutesEveryDyadicGridSoPreservesArea() {
        // On the grid (Z / 64)^2 the map is exact and, being invertible mod 64, a bijection: each
        // cell goes to exactly one cell, the discrete form of Lebesgue measure preservation.
        int q = 64;
        boolean[] hit = new boolean[q * q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double[] image = apply(cat, (double) a / q, (double) b / q);
                double ia = image[0] * q;
                double ib = image[1] * q;
                assertEquals(Math.rint(ia), ia, 0.0);
                assertEquals((2 * a + b) % q, (int) ia);
                assertEquals((a + b) % q, (int) ib);
                int cell = (int) ia * q + (int) ib;
                assertTrue(!hit[cell], "cell hit twice: " + cell);
                hit[cell] = true;
            }
        }
    }

    @Test
    void halvesFormAnExactOrbitOfPeriodThree() {
        Trajectory orbit = cat.orbit(new double[] {0.5, 0.0}, 3);
        assertArrayEquals(new double[] {0.5, 0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.0}, orbit.states());
    }

    @Test
    void fifthsHaveThePeriodsOfTheMatrixModuloFive() {
        // (1/5, 2/5) <-> (4/5, 3/5) and (2/5, 4/5) <-> (3/5, 1/5) are the orbits of period 2,
        // the multiples of (1, 2) in (Z / 5)^2, the kernel of A^2 - I modulo 5; the other 20
        // non-zero points have period 10, the order of A modulo 5.
        Trajectory two = cat.orbit(new double[] {0.4, 0.8}, 2);
        assertArrayEquals(new double[] {0.6, 0.2}, two.state(1), 1e-15);
        assertArrayEquals(new double[] {0.4, 0.8}, two.state(2), 1e-15);
        two = cat.orbit(new double[] {0.2, 0.4}, 2);
        assertArrayEquals(new double[] {0.8, 0.6}, two.state(1), 1e-15);
        assertArrayEquals(new double[] {0.2, 0.4}, two.state(2), 1e-15);
        int periodTen = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                if ((b - 2 * a) % 5 == 0) { // the origin and the multiples of (1, 2)
                    continue;
                }
                periodTen++;
                Trajectory orbit = cat.orbit(new double[] {a / 5.0, b / 5.0}, 10);
                int ea = a;
                int eb = b;
                for (int n = 1; n <= 10; n++) {
                    int na = (2 * ea + eb) % 5;
                    eb = (ea + eb) % 5;
                    ea = na;
                    double[] x = orbit.state(n);
                    // rounding errors grow like ((3 + sqrt 5) / 2)^n, about 1.5e4 at n = 10
                    assertEquals(0.0, torusDistance(x[0], ea / 5.0), 1e-11);
                    assertEquals(0.0, torusDistance(x[1], eb / 5.0), 1e-11);
                    if (n < 10) {
                        assertTrue(ea != a || eb != b, "(" + a + ", " + b + ") at n = " + n);
                    }
                }
                assertEquals(a, ea);
                assertEquals(b, eb);
            }
        }
        assertEquals(20, periodTen);
    }

    @Test
    void theAngleTorusIsTheUnitTorusScaledByTwoPi() {
        ArnoldCatMap angles = ArnoldCatMap.angleTorus();
        assertEquals(2.0 * Math.PI, angles.period());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            double[] unit = apply(cat, u, v);
            double[] scaled = apply(angles, 2.0 * Math.PI * u, 2.0 * Math.PI * v);
            for (int k = 0; k < 2; k++) {
                assertTrue(scaled[k] >= 0.0 && scaled[k] < 2.0 * Math.PI);
                assertEquals(0.0, CircleRotationTest.circularDistance(
                        2.0 * Math.PI * unit[k], scaled[k]), 1e-13);
            }
        }
    }

    @Test
    void periodMustBePositive() {
        assertEquals("period must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ArnoldCatMap(0.0))
                        .getMessage());
        assertEquals("period must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new ArnoldCatMap(Double.NaN))
                        .getMessage());
        assertEquals("period must be finite and > 0, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new ArnoldCatMap(Double.POSITIVE_INFINITY)).getMessage());
    }

    private static double torusDistance(double a, double b) {
        double d = Math.abs(a - b) % 1.0;
        return Math.min(d, 1.0 - d);
    }
}
