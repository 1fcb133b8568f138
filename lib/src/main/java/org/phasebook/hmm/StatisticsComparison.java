package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;
import org.phasebook.random.SeedSequence;

/**
 * Scores output sequences (an RNN's, or an independent HMM sample's) against the exact
 * statistics of one {@link CategoricalHmm}, brief {@code hmm-rnn.md} §7, "Trained RNN vs exact,
 * relative to a floor". The distances, each computed the same way for any sample:
 * <ul>
 *   <li><b>n-gram KL</b>, {@code n = 1, 2, 3}: {@code KL(P || Q) = sum_w P(w) log(P(w)/Q(w))}
 *       with {@code P} the exact n-gram probabilities and {@code Q} the sample's add-epsilon
 *       smoothed frequencies {@code Q(w) = (c_w + epsilon) / (N + epsilon K^n)} ({@code N}
 *       windows). The exact distribution comes first so that words the model never emits
 *       cost nothing and words the sample misses cost a finite amount.</li>
 *   <li><b>transition TV</b>: {@code sum_a P(a) TV_a}, where {@code TV_a} is half the L1
 *       distance between row {@code a} of the exact and of the pooled sample output transition
 *       matrix, weighted by the exact marginal so that a rare symbol's noisy row counts as
 *       little as it occurs; a row the sample never leaves counts as {@code TV_a = 1}.</li>
 *   <li><b>run-length distance</b>: for each symbol {@code a}, the 1-Wasserstein distance
 *       {@code sum_k |F_sample(k) - F_expected(k)|} between the length distribution of the
 *       sample's complete runs and the expected one, {@code E h_a(k) = sum_n (T_n - k - 1)^+
 *       w_a(k)} (see {@link ExactStatistics}); censoring at the ends of finite sequences favours
 *       short runs, and comparing with the expected censored histogram rather than with the
 *       dwell distribution {@code p_a(k)} removes that bias. The score is the marginal-weighted
 *       sum over symbols; a symbol without any complete run in the sample is left out and the
 *       weights of the others renormalised (NaN if none has one).</li>
 * </ul>
 * plus the cross-entropy {@code -(1/T) log p_HMM(o)} per symbol, to set beside the entropy rate.
 *
 * <p>Every distance has a positive expectation even for samples of the HMM itself; the
 * <b>noise floor</b> is the score of an independent HMM sample with the same number and length
 * of sequences ({@link #noiseFloor(int, int, SplittableRandom)}), and the pass criterion is a
 * distance at most 2–3 times the floor ({@link ComparisonScore#withinFactorOf}); compare with
 * the mean of several floors ({@link #meanNoiseFloor}), since one floor is a noisy yardstick.
 * An instance is immutable.
 */
public final class StatisticsComparison {

    /** The smoothing pseudo-count used by {@link #StatisticsComparison(CategoricalHmm)} [choice]. */
    public static final double DEFAULT_EPSILON = 0.5;

    private static final int MAX_N = 3;

    private final CategoricalHmm hmm;
    private final double epsilon;
    private final ExactStatistics exact;
    private final ForwardAlgorithm forward;
    private final double[][] exactNgrams;
    private final double[] marginal;
    private final double[][] transitions;

