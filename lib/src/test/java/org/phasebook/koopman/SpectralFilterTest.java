package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralFilterTest {

    @Test
    void everyFilterIsOneAtZeroAndZeroAtOne() {
        for (SpectralFilter f : SpectralFilter.values()) {
            assertEquals(1.0, f.value(0.0), 0.0, f.name());
            assertEquals(0.0, f.value(1.0), 1e-15, f.name());
            double[] w = f.weights(8);
            assertEquals(1.0, w[0], 0.0, f.name());
            assertEquals(0.0, w[8], 0.0, f.name());
        }
    }

    @Test
    void closedFormsAtInteriorPoints() {
        assertEquals(0.75, SpectralFilter.FEJER.value(0.25), 0.0);
        assertEquals(0.5, SpectralFilter.RAISED_COSINE.value(0.5), 1e-16);
        // Vandeven-4 is symmetric about (1/2, 1/2): 1 - (35 - 42 + 17.5 - 2.5)/16 = 1/2.
        assertEquals(0.5, SpectralFilter.VANDEVEN_4.value(0.5), 1e-15);
        // The bump's constant makes it pass through (1/2, 1/2).
        assertEquals(0.5, SpectralFilter.BUMP.value(0.5), 1e-12);
    }

    @Test
    void filtersDecreaseMonotonicallyOnTheUnitInterval() {
        for (SpectralFilter f : SpectralFilter.values()) {
            double previous = f.value(0.0);
            for (int k = 1; k <= 1000; k++) {
                double v = f.value(k / 1000.0);
                assertTrue(v <= previous + 1e-15, f + " increases at x = " + k / 1000.0);
                previous = v;
            }
        }
    }

    @Test
    void orderShowsAsTheVanishingOfOneMinusPhiAtZero() {
        // (1 - phi(x)) / x^p tends to a non-zero constant for a filter of order p.
        assertEquals(1.0, (1 - SpectralFilter.FEJER.value(1e-3)) / 1e-3, 1e-12);
        assertEquals(Math.PI * Math.PI / 4, (1 - SpectralFilter.RAISED_COSINE.value(1e-3)) / 1e-6,
                1e-5);
        assertEquals(35.0, (1 - SpectralFilter.VANDEVEN_4.value(1e-3)) / 1e-12, 0.1);
        // Infinite order: below every power already at x = 0.2.
        assertEquals(0.0, 1 - SpectralFilter.BUMP.value(0.2), 0.0);
        assertEquals(1.0, SpectralFilter.FEJER.order());
        assertEquals(2.0, SpectralFilter.RAISED_COSINE.order());
        assertEquals(4.0, SpectralFilter.VANDEVEN_4.order());
        assertEquals(Double.POSITIVE_INFINITY, SpectralFilter.BUMP.order());
    }

    @Test
    void argumentsOutsideTheUnitIntervalAreRefused() {
        assertEquals("x must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> SpectralFilter.BUMP.value(1.5)).getMessage());
        assertEquals("x must be in [0, 1], got NaN", assertThrows(IllegalArgumentException.class,
                () -> SpectralFilter.FEJER.value(Double.NaN)).getMessage());
    }
}
