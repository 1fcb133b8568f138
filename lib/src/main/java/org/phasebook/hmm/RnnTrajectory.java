package org.phasebook.hmm;

import java.util.Objects;

/**
 * A run of the RNN of {@link RnnDynamics}: from {@code initialState = h_0}, row {@code t} of
 * {@code states} is {@code h_{t+1} = ReLU(W_ih x_{t+1} + W_hh h_t)}, driven by row {@code t}
 * of {@code inputs} ({@code x_{t+1}}, as applied, i.e. already multiplied by the noise std;
 * zeros for a noiseless run), and {@code outputs[t] = argmax(A h_{t+1})} (first index on
 * ties). So row {@code t} of every array belongs to the same time step, and the state before
 * row {@code t} is row {@code t - 1} (or {@code h_0} for {@code t = 0}).
 *
 * <p>The arrays are those the simulator filled, not copies; treat them as read-only.
 *
 * @param initialState {@code h_0}, length {@code H}
 * @param states       {@code T x H}
 * @param inputs       {@code T x d}
 * @param outputs      length {@code T}, in {@code 0..K-1}
 */
public record RnnTrajectory(double[] initialState, double[][] states, double[][] inputs, int[] outputs) {

    /** Checks that all arrays are present and have one row per time step. */
    public RnnTrajectory {
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        if (inputs.length != states.length || outputs.length != states.length) {
            throw new IllegalArgumentException("states, inputs and outputs must have one row per step, got "
                    + states.length + ", " + inputs.length + " and " + outputs.length);
        }
    }

    /** {@code T}: the number of steps. */
    public int length() {
        return states.length;
    }

    /**
     * The output switches of the run: {@code counts[a][b]} is the number of rows {@code t >= 1}
     * with {@code outputs[t-1] = a} and {@code outputs[t] = b != a}.
     *
     * @param symbols {@code K}, larger than every output
     */
    public int[][] switchCounts(int symbols) {
        int[][] counts = new int[symbols][symbols];
        for (int t = 1; t < outputs.length; t++) {
            if (outputs[t] != outputs[t - 1]) {
                counts[outputs[t - 1]][outputs[t]]++;
            }
        }
        return counts;
    }

    /** The state before step {@code t} (row {@code t - 1} of {@code states}, or {@code h_0}). */
    public double[] stateBefore(int t) {
        return t == 0 ? initialState : states[t - 1];
    }
}
