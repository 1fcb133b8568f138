package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The native Galerkin products and QR factorisations against exact values and identities. */
class NativeSnapshotMatricesTest {

    private static DenseMatrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DenseMatrix a = new DenseMatrix(rows, cols);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = random.nextDouble(-1, 1);
        }
        return a;
    }

    private static double maxDifference(DenseMatrix a, DenseMatrix b) {
        double max = 0.0;
        for (int i = 0; i < a.data.length; i++) {
            max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
        }
        return max;
    }

    @Test
    void galerkinProductsOfSmallIntegerMatricesAreExact() {
        DenseMatrix sx = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DenseMatrix sy = DenseMatrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        GalerkinMatrices galerkin;
        try (NativeSnapshotMatrices s = new NativeSnapshotMatrices(sx, sy)) {
            galerkin = s.galerkin();
        }
        assertArrayEquals(new double[][] {{35, 44}, {44, 56}}, galerkin.g());
        assertArrayEquals(new double[][] {{6, 8}, {8, 10}}, galerkin.a());
        assertArrayEquals(new double[][] {{2, 1}, {1, 2}}, galerkin.l());
    }

    @Test
    void gramMatricesAreExactlySymmetricAndAgreeWithGemm() {
        assertGalerkinAgreesWithGemm(200, 7);
    }

    @Test
    void rowBlocksComputedInParallelAddUpToTheGalerkinMatrices() {
        // 20000 x 80 columns: above the size where the row blocks run in parallel.
        assertGalerkinAgreesWithGemm(20_000, 40);
    }

    private static void assertGalerkinAgreesWithGemm(int m, int n) {
        DenseMatrix sx = random(m, n, 1);
        DenseMatrix sy = random(m, n, 2);
        GalerkinMatrices galerkin;
        try (NativeSnapshotMatrices s = new NativeSnapshotMatrices(sx, sy)) {
            galerkin = s.galerkin();
        }
        DenseMatrix g = DenseMatrix.of(galerkin.g());
        DenseMatrix l = DenseMatrix.of(galerkin.l());
        assertEquals(0.0, maxDifference(g, g.transpose()));
        assertEquals(0.0, maxDifference(l, l.transpose()));
        // Rounding grows with the length m of the sums (entries in [-1, 1]).
        double tolerance = 1e-12 * m / 200;
        assertTrue(maxDifference(g, sx.transposeTimes(sx)) < tolerance);
        assertTrue(maxDifference(DenseMatrix.of(galerkin.a()), sx.transposeTimes(sy)) < tolerance);
        assertTrue(maxDifference(l, sy.transposeTimes(sy)) < tolerance);
    }

    /** R^T R = G, R^T Q^T S_Y = A and (Q^T S_Y)^T Q^T S_Y + B^T B = L. */
    private static void assertFactorsReproduceGalerkin(int m, int n) {
        DenseMatrix sx = random(m, n, 3);
        DenseMatrix sy = random(m, n, 4);
        NativeSnapshotMatrices.Factors f;
        try (NativeSnapshotMatrices s = new NativeSnapshotMatrices(sx, sy)) {
            f = s.qr();
        }
        int k = Math.min(m - n, n);
        assertEquals(k, f.rPerp().rows);
        for (DenseMatrix r : new DenseMatrix[] {f.r(), f.rPerp()}) {
            for (int j = 0; j < n; j++) {
                for (int i = j + 1; i < r.rows; i++) {
                    assertEquals(0.0, r.get(i, j), "below the diagonal at " + i + ", " + j);
                }
            }
        }
        DenseMatrix rtr = f.r().transposeTimes(f.r());
        assertTrue(maxDifference(rtr, sx.transposeTimes(sx)) < 1e-12);
        assertTrue(maxDifference(f.r().transposeTimes(f.qtY()), sx.transposeTimes(sy)) < 1e-12);
        DenseMatrix l = f.qtY().transposeTimes(f.qtY());
        DenseMatrix btb = f.rPerp().transposeTimes(f.rPerp());
        for (int i = 0; i < l.data.length; i++) {
            l.data[i] += btb.data[i];
        }
        assertTrue(maxDifference(l, sy.transposeTimes(sy)) < 1e-12);
    }

    @Test
    void qrFactorsReproduceTheGalerkinMatrices() {
        assertFactorsReproduceGalerkin(300, 6);
    }

    @Test
    void qrFactorsWithFewerThanNExtraRowsGiveATrapezoidalB() {
        assertFactorsReproduceGalerkin(9, 6);
    }

    @Test
    void qrFactorsWithMEqualToNGiveAnEmptyB() {
        assertFactorsReproduceGalerkin(6, 6);
    }

    @Test
    void rejectsFewerRowsThanColumnsAndMismatchedShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NativeSnapshotMatrices(new DenseMatrix(2, 3), new DenseMatrix(2, 3)));
        assertTrue(e.getMessage().contains("2 x 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new NativeSnapshotMatrices(new DenseMatrix(4, 3), new DenseMatrix(5, 3)));
    }
    @Test
    void evaluatingIntoNativeMemoryGivesTheSameNumbersAsCopyingTheJavaMatrices() {
        // M = 600: two full blocks of 256 points and a partial one
        int m = 2 * NativeSnapshotMatrices.BLOCK + 88;
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[m][2];
        double[][] y = new double[m][2];
        double[] sqrtW = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            y[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            sqrtW[i] = Math.sqrt(random.nextDouble(0.5, 2) / m);
        }
        Dictionary dictionary = MonomialDictionary.of(2, 3);
        DenseMatrix sx = DenseMatrix.ofDictionary(dictionary, x, null);
        DenseMatrix sy = DenseMatrix.ofDictionary(dictionary, y, null);
        sx.scaleRows(sqrtW);
        sy.scaleRows(sqrtW);
        GalerkinMatrices copied;
        NativeSnapshotMatrices.Factors copiedFactors;
        try (NativeSnapshotMatrices s = new NativeSnapshotMatrices(sx, sy)) {
            copied = s.galerkin();
            copiedFactors = s.qr();
        }
        GalerkinMatrices evaluated;
        NativeSnapshotMatrices.Factors evaluatedFactors;
        try (NativeSnapshotMatrices s = NativeSnapshotMatrices.evaluate(dictionary, x, y, sqrtW)) {
            evaluated = s.galerkin();
            evaluatedFactors = s.qr();
        }
        assertArrayEquals(copied.g(), evaluated.g());
        assertArrayEquals(copied.a(), evaluated.a());
        assertArrayEquals(copied.l(), evaluated.l());
        assertArrayEquals(copiedFactors.r().data, evaluatedFactors.r().data);
        assertArrayEquals(copiedFactors.qtY().data, evaluatedFactors.qtY().data);
        assertArrayEquals(copiedFactors.rPerp().data, evaluatedFactors.rPerp().data);
    }

    @Test
    void evaluationRefusesNonFiniteValuesAndMismatchedShapes() {
        double[][] x = {{1}, {1e200}, {2}};
        double[] w = {1, 1, 1};
        Dictionary squares = MonomialDictionary.of(1, 2);
        assertEquals("dictionary function 2 at y[1] is not finite: Infinity",
                assertThrows(IllegalArgumentException.class, () -> NativeSnapshotMatrices.evaluate(
                        squares, new double[][] {{1}, {2}, {3}}, x, w)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NativeSnapshotMatrices.evaluate(squares, x, x, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> NativeSnapshotMatrices.evaluate(squares, new double[][] {{1}, {2}},
                        new double[][] {{1}, {2}}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> NativeSnapshotMatrices.evaluate(squares, new double[][] {{1}, {2, 3}, {4}}, x, w));
    }
}
