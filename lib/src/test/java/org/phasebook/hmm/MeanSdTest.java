package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanSdTest {

    @Test
    void sampleMeanAndStandardDeviation() {
        MeanSd m = MeanSd.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, m.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7.0), m.sd(), 1e-15);  // n - 1 denominator
        assertEquals(m.sd() / Math.sqrt(8), m.standardError(), 1e-15);
        assertEquals(m, MeanSd.of(new int[] {2, 4, 4, 4, 5, 5, 7, 9}));
        assertEquals(0.0, MeanSd.of(new double[] {3}).sd(), 0.0);
        assertTrue(Double.isNaN(MeanSd.of(new double[0]).mean()));
        // two passes keep a large offset from swamping the spread
        MeanSd offset = MeanSd.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3});
        assertEquals(1.0, offset.sd(), 1e-12);
        CategoricalHmmTest.assertMessage(() -> new MeanSd(0, -1, 2), "sd must be >= 0");
        CategoricalHmmTest.assertMessage(() -> new MeanSd(0, 1, -2), "count must be >= 0");
    }
}