    /**
     * A scorer for {@code hmm} with smoothing {@code epsilon}.
     *
     * @param epsilon the pseudo-count added to every n-gram count, finite and {@code > 0}
     */
    public StatisticsComparison(CategoricalHmm hmm, double epsilon) {
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epsilon (n-gram smoothing) must be finite and > 0, got " + epsilon);
        }
        this.epsilon = epsilon;
        this.exact = new ExactStatistics(hmm);
        this.forward = new ForwardAlgorithm(hmm);
        this.exactNgrams = new double[MAX_N + 1][];
        for (int n = 1; n <= MAX_N; n++) {
            exactNgrams[n] = exact.ngramProbabilities(n);
        }
        this.marginal = exactNgrams[1];
        this.transitions = exact.outputTransitionMatrix();
    }

    /** A scorer for {@code hmm} with smoothing {@link #DEFAULT_EPSILON}. */
    public StatisticsComparison(CategoricalHmm hmm) {
        this(hmm, DEFAULT_EPSILON);
    }

    /** The model scored against. */
    public CategoricalHmm hmm() {
        return hmm;
    }

    /** The smoothing pseudo-count. */
    public double epsilon() {
        return epsilon;
    }

    /** The exact statistics used. */
    public ExactStatistics exact() {
        return exact;
    }

    /**
     * The scores of {@code sequences}.
     *
     * @param sequences at least one sequence of length {@code >= 3}; symbols in {@code 0..K-1}
     */
    public ComparisonScore score(int[][] sequences) {
        int k = hmm.symbols();
        EmpiricalStatistics.checkSequences(sequences, k);
        long symbols = 0;
        int longest = 0;
        for (int[] s : sequences) {
            symbols += s.length;
            longest = Math.max(longest, s.length);
        }
        if (longest < MAX_N) {
            throw new IllegalArgumentException("sequences must include one of length >= " + MAX_N
                    + " (for trigrams), longest is " + longest);
        }
        double[] kl = new double[MAX_N + 1];
        for (int n = 1; n <= MAX_N; n++) {
            kl[n] = ngramKl(exactNgrams[n], EmpiricalStatistics.ngramCounts(sequences, k, n), epsilon);
        }
        return new ComparisonScore(sequences.length, symbols, kl[1], kl[2], kl[3],
                transitionTv(EmpiricalStatistics.outputTransitionMatrix(sequences, k)),
                runLengthDistance(sequences), forward.meanNegativeLogLikelihood(sequences));
    }

    /**
     * The HMM–HMM noise floor: the score of {@code count} fresh sequences of {@code length}
     * symbols drawn from the model itself with {@code random}.
     */
    public ComparisonScore noiseFloor(int count, int length, SplittableRandom random) {
        return score(new HmmSampler(hmm).sample(count, length, random));
    }

    /** As {@link #noiseFloor(int, int, SplittableRandom)} with {@code new SplittableRandom(seed)}. */
    public ComparisonScore noiseFloor(int count, int length, long seed) {
        return noiseFloor(count, length, new SplittableRandom(seed));
    }

    /**
     * The mean of {@code repeats} independent noise floors, floor {@code r} drawn with
     * {@code seeds.generator(r)}; the counts in the result are those of one floor. Average
     * several: a distance with few degrees of freedom (the unigram KL over 3 symbols is about a
     * chi-square with 2) is roughly exponentially distributed, so a single floor can lie tens of
     * times below its mean and make any sample look bad next to it.
     *
     * @param repeats number of floors, {@code >= 1}
     */
    public ComparisonScore meanNoiseFloor(int count, int length, int repeats, SeedSequence seeds) {
        Objects.requireNonNull(seeds, "seeds");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        double[] sum = new double[6];
        ComparisonScore one = null;
        for (int r = 0; r < repeats; r++) {
            one = noiseFloor(count, length, seeds.generator(r));
            double[] d = one.distances();
            for (int i = 0; i < d.length; i++) {
                sum[i] += d[i] / repeats;
            }
            sum[5] += one.crossEntropy() / repeats;
        }
        return new ComparisonScore(one.sequences(), one.symbols(), sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
    }

    /**
     * {@code KL(P || Q)} with {@code Q} the add-epsilon smoothed frequencies of {@code counts}.
     *
     * @param exact   probabilities {@code P}, summing to 1
     * @param counts  sample counts of the same words
     * @param epsilon pseudo-count, {@code > 0}
     * @return nats, {@code >= 0}
     */
    public static double ngramKl(double[] exact, long[] counts, double epsilon) {
        if (exact.length != counts.length) {
            throw new IllegalArgumentException("exact and counts must have the same length, got "
                    + exact.length + " and " + counts.length);
        }
        if (!(epsilon > 0.0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double denominator = total + epsilon * counts.length;
        double kl = 0.0;
        for (int w = 0; w < exact.length; w++) {
            if (exact[w] > 0.0) {
                double q = (counts[w] + epsilon) / denominator;
                kl += exact[w] * Math.log(exact[w] / q);
            }
        }
        return Math.max(kl, 0.0);
    }

    /** The marginal-weighted total variation between the exact and {@code sample} transition matrices. */
    public double transitionTv(double[][] sample) {
        int k = hmm.symbols();
        if (sample.length != k) {
            throw new IllegalArgumentException("sample transition matrix must be " + k + " x " + k
                    + ", got " + sample.length + " rows");
        }
        double score = 0.0;
        for (int x = 0; x < k; x++) {
            if (!(marginal[x] > 0.0)) {
                continue;
            }
            double tv;
            if (Double.isNaN(sample[x][0])) {
                tv = 1.0;
            } else {
                double l1 = 0.0;
                for (int y = 0; y < k; y++) {
                    l1 += Math.abs(transitions[x][y] - sample[x][y]);
                }
                tv = 0.5 * l1;
            }
            score += marginal[x] * tv;
        }
        return score;
    }

    /** The weighted 1-Wasserstein distance of complete-run lengths, as the class comment defines it. */
    public double runLengthDistance(int[][] sequences) {
        int k = hmm.symbols();
        long[][] observed = EmpiricalStatistics.completeRunHistogram(sequences, k);
        int columns = observed[0].length;
        double[][] expected = new double[k][columns];
        if (columns > 1) {
            int[] lengths = new int[columns + 2];  // how many sequences have each length (capped)
            for (int[] s : sequences) {
                lengths[Math.min(s.length, columns + 1)]++;
            }
            for (int a = 0; a < k; a++) {
                double[] w = exact.runWeights(a, columns - 1);
                for (int len = 1; len < columns; len++) {
                    double positions = 0.0;
                    for (int t = len + 2; t <= columns + 1; t++) {
                        positions += (double) lengths[t] * (t - len - 1);
                    }
                    expected[a][len] = positions * w[len];
                }
            }
        }
        double score = 0.0;
        double weight = 0.0;
        for (int a = 0; a < k; a++) {
            long seen = 0;
            for (long c : observed[a]) {
                seen += c;
            }
            double wanted = 0.0;
            for (double e : expected[a]) {
                wanted += e;
            }
            if (seen == 0 || !(wanted > 0.0) || !(marginal[a] > 0.0)) {
                continue;
            }
            double cdfObserved = 0.0;
            double cdfExpected = 0.0;
            double w1 = 0.0;
            for (int len = 1; len < columns; len++) {
                cdfObserved += observed[a][len] / (double) seen;
                cdfExpected += expected[a][len] / wanted;
                w1 += Math.abs(cdfObserved - cdfExpected);
            }
            score += marginal[a] * w1;
            weight += marginal[a];
        }
        return weight > 0.0 ? score / weight : Double.NaN;
    }
}
