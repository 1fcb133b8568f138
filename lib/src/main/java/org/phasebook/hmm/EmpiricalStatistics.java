package org.phasebook.hmm;

import java.util.Objects;

/**
 * The sample counterparts of {@link ExactStatistics}, computed from output sequences
 * {@code int[count][length]} with symbols {@code 0..K-1} (an HMM's samples, or an RNN's argmax
 * outputs), with the same definitions, plus the per-sequence metrics of brief
 * {@code hmm-rnn.md} §6.
 * <ul>
 *   <li>n-grams are the windows of {@code n} consecutive symbols inside each sequence (a
 *       sequence of length {@code T} has {@code T - n + 1}), pooled over sequences;</li>
 *   <li>volatility is the number of output changes {@code o_{t+1} != o_t} per sequence;</li>
 *   <li>symbol frequencies are computed per sequence, then summarised over sequences;</li>
 *   <li>the output transition matrix is estimated from transition counts pooled over
 *       sequences and steps;</li>
 *   <li>runs are maximal blocks of one symbol; a run is complete when both its neighbours are
 *       inside the sequence; runs touching either end are censored and not counted.</li>
 * </ul>
 * Sequences may have different lengths. Every method checks that the symbols are in range.
 */
public final class EmpiricalStatistics {

    private EmpiricalStatistics() {
    }

    /**
     * The number of occurrences of every n-gram (index as in {@link Ngrams}), over all windows
     * inside the sequences.
     */
    public static long[] ngramCounts(int[][] sequences, int symbols, int n) {
        checkSequences(sequences, symbols);
        long[] counts = new long[Ngrams.words(n, symbols)];
        int modulus = counts.length / symbols;  // K^(n-1): drops the oldest symbol of a window
        for (int[] s : sequences) {
            int index = 0;
            for (int t = 0; t < s.length; t++) {
                index = (index % modulus) * symbols + s[t];
                if (t >= n - 1) {
                    counts[index]++;
                }
            }
        }
        return counts;
    }

    /**
     * The relative frequencies of the n-grams: {@link #ngramCounts} divided by the number of
     * windows.
     *
     * @throws IllegalArgumentException if no sequence is at least {@code n} long
     */
    public static double[] ngramFrequencies(int[][] sequences, int symbols, int n) {
        return normalise(ngramCounts(sequences, symbols, n), "no sequence has " + n + " or more symbols");
    }

    /** The number of output changes {@code o_{t+1} != o_t} in each sequence. */
    public static int[] changeCounts(int[][] sequences) {
        Objects.requireNonNull(sequences, "sequences");
        int[] changes = new int[sequences.length];
        for (int n = 0; n < sequences.length; n++) {
            int[] s = Objects.requireNonNull(sequences[n], "sequences[" + n + "]");
            int c = 0;
            for (int t = 1; t < s.length; t++) {
                if (s[t] != s[t - 1]) {
                    c++;
                }
            }
            changes[n] = c;
        }
        return changes;
    }

    /** Volatility (§6 metric 2): mean ± sd over sequences of the number of output changes. */
    public static MeanSd volatility(int[][] sequences) {
        return MeanSd.of(changeCounts(sequences));
    }

    /**
     * The pooled fraction of steps at which the output changes: total changes over total
     * adjacent pairs; the estimate of {@link ExactStatistics#changeProbability()}.
     */
    public static double changeFrequency(int[][] sequences) {
        int[] changes = changeCounts(sequences);
        long total = 0;
        long pairs = 0;
        for (int n = 0; n < sequences.length; n++) {
            total += changes[n];
            pairs += Math.max(sequences[n].length - 1, 0);
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("sequences hold no adjacent pair of symbols");
        }
        return (double) total / pairs;
    }

    /**
     * The symbol frequencies of each sequence: {@code f[n][a]} is the fraction of the symbols
     * of sequence {@code n} that equal {@code a}.
     *
     * @throws IllegalArgumentException if a sequence is empty
     */
    public static double[][] symbolFrequencies(int[][] sequences, int symbols) {
        checkSequences(sequences, symbols);
        double[][] f = new double[sequences.length][symbols];
        for (int n = 0; n < sequences.length; n++) {
            int[] s = sequences[n];
            if (s.length == 0) {
                throw new IllegalArgumentException("sequences[" + n + "] is empty (needs >= 1 symbol)");
            }
            for (int o : s) {
                f[n][o]++;
            }
            for (int o = 0; o < symbols; o++) {
                f[n][o] /= s.length;
            }
        }
        return f;
    }

