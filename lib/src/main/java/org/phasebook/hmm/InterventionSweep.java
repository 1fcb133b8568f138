package org.phasebook.hmm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.phasebook.random.SeedSequence;

/**
 * How often the argmax output of a network switches while an {@link Intervention} scales the
 * input of chosen units by a gain {@code mu} (brief {@code hmm-rnn.md} §8, "Interventions";
 * figure F6, "ablation and amplification"). The switch rate of one run is the number of steps
 * {@code t >= 1} with {@code o_t != o_{t-1}} divided by {@code T - 1}, for the argmax outputs
 * {@code o_t} of a noisy run from {@code h_0 = 0} with noise std {@code sigma = 1}, as in
 * training. A sweep gives, for every arm (a rule {@code mu -> Intervention}: the kick units, a
 * control set, random units) and every {@code mu}, the mean ± sd over replicate runs with
 * different noise, so that a change can be judged against the run-to-run scatter.
 *
 * <p>Stateless; all methods are static.
 */
public final class InterventionSweep {

    /** The noise std of the runs, that of training. */
    public static final double SIGMA = 1.0;

    private InterventionSweep() {
    }

    /**
     * Switches per step of an output sequence, {@code #{t >= 1 : o_t != o_{t-1}} / (T - 1)}.
     *
     * @param outputs {@code T >= 2} outputs
     */
    public static double switchRate(int[] outputs) {
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.length < 2) {
            throw new IllegalArgumentException("outputs must hold T >= 2 steps, got " + outputs.length);
        }
        long switches = 0;
        for (int t = 1; t < outputs.length; t++) {
            if (outputs[t] != outputs[t - 1]) {
                switches++;
            }
        }
        return switches / (double) (outputs.length - 1);
    }

    /**
     * The switch rate of one noisy run of {@code network}, {@code steps} steps from {@code h_0 = 0}
     * with noise std {@link #SIGMA} drawn from {@code random}.
     *
     * @param steps {@code >= 2}
     */
    public static double switchRate(RnnDynamics network, int steps, SplittableRandom random) {
        Objects.requireNonNull(network, "network");
        return switchRate(network.noisyTrajectory(steps, SIGMA, random).outputs());
    }

    /**
     * The switch rates of every arm at every gain: {@code rates[a][m]} is the mean ± sd, over
     * {@code replicas} runs, of the switch rate of the network modified by
     * {@code arms.get(a).apply(mus[m])}; replicate {@code r} uses the noise of
     * {@code seeds.generator(r)} for every arm and gain (common random numbers, so that the arms
     * differ by the intervention only).
     *
     * @param network  the intact network
     * @param arms     the interventions, one rule {@code mu -> Intervention} per arm
     * @param mus      the gains
     * @param steps    steps per run, {@code >= 2}
     * @param replicas runs per arm and gain, {@code >= 1}
     * @param seeds    the seeds of the replicate runs
     * @param progress run after each (gain, arm) pair, gain by gain
     * @return {@code rates[arm][gain]}
     */
    public static MeanSd[][] switchRates(RnnDynamics network, List<DoubleFunction<Intervention>> arms, double[] mus,
                                         int steps, int replicas, SeedSequence seeds, Runnable progress) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(mus, "mus");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(progress, "progress");
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        MeanSd[][] rates = new MeanSd[arms.size()][mus.length];
        for (int m = 0; m < mus.length; m++) {
            for (int a = 0; a < arms.size(); a++) {
                RnnDynamics modified = arms.get(a).apply(mus[m]).applyTo(network);
                double[] perRun = new double[replicas];
                for (int r = 0; r < replicas; r++) {
                    perRun[r] = switchRate(modified, steps, seeds.generator(r));
                }
                rates[a][m] = MeanSd.of(perRun);
                progress.run();
            }
        }
        return rates;
    }

    /**
     * The Hopf-like pairs around output switches under every arm and gain (the paper's
     * "# critical pairs"): {@code pairs[a][m]} is
     * {@link LocalStability#criticalPairsAroundSwitches(RnnDynamics, RnnTrajectory, int, CriticalityCriteria)}
     * of one noisy run of {@code steps} steps of the network modified by
     * {@code arms.get(a).apply(mus[m])}, mean ± sd over the run's switches (its count is the
     * number of switches whose window fits; NaN when there is none, as when an ablation traps
     * the state in a cluster). Every run uses the noise of {@code seeds.generator(0)} (common
     * random numbers, as in {@link #switchRates}).
     *
     * @param network    the intact network
     * @param arms       the interventions, one rule {@code mu -> Intervention} per arm
     * @param mus        the gains
     * @param steps      steps per run, {@code >= 2 halfWindow + 1}
     * @param halfWindow steps on each side of a switch, {@code >= 1} (the authors: 15)
     * @param criteria   what counts as a Hopf-like pair (the authors' ablation code:
     *                   {@link CriticalityCriteria#ABLATION})
     * @param seeds      the seeds of the runs
     * @param progress   run after each (gain, arm) pair, gain by gain
     * @return {@code pairs[arm][gain]}
     */
    public static MeanSd[][] criticalPairs(RnnDynamics network, List<DoubleFunction<Intervention>> arms, double[] mus,
                                           int steps, int halfWindow, CriticalityCriteria criteria, SeedSequence seeds,
                                           Runnable progress) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(mus, "mus");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(progress, "progress");
        if (halfWindow < 1) {
            throw new IllegalArgumentException("halfWindow must be >= 1, got " + halfWindow);
        }
        if (steps < 2 * halfWindow + 1) {
            throw new IllegalArgumentException("steps must be >= 2 halfWindow + 1 = " + (2 * halfWindow + 1)
                    + " so that a window fits, got " + steps);
        }
        MeanSd[][] pairs = new MeanSd[arms.size()][mus.length];
        for (int m = 0; m < mus.length; m++) {
            for (int a = 0; a < arms.size(); a++) {
                RnnDynamics modified = arms.get(a).apply(mus[m]).applyTo(network);
                RnnTrajectory run = modified.noisyTrajectory(steps, SIGMA, seeds.generator(0));
                pairs[a][m] = LocalStability.criticalPairsAroundSwitches(modified, run, halfWindow, criteria);
                progress.run();
            }
        }
        return pairs;
    }

    /**
     * {@code count} distinct units drawn at random among {@code 0..hidden-1} outside
     * {@code excluded}: the first {@code count} entries of a partial Fisher–Yates shuffle of the
     * remaining units in ascending order, position {@code i} swapped with
     * {@code i + random.nextInt(n - i)}. Used for a control of the same size as the kick units.
     *
     * @param hidden   the number of units {@code H >= 1}
     * @param excluded units never drawn, in {@code 0..H-1}
     * @param count    in {@code 0..(H - number of excluded units)}
     * @param random   advanced by {@code count} draws
     */
    public static int[] randomUnits(int hidden, int[] excluded, int count, SplittableRandom random) {
        Objects.requireNonNull(excluded, "excluded");
        Objects.requireNonNull(random, "random");
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden (H) must be >= 1, got " + hidden);
        }
        boolean[] out = new boolean[hidden];
        for (int e : excluded) {
            if (e < 0 || e >= hidden) {
                throw new IllegalArgumentException("excluded units must be in [0, " + (hidden - 1) + "], got " + e);
            }
            out[e] = true;
        }
        int[] others = new int[hidden];
        int n = 0;
        for (int i = 0; i < hidden; i++) {
            if (!out[i]) {
                others[n++] = i;
            }
        }
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("count must be in [0, " + n + "] (units outside excluded), got " + count);
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int swap = others[i];
            others[i] = others[j];
            others[j] = swap;
        }
        return Arrays.copyOf(others, count);
    }
}
