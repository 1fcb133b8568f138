package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IntegrationSettingsTest {

    @Test
    void defaultsAreTight() {
        assertEquals(new IntegrationSettings(1e-10, 1e-10, 1e-12, Double.POSITIVE_INFINITY),
                IntegrationSettings.defaults());
        assertEquals(new IntegrationSettings(1e-6, 1e-6, 1e-12, Double.POSITIVE_INFINITY),
                IntegrationSettings.defaults().withTolerance(1e-6));
    }

    @Test
    void invalidSettingsAreRejectedWithTheParameterNamed() {
        assertEquals("absTol must be finite and > 0, got 0.0",
                message(() -> new IntegrationSettings(0.0, 1e-8, 0.0, 1.0)));
        assertEquals("relTol must be finite and >= 0, got -1.0E-8",
                message(() -> new IntegrationSettings(1e-8, -1e-8, 0.0, 1.0)));
        assertEquals("minStep must be finite and >= 0, got NaN",
                message(() -> new IntegrationSettings(1e-8, 1e-8, Double.NaN, 1.0)));
        assertEquals("maxStep must be > 0 and >= minStep = 0.5, got 0.25",
                message(() -> new IntegrationSettings(1e-8, 1e-8, 0.5, 0.25)));
        assertEquals("maxStep must be > 0 and >= minStep = 0.0, got 0.0",
                message(() -> new IntegrationSettings(1e-8, 1e-8, 0.0, 0.0)));
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
