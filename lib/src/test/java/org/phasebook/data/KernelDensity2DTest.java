package org.phasebook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KernelDensity2DTest {

    private static final KernelDensity2D DEFAULT = new KernelDensity2D();

    /** Correlated, off-centre points: a ring and a blob, so that no symmetry hides an error. */
    private static double[][] lopsided(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * random.nextDouble();
            boolean ring = random.nextDouble() < 0.7;
            double u = random.nextGaussian();
            double v = random.nextGaussian();
            xy[0][i] = ring ? 3 + 2 * Math.cos(angle) + 0.2 * u : -1 + 0.5 * u;
            xy[1][i] = ring ? -2 + Math.sin(angle) + 0.6 * xy[0][i] + 0.2 * v : 1 + 0.3 * v + 0.2 * u;
        }
        return xy;
    }

    @Test
    void scottsFactorAndTheKernelCovariance() {
        assertEquals(0.5, KernelDensity2D.scottFactor(64), 1e-15);
        assertEquals(Math.pow(10_000, -1.0 / 6), KernelDensity2D.scottFactor(10_000), 1e-15);
        // Sample covariance of (0,0), (1,0), (0,1) by hand: mean (1/3, 1/3), divisor 2.
        double[][] s = KernelDensity2D.sampleCovariance(new double[] {0, 1, 0}, new double[] {0, 0, 1});
        assertArrayEquals(new double[] {1.0 / 3, -1.0 / 6}, s[0], 1e-15);
        assertArrayEquals(new double[] {-1.0 / 6, 1.0 / 3}, s[1], 1e-15);
        // K = (adjust * n^(-1/6))^2 S: for 64 points 1/4 of S, and S itself with adjust 2.
        double[][] xy = lopsided(64, 1);
        double[][] sample = KernelDensity2D.sampleCovariance(xy[0], xy[1]);
        double[][] k = DEFAULT.kernelCovariance(xy[0], xy[1]);
        double[][] k2 = new KernelDensity2D(new KernelDensityParameters(10, 10, 3, 2)).kernelCovariance(xy[0], xy[1]);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(0.25 * sample[i][j], k[i][j], 1e-15);
                assertEquals(sample[i][j], k2[i][j], 1e-14);
            }
        }
    }

    @Test
    void theGridSpansTheDataPlusCutKernelDeviations() {
        double[][] xy = lopsided(500, 2);
        KernelDensity2D kde = new KernelDensity2D(new KernelDensityParameters(37, 23, 2.5, 1));
        DensityGrid grid = kde.estimate(xy[0], xy[1]);
        double[][] k = grid.kernelCovariance();
        double[] x = grid.x();
        double[] y = grid.y();
        assertEquals(37, x.length);
        assertEquals(23, y.length);
        assertEquals(min(xy[0]) - 2.5 * Math.sqrt(k[0][0]), x[0], 1e-12);
        assertEquals(max(xy[0]) + 2.5 * Math.sqrt(k[0][0]), x[36], 1e-12);
        assertEquals(min(xy[1]) - 2.5 * Math.sqrt(k[1][1]), y[0], 1e-12);
        assertEquals(max(xy[1]) + 2.5 * Math.sqrt(k[1][1]), y[22], 1e-12);
        assertArrayEquals(DEFAULT.kernelCovariance(xy[0], xy[1])[0], k[0], 1e-15);
    }

    @Test
    void everyNodeEqualsTheExactKernelSum() {
        // Brute force: one exp per (node, point), the definition of the estimate.
        double[][] xy = lopsided(300, 3);
        KernelDensity2D kde = new KernelDensity2D(new KernelDensityParameters(41, 29, 3, 0.7));
        DensityGrid grid = kde.estimate(xy[0], xy[1]);
        double[][] k = grid.kernelCovariance();
        double det = k[0][0] * k[1][1] - k[0][1] * k[0][1];
        double[] x = grid.x();
        double[] y = grid.y();
        double peak = 0.0;
        double worst = 0.0;
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < x.length; c++) {
                double sum = 0.0;
                for (int i = 0; i < xy[0].length; i++) {
                    double u = x[c] - xy[0][i];
                    double v = y[r] - xy[1][i];
                    sum += Math.exp(-0.5 * (k[1][1] * u * u - 2 * k[0][1] * u * v + k[0][0] * v * v) / det);
                }
                double exact = sum / (xy[0].length * 2 * Math.PI * Math.sqrt(det));
                peak = Math.max(peak, exact);
                worst = Math.max(worst, Math.abs(grid.density(r, c) - exact));
            }
        }
        assertTrue(worst <= 1e-12 * peak, "largest difference " + worst + " of peak " + peak);
    }

    @Test
    void theEstimateIntegratesToOneOverTheGrid() {
        for (int n : new int[] {3, 50, 10_000}) {
            double[][] xy = lopsided(n, n);
            assertEquals(1.0, DEFAULT.estimate(xy[0], xy[1]).mass(), 1e-3, "n " + n);
        }
        double[][] normal = GaussianSamples.random(10_000, 4);
        assertEquals(1.0, DEFAULT.estimate(normal[0], normal[1]).mass(), 1e-3);
        // The margin matters: without it a good part of the outermost kernels falls off the grid.
        double[][] xy = lopsided(50, 50);
        double cutOff = new KernelDensity2D(new KernelDensityParameters(100, 100, 0, 1)).estimate(xy[0], xy[1]).mass();
        assertTrue(cutOff < 0.99, "mass without margin " + cutOff);
    }

    @Test
    void theNinetyFivePercentLevelOfANormalIsTheSmoothedNormalsLevel() {
        // The estimate is the sample convolved with N(0, h^2 S); for N(0, I) data that is
        // N(0, (1 + h^2) I), whose 95 % highest-density set is bounded by
        // t = 0.05 / (2 pi (1 + h^2)). The quasi-random sample matches N(0, I) to O(1/n), and the
        // grid's lattice error is below 1 % (DensityGridTest), so we ask for 1.5 %; without the
        // smoothing (t = 0.05 / (2 pi)) the level would be 4.4 % higher at n = 10,000.
        int n = 10_000;
        double[][] xy = GaussianSamples.quasiRandom(n);
        double h2 = Math.pow(n, -1.0 / 3);
        for (double adjust : new double[] {1, 3}) {
            KernelDensity2D kde = new KernelDensity2D(new KernelDensityParameters(100, 100, 3, adjust));
            DensityGrid grid = kde.estimate(xy[0], xy[1]);
            double expected = 0.05 / (2 * Math.PI * (1 + adjust * adjust * h2));
            double unsmoothed = 0.05 / (2 * Math.PI);
            assertEquals(expected, grid.massThreshold(0.95), 0.015 * expected, "adjust " + adjust);
            assertTrue(Math.abs(unsmoothed / expected - 1) > 0.03, "the oracle must tell smoothing apart");
            // The peak is the smoothed normal's, 1 / (2 pi (1 + h^2)), to the same accuracy.
            double peak = 0.0;
            for (double[] row : grid.density()) {
                for (double v : row) {
                    peak = Math.max(peak, v);
                }
            }
            assertEquals(1 / (2 * Math.PI * (1 + adjust * adjust * h2)), peak, 0.015 * peak, "adjust " + adjust);
        }
    }

    @Test
    void scalingAndShiftingTheDataMapsTheGridExactly() {
        // Scott's kernel follows the data's covariance, so z -> c z + b maps the grid by the same
        // map and the density by 1 / c^2; the mass threshold scales by 1 / c^2.
        double[][] xy = lopsided(2_000, 5);
        DensityGrid base = DEFAULT.estimate(xy[0], xy[1]);
        double c = 3.7;
        double bx = -12.5;
        double by = 4.25;
        double[] x = new double[xy[0].length];
        double[] y = new double[xy[0].length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c * xy[0][i] + bx;
            y[i] = c * xy[1][i] + by;
        }
        DensityGrid moved = DEFAULT.estimate(x, y);
        double peak = 0.0;
        for (double[] row : base.density()) {
            for (double v : row) {
                peak = Math.max(peak, v);
            }
        }
        for (int j = 0; j < base.columns(); j++) {
            assertEquals(c * base.x()[j] + bx, moved.x()[j], 1e-12 * c);
        }
        for (int r = 0; r < base.rows(); r++) {
            assertEquals(c * base.y()[r] + by, moved.y()[r], 1e-12 * c);
            for (int j = 0; j < base.columns(); j++) {
                assertEquals(base.density(r, j) / (c * c), moved.density(r, j), 1e-12 * peak / (c * c));
            }
        }
        assertEquals(base.massThreshold(0.95) / (c * c), moved.massThreshold(0.95), 1e-11 * base.massThreshold(0.95));
    }

    @Test
    void pointsGivenAsRowsUseTheirFirstTwoColumns() {
        double[][] xy = lopsided(100, 6);
        double[][] rows = new double[100][];
        for (int i = 0; i < 100; i++) {
            rows[i] = new double[] {xy[0][i], xy[1][i], 99.0};
        }
        DensityGrid fromRows = DEFAULT.estimate(rows);
        DensityGrid fromColumns = DEFAULT.estimate(xy[0], xy[1]);
        assertArrayEquals(fromColumns.x(), fromRows.x(), 0.0);
        for (int r = 0; r < fromRows.rows(); r++) {
            assertArrayEquals(fromColumns.density()[r], fromRows.density()[r], 0.0);
        }
    }

    @Test
    void badPointsAreRejectedNamingTheParameter() {
        assertMessage("points must number >= 3, got 2", () -> DEFAULT.estimate(new double[] {0, 1}, new double[] {0, 2}));
        assertMessage("y must have x.length = 3 values, got 2", () -> DEFAULT.estimate(new double[] {0, 1, 2}, new double[] {0, 2}));
        assertMessage("x[1] must be finite, got NaN", () -> DEFAULT.estimate(new double[] {0, Double.NaN, 2}, new double[] {0, 2, 1}));
        assertMessage("y[2] must be finite, got Infinity",
                () -> DEFAULT.estimate(new double[] {0, 1, 2}, new double[] {0, 2, Double.POSITIVE_INFINITY}));
        assertMessage("points must not lie on one line", () -> DEFAULT.estimate(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}));
        assertMessage("points must not lie on one line", () -> DEFAULT.estimate(new double[] {0, 1, 2}, new double[] {4, 4, 4}));
        assertMessage("points[1] must hold >= 2 coordinates (the plane's), got 1",
                () -> DEFAULT.estimate(new double[][] {{0, 0}, {1}, {2, 2}}));
        assertMessage("n must be >= 1, got 0", () -> KernelDensity2D.scottFactor(0));
        assertThrows(NullPointerException.class, () -> new KernelDensity2D(null));
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
