package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.Torch;

/**
 * Output sequences of a trained generator RNN for evaluation, sampled from
 * {@code softmax(A h_t)} directly (equivalent in distribution to the hard Gumbel-softmax
 * forward value; brief {@code hmm-rnn.md} §3), many sequences at once on DJL in float32.
 *
 * <p><b>Draws</b>, the same as {@link RnnDynamics#sampleOutputs}: sequence after sequence, with
 * {@code h_0 = 0}; each step draws {@code d} Gaussians ({@code x_t = sigma xi_t}), steps the
 * state and draws the symbol by inverse CDF of the softmax (computed in double from the float
 * logits) with one {@link SplittableRandom#nextDouble()}. So, from equally seeded generators,
 * both classes give the same symbols except where float and double rounding put a uniform on
 * different sides of a cumulative probability (rare, and isolated, since outputs do not feed
 * back). With {@code firstSymbolAtOrigin} the repository's {@code gen_seq} quirk is
 * reproduced: the first symbol is emitted at {@code h_0 = 0} (logits 0, so uniform; one
 * {@code nextDouble}) and the states run only to {@code h_{T-1}}.
 *
 * <p>Sequences are processed in chunks of {@code chunk} sequences, which bounds memory
 * ({@code T chunk max(d, H)} floats) without changing the result. Immutable; each call opens
 * and closes its own manager.
 */
public final class RnnOutputSampler {

    private final Torch torch;
    private final RnnFloatWeights weights;
    private final int chunk;

    /**
     * A sampler.
     *
     * @param torch   the engine
     * @param weights the trained weights
     * @param chunk   sequences per forward pass, {@code >= 1} (512 is a good size)
     */
    public RnnOutputSampler(Torch torch, RnnFloatWeights weights, int chunk) {
        this.torch = Objects.requireNonNull(torch, "torch");
        this.weights = Objects.requireNonNull(weights, "weights");
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        this.chunk = chunk;
    }

    /**
     * {@code count} output sequences of {@code length} symbols.
     *
     * @param count               the number of sequences, {@code >= 0}
     * @param length              symbols per sequence {@code T >= 1}
     * @param sigma               the noise std, finite and {@code > 0} (1 as in training)
     * @param random              the generator
     * @param firstSymbolAtOrigin reproduce the authors' {@code gen_seq} quirk (see the class
     *                            comment); false emits from {@code h_1..h_T}, as in training
     * @return {@code symbols[n][t]} in {@code 0..K-1}
     */
    public int[][] sample(int count, int length, double sigma, SplittableRandom random,
                          boolean firstSymbolAtOrigin) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        Objects.requireNonNull(random, "random");
        int[][] symbols = new int[count][length];
        int steps = firstSymbolAtOrigin ? length - 1 : length;
        try (NDManager manager = torch.newManager()) {
            NDArray wihT = manager.create(weights.wih(),
                new Shape(weights.hidden(), weights.inputs())).transpose();
            NDArray whhT = manager.create(weights.whh(),
                new Shape(weights.hidden(), weights.hidden())).transpose();
            NDArray readoutT = manager.create(weights.readout(),
                new Shape(weights.outputs(), weights.hidden())).transpose();
            for (int from = 0; from < count; from += chunk) {
                int n = Math.min(chunk, count - from);
                sampleChunk(symbols, from, n, steps, sigma, random, firstSymbolAtOrigin,
                    manager, wihT, whhT, readoutT);
            }
        }
        return symbols;
    }

    private void sampleChunk(int[][] symbols, int from, int n, int steps, double sigma,
                             SplittableRandom random, boolean firstAtOrigin, NDManager manager,
                             NDArray wihT, NDArray whhT, NDArray readoutT) {
        int d = weights.inputs();
        int h = weights.hidden();
        int k = weights.outputs();
        float[] inputs = new float[Math.max(1, steps) * n * d];
        double[] uniforms = new double[n * symbols[from].length];
        int length = symbols[from].length;
        for (int s = 0; s < n; s++) {
            int u = s * length;
            if (firstAtOrigin) {
                uniforms[u++] = random.nextDouble();
            }
            for (int t = 0; t < steps; t++) {
                int base = (t * n + s) * d;
                for (int j = 0; j < d; j++) {
                    inputs[base + j] = (float) (random.nextGaussian() * sigma);
                }
                uniforms[u++] = random.nextDouble();
            }
        }
        float[] logits = steps == 0 ? new float[0] : logits(manager, inputs, n, steps, d, h,
            wihT, whhT, readoutT);
        double[] p = new double[k];
        for (int s = 0; s < n; s++) {
            int u = s * length;
            int t0 = 0;
            if (firstAtOrigin) {
                java.util.Arrays.fill(p, 1.0 / k);
                symbols[from + s][t0++] = inverseCdf(p, uniforms[u++]);
            }
            for (int t = 0; t < steps; t++) {
                softmax(logits, (t * n + s) * k, p);
                symbols[from + s][t0 + t] = inverseCdf(p, uniforms[u++]);
            }
        }
    }

    /** The logits {@code A h_t}, {@code T x n x K} flattened, in float32. */
    private static float[] logits(NDManager manager, float[] inputs, int n, int steps, int d,
                                  int h, NDArray wihT, NDArray whhT, NDArray readoutT) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray drive = manager.create(inputs, new Shape((long) steps * n, d)).matMul(wihT)
                .reshape(steps, n, h);
            NDList states = new NDList(steps);
            NDArray state = null;
            for (int t = 0; t < steps; t++) {
                NDArray pre = drive.get(t);
                if (state != null) {
                    pre = pre.add(state.matMul(whhT));
                }
                state = Activation.relu(pre);
                states.add(state);
            }
            return NDArrays.stack(states).reshape((long) steps * n, h).matMul(readoutT)
                .toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static void softmax(float[] logits, int offset, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(logits[offset + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /** The first {@code i} whose cumulative probability exceeds {@code u}; the last otherwise. */
    private static int inverseCdf(double[] p, double u) {
        double c = 0.0;
        for (int i = 0; i < p.length - 1; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }
}
