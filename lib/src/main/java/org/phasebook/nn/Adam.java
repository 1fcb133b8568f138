package org.phasebook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.List;

/**
 * The Adam optimiser with PyTorch's update rule ({@code torch.optim.Adam}, single-tensor
 * implementation, no AMSGrad), applied in place to DJL arrays, optionally with PyTorch's
 * <em>coupled</em> weight decay ({@code weight_decay}: {@code g ← g + λ p} before the moments,
 * not AdamW's decoupled form) and a learning rate that may change between steps (a schedule).
 *
 * <p>At step {@code t = 1, 2, …}, for each parameter {@code p} with gradient {@code g}:
 * <pre>
 *   m ← β₁ m + (1 − β₁) g
 *   v ← β₂ v + (1 − β₂) g²
 *   p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps)
 * </pre>
 * with {@code m = v = 0} before the first step. The bias corrections and the step size are
 * computed in double, as Python floats are, and applied to arrays of the parameters' data type.
 * PyTorch ≥ 2.0 writes the first line as {@code m.lerp_(g, 1 − β₁)}, which differs from
 * {@code β₁ m + (1 − β₁) g} by rounding only. This is not DJL's {@code Adam}, which folds the bias
 * correction into the learning rate differently and clips element-wise (brief
 * {@code hmm-rnn.md} §5).
 *
 * <p><b>Use.</b> Call {@link #step(List, List)} after the {@code GradientCollector} that computed
 * the gradients is closed, with the same parameter list (same order, same shapes) every time.
 * The parameters are updated in place through {@link NDArray#stopGradient()} views, so a
 * parameter that itself requires a gradient may be passed too. The moment arrays live in each
 * parameter's manager (they are created with {@code zerosLike}) and survive any
 * {@link NDScope} around the call; every temporary is closed before the call returns. An
 * {@code Adam} is mutable and not thread-safe: it belongs to one training run.
 */
public final class Adam implements AutoCloseable {

    private final AdamParameters parameters;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private int steps;
    private Constants constants;

    /**
     * An optimiser at step 0.
     *
     * @param parameters learning rate, betas and eps
     */
    public Adam(AdamParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
    }

    /**
     * The hyper-parameters.
     *
     * @return learning rate, betas and eps
     */
    public AdamParameters parameters() {
        return parameters;
    }

    /**
     * The number of steps taken so far ({@code t} of the last step).
     *
     * @return the step count, 0 before the first step
     */
    public int steps() {
        return steps;
    }

    /**
     * One Adam step: updates every parameter in place from its gradient.
     *
     * @param params    the parameters, updated in place; the same list of shapes at every call
     * @param gradients their gradients, in the same order and of the same shapes; not modified
     * @throws IllegalArgumentException if the lists are null, of different sizes, or the shapes
     *     or data types do not match each other or those of the first step
     */
    public void step(List<NDArray> params, List<NDArray> gradients) {
        step(params, gradients, parameters.learningRate(), 0);
    }

