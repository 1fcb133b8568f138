package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Local stability along runs of the RNN (brief {@code hmm-rnn.md} §8, "Local stability",
 * "Interventions", "Training evolution"), from the spectra of the Jacobians
 * {@code J(h, x) = diag(1[pre(h, x) > 0]) W_hh}.
 *
 * <p><b>Time convention.</b> The Jacobian at state row {@code t} of a trajectory is that of the
 * step leaving it: {@code J(h_{t+1}, x_{t+2})} in the trajectory's notation, i.e. state row
 * {@code t} with input row {@code t + 1}; so a noisy run of {@code T} steps has {@code T - 1}
 * Jacobians. (The authors' ablation code pairs {@code h_t} with the input that produced it,
 * {@code x_t}; the spectra differ only through which units are active.) The noise-free
 * Jacobian {@code J(h, 0)} exists for every state.
 *
 * <p>Stateless; all methods are static.
 */
public final class LocalStability {

    private LocalStability() {
    }

    /**
     * The spectra of the noise-free Jacobians {@code J(h, 0)} of the given states (the residency
     * panel's "# unstable eigenvalues").
     */
    public static JacobianSpectrum[] noiseFreeSpectra(RnnDynamics dynamics, double[][] states) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(states, "states");
        JacobianSpectrum[] s = new JacobianSpectrum[states.length];
        for (int t = 0; t < states.length; t++) {
            s[t] = JacobianSpectrum.of(dynamics, states[t], null);
        }
        return s;
    }

    /**
     * The spectra of the Jacobians along a run with its own noise: entry {@code t} is
     * {@code J(states[t], inputs[t + 1])}, for {@code t = 0..T-2}.
     */
    public static JacobianSpectrum[] noisySpectra(RnnDynamics dynamics, RnnTrajectory trajectory) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(trajectory, "trajectory");
        int n = Math.max(0, trajectory.length() - 1);
        JacobianSpectrum[] s = new JacobianSpectrum[n];
        for (int t = 0; t < n; t++) {
            s[t] = JacobianSpectrum.of(dynamics, trajectory.states()[t], trajectory.inputs()[t + 1]);
        }
        return s;
    }

    /** {@link JacobianSpectrum#unstableCount()} of each spectrum. */
    public static int[] unstableCounts(JacobianSpectrum[] spectra) {
        int[] n = new int[spectra.length];
        for (int t = 0; t < n.length; t++) {
            n[t] = spectra[t].unstableCount();
        }
        return n;
    }

    /** {@link JacobianSpectrum#criticalPairs} of each spectrum. */
    public static int[] criticalPairs(JacobianSpectrum[] spectra, CriticalityCriteria criteria) {
        int[] n = new int[spectra.length];
        for (int t = 0; t < n.length; t++) {
            n[t] = spectra[t].criticalPairs(criteria);
        }
        return n;
    }

    /**
     * The training-evolution fractions of a run (brief §8): the fraction of Jacobians with at
     * least one Hopf-like pair and the fraction with at least one {@code |lambda| > 1}.
     *
     * @return {@code {criticalFraction, unstableFraction}}, NaN for no spectra
     */
    public static double[] fractions(JacobianSpectrum[] spectra, CriticalityCriteria criteria) {
        int critical = 0;
        int unstable = 0;
        for (JacobianSpectrum s : spectra) {
            critical += s.criticalPairs(criteria) > 0 ? 1 : 0;
            unstable += s.unstableCount() > 0 ? 1 : 0;
        }
        return new double[] {critical / (double) spectra.length, unstable / (double) spectra.length};
    }

    /**
     * The "# critical pairs" around output switches (brief §8, interventions): for each switch
     * at row {@code t} ({@code outputs[t] != outputs[t-1]}) whose window fits inside the run,
     * the Hopf-like pairs of the {@code 2 halfWindow} Jacobians of rows
     * {@code t - halfWindow .. t + halfWindow - 1} are added up (the authors pool the
     * eigenvalues of the window and count them together); the result is mean ± sd over
     * switches.
     *
     * @param spectra    {@link #noisySpectra} of the run whose outputs are given
     * @param outputs    the run's outputs, length {@code spectra.length + 1} or more
     * @param halfWindow {@code >= 1} (the authors use 15)
     */
    public static MeanSd criticalPairsAroundSwitches(JacobianSpectrum[] spectra, int[] outputs, int halfWindow,
                                                     CriticalityCriteria criteria) {
        Objects.requireNonNull(outputs, "outputs");
        if (halfWindow < 1) {
            throw new IllegalArgumentException("halfWindow must be >= 1, got " + halfWindow);
        }
        int[] pairs = criticalPairs(spectra, criteria);
        int[] sums = new int[outputs.length];
        int count = 0;
        for (int t = 1; t < outputs.length; t++) {
            if (outputs[t] != outputs[t - 1] && t - halfWindow >= 0 && t + halfWindow - 1 < pairs.length) {
                int s = 0;
                for (int u = t - halfWindow; u < t + halfWindow; u++) {
                    s += pairs[u];
                }
                sums[count++] = s;
            }
        }
        return MeanSd.of(Arrays.copyOf(sums, count));
    }

    /**
     * As {@link #criticalPairsAroundSwitches(JacobianSpectrum[], int[], int, CriticalityCriteria)}
     * on {@link #noisySpectra noisySpectra(dynamics, run)} and the run's outputs, but
     * decomposing only the Jacobians that lie in some window: an eigen-decomposition of a
     * 150-unit Jacobian takes milliseconds, and when switches are rare (an ablated network) most
     * steps lie in no window.
     *
     * @param dynamics   the network that made {@code run}
     * @param run        its run, with the noise it was driven by
     * @param halfWindow {@code >= 1} (the authors use 15)
     * @param criteria   what counts as a Hopf-like pair
     * @return mean ± sd of the pairs per window, over the switches whose window fits in the run
     */
    public static MeanSd criticalPairsAroundSwitches(RnnDynamics dynamics, RnnTrajectory run, int halfWindow,
                                                     CriticalityCriteria criteria) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(criteria, "criteria");
        if (halfWindow < 1) {
            throw new IllegalArgumentException("halfWindow must be >= 1, got " + halfWindow);
        }
        int[] outputs = run.outputs();
        int n = Math.max(0, run.length() - 1);
        int[] pairs = new int[n];
        boolean[] known = new boolean[n];
        int[] sums = new int[outputs.length];
        int count = 0;
        for (int t = 1; t < outputs.length; t++) {
            if (outputs[t] != outputs[t - 1] && t - halfWindow >= 0 && t + halfWindow - 1 < n) {
                int s = 0;
                for (int u = t - halfWindow; u < t + halfWindow; u++) {
                    if (!known[u]) {
                        pairs[u] = JacobianSpectrum.of(dynamics, run.states()[u], run.inputs()[u + 1])
                                .criticalPairs(criteria);
                        known[u] = true;
                    }
                    s += pairs[u];
                }
                sums[count++] = s;
            }
        }
        return MeanSd.of(Arrays.copyOf(sums, count));
    }

    /**
     * The transition rate of an output sequence as in the training-evolution panel: the mean of
     * {@code 1 / dwell} over its runs of equal outputs (every run, including the censored first
     * and last); NaN for an empty sequence.
     */
    public static double transitionRate(int[] outputs) {
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        int runs = 0;
        int length = 1;
        for (int t = 1; t <= outputs.length; t++) {
            if (t == outputs.length || outputs[t] != outputs[t - 1]) {
                sum += 1.0 / length;
                runs++;
                length = 1;
            } else {
                length++;
            }
        }
        return sum / runs;
    }
}
