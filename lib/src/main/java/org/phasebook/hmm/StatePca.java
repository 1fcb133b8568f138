package org.phasebook.hmm;

import java.util.Objects;
import smile.math.blas.BLAS;
import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;
import smile.math.blas.UPLO;

/**
 * A principal-component analysis of RNN states (brief {@code hmm-rnn.md} §8: fit on one run,
 * project others), as scikit-learn's {@code PCA} does it: centre on the mean of the fitted
 * states, take the leading eigenvectors of the sample covariance (denominator {@code n - 1}).
 *
 * <p>The covariance is accumulated by BLAS {@code dgemm} in blocks of 4,096 states (so a
 * 100,000-step run needs no second copy of itself) and decomposed by LAPACK {@code dsyevd}.
 * Each component's sign is fixed so that its entry of largest magnitude is positive (the first
 * such entry on ties), which makes fits reproducible; scikit-learn's sign rule differs, so
 * compare components up to sign.
 *
 * <p>Immutable; accessors return copies.
 */
public final class StatePca {

    private static final int BLOCK = 4096;

    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;
    private final int samples;

    private StatePca(double[] mean, double[][] components, double[] variances, double totalVariance, int samples) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
        this.samples = samples;
    }

    /**
     * Fits {@code components} principal components to {@code states} ({@code n x H},
     * {@code n >= 2}, rows of equal length, finite).
     *
     * @param components {@code 1..H}
     */
    public static StatePca fit(double[][] states, int components) {
        Objects.requireNonNull(states, "states");
        int n = states.length;
        if (n < 2) {
            throw new IllegalArgumentException("states must hold at least 2 rows, got " + n);
        }
        int h = states[0].length;
        if (components < 1 || components > h) {
            throw new IllegalArgumentException("components must be in [1, H = " + h + "], got " + components);
        }
        double[] mean = new double[h];
        for (int t = 0; t < n; t++) {
            RnnDynamics.checkLength("states[" + t + "]", states[t], h);
            for (int i = 0; i < h; i++) {
                if (!Double.isFinite(states[t][i])) {
                    throw new IllegalArgumentException("states[" + t + "][" + i + "] must be finite, got "
                            + states[t][i]);
                }
                mean[i] += states[t][i];
            }
        }
        for (int i = 0; i < h; i++) {
            mean[i] /= n;
        }
        double[] cov = new double[h * h];
        double[] block = new double[h * Math.min(BLOCK, n)];
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            for (int t = 0; t < m; t++) {
                double[] row = states[start + t];
                for (int i = 0; i < h; i++) {
                    block[t * h + i] = row[i] - mean[i];
                }
            }
            BLAS.engine.gemm(Layout.COL_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, h, h, m, 1.0 / (n - 1),
                    block, h, block, h, 1.0, cov, h);
        }
        double total = 0.0;
        for (int i = 0; i < h; i++) {
            total += cov[i * h + i];
        }
        double[] eigenvalues = new double[h];
        int info = LAPACK.engine.syevd(Layout.COL_MAJOR, EVDJob.VECTORS, UPLO.LOWER, h, cov, h, eigenvalues);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed: info = " + info);
        }
        double[][] v = new double[components][h];
        double[] variances = new double[components];
        for (int c = 0; c < components; c++) {
            int column = h - 1 - c;
            variances[c] = Math.max(0.0, eigenvalues[column]);
            int largest = 0;
            for (int i = 0; i < h; i++) {
                v[c][i] = cov[column * h + i];
                if (Math.abs(v[c][i]) > Math.abs(v[c][largest])) {
                    largest = i;
                }
            }
            if (v[c][largest] < 0.0) {
                for (int i = 0; i < h; i++) {
                    v[c][i] = -v[c][i];
                }
            }
        }
        return new StatePca(mean, v, variances, total, n);
    }

    /**
     * Fits on the states of a run whose output is one of {@code symbols} (brief §8,
     * "Subspaces": one 3-D PCA per output pair).
     */
    public static StatePca fitOnOutputs(RnnTrajectory trajectory, int components, int... symbols) {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(symbols, "symbols");
        int count = 0;
        boolean[] keep = new boolean[trajectory.length()];
        for (int t = 0; t < keep.length; t++) {
            for (int s : symbols) {
                keep[t] |= trajectory.outputs()[t] == s;
            }
            count += keep[t] ? 1 : 0;
        }
        double[][] kept = new double[count][];
        int k = 0;
        for (int t = 0; t < keep.length; t++) {
            if (keep[t]) {
                kept[k++] = trajectory.states()[t];
            }
        }
        return fit(kept, components);
    }

    /** The number of components. */
    public int components() {
        return components.length;
    }

    /** {@code H}. */
    public int dimension() {
        return mean.length;
    }

    /** The number of states fitted. */
    public int samples() {
        return samples;
    }

    /** The mean of the fitted states. */
    public double[] mean() {
        return mean.clone();
    }

    /** Component {@code c} (0-based), a unit vector of length {@code H}. */
    public double[] component(int c) {
        return components[c].clone();
    }

    /** The variance along each component (descending). */
    public double[] variances() {
        return variances.clone();
    }

    /** The total variance of the fitted states (trace of the covariance). */
    public double totalVariance() {
        return totalVariance;
    }

    /** The fraction of the total variance along each component (0 for constant states). */
    public double[] explainedVarianceRatio() {
        double[] r = new double[variances.length];
        for (int c = 0; c < r.length; c++) {
            r[c] = totalVariance > 0.0 ? variances[c] / totalVariance : 0.0;
        }
        return r;
    }

    /** The coordinates of {@code h} on the components: {@code v_c . (h - mean)}. */
    public double[] project(double[] state) {
        RnnDynamics.checkLength("state", state, mean.length);
        double[] z = new double[components.length];
        for (int c = 0; c < z.length; c++) {
            double s = 0.0;
            for (int i = 0; i < mean.length; i++) {
                s += components[c][i] * (state[i] - mean[i]);
            }
            z[c] = s;
        }
        return z;
    }

    /** {@link #project(double[])} of every row. */
    public double[][] project(double[][] states) {
        Objects.requireNonNull(states, "states");
        double[][] z = new double[states.length][];
        for (int t = 0; t < states.length; t++) {
            z[t] = project(states[t]);
        }
        return z;
    }
}
