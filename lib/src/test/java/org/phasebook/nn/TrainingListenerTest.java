package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingListenerTest {

    @Test
    void progressReportsTheFractionAndALossStatus() {
        List<Double> fractions = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        TrainingListener l = TrainingListener.progress(fractions::add, statuses::add);
        l.onStep(new TrainingListener.Step(1, 4, 0, 0.75, 1));
        l.onEpoch(new TrainingListener.Epoch(0, 2, 0.7, 0.625, true));
        l.onStep(new TrainingListener.Step(3, 4, 1, 0.5, 1));
        assertEquals(List.of(0.25, 0.75), fractions);
        assertEquals(List.of("epoch 0, loss 0.7500", "epoch 1, loss 0.5000, validation 0.6250"),
            statuses);
        assertThrows(IllegalArgumentException.class, () -> TrainingListener.progress(null, s -> { }));
    }
}