    /**
     * Frequencies (§6 metric 3): for each symbol, mean ± sd over sequences of its per-sequence
     * frequency.
     */
    public static MeanSd[] symbolFrequencySummary(int[][] sequences, int symbols) {
        double[][] f = symbolFrequencies(sequences, symbols);
        MeanSd[] out = new MeanSd[symbols];
        double[] column = new double[f.length];
        for (int o = 0; o < symbols; o++) {
            for (int n = 0; n < f.length; n++) {
                column[n] = f[n][o];
            }
            out[o] = MeanSd.of(column);
        }
        return out;
    }

    /** {@code c[a][b]}: how often {@code b} follows {@code a}, pooled over sequences and steps. */
    public static long[][] transitionCounts(int[][] sequences, int symbols) {
        long[] pairs = ngramCounts(sequences, symbols, 2);
        long[][] c = new long[symbols][symbols];
        for (int x = 0; x < symbols; x++) {
            for (int y = 0; y < symbols; y++) {
                c[x][y] = pairs[x * symbols + y];
            }
        }
        return c;
    }

    /**
     * The pooled output transition matrix (§6 metric 4), {@code P[a][b] = c[a][b] / sum_b c[a][b]};
     * a row whose symbol is never followed by another symbol is NaN.
     */
    public static double[][] outputTransitionMatrix(int[][] sequences, int symbols) {
        long[][] c = transitionCounts(sequences, symbols);
        double[][] p = new double[symbols][symbols];
        for (int x = 0; x < symbols; x++) {
            long row = 0;
            for (int y = 0; y < symbols; y++) {
                row += c[x][y];
            }
            for (int y = 0; y < symbols; y++) {
                p[x][y] = row > 0 ? (double) c[x][y] / row : Double.NaN;
            }
        }
        return p;
    }

    /**
     * The histogram of complete runs: {@code h[a][k]} is the number of complete runs of symbol
     * {@code a} of length exactly {@code k}, summed over sequences; column 0 is 0. The array has
     * {@code max(T_max - 1, 1)} columns, {@code T_max} the longest sequence, since a complete run
     * is at most {@code T - 2} long.
     */
    public static long[][] completeRunHistogram(int[][] sequences, int symbols) {
        checkSequences(sequences, symbols);
        int longest = 0;
        for (int[] s : sequences) {
            longest = Math.max(longest, s.length);
        }
        long[][] h = new long[symbols][Math.max(longest - 1, 1)];
        for (int[] s : sequences) {
            // a run starting at t > 0 and ending at e < T - 1 is complete
            int start = 0;
            for (int t = 1; t < s.length; t++) {
                if (s[t] != s[t - 1]) {
                    if (start > 0) {
                        h[s[t - 1]][t - start]++;
                    }
                    start = t;
                }
            }
        }
        return h;
    }

    private static double[] normalise(long[] counts, String emptyMessage) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException(emptyMessage);
        }
        double[] f = new double[counts.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (double) counts[i] / total;
        }
        return f;
    }

    static void checkSequences(int[][] sequences, int symbols) {
        Objects.requireNonNull(sequences, "sequences");
        if (symbols < 1) {
            throw new IllegalArgumentException("symbols (K) must be >= 1, got " + symbols);
        }
        for (int n = 0; n < sequences.length; n++) {
            int[] s = sequences[n];
            if (s == null) {
                throw new IllegalArgumentException("sequences[" + n + "] is null");
            }
            for (int t = 0; t < s.length; t++) {
                if (s[t] < 0 || s[t] >= symbols) {
                    throw new IllegalArgumentException("sequences[" + n + "][" + t + "] = " + s[t]
                            + " is not a symbol (allowed 0.." + (symbols - 1) + ")");
                }
            }
        }
    }
}