    /**
     * One Adam step with the given learning rate and coupled weight decay: each gradient
     * {@code g} is replaced by {@code g + weightDecay · p} (in a temporary; the given gradient
     * is not modified) before the update, as {@code torch.optim.Adam(weight_decay=λ)} does.
     *
     * @param params       the parameters, updated in place; the same list of shapes at every call
     * @param gradients    their gradients, in the same order and of the same shapes
     * @param learningRate this step's learning rate, finite and {@code > 0} (a schedule may
     *                     change it between steps; the moments are kept)
     * @param weightDecay  the L2 coefficient λ, finite and {@code >= 0}
     * @throws IllegalArgumentException as {@link #step(List, List)}, or if the learning rate or
     *     the weight decay is out of range
     */
    public void step(List<NDArray> params, List<NDArray> gradients, double learningRate,
                     double weightDecay) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got "
                + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got "
                + weightDecay);
        }
        check(params, gradients);
        if (steps == 0) {
            for (NDArray p : params) {
                NDArray m = p.stopGradient().zerosLike();
                NDArray v = p.stopGradient().zerosLike();
                NDScope.unregister(m, v);
                firstMoments.add(m);
                secondMoments.add(v);
            }
        }
        steps++;
        double beta1 = parameters.beta1();
        double beta2 = parameters.beta2();
        double biasCorrection1 = 1 - Math.pow(beta1, steps);
        double biasCorrection2 = 1 - Math.pow(beta2, steps);
        double stepSize = learningRate / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        NDArray first = params.get(0);
        if (constants == null) {
            constants = new Constants(scalar(first, beta1), scalar(first, 1 - beta1),
                scalar(first, beta2), scalar(first, 1 - beta2), scalar(first, parameters.epsilon()));
            NDScope.unregister(constants.beta1(), constants.oneMinusBeta1(), constants.beta2(),
                constants.oneMinusBeta2(), constants.epsilon());
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray stepSizes = scalar(first, stepSize);
            NDArray corrections = scalar(first, biasCorrection2Sqrt);
            NDArray decay = weightDecay > 0 ? scalar(first, weightDecay) : null;
            Constants c = constants;
            for (int i = 0; i < params.size(); i++) {
                NDArray g = gradients.get(i).stopGradient();
                if (decay != null) {
                    g = g.add(params.get(i).stopGradient().mul(decay));
                }
                NDArray m = firstMoments.get(i);
                NDArray v = secondMoments.get(i);
                m.muli(c.beta1).addi(g.mul(c.oneMinusBeta1));
                v.muli(c.beta2).addi(g.mul(g).muli(c.oneMinusBeta2));
                NDArray denominator = v.sqrt().divi(corrections).addi(c.epsilon);
                params.get(i).stopGradient().subi(m.div(denominator).muli(stepSizes));
            }
        }
    }

    /**
     * The optimiser's numbers as 0-d float64 arrays, the arrays that DJL's {@code mul(Number)}
     * and the like make for every operation (so the results are the same bit for bit): made
     * once, they save about 20 such wrappings per step, each a direct buffer and two native
     * calls.
     */
    private record Constants(NDArray beta1, NDArray oneMinusBeta1, NDArray beta2,
                             NDArray oneMinusBeta2, NDArray epsilon) implements AutoCloseable {

        @Override
        public void close() {
            beta1.close();
            oneMinusBeta1.close();
            beta2.close();
            oneMinusBeta2.close();
            epsilon.close();
        }
    }

    /** A 0-d float64 array owned by libtorch (see {@link Constants}), in {@code like}'s manager. */
    private static NDArray scalar(NDArray like, double value) {
        try (NDArray wrapped = like.getManager().create(value)) {
            return wrapped.duplicate();
        }
    }

    @Override
    public void close() {
        if (constants != null) {
            constants.close();
            constants = null;
        }
        firstMoments.forEach(NDArray::close);
        secondMoments.forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
    }

    private void check(List<NDArray> params, List<NDArray> gradients) {
        if (params == null || gradients == null) {
            throw new IllegalArgumentException("params and gradients must not be null");
        }
        if (params.size() != gradients.size()) {
            throw new IllegalArgumentException("params and gradients must have equal sizes, got "
                + params.size() + " and " + gradients.size());
        }
        if (steps > 0 && params.size() != firstMoments.size()) {
            throw new IllegalArgumentException("this optimiser was started with "
                + firstMoments.size() + " parameters, got " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = gradients.get(i);
            if (p == null || g == null) {
                throw new IllegalArgumentException("parameter and gradient " + i
                    + " must not be null");
            }
            if (!p.getShape().equals(g.getShape()) || p.getDataType() != g.getDataType()) {
                throw new IllegalArgumentException("gradient " + i + " must match its parameter "
                    + p.getShape() + " " + p.getDataType() + ", got " + g.getShape() + " "
                    + g.getDataType());
            }
            if (steps > 0 && !p.getShape().equals(firstMoments.get(i).getShape())) {
                throw new IllegalArgumentException("parameter " + i + " had shape "
                    + firstMoments.get(i).getShape() + " at the first step, got " + p.getShape());
            }
        }
    }
}
