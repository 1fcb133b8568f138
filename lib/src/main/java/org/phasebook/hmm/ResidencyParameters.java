package org.phasebook.hmm;

/**
 * The rollouts of a residency analysis ({@link ResidencyAnalysis}; brief {@code hmm-rnn.md} §8).
 *
 * @param rollouts noisy rollouts per state, {@code >= 1} (the paper: 20)
 * @param maxSteps the longest rollout, {@code >= 1}; a rollout whose output never changes
 *                 counts as {@code maxSteps} (the brief: 60; the authors' code: 50)
 * @param sigma    the noise std of the rollouts, finite and {@code >= 0} (the paper: 1)
 */
public record ResidencyParameters(int rollouts, int maxSteps, double sigma) {

    /** The brief's values: 20 rollouts of at most 60 steps at {@code sigma = 1}. */
    public static final ResidencyParameters PAPER = new ResidencyParameters(20, 60, 1.0);

    /** Warm-up steps from {@code h_0 = 0} before the analysed states, in the paper. */
    public static final int PAPER_WARMUP = 20;

    /** Phasebook's default number of analysed states (the paper: 5,000 or 10,000). */
    public static final int DEFAULT_STATES = 2000;

    /** Checks the ranges. */
    public ResidencyParameters {
        if (rollouts < 1) {
            throw new IllegalArgumentException("rollouts must be >= 1, got " + rollouts);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        RnnDynamics.checkSigma(sigma);
    }
}
