package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DelayEmbeddingTest {

    private static final double[] U = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void delayVectorsFollowTheBriefsIndexing() {
        // psi_j(x_m) = u_{m + h(j-1)}, Psi_Y shifted by one sample.
        SnapshotPairs p = DelayEmbedding.of(U, 3, 2);
        assertEquals(5, p.size(), "10 - 1 - 2 * 2");
        assertArrayEquals(new double[] {0, 2, 4}, p.x()[0]);
        assertArrayEquals(new double[] {4, 6, 8}, p.x()[4]);
        assertArrayEquals(new double[] {1, 3, 5}, p.y()[0]);
        assertArrayEquals(new double[] {5, 7, 9}, p.y()[4]);
        assertEquals(Weights.monteCarlo(5), p.weights());
        assertEquals(2, DelayEmbedding.of(U, 3, 2, 2).size());
    }

    @Test
    void severalSeriesAreConcatenatedBlockByBlock() {
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = 100 + i;
        }
        SnapshotPairs p = DelayEmbedding.of(new double[][] {U, v}, 2, 1, 3);
        assertArrayEquals(new double[] {1, 2, 101, 102}, p.x()[1]);
        assertArrayEquals(new double[] {2, 3, 102, 103}, p.y()[1]);
    }

    @Test
    void linearRecurrenceIsExactWithDelayCoordinates() {
        // u_{n+1} = 2 cos(w) u_n - u_{n-1}: u = cos(w n) has eigenvalues e^{+-iw} on 2 delays.
        double w = 0.4;
        double[] u = new double[50];
        for (int n = 0; n < u.length; n++) {
            u[n] = Math.cos(w * n + 0.3);
        }
        EdmdModel model = new Edmd(new CoordinateDictionary(2)).fit(DelayEmbedding.of(u, 2, 1));
        Spectra.assertSameSpectrum(new Complex[] {Complex.unit(w), Complex.unit(-w)},
                model.eigenvalues(), 1e-13);
        assertEquals(0.0, model.maxResidual(), 1e-13);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("delays must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DelayEmbedding.of(U, 0, 1)).getMessage());
        assertEquals("step must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DelayEmbedding.of(U, 2, 0)).getMessage());
        assertEquals("snapshots must be in [1, 5] for series of length 10 with 3 delays of step 2,"
                + " got 6", assertThrows(IllegalArgumentException.class,
                        () -> DelayEmbedding.of(U, 3, 2, 6)).getMessage());
        assertEquals("series must have length >= h(N-1) + 2 = 20 for N = 10 delays of step h = 2,"
                + " got 10", assertThrows(IllegalArgumentException.class,
                        () -> DelayEmbedding.of(U, 10, 2)).getMessage());
        assertEquals("series[0][3] must be finite, got NaN", assertThrows(
                IllegalArgumentException.class,
                () -> DelayEmbedding.of(new double[] {1, 2, 3, Double.NaN}, 1, 1)).getMessage());
    }
}
