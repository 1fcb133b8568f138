package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoisyLogisticMapTest {

    private static final double CENTRAL = 184756.0; // binom(20, 10)

    private static double binomial20(int k) {
        double b = 1.0;
        for (int i = 1; i <= k; i++) {
            b = b * (20 - k + i) / i;
        }
        return b;
    }

    /**
     * E[cos(2 pi k eta)] for eta with density proportional to cos^20(pi eta) on [-1/2, 1/2]:
     * the Fourier coefficients of cos^20, binom(20, 10 - k) / binom(20, 10), and 0 beyond k = 10.
     */
    private static double characteristic(int k) {
        k = Math.abs(k);
        return k > 10 ? 0.0 : binomial20(10 - k) / CENTRAL;
    }

    @Test
    void theSameSeedGivesTheSameOrbitBitForBit() {
        Trajectory a = NoisyLogisticMap.fullyChaotic(42).orbit(new double[] {0.3}, 5000);
        Trajectory b = NoisyLogisticMap.fullyChaotic(42).orbit(new double[] {0.3}, 5000);
        assertEquals(a, b);
        NoisyLogisticMap used = NoisyLogisticMap.fullyChaotic(42);
        used.orbit(new double[] {0.3}, 10);
        assertEquals(a, used.withSeed(42).orbit(new double[] {0.3}, 5000));
        Trajectory c = NoisyLogisticMap.fullyChaotic(43).orbit(new double[] {0.3}, 5000);
        assertNotEquals(a, c);
        // the streams differ from the first step on
        assertNotEquals(a.state(1)[0], c.state(1)[0]);
    }

    @Test
    void aGeneratorAdvancesWithEachStep() {
        NoisyLogisticMap map = new NoisyLogisticMap(3.0, 0.5, 1);
        assertNotEquals(map.orbit(new double[] {0.3}, 100), map.orbit(new double[] {0.3}, 100));
    }

    @Test
    void iteratesStayInTheUnitInterval() {
        for (double amplitude : new double[] {1.0, 0.3, 0.0}) {
            for (double x0 : new double[] {0.0, 0.5, 1.0, 0.123}) {
                double[] xs = new NoisyLogisticMap(4.0, amplitude, 9).orbit(new double[] {x0},
                        20_000).component(0);
                for (double x : xs) {
                    assertTrue(x >= 0.0 && x <= 1.0, () -> "x = " + x);
                }
            }
        }
    }

    @Test
    void withoutNoiseItIsTheLogisticMapExactly() {
        for (double r : new double[] {4.0, 3.7, 2.5}) {
            double[] xs = new NoisyLogisticMap(r, 0.0, 5).orbit(new double[] {0.2}, 1000)
                    .component(0);
            double x = 0.2;
            for (int n = 1; n <= 1000; n++) {
                x = r * x * (1.0 - x);
                assertEquals(x, xs[n], 0.0, "r = " + r + ", n = " + n);
            }
        }
        // 1/2 -> 1 -> 0 -> 0: the top of the parabola is kept at 1, not wrapped to 0
        assertArrayEquals(new double[] {0.5, 1.0, 0.0, 0.0},
                new NoisyLogisticMap(4.0, 0.0, 5).orbit(new double[] {0.5}, 3).component(0));
    }

    @Test
    void theNoiseHasTheFourierCoefficientsOfCosineToTheTwentieth() {
        // With r = 2 and x = 1/2, r x (1 - x) = 1/2 exactly and |xi| <= 1/2, so next - 1/2 = xi.
        for (double amplitude : new double[] {1.0, 0.5}) {
            NoisyLogisticMap map = new NoisyLogisticMap(2.0, amplitude, 2024);
            int n = 100_000;
            double[] cos = new double[13];
            double[] sin = new double[13];
            double[] x = {0.5};
            double[] next = new double[1];
            for (int i = 0; i < n; i++) {
                map.apply(x, next);
                double xi = next[0] - 0.5;
                assertTrue(Math.abs(xi) <= amplitude / 2.0, () -> "xi = " + xi);
                double eta = xi / amplitude;
                for (int k = 1; k <= 12; k++) {
                    cos[k] += Math.cos(2.0 * Math.PI * k * eta);
                    sin[k] += Math.sin(2.0 * Math.PI * k * eta);
                }
            }
            for (int k = 1; k <= 12; k++) {
                double m = characteristic(k);
                double varCos = (1.0 + characteristic(2 * k)) / 2.0 - m * m;
                double varSin = (1.0 - characteristic(2 * k)) / 2.0;
                assertEquals(m, cos[k] / n, 5.0 * Math.sqrt(varCos / n) + 1e-12,
                        "E cos(2 pi " + k + " eta), amplitude " + amplitude);
                assertEquals(0.0, sin[k] / n, 5.0 * Math.sqrt(varSin / n) + 1e-12,
                        "E sin(2 pi " + k + " eta), amplitude " + amplitude);
            }
        }
    }

    @Test
    void transitionDensityIsTheBinomialKernelOfRankTwentyOne() {
        // p(y | x) = sum_i phi_i(y) phi_i(F(x)), phi_i = c_i sin^{20-i}(pi .) cos^i(pi .),
        // c_i^2 = binom(20, i) 2^20 / binom(20, 10)
        NoisyLogisticMap map = NoisyLogisticMap.fullyChaotic(0);
        for (double x : new double[] {0.0, 0.1, 0.5, 0.77}) {
            for (double y : new double[] {0.0, 0.05, 0.3, 0.64, 0.99, 1.0}) {
                double u = map.logistic(x);
                double sum = 0.0;
                for (int i = 0; i <= 20; i++) {
                    double c2 = binomial20(i) * 1048576.0 / CENTRAL;
                    sum += c2 * Math.pow(Math.sin(Math.PI * y) * Math.sin(Math.PI * u), 20 - i)
                            * Math.pow(Math.cos(Math.PI * y) * Math.cos(Math.PI * u), i);
                }
                assertEquals(sum, map.transitionDensity(x, y), 1e-11 * Math.max(1.0, sum),
                        "x = " + x + ", y = " + y);
            }
        }
    }

    @Test
    void transitionDensityIntegratesToOne() {
        for (double amplitude : new double[] {1.0, 0.3}) {
            NoisyLogisticMap map = new NoisyLogisticMap(3.9, amplitude, 0);
            for (double x : new double[] {0.0, 0.2, 0.5, 0.9}) {
                // The density is periodic in y and smooth to high order, so the periodic
                // trapezoid rule converges fast.
                int m = 4000;
                double sum = 0.0;
                for (int j = 0; j < m; j++) {
                    sum += map.transitionDensity(x, (double) j / m);
                }
                assertEquals(1.0, sum / m, 1e-12, "amplitude " + amplitude + ", x = " + x);
            }
        }
    }

    @Test
    void noiseDensityHasTheStatedSupport() {
        NoisyLogisticMap map = new NoisyLogisticMap(4.0, 0.4, 0);
        assertEquals(0.0, map.noiseDensity(0.21));
        assertEquals(0.0, map.noiseDensity(-0.21));
        assertEquals(1048576.0 / CENTRAL / 0.4, map.noiseDensity(0.0), 1e-12);
        assertTrue(map.noiseDensity(0.19) > 0.0);
        assertEquals(map.noiseDensity(0.1), map.noiseDensity(-0.1), 0.0);
        assertEquals("noiseAmplitude is 0: the map is deterministic and its noise has no density",
                assertThrows(IllegalStateException.class,
                        () -> new NoisyLogisticMap(4.0, 0.0, 0).transitionDensity(0.1, 0.2))
                        .getMessage());
    }

    @Test
    void accessorsAndDescription() {
        NoisyLogisticMap map = new NoisyLogisticMap(3.5, 0.25, 77);
        assertEquals(3.5, map.r());
        assertEquals(0.25, map.noiseAmplitude());
        assertEquals(77, map.seed());
        assertEquals(78, map.withSeed(78).seed());
        assertEquals("NoisyLogisticMap[r=3.5, noiseAmplitude=0.25, seed=77]", map.toString());
        assertArrayEquals(new String[] {"x"}, map.variableNames());
        assertEquals(1, map.dimension());
        assertEquals(0.875, map.logistic(0.5));
        assertFalse(map.toString().contains("@"));
    }

    @Test
    void badParametersAreRejected() {
        assertEquals("r must be in [0, 4], got 4.5",
                assertThrows(IllegalArgumentException.class,
                        () -> new NoisyLogisticMap(4.5, 0.1, 0)).getMessage());
        assertEquals("r must be in [0, 4], got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new NoisyLogisticMap(Double.NaN, 0.1, 0)).getMessage());
        assertEquals("noiseAmplitude must be in [0, 1], got -0.1",
                assertThrows(IllegalArgumentException.class,
                        () -> new NoisyLogisticMap(4.0, -0.1, 0)).getMessage());
        assertEquals("noiseAmplitude must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class,
                        () -> new NoisyLogisticMap(4.0, 1.5, 0)).getMessage());
        NoisyLogisticMap map = NoisyLogisticMap.fullyChaotic(0);
        assertEquals("x must be in [0, 1], got -0.5",
                assertThrows(IllegalArgumentException.class,
                        () -> map.transitionDensity(-0.5, 0.2)).getMessage());
        assertEquals("y must be in [0, 1], got 1.01",
                assertThrows(IllegalArgumentException.class,
                        () -> map.transitionDensity(0.5, 1.01)).getMessage());
    }
}
