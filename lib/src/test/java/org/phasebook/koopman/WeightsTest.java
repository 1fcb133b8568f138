package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void monteCarloWeightsAreOneOverM() {
        Weights w = Weights.monteCarlo(4);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, w.values());
        assertEquals(4, w.size());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, w.sqrt());
    }

    @Test
    void valuesAreCopied() {
        double[] v = {1, 2};
        Weights w = Weights.of(v);
        v[0] = 5;
        w.values()[1] = 5;
        assertEquals(Weights.of(1, 2), w);
        assertEquals(2.0, w.get(1));
    }

    @Test
    void negativeNonFiniteEmptyAndZeroWeightsAreRefused() {
        assertEquals("weights[1] must be finite and >= 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> Weights.of(1, -0.5)).getMessage());
        assertEquals("weights[0] must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Weights.of(Double.NaN)).getMessage());
        assertEquals("weights[0] must be finite and >= 0, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Weights.of(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("weights must hold at least 1 value, got 0",
                assertThrows(IllegalArgumentException.class, Weights::of).getMessage());
        assertEquals("weights must have a positive sum, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Weights.of(0, 0)).getMessage());
        assertEquals("M must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Weights.monteCarlo(0)).getMessage());
    }
}
