package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.Torch;

/**
 * {@link LatentData}: the target layout (held-in then held-out neurons, observed then forward
 * bins) and the input against a generated Lorenz data set, and the rejection of bad arrays.
 */
class LatentDataTest {

    private static LorenzDataset dataset;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        dataset = LorenzGenerator.generate(LorenzRecipe.quick());
        manager = Torch.start().newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void targetsAndInputFollowTheLorenzArrays() {
        LorenzRecipe r = dataset.recipe();
        for (Split split : Split.values()) {
            LatentData data = LatentData.of(dataset, split);
            assertEquals(LatentShape.of(r), data.shape());
            assertEquals(r.trials(split), data.trials());
            int[][][] all = dataset.spikes(split);
            int[][][] heldin = dataset.heldin(split);
            int[][][] heldout = dataset.heldout(split);
            int[][][] heldinForward = dataset.heldinForward(split);
            int[][][] heldoutForward = dataset.heldoutForward(split);
            int nin = r.heldIn();
            int to = r.observedBins();
            for (int trial = 0; trial < data.trials(); trial++) {
                for (int bin = 0; bin < r.bins(); bin++) {
                    for (int n = 0; n < r.neurons(); n++) {
                        // From the four NLB blocks, independently of spikes().
                        int expected = bin < to
                            ? (n < nin ? heldin[trial][bin][n] : heldout[trial][bin][n - nin])
                            : (n < nin ? heldinForward[trial][bin - to][n]
                                : heldoutForward[trial][bin - to][n - nin]);
                        assertEquals(expected, data.target(trial, bin, n), 0.0,
                            split + " trial " + trial + " bin " + bin + " neuron " + n);
                        assertEquals(all[trial][bin][n], expected, "spikes() agrees");
                    }
                }
            }
        }
    }

