package org.phasebook.hmm;

import java.util.Objects;

import org.phasebook.random.SeedSequence;

/**
 * One network's output sample scored against the exact statistics of the HMM it emulates, beside
 * the noise floors of independent HMM samples of the same size (brief {@code hmm-rnn.md} §7,
 * "Trained RNN vs exact, relative to a floor"; figure F2). A distance divided by the mean floor
 * ({@link #ratios()}) reads as "this many times as far from the exact statistics as the HMM's own
 * samples"; the floors one by one ({@link #floorRatios()}) show how far a perfect generator
 * scatters around 1.
 *
 * <p>Built by {@link #score}; arrays are not copied.
 *
 * @param hmm         the HMM emulated
 * @param rnn         the network's sequences, {@code N} sequences of length {@code T}
 * @param rnnScore    their score ({@link StatisticsComparison#score})
 * @param floors      the scores of {@code F >= 1} independent HMM samples of {@code N} sequences
 *                    of length {@code T}
 * @param meanFloor   the mean of {@code floors}, distance by distance and for the cross-entropy
 * @param floorSample the sequences of floor 0, for figures that set one HMM sample beside the
 *                    network's
 */
public record FloorComparison(BenchmarkHmm hmm, int[][] rnn, ComparisonScore rnnScore, ComparisonScore[] floors,
                              ComparisonScore meanFloor, int[][] floorSample) {

    /** Checks for nulls and that there is at least one floor. */
    public FloorComparison {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(rnn, "rnn");
        Objects.requireNonNull(rnnScore, "rnnScore");
        Objects.requireNonNull(floors, "floors");
        Objects.requireNonNull(meanFloor, "meanFloor");
        Objects.requireNonNull(floorSample, "floorSample");
        if (floors.length < 1) {
            throw new IllegalArgumentException("floors must hold at least 1 score, got 0");
        }
    }

    /**
     * Scores {@code rnn} and {@code floorCount} independent HMM samples of the same size against
     * the exact statistics of {@code hmm}. Floor {@code r} is the score of
     * {@code new HmmSampler(hmm.hmm()).sample(N, T, floorSeeds.generator(r))}, exactly
     * {@link StatisticsComparison#noiseFloor(int, int, java.util.SplittableRandom)}, and the mean
     * floor is the mean that {@link StatisticsComparison#meanNoiseFloor} computes from the same
     * seeds.
     *
     * @param hmm        the HMM emulated
     * @param rnn        the network's sequences, at least one, all of the same length {@code T >= 3}
     * @param floorCount the number {@code F} of HMM samples, {@code >= 1}
     * @param floorSeeds the seeds of the HMM samples, one stream per floor
     * @param progress   run once after the network's score and once after each floor
     *                   ({@code F + 1} times in all)
     */
    public static FloorComparison score(BenchmarkHmm hmm, int[][] rnn, int floorCount, SeedSequence floorSeeds,
                                        Runnable progress) {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(rnn, "rnn");
        Objects.requireNonNull(floorSeeds, "floorSeeds");
        Objects.requireNonNull(progress, "progress");
        if (floorCount < 1) {
            throw new IllegalArgumentException("floorCount must be >= 1, got " + floorCount);
        }
        if (rnn.length == 0) {
            throw new IllegalArgumentException("rnn must hold at least 1 sequence, got 0");
        }
        int count = rnn.length;
        int length = Objects.requireNonNull(rnn[0], "rnn[0]").length;
        for (int n = 1; n < count; n++) {
            if (Objects.requireNonNull(rnn[n], "rnn[" + n + "]").length != length) {
                throw new IllegalArgumentException("rnn sequences must all have length T = " + length + ", sequence "
                        + n + " has " + rnn[n].length);
            }
        }
        StatisticsComparison comparison = new StatisticsComparison(hmm.hmm());
        ComparisonScore rnnScore = comparison.score(rnn);
        progress.run();
        HmmSampler sampler = new HmmSampler(comparison.hmm());
        ComparisonScore[] floors = new ComparisonScore[floorCount];
        int[][] floorSample = null;
        double[] mean = new double[6];      // the five distances, then the cross-entropy
        for (int r = 0; r < floorCount; r++) {
            int[][] sample = sampler.sample(count, length, floorSeeds.generator(r));
            floorSample = r == 0 ? sample : floorSample;
            floors[r] = comparison.score(sample);
            double[] d = floors[r].distances();
            for (int i = 0; i < d.length; i++) {
                mean[i] += d[i] / floorCount;
            }
            mean[5] += floors[r].crossEntropy() / floorCount;
            progress.run();
        }
        ComparisonScore meanFloor = new ComparisonScore(count, (long) count * length, mean[0], mean[1], mean[2],
                mean[3], mean[4], mean[5]);
        return new FloorComparison(hmm, rnn, rnnScore, floors, meanFloor, floorSample);
    }

    /** The sequence length {@code T}. */
    public int length() {
        return rnn[0].length;
    }

    /** Each distance of the network divided by the mean floor, in the order of {@link ComparisonScore#DISTANCE_NAMES}. */
    public double[] ratios() {
        return rnnScore.ratiosTo(meanFloor);
    }

    /** {@code [r][i]}: distance {@code i} of floor {@code r} divided by the mean floor (around 1 by construction). */
    public double[][] floorRatios() {
        double[][] ratios = new double[floors.length][];
        for (int r = 0; r < floors.length; r++) {
            ratios[r] = floors[r].ratiosTo(meanFloor);
        }
        return ratios;
    }

    /** The index of the largest of {@link #ratios()}, the first one of ties (a NaN ratio is never the largest). */
    public int worstDistance() {
        double[] ratio = ratios();
        int worst = 0;
        for (int i = 1; i < ratio.length; i++) {
            worst = ratio[worst] >= ratio[i] ? worst : i;
        }
        return worst;
    }

    /** The volatility of the network's sequences: mean ± sd of the number of output changes per sequence. */
    public MeanSd rnnVolatility() {
        return EmpiricalStatistics.volatility(rnn);
    }

    /** The volatility of the HMM sample of floor 0, for comparison with {@link #rnnVolatility()}. */
    public MeanSd floorVolatility() {
        return EmpiricalStatistics.volatility(floorSample);
    }

    /** The exact expected number of output changes in a sequence of length {@code T}, {@code (T - 1) P(change)}. */
    public double exactChanges() {
        return new ExactStatistics(hmm.hmm()).expectedChanges(length());
    }

    /** The exact marginal {@code P(o = a)} of the HMM. */
    public double[] exactMarginal() {
        return new ExactStatistics(hmm.hmm()).marginal();
    }

    /**
     * The largest error of the network's output transition matrix: {@code max |P(o' | o) − P̂(o' | o)|}
     * over all pairs of symbols, with {@code P} exact and {@code P̂} counted in the network's
     * sequences ({@link EmpiricalStatistics#outputTransitionMatrix}). The row of a symbol that
     * the sample never leaves (never emits before the last step) has no estimate and is skipped.
     */
    public double rnnTransitionError() {
        return largestTransitionError(rnn);
    }

    /** The same error for the HMM sample of floor 0: what a perfect generator's sample gives. */
    public double floorTransitionError() {
        return largestTransitionError(floorSample);
    }

    private double largestTransitionError(int[][] sample) {
        int symbols = hmm.hmm().symbols();
        double[][] exact = new ExactStatistics(hmm.hmm()).outputTransitionMatrix();
        double[][] sampled = EmpiricalStatistics.outputTransitionMatrix(sample, symbols);
        double largest = 0;
        for (int a = 0; a < symbols; a++) {
            for (int b = 0; b < symbols; b++) {
                if (!Double.isNaN(sampled[a][b])) {
                    largest = Math.max(largest, Math.abs(exact[a][b] - sampled[a][b]));
                }
            }
        }
        return largest;
    }

    /** The network's symbol frequencies: for each symbol, the mean over sequences of its per-sequence frequency. */
    public double[] rnnFrequencies() {
        MeanSd[] summary = EmpiricalStatistics.symbolFrequencySummary(rnn, hmm.hmm().symbols());
        double[] means = new double[summary.length];
        for (int a = 0; a < means.length; a++) {
            means[a] = summary[a].mean();
        }
        return means;
    }
}
