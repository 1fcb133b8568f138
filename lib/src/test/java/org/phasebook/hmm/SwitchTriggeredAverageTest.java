package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Averages of planted responses around switches, event selection and argument checks. */
class SwitchTriggeredAverageTest {

    @Test
    void recoversAPlantedResponseAndCountsOnlyCleanSwitchesInsideTheRun() {
        // outputs: 0 x8, 2 x8, 0 x8, ... ; a 2 x1 blip inside a 0-run must not count (dwell 1 < minDwell)
        int steps = 400;
        int[] outputs = new int[steps];
        for (int t = 0; t < steps; t++) {
            outputs[t] = (t / 8) % 2 == 0 ? 0 : 2;
        }
        outputs[3] = 2; // a blip: 0 0 0 2 0 ... the 0 after it has dwell 1 of symbol 2
        SplittableRandom random = new SplittableRandom(5);
        double[][] series = new double[steps][2];
        for (int t = 0; t < steps; t++) {
            series[t][0] = random.nextGaussian() * 1e-3;
            series[t][1] = t; // a ramp: its average at offset o is (mean event row) + o
        }
        // column 0 responds with +1 one row before every 0 -> 2 switch and +5 at it
        for (int t = 1; t < steps; t++) {
            if (outputs[t] == 2 && outputs[t - 1] == 0 && t >= 8) {
                series[t - 1][0] += 1.0;
                series[t][0] += 5.0;
            }
        }
        SwitchTriggeredAverage a = SwitchTriggeredAverage.of(series, outputs, 0, 2, 3, 2, 4);
        // switches 0 -> 2 at t = 8, 24, ..., 392 (25 of them); t = 392 lacks 2 rows after? 392 + 2 < 400: kept
        assertEquals(25, a.switches());
        assertArrayEquals(new double[] {-3, -2, -1, 0, 1, 2}, a.offsets());
        double[] response = a.column(0);
        assertEquals(1.0, response[2], 1e-3);
        assertEquals(5.0, response[3], 1e-3);
        assertEquals(0.0, response[0], 1e-3);
        double meanEvent = (8 + 392) / 2.0;
        double[] ramp = a.column(1);
        for (int o = 0; o < ramp.length; o++) {
            assertEquals(meanEvent + o - 3, ramp[o], 1e-9);
        }
        // the reverse direction uses its own events
        SwitchTriggeredAverage back = SwitchTriggeredAverage.of(series, outputs, 2, 0, 3, 2, 4);
        assertEquals(24, back.switches());
        assertEquals(0.0, back.column(0)[3], 1e-2);
    }

    @Test
    void windowsMustFitInsideTheRun() {
        int[] outputs = {0, 0, 0, 2, 2, 2};
        double[][] series = {{1}, {2}, {3}, {4}, {5}, {6}};
        assertEquals(1, SwitchTriggeredAverage.of(series, outputs, 0, 2, 3, 2, 1).switches());
        SwitchTriggeredAverage none = SwitchTriggeredAverage.of(series, outputs, 0, 2, 4, 2, 1);
        assertEquals(0, none.switches());
        assertTrue(Double.isNaN(none.column(0)[0]));
        assertEquals(0, SwitchTriggeredAverage.of(series, outputs, 0, 2, 3, 3, 1).switches());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6},
                SwitchTriggeredAverage.of(series, outputs, 0, 2, 3, 2, 3).column(0));
    }

    @Test
    void rejectsBadArguments() {
        int[] outputs = {0, 2};
        double[][] series = {{1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> SwitchTriggeredAverage.of(series, new int[3], 0, 2, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SwitchTriggeredAverage.of(series, outputs, 2, 2, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SwitchTriggeredAverage.of(series, outputs, 0, 2, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SwitchTriggeredAverage.of(series, outputs, 0, 2, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SwitchTriggeredAverage(0, 2, 1, 1, 0, new double[2][1]));
    }
}
