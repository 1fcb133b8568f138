package org.phasebook.hmm;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The dynamics of one training checkpoint, as the training-evolution panel of figure F4 measures
 * them (brief {@code hmm-rnn.md} §8, "Training evolution"): from a noisy run of the checkpoint's
 * network, the transition rate of its argmax output ({@link LocalStability#transitionRate}) and
 * the fractions of Jacobians {@code J(h_t, x_{t+1})}, taken on every {@code every}-th step, that
 * have a Hopf-like pair or an eigenvalue {@code |lambda| > 1} ({@link LocalStability#fractions}).
 *
 * @param step             the Adam step of the checkpoint
 * @param transitionRate   mean {@code 1 / dwell} of the run's argmax output
 * @param hopfFraction     fraction of the sampled Jacobians with a Hopf-like pair
 * @param unstableFraction fraction of the sampled Jacobians with an eigenvalue outside the unit circle
 */
public record CheckpointDynamics(int step, double transitionRate, double hopfFraction, double unstableFraction) {

    /**
     * Measures a checkpoint.
     *
     * @param step     the checkpoint's Adam step
     * @param dynamics its network
     * @param runSteps length of the noisy run (noise std 1, from {@code h_0 = 0}), {@code >= 2}
     * @param every    the Jacobian of step {@code t} is taken when {@code t % every == 0},
     *                 {@code t = 0..runSteps-2}; {@code >= 1} (the notebook: 5)
     * @param criteria what counts as a Hopf-like pair
     * @param random   the run's noise (give every checkpoint the same stream to compare them)
     * @return the measurements
     */
    public static CheckpointDynamics measure(int step, RnnDynamics dynamics, int runSteps, int every,
                                             CriticalityCriteria criteria, SplittableRandom random) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(random, "random");
        if (runSteps < 2) {
            throw new IllegalArgumentException("runSteps must be >= 2, got " + runSteps);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        RnnTrajectory run = dynamics.noisyTrajectory(runSteps, 1.0, random);
        JacobianSpectrum[] spectra = new JacobianSpectrum[(runSteps - 2) / every + 1];
        for (int t = 0, i = 0; t < runSteps - 1; t += every, i++) {
            spectra[i] = JacobianSpectrum.of(dynamics, run.states()[t], run.inputs()[t + 1]);
        }
        double[] fractions = LocalStability.fractions(spectra, criteria);
        return new CheckpointDynamics(step, LocalStability.transitionRate(run.outputs()), fractions[0], fractions[1]);
    }

    /**
     * The authors' "bifurcation" marker: the index of the first checkpoint whose Hopf-like
     * fraction differs from the previous checkpoint's by more than {@code threshold} (they use
     * 0.02), or -1 if none does.
     *
     * @param evolution the checkpoints in training order
     * @param threshold {@code >= 0}
     * @return the index, or -1
     */
    public static int bifurcationIndex(List<CheckpointDynamics> evolution, double threshold) {
        Objects.requireNonNull(evolution, "evolution");
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        for (int c = 1; c < evolution.size(); c++) {
            if (Math.abs(evolution.get(c).hopfFraction() - evolution.get(c - 1).hopfFraction()) > threshold) {
                return c;
            }
        }
        return -1;
    }
}
