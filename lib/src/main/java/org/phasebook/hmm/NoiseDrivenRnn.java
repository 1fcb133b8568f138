package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.NativeStaging;

/**
 * The paper's generator RNN on DJL arrays (brief {@code hmm-rnn.md} §3, after Torre et al.,
 * arXiv:2510.25674): a ReLU RNN without biases, driven only by noise, whose hard
 * Gumbel-softmax outputs are trained to look like HMM sequences.
 *
 * <p>For {@code t = 1..T}, with {@code h_0 = 0}, inputs {@code x_t = sigma xi_t} and Gumbel
 * noise {@code g_t} from an {@link RnnNoise}:
 * <pre>
 *   h_t = ReLU(W_ih x_t + W_hh h_{t-1}),   l_t = A h_t,   s_t = softmax(l_t + g_t)   (tau = 1),
 *   y_t = onehot(argmax s_t) + (s_t − stopgrad(s_t)).
 * </pre>
 * {@code y_t} is exactly one-hot in value (an exact sample of {@code softmax(l_t)}) and has the
 * gradient of {@code s_t}: the straight-through estimator, so that
 * {@code ∂L/∂l_t = s_t ⊙ (G_t − ⟨s_t, G_t⟩)} for {@code G_t = ∂L/∂y_t}. PyTorch's
 * {@code gumbel_softmax(hard=True)} writes {@code (y_hard − stopgrad(s)) + s}, whose value can
 * differ from one-hot by a rounding error; the gradient is the same.
 *
 * <p><b>State.</b> The model owns its weights ({@code W_ih}, {@code W_hh}, {@code A}) in a
 * manager of its own, in float32 (as the authors train) or float64 (for gradient checks). The
 * weights never require a gradient themselves: a training step differentiates with respect to
 * copies ({@link #trainableCopies()}) and an optimiser then updates {@link #weights()} in place.
 * Not thread-safe. Close the model to free its arrays.
 */
public final class NoiseDrivenRnn implements AutoCloseable {

    private final RnnParameters parameters;
    private final NDManager manager;
    private final NDArray inputWeights;
    private final NDArray recurrentWeights;
    private final NDArray readoutWeights;

    private NoiseDrivenRnn(RnnParameters parameters, NDManager manager, NDArray wih,
                           NDArray whh, NDArray a) {
        this.parameters = parameters;
        this.manager = manager;
        this.inputWeights = wih;
        this.recurrentWeights = whh;
        this.readoutWeights = a;
    }

