package org.phasebook.latent;

import org.apache.commons.math3.special.Gamma;

/**
 * Poisson likelihood metrics exactly as {@code nlb_tools.evaluation} defines them (brief §6),
 * on arrays {@code [trial][bin][neuron]} of rates (expected counts per bin) and counts.
 *
 * <ul>
 *   <li>{@link #negLogLikelihood}: {@code sum (r - n ln r + ln Gamma(n + 1))} over the entries
 *       whose count is not NaN; a zero rate counts as {@value #ZERO_RATE}.</li>
 *   <li>{@link #nullRates}: each neuron's mean count over every trial and bin (NaN skipped),
 *       broadcast to the shape of the counts.</li>
 *   <li>{@link #bitsPerSpike}: {@code (NLL_null - NLL_model) / (sum n) / ln 2}, pooled over the
 *       whole array (not averaged per neuron), the null rates taken from the very counts being
 *       scored.</li>
 *   <li>{@link #coBps}: bits per spike on evaluation trials, held-out neurons, observed bins;
 *       {@link #fpBps}: on evaluation trials, all neurons, forward bins.</li>
 * </ul>
 * Validation as nlb_tools asserts it: equal shapes, no NaN or negative rate where the count is
 * not NaN; and beyond it, counts must be {@code >= 0} or NaN and rates not infinite. Sums are
 * compensated (Neumaier), so they agree with numpy's pairwise sums to about 1e-15 relative.
 * Stateless.
 */
public final class SpikeMetrics {

    /** What nlb_tools replaces a zero rate by. */
    public static final double ZERO_RATE = 1e-9;

    private SpikeMetrics() {
    }

    /**
     * The Poisson negative log-likelihood, natural log, summed.
     *
     * @param rates  predicted rates, same shape as {@code spikes}
     * @param spikes counts; NaN entries are skipped
     * @return the total NLL
     */
    public static double negLogLikelihood(double[][][] rates, double[][][] spikes) {
        Tensors.requireSameShape("rates", rates, "spikes", spikes);
        Tensors.shape("spikes", spikes, true, true);
        double sum = 0.0;
        double compensation = 0.0;
        for (int i = 0; i < spikes.length; i++) {
            for (int t = 0; t < spikes[i].length; t++) {
                for (int k = 0; k < spikes[i][t].length; k++) {
                    double n = spikes[i][t][k];
                    if (Double.isNaN(n)) {
                        continue;
                    }
                    double r = rates[i][t][k];
                    if (Double.isNaN(r)) {
                        throw new IllegalArgumentException("NaN rate prediction at [" + i + "]["
                                + t + "][" + k + "] where the count is " + n);
                    }
                    if (r < 0.0 || Double.isInfinite(r)) {
                        throw new IllegalArgumentException("rates must be finite and >= 0, got "
                                + r + " at [" + i + "][" + t + "][" + k + "]");
                    }
                    if (r == 0.0) {
                        r = ZERO_RATE;
                    }
                    double term = r - n * Math.log(r) + Gamma.logGamma(n + 1.0);
                    double s = sum + term;
                    compensation += Math.abs(sum) >= Math.abs(term) ? (sum - s) + term
                            : (term - s) + sum;
                    sum = s;
                }
            }
        }
        return sum + compensation;
    }

    /** As {@link #negLogLikelihood(double[][][], double[][][])} for integer counts. */
    public static double negLogLikelihood(double[][][] rates, int[][][] spikes) {
        return negLogLikelihood(rates, Tensors.toDouble(spikes));
    }

    /**
     * nlb_tools' null model: each neuron's mean count over all trials and bins ({@code nanmean}
     * over every axis but the last), broadcast to the shape of {@code spikes}. A neuron whose
     * counts are all NaN gets NaN.
     *
     * @param spikes counts {@code [trial][bin][neuron]}
     * @return fresh rates of the same shape
     */
    public static double[][][] nullRates(double[][][] spikes) {
        int[] shape = Tensors.shape("spikes", spikes, true, true);
        double[] total = new double[shape[2]];
        long[] count = new long[shape[2]];
        for (double[][] trial : spikes) {
            for (double[] row : trial) {
                for (int k = 0; k < row.length; k++) {
                    if (!Double.isNaN(row[k])) {
                        total[k] += row[k];
                        count[k]++;
                    }
                }
            }
        }
        double[] mean = new double[shape[2]];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = count[k] == 0 ? Double.NaN : total[k] / count[k];
        }
        double[][][] out = new double[shape[0]][shape[1]][];
        for (int i = 0; i < shape[0]; i++) {
            for (int t = 0; t < shape[1]; t++) {
                out[i][t] = mean.clone();
            }
        }
        return out;
    }

    /**
     * Bits per spike of {@code rates} relative to {@link #nullRates(double[][][])} of
     * {@code spikes}: {@code (NLL_null - NLL_model) / (sum of counts) / ln 2}. NaN when the
     * counts hold no spike (nlb_tools divides by zero there).
     *
     * @param rates  predicted rates, same shape as {@code spikes}
     * @param spikes counts; NaN entries are skipped
     * @return bits per spike
     */
    public static double bitsPerSpike(double[][][] rates, double[][][] spikes) {
        double model = negLogLikelihood(rates, spikes);
        double nul = negLogLikelihood(nullRates(spikes), spikes);
        double spikeSum = 0.0;
        for (double[][] trial : spikes) {
            for (double[] row : trial) {
                for (double v : row) {
                    if (!Double.isNaN(v)) {
                        spikeSum += v;
                    }
                }
            }
        }
        if (spikeSum == 0.0) {
            return Double.NaN;
        }
        return (nul - model) / spikeSum / Math.log(2.0);
    }

    /** As {@link #bitsPerSpike(double[][][], double[][][])} for integer counts. */
    public static double bitsPerSpike(double[][][] rates, int[][][] spikes) {
        return bitsPerSpike(rates, Tensors.toDouble(spikes));
    }

    /**
     * co-bps: bits per spike of the held-out rates on evaluation trials, observed bins.
     *
     * @param evalRatesHeldout  {@code eval_rates_heldout}
     * @param evalSpikesHeldout {@code eval_spikes_heldout}
     * @return co-bps
     */
    public static double coBps(double[][][] evalRatesHeldout, double[][][] evalSpikesHeldout) {
        return bitsPerSpike(evalRatesHeldout, evalSpikesHeldout);
    }

    /**
     * fp-bps: bits per spike on evaluation trials, forward bins, held-in and held-out neurons
     * stacked as nlb_tools does ({@code np.dstack}).
     *
     * @param ratesHeldinForward   {@code eval_rates_heldin_forward}
     * @param ratesHeldoutForward  {@code eval_rates_heldout_forward}
     * @param spikesHeldinForward  {@code eval_spikes_heldin_forward}
     * @param spikesHeldoutForward {@code eval_spikes_heldout_forward}
     * @return fp-bps
     */
    public static double fpBps(double[][][] ratesHeldinForward, double[][][] ratesHeldoutForward,
            double[][][] spikesHeldinForward, double[][][] spikesHeldoutForward) {
        Tensors.requireSameShape("eval_rates_heldin_forward", ratesHeldinForward,
                "eval_spikes_heldin_forward", spikesHeldinForward);
        Tensors.requireSameShape("eval_rates_heldout_forward", ratesHeldoutForward,
                "eval_spikes_heldout_forward", spikesHeldoutForward);
        return bitsPerSpike(Tensors.stackChannels(ratesHeldinForward, ratesHeldoutForward),
                Tensors.stackChannels(spikesHeldinForward, spikesHeldoutForward));
    }
}
