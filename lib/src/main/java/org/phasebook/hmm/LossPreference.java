package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.SinkhornDivergence;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

/**
 * Which generator does the training loss prefer: the HMM itself, or another model? The loss of
 * a training step is the debiased Sinkhorn divergence {@code S(x, y)} between a batch {@code x}
 * of {@code B} generated sequences and a batch {@code y} of {@code B} HMM sequences (brief §4),
 * so a generator is rewarded for a low {@code E[S(x, y)]}. A perfect generator emits HMM
 * sequences; this class estimates {@code E[S(x, y)]} for that generator (a fresh HMM batch) and
 * for an alternative model, on the same HMM batches {@code y}, and their difference with its
 * standard error. A negative difference means that minimising the loss at this batch size
 * moves a generator away from the HMM, towards the alternative.
 *
 * <p>Why: at a finite batch the divergence between two samples is positive even for one
 * distribution, and how large depends on the samples' variety. Sequences without the HMM's 1 %
 * emissions ({@link CategoricalHmm#withoutRareEmissions}) are less varied, and they score
 * <em>lower</em> against HMM batches than the HMM's own sequences do: the trained networks'
 * missing rare symbols are what the objective asks for.
 *
 * <p>Sequences are one-hot encoded as in training ({@link RnnTrainingStep#oneHot}, float32);
 * each repeat draws {@code y}, then the fresh HMM batch, then the alternative's batch from
 * {@code random}, so a seed gives the same numbers.
 */
public final class LossPreference {

    private LossPreference() {
    }

    /**
     * The estimate.
     *
     * @param hmm             the HMM the batches {@code y} come from
     * @param alternative     the other generator
     * @param batch           {@code B}, sequences per batch
     * @param length          {@code T}, symbols per sequence
     * @param repeats         independent triples of batches averaged
     * @param meanHmm         mean of {@code S(fresh HMM batch, y)}
     * @param meanAlternative mean of {@code S(alternative's batch, y)}
     * @param meanDifference  mean of the paired differences, alternative minus HMM
     * @param standardError   the standard error of {@code meanDifference}
     */
    public record Result(CategoricalHmm hmm, CategoricalHmm alternative, int batch, int length,
                         int repeats, double meanHmm, double meanAlternative,
                         double meanDifference, double standardError) {

        /** {@code meanDifference / standardError}: below −3, the loss clearly prefers the alternative. */
        public double zScore() {
            return meanDifference / standardError;
        }
    }

    /**
     * Estimates both expected losses at one batch size.
     *
     * @param torch       the engine (one thread, as in training)
     * @param hmm         the HMM
     * @param alternative a generator with the HMM's symbols
     * @param batch       {@code B >= 2}
     * @param length      {@code T >= 1}
     * @param repeats     at least 2
     * @param sinkhorn    the loss's blur and scaling ({@link SinkhornParameters#paper()})
     * @param random      the source of every sequence
     * @param onRepeat    called after each repeat (a progress bar), may be null
     * @return the means and the paired difference
     * @throws IllegalArgumentException if a size is out of range or the symbol counts differ
     */
    public static Result compare(Torch torch, CategoricalHmm hmm, CategoricalHmm alternative,
                                 int batch, int length, int repeats, SinkhornParameters sinkhorn,
                                 SplittableRandom random, Runnable onRepeat) {
        Objects.requireNonNull(torch, "torch");
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(sinkhorn, "sinkhorn");
        Objects.requireNonNull(random, "random");
        if (batch < 2) {
            throw new IllegalArgumentException("batch (B) must be at least 2, got " + batch);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length (T) must be at least 1, got " + length);
        }
        if (repeats < 2) {
            throw new IllegalArgumentException("repeats must be at least 2 (for a standard"
                + " error), got " + repeats);
        }
        int k = hmm.symbols();
        if (alternative.symbols() != k) {
            throw new IllegalArgumentException("alternative must emit the HMM's " + k
                + " symbols, got " + alternative.symbols());
        }
        SinkhornDivergence divergence = new SinkhornDivergence(sinkhorn);
        double sumHmm = 0.0;
        double sumAlternative = 0.0;
        double[] differences = new double[repeats];
        try (NDManager manager = torch.newManager()) {
            for (int r = 0; r < repeats; r++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray y = batch(manager, hmm, batch, length, random);
                    NDArray fresh = batch(manager, hmm, batch, length, random);
                    NDArray other = batch(manager, alternative, batch, length, random);
                    double sHmm = divergence.divergence(fresh, y).getFloat();
                    double sAlternative = divergence.divergence(other, y).getFloat();
                    sumHmm += sHmm;
                    sumAlternative += sAlternative;
                    differences[r] = sAlternative - sHmm;
                }
                if (onRepeat != null) {
                    onRepeat.run();
                }
            }
        }
        MeanSd d = MeanSd.of(differences);
        return new Result(hmm, alternative, batch, length, repeats, sumHmm / repeats,
            sumAlternative / repeats, d.mean(), d.standardError());
    }

    private static NDArray batch(NDManager manager, CategoricalHmm model, int batch, int length,
                                 SplittableRandom random) {
        return RnnTrainingStep.oneHot(manager, model.sample(batch, length, random), 0, batch,
            model.symbols(), DataType.FLOAT32);
    }
}
