package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NlbTensorsTest {

    private static double[][][] filled(int trials, int bins, int channels, double value) {
        double[][][] a = new double[trials][bins][channels];
        for (double[][] trial : a) {
            for (double[] row : trial) {
                java.util.Arrays.fill(row, value);
            }
        }
        return a;
    }

    private static NlbTensors valid() {
        return new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, 0), filled(3, 2, 2, 1),
                filled(3, 2, 1, 0), filled(2, 4, 2, 1), filled(2, 4, 1, 2), filled(2, 2, 2, 0),
                filled(2, 2, 1, 1), filled(3, 4, 3, 0.5), filled(2, 4, 3, 0.5));
    }

    @Test
    void aValidSetReportsItsShape() {
        NlbTensors t = valid();
        assertEquals(3, t.trainTrials());
        assertEquals(2, t.evalTrials());
        assertEquals(4, t.observedBins());
        assertEquals(2, t.forwardBins());
        assertEquals(2, t.heldInNeurons());
        assertEquals(1, t.heldOutNeurons());
        assertEquals(t, NlbTensors.fromMap(new HashMap<>(t.toMap())));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[][][] heldin = filled(3, 4, 2, 1);
        NlbTensors t = new NlbTensors(heldin, filled(3, 4, 1, 0), null, null, filled(2, 4, 2, 1),
                filled(2, 4, 1, 2), null, null, null, null);
        NlbTensors same = new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, 0), null, null,
                filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, null, null);
        heldin[0][0][0] = 9;
        t.trainSpikesHeldin()[0][0][0] = 9;
        assertEquals(same, t);
        assertEquals(same.hashCode(), t.hashCode());
        assertNotEquals(valid(), t);
    }

    @Test
    void badShapesAndValuesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, 1), filled(3, 5, 1, 0), null, null,
                        filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, null, null));
        assertTrue(e.getMessage().contains("train_spikes_heldout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, 0), null, null,
                        filled(2, 4, 3, 1), filled(2, 4, 1, 2), null, null, null, null));
        assertTrue(e.getMessage().contains("eval_spikes_heldin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, -1), filled(3, 4, 1, 0), null, null,
                        filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, null, null));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, Double.POSITIVE_INFINITY),
                        null, null, filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, null,
                        null));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, 0), null, null,
                        filled(2, 4, 2, 1), null, null, null, null, null));
        assertTrue(e.getMessage().contains("eval_spikes_heldout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(filled(3, 4, 2, 1), filled(3, 4, 1, 0), null, null,
                        filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, filled(3, 4, 1, 0),
                        filled(2, 3, 1, 0)));
        assertTrue(e.getMessage().contains("eval_behavior"), e.getMessage());
        double[][][] ragged = filled(3, 4, 2, 1);
        ragged[1][2] = new double[3];
        e = assertThrows(IllegalArgumentException.class,
                () -> new NlbTensors(ragged, filled(3, 4, 1, 0), null, null,
                        filled(2, 4, 2, 1), filled(2, 4, 1, 2), null, null, null, null));
        assertTrue(e.getMessage().contains("rectangular"), e.getMessage());
        Map<String, double[][][]> unknown = new HashMap<>(valid().toMap());
        unknown.put("train_rates_heldin", filled(3, 4, 2, 1));
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensors.fromMap(unknown));
        assertTrue(e.getMessage().contains("train_rates_heldin"), e.getMessage());
    }
}
