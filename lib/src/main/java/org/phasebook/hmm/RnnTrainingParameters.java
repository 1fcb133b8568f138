package org.phasebook.hmm;

import ai.djl.ndarray.types.DataType;

import java.util.Objects;

import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.SinkhornParameters;

/**
 * How {@link RnnTrainer} trains the generator RNN (brief {@code hmm-rnn.md} §5).
 *
 * <p>Training sequences are used in a fixed order, never shuffled: each epoch runs over them in
 * consecutive batches of {@code batchSize} (the last one shorter), each batch with fresh input
 * and Gumbel noise, one Adam step per batch. After each epoch the validation sequences are
 * scored in batches of the same size (fresh noise too) and the mean of the batch losses is the
 * validation loss. Training ends after {@code steps} Adam steps (mid-epoch if need be; that
 * epoch is still validated) or when early stopping says so.
 *
 * @param batchSize           sequences per batch, {@code >= 2} (a Sinkhorn divergence between
 *                            single points is degenerate)
 * @param trainingSequences   HMM sequences sampled for training by
 *                            {@link RnnTrainer#train(CategoricalHmm, int, org.phasebook.nn.TrainingListener)},
 *                            {@code >= batchSize}
 * @param validationSequences HMM sequences sampled for validation, {@code >= 2}
 * @param steps               the budget of Adam steps, {@code >= 1}
 * @param adam                the optimiser's hyper-parameters
 * @param clipNorm            the global gradient-norm bound, finite and {@code > 0}: 0.9 for
 *                            linear chains and 0.3 for the fully connected and cyclic HMMs in
 *                            the paper ({@link #clipNormFor(BenchmarkHmm)})
 * @param sinkhorn            the loss's blur and scaling (the paper's: blur 0.2, scaling 0.5)
 * @param patience            epochs without a validation improvement before stopping;
 *                            {@code >= 0}, 0 disables early stopping (the paper has none)
 * @param checkpointEvery     keep a copy of the weights before training and after every
 *                            {@code checkpointEvery}-th step (for the training-evolution
 *                            figure); {@code >= 0}, 0 keeps none
 * @param finalWeightsAsBest  the authors' quirk: their "best model" is an un-copied state dict,
 *                            so the saved weights are the final ones while the name carries the
 *                            best loss. {@code false} (Phasebook's default) keeps a real copy of
 *                            the weights at the best validation loss
 * @param dataType            {@code FLOAT32} (as the authors train) or {@code FLOAT64}
 */
