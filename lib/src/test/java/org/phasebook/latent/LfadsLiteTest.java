package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;
import org.phasebook.nn.WeightSnapshot;

class LfadsLiteTest {

    /** A small shape: 6 observed and 2 forward bins, 3 of 5 neurons held in. */
    private static final LatentShape SMALL = new LatentShape(6, 2, 3, 5);
    private static final LfadsLiteParameters TINY = new LfadsLiteParameters(4, 3, 5, 2, 0.2);

    private static Torch torch;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        manager = torch.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    // --- parameters ----------------------------------------------------------------------------

    @Test
    void scalesAreTheBriefs() {
        assertEquals(new LfadsLiteParameters(64, 64, 100, 8, 0.05), LfadsLiteParameters.defaults());
        LfadsLiteParameters q = LfadsLiteParameters.quick();
        assertTrue(q.encoderHidden() < 64 && q.generatorHidden() < 100, q::toString);
    }

    @Test
    void invalidParametersAreNamedWithValueAndRange() {
        expectMessage(() -> new LfadsLiteParameters(0, 8, 8, 8, 0.1),
            "encoderHidden", "0", "[1, 4096]");
        expectMessage(() -> new LfadsLiteParameters(8, 4097, 8, 8, 0.1),
            "initialConditionSize", "4097", "[1, 4096]");
        expectMessage(() -> new LfadsLiteParameters(8, 8, -3, 8, 0.1),
            "generatorHidden", "-3", "[1, 4096]");
        expectMessage(() -> new LfadsLiteParameters(8, 8, 8, 0, 0.1),
            "factors", "0", "[1, 4096]");
        expectMessage(() -> new LfadsLiteParameters(8, 8, 8, 8, 1.0),
            "dropout", "1.0", "[0, 1)");
        expectMessage(() -> new LfadsLiteParameters(8, 8, 8, 8, -0.1),
            "dropout", "-0.1", "[0, 1)");
        expectMessage(() -> new LfadsLiteParameters(8, 8, 8, 8, Double.NaN),
            "dropout", "NaN", "[0, 1)");
        new LfadsLiteParameters(1, 1, 1, 1, 0.0);
        new LfadsLiteParameters(4096, 4096, 4096, 4096, 0.99);
    }

    @Test
    void trainingSetsTheElboObjectiveAndKeepsTheRest() {
        LatentTrainingParameters base = LatentTrainingParameters.defaults();
        LatentTrainingParameters t = LfadsLite.training(base);
        assertEquals(1.0, t.klWeight());
        assertEquals(LatentTrainingParameters.Reconstruction.SUM_PER_TRIAL, t.reconstruction());
        assertEquals(base.withObjective(t.klWeight(), t.reconstruction()), t);
        assertEquals(base.cdKeep(), t.cdKeep());
        assertEquals(base.rampEpochs(), t.rampEpochs());
    }

    // --- forward pass --------------------------------------------------------------------------

