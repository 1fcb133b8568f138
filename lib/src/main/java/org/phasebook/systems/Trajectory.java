package org.phasebook.systems;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable sequence of sampled states {@code x(t_i)} of a dynamical system.
 *
 * <p>States are stored flat and row-major: state {@code i} occupies
 * {@code states[i * dimension() .. (i + 1) * dimension() - 1]}, with {@code dimension()} the
 * number of {@code names}. Arrays are copied on the way in and on the way out, so a trajectory
 * cannot change after construction.
 *
 * <p>Invariants, checked by the constructor: at least one sample; at least one variable, names
 * non-null and distinct; {@code states.length == times.length * names.length}; times strictly
 * increasing; every time and state component finite.
 *
 * @param times  sample times {@code t_i}
 * @param states flat row-major states
 * @param names  variable names, one per dimension
 */
public record Trajectory(double[] times, double[] states, String[] names) {

    /** Validates and copies the arrays. */
    public Trajectory {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(names, "names");
        times = times.clone();
        states = states.clone();
        names = names.clone();
        if (times.length < 1) {
            throw new IllegalArgumentException("times must hold at least 1 sample, got 0");
        }
        if (names.length < 1) {
            throw new IllegalArgumentException("names must hold at least 1 variable, got 0");
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < names.length; k++) {
            if (names[k] == null) {
                throw new IllegalArgumentException("names[" + k + "] must not be null");
            }
            if (!seen.add(names[k])) {
                throw new IllegalArgumentException(
                        "names must be distinct, got '" + names[k] + "' twice");
            }
        }
        if ((long) times.length * names.length != states.length) {
            throw new IllegalArgumentException("states must have length times.length * names.length"
                    + " = " + times.length + " * " + names.length + " = "
                    + (long) times.length * names.length + ", got " + states.length);
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException(
                        "times[" + i + "] must be finite, got " + times[i]);
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("times must be strictly increasing, got times["
                        + (i - 1) + "] = " + times[i - 1] + ", times[" + i + "] = " + times[i]);
            }
        }
        for (int j = 0; j < states.length; j++) {
            if (!Double.isFinite(states[j])) {
                throw new IllegalArgumentException("state " + j / names.length + " component '"
                        + names[j % names.length] + "' must be finite, got " + states[j]
                        + " at t = " + times[j / names.length]);
            }
        }
    }

    /**
     * A trajectory from one array per sample ({@code states[i]} is the state at {@code times[i]}),
     * each of length {@code names.length}.
     */
    public static Trajectory of(double[] times, double[][] states, String[] names) {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(names, "names");
        int n = names.length;
        double[] flat = new double[states.length * n];
        for (int i = 0; i < states.length; i++) {
            if (states[i] == null || states[i].length != n) {
                throw new IllegalArgumentException("states[" + i + "] must have length " + n
                        + ", got " + (states[i] == null ? "null" : states[i].length));
            }
            System.arraycopy(states[i], 0, flat, i * n, n);
        }
        return new Trajectory(times, flat, names);
    }

    /** Number of samples. */
    public int size() {
        return times.length;
    }

    /** Dimension of each state. */
    public int dimension() {
        return names.length;
    }

    /** Time of sample {@code i}. */
    public double time(int i) {
        return times[i];
    }

    /** A copy of the state at sample {@code i}. */
    public double[] state(int i) {
        Objects.checkIndex(i, times.length);
        return Arrays.copyOfRange(states, i * names.length, (i + 1) * names.length);
    }

    /** A copy of component {@code k} over all samples (one time series). */
    public double[] component(int k) {
        Objects.checkIndex(k, names.length);
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = states[i * names.length + k];
        }
        return out;
    }

    /** A copy of the sample times. */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** A copy of the flat row-major states. */
    @Override
    public double[] states() {
        return states.clone();
    }

    /** A copy of the variable names. */
    @Override
    public String[] names() {
        return names.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory other
                && Arrays.equals(times, other.times)
                && Arrays.equals(states, other.states)
                && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(times) + Arrays.hashCode(states))
                + Arrays.hashCode(names);
    }

    /** A short description (size, names, time span), without the data. */
    @Override
    public String toString() {
        return "Trajectory[size=" + times.length + ", names=" + Arrays.toString(names)
                + ", t=" + times[0] + ".." + times[times.length - 1] + "]";
    }
}
