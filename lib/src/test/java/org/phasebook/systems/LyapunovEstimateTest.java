package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LyapunovEstimateTest {

    @Test
    void arraysAreCopiedInAndOut() {
        double[] times = {1.0, 2.0};
        double[] running = {0.8, 0.9};
        LyapunovEstimate e = new LyapunovEstimate(0.9, times, running);
        times[0] = 7;
        running[0] = 7;
        e.times()[1] = 7;
        e.runningEstimates()[1] = 7;
        assertArrayEquals(new double[] {1.0, 2.0}, e.times());
        assertArrayEquals(new double[] {0.8, 0.9}, e.runningEstimates());
        assertEquals(new LyapunovEstimate(0.9, new double[] {1.0, 2.0}, new double[] {0.8, 0.9}), e);
        assertEquals(2, e.size());
        assertEquals("LyapunovEstimate[exponent=0.9, renormalisations=2, time=2.0]", e.toString());
    }

    @Test
    void invalidResultsAreRejected() {
        assertEquals("times and runningEstimates must have the same length >= 1, got 2 and 1",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovEstimate(0.9,
                        new double[] {1, 2}, new double[] {0.9})).getMessage());
        assertEquals("exponent must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovEstimate(Double.NaN,
                        new double[] {1}, new double[] {0.9})).getMessage());
    }
}