    @Test
    void uploadedArraysGatherTheRequestedTrialsInOrder() {
        LatentData data = LatentData.of(dataset, Split.EVAL);
        LatentShape s = data.shape();
        int[] indices = {5, 0, 5, data.trials() - 1};
        int[][][] heldin = dataset.heldin(Split.EVAL);
        try (NDManager m = manager.newSubManager()) {
            NDArray x = data.input(m, indices);
            NDArray y = data.targets(m, indices);
            assertEquals(new Shape(4, s.observedBins(), s.heldIn()), x.getShape());
            assertEquals(new Shape(4, s.bins(), s.neurons()), y.getShape());
            assertEquals(DataType.FLOAT32, x.getDataType());
            assertEquals(DataType.FLOAT32, y.getDataType());
            float[] xv = x.toFloatArray();
            float[] yv = y.toFloatArray();
            for (int i = 0; i < indices.length; i++) {
                for (int bin = 0; bin < s.bins(); bin++) {
                    for (int n = 0; n < s.neurons(); n++) {
                        assertEquals(data.target(indices[i], bin, n),
                            yv[(i * s.bins() + bin) * s.neurons() + n], 0.0);
                        if (bin < s.observedBins() && n < s.heldIn()) {
                            assertEquals(heldin[indices[i]][bin][n],
                                xv[(i * s.observedBins() + bin) * s.heldIn() + n], 0.0,
                                "input of row " + i + " bin " + bin + " neuron " + n);
                        }
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> data.input(m, new int[0]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> data.targets(m, new int[] {0, data.trials()}));
            assertTrue(e.getMessage().contains(Integer.toString(data.trials())), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> data.input(m, new int[] {-1}));
        }
    }

    @Test
    void nlbTensorsGiveTheSameTrials() {
        NlbTensors t = dataset.toNlbTensors();
        for (boolean train : new boolean[] {true, false}) {
            LatentData a = LatentData.of(t, train);
            LatentData b = LatentData.of(dataset, train ? Split.TRAIN : Split.EVAL);
            assertEquals(b.shape(), a.shape());
            assertEquals(b.trials(), a.trials());
            try (NDManager m = manager.newSubManager()) {
                int[] all = new int[a.trials()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                assertArrayEquals(b.targets(m, all).toFloatArray(), a.targets(m, all).toFloatArray());
                assertArrayEquals(b.input(m, all).toFloatArray(), a.input(m, all).toFloatArray());
            }
        }
    }

    // --- a small hand-made case -------------------------------------------------------------

    private static final LatentShape SMALL = new LatentShape(2, 1, 2, 3);

    /** {@code [trials][bins][neurons]} filled with {@code base + 100 r + 10 b + n}. */
    private static double[][][] block(int trials, int bins, int neurons, double base) {
        double[][][] a = new double[trials][bins][neurons];
        for (int r = 0; r < trials; r++) {
            for (int b = 0; b < bins; b++) {
                for (int n = 0; n < neurons; n++) {
                    a[r][b][n] = base + 100 * r + 10 * b + n;
                }
            }
        }
        return a;
    }

    @Test
    void smallCaseHasTheDocumentedLayout() {
        LatentData d = LatentData.of(SMALL, block(2, 2, 2, 0), block(2, 2, 1, 1000),
            block(2, 1, 2, 2000), block(2, 1, 1, 3000));
        // Trial 1, observed bin 1: held-in 110, 111, then held-out 1110.
        assertEquals(110, d.target(1, 1, 0), 0.0);
        assertEquals(111, d.target(1, 1, 1), 0.0);
        assertEquals(1110, d.target(1, 1, 2), 0.0);
        // Trial 1, forward bin (index 2 = forward 0): held-in 2100, 2101, held-out 3100.
        assertEquals(2100, d.target(1, 2, 0), 0.0);
        assertEquals(2101, d.target(1, 2, 1), 0.0);
        assertEquals(3100, d.target(1, 2, 2), 0.0);
        try (NDManager m = manager.newSubManager()) {
            assertArrayEquals(new float[] {100, 101, 110, 111},
                d.input(m, new int[] {1}).toFloatArray(), 0f);
            assertArrayEquals(new float[] {0, 1, 1000, 10, 11, 1010, 2000, 2001, 3000},
                d.targets(m, new int[] {0}).toFloatArray(), 0f);
        }
    }

    @Test
    void withoutForwardBinsTheForwardArraysMayBeNull() {
        LatentShape s = new LatentShape(2, 0, 2, 3);
        LatentData d = LatentData.of(s, block(1, 2, 2, 0), block(1, 2, 1, 50), null, null);
        assertEquals(50, d.target(0, 0, 2), 0.0);
        assertEquals(11, d.target(0, 1, 1), 0.0);
    }

    @Test
    void badCountsAreRejectedNamingTheArrayAndEntry() {
        double[] bad = {-1, Double.NaN, Double.POSITIVE_INFINITY};
        String[] names = {"heldin", "heldout", "heldinForward", "heldoutForward"};
        for (double v : bad) {
            for (int which = 0; which < 4; which++) {
                double[][][][] a = {block(2, 2, 2, 0), block(2, 2, 1, 0), block(2, 1, 2, 0),
                    block(2, 1, 1, 0)};
                a[which][1][a[which][1].length - 1][0] = v;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LatentData.of(SMALL, a[0], a[1], a[2], a[3]), names[which] + " " + v);
                String msg = e.getMessage();
                assertTrue(msg.startsWith(names[which] + " ") && msg.contains("trial 1")
                    && msg.contains(Double.toString(v)), msg);
            }
        }
    }

    @Test
    void wrongShapesAreRejectedNamingTheArray() {
        double[][][] hi = block(2, 2, 2, 0);
        double[][][] ho = block(2, 2, 1, 0);
        double[][][] hif = block(2, 1, 2, 0);
        double[][][] hof = block(2, 1, 1, 0);
        expect("heldout", () -> LatentData.of(SMALL, hi, block(3, 2, 1, 0), hif, hof));
        expect("heldout", () -> LatentData.of(SMALL, hi, block(2, 3, 1, 0), hif, hof));
        expect("heldout", () -> LatentData.of(SMALL, hi, block(2, 2, 2, 0), hif, hof));
        expect("heldin", () -> LatentData.of(SMALL, block(2, 2, 3, 0), ho, hif, hof));
        expect("heldin", () -> LatentData.of(SMALL, block(2, 1, 2, 0), ho, hif, hof));
        expect("heldinForward", () -> LatentData.of(SMALL, hi, ho, null, hof));
        expect("heldinForward", () -> LatentData.of(SMALL, hi, ho, block(2, 2, 2, 0), hof));
        expect("heldoutForward", () -> LatentData.of(SMALL, hi, ho, hif, null));
        expect("heldoutForward", () -> LatentData.of(SMALL, hi, ho, hif, block(2, 1, 2, 0)));
        double[][][] ragged = block(2, 2, 2, 0);
        ragged[1][0] = new double[1];
        expect("heldin", () -> LatentData.of(SMALL, ragged, ho, hif, hof));
        expect("heldin", () -> LatentData.of(SMALL, new double[0][][], ho, hif, hof));
        expect("heldin", () -> LatentData.of(SMALL, null, ho, hif, hof));
    }

    private static void expect(String name, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, name);
        assertTrue(e.getMessage().startsWith(name + " "), "expected a message about " + name
            + ", got: " + e.getMessage());
    }
}
