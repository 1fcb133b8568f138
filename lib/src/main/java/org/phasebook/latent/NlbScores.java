package org.phasebook.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Neural Latents Benchmark's scores of a rate prediction, computed as
 * {@code nlb_tools.evaluation.evaluate} does for one data set (brief §6):
 *
 * <ul>
 *   <li>{@code coBps}: {@link SpikeMetrics#coBps} on {@code eval_rates_heldout} against
 *       {@code eval_spikes_heldout};</li>
 *   <li>{@code fpBps}: {@link SpikeMetrics#fpBps} on the forward bins, NaN ("n/a") when the
 *       prediction or the targets have no forward arrays;</li>
 *   <li>{@code velR2}: {@link RidgeGridSearch#decodingR2} from the rates of all neurons
 *       (held-in then held-out) over the observed bins, flattened over trials, to the
 *       behaviour; NaN when the targets carry none. No lag is applied here: nlb_tools applies
 *       it when it makes the behaviour tensors.</li>
 * </ul>
 * The release of LangevinFlow logs {@code max(bps, -1)}; these are the raw values.
 *
 * @param coBps co-smoothing bits per spike
 * @param fpBps forward-prediction bits per spike, or NaN
 * @param velR2 behaviour decoding R², or NaN
 */
public record NlbScores(double coBps, double fpBps, double velR2) {

    /**
     * Scores {@code rates} against {@code targets}.
     *
     * @param targets the data set's tensors (eval spikes as targets, behaviour if any)
     * @param rates   the prediction, shaped like the corresponding spike arrays
     * @return the scores
     * @throws IllegalArgumentException when a shape does not match (the message names both
     *                                  arrays)
     */
    public static NlbScores evaluate(NlbTensors targets, NlbRates rates) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(rates, "rates");
        requireShape("train_rates_heldin", rates.trainHeldin(), "train_spikes_heldin",
                targets.trainSpikesHeldin());
        requireShape("train_rates_heldout", rates.trainHeldout(), "train_spikes_heldout",
                targets.trainSpikesHeldout());
        requireShape("eval_rates_heldin", rates.evalHeldin(), "eval_spikes_heldin",
                targets.evalSpikesHeldin());
        double co = SpikeMetrics.coBps(rates.evalHeldout(), targets.evalSpikesHeldout());
        double fp = Double.NaN;
        if (rates.hasForward() && targets.hasEvalForward()) {
            fp = SpikeMetrics.fpBps(rates.evalHeldinForward(), rates.evalHeldoutForward(),
                    targets.evalSpikesHeldinForward(), targets.evalSpikesHeldoutForward());
        }
        double vel = Double.NaN;
        if (targets.hasBehavior()) {
            vel = RidgeGridSearch.decodingR2(Tensors.flatten(rates.trainAll()),
                    Tensors.flatten(targets.trainBehavior()), Tensors.flatten(rates.evalAll()),
                    Tensors.flatten(targets.evalBehavior()));
        }
        return new NlbScores(co, fp, vel);
    }

    private static void requireShape(String rateName, double[][][] r, String spikeName,
            double[][][] s) {
        int[] a = Tensors.shape(rateName, r, true, false);
        int[] b = Tensors.shape(spikeName, s, true, false);
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(rateName + " must have the shape of " + spikeName
                    + ", " + Arrays.toString(b) + ", got " + Arrays.toString(a));
        }
    }
}
