package org.phasebook.nn;

/**
 * Hyper-parameters of {@link Adam} (Kingma and Ba 2015) in PyTorch's notation
 * ({@code torch.optim.Adam(lr, betas=(beta1, beta2), eps)}, no weight decay, no AMSGrad).
 *
 * @param learningRate the step size {@code lr}; finite, {@code > 0}
 * @param beta1        decay of the first-moment average, in {@code [0, 1)}
 * @param beta2        decay of the second-moment average, in {@code [0, 1)}
 * @param epsilon      added to the bias-corrected root of the second moment; finite,
 *                     {@code >= 0}
 */
public record AdamParameters(double learningRate, double beta1, double beta2, double epsilon) {

    /** Checks every parameter. */
    public AdamParameters {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got "
                + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
    }

    /**
     * The optimiser of Torre et al. (arXiv:2510.25674; brief {@code hmm-rnn.md} §5):
     * {@code lr = 1e-3}, {@code betas = (0.9, 0.9)}, {@code eps = 1e-8}. The second beta is
     * 0.9, not PyTorch's default 0.999.
     *
     * @return {@code new AdamParameters(1e-3, 0.9, 0.9, 1e-8)}
     */
    public static AdamParameters paper() {
        return new AdamParameters(1e-3, 0.9, 0.9, 1e-8);
    }

    /**
     * PyTorch's defaults: {@code lr = 1e-3}, {@code betas = (0.9, 0.999)}, {@code eps = 1e-8}.
     *
     * @return {@code new AdamParameters(1e-3, 0.9, 0.999, 1e-8)}
     */
    public static AdamParameters torchDefaults() {
        return new AdamParameters(1e-3, 0.9, 0.999, 1e-8);
    }

    /**
     * The same parameters with another learning rate.
     *
     * @param lr the new learning rate, finite and {@code > 0}
     * @return a copy with {@code learningRate = lr}
     */
    public AdamParameters withLearningRate(double lr) {
        return new AdamParameters(lr, beta1, beta2, epsilon);
    }
}
