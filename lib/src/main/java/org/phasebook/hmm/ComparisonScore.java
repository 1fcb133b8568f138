package org.phasebook.hmm;

/**
 * How far a set of output sequences is from an HMM's exact statistics, as
 * {@link StatisticsComparison} scores it (brief {@code hmm-rnn.md} §7, "Trained RNN vs exact,
 * relative to a floor"). All five distances are 0 for a perfect, infinitely large sample and
 * grow with both model error and sampling noise, which is why a score is read against the
 * floor of an independent HMM sample of the same size.
 *
 * @param sequences         number of sequences scored
 * @param symbols           number of symbols scored (all sequences together)
 * @param unigramKl         {@code KL(P_exact || Q_eps)} over single symbols, nats
 * @param bigramKl          the same over 2-grams
 * @param trigramKl         the same over 3-grams
 * @param transitionTv      marginal-weighted total variation between the exact and the
 *                          pooled sample output transition matrices
 * @param runLengthDistance weighted 1-Wasserstein distance (in steps) between the sample's and
 *                          the expected length distributions of complete runs
 * @param crossEntropy      mean per-symbol {@code -log p_HMM(o)} of the sequences, nats; not a
 *                          distance (the entropy rate for HMM samples, larger for others)
 */
public record ComparisonScore(int sequences, long symbols, double unigramKl, double bigramKl,
                              double trigramKl, double transitionTv, double runLengthDistance,
                              double crossEntropy) {

    /** The names of the five distances, in the order of {@link #distances()}. */
    public static final String[] DISTANCE_NAMES = {
        "unigram KL", "bigram KL", "trigram KL", "transition TV", "run-length W1"
    };

    /** Checks that the counts are non-negative. */
    public ComparisonScore {
        if (sequences < 0) {
            throw new IllegalArgumentException("sequences must be >= 0, got " + sequences);
        }
        if (symbols < 0) {
            throw new IllegalArgumentException("symbols must be >= 0, got " + symbols);
        }
    }

    /** The n-gram KL for {@code n = 1, 2, 3}. */
    public double ngramKl(int n) {
        return switch (n) {
            case 1 -> unigramKl;
            case 2 -> bigramKl;
            case 3 -> trigramKl;
            default -> throw new IllegalArgumentException("n must be 1, 2 or 3, got " + n);
        };
    }

    /** The five distances in the order of {@link #DISTANCE_NAMES} (a fresh array). */
    public double[] distances() {
        return new double[] {unigramKl, bigramKl, trigramKl, transitionTv, runLengthDistance};
    }

    /**
     * Each distance of this score divided by the same distance of {@code floor}, in the order
     * of {@link #DISTANCE_NAMES}.
     */
    public double[] ratiosTo(ComparisonScore floor) {
        double[] mine = distances();
        double[] theirs = floor.distances();
        for (int i = 0; i < mine.length; i++) {
            mine[i] /= theirs[i];
        }
        return mine;
    }

    /**
     * The pass criterion of brief §7: every distance at most {@code factor} times the floor's
     * (the brief suggests a factor of 2–3 at the default scale). NaN distances fail.
     */
    public boolean withinFactorOf(ComparisonScore floor, double factor) {
        if (!(factor > 0.0)) {
            throw new IllegalArgumentException("factor must be > 0, got " + factor);
        }
        double[] mine = distances();
        double[] theirs = floor.distances();
        for (int i = 0; i < mine.length; i++) {
            if (!(mine[i] <= factor * theirs[i])) {
                return false;
            }
        }
        return true;
    }
}
