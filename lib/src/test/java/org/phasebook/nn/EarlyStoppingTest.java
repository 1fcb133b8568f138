package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutStrictImprovement() {
        EarlyStopping s = new EarlyStopping(2);
        assertTrue(s.update(5.0));
        assertTrue(s.update(4.0));
        assertFalse(s.update(4.0), "a tie is not an improvement");
        assertFalse(s.shouldStop());
        assertFalse(s.update(4.5));
        assertTrue(s.shouldStop());
        assertEquals(4.0, s.best());
        assertEquals(1, s.bestEpoch());
        assertTrue(s.update(3.0));
        assertFalse(s.shouldStop());
        assertFalse(s.update(Double.NaN));
    }

    @Test
    void zeroPatienceNeverStops() {
        EarlyStopping s = new EarlyStopping(0);
        s.update(1);
        for (int i = 0; i < 100; i++) {
            s.update(2);
        }
        assertFalse(s.shouldStop());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new EarlyStopping(-1));
        assertTrue(e.getMessage().contains("patience"), e.getMessage());
    }

    @Test
    void lossHistoryChecksAndCopies() {
        double[] losses = {3, 2, 1};
        LossHistory h = new LossHistory(losses, new double[] {1, 1, 1}, new double[] {2.5, 1},
            new double[] {2.4, 1.1}, new int[] {2, 3}, 1, false);
        losses[0] = 99;
        assertEquals(3, h.stepLosses()[0]);
        assertEquals(1.1, h.bestValidationLoss());
        assertEquals(2.5, h.meanStepLoss(0, 2));
        assertArrayEquals(new int[] {2, 3}, h.epochEndSteps());
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(new double[2],
            new double[1], new double[0], new double[0], new int[0], -1, false));
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(new double[0],
            new double[0], new double[1], new double[1], new int[1], 1, false));
        List<Double> seen = new ArrayList<>();
        TrainingListener.fraction(seen::add).onStep(new TrainingListener.Step(3, 4, 0, 1, 1));
        assertEquals(List.of(0.75), seen);
    }
}