public record RnnTrainingParameters(int batchSize, int trainingSequences, int validationSequences,
                                    int steps, AdamParameters adam, double clipNorm,
                                    SinkhornParameters sinkhorn, int patience,
                                    int checkpointEvery, boolean finalWeightsAsBest,
                                    DataType dataType) {

    /** The clip norm of the linear chains. */
    public static final double LINEAR_CHAIN_CLIP = 0.9;

    /** The clip norm of the fully connected and cyclic HMMs. */
    public static final double OTHER_CLIP = 0.3;

    /** Checks every parameter. */
    public RnnTrainingParameters {
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be >= 2, got " + batchSize);
        }
        if (trainingSequences < batchSize) {
            throw new IllegalArgumentException("trainingSequences must be >= batchSize ("
                + batchSize + "), got " + trainingSequences);
        }
        if (validationSequences < 2) {
            throw new IllegalArgumentException("validationSequences must be >= 2, got "
                + validationSequences);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        Objects.requireNonNull(adam, "adam");
        if (!(clipNorm > 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and > 0, got " + clipNorm);
        }
        Objects.requireNonNull(sinkhorn, "sinkhorn");
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0 disables early "
                + "stopping), got " + patience);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be >= 0 (0 keeps none), got "
                + checkpointEvery);
        }
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("dataType must be FLOAT32 or FLOAT64, got "
                + dataType);
        }
    }

    /**
     * The paper's clip norm for an HMM: 0.9 for the linear chains, 0.3 for the fully connected
     * and cyclic ones.
     *
     * @param hmm one of the paper's HMMs
     * @return the clip norm
     */
    public static double clipNormFor(BenchmarkHmm hmm) {
        return switch (Objects.requireNonNull(hmm, "hmm")) {
            case LINEAR_CHAIN_2, LINEAR_CHAIN_3, LINEAR_CHAIN_4, LINEAR_CHAIN_5 -> LINEAR_CHAIN_CLIP;
            case FULLY_CONNECTED_3, CYCLIC_4 -> OTHER_CLIP;
        };
    }

    /**
     * The "quick" scale (CI: does the loss go down): batch 256, 2,048 training and 512
     * validation sequences, 40 steps (5 epochs), clip 0.9, float32.
     *
     * @return the parameters
     */
    public static RnnTrainingParameters quick() {
        return new RnnTrainingParameters(256, 2_048, 512, 40, AdamParameters.paper(),
            LINEAR_CHAIN_CLIP, SinkhornParameters.paper(), 0, 0, false, DataType.FLOAT32);
    }

    /**
     * The "default" scale for {@code hmm}: batch 512, 10,000 training and 10,000 validation
     * sequences, 1,500 steps (about the paper's step count; 75 epochs of 20 batches), the
     * paper's clip norm, no checkpoints, float32.
     *
     * @param hmm the HMM trained on (for the clip norm)
     * @return the parameters
     */
    public static RnnTrainingParameters defaults(BenchmarkHmm hmm) {
        return new RnnTrainingParameters(512, 10_000, 10_000, 1_500, AdamParameters.paper(),
            clipNormFor(hmm), SinkhornParameters.paper(), 0, 0, false, DataType.FLOAT32);
    }

    /**
     * The "mechanism" scale for {@code hmm}: as {@link #defaults(BenchmarkHmm)} with a checkpoint
     * every 10 steps (use with {@link RnnParameters#mechanism()}).
     *
     * @param hmm the HMM trained on
     * @return the parameters
     */
    public static RnnTrainingParameters mechanism(BenchmarkHmm hmm) {
        return defaults(hmm).withCheckpointEvery(10);
    }

    /**
     * The paper's own run: batch 4,096 (batches of 4,096, 4,096 and 1,808), 10,000 training and
     * 10,000 validation sequences, 500 epochs (1,500 steps) for the linear chains and the cyclic
     * HMM, 1,000 epochs (3,000 steps) for the fully connected one, a checkpoint at every epoch's
     * worth of steps, and the authors' "best = final weights" quirk off.
     *
     * @param hmm the HMM trained on
     * @return the parameters
     */
    public static RnnTrainingParameters paper(BenchmarkHmm hmm) {
        int epochs = hmm == BenchmarkHmm.FULLY_CONNECTED_3 ? 1_000 : 500;
        return new RnnTrainingParameters(4_096, 10_000, 10_000, 3 * epochs,
            AdamParameters.paper(), clipNormFor(hmm), SinkhornParameters.paper(), 0, 3, false,
            DataType.FLOAT32);
    }

    /**
     * Batches per epoch, {@code ceil(trainingSequences / batchSize)}.
     *
     * @return the number of Adam steps in one pass over the training sequences
     */
    public int batchesPerEpoch() {
        return (trainingSequences + batchSize - 1) / batchSize;
    }

    /**
     * A copy with another loss blur and scaling.
     *
     * @param value the new Sinkhorn parameters, not null
     * @return a copy with them
     */
    public RnnTrainingParameters withSinkhorn(SinkhornParameters value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, clipNorm, value, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new batch size
     * @return a copy with it
     */
    public RnnTrainingParameters withBatchSize(int value) {
        return new RnnTrainingParameters(value, trainingSequences, validationSequences, steps,
            adam, clipNorm, sinkhorn, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * @param training   the new number of training sequences
     * @param validation the new number of validation sequences
     * @return a copy with them
     */
    public RnnTrainingParameters withSequences(int training, int validation) {
        return new RnnTrainingParameters(batchSize, training, validation, steps, adam, clipNorm,
            sinkhorn, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new step budget
     * @return a copy with it
     */
    public RnnTrainingParameters withSteps(int value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, value,
            adam, clipNorm, sinkhorn, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new optimiser parameters
     * @return a copy with them
     */
    public RnnTrainingParameters withAdam(AdamParameters value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            value, clipNorm, sinkhorn, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new clip norm
     * @return a copy with it
     */
    public RnnTrainingParameters withClipNorm(double value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, value, sinkhorn, patience, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new patience (0: off)
     * @return a copy with it
     */
    public RnnTrainingParameters withPatience(int value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, clipNorm, sinkhorn, value, checkpointEvery, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value the new checkpoint interval (0: none)
     * @return a copy with it
     */
    public RnnTrainingParameters withCheckpointEvery(int value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, clipNorm, sinkhorn, patience, value, finalWeightsAsBest, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value whether to reproduce the authors' quirk
     * @return a copy with it
     */
    public RnnTrainingParameters withFinalWeightsAsBest(boolean value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, clipNorm, sinkhorn, patience, checkpointEvery, value, dataType);
    }

    /**
     * A copy with another value.
     *
     * @param value {@code FLOAT32} or {@code FLOAT64}
     * @return a copy with it
     */
    public RnnTrainingParameters withDataType(DataType value) {
        return new RnnTrainingParameters(batchSize, trainingSequences, validationSequences, steps,
            adam, clipNorm, sinkhorn, patience, checkpointEvery, finalWeightsAsBest, value);
    }
}
