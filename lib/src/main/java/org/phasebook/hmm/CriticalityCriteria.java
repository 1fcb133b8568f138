package org.phasebook.hmm;

/**
 * When an eigenvalue {@code lambda} of a Jacobian counts as "Hopf-like" or "critical" (brief
 * {@code hmm-rnn.md} §8): with the Möbius map {@code w = (lambda - 1)/(lambda + 1)}, which sends
 * the unit circle to the imaginary axis and its outside to {@code Re w > 0},
 * {@code |Re w| < maxAbsRealW} (close to the unit circle) and {@code Im w > minImagW} (clearly
 * complex; {@code Im w > 0} exactly when {@code Im lambda > 0}, so each conjugate pair counts
 * once).
 *
 * @param maxAbsRealW upper bound on {@code |Re w|}, finite and {@code > 0}
 * @param minImagW    lower bound on {@code Im w}, finite and {@code >= 0}
 */
public record CriticalityCriteria(double maxAbsRealW, double minImagW) {

    /** The authors' stability and training-evolution thresholds: {@code |Re w| < 0.1}, {@code Im w > 0.05}. */
    public static final CriticalityCriteria STANDARD = new CriticalityCriteria(0.1, 0.05);

    /** The authors' ablation thresholds ({@code compute_CE}): {@code |Re w| < 0.1}, {@code Im w > 0.06}. */
    public static final CriticalityCriteria ABLATION = new CriticalityCriteria(0.1, 0.06);

    /** Checks the bounds. */
    public CriticalityCriteria {
        if (!(maxAbsRealW > 0.0) || !Double.isFinite(maxAbsRealW)) {
            throw new IllegalArgumentException("maxAbsRealW must be finite and > 0, got " + maxAbsRealW);
        }
        if (!(minImagW >= 0.0) || !Double.isFinite(minImagW)) {
            throw new IllegalArgumentException("minImagW must be finite and >= 0, got " + minImagW);
        }
    }

    /** Whether {@code lambda = re + i im} is critical; {@code lambda = -1} (where {@code w} is infinite) never is. */
    public boolean isCritical(double re, double im) {
        double denominator = (re + 1.0) * (re + 1.0) + im * im;
        if (denominator == 0.0) {
            return false;
        }
        double realW = (re * re + im * im - 1.0) / denominator;
        double imagW = 2.0 * im / denominator;
        return Math.abs(realW) < maxAbsRealW && imagW > minImagW;
    }
}
