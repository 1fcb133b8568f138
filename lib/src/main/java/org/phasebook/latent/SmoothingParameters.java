package org.phasebook.latent;

/**
 * Parameters of the smoothing + Poisson GLM baseline ({@link SmoothingBaseline}, brief §7.1).
 *
 * @param kernelSdMs Gaussian kernel standard deviation {@code s}, ms, {@code > 0}; the window
 *                   is {@link GaussianSmoothing#nlb(double, double)}
 * @param binMs      bin width, ms, {@code > 0} (the recipe's nominal 20 ms)
 * @param alphas     GLM L2 penalties to choose from, each finite and {@code >= 0}, at least one
 * @param folds      cross-validation folds over training trials to choose the penalty, 2 to
 *                   100 (interleaved, every {@code folds}-th trial, as nlb_tools'
 *                   {@code smoothing_cv_sweep.py} splits them)
 * @param logOffset  added to the smoothed counts before the log, finite and {@code > 0}
 *                   (nlb_tools: 1e-4)
 */
public record SmoothingParameters(double kernelSdMs, double binMs, double[] alphas, int folds,
        double logOffset) {

    /** Validates every field and copies {@code alphas}. */
    public SmoothingParameters {
        if (!(kernelSdMs > 0.0) || Double.isInfinite(kernelSdMs)) {
            throw new IllegalArgumentException("kernelSdMs must be finite and > 0, got "
                    + kernelSdMs);
        }
        if (!(binMs > 0.0) || Double.isInfinite(binMs)) {
            throw new IllegalArgumentException("binMs must be finite and > 0, got " + binMs);
        }
        if (alphas == null || alphas.length == 0) {
            throw new IllegalArgumentException("alphas must hold at least one penalty, got "
                    + (alphas == null ? "null" : "none"));
        }
        alphas = alphas.clone();
        for (int i = 0; i < alphas.length; i++) {
            if (!(alphas[i] >= 0.0) || Double.isInfinite(alphas[i])) {
                throw new IllegalArgumentException("alphas[" + i + "] must be finite and >= 0, "
                        + "got " + alphas[i]);
            }
        }
        if (folds < 2 || folds > 100) {
            throw new IllegalArgumentException("folds must be in [2, 100], got " + folds);
        }
        if (!(logOffset > 0.0) || Double.isInfinite(logOffset)) {
            throw new IllegalArgumentException("logOffset must be finite and > 0, got "
                    + logOffset);
        }
        // Fails early when the truncated std is 0.
        GaussianSmoothing.nlb(kernelSdMs, binMs);
    }

    /**
     * The brief's Lorenz setting: {@code s = 40} ms on 20 ms bins (window 12 bins, std 2),
     * {@code alpha in {1e-3, 1e-2, 1e-1}}, 5 folds, log offset 1e-4.
     */
    public static SmoothingParameters lorenz() {
        return new SmoothingParameters(40.0, 20.0, new double[] {1e-3, 1e-2, 1e-1}, 5, 1e-4);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** The window this kernel width gives. */
    public GaussianSmoothing smoothing() {
        return GaussianSmoothing.nlb(kernelSdMs, binMs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmoothingParameters p && p.kernelSdMs == kernelSdMs
                && p.binMs == binMs && java.util.Arrays.equals(p.alphas, alphas)
                && p.folds == folds && p.logOffset == logOffset;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kernelSdMs, binMs, java.util.Arrays.hashCode(alphas),
                folds, logOffset);
    }

    @Override
    public String toString() {
        return "SmoothingParameters[kernelSdMs=" + kernelSdMs + ", binMs=" + binMs + ", alphas="
                + java.util.Arrays.toString(alphas) + ", folds=" + folds + ", logOffset="
                + logOffset + "]";
    }
}
