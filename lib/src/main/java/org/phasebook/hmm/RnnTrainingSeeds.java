package org.phasebook.hmm;

import org.phasebook.random.SeedSequence;

/**
 * The seeds of one training run; each feeds its own {@link java.util.SplittableRandom}, so
 * changing one leaves the other streams as they were.
 *
 * @param weights the initial weights ({@link NoiseDrivenRnn#initialise})
 * @param data    the HMM training and validation sequences ({@link RnnTrainingData#sample})
 * @param noise   the input and Gumbel noise of the training batches (stream 0 of
 *                {@code new SeedSequence(noise)}) and of the validation batches (stream 1)
 */
public record RnnTrainingSeeds(long weights, long data, long noise) {

    /**
     * Three seeds derived from one, as {@code new SeedSequence(master).child(c).seed(0)} for
     * {@code c = 1, 2, 3}.
     *
     * @param master the one seed
     * @return the seeds
     */
    public static RnnTrainingSeeds of(long master) {
        SeedSequence s = new SeedSequence(master);
        return new RnnTrainingSeeds(s.child(1).seed(0), s.child(2).seed(0), s.child(3).seed(0));
    }
}
