package org.phasebook.latent;

/**
 * How a {@link LatentModel} is trained (brief {@code langevin-flow.md} §3, §9): Adam with
 * coupled weight decay, a plateau schedule on the validation NLL, the KL weight and the weight
 * decay ramped linearly over the first epochs, and coordinated dropout.
 *
 * <p>At epoch {@code e} (from 0) the KL weight is {@code klWeight · min(e / rampEpochs, 1)} and
 * the weight decay {@code weightDecay · min(e / rampEpochs, 1)}. Coordinated dropout keeps each
 * held-in observed input entry with probability {@code cdKeep} ({@code c}, the release's
 * {@code cd_rate}); {@code cdKeep = 1} turns it off. {@code cdGradient} says on which of the
 * entries the encoder saw the reconstruction's gradient still flows: as released on a random
 * part of them ({@link CdGradient#LEAKY}), or on none, as coordinated dropout was proposed
 * ({@link CdGradient#BLOCKED}).
 *
 * @param batchSize       trials per step, 1 to 100,000
 * @param epochs          passes over the training trials, 1 to 100,000
 * @param learningRate    Adam's initial rate, in {@code (0, 1]}
 * @param weightDecay     the coupled L2 coefficient at full ramp, {@code >= 0}
 * @param klWeight        the KL weight at full ramp, {@code >= 0}
 * @param rampEpochs      epochs to reach full KL weight and decay, {@code >= 1}
 * @param cdKeep          the coordinated-dropout keep probability, in {@code (0, 1]}
 * @param plateauPatience epochs without improvement before the rate shrinks, {@code >= 0}
 * @param plateauFactor   the shrink factor, in {@code (0, 1)}
 * @param minLearningRate the floor of the rate, in {@code [0, learningRate]}
 * @param stopPatience    epochs without improvement of the validation NLL before training
 *                        stops early, {@code >= 1}, or 0 to always run every epoch
 * @param reconstruction  how the Poisson NLL is averaged
 * @param cdGradient      where coordinated dropout passes the reconstruction's gradient
 */
