package org.phasebook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelDensityParametersTest {

    @Test
    void defaultsAreAHundredSquaredGridWithSeabornsCutAndScottsBandwidth() {
        assertEquals(new KernelDensityParameters(100, 100, 3.0, 1.0), KernelDensityParameters.DEFAULT);
        assertEquals(new KernelDensityParameters(200, 200, 3.0, 1.0), KernelDensityParameters.SEABORN);
        assertEquals(new KernelDensityParameters(7, 9, 3.0, 1.0), KernelDensityParameters.DEFAULT.withGrid(7, 9));
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheParameterValueAndRange() {
        assertMessage("columns must be in [2, 4096], got 1", () -> new KernelDensityParameters(1, 10, 3, 1));
        assertMessage("rows must be in [2, 4096], got 4097", () -> new KernelDensityParameters(10, 4097, 3, 1));
        assertMessage("cut must be finite and >= 0, got -0.5", () -> new KernelDensityParameters(10, 10, -0.5, 1));
        assertMessage("cut must be finite and >= 0, got NaN", () -> new KernelDensityParameters(10, 10, Double.NaN, 1));
        assertMessage("bandwidthAdjust must be finite and > 0, got 0.0", () -> new KernelDensityParameters(10, 10, 3, 0));
        assertMessage("bandwidthAdjust must be finite and > 0, got Infinity",
                () -> new KernelDensityParameters(10, 10, 3, Double.POSITIVE_INFINITY));
        // The edges of the ranges are accepted.
        assertEquals(2, new KernelDensityParameters(2, 4096, 0, 1e-3).columns());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
