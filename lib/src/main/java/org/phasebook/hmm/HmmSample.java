package org.phasebook.hmm;

import java.util.Objects;

/**
 * Sequences drawn from an HMM together with the hidden states that emitted them:
 * {@code symbols[n][t]} was emitted by state {@code states[n][t]}. The arrays are those the
 * sampler filled, not copies; treat them as read-only.
 *
 * @param symbols output symbols, {@code count x length}
 * @param states  hidden states, {@code count x length}
 */
public record HmmSample(int[][] symbols, int[][] states) {

    /** Checks that both arrays are present and have the same number of sequences. */
    public HmmSample {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(states, "states");
        if (symbols.length != states.length) {
            throw new IllegalArgumentException("symbols and states must hold the same number of sequences, got "
                    + symbols.length + " and " + states.length);
        }
    }
}