    @Test
    void weightsAreNamedAndSizedAsDocumented() {
        LfadsLite model = new LfadsLite(TINY, SMALL);
        assertEquals("LFADS-lite", model.name());
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(1))) {
            assertEquals(List.of(
                "encoder.forward.weight_ih", "encoder.forward.weight_hh",
                "encoder.forward.bias_ih", "encoder.forward.bias_hh",
                "encoder.backward.weight_ih", "encoder.backward.weight_hh",
                "encoder.backward.bias_ih", "encoder.backward.bias_hh",
                "g0.mean.weight", "g0.mean.bias", "g0.logvar.weight", "g0.logvar.bias",
                "generator.initial.weight", "generator.initial.bias",
                "generator.cell.weight_hh", "generator.cell.bias_ih", "generator.cell.bias_hh",
                "factors.weight", "readout.weight", "readout.bias"), w.parameterNames());
            int e = 4;
            int g0 = 3;
            int g = 5;
            int f = 2;
            long encoder = 2L * (3 * e * 3 + 3 * e * e + 2 * 3 * e);
            long posterior = 2L * (2 * e * g0 + g0);
            long generator = g0 * g + g + 3 * g * g + 2 * 3 * g;
            long readout = (long) f * g + f * 5 + 5;
            assertEquals(encoder + posterior + generator + readout, w.count());
        }
    }

    @Test
    void forwardHasTheDocumentedShapesAndFiniteFloat32Values() {
        LfadsLite model = new LfadsLite(TINY, SMALL);
        try (NDManager m = manager.newSubManager();
             NamedWeights w = model.initialise(m, new SplittableRandom(2))) {
            NDArray input = counts(m, 3, SMALL, new SplittableRandom(3));
            for (boolean training : new boolean[] {true, false}) {
                LatentForward f = model.forward(w.view(), input, TensorNoise.seeded(4), training);
                assertEquals(new Shape(3, 8, 5), f.logRates().getShape());
                assertEquals(new Shape(), f.kl().getShape());
                assertEquals(new Shape(3, 8, 5), f.latents().getShape());
                for (NDArray a : new NDArray[] {f.logRates(), f.kl(), f.latents()}) {
                    assertEquals(DataType.FLOAT32, a.getDataType());
                    for (float v : a.toFloatArray()) {
                        assertTrue(Float.isFinite(v), "training " + training + ": " + v);
                    }
                }
                assertTrue(f.kl().getFloat() >= 0);
            }
            assertThrows(IllegalArgumentException.class, () -> model.forward(w.view(),
                m.zeros(new Shape(3, 5, 3)), TensorNoise.seeded(1), false));
        }
    }

    @Test
    void backwardEncoderReadsTheSequenceReversed() {
        LfadsLite model = new LfadsLite(TINY, SMALL);
        int b = 2;
        int to = SMALL.observedBins();
        int nIn = SMALL.heldIn();
        int e = TINY.encoderHidden();
        try (NDManager m = manager.newSubManager();
             NamedWeights w = model.initialise(m, new SplittableRandom(5))) {
            NDArray input = counts(m, b, SMALL, new SplittableRandom(6));
            float[] x = input.toFloatArray();
            float[] encoded = model.encode(w.view(), input).toFloatArray();
            assertEquals(b * 2 * e, encoded.length);
            for (int trial = 0; trial < b; trial++) {
                double[][] forwardOrder = new double[to][];
                double[][] reversed = new double[to][];
                for (int t = 0; t < to; t++) {
                    forwardOrder[t] = new double[nIn];
                    reversed[to - 1 - t] = new double[nIn];
                    for (int n = 0; n < nIn; n++) {
                        forwardOrder[t][n] = x[(trial * to + t) * nIn + n];
                        reversed[to - 1 - t][n] = forwardOrder[t][n];
                    }
                }
                double[] fwd = referenceGru(w.view(), "encoder.forward", forwardOrder);
                double[] bwd = referenceGru(w.view(), "encoder.backward", reversed);
                double[] bwdWrongWay = referenceGru(w.view(), "encoder.backward", forwardOrder);
                double gap = 0;
                for (int i = 0; i < e; i++) {
                    assertEquals(fwd[i], encoded[trial * 2 * e + i], 1e-5, "forward " + i);
                    assertEquals(bwd[i], encoded[trial * 2 * e + e + i], 1e-5, "backward " + i);
                    gap = Math.max(gap, Math.abs(bwd[i] - bwdWrongWay[i]));
                }
                // The case matters: reading forwards would give another state.
                assertTrue(gap > 1e-2, "order made no difference: " + gap);
            }
        }
    }

    @Test
    void klIsTheClosedFormPerTrial() {
        double[][] mu = {{0.5, -1.0, 2.0}, {0.0, 0.3, -0.7}};
        double[][] logVar = {{0.0, -0.5, 1.2}, {0.4, -2.0, 0.1}};
        double expected = 0;
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                expected += 0.5 * (-logVar[b][i] - 1 + mu[b][i] * mu[b][i] + Math.exp(logVar[b][i]));
            }
        }
        expected /= 2;
        try (NDManager m = manager.newSubManager()) {
            NDArray kl = LfadsLite.gaussianKl(m.create(mu).toType(DataType.FLOAT32, false),
                m.create(logVar).toType(DataType.FLOAT32, false));
            assertEquals(new Shape(), kl.getShape());
            assertEquals(expected, kl.getFloat(), 1e-5);
            assertEquals(0.0, LfadsLite.gaussianKl(m.zeros(new Shape(4, 3)),
                m.zeros(new Shape(4, 3))).getFloat(), 0.0);
        }
    }

    @Test
    void forwardKlUsesTheInitialConditionPosterior() {
        // Zero weights and chosen biases make μ and log σ² the same known vector for every trial.
        LfadsLite model = new LfadsLite(TINY, SMALL);
        float[] mu = {0.4f, -1.5f, 0.9f};
        float[] logVar = {-0.3f, 0.7f, -1.1f};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += 0.5 * (-logVar[i] - 1 + mu[i] * mu[i] + Math.exp(logVar[i]));
        }
        try (NDManager m = manager.newSubManager();
             NamedWeights w = model.initialise(m, new SplittableRandom(7))) {
            Map<String, NDArray> weights = new HashMap<>(w.view());
            weights.put("g0.mean.weight", m.zeros(new Shape(3, 8)));
            weights.put("g0.mean.bias", m.create(mu));
            weights.put("g0.logvar.weight", m.zeros(new Shape(3, 8)));
            weights.put("g0.logvar.bias", m.create(logVar));
            NDArray input = counts(m, 4, SMALL, new SplittableRandom(8));
            for (boolean training : new boolean[] {false, true}) {
                LatentForward f = model.forward(weights, input, TensorNoise.seeded(9), training);
                assertEquals(expected, f.kl().getFloat(), 1e-5, "training " + training);
            }
        }
    }

    @Test
    void evaluationIsFixedByTheNoiseSeedAndSamplesTheInitialCondition() {
        LfadsLite model = new LfadsLite(TINY, SMALL);
        try (NDManager m = manager.newSubManager();
             NamedWeights w = model.initialise(m, new SplittableRandom(10))) {
            NDArray input = counts(m, 3, SMALL, new SplittableRandom(11));
            float[] a = model.forward(w.view(), input, TensorNoise.seeded(12), false)
                .logRates().toFloatArray();
            float[] again = model.forward(w.view(), input, TensorNoise.seeded(12), false)
                .logRates().toFloatArray();
            float[] other = model.forward(w.view(), input, TensorNoise.seeded(13), false)
                .logRates().toFloatArray();
            assertArrayEquals(a, again, 0f);
            assertFalse(Arrays.equals(a, other), "the seed of ε made no difference");
            // Training mode with the same seed also drops out, so it differs from evaluation.
            float[] trained = model.forward(w.view(), input, TensorNoise.seeded(12), true)
                .logRates().toFloatArray();
            assertFalse(Arrays.equals(a, trained));
        }
    }

    @Test
    void oneTrainingStepMovesEveryParameter() {
        // A parameter cut off from the loss (e.g. the generator's input bias) would get a zero
        // gradient, and Adam would leave it exactly where it was.
        LatentShape shape = SMALL;
        LfadsLite model = new LfadsLite(TINY, shape);
        LatentData data = randomData(shape, 8, new SplittableRandom(14));
        try (NDManager m = manager.newSubManager();
             NamedWeights w = model.initialise(m, new SplittableRandom(15));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, w,
                 LfadsLite.training(LatentTrainingParameters.quick()))) {
            WeightSnapshot before = w.snapshot();
            LatentTrainingStep.Result r = step.step(data, new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                TensorNoise.seeded(16), 1.0, 1e-3, 0);
            assertTrue(Double.isFinite(r.loss()) && Double.isFinite(r.gradientNorm()),
                r::toString);
            WeightSnapshot after = w.snapshot();
            for (String name : w.parameterNames()) {
                float[] x = before.values(name);
                float[] y = after.values(name);
                int moved = 0;
                for (int i = 0; i < x.length; i++) {
                    if (x[i] != y[i]) {
                        moved++;
                    }
                }
                assertTrue(moved > 0, name + " did not move");
            }
        }
    }

    // --- end to end ----------------------------------------------------------------------------

    @Test
    void trainsOnQuickLorenzData() {
        LorenzDataset dataset = LorenzGenerator.generate(LorenzRecipe.quick());
        LatentShape shape = LatentShape.of(dataset.recipe());
        LfadsLite model = new LfadsLite(LfadsLiteParameters.quick(), shape);
        int epochs = 20;
        LatentTrainingParameters training = LfadsLite.training(
            LatentTrainingParameters.quick().withEpochs(epochs));
        LatentData train = LatentData.of(dataset, Split.TRAIN);
        LatentData validation = LatentData.of(dataset, Split.EVAL);
        List<Double> epochLosses = new ArrayList<>();
        TrainedLatentModel trained = new LatentTrainer(torch, model, training, 3).train(train,
            validation, new TrainingListener() {
                @Override
                public void onStep(Step s) {
                }

                @Override
                public void onEpoch(Epoch e) {
                    epochLosses.add(e.trainingLoss());
                }
            });
        LatentHistory h = trained.history();
        assertEquals(epochs, h.epochs());
        double first = epochLosses.get(0);
        double last = epochLosses.get(epochs - 1);
        double[] val = h.validationReconstruction();
        double bestVal = Arrays.stream(val).min().orElseThrow();
        System.out.printf("LFADS-lite quick: train loss %.2f -> %.2f, val NLL %.2f -> %.2f "
            + "(best %.2f at epoch %d), KL %.2f, %.1f s%n", first, last, val[0], val[epochs - 1],
            bestVal, h.bestEpoch(), h.trainKl()[epochs - 1], trained.seconds());
        assertTrue(last < first, "training loss " + first + " -> " + last);
        assertTrue(val[epochs - 1] < val[0], "validation NLL " + val[0] + " -> "
            + val[epochs - 1]);

        LatentInference trainRates = LatentInference.of(torch, model, trained.best(), train, 5, 1);
        LatentInference evalRates = LatentInference.of(torch, model, trained.best(), validation,
            5, 2);
        assertEquals(LfadsLiteParameters.quick().generatorHidden(),
            evalRates.latents()[0][0].length);
        LorenzScores scores = LorenzScores.evaluate(dataset,
            LatentInference.submission(trainRates, evalRates, shape));
        System.out.println("LFADS-lite quick scores: " + scores);
        assertTrue(Double.isFinite(scores.coBps()), scores::toString);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A plain-double GRU (PyTorch's equations, {@link GruReference}) from a zero state over {@code u}. */
    private static double[] referenceGru(Map<String, NDArray> w, String name, double[][] u) {
        float[] wi = w.get(name + ".weight_ih").toFloatArray();
        float[] wh = w.get(name + ".weight_hh").toFloatArray();
        float[] bi = w.get(name + ".bias_ih").toFloatArray();
        float[] bh = w.get(name + ".bias_hh").toFloatArray();
        double[] h = new double[bi.length / 3];
        for (double[] x : u) {
            h = GruReference.step(wi, wh, bi, bh, x, h);
        }
        return h;
    }

    /** Poisson-like counts {@code B x T_o x N_in} as float32. */
    private static NDArray counts(NDManager m, int b, LatentShape shape, SplittableRandom random) {
        float[] v = new float[b * shape.observedBins() * shape.heldIn()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(4);
        }
        return m.create(v, new Shape(b, shape.observedBins(), shape.heldIn()));
    }

    private static LatentData randomData(LatentShape shape, int trials, SplittableRandom random) {
        int to = shape.observedBins();
        int tf = shape.forwardBins();
        double[][][] heldin = new double[trials][to][shape.heldIn()];
        double[][][] heldout = new double[trials][to][shape.heldOut()];
        double[][][] heldinFwd = new double[trials][tf][shape.heldIn()];
        double[][][] heldoutFwd = new double[trials][tf][shape.heldOut()];
        for (double[][][] a : new double[][][][] {heldin, heldout, heldinFwd, heldoutFwd}) {
            for (double[][] trial : a) {
                for (double[] bin : trial) {
                    for (int n = 0; n < bin.length; n++) {
                        bin[n] = random.nextInt(4);
                    }
                }
            }
        }
        return LatentData.of(shape, heldin, heldout, heldinFwd, heldoutFwd);
    }

    private static void expectMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks " + p);
        }
    }
}
