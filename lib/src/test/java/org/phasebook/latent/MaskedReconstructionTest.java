package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

/**
 * {@link MaskedReconstruction} on two hand-made models whose answer is known: one that copies
 * its input into its held-in rates, and one that predicts every entry with the true rate
 * whatever it is shown.
 */
class MaskedReconstructionTest {

    /** Every count is Poisson with this mean. */
    private static final double RATE = 2.0;
    private static final LatentShape SHAPE = new LatentShape(10, 2, 6, 8);

    private static Torch torch;
    private static NDManager manager;
    private static LatentData data;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        manager = torch.newManager();
        data = poisson(SHAPE, 300, 5);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /**
     * Log-rates: on held-in observed entries either {@code log(input + 0.05)} (the copier: its
     * rate is what it was shown, rescaled input included) or {@code log RATE}; {@code log RATE}
     * everywhere else. One unused weight (a snapshot cannot be empty).
     */
    private record Fixed(boolean copies) implements LatentModel {

        @Override
        public String name() {
            return copies ? "copier" : "true rate";
        }

        @Override
        public LatentShape shape() {
            return SHAPE;
        }

        @Override
        public NamedWeights initialise(NDManager parent, SplittableRandom random) {
            NamedWeights w = new NamedWeights(parent);
            w.addParameter("unused", w.manager().zeros(new Shape(1)));
            return w;
        }

        @Override
        public LatentForward forward(Map<String, NDArray> weights, NDArray input,
                                     TensorNoise noise, boolean training) {
            NDManager m = input.getManager();
            int b = (int) input.getShape().get(0);
            float[] x = input.toFloatArray();
            float[] log = new float[b * SHAPE.bins() * SHAPE.neurons()];
            java.util.Arrays.fill(log, (float) Math.log(RATE));
            if (copies) {
                for (int k = 0; k < b; k++) {
                    for (int t = 0; t < SHAPE.observedBins(); t++) {
                        for (int i = 0; i < SHAPE.heldIn(); i++) {
                            log[(k * SHAPE.bins() + t) * SHAPE.neurons() + i] = (float) Math.log(
                                x[(k * SHAPE.observedBins() + t) * SHAPE.heldIn() + i] + 0.05);
                        }
                    }
                }
            }
            NDArray logRates = m.create(log, new Shape(b, SHAPE.bins(), SHAPE.neurons()));
            return new LatentForward(logRates, m.zeros(new Shape()), logRates);
        }
    }

    /** Poisson(RATE) counts everywhere, drawn by inversion. */
    private static LatentData poisson(LatentShape s, int trials, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return SyntheticCounts.of(s, trials, () -> {
            double u = random.nextDouble();
            double p = Math.exp(-RATE);
            double c = p;
            int k = 0;
            while (u > c) {
                k++;
                p *= RATE / k;
                c += p;
            }
            return k;
        });
    }

    private static final WeightSnapshot NONE = new WeightSnapshot(
        Map.of("unused", new WeightSnapshot.Tensor(new long[] {1}, new float[] {0})));

    @Test
    void aModelThatPredictsFromContextScoresBothSetsAlike() {
        MaskedReconstruction r = MaskedReconstruction.of(torch, new Fixed(false), NONE, data, 0.5, 2, 1);
        // Same rate for every entry: the expected NLL per entry is RATE − E[y] log RATE.
        double expected = RATE - RATE * Math.log(RATE);
        assertEquals(expected, r.unmasked(), 0.02);
        assertEquals(expected, r.hidden(), 0.03);
        assertEquals(expected, r.shown(), 0.03);
        // The sets are random halves: about 300 x 10 x 6 x 2 draws / 2 entries each.
        long total = r.hiddenCount() + r.shownCount();
        assertEquals(2L * 300 * 10 * 6, total);
        assertEquals(0.5, r.shownCount() / (double) total, 0.01);
        assertEquals(0, r.gap(), 0.04);
    }

    @Test
    void aModelThatCopiesItsInputScoresTheShownEntriesBetter() {
        MaskedReconstruction r = MaskedReconstruction.of(torch, new Fixed(true), NONE, data, 0.5, 2, 1);
        // Shown entries get rate 2y + 0.05 (the input is scaled by 1/keep), hidden ones 0.05:
        // a hidden spike costs -y log 0.05, about 3 nats per count.
        assertTrue(r.gap() > 3, "gap " + r.gap());
        assertTrue(r.shown() < r.hidden());
        // Unmasked, the copier sees every spike at its own scale.
        assertTrue(r.unmasked() < r.shown(), r.unmasked() + " vs " + r.shown());
    }

    @Test
    void sameSeedSameNumbers() {
        MaskedReconstruction a = MaskedReconstruction.of(torch, new Fixed(true), NONE, data, 0.7, 1, 9);
        MaskedReconstruction b = MaskedReconstruction.of(torch, new Fixed(true), NONE, data, 0.7, 1, 9);
        assertEquals(a, b);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MaskedReconstruction.of(torch, new Fixed(false), NONE, data, 1.0, 1, 1));
        assertTrue(e.getMessage().contains("keep"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> MaskedReconstruction.of(torch, new Fixed(false), NONE, data, 0.5, 0, 1));
        assertTrue(e.getMessage().contains("draws"), e.getMessage());
        LatentData other = poisson(new LatentShape(10, 2, 5, 8), 4, 1);
        e = assertThrows(IllegalArgumentException.class,
            () -> MaskedReconstruction.of(torch, new Fixed(false), NONE, other, 0.5, 1, 1));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
}
