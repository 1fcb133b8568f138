package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OutputGridTest {

    @Test
    void timesCountFromTheEndOfTheTransient() {
        OutputGrid g = OutputGrid.of(1.0, 0.1, 11).withTransient(5.0);
        assertEquals(new OutputGrid(1.0, 5.0, 0.1, 11), g);
        assertEquals(6.0, g.start());
        assertEquals(6.0 + 3 * 0.1, g.time(3));
        assertEquals(6.0 + 10 * 0.1, g.end());
    }

    @Test
    void invalidGridsAreRejectedWithTheParameterNamed() {
        assertEquals("dt must be finite and > 0, got 0.0", message(() -> OutputGrid.of(0.0, 0.0, 10)));
        assertEquals("dt must be finite and > 0, got -0.1", message(() -> OutputGrid.of(0.0, -0.1, 10)));
        assertEquals("dt must be finite and > 0, got NaN",
                message(() -> OutputGrid.of(0.0, Double.NaN, 10)));
        assertEquals("n must be >= 2, got 1", message(() -> OutputGrid.of(0.0, 0.1, 1)));
        assertEquals("t0 must be finite, got -Infinity",
                message(() -> OutputGrid.of(Double.NEGATIVE_INFINITY, 0.1, 10)));
        assertEquals("transientTime must be finite and >= 0, got -1.0",
                message(() -> new OutputGrid(0.0, -1.0, 0.1, 10)));
        assertEquals("end time t0 + transientTime + (n - 1) * dt must be finite, got Infinity",
                message(() -> OutputGrid.of(0.0, 1e308, 10)));
        assertEquals("dt must be larger than the floating-point resolution 2.3283064365386963E-10"
                + " at the end time 1000000.0000000001, got 1.0E-10",
                message(() -> OutputGrid.of(1e6, 1e-10, 2)));
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