public record LatentTrainingParameters(int batchSize, int epochs, double learningRate,
        double weightDecay, double klWeight, int rampEpochs, double cdKeep, int plateauPatience,
        double plateauFactor, double minLearningRate, int stopPatience,
        Reconstruction reconstruction, CdGradient cdGradient) {

    /** How the per-entry Poisson NLL is reduced to the batch's reconstruction loss. */
    public enum Reconstruction {
        /** The mean over every trial, bin and neuron (LangevinFlow's release). */
        MEAN_PER_ENTRY,
        /** The sum over bins and neurons, averaged over trials (an ELBO per trial, LFADS). */
        SUM_PER_TRIAL
    }

    /**
     * Which held-in observed entries carry the reconstruction's gradient under coordinated
     * dropout (brief §3). The loss's value always uses every entry; on the others the gradient is
     * stopped. Entries the encoder did not see carry it in both variants.
     */
    public enum CdGradient {
        /**
         * As released: each entry the encoder saw also carries it with probability {@code 1 − c}
         * (75 % of all entries at {@code c = 0.5}), so the model can gain by passing shown spikes
         * through to its rates.
         */
        LEAKY,
        /**
         * As coordinated dropout was proposed (Keshtkaran and Pandarinath, NeurIPS 2019) and as
         * lfads-torch runs it by default (pass rate 0): no entry the encoder saw carries gradient.
         */
        BLOCKED
    }

    /** Validates every field; errors name the parameter, its value and the allowed range. */
    public LatentTrainingParameters {
        range("batchSize", batchSize, 1, 100_000);
        range("epochs", epochs, 1, 100_000);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got "
                + learningRate);
        }
        nonNegative("weightDecay", weightDecay);
        nonNegative("klWeight", klWeight);
        range("rampEpochs", rampEpochs, 1, 100_000);
        if (!(cdKeep > 0 && cdKeep <= 1)) {
            throw new IllegalArgumentException("cdKeep must be in (0, 1], got " + cdKeep);
        }
        range("plateauPatience", plateauPatience, 0, 100_000);
        if (!(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateauFactor must be in (0, 1), got "
                + plateauFactor);
        }
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            throw new IllegalArgumentException("minLearningRate must be in [0, learningRate = "
                + learningRate + "], got " + minLearningRate);
        }
        range("stopPatience", stopPatience, 0, 100_000);
        if (reconstruction == null) {
            throw new IllegalArgumentException("reconstruction must not be null");
        }
        if (cdGradient == null) {
            throw new IllegalArgumentException("cdGradient must not be null (LEAKY or BLOCKED)");
        }
    }

    /**
     * The notebook's default scale for LangevinFlow (§9, from the MC_Maze release settings):
     * batch 64, 200 epochs, rate 3e-3, weight decay 2e-5, KL weight 0.1, ramps over 50 epochs
     * (the release's 25 %), keep 0.5 with the release's leaky gradient, plateau (0.95, 10
     * epochs, floor 1e-5), no early stop, per-entry mean NLL.
     *
     * @return the parameters
     */
    public static LatentTrainingParameters defaults() {
        return new LatentTrainingParameters(64, 200, 3e-3, 2e-5, 0.1, 50, 0.5, 10, 0.95, 1e-5, 0,
            Reconstruction.MEAN_PER_ENTRY, CdGradient.LEAKY);
    }

    /**
     * The quick scale (§9): batch 32, 5 epochs, ramps over 2 epochs, otherwise as
     * {@link #defaults()}.
     *
     * @return the parameters
     */
    public static LatentTrainingParameters quick() {
        return defaults().withBatchSize(32).withEpochs(5).withRampEpochs(2);
    }

    /**
     * A copy with another batch size.
     *
     * @param value the batch size
     * @return the copy
     */
    public LatentTrainingParameters withBatchSize(int value) {
        return new LatentTrainingParameters(value, epochs, learningRate, weightDecay, klWeight,
            rampEpochs, cdKeep, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            reconstruction, cdGradient);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param value the epochs
     * @return the copy
     */
    public LatentTrainingParameters withEpochs(int value) {
        return new LatentTrainingParameters(batchSize, value, learningRate, weightDecay, klWeight,
            rampEpochs, cdKeep, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            reconstruction, cdGradient);
    }

    /**
     * A copy with another ramp length.
     *
     * @param value the ramp in epochs
     * @return the copy
     */
    public LatentTrainingParameters withRampEpochs(int value) {
        return new LatentTrainingParameters(batchSize, epochs, learningRate, weightDecay, klWeight,
            value, cdKeep, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            reconstruction, cdGradient);
    }

    /**
     * A copy with another KL weight and reconstruction reduction (an LFADS-style ELBO uses
     * weight 1 and {@link Reconstruction#SUM_PER_TRIAL}).
     *
     * @param weight the KL weight at full ramp
     * @param how    the reduction
     * @return the copy
     */
    public LatentTrainingParameters withObjective(double weight, Reconstruction how) {
        return new LatentTrainingParameters(batchSize, epochs, learningRate, weightDecay, weight,
            rampEpochs, cdKeep, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            how, cdGradient);
    }

    /**
     * A copy with another coordinated-dropout keep probability.
     *
     * @param value {@code c}
     * @return the copy
     */
    public LatentTrainingParameters withCdKeep(double value) {
        return new LatentTrainingParameters(batchSize, epochs, learningRate, weightDecay, klWeight,
            rampEpochs, value, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            reconstruction, cdGradient);
    }

    /**
     * A copy with coordinated dropout passing the gradient as {@code value} says.
     *
     * @param value where the gradient flows
     * @return the copy
     */
    public LatentTrainingParameters withCdGradient(CdGradient value) {
        return new LatentTrainingParameters(batchSize, epochs, learningRate, weightDecay, klWeight,
            rampEpochs, cdKeep, plateauPatience, plateauFactor, minLearningRate, stopPatience,
            reconstruction, value);
    }

    /**
     * The ramp factor {@code min(e / rampEpochs, 1)} at epoch {@code e}.
     *
     * @param epoch the epoch, from 0
     * @return the factor in {@code [0, 1]}
     */
    public double ramp(int epoch) {
        return Math.min((double) epoch / rampEpochs, 1);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max
                + "], got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
