package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalStatisticsTest {

    /** Two sequences whose statistics are counted by hand below. */
    private static final int[][] HAND = {
        {0, 0, 1, 1, 1, 0, 2},  // runs: 00 (censored), 111 (complete), 0 (complete), 2 (censored)
        {2, 2, 2},              // one censored run, no change
    };

    @Test
    void handCountedExample() {
        assertArrayEquals(new int[] {3, 0}, EmpiricalStatistics.changeCounts(HAND));
        assertEquals(3.0 / 8.0, EmpiricalStatistics.changeFrequency(HAND), 1e-15);  // 3 changes in 6 + 2 pairs
        MeanSd vol = EmpiricalStatistics.volatility(HAND);
        assertEquals(1.5, vol.mean(), 1e-15);
        assertEquals(Math.sqrt(4.5), vol.sd(), 1e-15);

        long[][] runs = EmpiricalStatistics.completeRunHistogram(HAND, 3);
        assertEquals(6, runs[0].length);  // lengths up to T_max - 2 = 5, column 0 unused
        assertArrayEquals(new long[] {0, 1, 0, 0, 0, 0}, runs[0]);
        assertArrayEquals(new long[] {0, 0, 0, 1, 0, 0}, runs[1]);
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0}, runs[2]);

        long[] unigrams = EmpiricalStatistics.ngramCounts(HAND, 3, 1);
        assertArrayEquals(new long[] {3, 3, 4}, unigrams);
        long[] bigrams = EmpiricalStatistics.ngramCounts(HAND, 3, 2);
        assertEquals(1, bigrams[0]);      // 00
        assertEquals(1, bigrams[1]);      // 01
        assertEquals(2, bigrams[4]);      // 11
        assertEquals(1, bigrams[3]);      // 10
        assertEquals(1, bigrams[2]);      // 02
        assertEquals(2, bigrams[8]);      // 22
        assertEquals(8, java.util.Arrays.stream(bigrams).sum());
        long[][] c = EmpiricalStatistics.transitionCounts(HAND, 3);
        assertEquals(2, c[2][2]);
        double[][] p = EmpiricalStatistics.outputTransitionMatrix(HAND, 3);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, p[0], 1e-15);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0.0}, p[1], 1e-15);
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, p[2], 1e-15);

        double[][] f = EmpiricalStatistics.symbolFrequencies(HAND, 3);
        assertArrayEquals(new double[] {3.0 / 7, 3.0 / 7, 1.0 / 7}, f[0], 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, f[1], 1e-15);
        MeanSd[] summary = EmpiricalStatistics.symbolFrequencySummary(HAND, 3);
        assertEquals((1.0 / 7 + 1.0) / 2, summary[2].mean(), 1e-15);
    }

    @Test
    void agreesWithNaiveCountingOnRandomSequences() {
        SplittableRandom r = new SplittableRandom(12);
        int k = 3;
        int[][] x = new int[40][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new int[r.nextInt(12)];  // ragged, including empty and very short sequences
            for (int t = 0; t < x[i].length; t++) {
                x[i][t] = r.nextInt(10) < 6 ? (t > 0 ? x[i][t - 1] : 0) : r.nextInt(k);
            }
        }
        for (int n = 1; n <= 3; n++) {
            long[] counts = EmpiricalStatistics.ngramCounts(x, k, n);
            long[] naive = new long[counts.length];
            for (int[] s : x) {
                for (int t = 0; t + n <= s.length; t++) {
                    naive[Ngrams.index(java.util.Arrays.copyOfRange(s, t, t + n), k)]++;
                }
            }
            assertArrayEquals(naive, counts, "n = " + n);
        }
        long[][] runs = EmpiricalStatistics.completeRunHistogram(x, k);
        long[][] naive = new long[k][runs[0].length];
        for (int[] s : x) {
            // every (start, end) block of one symbol whose outside neighbours exist and differ
            for (int start = 1; start < s.length; start++) {
                for (int end = start; end < s.length - 1; end++) {
                    boolean uniform = true;
                    for (int t = start; t <= end; t++) {
                        uniform &= s[t] == s[start];
                    }
                    if (uniform && s[start - 1] != s[start] && s[end + 1] != s[start]) {
                        naive[s[start]][end - start + 1]++;
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            assertArrayEquals(naive[a], runs[a], "symbol " + a);
        }
    }

    @Test
    void rejectsBadInput() {
        CategoricalHmmTest.assertMessage(() -> EmpiricalStatistics.ngramCounts(new int[][] {{0, 3}}, 3, 2),
                "sequences[0][1] = 3 is not a symbol (allowed 0..2)");
        CategoricalHmmTest.assertMessage(() -> EmpiricalStatistics.ngramFrequencies(new int[][] {{0, 1}}, 3, 3),
                "no sequence has 3 or more symbols");
        CategoricalHmmTest.assertMessage(() -> EmpiricalStatistics.symbolFrequencies(new int[][] {{}}, 3),
                "sequences[0] is empty");
        CategoricalHmmTest.assertMessage(() -> EmpiricalStatistics.changeFrequency(new int[][] {{1}}),
                "no adjacent pair");
        CategoricalHmmTest.assertMessage(() -> EmpiricalStatistics.completeRunHistogram(new int[][] {{0}}, 0),
                "symbols (K) must be >= 1");
        double[][] p = EmpiricalStatistics.outputTransitionMatrix(new int[][] {{0, 0, 1}}, 3);
        assertTrue(Double.isNaN(p[2][0]) && Double.isNaN(p[1][1]));
    }
}
