package org.phasebook.hmm;

import java.util.List;
import java.util.Objects;

import org.phasebook.nn.LossHistory;

/**
 * The result of one {@link RnnTrainer} run: the weights, the loss history, the checkpoints and
 * everything needed to reproduce the run.
 *
 * @param model         the network's shape and noise strength
 * @param training      the training parameters
 * @param seeds         the seeds
 * @param length        the training sequence length {@code T}
 * @param finalWeights  the weights after the last step
 * @param bestWeights   the weights after the epoch with the lowest validation loss, a real
 *                      copy; equal to {@code finalWeights} when
 *                      {@link RnnTrainingParameters#finalWeightsAsBest()} reproduces the
 *                      authors' quirk
 * @param history       the losses per step and per epoch
 * @param checkpoints   copies of the weights every {@code checkpointEvery} steps (with the
 *                      initial and the final weights), in step order; empty when
 *                      {@code checkpointEvery} is 0
 * @param seconds       the wall-clock time of the run
 */
public record TrainedRnn(RnnParameters model, RnnTrainingParameters training,
                         RnnTrainingSeeds seeds, int length, RnnFloatWeights finalWeights,
                         RnnFloatWeights bestWeights, LossHistory history,
                         List<RnnCheckpoint> checkpoints, double seconds) {

    /** Checks for nulls and copies the checkpoint list. */
    public TrainedRnn {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(seeds, "seeds");
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        Objects.requireNonNull(finalWeights, "finalWeights");
        Objects.requireNonNull(bestWeights, "bestWeights");
        Objects.requireNonNull(history, "history");
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * The weights to analyse, {@link #bestWeights()} as doubles (exactly).
     *
     * @return the best weights as {@link RnnWeights}
     */
    public RnnWeights weights() {
        return bestWeights.toRnnWeights();
    }
}
