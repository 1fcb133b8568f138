package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

/**
 * {@link LangevinFlow} against the oracles of brief {@code langevin-flow.md} §10: the Langevin
 * recursion (linear map at {@code γ = 0}, pure forcing at {@code γ = 1}, stationary variance of
 * the velocities), the encoder's lagged input schedule and dropped recurrent state, the KL's
 * closed form, determinism, evaluation without dropout, and input validation.
 */
class LangevinFlowTest {

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

    // --- helpers -------------------------------------------------------------------------------

    private static float[] gaussians(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * random.nextGaussian());
        }
        return v;
    }

    /** Random counts 0..4 as float32, {@code b x T_o x N_in}. */
    private static float[] counts(SplittableRandom random, LatentShape s, int b) {
        float[] x = new float[b * s.observedBins() * s.heldIn()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(5);
        }
        return x;
    }

    /** {@code [b][t][width]} from a flat row-major array. */
    private static double[][][] cube(float[] flat, int b, int t, int width) {
        double[][][] c = new double[b][t][width];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < width; k++) {
                    c[i][j][k] = flat[(i * t + j) * width + k];
                }
            }
        }
        return c;
    }

    /** What one forward pass returned, as Java arrays. */
    private record Pass(float[] logRates, float kl, float[] latents, Shape rateShape,
                        Shape klShape, Shape latentShape) {
    }

    private static Pass forward(LangevinFlow model, Map<String, NDArray> w, float[] x, int b,
                                long noiseSeed, boolean training) {
        LatentShape s = model.shape();
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray input = m.create(x, new Shape(b, s.observedBins(), s.heldIn()));
            LatentForward f = model.forward(w, input, TensorNoise.seeded(noiseSeed), training);
            return new Pass(f.logRates().toFloatArray(), f.kl().toFloatArray()[0],
                f.latents().toFloatArray(), f.logRates().getShape(), f.kl().getShape(),
                f.latents().getShape());
        }
    }

    /** The GRU state part {@code h_t} of the latents, {@code [b][t][H]}. */
    private static double[][][] states(Pass p, int b, int t, int h) {
        double[][][] all = cube(p.latents(), b, t, 3 * h);
        double[][][] s = new double[b][t][h];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                System.arraycopy(all[i][j], 2 * h, s[i][j], 0, h);
            }
        }
        return s;
    }

    /** One PyTorch {@code GRUCell} step of the encoder in double ({@link GruReference}). */
    private static double[] gruCell(WeightSnapshot w, double[] u, double[] h) {
        return GruReference.step(w.values("encoder.weight_ih"), w.values("encoder.weight_hh"),
            w.values("encoder.bias_ih"), w.values("encoder.bias_hh"), u, h);
    }

    /**
     * The encoder states by hand: {@code h_t = mask_t ⊙ GRU(u_t, h_{t−1})}, {@code h_{−1} = 0},
     * over the inputs {@code u_t = x[schedule(t)]}; {@code masks} null means no dropout.
     */
    private static double[][][] encode(WeightSnapshot w, double[][][] x, int bins, int hidden,
                                       Function<Integer, Integer> schedule, double[][][] masks) {
        double[][][] out = new double[x.length][bins][];
        for (int b = 0; b < x.length; b++) {
            double[] h = new double[hidden];
            for (int t = 0; t < bins; t++) {
                h = gruCell(w, x[b][schedule.apply(t)], h);
                if (masks != null) {
                    for (int i = 0; i < hidden; i++) {
                        h[i] *= masks[b][t][i];
                    }
                }
                out[b][t] = h;
            }
        }
        return out;
    }

    private static double maxDifference(double[][][] a, double[][][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                for (int k = 0; k < a[i][j].length; k++) {
                    max = Math.max(max, Math.abs(a[i][j][k] - b[i][j][k]));
                }
            }
        }
        return max;
    }

    // --- the Langevin recursion ----------------------------------------------------------------

    @Test
    void withoutDampingTheRecursionIsTheLinearMapM() {
        int b = 3;
        int h = 8;
        int bins = 25;
        double eta = 0.05;
        SplittableRandom random = new SplittableRandom(11);
        // A random symmetric S, rounded to float32 once; the reference uses the rounded values.
        float[] s = new float[h * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j <= i; j++) {
                float v = (float) (0.5 * random.nextGaussian());
                s[i * h + j] = v;
                s[j * h + i] = v;
            }
        }
        float[] z0 = gaussians(random, b * h, 1);
        float[] v0 = gaussians(random, b * h, 1);
        // Arbitrary, large forcing: γ = 0 multiplies it by √0 = 0.
        float[] xi = gaussians(random, (bins - 1) * b * h, 100);

        float[] zs;
        float[] vs;
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDList path = LangevinFlow.integrate(m.create(z0, new Shape(b, h)),
                m.create(v0, new Shape(b, h)), m.create(s, new Shape(h, h)),
                m.create(xi, new Shape(bins - 1, b, h)), bins, eta, 0.0);
            assertEquals(new Shape(b, bins, h), path.get(0).getShape());
            assertEquals(new Shape(b, bins, h), path.get(1).getShape());
            zs = path.get(0).toFloatArray();
            vs = path.get(1).toFloatArray();
        }
        // (z, v) ← M (z, v) with M = [[I, ηI], [−ηS, I]], in double.
        double worst = 0;
        for (int trial = 0; trial < b; trial++) {
            double[] z = new double[h];
            double[] v = new double[h];
            for (int i = 0; i < h; i++) {
                z[i] = z0[trial * h + i];
                v[i] = v0[trial * h + i];
            }
            for (int t = 0; t < bins; t++) {
                double scale = 0;
                for (int i = 0; i < h; i++) {
                    scale = Math.max(scale, Math.max(Math.abs(z[i]), Math.abs(v[i])));
                }
                for (int i = 0; i < h; i++) {
                    int at = (trial * bins + t) * h + i;
                    double tolerance = 2e-6 * (t + 1) * scale;
                    assertEquals(z[i], zs[at], tolerance, "z trial " + trial + " t " + t + " i " + i);
                    assertEquals(v[i], vs[at], tolerance, "v trial " + trial + " t " + t + " i " + i);
                    worst = Math.max(worst, Math.abs(v[i] - vs[at]) / scale);
                }
                double[] nz = new double[h];
                double[] nv = new double[h];
                for (int i = 0; i < h; i++) {
                    double sz = 0;
                    for (int j = 0; j < h; j++) {
                        sz += s[i * h + j] * z[j];
                    }
                    nz[i] = z[i] + eta * v[i];
                    nv[i] = v[i] - eta * sz;
                }
                z = nz;
                v = nv;
            }
            // The map is not the identity: the test would notice a missing coupling.
            assertTrue(Math.abs(v[0] - v0[trial * h]) > 1e-2, "v moved");
        }
        assertTrue(worst < 1e-5, "float32 error relative to the scale: " + worst);
    }

    @Test
    void fullDampingLeavesOnlyTheScaledForcing() {
        int b = 2;
        int h = 8;
        int bins = 6;
        SplittableRandom random = new SplittableRandom(12);
        float[] s = gaussians(random, h * h, 1);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < i; j++) {
                s[i * h + j] = s[j * h + i];
            }
        }
        float[] z0 = gaussians(random, b * h, 1);
        float[] v0 = gaussians(random, b * h, 1);
        float[] xi = gaussians(random, (bins - 1) * b * h, 1);
        float[] vs;
        float[] zs;
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDList path = LangevinFlow.integrate(m.create(z0, new Shape(b, h)),
                m.create(v0, new Shape(b, h)), m.create(s, new Shape(h, h)),
                m.create(xi, new Shape(bins - 1, b, h)), bins, 0.01, 1.0);
            zs = path.get(0).toFloatArray();
            vs = path.get(1).toFloatArray();
        }
        float root2 = (float) Math.sqrt(2);
        for (int trial = 0; trial < b; trial++) {
            for (int i = 0; i < h; i++) {
                assertEquals(v0[trial * h + i], vs[trial * bins * h + i], 0f, "v_0 = v0");
                assertEquals(z0[trial * h + i], zs[trial * bins * h + i], 0f, "z_0 = z0");
            }
            for (int t = 1; t < bins; t++) {
                for (int i = 0; i < h; i++) {
                    float expected = root2 * xi[((t - 1) * b + trial) * h + i];
                    float actual = vs[(trial * bins + t) * h + i];
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                        "v_t = √2 ξ_t exactly: trial " + trial + " t " + t + " i " + i
                            + ", expected " + expected + ", got " + actual);
                    // Position still integrates the previous velocity.
                    float zPrev = zs[(trial * bins + t - 1) * h + i];
                    float vPrev = vs[(trial * bins + t - 1) * h + i];
                    assertEquals(zPrev + 0.01 * vPrev, zs[(trial * bins + t) * h + i], 1e-6);
                }
            }
        }
    }

    @Test
    void aSingleBinReturnsTheInitialState() {
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray z0 = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 4));
            NDArray v0 = m.create(new float[] {-1, -2, -3, -4}, new Shape(1, 4));
            NDList path = LangevinFlow.integrate(z0, v0, m.eye(4), null, 1, 0.01, 0.55);
            assertEquals(new Shape(1, 1, 4), path.get(0).getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4}, path.get(0).toFloatArray());
            assertArrayEquals(new float[] {-1, -2, -3, -4}, path.get(1).toFloatArray());
        }
    }

    @Test
    void withoutPotentialTheVelocityReachesTheStationaryVariance() {
        // S = 0, γ = 0.55: v_t = a v_{t−1} + σ ξ_t with a = 1 − γ, σ² = 2γ, v_0 = 0, so
        // Var(v_t) = σ²(1 − a^{2t})/(1 − a²) → 2γ/(1 − (1 − γ)²) ≈ 1.38 and
        // Corr(v_t, v_{t−1}) → a.
        int b = 4096;
        int h = 8;
        int bins = 40;
        double gamma = 0.55;
        double a = 1 - gamma;
        double stationary = 2 * gamma / (1 - a * a);
        assertEquals(1.38, stationary, 0.005, "the brief's value");
        SplittableRandom random = new SplittableRandom(13);
        float[] xi = gaussians(random, (bins - 1) * b * h, 1);
        float[] vs;
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDList path = LangevinFlow.integrate(m.zeros(new Shape(b, h)),
                m.zeros(new Shape(b, h)), m.zeros(new Shape(h, h)),
                m.create(xi, new Shape(bins - 1, b, h)), bins, 0.01, gamma);
            vs = path.get(1).toFloatArray();
        }
        int n = b * h;
        for (int t : new int[] {1, 3, bins - 1}) {
            double expected = 2 * gamma * (1 - Math.pow(a, 2 * t)) / (1 - a * a);
            double sumSquares = 0;
            double sumLag = 0;
            for (int trial = 0; trial < b; trial++) {
                for (int i = 0; i < h; i++) {
                    double v = vs[(trial * bins + t) * h + i];
                    double previous = vs[(trial * bins + t - 1) * h + i];
                    sumSquares += v * v;
                    sumLag += v * previous;
                }
            }
            double variance = sumSquares / n;
            // The mean of n squared N(0, s²) draws has standard error s²·√(2/n).
            double band = 5 * expected * Math.sqrt(2.0 / n);
            assertEquals(expected, variance, band, "Var(v_" + t + ")");
            if (t == bins - 1) {
                assertEquals(stationary, variance, band, "stationary variance");
                // Cov(v_t, v_{t−1}) = a·Var; the mean of products of a pair with correlation ρ
                // has standard error s²·√((1 + ρ²)/n).
                double lagBand = 5 * stationary * Math.sqrt((1 + a * a) / n);
                assertEquals(a * stationary, sumLag / n, lagBand, "lag-1 covariance");
            }
        }
    }

    // --- the encoder ---------------------------------------------------------------------------

    private static final LatentShape SMALL = new LatentShape(5, 3, 4, 6);

    @Test
    void encoderReadsTheLaggedScheduleWithoutDropout() {
        int h = 8;
        int b = 3;
        LangevinFlow model = new LangevinFlow(new LangevinFlowParameters(h, 2, 16, 0.55, 0.01, 0),
            SMALL);
        SplittableRandom random = new SplittableRandom(21);
        float[] x = counts(random, SMALL, b);
        double[][][] xs = cube(x, b, SMALL.observedBins(), SMALL.heldIn());
        int to = SMALL.observedBins();
        int bins = SMALL.bins();
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(5))) {
            WeightSnapshot snapshot = w.snapshot();
            for (boolean training : new boolean[] {false, true}) {
                Pass p = forward(model, w.view(), x, b, 3, training);
                assertEquals(new Shape(b, bins, 3 * h), p.latentShape());
                double[][][] actual = states(p, b, bins, h);
                double[][][] lagged = encode(snapshot, xs, bins, h,
                    t -> t == 0 ? 0 : Math.min(t - 1, to - 1), null);
                double error = maxDifference(lagged, actual);
                assertTrue(error < 1e-5, "lagged schedule (training " + training + "): " + error);
                // The same check rejects the schedule without the lag, so it can fail.
                double[][][] unlagged = encode(snapshot, xs, bins, h, t -> Math.min(t, to - 1),
                    null);
                assertTrue(maxDifference(unlagged, actual) > 1e-3, "unlagged schedule differs");
            }
        }
    }

    @Test
    void encoderStatesDependOnlyOnBinsAlreadyRead() {
        // Through the public API only: changing observed bin j changes h_t from t = j + 1 on
        // (x₀ also at t = 0), and nothing before; the last observed bin first reaches h_{T_o}.
        int h = 8;
        int b = 2;
        LangevinFlow model = new LangevinFlow(new LangevinFlowParameters(h, 2, 16, 0.55, 0.01, 0),
            SMALL);
        SplittableRandom random = new SplittableRandom(22);
        float[] x = counts(random, SMALL, b);
        int to = SMALL.observedBins();
        int nin = SMALL.heldIn();
        int bins = SMALL.bins();
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(6))) {
            double[][][] base = states(forward(model, w.view(), x, b, 1, false), b, bins, h);
            for (int j = 0; j < to; j++) {
                float[] changed = x.clone();
                for (int trial = 0; trial < b; trial++) {
                    for (int n = 0; n < nin; n++) {
                        changed[(trial * to + j) * nin + n] += 3;
                    }
                }
                double[][][] moved = states(forward(model, w.view(), changed, b, 1, false), b,
                    bins, h);
                int first = j == 0 ? 0 : j + 1;
                for (int t = 0; t < bins; t++) {
                    double d = 0;
                    for (int trial = 0; trial < b; trial++) {
                        for (int i = 0; i < h; i++) {
                            d = Math.max(d, Math.abs(moved[trial][t][i] - base[trial][t][i]));
                        }
                    }
                    if (t < first) {
                        assertEquals(0.0, d, 0.0, "bin " + j + " must not reach h_" + t);
                    } else {
                        assertTrue(d > 1e-4, "bin " + j + " must reach h_" + t + ": " + d);
                    }
                }
            }
        }
    }

    @Test
    void droppedEncoderStatesAreWhatRecurs() {
        // In training the state is dropped after each step and the dropped state recurs. The
        // masks are read off the output (a dropped entry is exactly 0, a kept one is scaled by
        // 1/(1 − p)), so the check does not depend on the order of the noise draws.
        int h = 8;
        int b = 3;
        double p = 0.3;
        LangevinFlow model = new LangevinFlow(new LangevinFlowParameters(h, 2, 16, 0.55, 0.01, p),
            SMALL);
        SplittableRandom random = new SplittableRandom(23);
        float[] x = counts(random, SMALL, b);
        double[][][] xs = cube(x, b, SMALL.observedBins(), SMALL.heldIn());
        int to = SMALL.observedBins();
        int bins = SMALL.bins();
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(7))) {
            WeightSnapshot snapshot = w.snapshot();
            double[][][] actual = states(forward(model, w.view(), x, b, 4, true), b, bins, h);
            double[][][] masks = new double[b][bins][h];
            int dropped = 0;
            for (int trial = 0; trial < b; trial++) {
                for (int t = 0; t < bins; t++) {
                    for (int i = 0; i < h; i++) {
                        boolean drop = actual[trial][t][i] == 0;
                        masks[trial][t][i] = drop ? 0 : 1 / (1 - p);
                        dropped += drop ? 1 : 0;
                    }
                }
            }
            int entries = b * bins * h;
            assertTrue(dropped > 0.15 * entries && dropped < 0.45 * entries,
                "about p of the states are dropped: " + dropped + " of " + entries);
            double[][][] expected = encode(snapshot, xs, bins, h,
                t -> t == 0 ? 0 : Math.min(t - 1, to - 1), masks);
            double error = maxDifference(expected, actual);
            assertTrue(error < 1e-5, "dropped states recur: " + error);
            // Recurring the undropped state instead gives other states.
            double[][][] undroppedRecurrence = new double[b][bins][];
            for (int trial = 0; trial < b; trial++) {
                double[] state = new double[h];
                for (int t = 0; t < bins; t++) {
                    state = gruCell(snapshot, xs[trial][t == 0 ? 0 : Math.min(t - 1, to - 1)],
                        state);
                    undroppedRecurrence[trial][t] = state.clone();
                    for (int i = 0; i < h; i++) {
                        undroppedRecurrence[trial][t][i] *= masks[trial][t][i];
                    }
                }
            }
            assertTrue(maxDifference(undroppedRecurrence, actual) > 1e-3);
        }
    }

    // --- the KL --------------------------------------------------------------------------------

    @Test
    void stepKlConstantIsTheBriefsFormula() {
        for (double gamma : new double[] {0, 0.2, 0.55, 0.7, 1}) {
            double brief = 0.5 * (Math.log(0.1) - 2 * gamma - 1 + 10 * Math.exp(2 * gamma));
            assertEquals(brief, LangevinFlow.stepKlConstant(gamma), 1e-12, "γ = " + gamma);
        }
        assertEquals(12.8, LangevinFlow.stepKlConstant(0.55), 0.05);
    }

    @Test
    void klIsTheClosedFormAtZeroPotential() {
        int h = 8;
        int b = 3;
        LatentShape shape = new LatentShape(3, 2, 5, 7);
        int bins = shape.bins();
        for (double gamma : new double[] {0.55, 0.2}) {
            for (LangevinFlow.KlTerm term : LangevinFlow.KlTerm.values()) {
                LangevinFlow model = new LangevinFlow(
                    new LangevinFlowParameters(h, 2, 16, gamma, 0.01, 0.05), shape,
                    LangevinFlow.DecoderInput.LATENTS_AND_STATES, term);
                try (NamedWeights w = model.initialise(manager, new SplittableRandom(8))) {
                    // Posterior maps with zero weights and known biases: μ and log σ² are the biases
                    // whatever h₀ is. K stays at its initial 0.
                    Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>(w.snapshot().tensors());
                    double[][] biases = new double[4][h];
                    String[] heads = {"mu_z", "logvar_z", "mu_v", "logvar_v"};
                    for (int k = 0; k < 4; k++) {
                        float[] bias = new float[h];
                        for (int i = 0; i < h; i++) {
                            bias[i] = (float) (0.3 * (k + 1) * Math.sin(i + k) - 0.1 * k);
                            biases[k][i] = bias[i];
                        }
                        t.put("posterior." + heads[k] + ".weight",
                            new WeightSnapshot.Tensor(new long[] {h, h}, new float[h * h]));
                        t.put("posterior." + heads[k] + ".bias",
                            new WeightSnapshot.Tensor(new long[] {h}, bias));
                    }
                    assertArrayEquals(new float[48], t.get("potential.K").values(), "K = 0");
                    w.load(new WeightSnapshot(t));

                    float[] x = counts(new SplittableRandom(9), shape, b);
                    for (boolean training : new boolean[] {false, true}) {
                        Pass p = forward(model, w.view(), x, b, 10, training);
                        assertEquals(new Shape(), p.klShape(), "the KL is a scalar");
                        double gaussian = 0;
                        for (int k = 0; k < 4; k += 2) {
                            for (int i = 0; i < h; i++) {
                                double mu = biases[k][i];
                                double logVar = biases[k + 1][i];
                                gaussian += 0.5 * (-logVar - 1 + mu * mu + Math.exp(logVar));
                            }
                        }
                        double[][][] lat = cube(p.latents(), b, bins, 3 * h);
                        double penalty = 0;
                        for (int trial = 0; trial < b; trial++) {
                            for (int s = 1; s < bins; s++) {
                                for (int i = 0; i < h; i++) {
                                    double v = lat[trial][s][h + i];
                                    penalty += 5 * v * v;
                                }
                            }
                        }
                        double constant = LangevinFlow.stepKlConstant(gamma) * (bins - 1) * h;
                        // the ELBO variant: the transitions are the prior's, so only z₀, v₀ count
                        double expected = term == LangevinFlow.KlTerm.RELEASED
                            ? gaussian + penalty / b + constant : gaussian;
                        assertEquals(expected, p.kl(), 2e-6 * expected,
                            term + ", γ = " + gamma + ", training " + training + ": Gaussian " + gaussian
                                + ", penalty " + penalty / b + ", constant " + constant);
                    }
                }
            }
        }
    }

    // --- determinism and modes -----------------------------------------------------------------

    @Test
    void sameSeedsGiveIdenticalPasses() {
        LatentShape shape = LatentShape.of(LorenzRecipe.quick());
        LangevinFlow model = new LangevinFlow(LangevinFlowParameters.quick(), shape);
        float[] x = counts(new SplittableRandom(31), shape, 4);
        try (NamedWeights w1 = model.initialise(manager, new SplittableRandom(1));
             NamedWeights w2 = model.initialise(manager, new SplittableRandom(1));
             NamedWeights w3 = model.initialise(manager, new SplittableRandom(2))) {
            assertEquals(w1.snapshot(), w2.snapshot(), "same initialisation seed");
            assertFalse(w1.snapshot().equals(w3.snapshot()), "another initialisation seed");
            Pass a = forward(model, w1.view(), x, 4, 77, true);
            Pass b = forward(model, w2.view(), x, 4, 77, true);
            assertEquals(new Shape(4, shape.bins(), shape.neurons()), a.rateShape());
            assertEquals(new Shape(4, shape.bins(), 3 * 32), a.latentShape());
            assertArrayEquals(a.logRates(), b.logRates(), 0f, "same seeds, same log-rates");
            assertEquals(Float.floatToIntBits(a.kl()), Float.floatToIntBits(b.kl()));
            assertArrayEquals(a.latents(), b.latents(), 0f);
            Pass c = forward(model, w1.view(), x, 4, 78, true);
            assertFalse(java.util.Arrays.equals(a.logRates(), c.logRates()),
                "another noise seed, other log-rates");
            for (float v : a.logRates()) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void evaluationHasNoDropout() {
        LatentShape shape = new LatentShape(6, 2, 5, 7);
        int b = 3;
        LangevinFlowParameters withDropout = new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0.3);
        LangevinFlow dropping = new LangevinFlow(withDropout, shape);
        LangevinFlow plain = new LangevinFlow(new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0),
            shape);
        float[] x = counts(new SplittableRandom(32), shape, b);
        try (NamedWeights w = dropping.initialise(manager, new SplittableRandom(3))) {
            Pass eval1 = forward(dropping, w.view(), x, b, 5, false);
            Pass eval2 = forward(dropping, w.view(), x, b, 5, false);
            assertArrayEquals(eval1.logRates(), eval2.logRates(), 0f, "eval is repeatable");
            // The model with p = 0.3 in evaluation is exactly the model with p = 0.
            Pass reference = forward(plain, w.view(), x, b, 5, false);
            assertArrayEquals(reference.logRates(), eval1.logRates(), 0f, "eval ignores p");
            assertArrayEquals(reference.latents(), eval1.latents(), 0f);
            assertEquals(reference.kl(), eval1.kl(), 0f);
            // ... and with p = 0, training draws no masks and equals evaluation.
            Pass plainTraining = forward(plain, w.view(), x, b, 5, true);
            assertArrayEquals(reference.logRates(), plainTraining.logRates(), 0f);
            // With p = 0.3 training differs from evaluation with the same noise seed.
            Pass training = forward(dropping, w.view(), x, b, 5, true);
            assertFalse(java.util.Arrays.equals(eval1.logRates(), training.logRates()));
            // Sampling noise stays on in evaluation: another seed, other log-rates.
            Pass otherNoise = forward(dropping, w.view(), x, b, 6, false);
            assertFalse(java.util.Arrays.equals(eval1.logRates(), otherNoise.logRates()));
        }
    }

    // --- validation ----------------------------------------------------------------------------

    @Test
    void badInputIsRejectedNamingTheParameter() {
        LatentShape shape = new LatentShape(5, 3, 4, 6);
        LangevinFlow model = new LangevinFlow(new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0),
            shape);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(4));
             NDManager m = manager.newSubManager()) {
            Map<String, NDArray> view = w.view();
            TensorNoise noise = TensorNoise.seeded(0);
            for (Shape bad : new Shape[] {new Shape(2, 4, 4), new Shape(2, 5, 3), new Shape(5, 4),
                new Shape(0, 5, 4), new Shape(1, 2, 5, 4), new Shape(2, 8, 4)}) {
                NDArray input = m.zeros(bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(view, input, noise, false), bad.toString());
                assertTrue(e.getMessage().startsWith("input ")
                    && e.getMessage().contains("5 x 4") && e.getMessage().contains(bad.toString()),
                    e.getMessage());
            }
            NDArray doubles = m.zeros(new Shape(2, 5, 4), DataType.FLOAT64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.forward(view, doubles, noise, false));
            assertTrue(e.getMessage().contains("input") && e.getMessage().contains("float32")
                && e.getMessage().contains("float64"), e.getMessage());
            NDArray good = m.zeros(new Shape(2, 5, 4));
            assertThrows(NullPointerException.class, () -> model.forward(view, null, noise, false));
            assertThrows(NullPointerException.class, () -> model.forward(null, good, noise, false));
            assertThrows(NullPointerException.class, () -> model.forward(view, good, null, false));
        }
    }

    @Test
    void parametersAreValidatedNamingTheField() {
        expect("hidden", "30", () -> new LangevinFlowParameters(30, 2, 16, 0.5, 0.01, 0));
        expect("hidden", "0", () -> new LangevinFlowParameters(0, 1, 16, 0.5, 0.01, 0));
        expect("hidden", "4100", () -> new LangevinFlowParameters(4100, 1, 16, 0.5, 0.01, 0));
        expect("heads", "5", () -> new LangevinFlowParameters(32, 5, 16, 0.5, 0.01, 0));
        expect("heads", "0", () -> new LangevinFlowParameters(32, 0, 16, 0.5, 0.01, 0));
        expect("feedForward", "0", () -> new LangevinFlowParameters(32, 2, 0, 0.5, 0.01, 0));
        expect("gamma", "1.5", () -> new LangevinFlowParameters(32, 2, 16, 1.5, 0.01, 0));
        expect("gamma", "-0.1", () -> new LangevinFlowParameters(32, 2, 16, -0.1, 0.01, 0));
        expect("gamma", "NaN", () -> new LangevinFlowParameters(32, 2, 16, Double.NaN, 0.01, 0));
        expect("eta", "0.0", () -> new LangevinFlowParameters(32, 2, 16, 0.5, 0, 0));
        expect("eta", "2.0", () -> new LangevinFlowParameters(32, 2, 16, 0.5, 2, 0));
        expect("dropout", "1.0", () -> new LangevinFlowParameters(32, 2, 16, 0.5, 0.01, 1));
        expect("dropout", "-0.5", () -> new LangevinFlowParameters(32, 2, 16, 0.5, 0.01, -0.5));
        // The limits themselves are allowed.
        new LangevinFlowParameters(4, 1, 1, 0, 1, 0);
        new LangevinFlowParameters(4096, 3, 65_536, 1, 1e-9, 0.99);
        LangevinFlowParameters q = LangevinFlowParameters.quick();
        assertEquals(96, q.decoderWidth());
        assertEquals(1.0, q.withGamma(1).gamma());
        assertEquals(q.hidden(), q.withGamma(1).hidden());
        assertEquals(0.67 * Math.pow(3, -0.25), LangevinFlowParameters.TFIXUP_SCALE, 1e-15);
        assertEquals(0.509, LangevinFlowParameters.TFIXUP_SCALE, 5e-4, "the brief's ≈ 0.509");
    }

    @Test
    void theStatesOnlyAblationDecodesTheGruStatesOfTheSameEncoder() {
        LangevinFlowParameters p = new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0);
        LangevinFlow full = new LangevinFlow(p, SMALL);
        LangevinFlow hOnly = new LangevinFlow(p, SMALL, LangevinFlow.DecoderInput.STATES_ONLY);
        assertEquals(24, full.decoderWidth());
        assertEquals(8, hOnly.decoderWidth());
        assertEquals("LangevinFlow, decoder on h only", hOnly.name());
        int b = 3;
        float[] x = counts(new SplittableRandom(5), SMALL, b);
        try (NamedWeights wf = full.initialise(manager, new SplittableRandom(9));
             NamedWeights wh = hOnly.initialise(manager, new SplittableRandom(9))) {
            assertEquals(8, wh.view().get("decoder.in_proj.weight").getShape().get(1));
            assertEquals(8, wh.view().get("readout.weight").getShape().get(1));
            Pass pf = forward(full, wf.view(), x, b, 3, false);
            Pass ph = forward(hOnly, wh.view(), x, b, 3, false);
            assertEquals(new Shape(b, SMALL.bins(), 8), ph.latentShape());
            // Same seed, same encoder weights (drawn first): the latents are the full model's h block.
            assertTrue(maxDifference(states(pf, b, SMALL.bins(), 8),
                cube(ph.latents(), b, SMALL.bins(), 8)) == 0, "h_t identical");
            assertEquals(pf.kl(), ph.kl(), 0, "the objective's KL is unchanged");
        }
        assertThrows(IllegalArgumentException.class, () -> new LangevinFlow(
            new LangevinFlowParameters(4, 3, 16, 0.55, 0.01, 0), SMALL,
            LangevinFlow.DecoderInput.STATES_ONLY), "3 heads do not divide width 4");
    }

    @Test
    void theFrozenPotentialAblationKeepsKAtZeroOutsideTheTrainedWeights() {
        LangevinFlowParameters p = new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0);
        LangevinFlow full = new LangevinFlow(p, SMALL);
        LangevinFlow frozen = full.withPotential(LangevinFlow.Potential.FROZEN_AT_ZERO);
        assertEquals(LangevinFlow.Potential.LEARNED, full.potential());
        assertEquals(LangevinFlow.Potential.FROZEN_AT_ZERO, frozen.potential());
        assertEquals("LangevinFlow, K frozen at 0", frozen.name());
        int b = 3;
        float[] x = counts(new SplittableRandom(6), SMALL, b);
        try (NamedWeights wf = full.initialise(manager, new SplittableRandom(9));
             NamedWeights wz = frozen.initialise(manager, new SplittableRandom(9))) {
            assertTrue(wf.parameterNames().contains("potential.K"));
            assertFalse(wz.parameterNames().contains("potential.K"), "K is not trained");
            assertArrayEquals(new float[48], wz.view().get("potential.K").toFloatArray(),
                "K is held at zero");
            // The same draws give the same weights, less K; and since the learned K also starts
            // at zero, both models make the same first pass: freezing changes training only.
            var withoutK = new java.util.LinkedHashMap<>(wf.snapshot().tensors());
            withoutK.remove("potential.K");
            assertEquals(withoutK, wz.snapshot().tensors());
            Pass pf = forward(full, wf.view(), x, b, 4, true);
            Pass pz = forward(frozen, wz.view(), x, b, 4, true);
            assertArrayEquals(pf.logRates(), pz.logRates(), 0f);
            assertArrayEquals(pf.latents(), pz.latents(), 0f);
        }
    }

    @Test
    void sinusoidalPositionsAreTheTransformersFormula() {
        int width = 8;
        float[] pe = LangevinFlow.sinusoidalPositions(5, width);
        assertEquals(40, pe.length);
        for (int j = 0; j < width; j++) {
            assertEquals(j % 2 == 0 ? 0f : 1f, pe[j], 0f, "bin 0, column " + j);
        }
        for (int t = 0; t < 5; t++) {
            assertEquals(Math.sin(t), pe[t * width], 1e-7, "the first pair turns once per radian");
            assertEquals(Math.cos(t), pe[t * width + 1], 1e-7);
            // Column pair i has wavelength 2π · 10000^(2i/d): here i = 3, 10000^(6/8) = 1000.
            assertEquals(Math.sin(t / 1000.0), pe[t * width + 6], 1e-7);
            assertEquals(Math.cos(t / 1000.0), pe[t * width + 7], 1e-7);
        }
        float[] odd = LangevinFlow.sinusoidalPositions(2, 3);
        assertEquals(Math.sin(1 / Math.pow(10_000, 2 / 3.0)), odd[5], 1e-7, "odd width ends on a sine");
        assertThrows(IllegalArgumentException.class, () -> LangevinFlow.sinusoidalPositions(0, 4));
        assertThrows(IllegalArgumentException.class, () -> LangevinFlow.sinusoidalPositions(4, 0));
    }

    @Test
    void thePositionsAblationAddsTheEncodingToTheDecoderInputOnly() {
        LangevinFlowParameters p = new LangevinFlowParameters(8, 2, 16, 0.55, 0.01, 0);
        LangevinFlow full = new LangevinFlow(p, SMALL);
        LangevinFlow placed = full.withPositions(LangevinFlow.Positions.SINUSOIDAL);
        assertEquals(LangevinFlow.Positions.SINUSOIDAL, placed.positions());
        assertEquals(LangevinFlow.Positions.NONE, full.positions());
        assertEquals("LangevinFlow, sinusoidal positions", placed.name());
        int b = 2;
        float[] x = counts(new SplittableRandom(7), SMALL, b);
        try (NamedWeights w = full.initialise(manager, new SplittableRandom(9));
             NamedWeights wp = placed.initialise(manager, new SplittableRandom(9))) {
            assertEquals(w.snapshot(), wp.snapshot(), "no new weights: the encoding is fixed");
            Pass plain = forward(full, w.view(), x, b, 4, false);
            Pass withPositions = forward(placed, w.view(), x, b, 4, false);
            assertArrayEquals(plain.latents(), withPositions.latents(), 0f,
                "the returned latents are the model's state, without the encoding");
            assertFalse(java.util.Arrays.equals(plain.logRates(), withPositions.logRates()));
            // Decoding the latents plus the encoding by hand through the plain model's decoder
            // gives the positioned model's rates: the encoding enters exactly there.
            try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                int t = SMALL.bins();
                NDArray latents = m.create(plain.latents(), new Shape(b, t, 24));
                NDArray shifted = latents.add(m.create(LangevinFlow.sinusoidalPositions(t, 24),
                    new Shape(t, 24)));
                NDArray decoded = PostNormTransformerLayer.apply(w.view(), "decoder", shifted, 2,
                    PostNormTransformerLayer.Masks.NONE);
                float[] rates = Layers.linear(w.view(), "readout", decoded).toFloatArray();
                assertArrayEquals(withPositions.logRates(), rates, 1e-6f);
            }
        }
        assertEquals("LangevinFlow, K frozen at 0, sinusoidal positions",
            placed.withPotential(LangevinFlow.Potential.FROZEN_AT_ZERO).name());
    }

    @Test
    void theGammaOneAblationChangesOnlyTheDamping() {
        LatentShape shape = LatentShape.of(LorenzRecipe.quick());
        for (boolean quick : new boolean[] {true, false}) {
            LangevinFlow released = (LangevinFlow) LatentArchitecture.LANGEVIN_FLOW.model(quick, shape);
            LangevinFlow damped = (LangevinFlow) LatentArchitecture.LANGEVIN_FLOW_GAMMA_ONE.model(quick,
                shape);
            assertEquals(1.0, damped.parameters().gamma());
            assertEquals(released.parameters().withGamma(1.0), damped.parameters());
            assertEquals(LatentArchitecture.LANGEVIN_FLOW.training(quick),
                LatentArchitecture.LANGEVIN_FLOW_GAMMA_ONE.training(quick));
        }
    }

    private static void expect(String name, String value,
                               org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, name);
        assertTrue(e.getMessage().startsWith(name + " ") && e.getMessage().endsWith(value),
            "expected a message naming " + name + " and " + value + ", got: " + e.getMessage());
    }

    @Test
    void initialWeightsHaveTheReleasedLayout() {
        LatentShape shape = LatentShape.of(LorenzRecipe.quick());
        LangevinFlow model = new LangevinFlow(LangevinFlowParameters.quick(), shape);
        try (NamedWeights w = model.initialise(manager, new SplittableRandom(0))) {
            WeightSnapshot s = w.snapshot();
            assertArrayEquals(new long[] {96, 24}, s.tensors().get("encoder.weight_ih").shape());
            assertArrayEquals(new long[] {4, 4, 3}, s.tensors().get("potential.K").shape());
            assertArrayEquals(new float[48], s.values("potential.K"), "K starts at zero");
            assertArrayEquals(new long[] {32, 96}, s.tensors().get("readout.weight").shape());
            assertNull(s.tensors().get("potential.basis"), "the basis is a buffer");
            assertTrue(w.view().containsKey("potential.basis"));
        }
    }
}
