package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DenseMatrixTest {

    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return a;
    }

    private static double[][] naiveProduct(double[][] a, double[][] b, boolean transposeA) {
        int m = transposeA ? a[0].length : a.length;
        int k = transposeA ? a.length : a[0].length;
        double[][] c = new double[m][b[0].length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int p = 0; p < k; p++) {
                    c[i][j] += (transposeA ? a[p][i] : a[i][p]) * b[p][j];
                }
            }
        }
        return c;
    }

    @Test
    void layoutIsColumnMajorAndRoundTrips() {
        DenseMatrix m = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, m.data);
        assertArrayEquals(new double[][] {{1, 4}, {2, 5}, {3, 6}}, m.transpose().toArray());
        assertArrayEquals(new double[][] {{4, 5, 6}}, m.rowRange(1, 2).toArray());
    }

    @Test
    void productsMatchTheDefinition() {
        double[][] a = random(7, 4, 1);
        double[][] b = random(4, 5, 2);
        double[][] c = random(7, 3, 3);
        assertTrue(Spectra.maxDifference(naiveProduct(a, b, false),
                DenseMatrix.of(a).times(DenseMatrix.of(b)).toArray()) < 1e-14);
        assertTrue(Spectra.maxDifference(naiveProduct(a, c, true),
                DenseMatrix.of(a).transposeTimes(DenseMatrix.of(c)).toArray()) < 1e-14);
        assertEquals(0, DenseMatrix.of(a).times(new DenseMatrix(4, 0)).cols);
        assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(a).times(DenseMatrix.of(c)));
    }

    @Test
    void productsAreRightThroughTheReusedNativeBlockAndAboveItsLimit() throws Exception {
        // small, then larger (the block grows), then one above the limit (arrays passed
        // directly), then small again: each against the definition
        int[][] shapes = {{3, 2, 4}, {60, 40, 50}, {7, 5, 3}, {1500, 1500, 2}, {5, 4, 6}};
        long seed = 10;
        for (int[] s : shapes) {
            double[][] a = random(s[0], s[1], seed++);
            double[][] b = random(s[1], s[2], seed++);
            double[][] at = random(s[1], s[0], seed++);
            long doubles = (long) s[0] * s[1] + (long) s[1] * s[2] + (long) s[0] * s[2];
            String what = Arrays.toString(s)
                    + (doubles > DenseMatrix.SCRATCH_LIMIT ? " (arrays)" : " (block)");
            assertTrue(Spectra.maxDifference(naiveProduct(a, b, false),
                    DenseMatrix.of(a).times(DenseMatrix.of(b)).toArray()) < 1e-12, what);
            assertTrue(Spectra.maxDifference(naiveProduct(at, b, true),
                    DenseMatrix.of(at).transposeTimes(DenseMatrix.of(b)).toArray()) < 1e-12,
                    what + " transposed");
        }
        // threads have blocks of their own: concurrent products do not see each other's operands
        double[][] a = random(80, 30, 90);
        double[][] b = random(30, 20, 91);
        double[][] expected = naiveProduct(a, b, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Double>> errors = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                errors.add(pool.submit(() -> {
                    double worst = 0;
                    for (int r = 0; r < 50; r++) {
                        worst = Math.max(worst, Spectra.maxDifference(expected,
                                DenseMatrix.of(a).times(DenseMatrix.of(b)).toArray()));
                    }
                    return worst;
                }));
            }
            for (Future<Double> e : errors) {
                assertTrue(e.get() < 1e-12, "concurrent product error " + e.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void triangularSolvesInvertTheUpperTriangle() {
        double[][] r = {{2, 1, -1}, {0, 3, 0.5}, {0, 0, -4}};
        double[][] b = random(3, 2, 4);
        DenseMatrix x = DenseMatrix.of(b);
        DenseMatrix.of(r).solveUpperInPlace(x, false);
        assertTrue(Spectra.maxDifference(b, naiveProduct(r, x.toArray(), false)) < 1e-15);

        DenseMatrix y = DenseMatrix.of(b);
        DenseMatrix.of(r).solveUpperInPlace(y, true);
        assertTrue(Spectra.maxDifference(b, naiveProduct(r, y.toArray(), true)) < 1e-15);

        double[][] c = random(5, 3, 5);
        double[][] z = DenseMatrix.of(r).rightSolveUpper(DenseMatrix.of(c)).toArray();
        assertTrue(Spectra.maxDifference(c, naiveProduct(z, r, false)) < 1e-15);

        assertThrows(ArithmeticException.class, () -> DenseMatrix.of(new double[][] {{1, 1}, {0, 0}})
                .solveUpperInPlace(DenseMatrix.of(new double[][] {{1}, {1}}), false));
    }

    @Test
    void symmetriseAndScaleRowsAndNorm() {
        DenseMatrix m = DenseMatrix.of(new double[][] {{1, 2}, {4, 3}});
        m.symmetrise();
        assertArrayEquals(new double[][] {{1, 3}, {3, 3}}, m.toArray());
        m.scaleRows(new double[] {2, -1});
        assertArrayEquals(new double[][] {{2, 6}, {-3, -3}}, m.toArray());
        assertEquals(Math.sqrt(4 + 36 + 9 + 9), m.frobeniusNorm(), 1e-15);
    }
}
