package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The size of the noise-driven orbit against the noise std (brief {@code hmm-rnn.md} §8,
 * "Orbit vs noise"; figure F3). For each {@code sigma} a run of {@code steps} steps from
 * {@code h_0 = 0} is drawn with the <em>same</em> standard-normal inputs
 * ({@code new SplittableRandom(seed)} for every {@code sigma}) and projected on the PC1–PC2
 * plane of a given PCA (the paper's: fitted at {@code sigma = 1}). Sizes are measured about the
 * projection of the origin, the fixed point that every orbit surrounds, not about the plot
 * centre.
 *
 * <p><b>Exact law.</b> By homogeneity (brief §3) the run at {@code sigma} is {@code sigma} times
 * the run at 1, state by state, so every size below is exactly proportional to {@code sigma} (to
 * rounding): nested contours are scaled copies about the projected origin.
 *
 * <p>Stateless; all methods are static.
 */
public final class OrbitScaling {

    private OrbitScaling() {
    }

    /**
     * The orbit at one noise std, in the PC1–PC2 plane, relative to the projected origin.
     *
     * @param sigma          the noise std
     * @param centre         the mean projected state minus the projected origin, {@code {pc1, pc2}}
     * @param rmsRadius      the root mean square distance of projected states from the projected origin
     * @param quantileRadius the {@code quantile} quantile of those distances (the radius holding
     *                       that fraction of the states; the paper draws 95 % KDE contours)
     * @param planeVariance  the variance of the projected states (trace of their 2 x 2 covariance)
     */
    public record OrbitSize(double sigma, double[] centre, double rmsRadius, double quantileRadius,
                            double planeVariance) {
    }

    /**
     * Measures the orbit for each noise std.
     *
     * @param sigmas   noise stds, each finite and {@code >= 0} (the paper: 0.1, 1, 2, 3, 4)
     * @param steps    run length {@code >= 2} (the paper: 10,000)
     * @param quantile in {@code (0, 1]}, e.g. 0.95
     * @param seed     seeds the shared standard-normal inputs
     */
    public static OrbitSize[] measure(RnnDynamics dynamics, StatePca pca, double[] sigmas, int steps,
                                      double quantile, long seed) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(pca, "pca");
        Objects.requireNonNull(sigmas, "sigmas");
        if (pca.components() < 2) {
            throw new IllegalArgumentException("pca must have at least 2 components, got " + pca.components());
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        if (!(quantile > 0.0 && quantile <= 1.0)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }
        double[] origin = pca.project(new double[dynamics.hidden()]);
        OrbitSize[] sizes = new OrbitSize[sigmas.length];
        for (int s = 0; s < sigmas.length; s++) {
            RnnTrajectory run = dynamics.noisyTrajectory(steps, sigmas[s], new SplittableRandom(seed));
            double[][] z = pca.project(run.states());
            double[] distance = new double[steps];
            double m1 = 0.0;
            double m2 = 0.0;
            double squares = 0.0;
            for (int t = 0; t < steps; t++) {
                double x = z[t][0] - origin[0];
                double y = z[t][1] - origin[1];
                m1 += x / steps;
                m2 += y / steps;
                squares += x * x + y * y;
                distance[t] = Math.hypot(x, y);
            }
            double variance = 0.0;
            for (int t = 0; t < steps; t++) {
                double x = z[t][0] - origin[0] - m1;
                double y = z[t][1] - origin[1] - m2;
                variance += (x * x + y * y) / (steps - 1);
            }
            Arrays.sort(distance);
            int rank = (int) Math.ceil(quantile * steps) - 1;
            sizes[s] = new OrbitSize(sigmas[s], new double[] {m1, m2}, Math.sqrt(squares / steps),
                    distance[Math.max(0, rank)], variance);
        }
        return sizes;
    }

    /**
     * How far a network is from homogeneity: with the same standard normals, the run at noise
     * std {@code c} from {@code h_0 = 0} should be exactly {@code c} times the run at std 1
     * (no biases, ReLU commutes with positive scaling). Returns
     * {@code max |h_t(c) - c h_t(1)| / max |c h_t(1)|} over all steps and units: exactly 0 when
     * {@code c} is a power of two (scaling by it is exact in floating point), of the order of
     * the rounding otherwise.
     *
     * @param c     the noise std, finite and {@code > 0}
     * @param steps {@code >= 1}
     * @param seed  the seed of the standard normals, the same for both runs
     */
    public static double homogeneityError(RnnDynamics dynamics, double c, int steps, long seed) {
        Objects.requireNonNull(dynamics, "dynamics");
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite and > 0, got " + c);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double[][] base = dynamics.noisyTrajectory(steps, 1.0, new SplittableRandom(seed)).states();
        double[][] scaled = dynamics.noisyTrajectory(steps, c, new SplittableRandom(seed)).states();
        double diff = 0.0;
        double size = 0.0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < scaled[t].length; i++) {
                diff = Math.max(diff, Math.abs(scaled[t][i] - c * base[t][i]));
                size = Math.max(size, Math.abs(c * base[t][i]));
            }
        }
        return diff / size;
    }
}
