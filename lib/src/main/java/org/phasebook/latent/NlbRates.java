package org.phasebook.latent;

import java.util.Arrays;

/**
 * A model's rate predictions in the layout of an nlb_tools submission: expected counts per bin,
 * {@code [trial][bin][neuron]}, under the names {@code train_rates_heldin},
 * {@code train_rates_heldout}, {@code eval_rates_heldin}, {@code eval_rates_heldout} and,
 * optionally, {@code eval_rates_heldin_forward}, {@code eval_rates_heldout_forward} (both or
 * neither; a model without forward prediction leaves them out and has no fp-bps).
 *
 * <p>Every entry must be finite and {@code >= 0}; shapes must agree among themselves (trials
 * per split, bins between held-in and held-out, neurons between train and eval). Whether they
 * fit a data set is checked when scoring ({@link NlbScores}). Arrays are copied in and out.
 *
 * @param trainHeldin         {@code train_rates_heldin}, observed bins
 * @param trainHeldout        {@code train_rates_heldout}, observed bins
 * @param evalHeldin          {@code eval_rates_heldin}, observed bins
 * @param evalHeldout         {@code eval_rates_heldout}, observed bins
 * @param evalHeldinForward   {@code eval_rates_heldin_forward}, or null
 * @param evalHeldoutForward  {@code eval_rates_heldout_forward}, or null
 */
