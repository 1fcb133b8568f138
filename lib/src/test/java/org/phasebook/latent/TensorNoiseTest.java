package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.Torch;

class TensorNoiseTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = Torch.start().newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** The draws of one pass of batch size {@code b}, in the order a forward pass makes them. */
    private static List<float[]> pass(TensorNoise noise, int b) {
        List<float[]> out = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            for (NDArray a : List.of(noise.bernoulli(m, new Shape(b, 7), 0.5),
                    noise.dropout(m, new Shape(3, b, 5), 0.05),
                    noise.normal(m, new Shape(b, 4)),
                    noise.normal(m, new Shape(9, b, 4)),
                    noise.bernoulli(m, new Shape(b, 2, 3), 0.3))) {
                out.add(a.toFloatArray());
            }
        }
        return out;
    }

    @Test
    void drawingAheadGivesTheNumbersOfDrawingInline() {
        // Two epochs of batches 8, 8, 3 (the last one short), then one batch of 8 that ends it.
        int[] sizes = {8, 8, 3, 8, 8, 3, 8};
        TensorNoise inline = TensorNoise.seeded(17);
        TensorNoise ahead = TensorNoise.seeded(17);
        for (int i = 0; i < sizes.length; i++) {
            ahead.beginPass(sizes[i], i + 1 < sizes.length ? sizes[i + 1] : -1);
            List<float[]> expected = pass(inline, sizes[i]);
            List<float[]> got = pass(ahead, sizes[i]);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), got.get(k), "pass " + i + ", draw " + k);
            }
        }
    }

    @Test
    void aPassThatDrawsOtherNoiseThanItsKeysFirstIsAnError() {
        TensorNoise noise = TensorNoise.seeded(3);
        noise.beginPass(4, 4);
        pass(noise, 4);
        noise.beginPass(4, 4);
        try (NDManager m = manager.newSubManager()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> noise.normal(m, new Shape(4, 7)));
            assertTrue(e.getMessage().contains("drawn ahead"), e.getMessage());
        }
    }

    @Test
    void aPassOfAnotherKeyThanAnnouncedIsAnError() {
        TensorNoise noise = TensorNoise.seeded(5);
        noise.beginPass(4, 4);
        pass(noise, 4);
        noise.beginPass(4, 4);   // draws this pass ahead, and announces the next as key 4
        pass(noise, 4);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> noise.beginPass(2, -1));
        assertEquals("the previous pass announced key 4 for this one, which has key 2",
            e.getMessage());
    }
}
