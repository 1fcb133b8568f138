package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * HMM sequences to train and validate the generator RNN on: symbols {@code 0..K-1}, all of
 * one length {@code T}. The arrays are validated for shape and copied.
 *
 * @param training   the training sequences, at least 1
 * @param validation the validation sequences, at least 1
 */
public record RnnTrainingData(int[][] training, int[][] validation) {

    /** Checks that both sets are non-empty, rectangular and of one length, and copies them. */
    public RnnTrainingData {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(validation, "validation");
        if (training.length == 0 || validation.length == 0) {
            throw new IllegalArgumentException("training and validation must each hold at least "
                + "one sequence, got " + training.length + " and " + validation.length);
        }
        int t = checkLengths("training", training, -1);
        checkLengths("validation", validation, t);
        training = deepCopy(training);
        validation = deepCopy(validation);
    }

    /**
     * Samples {@code trainingCount + validationCount} sequences from {@code hmm} with one
     * generator and splits them in order, the first {@code trainingCount} for training and the
     * next {@code validationCount} for validation, as the authors split their 30,000 sequences
     * (brief §2).
     *
     * @param hmm             the HMM
     * @param length          {@code T >= 1}
     * @param trainingCount   {@code >= 1}
     * @param validationCount {@code >= 1}
     * @param seed            the seed of the {@link SplittableRandom} fed to {@link HmmSampler}
     * @return the data
     */
    public static RnnTrainingData sample(CategoricalHmm hmm, int length, int trainingCount,
                                         int validationCount, long seed) {
        Objects.requireNonNull(hmm, "hmm");
        if (trainingCount < 1 || validationCount < 1) {
            throw new IllegalArgumentException("trainingCount and validationCount must be >= 1, "
                + "got " + trainingCount + " and " + validationCount);
        }
        int[][] all = new HmmSampler(hmm).sample(trainingCount + validationCount, length,
            new SplittableRandom(seed));
        return new RnnTrainingData(Arrays.copyOfRange(all, 0, trainingCount),
            Arrays.copyOfRange(all, trainingCount, trainingCount + validationCount));
    }

    /**
     * The sequence length.
     *
     * @return {@code T}
     */
    public int length() {
        return training[0].length;
    }

    /** @return a deep copy of the training sequences */
    @Override
    public int[][] training() {
        return deepCopy(training);
    }

    /** @return a deep copy of the validation sequences */
    @Override
    public int[][] validation() {
        return deepCopy(validation);
    }

    /** Direct access for this package, which never modifies the arrays. */
    int[][] trainingView() {
        return training;
    }

    int[][] validationView() {
        return validation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RnnTrainingData d && Arrays.deepEquals(training, d.training)
            && Arrays.deepEquals(validation, d.validation);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(training) * 31 + Arrays.deepHashCode(validation);
    }

    @Override
    public String toString() {
        return "RnnTrainingData[" + training.length + " training and " + validation.length
            + " validation sequences of length " + length() + "]";
    }

    private static int checkLengths(String name, int[][] s, int expected) {
        int t = expected;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == null || s[i].length == 0) {
                throw new IllegalArgumentException(name + " sequence " + i + " is empty");
            }
            if (t < 0) {
                t = s[i].length;
            } else if (s[i].length != t) {
                throw new IllegalArgumentException(name + " sequence " + i + " has length "
                    + s[i].length + ", expected " + t);
            }
        }
        return t;
    }

    private static int[][] deepCopy(int[][] s) {
        int[][] c = new int[s.length][];
        for (int i = 0; i < s.length; i++) {
            c[i] = s[i].clone();
        }
        return c;
    }
}
