package org.phasebook.hmm;

import java.util.Objects;

/**
 * Residency times of states ({@link ResidencyAnalysis}), entry {@code i} for state
 * {@code states[i]}. The arrays are not copies; treat them as read-only.
 *
 * @param states         the analysed states, {@code n x H}
 * @param outputs        {@code c = argmax(A h)} of each state
 * @param maxProbability {@code max softmax(A h)} of each state
 * @param residencyTimes {@code RT}: the mean over rollouts of the first step at which the output
 *                       differs from {@code c} ({@code maxSteps} if it never does)
 * @param signFlips      the mean over rollouts of the number of sign changes between
 *                       consecutive increments of the logit {@code l_c} while the output stays
 *                       {@code c}
 * @param groups         {@link ResidencyGroup#of} of each state
 */
public record ResidencyResult(double[][] states, int[] outputs, double[] maxProbability, double[] residencyTimes,
                              double[] signFlips, ResidencyGroup[] groups) {

    /** Checks that every array has one entry per state. */
    public ResidencyResult {
        int n = Objects.requireNonNull(states, "states").length;
        if (Objects.requireNonNull(outputs, "outputs").length != n
                || Objects.requireNonNull(maxProbability, "maxProbability").length != n
                || Objects.requireNonNull(residencyTimes, "residencyTimes").length != n
                || Objects.requireNonNull(signFlips, "signFlips").length != n
                || Objects.requireNonNull(groups, "groups").length != n) {
            throw new IllegalArgumentException("every array must have one entry per state (" + n + ")");
        }
    }

    /** The number of states. */
    public int size() {
        return states.length;
    }

    /** The indices of the states in {@code group}, ascending. */
    public int[] indicesOf(ResidencyGroup group) {
        Objects.requireNonNull(group, "group");
        return java.util.stream.IntStream.range(0, groups.length).filter(i -> groups[i] == group).toArray();
    }

    /** The number of states in {@code group}. */
    public int count(ResidencyGroup group) {
        return indicesOf(group).length;
    }

    /**
     * Mean ± sd of per-state {@code values} (one per state, e.g. unstable-eigenvalue counts or
     * residency times) over the states of {@code group}.
     */
    public MeanSd over(ResidencyGroup group, double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != states.length) {
            throw new IllegalArgumentException("values must have one entry per state (" + states.length + "), got "
                    + values.length);
        }
        int[] idx = indicesOf(group);
        double[] v = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            v[i] = values[idx[i]];
        }
        return MeanSd.of(v);
    }

    /**
     * As {@link #over(ResidencyGroup, double[])}, over the states of {@code group} whose output
     * is one of {@code symbols} only: the residency analysis of one pair of outputs (figure F7,
     * "subspace residency", where the authors run it once and split the states by pair).
     */
    public MeanSd over(ResidencyGroup group, double[] values, int... symbols) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(symbols, "symbols");
        if (values.length != states.length) {
            throw new IllegalArgumentException("values must have one entry per state (" + states.length + "), got "
                    + values.length);
        }
        return MeanSd.of(java.util.Arrays.stream(indicesOf(group)).filter(i -> isIn(outputs[i], symbols))
                .mapToDouble(i -> values[i]).toArray());
    }

    /** The number of states in {@code group} whose output is one of {@code symbols}. */
    public int count(ResidencyGroup group, int... symbols) {
        Objects.requireNonNull(symbols, "symbols");
        return (int) java.util.Arrays.stream(indicesOf(group)).filter(i -> isIn(outputs[i], symbols)).count();
    }

    private static boolean isIn(int output, int[] symbols) {
        for (int s : symbols) {
            if (output == s) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mean of the {@link ResidencyGroup#CLUSTER} states whose output is {@code output}, or
     * an empty array when there is none.
     */
    public double[] clusterCentroid(int output) {
        int[] rows = java.util.Arrays.stream(indicesOf(ResidencyGroup.CLUSTER)).filter(i -> outputs[i] == output)
                .toArray();
        if (rows.length == 0) {
            return new double[0];
        }
        double[] c = new double[states[rows[0]].length];
        for (int i : rows) {
            for (int u = 0; u < c.length; u++) {
                c[u] += states[i][u] / rows.length;
            }
        }
        return c;
    }

    /**
     * Where the states of {@code group} lie along the axis between two cluster centroids:
     * {@code s = (h - c_from) . (c_to - c_from) / |c_to - c_from|^2}, 0 at the {@code from}
     * cluster's centroid and 1 at the {@code to} cluster's ({@link #clusterCentroid}); empty when
     * either cluster has no state.
     */
    public double[] axisCoordinates(ResidencyGroup group, int from, int to) {
        Objects.requireNonNull(group, "group");
        double[] c0 = clusterCentroid(from);
        double[] c1 = clusterCentroid(to);
        if (c0.length == 0 || c1.length == 0) {
            return new double[0];
        }
        // DoubleStream sums are compensated (Kahan), which long states need
        double[] axis = java.util.stream.IntStream.range(0, c0.length).mapToDouble(u -> c1[u] - c0[u]).toArray();
        double norm2 = java.util.Arrays.stream(axis).map(a -> a * a).sum();
        return java.util.Arrays.stream(indicesOf(group)).mapToDouble(i -> java.util.stream.IntStream
                .range(0, axis.length).mapToDouble(u -> (states[i][u] - c0[u]) * axis[u]).sum() / norm2).toArray();
    }
}
