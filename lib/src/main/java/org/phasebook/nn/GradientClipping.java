package org.phasebook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

import java.util.List;

/**
 * Clipping of gradients by their global norm, as {@code torch.nn.utils.clip_grad_norm_} does
 * with its default 2-norm: with {@code ‖g‖ = √(Σ_tensors Σ_entries g²)} over all the gradients
 * together, every gradient is multiplied in place by
 * <pre>
 *   c = min(1, maxNorm / (‖g‖ + 1e-6)).
 * </pre>
 * Unlike DJL's {@code optClipGrad}, which clips each entry separately, this keeps the direction of
 * the whole gradient. As PyTorch does since 1.13, the gradients are multiplied by {@code c} even
 * when it is 1 (which leaves them bit-identical). The norm is computed in the gradients' data
 * type, as PyTorch does, and returned as a double.
 */
public final class GradientClipping {

    /** PyTorch's guard against division by zero in the clip coefficient. */
    public static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * The global 2-norm {@code √(Σ ‖g_i‖²)} of a list of gradients.
     *
     * @param gradients the gradients, at least one, all of one data type
     * @return the norm, {@code >= 0} (infinite or NaN if an entry is)
     */
    public static double globalNorm(List<NDArray> gradients) {
        check(gradients);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            // PyTorch takes the norm of the per-tensor norms; so do we, for equal rounding.
            NDList norms = new NDList(gradients.size());
            for (NDArray g : gradients) {
                norms.add(g.stopGradient().norm());
            }
            return NDArrays.stack(norms).norm().toType(DataType.FLOAT64, false).getDouble();
        }
    }

    /**
     * The clip coefficient {@code min(1, maxNorm / (norm + 1e-6))}.
     *
     * @param norm    the global norm, {@code >= 0}
     * @param maxNorm the largest norm allowed, finite and {@code > 0}
     * @return the factor the gradients are multiplied by, in {@code [0, 1]}
     */
    public static double coefficient(double norm, double maxNorm) {
        checkMaxNorm(maxNorm);
        if (!(norm >= 0)) {
            throw new IllegalArgumentException("norm must be >= 0, got " + norm);
        }
        return Math.min(1.0, maxNorm / (norm + NORM_EPSILON));
    }

    /**
     * Scales the gradients in place so that their global norm is at most about {@code maxNorm}.
     *
     * @param gradients the gradients, modified in place (through
     *                  {@link NDArray#stopGradient()} views)
     * @param maxNorm   the largest norm allowed, finite and {@code > 0}
     * @return the global norm before clipping (as {@code clip_grad_norm_} returns it)
     */
    public static double clipByGlobalNorm(List<NDArray> gradients, double maxNorm) {
        checkMaxNorm(maxNorm);
        double norm = globalNorm(gradients);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("the gradient norm is " + norm
                + "; the loss or the parameters have diverged");
        }
        double c = coefficient(norm, maxNorm);
        try (NDScope scope = new NDScope();
             NDArray wrapped = gradients.get(0).getManager().create(c)) {
            scope.suppressNotUsedWarning();
            // one 0-d float64 array, the one muli(Number) would make for every gradient
            NDArray factor = wrapped.duplicate();
            for (NDArray g : gradients) {
                g.stopGradient().muli(factor);
            }
        }
        return norm;
    }

    private static void checkMaxNorm(double maxNorm) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
    }

    private static void check(List<NDArray> gradients) {
        if (gradients == null || gradients.isEmpty()) {
            throw new IllegalArgumentException("gradients must hold at least one array");
        }
        for (int i = 0; i < gradients.size(); i++) {
            if (gradients.get(i) == null) {
                throw new IllegalArgumentException("gradient " + i + " must not be null");
            }
        }
    }
}
