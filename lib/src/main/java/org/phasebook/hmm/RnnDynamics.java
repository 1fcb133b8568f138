package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Plain-Java simulator of the noise-driven ReLU RNN of {@link RnnWeights} (brief
 * {@code hmm-rnn.md} §3): {@code pre(h, x) = W_hh h + W_ih x}, {@code step(h, x) =
 * ReLU(pre(h, x))}, logits {@code A h}, output {@code argmax(A h)} (first index on ties).
 *
 * <p><b>Noise.</b> A noisy run from {@code h_0} draws, for each step, the {@code d} entries of
 * {@code xi_t} by {@link #standardNormals} (that is, {@code d} successive calls of
 * {@link SplittableRandom#nextGaussian()}, the JDK 17 {@code RandomGenerator} default: McFarland's
 * modified ziggurat, a documented and fixed algorithm) and applies {@code x_t = sigma xi_t}.
 * So runs with the same seed and different {@code sigma} share {@code xi}, which is what makes
 * homogeneity testable: the states of a run with std {@code sigma} are {@code sigma} times
 * those with std 1, to rounding (exactly when {@code sigma} is a power of 2).
 *
 * <p><b>Arithmetic.</b> Single states use Java loops with four partial sums per dot product (a
 * fixed order, so results are reproducible on any machine); batches of states
 * (package-private, used by the rollout analyses) use BLAS {@code dgemm} through Smile, whose
 * summation order differs, so a state advanced both ways agrees to rounding, not bit for bit.
 *
 * <p>Immutable and safe to share between threads; each thread needs its own generator.
 */
public final class RnnDynamics {

    private final RnnWeights weights;
    private final int h;
    private final int d;
    private final int k;
    private final double[][] whh;
    private final double[][] wih;
    private final double[][] a;
    private final double[] whhColumnMajor;
    private final double[] wihColumnMajor;

    /** A simulator of the network with these weights. */
    public RnnDynamics(RnnWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.h = weights.hidden();
        this.d = weights.inputs();
        this.k = weights.outputs();
        this.whh = weights.whh();
        this.wih = weights.wih();
        this.a = weights.readout();
        this.whhColumnMajor = columnMajor(whh);
        this.wihColumnMajor = columnMajor(wih);
    }

    /** The weights simulated. */
    public RnnWeights weights() {
        return weights;
    }

    /** {@code H}. */
    public int hidden() {
        return h;
    }

    /** {@code d}. */
    public int inputs() {
        return d;
    }

    /** {@code K}. */
    public int outputs() {
        return k;
    }

    /**
     * Fills {@code into} with i.i.d. standard normals: {@code into.length} successive calls of
     * {@link SplittableRandom#nextGaussian()}.
     */
    public static void standardNormals(double[] into, SplittableRandom random) {
        for (int j = 0; j < into.length; j++) {
            into[j] = random.nextGaussian();
        }
    }

    /**
     * {@code pre(h, x) = W_hh h + W_ih x}.
     *
     * @param state {@code h}, length {@code H}
     * @param input {@code x}, length {@code d}, or {@code null} for no input
     */
    public double[] preActivation(double[] state, double[] input) {
        double[] out = new double[h];
        preActivation(state, input, out);
        return out;
    }

    /** {@code step(h, x) = ReLU(W_hh h + W_ih x)}; {@code input} may be {@code null} (no input). */
    public double[] step(double[] state, double[] input) {
        double[] out = new double[h];
        step(state, input, out);
        return out;
    }

    /** As {@link #step(double[], double[])}, into {@code out}, which must not be {@code state}. */
    public void step(double[] state, double[] input, double[] out) {
        preActivation(state, input, out);
        for (int i = 0; i < h; i++) {
            // ReLU; also maps -0.0 to +0.0 so that states compare equal bit for bit.
            out[i] = out[i] > 0.0 ? out[i] : 0.0;
        }
    }

    /** The logits {@code A h}, length {@code K}. */
    public double[] logits(double[] state) {
        checkLength("state", state, h);
        double[] l = new double[k];
        for (int c = 0; c < k; c++) {
            l[c] = dot(a[c], state, h);
        }
        return l;
    }

    /** {@code argmax(A h)}, the first index on ties. */
    public int output(double[] state) {
        return argmax(logits(state));
    }

    /** {@code softmax(A h)}, computed stably (largest logit subtracted). */
    public double[] probabilities(double[] state) {
        return softmax(logits(state));
    }

    /**
     * Which units are active after the step from {@code h} with input {@code x}:
     * {@code pre(h, x)_i > 0}; {@code input} may be {@code null}.
     */
    public boolean[] activeUnits(double[] state, double[] input) {
        double[] pre = preActivation(state, input);
        boolean[] on = new boolean[h];
        for (int i = 0; i < h; i++) {
            on[i] = pre[i] > 0.0;
        }
        return on;
    }

    /**
     * The Jacobian of the step with respect to the state, {@code J(h, x) =
     * diag(1[pre(h, x) > 0]) W_hh} (brief §8); {@code input} may be {@code null} ({@code x = 0}).
     * At a kink ({@code pre_i = 0}) the row is taken as 0.
     */
    public double[][] jacobian(double[] state, double[] input) {
        boolean[] on = activeUnits(state, input);
        double[][] j = new double[h][];
        for (int i = 0; i < h; i++) {
            j[i] = on[i] ? whh[i].clone() : new double[h];
        }
        return j;
    }

    /**
     * A noisy run of {@code steps} steps from {@code h_0 = 0} (brief §3): {@code x_t = sigma xi_t}
     * with {@code xi_t} from {@link #standardNormals}.
     *
     * @param steps  {@code T >= 0}
     * @param sigma  the noise std, finite and {@code >= 0}
     * @param random advanced by {@code T d} Gaussian draws
     */
    public RnnTrajectory noisyTrajectory(int steps, double sigma, SplittableRandom random) {
        return noisyTrajectory(new double[h], steps, sigma, random);
    }

    /** As {@link #noisyTrajectory(int, double, SplittableRandom)}, from {@code initialState}. */
    public RnnTrajectory noisyTrajectory(double[] initialState, int steps, double sigma, SplittableRandom random) {
        checkSteps(steps);
        checkSigma(sigma);
        Objects.requireNonNull(random, "random");
        double[][] inputs = new double[steps][d];
        for (double[] x : inputs) {
            standardNormals(x, random);
            for (int j = 0; j < d; j++) {
                x[j] *= sigma;
            }
        }
        return drivenTrajectory(initialState, inputs);
    }

    /** A run without input ({@code x_t = 0}) of {@code steps} steps from {@code initialState}. */
    public RnnTrajectory noiselessTrajectory(double[] initialState, int steps) {
        checkSteps(steps);
        return drivenTrajectory(initialState, new double[steps][d]);
    }

    /**
     * The run from {@code initialState} driven by the given inputs, one row ({@code x_t},
     * length {@code d}) per step; the returned trajectory holds {@code inputs} itself.
     */
    public RnnTrajectory drivenTrajectory(double[] initialState, double[][] inputs) {
        checkLength("initialState", initialState, h);
        Objects.requireNonNull(inputs, "inputs");
        int steps = inputs.length;
        double[][] states = new double[steps][h];
        int[] outputs = new int[steps];
        double[] previous = initialState.clone();
        for (int t = 0; t < steps; t++) {
            checkLength("inputs[" + t + "]", inputs[t], d);
            step(previous, inputs[t], states[t]);
            outputs[t] = output(states[t]);
            previous = states[t];
        }
        return new RnnTrajectory(initialState.clone(), states, inputs, outputs);
    }

    /** The pre-activations of every step of a run: row {@code t} is {@code pre(h_t, x_{t+1})} of row {@code t}. */
    public double[][] preActivations(RnnTrajectory trajectory) {
        Objects.requireNonNull(trajectory, "trajectory");
        double[][] pre = new double[trajectory.length()][];
        for (int t = 0; t < pre.length; t++) {
            pre[t] = preActivation(trajectory.stateBefore(t), trajectory.inputs()[t]);
        }
        return pre;
    }

    /**
     * Output sequences sampled as the generator emits them (brief §3): each sequence starts at
     * {@code h_0 = 0}; each step draws {@code x_t = sigma xi_t} ({@code d} Gaussians), steps the
     * state and then draws the symbol from {@code softmax(A h_t)} by inverse CDF with one
     * {@link SplittableRandom#nextDouble()} (equivalent in distribution to the hard
     * Gumbel-softmax forward value). Symbols are emitted from {@code h_1..h_T}.
     *
     * @param count               number of sequences, {@code >= 0}
     * @param length              symbols per sequence {@code T >= 1}
     * @param sigma               noise std, finite and {@code >= 0}
     * @param random              the generator
     * @param firstSymbolAtOrigin the repository's {@code gen_seq} quirk: emit the first symbol
     *                            at {@code h_0 = 0} (logits 0, so uniform, one {@code nextDouble})
     *                            and then from {@code h_1..h_{T-1}}
     * @return {@code symbols[n][t]} in {@code 0..K-1}
     */
    public int[][] sampleOutputs(int count, int length, double sigma, SplittableRandom random,
                                 boolean firstSymbolAtOrigin) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        checkSigma(sigma);
        Objects.requireNonNull(random, "random");
        int[][] symbols = new int[count][length];
        double[] state = new double[h];
        double[] next = new double[h];
        double[] x = new double[d];
        for (int n = 0; n < count; n++) {
            Arrays.fill(state, 0.0);
            int t = 0;
            if (firstSymbolAtOrigin) {
                symbols[n][t++] = sample(probabilities(state), random.nextDouble());
            }
            for (; t < length; t++) {
                standardNormals(x, random);
                for (int j = 0; j < d; j++) {
                    x[j] *= sigma;
                }
                step(state, x, next);
                double[] swap = state;
                state = next;
                next = swap;
                symbols[n][t] = sample(probabilities(state), random.nextDouble());
            }
        }
        return symbols;
    }

    /**
     * Advances {@code n} states at once with BLAS: column {@code c} of {@code states}
     * ({@code H x n}, column-major, entries {@code states[c H + i]}) is stepped with column
     * {@code c} of {@code inputs} ({@code d x n}, column-major) into column {@code c} of
     * {@code out}. Arrays may be longer than needed; only the first {@code n} columns are used.
     */
    void stepColumns(double[] states, double[] inputs, int n, double[] out) {
        BLAS.engine.gemm(Layout.COL_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, h, n, h, 1.0,
                whhColumnMajor, h, states, h, 0.0, out, h);
        BLAS.engine.gemm(Layout.COL_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, h, n, d, 1.0,
                wihColumnMajor, h, inputs, d, 1.0, out, h);
        int size = h * n;
        for (int i = 0; i < size; i++) {
            out[i] = out[i] > 0.0 ? out[i] : 0.0;
        }
    }

    /** Logit {@code c} of column {@code column} of a column-major {@code H x n} state array. */
    double logitOfColumn(double[] states, int column, int c) {
        double[] row = a[c];
        int base = column * h;
        double s = 0.0;
        for (int i = 0; i < h; i++) {
            s += row[i] * states[base + i];
        }
        return s;
    }

    /** {@code argmax(A h)} of column {@code column} of a column-major state array. */
    int outputOfColumn(double[] states, int column) {
        int best = 0;
        double max = logitOfColumn(states, column, 0);
        for (int c = 1; c < k; c++) {
            double l = logitOfColumn(states, column, c);
            if (l > max) {
                max = l;
                best = c;
            }
        }
        return best;
    }

    /** The index of the largest entry, the first on ties. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code softmax(v)}, with the largest entry subtracted first. */
    static double[] softmax(double[] v) {
        double max = v[argmax(v)];
        double[] p = new double[v.length];
        double sum = 0.0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.exp(v[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private void preActivation(double[] state, double[] input, double[] out) {
        checkLength("state", state, h);
        checkLength("out", out, h);
        if (out == state) {
            throw new IllegalArgumentException("out must not be the state array");
        }
        if (input != null) {
            checkLength("input", input, d);
        }
        for (int i = 0; i < h; i++) {
            double s = dot(whh[i], state, h);
            if (input != null) {
                s += dot(wih[i], input, d);
            }
            out[i] = s;
        }
    }

    /** A dot product with four partial sums: a fixed order, and about 3x faster than one sum. */
    static double dot(double[] u, double[] v, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += u[j] * v[j];
            s1 += u[j + 1] * v[j + 1];
            s2 += u[j + 2] * v[j + 2];
            s3 += u[j + 3] * v[j + 3];
        }
        for (; j < n; j++) {
            s0 += u[j] * v[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static int sample(double[] p, double u) {
        double c = 0.0;
        for (int i = 0; i < p.length - 1; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static double[] columnMajor(double[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[j * rows + i] = m[i][j];
            }
        }
        return c;
    }

    static void checkLength(String name, double[] v, int length) {
        Objects.requireNonNull(v, name);
        if (v.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got " + v.length);
        }
    }

    private static void checkSteps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
    }

    static void checkSigma(double sigma) {
        if (!(sigma >= 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma (noise std) must be finite and >= 0, got " + sigma);
        }
    }
}
