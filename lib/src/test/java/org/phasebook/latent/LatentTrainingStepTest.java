package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * {@link LatentTrainingStep}: coordinated dropout (what the encoder sees and which entries carry
 * gradient, brief §3 and §10), the loss value, one step of LangevinFlow (every parameter moves,
 * finite losses) and bit-for-bit reproducibility.
 */
class LatentTrainingStepTest {

    private static Torch torch;
    private static NDManager manager;
    private static LorenzDataset lorenz;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        manager = torch.newManager();
        lorenz = LorenzGenerator.generate(LorenzRecipe.quick());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    // --- coordinated dropout, observed through a model whose log-rates are a parameter ---------

    /**
     * A test model whose log-rates are one parameter {@code table} ({@code B x T x N}, for a
     * batch of exactly {@code B} trials), whatever the input, with a zero KL. The gradient of
     * the step's loss with respect to the table is then the masked per-entry Poisson gradient
     * itself, so Adam's first step moves exactly the entries with {@code G = 1}. It keeps the
     * last input it was shown.
     */
    private static final class TableModel implements LatentModel {
        private final LatentShape shape;
        private final int batch;
        private final float[] initial;
        float[] lastInput;
        boolean lastTraining;

        TableModel(LatentShape shape, int batch, long seed) {
            this.shape = shape;
            this.batch = batch;
            SplittableRandom random = new SplittableRandom(seed);
            initial = new float[batch * shape.bins() * shape.neurons()];
            for (int i = 0; i < initial.length; i++) {
                initial[i] = (float) (0.3 + 0.5 * random.nextGaussian());
            }
        }

        @Override
        public String name() {
            return "table";
        }

        @Override
        public LatentShape shape() {
            return shape;
        }

        @Override
        public NamedWeights initialise(NDManager parent, SplittableRandom random) {
            NamedWeights w = new NamedWeights(parent);
            w.addParameter("table", w.manager().create(initial,
                new Shape(batch, shape.bins(), shape.neurons())));
            return w;
        }

        @Override
        public LatentForward forward(Map<String, NDArray> weights, NDArray input,
                                     TensorNoise noise, boolean training) {
            lastInput = input.toFloatArray();
            lastTraining = training;
            NDArray table = weights.get("table");
            return new LatentForward(table, input.getManager().zeros(new Shape()), table);
        }
    }

