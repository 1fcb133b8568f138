package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SinkhornParametersTest {

    @Test
    void paperScheduleForOneHotSequencesOfLength30() {
        SinkhornParameters p = SinkhornParameters.paper();
        assertEquals(0.04, p.epsilon(), 1e-17);
        double diameter = Math.sqrt(3 * 30);
        double[] schedule = p.epsilonSchedule(diameter);
        // Δ² twice, then quarters down to the last value above blur², then blur².
        int quarters = (int) Math.ceil(Math.log(diameter / p.blur()) / Math.log(2));
        assertEquals(quarters + 2, schedule.length);
        assertEquals(8, schedule.length, "T = 30 gives only 8 iterations (brief §4)");
        assertEquals(90, schedule[0], 1e-12);
        assertEquals(90, schedule[1], 1e-12);
        for (int i = 2; i < schedule.length - 1; i++) {
            assertEquals(0.25, schedule[i] / schedule[i - 1], 1e-14);
        }
        assertTrue(schedule[schedule.length - 2] > p.epsilon());
        assertEquals(p.epsilon(), schedule[schedule.length - 1], 0);
    }

    @Test
    void scheduleMatchesTheDirectDefinition() {
        for (double scaling : new double[] {0.3, 0.5, 0.77, 0.9}) {
            for (double diameter : new double[] {0.13, 1.0, 2.7, 17.3}) {
                SinkhornParameters p = new SinkhornParameters(0.2, scaling);
                double[] expected = SinkhornReference.schedule(diameter, 0.2, scaling);
                double[] actual = p.epsilonSchedule(diameter);
                assertEquals(expected.length, actual.length,
                    "scaling " + scaling + ", diameter " + diameter);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-13 * expected[i]);
                }
            }
        }
    }

    @Test
    void degenerateDiameters() {
        SinkhornParameters p = SinkhornParameters.paper();
        assertArrayEquals(new double[] {0.1 * 0.1, p.epsilon()}, p.epsilonSchedule(0.1), 0);
        assertArrayEquals(new double[] {p.epsilon(), p.epsilon()}, p.epsilonSchedule(0), 0);
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SinkhornParameters(0, 0.5));
        assertTrue(e.getMessage().contains("blur"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> new SinkhornParameters(Double.NaN, 0.5));
        assertTrue(e.getMessage().contains("blur"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SinkhornParameters(0.2, 1));
        assertTrue(e.getMessage().contains("scaling") && e.getMessage().contains("1.0"));
        e = assertThrows(IllegalArgumentException.class,
            () -> SinkhornParameters.paper().epsilonSchedule(-1));
        assertTrue(e.getMessage().contains("diameter"), e.getMessage());
    }
}