public record NlbRates(double[][][] trainHeldin, double[][][] trainHeldout,
        double[][][] evalHeldin, double[][][] evalHeldout, double[][][] evalHeldinForward,
        double[][][] evalHeldoutForward) {

    /** Checks values and shapes, copies. */
    public NlbRates {
        int[] ti = shape("train_rates_heldin", trainHeldin);
        int[] to = shape("train_rates_heldout", trainHeldout);
        int[] ei = shape("eval_rates_heldin", evalHeldin);
        int[] eo = shape("eval_rates_heldout", evalHeldout);
        same("train_rates_heldout", to, ti[0], ti[1], to[2]);
        same("eval_rates_heldin", ei, ei[0], ti[1], ti[2]);
        same("eval_rates_heldout", eo, ei[0], ti[1], to[2]);
        if ((evalHeldinForward == null) != (evalHeldoutForward == null)) {
            throw new IllegalArgumentException("eval_rates_heldin_forward and "
                    + "eval_rates_heldout_forward must be given both or neither");
        }
        if (evalHeldinForward != null) {
            int[] fi = shape("eval_rates_heldin_forward", evalHeldinForward);
            int[] fo = shape("eval_rates_heldout_forward", evalHeldoutForward);
            same("eval_rates_heldin_forward", fi, ei[0], fi[1], ti[2]);
            same("eval_rates_heldout_forward", fo, ei[0], fi[1], to[2]);
        }
        trainHeldin = Tensors.copy(trainHeldin);
        trainHeldout = Tensors.copy(trainHeldout);
        evalHeldin = Tensors.copy(evalHeldin);
        evalHeldout = Tensors.copy(evalHeldout);
        evalHeldinForward = Tensors.copy(evalHeldinForward);
        evalHeldoutForward = Tensors.copy(evalHeldoutForward);
    }

    /**
     * Splits full-population rates {@code [trial][T][N]} (or {@code [trial][T_o][N]} without
     * forward bins) into the submission arrays.
     *
     * @param train        training-trial rates, all neurons; only the observed bins are used
     * @param eval         evaluation-trial rates, all neurons
     * @param heldIn       neurons {@code 0 .. heldIn-1} are held in
     * @param observedBins {@code T_o}; eval bins beyond it become the forward arrays
     * @return the rates
     */
    public static NlbRates fromFull(double[][][] train, double[][][] eval, int heldIn,
            int observedBins) {
        int[] ts = Tensors.shape("train", train, false, true);
        int[] es = Tensors.shape("eval", eval, false, true);
        if (heldIn < 1 || heldIn >= ts[2] || es[2] != ts[2]) {
            throw new IllegalArgumentException("heldIn must be in [1, " + (ts[2] - 1)
                    + "] and train and eval must have the same neurons, got heldIn " + heldIn
                    + ", neurons " + ts[2] + " and " + es[2]);
        }
        if (observedBins < 1 || observedBins > Math.min(ts[1], es[1])) {
            throw new IllegalArgumentException("observedBins must be in [1, "
                    + Math.min(ts[1], es[1]) + "], got " + observedBins);
        }
        double[][][] tr = Tensors.bins(train, 0, observedBins);
        double[][][] ev = Tensors.bins(eval, 0, observedBins);
        boolean forward = es[1] > observedBins;
        double[][][] fw = forward ? Tensors.bins(eval, observedBins, es[1]) : null;
        return new NlbRates(Tensors.channels(tr, 0, heldIn), Tensors.channels(tr, heldIn, ts[2]),
                Tensors.channels(ev, 0, heldIn), Tensors.channels(ev, heldIn, es[2]),
                forward ? Tensors.channels(fw, 0, heldIn) : null,
                forward ? Tensors.channels(fw, heldIn, es[2]) : null);
    }

    /** Whether forward rates are present. */
    public boolean hasForward() {
        return evalHeldinForward != null;
    }

    /** Training rates of all neurons, observed bins: held-in then held-out channels. */
    public double[][][] trainAll() {
        return Tensors.stackChannels(trainHeldin, trainHeldout);
    }

    /** Evaluation rates of all neurons, observed bins: held-in then held-out channels. */
    public double[][][] evalAll() {
        return Tensors.stackChannels(evalHeldin, evalHeldout);
    }

    /** Evaluation rates of all neurons, forward bins; null without forward rates. */
    public double[][][] evalForwardAll() {
        return hasForward() ? Tensors.stackChannels(evalHeldinForward, evalHeldoutForward)
                : null;
    }

    @Override
    public double[][][] trainHeldin() {
        return Tensors.copy(trainHeldin);
    }

    @Override
    public double[][][] trainHeldout() {
        return Tensors.copy(trainHeldout);
    }

    @Override
    public double[][][] evalHeldin() {
        return Tensors.copy(evalHeldin);
    }

    @Override
    public double[][][] evalHeldout() {
        return Tensors.copy(evalHeldout);
    }

    @Override
    public double[][][] evalHeldinForward() {
        return Tensors.copy(evalHeldinForward);
    }

    @Override
    public double[][][] evalHeldoutForward() {
        return Tensors.copy(evalHeldoutForward);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlbRates r && Arrays.deepEquals(raw(), r.raw());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(raw());
    }

    @Override
    public String toString() {
        return "NlbRates[train " + trainHeldin.length + " trials, eval " + evalHeldin.length
                + " trials, T_o " + trainHeldin[0].length + ", forward "
                + (hasForward() ? evalHeldinForward[0].length : 0) + " bins]";
    }

    private double[][][][] raw() {
        return new double[][][][] {trainHeldin, trainHeldout, evalHeldin, evalHeldout,
            evalHeldinForward, evalHeldoutForward};
    }

    private static int[] shape(String name, double[][][] a) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is required but missing");
        }
        int[] s = Tensors.shape(name, a, false, true);
        if (s[0] < 1 || s[1] < 1 || s[2] < 1) {
            throw new IllegalArgumentException(name + " must have at least one trial, bin and "
                    + "neuron, got " + Arrays.toString(s));
        }
        return s;
    }

    private static void same(String name, int[] shape, int trials, int bins, int neurons) {
        if (shape[0] != trials || shape[1] != bins || shape[2] != neurons) {
            throw new IllegalArgumentException(name + " must have shape [" + trials + ", "
                    + bins + ", " + neurons + "], got " + Arrays.toString(shape));
        }
    }
}
