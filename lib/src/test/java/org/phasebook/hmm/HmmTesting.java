package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/** Shared oracles and statistical assertions for the hmm tests. */
final class HmmTesting {

    /** The half-width of every statistical band, in standard errors. */
    static final double Z = 5.0;

    private HmmTesting() {
    }

    /** The six paper HMMs. */
    static CategoricalHmm[] paperHmms() {
        BenchmarkHmm[] all = BenchmarkHmm.values();
        CategoricalHmm[] out = new CategoricalHmm[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].hmm();
        }
        return out;
    }

    /** {@code |observed - expected| <= Z * se}, with a message showing the z-score. */
    static void assertWithinBand(String what, double expected, double observed, double se) {
        double z = (observed - expected) / se;
        assertTrue(Math.abs(observed - expected) <= Z * se + 1e-15,
                what + ": observed " + observed + ", exact " + expected + ", se " + se + ", z = " + z);
    }

    /** The z-score of {@code observed} against {@code expected}. */
    static double zScore(double expected, double observed, double se) {
        return (observed - expected) / se;
    }

    /**
     * A random HMM with {@code m} states and {@code k} symbols whose rows have some exact zeros
     * (about one entry in five), a non-uniform start, and an irreducible chain (the diagonal
     * and the cycle {@code i -> i+1} stay positive).
     */
    static CategoricalHmm randomHmm(int m, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] start = randomRow(r, m, -1);
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = randomRow(r, m, i);
            if (m > 1 && a[i][(i + 1) % m] == 0.0) {
                a[i][(i + 1) % m] = 0.3;
                normalise(a[i]);
            }
        }
        double[][] b = new double[m][];
        for (int i = 0; i < m; i++) {
            b[i] = randomRow(r, k, -1);
        }
        return new CategoricalHmm("random " + m + "x" + k + " #" + seed, start, a, b);
    }

    private static double[] randomRow(SplittableRandom r, int n, int keepPositive) {
        double[] row = new double[n];
        for (int j = 0; j < n; j++) {
            row[j] = (j != keepPositive && r.nextDouble() < 0.2) ? 0.0 : 0.05 + r.nextDouble();
        }
        boolean any = false;
        for (double v : row) {
            any |= v > 0.0;
        }
        if (!any) {
            row[r.nextInt(n)] = 1.0;
        }
        normalise(row);
        return row;
    }

    private static void normalise(double[] row) {
        double s = 0.0;
        for (double v : row) {
            s += v;
        }
        for (int j = 0; j < row.length; j++) {
            row[j] /= s;
        }
    }

    /**
     * {@code P(o_1..o_T)} by summing {@code P(o, s)} over all {@code M^T} hidden paths, starting
     * from {@code start}: the definition, with no recursion to get wrong.
     */
    static double bruteForceProbability(CategoricalHmm hmm, double[] start, int[] o) {
        int m = hmm.states();
        int t = o.length;
        int[] path = new int[t];
        double total = 0.0;
        long paths = Math.round(Math.pow(m, t));
        for (long p = 0; p < paths; p++) {
            long code = p;
            for (int i = 0; i < t; i++) {
                path[i] = (int) (code % m);
                code /= m;
            }
            double prob = start[path[0]] * hmm.emission(path[0], o[0]);
            for (int i = 1; i < t && prob > 0.0; i++) {
                prob *= hmm.transition(path[i - 1], path[i]) * hmm.emission(path[i], o[i]);
            }
            total += prob;
        }
        return total;
    }

    /** Every word of length {@code n} over {@code k} symbols, in {@link Ngrams} order. */
    static int[][] allWords(int n, int k) {
        int count = Ngrams.words(n, k);
        int[][] words = new int[count][];
        for (int w = 0; w < count; w++) {
            words[w] = Ngrams.word(w, n, k);
        }
        return words;
    }
}
