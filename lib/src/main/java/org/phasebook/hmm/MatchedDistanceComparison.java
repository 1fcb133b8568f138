package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

import org.phasebook.random.SeedSequence;

/**
 * The paper's F2 comparison of one network with its HMM by the Sinkhorn-matched Euclidean
 * distance (brief {@code hmm-rnn.md} §6, metric 1): the RNN's sequences matched to one HMM set,
 * beside the HMM–HMM baseline of three independent HMM sets, pairs (1,2), (1,3) and (2,3), all
 * with the same solver, set size and length. The lowest and highest baseline means span the
 * <b>band</b> a perfect generator would fall into.
 *
 * <p>Built by {@link #compare}; arrays are not copied.
 *
 * @param hmm       the HMM emulated
 * @param rnn       the matching of the network's sequences (second set) to HMM set 1 (first set)
 * @param baselines the matchings of HMM set 2 to 1, 3 to 1 and 3 to 2
 * @param hmmSets   the three HMM sets, {@code N x T} each
 * @param rnnSet    the network's {@code N} sequences used
 */
public record MatchedDistanceComparison(BenchmarkHmm hmm, MatchedDistances rnn, MatchedDistances[] baselines,
                                        int[][][] hmmSets, int[][] rnnSet) {

    /** The number of HMM sets (and of baseline pairs). */
    public static final int HMM_SETS = 3;

    /** Checks for nulls and three baselines. */
    public MatchedDistanceComparison {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(rnn, "rnn");
        Objects.requireNonNull(baselines, "baselines");
        Objects.requireNonNull(hmmSets, "hmmSets");
        Objects.requireNonNull(rnnSet, "rnnSet");
        if (baselines.length != HMM_SETS || hmmSets.length != HMM_SETS) {
            throw new IllegalArgumentException("baselines and hmmSets must hold " + HMM_SETS + " entries, got "
                    + baselines.length + " and " + hmmSets.length);
        }
    }

    /**
     * Samples three HMM sets of {@code count} sequences of the network's length (set {@code k}
     * from {@code hmmSeeds.generator(k)}) and matches the first {@code count} sequences of
     * {@code rnn} to set 1 and the sets to one another.
     *
     * @param hmm      the HMM emulated
     * @param rnn      the network's sequences, at least {@code count}, all of one length
     * @param count    the set size {@code N}, {@code >= 1}
     * @param hmmSeeds seeds of the three HMM sets
     * @param solver   the matching solver ({@link SinkhornMatching#paper()} for the paper's)
     * @param progress run after each of the four solves
     */
    public static MatchedDistanceComparison compare(BenchmarkHmm hmm, int[][] rnn, int count, SeedSequence hmmSeeds,
                                                    SinkhornMatching solver, Runnable progress) {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(rnn, "rnn");
        Objects.requireNonNull(hmmSeeds, "hmmSeeds");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(progress, "progress");
        if (count < 1 || count > rnn.length) {
            throw new IllegalArgumentException("count must be in 1.." + rnn.length + " (the RNN sequences given), got " + count);
        }
        int[][] rnnSet = Arrays.copyOf(rnn, count);
        int length = Objects.requireNonNull(rnnSet[0], "rnn[0]").length;
        int symbols = hmm.hmm().symbols();
        HmmSampler sampler = new HmmSampler(hmm.hmm());
        int[][][] sets = new int[HMM_SETS][][];
        for (int k = 0; k < HMM_SETS; k++) {
            sets[k] = sampler.sample(count, length, hmmSeeds.generator(k));
        }
        MatchedDistances rnnMatch = solver.match(sets[0], rnnSet, symbols);
        progress.run();
        MatchedDistances[] baselines = new MatchedDistances[HMM_SETS];
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int p = 0; p < HMM_SETS; p++) {
            baselines[p] = solver.match(sets[pairs[p][0]], sets[pairs[p][1]], symbols);
            progress.run();
        }
        return new MatchedDistanceComparison(hmm, rnnMatch, baselines, sets, rnnSet);
    }

    /** The set size {@code N}. */
    public int count() {
        return rnnSet.length;
    }

    /** The three baseline means, pairs (1,2), (1,3), (2,3). */
    public double[] baselineMeans() {
        return Arrays.stream(baselines).mapToDouble(MatchedDistances::mean).toArray();
    }

    /** The lowest baseline mean. */
    public double bandLow() {
        return Arrays.stream(baselineMeans()).min().orElseThrow();
    }

    /** The highest baseline mean. */
    public double bandHigh() {
        return Arrays.stream(baselineMeans()).max().orElseThrow();
    }

    /** The RNN's mean matched distance divided by the mean of the three baseline means. */
    public double ratioToBaseline() {
        return rnn.mean() / Arrays.stream(baselineMeans()).average().orElseThrow();
    }

    /**
     * Where the RNN's mean matched distance {@code d} lies against the HMM–HMM band
     * {@code [low, high]}, by the labels notebook 03 fixed before its default run.
     */
    public enum BandPosition {
        /** {@code low <= d <= high}. */
        WITHIN("within"),
        /** Outside the band but within 10 % of its edges: {@code 0.9 low <= d <= 1.1 high}. */
        NEAR("near"),
        /** {@code d > 1.1 high}. */
        ABOVE("outside (above)"),
        /** {@code d < 0.9 low}. */
        BELOW("outside (below)");

        private final String label;

        BandPosition(String label) {
            this.label = label;
        }

        /** The label of the notebook's tables. */
        public String label() {
            return label;
        }
    }

    /** Where the RNN's mean lies against the band; see {@link BandPosition}. */
    public BandPosition bandPosition() {
        double d = rnn.mean();
        double low = bandLow();
        double high = bandHigh();
        if (d >= low && d <= high) {
            return BandPosition.WITHIN;
        }
        if (d <= 1.1 * high && d >= 0.9 * low) {
            return BandPosition.NEAR;
        }
        return d > high ? BandPosition.ABOVE : BandPosition.BELOW;
    }

    /** Whether every solve met the stopping rule within the iteration limit. */
    public boolean allConverged() {
        return rnn.converged() && Arrays.stream(baselines).allMatch(MatchedDistances::converged);
    }
}
