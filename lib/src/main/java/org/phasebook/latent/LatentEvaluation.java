package org.phasebook.latent;

import java.util.Objects;

import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

/**
 * A trained latent model run on both splits of a Lorenz data set and scored (brief
 * {@code langevin-flow.md} §6): the inference of the training and validation trials and the
 * {@link LorenzScores} of its rates. Immutable.
 *
 * @param train  rates and latents of the training trials
 * @param eval   rates and latents of the validation trials
 * @param scores the scores on the validation trials
 */
public record LatentEvaluation(LatentInference train, LatentInference eval, LorenzScores scores) {

    /**
     * Runs and scores a model. The sampling noise of the two splits comes from the seeds
     * {@code seed} and {@code seed + 1}.
     *
     * @param torch   the engine
     * @param model   the architecture
     * @param weights its trained weights
     * @param data    the data set (its shape must be the model's)
     * @param samples inference samples averaged per trial
     * @param seed    the seed of the sampling noise
     * @return the inferences and scores
     */
    public static LatentEvaluation of(Torch torch, LatentModel model, WeightSnapshot weights,
                                      LorenzDataset data, int samples, long seed) {
        Objects.requireNonNull(data, "data");
        LatentInference train = LatentInference.of(torch, model, weights,
            LatentData.of(data, Split.TRAIN), samples, seed);
        LatentInference eval = LatentInference.of(torch, model, weights,
            LatentData.of(data, Split.EVAL), samples, seed + 1);
        return new LatentEvaluation(train, eval, LorenzScores.evaluate(data,
            LatentInference.submission(train, eval, model.shape())));
    }
}
