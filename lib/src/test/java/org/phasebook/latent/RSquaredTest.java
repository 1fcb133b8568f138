package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RSquaredTest {

    @Test
    void perfectPredictionScoresOneAndTheMeanScoresZero() {
        double[][] y = {{1, 10}, {2, -4}, {3, 0}, {6, 2}};
        assertEquals(1.0, RSquared.score(y, y));
        // Column means 3 and 2.
        double[][] mean = {{3, 2}, {3, 2}, {3, 2}, {3, 2}};
        assertEquals(0.0, RSquared.score(y, mean));
    }

    @Test
    void aHandCheckedTwoColumnExample() {
        // Column 0: SS_res = 1, SS_tot = 5 (y = 1..4, mean 2.5) -> 0.8.
        // Column 1: y = 0, 0, 0, 4 (mean 1, SS_tot = 12), pred = 1, 0, 0, 2: SS_res = 5 -> 7/12.
        double[][] y = {{1, 0}, {2, 0}, {3, 0}, {4, 4}};
        double[][] p = {{1, 1}, {2, 0}, {3, 0}, {5, 2}};
        assertArrayEquals(new double[] {0.8, 7.0 / 12.0}, RSquared.perOutput(y, p), 1e-15);
        assertEquals((0.8 + 7.0 / 12.0) / 2, RSquared.score(y, p), 1e-15);
    }

    @Test
    void theSwappedOrderDiffersOnASkewedExample() {
        // Truth with one large value; a shrunk prediction. Conventional: SS_tot of the truth.
        double[][] truth = {{0}, {0}, {0}, {10}};
        double[][] pred = {{1}, {1}, {1}, {7}};
        // SS_res = 1 + 1 + 1 + 9 = 12; SS_tot(truth) = 3 * 6.25 + 56.25 = 75; SS_tot(pred) = 27.
        assertEquals(1 - 12.0 / 75.0, RSquared.score(truth, pred), 1e-15);
        assertEquals(1 - 12.0 / 27.0, RSquared.score(pred, truth), 1e-15);
    }

    @Test
    void constantColumnsFollowSklearnsForceFinite() {
        double[][] y = {{2, 1}, {2, 2}};
        assertArrayEquals(new double[] {1.0, 1.0}, RSquared.perOutput(y, y));
        double[][] p = {{2.5, 1}, {2, 2}};
        assertEquals(0.0, RSquared.perOutput(y, p)[0]);
        assertTrue(Double.isNaN(RSquared.score(new double[][] {{1}}, new double[][] {{2}})));
    }

    @Test
    void threeDimensionalArraysFlattenTrialsAndBins() {
        double[][][] y = {{{1, 0}, {2, 0}}, {{3, 0}, {4, 4}}};
        double[][][] p = {{{1, 1}, {2, 0}}, {{3, 0}, {5, 2}}};
        assertEquals((0.8 + 7.0 / 12.0) / 2, RSquared.score(y, p), 1e-15);
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RSquared.score(new double[][] {{1}, {2}}, new double[][] {{1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RSquared.score(new double[][] {{1}, {Double.NaN}}, new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("yTrue[1][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RSquared.score(new double[][] {{1, 2}, {2}}, new double[][] {{1, 2}, {2, 3}}));
    }
}
