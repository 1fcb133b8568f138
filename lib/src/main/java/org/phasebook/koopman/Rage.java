package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * The RAGE estimator of the pure-point energy of a scalar time series (brief §2.6 and the
 * recipe of figure D5), after the RAGE theorem (Ruelle, Amrein, Georgescu, Enss): for an
 * isometric Koopman operator {@code K}, an observable {@code g} with {@code ||g|| = 1} and the
 * orthogonal projections {@code P_n} onto nested {@code n}-dimensional subspaces that exhaust
 * the space,
 * <pre>
 *   lim_n lim_L (1/L) sum_{l &lt; L} ||P_n K^l g||^2 = ||P_pp g||^2,
 * </pre>
 * the energy of {@code g} in the closed span of the eigenfunctions. A pure-point (for example
 * quasi-periodic) signal keeps its energy inside a fixed finite-dimensional subspace, so the
 * running averages reach a plateau; the continuous (for example mixing) part disperses out of
 * every {@code P_n}, so its share decays to zero.
 *
 * <p>The data version, from one series {@code u}: subtract the mean of the whole series; take
 * the delay coordinates {@code psi_j(x_m) = u_{m + h(j-1)}}, {@code j = 1..N},
 * {@code m = 0..M-1}, orthonormalise the {@code M x N} delay matrix column by column (an
 * economy QR factorisation {@code Q R}), so {@code P_n} projects onto the span of the first
 * {@code n} delays; the observable {@code g} is the first delay coordinate, normalised by
 * {@code c = (1/M) sum_{m < M} u_m^2}, and {@code K^l g} is the same series {@code l} samples
 * later, {@code g_l = (u_{m+l})_{m < M} / sqrt(c)}. Then
 * {@code C(n, l) = ||P_n g_l||^2 / M = sum_{k <= n} (q_k . g_l)^2 / M} for
 * {@code l = 0..L}, and the curves are the running averages of {@code min(C(n, l), 1)}
 * ({@link RageCurves}). {@code C(n, 0) = 1} for every {@code n}: {@code g_0} is itself the first
 * delay coordinate.
 *
 * <p>The inner products {@code q_k . g_l} for all {@code l} are cross-correlations, computed by
 * FFT: {@code O(N (M + L) log(M + L))} in all, plus {@code O(M N^2)} for the orthonormalisation.
 * The orthonormalisation is classical Gram–Schmidt applied twice ("twice is enough", so
 * {@code Q} is orthonormal to rounding); a delay column whose part orthogonal to the previous
 * ones is below {@code 1e-10} of its norm adds nothing to the span and is skipped, which keeps
 * {@code P_n} the projection onto the span of the first {@code n} delays when the delays are
 * linearly dependent (as for a sum of fewer than {@code N/2} sinusoids).
 *
 * @param delays    {@code N >= 1}, number of delay coordinates (the largest {@code n})
 * @param step      {@code h >= 1}, samples between delays
 * @param snapshots {@code M >= 2}, number of delay vectors (rows)
 * @param maxLag    {@code L >= 0}, the largest power {@code l} of {@code K}
 */
public record Rage(int delays, int step, int snapshots, int maxLag) {

    /** Relative size below which a delay column is taken as dependent on the previous ones. */
    static final double DEPENDENCE_TOLERANCE = 1e-10;

    /** Validates the ranges above. */
    public Rage {
        if (delays < 1) {
            throw new IllegalArgumentException("delays must be >= 1, got " + delays);
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        if (snapshots < 2) {
            throw new IllegalArgumentException("snapshots must be >= 2, got " + snapshots);
        }
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must be >= 0, got " + maxLag);
        }
        if ((long) snapshots + Math.max((long) maxLag, (long) step * (delays - 1)) > 1 << 29) {
            throw new IllegalArgumentException("snapshots + max(maxLag, step (delays - 1)) must"
                    + " be at most 2^29, got " + snapshots + " + max(" + maxLag + ", "
                    + step + " * " + (delays - 1) + ")");
        }
    }

    /** The parameters of the brief's figure D5: 20 delays of step 10, the given M and L. */
    public static Rage cavityRecipe(int snapshots, int maxLag) {
        return new Rage(20, 10, snapshots, maxLag);
    }

    /**
     * The number of samples a series needs: {@code M + max(L, h(N - 1))}, the latest index
     * used by a delay vector or a shifted observable, plus one.
     */
    public int requiredLength() {
        return snapshots + Math.max(maxLag, step * (delays - 1));
    }

    /**
     * The RAGE curves of the series {@code u}; samples beyond {@link #requiredLength()} are
     * ignored, except in the mean that is subtracted.
     *
     * @param series the scalar series {@code u}, finite, of length at least
     *     {@link #requiredLength()}, and not constant over its first {@code M} samples
     * @throws IllegalArgumentException if the series is too short, not finite, or constant
     */
    public RageCurves fit(double[] series) {
        Objects.requireNonNull(series, "series");
        int length = requiredLength();
        if (series.length < length) {
            throw new IllegalArgumentException("series must have length >= M + max(L, h(N-1)) = "
                    + length + " for M = " + snapshots + ", L = " + maxLag + ", N = " + delays
                    + " delays of step h = " + step + ", got " + series.length);
        }
        double mean = 0.0;
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] must be finite, got "
                        + series[i]);
            }
            mean += series[i];
        }
        mean /= series.length;
        double[] u = new double[length];
        for (int i = 0; i < length; i++) {
            u[i] = series[i] - mean;
        }
        double c = 0.0;
        for (int m = 0; m < snapshots; m++) {
            c += u[m] * u[m];
        }
        c /= snapshots;
        if (!(c > 0.0)) {
            throw new IllegalArgumentException("series must not be constant over its first M = "
                    + snapshots + " samples (after subtracting its mean the energy c is " + c
                    + ")");
        }

        double[][] q = orthonormalDelays(u);
        double[][] products = RadixTwoFft.crossCorrelations(q, u, maxLag);
        double[][] energy = new double[delays][maxLag + 1];
        double scale = 1.0 / (c * snapshots);
        for (int l = 0; l <= maxLag; l++) {
            double sum = 0.0;
            for (int k = 0; k < delays; k++) {
                sum += products[k][l] * products[k][l] * scale;
                energy[k][l] = sum;
            }
        }
        return new RageCurves(this, energy);
    }

    /**
     * The columns {@code q_1..q_N} (each of length {@code M}) of the orthonormalised delay
     * matrix; a dependent column is left zero.
     */
    double[][] orthonormalDelays(double[] u) {
        double[][] q = new double[delays][snapshots];
        for (int j = 0; j < delays; j++) {
            double[] v = q[j];
            System.arraycopy(u, step * j, v, 0, snapshots);
            double norm = norm(v);
            for (int pass = 0; pass < 2; pass++) {
                double[] coefficients = new double[j];
                for (int k = 0; k < j; k++) {
                    coefficients[k] = dot(q[k], v);
                }
                for (int k = 0; k < j; k++) {
                    double a = coefficients[k];
                    if (a != 0.0) {
                        double[] qk = q[k];
                        for (int m = 0; m < snapshots; m++) {
                            v[m] -= a * qk[m];
                        }
                    }
                }
            }
            double residual = norm(v);
            if (residual > DEPENDENCE_TOLERANCE * norm) {
                for (int m = 0; m < snapshots; m++) {
                    v[m] /= residual;
                }
            } else {
                Arrays.fill(v, 0.0);
            }
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
