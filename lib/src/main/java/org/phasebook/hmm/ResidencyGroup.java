package org.phasebook.hmm;

/**
 * The grouping of states by residency time {@code RT} of the brief {@code hmm-rnn.md} §8 (the
 * authors' {@code residency_plot}): transition {@code RT < 2}; kick zone
 * {@code 2 <= RT <= 8}; cluster {@code RT > 8} with {@code max softmax(A h) > 0.8}; every
 * other state unassigned (slow but with an uncertain readout).
 */
public enum ResidencyGroup {
    /** {@code RT < 2}: the output changes almost at once, whatever the noise. */
    TRANSITION,
    /** {@code 2 <= RT <= 8}: the region before a transition, where kicks start. */
    KICK_ZONE,
    /** {@code RT > 8} and a confident readout: a slow, noise-driven cluster. */
    CLUSTER,
    /** {@code RT > 8} with {@code max softmax <= 0.8}. */
    UNASSIGNED;

    /** Upper bound (exclusive) of {@link #TRANSITION}. */
    public static final double TRANSITION_BELOW = 2.0;

    /** Upper bound (inclusive) of {@link #KICK_ZONE}. */
    public static final double KICK_ZONE_UP_TO = 8.0;

    /** Lower bound (exclusive) on {@code max softmax(A h)} for {@link #CLUSTER}. */
    public static final double CLUSTER_CONFIDENCE = 0.8;

    /**
     * The group of a state with mean residency time {@code residencyTime} and largest output
     * probability {@code maxProbability}.
     */
    public static ResidencyGroup of(double residencyTime, double maxProbability) {
        if (residencyTime < TRANSITION_BELOW) {
            return TRANSITION;
        }
        if (residencyTime <= KICK_ZONE_UP_TO) {
            return KICK_ZONE;
        }
        return maxProbability > CLUSTER_CONFIDENCE ? CLUSTER : UNASSIGNED;
    }
}