    /**
     * A model with PyTorch's default initialisation: every entry of {@code W_ih}, {@code W_hh}
     * and {@code A} uniform on {@code [-1/sqrt(H), 1/sqrt(H))}, drawn in Java by
     * {@link RnnWeights#random} (so a seed gives the same initial weights, rounded to the data
     * type, as the plain-Java classes of this package) and uploaded.
     *
     * @param parameters the shape and noise strength
     * @param parent     the manager the model's own manager is made under
     * @param dataType   {@code FLOAT32} or {@code FLOAT64}
     * @param random     the generator, advanced by {@code H d + H H + K H} doubles
     * @return a new model; close it when done
     */
    public static NoiseDrivenRnn initialise(RnnParameters parameters, NDManager parent,
                                            DataType dataType, SplittableRandom random) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(random, "random");
        RnnWeights w = RnnWeights.random(parameters.hidden(), parameters.inputs(),
            parameters.outputs(), random);
        return fromWeights(w, parameters.noiseStd(), parent, dataType);
    }

    /**
     * A model with the given weights, rounded to the data type.
     *
     * @param weights  the weights
     * @param noiseStd the input noise std, finite and {@code > 0}
     * @param parent   the manager the model's own manager is made under
     * @param dataType {@code FLOAT32} or {@code FLOAT64}
     * @return a new model; close it when done
     */
    public static NoiseDrivenRnn fromWeights(RnnWeights weights, double noiseStd, NDManager parent,
                                             DataType dataType) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(parent, "parent");
        checkType(dataType);
        RnnParameters p = new RnnParameters(weights.hidden(), weights.inputs(), weights.outputs(),
            noiseStd);
        NDManager m = parent.newSubManager();
        NDArray wih = upload(m, weights.wih(), dataType);
        NDArray whh = upload(m, weights.whh(), dataType);
        NDArray a = upload(m, weights.readout(), dataType);
        NDScope.unregister(wih, whh, a);
        return new NoiseDrivenRnn(p, m, wih, whh, a);
    }

    /**
     * A float32 model with the given single-precision weights, exactly.
     *
     * @param weights  the weights
     * @param noiseStd the input noise std, finite and {@code > 0}
     * @param parent   the manager the model's own manager is made under
     * @return a new model; close it when done
     */
    public static NoiseDrivenRnn fromWeights(RnnFloatWeights weights, double noiseStd,
                                             NDManager parent) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(parent, "parent");
        RnnParameters p = weights.parameters(noiseStd);
        NDManager m = parent.newSubManager();
        NDArray wih = m.create(weights.wih(), new Shape(p.hidden(), p.inputs()));
        NDArray whh = m.create(weights.whh(), new Shape(p.hidden(), p.hidden()));
        NDArray a = m.create(weights.readout(), new Shape(p.outputs(), p.hidden()));
        NDScope.unregister(wih, whh, a);
        return new NoiseDrivenRnn(p, m, wih, whh, a);
    }

    /**
     * The shape and noise strength.
     *
     * @return the parameters
     */
    public RnnParameters parameters() {
        return parameters;
    }

    /**
     * The data type of the weights and of every array a forward pass makes.
     *
     * @return {@code FLOAT32} or {@code FLOAT64}
     */
    public DataType dataType() {
        return inputWeights.getDataType();
    }

    /**
     * The live weight arrays {@code [W_ih (H x d), W_hh (H x H), A (K x H)]}, for an optimiser
     * to update in place. They do not require a gradient.
     *
     * @return the three arrays, owned by the model
     */
    public List<NDArray> weights() {
        return List.of(inputWeights, recurrentWeights, readoutWeights);
    }

    /**
     * Copies of the weights that require a gradient, for one differentiated forward pass
     * ({@link #forward(List, double, RnnNoise)}); their gradients are fresh, so nothing
     * accumulates across steps. They belong to the caller's {@link NDScope} if any, else to the
     * model's manager.
     *
     * @return {@code [W_ih, W_hh, A]} copies with {@code requiresGradient}
     */
    public List<NDArray> trainableCopies() {
        NDArray wih = inputWeights.duplicate();
        NDArray whh = recurrentWeights.duplicate();
        NDArray a = readoutWeights.duplicate();
        for (NDArray w : List.of(wih, whh, a)) {
            w.setRequiresGradient(true);
        }
        return List.of(wih, whh, a);
    }

    /**
     * A forward pass with the model's weights (not differentiated).
     *
     * @param noise the inputs and Gumbel noise, with {@code d} and {@code K} of this model
     * @return the batch; its arrays belong to the caller's {@code NDScope} if any
     */
    public RnnBatch forward(RnnNoise noise) {
        return forward(weights(), parameters.noiseStd(), noise);
    }

    /**
     * A forward pass with the given weights, as the class comment describes. Differentiable with
     * respect to the weights when they require a gradient and the call is inside a
     * {@code GradientCollector}.
     *
     * @param weights  {@code [W_ih (H x d), W_hh (H x H), A (K x H)]}, of one data type
     * @param noiseStd the input noise std {@code sigma}
     * @param noise    the standard normals and Gumbel variables, with matching {@code d}, {@code K}
     * @return the batch; its arrays belong to the caller's {@code NDScope} if any, and to the
     *     manager of {@code W_ih} otherwise
     */
    public static RnnBatch forward(List<NDArray> weights, double noiseStd, RnnNoise noise) {
        return forward(weights, noiseStd, noise, true);
    }

    /**
     * As {@link #forward(List, double, RnnNoise)}, keeping the hidden states or not: a training
     * step needs only the outputs, and stacking the states copies a {@code T x B x H} array
     * (17 ms in libtorch's profiler at the mechanism size; within the run-to-run noise of the
     * unprofiled step).
     *
     * @param weights    {@code [W_ih (H x d), W_hh (H x H), A (K x H)]}, of one data type
     * @param noiseStd   the input noise std {@code sigma}
     * @param noise      the standard normals and Gumbel variables, with matching {@code d}, {@code K}
     * @param keepHidden whether to return the hidden states; {@link RnnBatch#hidden()} is null
     *                   when not
     * @return the batch; its arrays belong to the caller's {@code NDScope} if any, and to the
     *     manager of {@code W_ih} otherwise
     */
    public static RnnBatch forward(List<NDArray> weights, double noiseStd, RnnNoise noise,
                                   boolean keepHidden) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(noise, "noise");
        if (weights.size() != 3) {
            throw new IllegalArgumentException("weights must be [W_ih, W_hh, A], got "
                + weights.size() + " arrays");
        }
        NDArray wih = weights.get(0);
        NDArray whh = weights.get(1);
        NDArray a = weights.get(2);
        int h = (int) whh.getShape().get(0);
        int d = noise.inputs();
        int k = noise.outputs();
        int t = noise.length();
        int b = noise.batch();
        checkShape("W_ih", wih, h, d);
        checkShape("W_hh", whh, h, h);
        checkShape("A", a, k, h);
        DataType type = wih.getDataType();
        checkType(type);
        if (whh.getDataType() != type || a.getDataType() != type) {
            throw new IllegalArgumentException("W_ih, W_hh and A must share one data type, got "
                + type + ", " + whh.getDataType() + " and " + a.getDataType());
        }
        RnnBatch result;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager m = wih.getManager();
            // The recurrence runs on column states, h_t as an H x B matrix:
            // h_t = ReLU(W_ih X_t + W_hh h_{t-1}), l_t = A h_t, with X_t the d x B noise of
            // step t. The products are the same as with row states (B x H, times transposed
            // weights), but libtorch's oneMKL is faster with the batch as the long, contiguous
            // dimension: at H = 50, d = 10, B = 512 the three forward products of one step
            // took 45 against 57 us and the five of its backward pass 104 against 132 us
            // (2026-11-30; PyTorch with OpenBLAS gains too, 39 against 52 and 81 against 85).
            // The noise reaches libtorch through NativeStaging's reused buffer; the product
            // with sigma, reshaped to (T d) x B, is a copy that libtorch owns, which matters
            // because the products below keep X_t for the backward pass. (The Gumbel variables
            // are only added, and addition keeps nothing for the backward pass.)
            NDArray x = NativeStaging.apply(m, noise.normals(), new Shape(t, b, d),
                v -> v.toType(type, false).mul(noiseStd).transpose(0, 2, 1)
                    .reshape((long) t * d, b));
            // Step by step: one product of all T B columns at once gives the same values but
            // costs more. With row states at the mechanism size (T = 100, B = 512, H = 150,
            // d = 100) the whole drive took 38 ms against 21 ms for T products of B rows, the
            // readout's K = 3 backward product 10 ms against 2.6 ms, and one product needs
            // T-way concatenations (the states forward, the drive's gradient backward), 17 ms
            // each in libtorch's profiler. With column states at the default size, the whole
            // drive saved 0.2-0.3 ms forward and cost 0.8-1.0 ms more backward, the whole
            // readout (after stacking the states) 1-2 ms more forward and 5 ms more backward
            // (2026-11-30). The X_t are slices of x, which needs no gradient.
            NDList inputs = x.split(t, 0);
            NDList states = new NDList(t);
            NDList stepLogits = new NDList(t);
            NDArray state = null;
            for (int s = 0; s < t; s++) {
                NDArray pre = wih.matMul(inputs.get(s));
                if (state != null) {
                    pre = pre.add(whh.matMul(state));
                }
                state = Activation.relu(pre);
                states.add(state);
                stepLogits.add(a.matMul(state));
            }
            // T x K x B: the K symbols are the middle dimension, the batch the contiguous one.
            NDArray logitColumns = NDArrays.stack(stepLogits);
            // z = l + g, laid out T x B x K like the Gumbel variables, its first operand, so
            // that each position's K entries are adjacent for the argmax below: argmax and
            // one-hot took 1.8 ms over K as the middle dimension of T x K x B, 0.5 ms on this
            // sum (T = 30, B = 512).
            NDArray z = NativeStaging.apply(m, noise.gumbels(), new Shape(t, b, k),
                g -> g.toType(type, false).add(logitColumns.transpose(0, 2, 1)));
            // The softmax over the K symbols is taken with K as the outer dimension and handed
            // back as a T x B x K view. libtorch runs a softmax over a last dimension of 3
            // entries as a scalar loop (1 ms at T = 30, B = 512); over an outer dimension it
            // vectorises across the T B positions (0.07 ms). Its vectorised exp rounds
            // differently: values agree to 3e-8, not bit for bit.
            NDArray soft = z.transpose(2, 0, 1).softmax(0).transpose(1, 2, 0);
            NDArray detached = soft.stopGradient();
            // The sample is the Gumbel-max symbol argmax_k (l + g)_k, the argmax of s_t up to
            // ties in rounding; taken on z, whose K entries are adjacent in memory (0.2 ms;
            // over the view of s, whose K entries lie T B apart, 1.6 ms).
            NDArray hard = z.argMax(2).oneHot(k, type);
            // hard + (s − s): the value is exactly one-hot, the gradient that of s.
            NDArray y = hard.add(soft.sub(detached));
            NDArray outputs = y.transpose(1, 0, 2).reshape(b, (long) t * k);
            NDArray logits = logitColumns.transpose(0, 2, 1);
            NDArray hidden = keepHidden ? NDArrays.stack(states).transpose(0, 2, 1) : null;
            result = new RnnBatch(outputs, soft, logits, hidden);
            NDScope.unregister(outputs, soft, logits);
            if (hidden != null) {
                NDScope.unregister(hidden);
            }
        }
        NDScope.register(result.outputs());
        NDScope.register(result.soft());
        NDScope.register(result.logits());
        if (result.hidden() != null) {
            NDScope.register(result.hidden());
        }
        return result;
    }

    /**
     * Replaces the weights by those of {@code w}, rounded to the data type.
     *
     * @param w weights of this model's shape
     */
    public void setWeights(RnnFloatWeights w) {
        Objects.requireNonNull(w, "w");
        if (w.hidden() != parameters.hidden() || w.inputs() != parameters.inputs()
            || w.outputs() != parameters.outputs()) {
            throw new IllegalArgumentException("weights of shape H=" + w.hidden() + ", d="
                + w.inputs() + ", K=" + w.outputs() + " do not fit " + parameters);
        }
        assign(inputWeights, w.wih());
        assign(recurrentWeights, w.whh());
        assign(readoutWeights, w.readout());
    }

    private static void assign(NDArray target, float[] values) {
        if (target.getDataType() == DataType.FLOAT32) {
            target.set(values);
        } else {
            double[] wide = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                wide[i] = values[i];
            }
            target.set(wide);
        }
    }

    /**
     * A copy of the weights in single precision (rounded if the model is float64).
     *
     * @return the weights
     */
    public RnnFloatWeights floatWeights() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return new RnnFloatWeights(parameters.hidden(), parameters.inputs(),
                parameters.outputs(), floats(inputWeights), floats(recurrentWeights),
                floats(readoutWeights));
        }
    }

    /**
     * A copy of the weights as doubles, exactly (for a float32 model, every float as a double).
     *
     * @return the weights
     */
    public RnnWeights toWeights() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return new RnnWeights(doubles(inputWeights), doubles(recurrentWeights),
                doubles(readoutWeights));
        }
    }

    /** Frees the weights. */
    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "NoiseDrivenRnn[" + parameters + ", " + dataType() + "]";
    }

    private static float[] floats(NDArray a) {
        return a.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static double[][] doubles(NDArray a) {
        int rows = (int) a.getShape().get(0);
        int cols = (int) a.getShape().get(1);
        double[] flat = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    private static NDArray upload(NDManager m, double[][] values, DataType type) {
        return m.create(values).toType(type, false);
    }

    private static void checkShape(String name, NDArray a, int rows, int cols) {
        Shape s = a.getShape();
        if (s.dimension() != 2 || s.get(0) != rows || s.get(1) != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + cols
                + " for this noise, got " + s);
        }
    }

    private static void checkType(DataType type) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("dataType must be FLOAT32 or FLOAT64, got " + type);
        }
    }
}
