package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.SinkhornDivergence;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

class NoiseDrivenRnnTest {

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

    /** Weights uniform on (-scale, scale): larger than PyTorch's so that ReLUs switch often. */
    private static RnnWeights weights(int h, int d, int k, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] wih = new double[h][d];
        double[][] whh = new double[h][h];
        double[][] a = new double[k][h];
        for (double[][] m : new double[][][] {wih, whh, a}) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = scale * (2 * r.nextDouble() - 1);
                }
            }
        }
        return new RnnWeights(wih, whh, a);
    }

    @Test
    void initialisationIsPyTorchsUniformDrawnInJava() {
        RnnParameters p = RnnParameters.paper(16, 4);
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.initialise(p, manager, DataType.FLOAT32,
            new SplittableRandom(5))) {
            RnnWeights expected = RnnWeights.random(16, 4, 3, new SplittableRandom(5));
            assertEquals(RnnFloatWeights.of(expected), rnn.floatWeights());
            double bound = 1 / Math.sqrt(16);
            for (NDArray w : rnn.weights()) {
                for (float v : w.toFloatArray()) {
                    assertTrue(Math.abs(v) <= bound, () -> v + " outside ±1/sqrt(H)");
                }
                assertTrue(!w.hasGradient(), "the model's own weights must not require a gradient");
            }
        }
    }

    @Test
    void forwardMatchesThePlainJavaReferenceAndEmitsExactOneHots() {
        RnnWeights w = weights(6, 3, 3, 0.8, 1);
        RnnNoise noise = RnnNoise.draw(5, 7, 3, 3, new SplittableRandom(2));
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 1.5, manager, DataType.FLOAT64);
             NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            RnnBatch batch = rnn.forward(noise);
            RnnReference ref = new RnnReference(w.inputWeights(), w.recurrentWeights(),
                w.readoutWeights(), 1.5, noise);
            assertClose(flatten(ref.hidden), batch.hidden().toDoubleArray(), 1e-13, "h");
            assertClose(flatten(ref.logits), batch.logits().toDoubleArray(), 1e-13, "logits");
            assertClose(flatten(ref.soft), batch.soft().toDoubleArray(), 1e-13, "s");
            double[] y = batch.outputs().toDoubleArray();
            int[][] symbols = batch.symbols();
            assertEquals(5, symbols.length);
            for (int n = 0; n < 5; n++) {
                for (int s = 0; s < 7; s++) {
                    int argmax = 0;
                    for (int c = 1; c < 3; c++) {
                        if (ref.soft[s][n][c] > ref.soft[s][n][argmax]) {
                            argmax = c;
                        }
                    }
                    assertEquals(argmax, symbols[n][s]);
                    for (int c = 0; c < 3; c++) {
                        // Exactly 0 or 1, not 1 − s + s.
                        assertEquals(c == argmax ? 1.0 : 0.0, y[n * 21 + s * 3 + c], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void dropsTheHiddenStatesOnlyWhenAskedAndComputesTheSameOutputs() {
        RnnWeights w = weights(12, 4, 3, 0.6, 5);
        RnnNoise noise = RnnNoise.draw(7, 11, 4, 3, new SplittableRandom(8));
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 0.7, manager, DataType.FLOAT32);
             NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            RnnBatch kept = NoiseDrivenRnn.forward(rnn.weights(), 0.7, noise, true);
            RnnBatch dropped = NoiseDrivenRnn.forward(rnn.weights(), 0.7, noise, false);
            assertEquals(new ai.djl.ndarray.types.Shape(11, 7, 12), kept.hidden().getShape());
            assertNull(dropped.hidden());
            assertArrayEquals(kept.outputs().toFloatArray(), dropped.outputs().toFloatArray());
            assertArrayEquals(kept.logits().toFloatArray(), dropped.logits().toFloatArray());
            dropped.close();
        }
    }

    @Test
    void scalingTheInputsScalesEveryStateAndLogit() {
        RnnWeights w = weights(12, 4, 3, 0.6, 3);
        RnnNoise noise = RnnNoise.draw(9, 15, 4, 3, new SplittableRandom(4));
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 1.0, manager, DataType.FLOAT32);
             NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            RnnBatch one = rnn.forward(noise);
            float[] h1 = one.hidden().toFloatArray();
            float[] l1 = one.logits().toFloatArray();
            // A power of two scales every product and sum exactly: bit-for-bit equality.
            RnnBatch two = rnn.forward(noise.scaledNormals(2));
            float[] h2 = two.hidden().toFloatArray();
            float[] l2 = two.logits().toFloatArray();
            for (int i = 0; i < h1.length; i++) {
                assertEquals(2 * h1[i], h2[i], 0f);
            }
            for (int i = 0; i < l1.length; i++) {
                assertEquals(2 * l1[i], l2[i], 0f);
            }
            // Any c > 0: equal to float rounding. Inputs c xi and noise std c are the same thing.
            double c = 3.7;
            try (NoiseDrivenRnn scaled = NoiseDrivenRnn.fromWeights(w, c, manager,
                DataType.FLOAT32)) {
                RnnBatch viaSigma = scaled.forward(noise);
                float[] hc = viaSigma.hidden().toFloatArray();
                float[] lc = viaSigma.logits().toFloatArray();
                double hScale = maxAbs(h1) * c;
                double lScale = maxAbs(l1) * c;
                for (int i = 0; i < h1.length; i++) {
                    assertEquals(c * h1[i], hc[i], 1e-5 * hScale);
                }
                for (int i = 0; i < l1.length; i++) {
                    assertEquals(c * l1[i], lc[i], 1e-5 * lScale);
                }
                assertTrue(hScale > 0, "the states must not all be zero");
            }
        }
    }

    @Test
    void gradientIsTheBriefsStraightThroughAndBpttFormula() {
        // L = Σ G ⊙ y: autograd through the straight-through estimator and the recurrence
        // against ∂l_t = s_t ⊙ (G_t − ⟨s_t, G_t⟩) and the δpre recursion, in double.
        RnnWeights w = weights(5, 3, 3, 0.9, 7);
        RnnNoise noise = RnnNoise.draw(4, 6, 3, 3, new SplittableRandom(8));
        double[][] g = gaussian(new SplittableRandom(9), 4, 18);
        double sigma = 1.3;
        double[][][] autograd = autogradOfLinearLoss(w, sigma, noise, g);
        RnnReference ref = new RnnReference(w.inputWeights(), w.recurrentWeights(),
            w.readoutWeights(), sigma, noise);
        double[][][] formula = ref.gradients(g);
        String[] names = {"W_ih", "W_hh", "A"};
        for (int m = 0; m < 3; m++) {
            assertClose(flatten(formula[m]), flatten(autograd[m]), 1e-12, names[m]);
        }
        // Some units must be off somewhere, or the ReLU mask would go untested.
        boolean someOff = false;
        for (double[][] step : ref.pre) {
            for (double[] row : step) {
                for (double v : row) {
                    someOff |= v < 0;
                }
            }
        }
        assertTrue(someOff, "no unit was ever inactive");
    }

    @Test
    void gradientIsTheFiniteDifferenceOfTheSoftSurrogate() {
        // The straight-through gradient of Σ G ⊙ y is the true gradient of Σ G ⊙ s, a smooth
        // function of the weights away from ReLU kinks: central differences in double.
        RnnWeights w = weights(4, 2, 3, 0.9, 11);
        RnnNoise noise = RnnNoise.draw(3, 5, 2, 3, new SplittableRandom(12));
        double[][] g = gaussian(new SplittableRandom(13), 3, 15);
        double sigma = 1.0;
        double[][][] autograd = autogradOfLinearLoss(w, sigma, noise, g);
        double[][][] base = {w.inputWeights(), w.recurrentWeights(), w.readoutWeights()};
        double step = 1e-6;
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < base[m].length; i++) {
                for (int j = 0; j < base[m][i].length; j++) {
                    double keep = base[m][i][j];
                    base[m][i][j] = keep + step;
                    double plus = new RnnReference(base[0], base[1], base[2], sigma, noise)
                        .surrogate(g);
                    base[m][i][j] = keep - step;
                    double minus = new RnnReference(base[0], base[1], base[2], sigma, noise)
                        .surrogate(g);
                    base[m][i][j] = keep;
                    double fd = (plus - minus) / (2 * step);
                    assertEquals(fd, autograd[m][i][j], 1e-7 * (1 + Math.abs(fd)),
                        "matrix " + m + " entry " + i + "," + j);
                }
            }
        }
    }

    @Test
    void sinkhornLossGradientChainsThroughTheFormula() {
        // The full loss: G = ∂S/∂y from autograd on a detached copy of the outputs, then the
        // brief's formulas, against autograd through the whole model.
        RnnWeights w = weights(6, 3, 3, 0.8, 21);
        RnnNoise noise = RnnNoise.draw(8, 4, 3, 3, new SplittableRandom(22));
        int[][] hmm = new HmmSampler(BenchmarkHmm.LINEAR_CHAIN_3.hmm()).sample(7, 4,
            new SplittableRandom(23));
        SinkhornDivergence loss = new SinkhornDivergence(SinkhornParameters.paper());
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 1.0, manager, DataType.FLOAT64);
             NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray targets = RnnTrainingStep.oneHot(manager, hmm, 0, 7, 3, DataType.FLOAT64);
            List<NDArray> copies = rnn.trainableCopies();
            NDArray outputs;
            try (GradientCollector c = torch.engine().newGradientCollector()) {
                RnnBatch batch = NoiseDrivenRnn.forward(copies, 1.0, noise);
                outputs = batch.outputs();
                c.backward(loss.divergence(outputs, targets));
            }
            NDArray y = outputs.stopGradient().duplicate();
            y.setRequiresGradient(true);
            try (GradientCollector c = torch.engine().newGradientCollector()) {
                c.backward(loss.divergence(y, targets));
            }
            double[][] g = matrix(y.getGradient().toDoubleArray(), 8, 12);
            double[][][] formula = new RnnReference(w.inputWeights(), w.recurrentWeights(),
                w.readoutWeights(), 1.0, noise).gradients(g);
            for (int m = 0; m < 3; m++) {
                assertClose(flatten(formula[m]), copies.get(m).getGradient().toDoubleArray(),
                    1e-11, "matrix " + m);
            }
            assertTrue(maxAbs(copies.get(1).getGradient().toDoubleArray()) > 0,
                "the loss must reach W_hh");
        }
    }

    @Test
    void weightConversionsAreExact() {
        RnnWeights w = weights(7, 2, 3, 0.5, 31);
        RnnFloatWeights f = RnnFloatWeights.of(w);
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(f, 1.0, manager)) {
            assertEquals(f, rnn.floatWeights());
            assertEquals(f.toRnnWeights(), rnn.toWeights());
            RnnFloatWeights other = RnnFloatWeights.of(weights(7, 2, 3, 0.5, 32));
            rnn.setWeights(other);
            assertEquals(other, rnn.floatWeights());
        }
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 1.0, manager, DataType.FLOAT64)) {
            assertEquals(w, rnn.toWeights());
            assertEquals(f, rnn.floatWeights());
        }
    }

    @Test
    void rejectsMismatchedNoiseAndTypes() {
        RnnWeights w = weights(4, 3, 3, 0.5, 41);
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, 1.0, manager, DataType.FLOAT32)) {
            RnnNoise wrongD = RnnNoise.draw(2, 3, 5, 3, new SplittableRandom(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rnn.forward(wrongD));
            assertTrue(e.getMessage().contains("W_ih must be 4 x 5"), e.getMessage());
            RnnFloatWeights small = RnnFloatWeights.of(weights(3, 3, 3, 0.5, 1));
            assertThrows(IllegalArgumentException.class, () -> rnn.setWeights(small));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NoiseDrivenRnn.fromWeights(w, 1.0, manager, DataType.INT32));
        assertTrue(e.getMessage().contains("dataType"), e.getMessage());
    }

    /** Autograd of {@code Σ G ⊙ y} with respect to {@code [W_ih, W_hh, A]}, in float64. */
    private static double[][][] autogradOfLinearLoss(RnnWeights w, double sigma, RnnNoise noise,
                                                     double[][] g) {
        try (NoiseDrivenRnn rnn = NoiseDrivenRnn.fromWeights(w, sigma, manager, DataType.FLOAT64);
             NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> copies = rnn.trainableCopies();
            NDArray gArray = manager.create(g);
            try (GradientCollector c = torch.engine().newGradientCollector()) {
                RnnBatch batch = NoiseDrivenRnn.forward(copies, sigma, noise);
                c.backward(batch.outputs().mul(gArray).sum());
            }
            double[][][] result = new double[3][][];
            int[][] shapes = {{w.hidden(), w.inputs()}, {w.hidden(), w.hidden()},
                {w.outputs(), w.hidden()}};
            for (int m = 0; m < 3; m++) {
                result[m] = matrix(copies.get(m).getGradient().toDoubleArray(), shapes[m][0],
                    shapes[m][1]);
            }
            return result;
        }
    }

    static double[][] gaussian(SplittableRandom r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    static double[][] matrix(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    static double[] flatten(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] flatten(double[][][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(
            r -> java.util.Arrays.stream(r).flatMapToDouble(java.util.Arrays::stream)).toArray();
    }

    static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = Math.max(1e-300, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * scale, what + " entry " + i);
        }
    }
}
