package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.Torch;

class RnnOutputSamplerTest {

    private static Torch torch;

    @BeforeAll
    static void start() {
        torch = Torch.start();
    }

    /** Weights with outputs that change often: PyTorch's scale times 4. */
    private static RnnFloatWeights weights() {
        RnnWeights w = RnnWeights.random(20, 5, 3, new SplittableRandom(8));
        double[][][] m = {w.inputWeights(), w.recurrentWeights(), w.readoutWeights()};
        for (double[][] a : m) {
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 4;
                }
            }
        }
        return RnnFloatWeights.of(new RnnWeights(m[0], m[1], m[2]));
    }

    @Test
    void agreesWithThePlainJavaDynamicsDrawForDraw() {
        RnnFloatWeights w = weights();
        RnnDynamics dynamics = new RnnDynamics(w.toRnnWeights());
        RnnOutputSampler sampler = new RnnOutputSampler(torch, w, 64);
        for (boolean quirk : new boolean[] {false, true}) {
            int[][] expected = dynamics.sampleOutputs(300, 25, 1.5, new SplittableRandom(4), quirk);
            int[][] actual = sampler.sample(300, 25, 1.5, new SplittableRandom(4), quirk);
            int differ = 0;
            int changes = 0;
            for (int n = 0; n < 300; n++) {
                for (int t = 0; t < 25; t++) {
                    differ += expected[n][t] != actual[n][t] ? 1 : 0;
                    changes += t > 0 && actual[n][t] != actual[n][t - 1] ? 1 : 0;
                }
            }
            // Only float-vs-double rounding at a cumulative boundary can flip a symbol.
            assertTrue(differ <= 3, differ + " of 7,500 symbols differ (quirk " + quirk + ")");
            assertTrue(changes > 200, "the outputs should vary, " + changes + " changes");
        }
    }

    @Test
    void chunkSizeDoesNotChangeTheResult() {
        RnnFloatWeights w = weights();
        int[][] a = new RnnOutputSampler(torch, w, 7).sample(30, 9, 1.0, new SplittableRandom(2),
            false);
        int[][] b = new RnnOutputSampler(torch, w, 512).sample(30, 9, 1.0, new SplittableRandom(2),
            false);
        for (int n = 0; n < 30; n++) {
            assertArrayEquals(a[n], b[n]);
        }
    }

    @Test
    void quirkMakesTheFirstSymbolUniform() {
        RnnFloatWeights w = weights();
        int[][] s = new RnnOutputSampler(torch, w, 512).sample(6_000, 2, 1.0,
            new SplittableRandom(6), true);
        int[] counts = new int[3];
        for (int[] row : s) {
            counts[row[0]]++;
        }
        double se = Math.sqrt(6_000 * (1.0 / 3) * (2.0 / 3));
        for (int c = 0; c < 3; c++) {
            assertEquals(2_000, counts[c], 5 * se, "symbol " + c);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new RnnOutputSampler(torch, w, 0));
        assertTrue(e.getMessage().contains("chunk"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new RnnOutputSampler(torch, w, 4).sample(1, 0, 1, new SplittableRandom(1), false));
        assertEquals(0, new RnnOutputSampler(torch, w, 4).sample(0, 3, 1,
            new SplittableRandom(1), false).length);
    }
}