    /** Synthetic counts 1..5 everywhere, so that a zero input entry means a dropped one. */
    private static LatentData positiveCounts(LatentShape s, int trials, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return SyntheticCounts.of(s, trials, () -> 1 + random.nextInt(5));
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void coordinatedDropoutMasksInputAndGradientAsReleasedOrBlocked() {
        LatentShape s = new LatentShape(20, 5, 12, 16);
        int b = 64;
        LatentData data = positiveCounts(s, b, 1);
        double lr = 0.01;
        for (LatentTrainingParameters.CdGradient mode : LatentTrainingParameters.CdGradient.values()) {
            for (double c : new double[] {0.5, 0.3}) {
                TableModel model = new TableModel(s, b, 2);
                LatentTrainingParameters training = LatentTrainingParameters.quick().withCdKeep(c)
                    .withCdGradient(mode);
                boolean leaky = mode == LatentTrainingParameters.CdGradient.LEAKY;
                try (NamedWeights w = model.initialise(manager, new SplittableRandom(0));
                     LatentTrainingStep step = new LatentTrainingStep(torch, model, w, training)) {
                    float[] before = w.snapshot().values("table");
                    LatentTrainingStep.Result r = step.step(data, range(b), TensorNoise.seeded(3),
                        0.1, lr, 0);
                    float[] after = w.snapshot().values("table");
                    assertTrue(model.lastTraining, "the step runs the model in training mode");

                    // The value uses every entry: the mean of e^ℓ − yℓ over all of them.
                    double nll = 0;
                    for (int trial = 0; trial < b; trial++) {
                        for (int t = 0; t < s.bins(); t++) {
                            for (int n = 0; n < s.neurons(); n++) {
                                int at = (trial * s.bins() + t) * s.neurons() + n;
                                nll += Math.exp(before[at]) - data.target(trial, t, n) * before[at];
                            }
                        }
                    }
                    nll /= before.length;
                    assertEquals(nll, r.reconstruction(), 1e-5 * Math.abs(nll), "c = " + c);
                    assertEquals(r.reconstruction(), r.loss(), 0.0, "the KL is 0 here");
                    assertEquals(0.0, r.kl(), 0.0);

                    int seen = 0;
                    int observed = 0;
                    int gradientSeen = 0;
                    int gradientDropped = 0;
                    int dropped = 0;
                    for (int trial = 0; trial < b; trial++) {
                        for (int t = 0; t < s.bins(); t++) {
                            for (int n = 0; n < s.neurons(); n++) {
                                int at = (trial * s.bins() + t) * s.neurons() + n;
                                float delta = after[at] - before[at];
                                boolean moved = after[at] != before[at];
                                String where = "c = " + c + ", trial " + trial + " bin " + t
                                    + " neuron " + n;
                                if (moved) {
                                    // Adam's first step is −lr·g/(|g| + 1e-8) with the gradient
                                    // g = (e^ℓ − y)/(entries) of the per-entry mean.
                                    double g = (Math.exp(before[at]) - data.target(trial, t, n))
                                        / before.length;
                                    // Where e^ℓ ≈ y the float32 gradient has few exact digits.
                                    if (Math.abs(g) > 1e-7) {
                                        assertEquals(-lr * g / (Math.abs(g) + 1e-8), delta, 1e-6,
                                            where);
                                    }
                                    assertTrue(Math.abs(delta) <= lr * (1 + 1e-5), where);
                                }
                                if (t >= s.observedBins() || n >= s.heldIn()) {
                                    assertTrue(moved, "G = 1 outside the held-in observed block: "
                                        + where);
                                    continue;
                                }
                                observed++;
                                double x = data.target(trial, t, n);
                                float input = model.lastInput[(trial * s.observedBins() + t)
                                    * s.heldIn() + n];
                                if (input == 0) {
                                    dropped++;
                                    assertTrue(moved, "(1 − m) = 1 implies G = 1: " + where);
                                    gradientDropped++;
                                } else {
                                    assertEquals(x / c, input, 1e-6 * x / c, "x ⊙ m / c: " + where);
                                    seen++;
                                    gradientSeen += moved ? 1 : 0;
                                }
                            }
                        }
                    }
                    assertEquals(observed, seen + dropped);
                    // Fractions with 5-standard-error bands.
                    double keepFraction = (double) seen / observed;
                    assertEquals(c, keepFraction, 5 * Math.sqrt(c * (1 - c) / observed),
                        "encoder-visible fraction, c = " + c);
                    double passFraction = (double) gradientSeen / seen;
                    if (leaky) {
                        assertEquals(1 - c, passFraction, 5 * Math.sqrt(c * (1 - c) / seen),
                            "seen entries that carry gradient (pass mask), c = " + c);
                    } else {
                        assertEquals(0, gradientSeen, "blocked CD: no seen entry carries gradient");
                    }
                    double expected = leaky ? (1 - c) + c * (1 - c) : 1 - c;
                    double gradientFraction = (double) (gradientSeen + gradientDropped) / observed;
                    assertEquals(expected, gradientFraction,
                        5 * Math.sqrt(expected * (1 - expected) / observed),
                        mode + " gradient fraction, c = " + c);
                }
            }
        }
    }

    @Test
    void keepOneTurnsCoordinatedDropoutOff() {
        LatentShape s = new LatentShape(6, 2, 3, 5);
        int b = 4;
        LatentData data = positiveCounts(s, b, 4);
        TableModel model = new TableModel(s, b, 5);
        LatentTrainingParameters training = LatentTrainingParameters.quick().withCdKeep(1);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(0));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w, training);
             NDManager m = manager.newSubManager()) {
            float[] before = w.snapshot().values("table");
            step.step(data, range(b), TensorNoise.seeded(6), 0, 0.01, 0);
            float[] after = w.snapshot().values("table");
            assertEquals(java.util.Arrays.toString(data.input(m, range(b)).toFloatArray()),
                java.util.Arrays.toString(model.lastInput), "the encoder sees x itself");
            for (int i = 0; i < before.length; i++) {
                assertNotEquals(before[i], after[i], "every entry carries gradient: " + i);
            }
        }
    }

    @Test
    void sumPerTrialReducesBySumOverTrials() {
        LatentShape s = new LatentShape(6, 2, 3, 5);
        int b = 4;
        LatentData data = positiveCounts(s, b, 7);
        TableModel model = new TableModel(s, b, 8);
        LatentTrainingParameters training = LatentTrainingParameters.quick()
            .withObjective(1, LatentTrainingParameters.Reconstruction.SUM_PER_TRIAL);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(0));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w, training)) {
            float[] table = w.snapshot().values("table");
            double sum = 0;
            for (int trial = 0; trial < b; trial++) {
                for (int t = 0; t < s.bins(); t++) {
                    for (int n = 0; n < s.neurons(); n++) {
                        int at = (trial * s.bins() + t) * s.neurons() + n;
                        sum += Math.exp(table[at]) - data.target(trial, t, n) * table[at];
                    }
                }
            }
            LatentTrainingStep.Result e = step.evaluate(data, range(b), TensorNoise.seeded(1));
            assertEquals(sum / b, e.reconstruction(), 1e-5 * Math.abs(sum / b));
            assertTrue(Double.isNaN(e.gradientNorm()));
            LatentTrainingStep.Result r = step.step(data, range(b), TensorNoise.seeded(2), 1,
                0.01, 0);
            assertEquals(sum / b, r.reconstruction(), 1e-5 * Math.abs(sum / b));
        }
    }

    // --- LangevinFlow --------------------------------------------------------------------------

    private static LangevinFlow quickModel() {
        return new LangevinFlow(LangevinFlowParameters.quick(), LatentShape.of(lorenz.recipe()));
    }

    @Test
    void oneStepMovesEveryParameterWithFiniteLosses() {
        LangevinFlow model = quickModel();
        LatentData train = LatentData.of(lorenz, Split.TRAIN);
        double lr = 3e-3;
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(1));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w,
                 LatentTrainingParameters.quick())) {
            WeightSnapshot before = w.snapshot();
            // The trainer's first step: κ and the weight decay are still 0 at epoch 0.
            LatentTrainingStep.Result r = step.step(train, range(32), TensorNoise.seeded(2), 0,
                lr, 0);
            assertEquals(1, step.steps());
            WeightSnapshot after = w.snapshot();
            assertTrue(Double.isFinite(r.loss()) && Double.isFinite(r.reconstruction())
                && Double.isFinite(r.kl()), r.toString());
            assertTrue(Double.isFinite(r.gradientNorm()) && r.gradientNorm() > 0, r.toString());
            assertEquals(r.reconstruction(), r.loss(), 0.0, "κ = 0: the loss is the NLL");
            assertTrue(r.kl() > LangevinFlow.stepKlConstant(0.55) * 49 * 32,
                "the KL includes its constant: " + r.kl());
            for (String name : w.parameterNames()) {
                float[] a = before.values(name);
                float[] z = after.values(name);
                int moved = 0;
                for (int i = 0; i < a.length; i++) {
                    assertTrue(Float.isFinite(z[i]), name + " " + i);
                    moved += a[i] != z[i] ? 1 : 0;
                }
                assertTrue(moved > 0, "parameter " + name + " did not move");
            }
            // Brief §2 "Initialisation gotcha": at K = 0 the gradient reaching K is scaled by
            // 1e12, and Adam's first step turns it into ±lr on every entry.
            for (float k : after.values("potential.K")) {
                assertEquals(lr, Math.abs(k), 1e-3 * lr, "K after one step");
            }
            // A second step with a positive KL weight is finite too.
            LatentTrainingStep.Result second = step.step(train, range(32),
                TensorNoise.seeded(3), 0.1, lr, 2e-5);
            assertTrue(Double.isFinite(second.loss()) && Double.isFinite(second.gradientNorm()));
            assertEquals(second.reconstruction() + 0.1 * second.kl(), second.loss(),
                1e-5 * second.loss());
        }
    }

    /** Two steps from seeds; returns the weights and the two results. */
    private static Object[] twoSteps(long initSeed, long noiseSeed) {
        LangevinFlow model = quickModel();
        LatentData train = LatentData.of(lorenz, Split.TRAIN);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(initSeed));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w,
                 LatentTrainingParameters.quick())) {
            TensorNoise noise = TensorNoise.seeded(noiseSeed);
            LatentTrainingStep.Result a = step.step(train, range(32), noise, 0.05, 3e-3, 1e-5);
            int[] batch = new int[32];
            for (int i = 0; i < 32; i++) {
                batch[i] = 95 - 2 * i;
            }
            LatentTrainingStep.Result b = step.step(train, batch, noise, 0.05, 3e-3, 1e-5);
            return new Object[] {w.snapshot(), a, b};
        }
    }

    @Test
    void seedsReproduceTwoStepsBitForBit() {
        Object[] first = twoSteps(4, 5);
        Object[] again = twoSteps(4, 5);
        assertEquals(first[0], again[0], "weights after two steps (WeightSnapshot compares bits)");
        assertEquals(first[1], again[1], "first step's losses");
        assertEquals(first[2], again[2], "second step's losses");
        Object[] otherNoise = twoSteps(4, 6);
        assertNotEquals(first[0], otherNoise[0], "another noise seed, other weights");
    }

    @Test
    void evaluationLeavesTheWeightsAloneAndRepeats() {
        LangevinFlow model = quickModel();
        LatentData validation = LatentData.of(lorenz, Split.EVAL);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(1));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w,
                 LatentTrainingParameters.quick())) {
            WeightSnapshot before = w.snapshot();
            LatentTrainingStep.Result a = step.evaluate(validation, range(16), TensorNoise.seeded(9));
            LatentTrainingStep.Result b = step.evaluate(validation, range(16), TensorNoise.seeded(9));
            assertEquals(a, b);
            assertEquals(before, w.snapshot());
            assertEquals(0, step.steps());
            assertEquals(a.reconstruction() + a.kl(), a.loss(), 1e-9 * Math.abs(a.loss()));
            assertTrue(Double.isFinite(a.loss()) && Double.isNaN(a.gradientNorm()));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        LangevinFlow model = quickModel();
        LatentData other = positiveCounts(new LatentShape(6, 2, 3, 5), 4, 1);
        LatentData train = LatentData.of(lorenz, Split.TRAIN);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(1));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w,
                 LatentTrainingParameters.quick())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step.step(other, range(4), TensorNoise.seeded(0), 0, 1e-3, 0));
            assertTrue(e.getMessage().contains("shape"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                () -> step.evaluate(other, range(4), TensorNoise.seeded(0)));
            for (double kappa : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
                e = assertThrows(IllegalArgumentException.class,
                    () -> step.step(train, range(4), TensorNoise.seeded(0), kappa, 1e-3, 0));
                assertTrue(e.getMessage().startsWith("klWeight"), e.getMessage());
            }
            assertThrows(NullPointerException.class,
                () -> step.step(train, range(4), null, 0, 1e-3, 0));
            assertFalse(step.steps() > 0, "no rejected call took a step");
        }
    }
}
