package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

/**
 * A gain change on some units of the RNN (brief {@code hmm-rnn.md} §8, "Interventions"; figure
 * F6), with {@code mu} in the paper's range {@code 0, 0.1, ..., 2}:
 * <ul>
 *   <li>{@link Kind#RECURRENT} ("kick"): {@code pre_i = mu (W_hh h)_i + (W_ih x)_i} on the targets
 *   (a kick triplet, {@link #kick});</li>
 *   <li>{@link Kind#INPUT}: {@code pre_i = (W_hh h)_i + mu (W_ih x)_i} on the targets, either the
 *   "noise projection" set ({@link #noiseProjection}) or the "control" set ({@link #control}).</li>
 * </ul>
 *
 * <p><b>As a modified network.</b> Scaling the input of unit {@code i} is scaling row {@code i}
 * of {@code W_hh} or {@code W_ih}, so {@link #apply} returns the weights of the modified
 * network, and every tool of this package (simulation, {@link JacobianSpectrum},
 * {@link LocalStability}, {@link NoiseSensitivity}, {@link ResidencyAnalysis}) runs on it
 * unchanged; its Jacobian is {@code diag(1[pre > 0]) diag(m) W_hh} with {@code m_i = mu} on the
 * kick targets, the correct derivative of the modified step. Products {@code (mu w) h} and
 * {@code mu (w h)} agree to rounding.
 *
 * <p><b>The paper's experiment.</b> For each {@code mu} and kind: rollouts from a transition
 * state of the nominal run with {@code gamma = 0.5} ({@link NoiseSensitivity#run} with the
 * modified dynamics and the original nominal run, 100 rollouts of 100 steps), and a 1,000-step
 * run whose critical pairs around output switches ({@link LocalStability#criticalPairsAroundSwitches},
 * half-window 15, {@link CriticalityCriteria#ABLATION}) are reported as mean ± sd.
 *
 * @param kind    which input is scaled
 * @param mu      the gain, finite and {@code >= 0}
 * @param targets the units whose input is scaled, distinct, non-empty
 */
public record Intervention(Kind kind, double mu, int[] targets) {

    /** Which part of the pre-activation is scaled. */
    public enum Kind {
        /** The recurrent input {@code (W_hh h)_i}. */
        RECURRENT,
        /** The noise input {@code (W_ih x)_i}. */
        INPUT
    }

    /** Validates and copies the targets (sorted). */
    public Intervention {
        Objects.requireNonNull(kind, "kind");
        if (!(mu >= 0.0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite and >= 0, got " + mu);
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.length == 0) {
            throw new IllegalArgumentException("targets must name at least 1 unit");
        }
        targets = targets.clone();
        Arrays.sort(targets);
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || (i > 0 && targets[i] == targets[i - 1])) {
                throw new IllegalArgumentException("targets must be distinct units >= 0, got "
                        + Arrays.toString(targets));
            }
        }
    }

    /** The targets, sorted (a copy). */
    @Override
    public int[] targets() {
        return targets.clone();
    }

    /** Type (a): scale the recurrent input of a kick group by {@code mu}. */
    public static Intervention kick(int[] group, double mu) {
        return new Intervention(Kind.RECURRENT, mu, group);
    }

    /**
     * Type (b), noise projection: scale the noise input by {@code mu} on the union of the
     * {@code topK} strongest presynaptic partners ({@link #topPresynapticPartners}) of each unit
     * of {@code group}, excluding every unit of {@code allKickNeurons} (the authors: top 60, the
     * six kick neurons excluded).
     */
    public static Intervention noiseProjection(RnnWeights weights, int[] group, int[] allKickNeurons, int topK,
                                               double mu) {
        Objects.requireNonNull(weights, "weights");
        int h = weights.hidden();
        KickNeuronDetector.checkUnits("group", group, h);
        KickNeuronDetector.checkUnits("allKickNeurons", allKickNeurons, h);
        boolean[] in = new boolean[h];
        for (int k : group) {
            for (int j : topPresynapticPartners(weights, k, topK)) {
                in[j] = true;
            }
        }
        for (int k : allKickNeurons) {
            in[k] = false;
        }
        return new Intervention(Kind.INPUT, mu, indices(in));
    }

    /**
     * Type (c), control: scale the noise input by {@code mu} on the units outside the union of
     * the {@code topK} strongest presynaptic partners of every kick neuron, kick neurons excluded
     * (the authors: top 35 of all six).
     */
    public static Intervention control(RnnWeights weights, int[] allKickNeurons, int topK, double mu) {
        Objects.requireNonNull(weights, "weights");
        int h = weights.hidden();
        KickNeuronDetector.checkUnits("allKickNeurons", allKickNeurons, h);
        boolean[] in = new boolean[h];
        Arrays.fill(in, true);
        for (int k : allKickNeurons) {
            for (int j : topPresynapticPartners(weights, k, topK)) {
                in[j] = false;
            }
        }
        for (int k : allKickNeurons) {
            in[k] = false;
        }
        return new Intervention(Kind.INPUT, mu, indices(in));
    }

    /**
     * The {@code topK} units {@code j} with the largest {@code W_hh[neuron][j]} (the strongest
     * excitatory inputs of {@code neuron}), by decreasing weight, lower index first on ties.
     */
    public static int[] topPresynapticPartners(RnnWeights weights, int neuron, int topK) {
        Objects.requireNonNull(weights, "weights");
        int h = weights.hidden();
        if (neuron < 0 || neuron >= h) {
            throw new IllegalArgumentException("neuron must be in [0, " + (h - 1) + "], got " + neuron);
        }
        if (topK < 1 || topK > h) {
            throw new IllegalArgumentException("topK must be in [1, H = " + h + "], got " + topK);
        }
        return KickNeuronDetector.topIndices(weights.whh()[neuron], topK);
    }

    /**
     * The weights of the modified network: rows {@code i} in the targets of {@code W_hh}
     * ({@link Kind#RECURRENT}) or {@code W_ih} ({@link Kind#INPUT}) multiplied by {@code mu}.
     */
    public RnnWeights apply(RnnWeights weights) {
        Objects.requireNonNull(weights, "weights");
        int h = weights.hidden();
        if (targets[targets.length - 1] >= h) {
            throw new IllegalArgumentException("targets must be units below H = " + h + ", got "
                    + targets[targets.length - 1]);
        }
        double[][] whh = weights.recurrentWeights();
        double[][] wih = weights.inputWeights();
        double[][] scaled = kind == Kind.RECURRENT ? whh : wih;
        for (int i : targets) {
            for (int j = 0; j < scaled[i].length; j++) {
                scaled[i][j] *= mu;
            }
        }
        return new RnnWeights(wih, whh, weights.readoutWeights());
    }

    /** The dynamics of the modified network. */
    public RnnDynamics applyTo(RnnDynamics dynamics) {
        return new RnnDynamics(apply(Objects.requireNonNull(dynamics, "dynamics").weights()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervention i && i.kind == kind && Double.compare(i.mu, mu) == 0
                && Arrays.equals(i.targets, targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, mu, Arrays.hashCode(targets));
    }

    @Override
    public String toString() {
        return "Intervention[" + kind + ", mu=" + mu + ", targets=" + Arrays.toString(targets) + "]";
    }

    private static int[] indices(boolean[] in) {
        int n = 0;
        for (boolean b : in) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }
}
