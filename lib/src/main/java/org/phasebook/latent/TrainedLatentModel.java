package org.phasebook.latent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.phasebook.nn.WeightSnapshot;

/**
 * The result of a {@link LatentTrainer} run: the architecture, how it was trained, the weights
 * with the best validation NLL and the last ones, the loss history and the wall time.
 * Immutable.
 *
 * @param model    the architecture
 * @param training the training parameters
 * @param seed     the master seed
 * @param best     the weights after the epoch with the lowest validation NLL
 * @param last     the weights after the last epoch
 * @param history  the losses
 * @param seconds  the wall time of the run
 */
public record TrainedLatentModel(LatentModel model, LatentTrainingParameters training, long seed,
        WeightSnapshot best, WeightSnapshot last, LatentHistory history, double seconds) {

    /** Checks that nothing is missing. */
    public TrainedLatentModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(history, "history");
    }

    /**
     * Writes the best weights in {@link WeightSnapshot}'s format.
     *
     * @param file the file
     * @throws IOException if writing fails
     */
    public void writeBest(Path file) throws IOException {
        best.write(file);
    }

    @Override
    public String toString() {
        return model.name() + " trained " + history + String.format(" in %.1f s", seconds);
    }
}
