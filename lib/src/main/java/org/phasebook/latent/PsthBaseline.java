package org.phasebook.latent;

import java.util.Objects;

/**
 * The condition-average PSTH baseline (brief §7.2): the predicted rate of a trial is the mean
 * count over the training trials of the same condition, per bin and neuron, forward bins
 * included when the training tensors have them. It uses the condition labels, which a latent
 * model does not get; with identical latents per condition it converges to the true rates, so
 * it is a ceiling reference, not a competitor.
 *
 * <p>A (condition, bin, neuron) with no training spike gets rate 0, which the bits-per-spike
 * metrics replace by 1e-9 as nlb_tools does; that is the baseline as defined, not smoothed.
 * Stateless.
 */
public final class PsthBaseline {

    private PsthBaseline() {
    }

    /**
     * The PSTH prediction for a {@code lorenz-v1} data set, with its condition labels.
     *
     * @param dataset the data set
     * @return rates for training and validation trials (forward bins included when
     *         {@code T_f > 0})
     */
    public static NlbRates fit(LorenzDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return fit(dataset.toNlbTensors(), dataset.conditions(Split.TRAIN),
                dataset.conditions(Split.EVAL));
    }

    /**
     * The PSTH prediction for any tensor set with condition labels.
     *
     * @param data            the tensors; every training count must be finite (no NaN)
     * @param trainConditions the condition of each training trial, {@code >= 0}
     * @param evalConditions  the condition of each evaluation trial; each must occur among the
     *                        training conditions
     * @return training rates (each trial gets its own condition's mean, itself included) and
     *         evaluation rates, with forward arrays when the training tensors have them
     */
    public static NlbRates fit(NlbTensors data, int[] trainConditions, int[] evalConditions) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainConditions, "trainConditions");
        Objects.requireNonNull(evalConditions, "evalConditions");
        if (trainConditions.length != data.trainTrials()
                || evalConditions.length != data.evalTrials()) {
            throw new IllegalArgumentException("one condition per trial is needed: "
                    + data.trainTrials() + " train and " + data.evalTrials() + " eval, got "
                    + trainConditions.length + " and " + evalConditions.length);
        }
        double[][][] train = data.trainSpikesHeldin();
        train = Tensors.stackChannels(train, data.trainSpikesHeldout());
        if (data.hasTrainForward()) {
            train = Tensors.stackBins(train, Tensors.stackChannels(
                    data.trainSpikesHeldinForward(), data.trainSpikesHeldoutForward()));
        }
        Tensors.shape("training spikes", train, false, true);
        int conditions = 0;
        for (int i = 0; i < trainConditions.length; i++) {
            if (trainConditions[i] < 0) {
                throw new IllegalArgumentException("trainConditions[" + i + "] must be >= 0, "
                        + "got " + trainConditions[i]);
            }
            conditions = Math.max(conditions, trainConditions[i] + 1);
        }
        int bins = train[0].length;
        int neurons = train[0][0].length;
        double[][][] psth = new double[conditions][bins][neurons];
        int[] count = new int[conditions];
        for (int i = 0; i < train.length; i++) {
            int c = trainConditions[i];
            count[c]++;
            for (int t = 0; t < bins; t++) {
                for (int k = 0; k < neurons; k++) {
                    psth[c][t][k] += train[i][t][k];
                }
            }
        }
        for (int c = 0; c < conditions; c++) {
            for (int t = 0; t < bins && count[c] > 0; t++) {
                for (int k = 0; k < neurons; k++) {
                    psth[c][t][k] /= count[c];
                }
            }
        }
        double[][][] trainRates = new double[train.length][][];
        for (int i = 0; i < train.length; i++) {
            trainRates[i] = Tensors.copy(psth[trainConditions[i]]);
        }
        double[][][] evalRates = new double[evalConditions.length][][];
        for (int i = 0; i < evalConditions.length; i++) {
            int c = evalConditions[i];
            if (c < 0 || c >= conditions || count[c] == 0) {
                throw new IllegalArgumentException("evalConditions[" + i + "] = " + c
                        + " has no training trial to average");
            }
            evalRates[i] = Tensors.copy(psth[c]);
        }
        return NlbRates.fromFull(trainRates, evalRates, data.heldInNeurons(),
                data.observedBins());
    }
}
