package org.phasebook.latent;

import java.util.Objects;

/**
 * All §6 metrics of a rate prediction on a {@code lorenz-v1} data set, on its validation
 * ("eval") trials:
 *
 * <ul>
 *   <li>{@link #nlb()}: co-bps, fp-bps and vel R² (target {@code dx~/dt} in the same bin, no
 *       lag) as the benchmark computes them ({@link NlbScores});</li>
 *   <li>rate R² against the true {@code lambda}, conventional order
 *       ({@code r2_score(truth, prediction)}, uniform average over neurons, samples = trials x
 *       bins), separately for held-in neurons / observed bins, held-out neurons / observed bins
 *       and all neurons / forward bins (NaN without forward rates), and the same three with the
 *       arguments swapped as the released LangevinFlow callback does (footnote only);</li>
 *   <li>state R²: {@link RidgeGridSearch#decodingR2} from the rates (all neurons, observed bins)
 *       to {@code x~}.</li>
 * </ul>
 * {@link #oracle(LorenzDataset)} scores the true rates: the best any predictor can do in
 * expectation.
 *
 * @param nlb                  co-bps, fp-bps, vel R²
 * @param rateR2HeldinObserved rate R², held-in neurons, observed bins
 * @param rateR2HeldoutObserved rate R², held-out neurons, observed bins
 * @param rateR2Forward        rate R², all neurons, forward bins, or NaN
 * @param swappedR2HeldinObserved  as {@code rateR2HeldinObserved} with the arguments swapped
 * @param swappedR2HeldoutObserved as {@code rateR2HeldoutObserved} with the arguments swapped
 * @param swappedR2Forward         as {@code rateR2Forward} with the arguments swapped
 * @param stateR2              state decoding R²
 */
public record LorenzScores(NlbScores nlb, double rateR2HeldinObserved,
        double rateR2HeldoutObserved, double rateR2Forward, double swappedR2HeldinObserved,
        double swappedR2HeldoutObserved, double swappedR2Forward, double stateR2) {

    /** Checks that the NLB scores are present. */
    public LorenzScores {
        Objects.requireNonNull(nlb, "nlb");
    }

    /** co-bps. */
    public double coBps() {
        return nlb.coBps();
    }

    /** fp-bps, or NaN. */
    public double fpBps() {
        return nlb.fpBps();
    }

    /** vel R². */
    public double velR2() {
        return nlb.velR2();
    }

    /**
     * Scores a prediction.
     *
     * @param dataset the data set
     * @param rates   the prediction for its train and validation trials
     * @return the scores
     */
    public static LorenzScores evaluate(LorenzDataset dataset, NlbRates rates) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(rates, "rates");
        LorenzRecipe r = dataset.recipe();
        NlbScores nlb = NlbScores.evaluate(dataset.toNlbTensors(), rates);
        double[][][] truth = dataset.rates(Split.EVAL);
        double[][][] observed = Tensors.bins(truth, 0, r.observedBins());
        double[][][] trueIn = Tensors.channels(observed, 0, r.heldIn());
        double[][][] trueOut = Tensors.channels(observed, r.heldIn(), r.neurons());
        double[][][] predIn = rates.evalHeldin();
        double[][][] predOut = rates.evalHeldout();
        double forward = Double.NaN;
        double forwardSwapped = Double.NaN;
        if (rates.hasForward() && r.forwardBins() > 0) {
            double[][][] trueFw = Tensors.bins(truth, r.observedBins(), r.bins());
            double[][][] predFw = rates.evalForwardAll();
            forward = RSquared.score(trueFw, predFw);
            forwardSwapped = RSquared.score(predFw, trueFw);
        }
        double state = RidgeGridSearch.decodingR2(Tensors.flatten(rates.trainAll()),
                Tensors.flatten(Tensors.bins(dataset.normalisedStates(Split.TRAIN), 0,
                        r.observedBins())),
                Tensors.flatten(rates.evalAll()),
                Tensors.flatten(Tensors.bins(dataset.normalisedStates(Split.EVAL), 0,
                        r.observedBins())));
        return new LorenzScores(nlb, RSquared.score(trueIn, predIn),
                RSquared.score(trueOut, predOut), forward, RSquared.score(predIn, trueIn),
                RSquared.score(predOut, trueOut), forwardSwapped, state);
    }

    /**
     * The true rates {@code lambda} as a prediction (forward bins included when the recipe has
     * them).
     */
    public static NlbRates oracleRates(LorenzDataset dataset) {
        LorenzRecipe r = dataset.recipe();
        return NlbRates.fromFull(dataset.rates(Split.TRAIN), dataset.rates(Split.EVAL),
                r.heldIn(), r.observedBins());
    }

    /** The scores of {@link #oracleRates(LorenzDataset)}. */
    public static LorenzScores oracle(LorenzDataset dataset) {
        return evaluate(dataset, oracleRates(dataset));
    }
}
