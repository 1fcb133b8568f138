package org.phasebook.hmm;

import java.util.Objects;

/**
 * The weights of a training run after a given number of Adam steps, for the
 * training-evolution figure (brief {@code hmm-rnn.md} §8–§9).
 *
 * @param step    the number of Adam steps taken when the copy was made, {@code >= 0}
 *                (0: the initial weights)
 * @param epoch   the epoch of that step, from 0 ({@code -1} for the initial weights)
 * @param weights the weights
 */
public record RnnCheckpoint(int step, int epoch, RnnFloatWeights weights) {

    /** Checks the fields. */
    public RnnCheckpoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (epoch < -1) {
            throw new IllegalArgumentException("epoch must be >= -1, got " + epoch);
        }
        Objects.requireNonNull(weights, "weights");
    }
}
