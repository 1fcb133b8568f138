package org.phasebook.hmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where on its orbit a run switches output in one direction (brief {@code hmm-rnn.md} §8, figure
 * F3: "rotation along an orbit"): the states just before every switch {@code from -> to}, their
 * mean and their spread.
 *
 * <p><b>Why.</b> A network can alternate between two clusters in two ways: by a back-and-forth
 * across one boundary, where switches of both directions happen at the same place, or by a
 * rotation, where the state leaves one cluster by one route and comes back by another.
 * Comparing the switch locations of the two directions tells them apart:
 * {@link #separation} is the distance between the two means in units of its standard error
 * (large for a rotation, of order 1 for a back-and-forth), and {@link #nearestMeanAccuracy} the
 * fraction of switch states closer to the mean of their own direction (about 0.5 for a
 * back-and-forth, near 1 for a rotation).
 *
 * <p>A switch at row {@code t} ({@code outputs[t - 1] = from}, {@code outputs[t] = to}) contributes
 * the state row {@code t - 1}, the last state with the old output; at {@code t = 0} it would be
 * the initial state, whose output is not recorded, so row 0 never counts. The arrays are not
 * copies of the run's rows; treat them as read-only.
 *
 * @param from      the output before the switches
 * @param to        the output after them
 * @param states    the state before each switch, in time order
 * @param mean      their mean (NaN entries when there is no switch)
 * @param rmsSpread the root mean square distance of the states from their mean (NaN when none)
 */
public record SwitchLocations(int from, int to, double[][] states, double[] mean, double rmsSpread) {

    /** Checks for nulls and that {@code from} and {@code to} differ. */
    public SwitchLocations {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(mean, "mean");
        if (from == to) {
            throw new IllegalArgumentException("from and to must differ, got " + from + " twice");
        }
    }

    /** The switch states of {@code run} for switches {@code from -> to}. */
    public static SwitchLocations of(RnnTrajectory run, int from, int to) {
        Objects.requireNonNull(run, "run");
        if (from == to) {
            throw new IllegalArgumentException("from and to must differ, got " + from + " twice");
        }
        int[] outputs = run.outputs();
        int h = run.initialState().length;
        List<double[]> found = new ArrayList<>();
        for (int t = 1; t < outputs.length; t++) {
            if (outputs[t - 1] == from && outputs[t] == to) {
                found.add(run.states()[t - 1]);
            }
        }
        double[][] states = found.toArray(new double[0][]);
        double[] mean = new double[h];
        for (double[] s : states) {
            for (int i = 0; i < h; i++) {
                mean[i] += s[i] / states.length;
            }
        }
        double squares = 0.0;
        for (double[] s : states) {
            squares += squaredDistance(s, mean);
        }
        if (states.length == 0) {
            java.util.Arrays.fill(mean, Double.NaN);
        }
        return new SwitchLocations(from, to, states, mean,
                states.length == 0 ? Double.NaN : Math.sqrt(squares / states.length));
    }

    /** The number of switches. */
    public int count() {
        return states.length;
    }

    /**
     * {@code |mean_a - mean_b| / sqrt(rms_a²/n_a + rms_b²/n_b)}: the distance between the mean
     * switch states of two sets in units of its standard error (treating switches as
     * independent); NaN when either set is empty.
     */
    public static double separation(SwitchLocations a, SwitchLocations b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.count() == 0 || b.count() == 0) {
            return Double.NaN;
        }
        double error = Math.sqrt(a.rmsSpread * a.rmsSpread / a.count() + b.rmsSpread * b.rmsSpread / b.count());
        return Math.sqrt(squaredDistance(a.mean, b.mean)) / error;
    }

    /**
     * The fraction of the switch states of both sets that lie closer (Euclidean) to the mean of
     * their own set than to the other mean; NaN when either set is empty. Ties count as wrong.
     */
    public static double nearestMeanAccuracy(SwitchLocations a, SwitchLocations b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.count() == 0 || b.count() == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (double[] s : a.states) {
            right += squaredDistance(s, a.mean) < squaredDistance(s, b.mean) ? 1 : 0;
        }
        for (double[] s : b.states) {
            right += squaredDistance(s, b.mean) < squaredDistance(s, a.mean) ? 1 : 0;
        }
        return right / (double) (a.count() + b.count());
    }

    private static double squaredDistance(double[] u, double[] v) {
        if (u.length != v.length) {
            throw new IllegalArgumentException("states must have equal lengths, got " + u.length + " and " + v.length);
        }
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            double e = u[i] - v[i];
            s += e * e;
        }
        return s;
    }
}
