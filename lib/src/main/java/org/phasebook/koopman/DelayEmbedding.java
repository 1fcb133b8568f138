package org.phasebook.koopman;

import java.util.Objects;

/**
 * Snapshot pairs from time series by delay embedding (brief §2.1, delay row): for a scalar
 * series {@code u}, {@code N} delays and step {@code h}, snapshot {@code m} (from 0) is the
 * delay vector {@code x_m = (u_m, u_{m+h}, ..., u_{m+h(N-1)})} and its image is the same vector
 * one sample later, {@code y_m = (u_{m+1}, ..., u_{m+1+h(N-1)})}; weights are {@code 1/M}.
 *
 * <p>With {@link CoordinateDictionary} this is the delay-coordinate dictionary
 * {@code psi_j(x_m) = u_{m+h(j-1)}}. With several observables the blocks are concatenated: the
 * state is {@code (delays of u^1, delays of u^2, ...)}, of dimension {@code N} times the number
 * of series.
 */
public final class DelayEmbedding {

    private DelayEmbedding() {
    }

    /** The largest {@code M} a series of length {@code length} allows: {@code length - 1 - h(N-1)}. */
    public static int maxSnapshots(int length, int delays, int step) {
        checkDelays(delays, step);
        return length - 1 - step * (delays - 1);
    }

    /** The delay embedding of one series with as many snapshots as it allows. */
    public static SnapshotPairs of(double[] u, int delays, int step) {
        Objects.requireNonNull(u, "u");
        return of(new double[][] {u}, delays, step, maxSnapshots(u.length, delays, step));
    }

    /** The delay embedding of one series with {@code snapshots} pairs. */
    public static SnapshotPairs of(double[] u, int delays, int step, int snapshots) {
        Objects.requireNonNull(u, "u");
        return of(new double[][] {u}, delays, step, snapshots);
    }

    /**
     * The delay embedding of several series of equal length ({@code series[s]} is observable
     * {@code s}), blocks concatenated, with {@code snapshots} pairs.
     *
     * @param series    the observables' time series, finite, of equal length
     * @param delays    {@code N >= 1}, delays per observable
     * @param step      {@code h >= 1}, samples between delays
     * @param snapshots {@code M >= 1}, at most {@link #maxSnapshots}
     */
    public static SnapshotPairs of(double[][] series, int delays, int step, int snapshots) {
        checkDelays(delays, step);
        double[][] u = SnapshotPairs.checkedCopy("series", series);
        int length = u[0].length;
        int available = maxSnapshots(length, delays, step);
        if (available < 1) {
            throw new IllegalArgumentException("series must have length >= h(N-1) + 2 = "
                    + (length - available + 1) + " for N = " + delays + " delays of step h = "
                    + step + ", got " + length);
        }
        if (snapshots < 1 || snapshots > available) {
            throw new IllegalArgumentException("snapshots must be in [1, " + available
                    + "] for series of length " + length + " with " + delays + " delays of step "
                    + step + ", got " + snapshots);
        }
        double[][] x = new double[snapshots][delays * u.length];
        double[][] y = new double[snapshots][delays * u.length];
        for (int m = 0; m < snapshots; m++) {
            for (int s = 0; s < u.length; s++) {
                for (int j = 0; j < delays; j++) {
                    x[m][s * delays + j] = u[s][m + step * j];
                    y[m][s * delays + j] = u[s][m + 1 + step * j];
                }
            }
        }
        return new SnapshotPairs(x, y, Weights.monteCarlo(snapshots));
    }

    private static void checkDelays(int delays, int step) {
        if (delays < 1) {
            throw new IllegalArgumentException("delays must be >= 1, got " + delays);
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
    }
}
