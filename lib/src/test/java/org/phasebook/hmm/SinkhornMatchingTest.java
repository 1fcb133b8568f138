package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SinkhornMatchingTest {

    static int[][] randomSet(int n, int length, int symbols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] s = new int[n][length];
        for (int[] row : s) {
            for (int t = 0; t < length; t++) {
                row[t] = r.nextInt(symbols);
            }
        }
        return s;
    }

    static int hamming(int[] x, int[] y) {
        int d = 0;
        for (int t = 0; t < x.length; t++) {
            d += x[t] != y[t] ? 1 : 0;
        }
        return d;
    }

    private static final SinkhornMatching PAPER = new SinkhornMatching(SinkhornMatchingParameters.PAPER, 2);

    @Test
    void hammingMatrixAgreesWithDirectCountInBothOrientations() {
        int[][] x = randomSet(7, 130, 5, 1);        // three 64-bit words per symbol
        int[][] y = randomSet(9, 130, 5, 2);
        HammingMatrix h = HammingMatrix.of(x, y, 5, 3);
        assertEquals(7, h.rows());
        assertEquals(9, h.columns());
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(hamming(x[i], y[j]), h.get(i, j));
                assertEquals(h.get(i, j), h.byColumn()[j * 7 + i] & 0xFF);
                assertEquals(Math.sqrt(2.0 * hamming(x[i], y[j])), h.euclidean(i, j), 0.0);
            }
        }
        // the largest length the bytes hold
        int[][] zeros = new int[1][255];
        int[][] ones = {java.util.stream.IntStream.range(0, 255).map(t -> 1).toArray()};
        assertEquals(255, HammingMatrix.of(zeros, ones, 2, 1).get(0, 0));
    }

    @Test
    void identicalAndPermutedSetsAreAtDistanceZero() {
        int[][] x = randomSet(80, 30, 3, 3);
        MatchedDistances same = PAPER.match(x, x, 3);
        assertTrue(same.converged());
        assertEquals(0.0, same.mean(), 0.0);
        assertEquals(0.0, same.summary().sd(), 0.0);
        int[] perm = new int[80];
        int[][] y = new int[80][];
        SplittableRandom r = new SplittableRandom(4);
        for (int j = 0; j < 80; j++) {
            perm[j] = j;
        }
        for (int j = 79; j > 0; j--) {
            int k = r.nextInt(j + 1);
            int t = perm[j];
            perm[j] = perm[k];
            perm[k] = t;
        }
        for (int j = 0; j < 80; j++) {
            y[j] = x[perm[j]];
        }
        MatchedDistances permuted = PAPER.match(x, y, 3);
        assertEquals(0.0, permuted.mean(), 0.0);
        assertArrayEquals(perm, permuted.matches());
        assertEquals(80, permuted.distinctMatches());
    }

    @Test
    void copiesWithKChangedStepsAreAtSqrtTwoK() {
        int[][] x = randomSet(60, 40, 3, 5);
        int minimum = Integer.MAX_VALUE;
        for (int i = 0; i < 60; i++) {
            for (int j = i + 1; j < 60; j++) {
                minimum = Math.min(minimum, hamming(x[i], x[j]));
            }
        }
        for (int k = 1; k <= 3; k++) {
            assertTrue(minimum >= 2 * k + 1, "the test needs well separated sequences, min Hamming " + minimum);
            int[][] y = new int[60][];
            for (int j = 0; j < 60; j++) {
                y[j] = x[j].clone();
                for (int t = 0; t < k; t++) {
                    y[j][7 * t + j % 5] = (y[j][7 * t + j % 5] + 1) % 3;   // k changed steps, different places
                }
            }
            MatchedDistances m = PAPER.match(x, y, 3);
            assertEquals(Math.sqrt(2.0 * k), m.mean(), 1e-12, "k = " + k);
            assertEquals(0.0, m.summary().sd(), 1e-12);
            for (int j = 0; j < 60; j++) {
                assertEquals(j, m.matches()[j]);
            }
        }
    }

    /** The authors' update written out densely: u <- u + eps (log(a + 1e-8) - lse((-C + u + v) / eps)). */
    static double[][] denseReference(int[][] x, int[][] y, double eps, double tolerance, int maxIterations) {
        int n = x.length, m = y.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = Math.sqrt(2.0 * hamming(x[i], y[j]));
            }
        }
        double[] u = new double[n], v = new double[m];
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            double change = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) max = Math.max(max, (-c[i][j] + u[i] + v[j]) / eps);
                double s = 0;
                for (int j = 0; j < m; j++) s += Math.exp((-c[i][j] + u[i] + v[j]) / eps - max);
                double next = u[i] + eps * (Math.log(1.0 / n + 1e-8) - (max + Math.log(s)));
                change += Math.abs(next - u[i]);
                u[i] = next;
            }
            for (int j = 0; j < m; j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) max = Math.max(max, (-c[i][j] + u[i] + v[j]) / eps);
                double s = 0;
                for (int i = 0; i < n; i++) s += Math.exp((-c[i][j] + u[i] + v[j]) / eps - max);
                double next = v[j] + eps * (Math.log(1.0 / m + 1e-8) - (max + Math.log(s)));
                change += Math.abs(next - v[j]);
                v[j] = next;
            }
            if (change < tolerance) break;
        }
        double[] matches = new double[m];
        for (int j = 0; j < m; j++) {
            int best = 0;
            for (int i = 1; i < n; i++) if (u[i] - c[i][j] > u[best] - c[best][j]) best = i;
            matches[j] = best;
        }
        return new double[][] {u, v, matches, {iterations}};
    }

    @Test
    void tableKernelAgreesWithDenseLogSumExp() {
        // eps = 0.1: the table path; eps = 0.004 and T = 60: the table underflows and rows fall back
        for (double eps : new double[] {0.1, 0.004}) {
            int[][] x = randomSet(37, 60, 2, 6);
            int[][] y = randomSet(41, 60, 2, 7);
            SinkhornMatchingParameters p = new SinkhornMatchingParameters(eps, 1e-6, 200);
            MatchedDistances fast = new SinkhornMatching(p, 2).match(x, y, 2);
            double[][] ref = denseReference(x, y, eps, 1e-6, 200);
            assertEquals((int) ref[3][0], fast.iterations(), "eps = " + eps);
            for (int i = 0; i < 37; i++) assertEquals(ref[0][i], fast.u()[i], 1e-9 * (1 + Math.abs(ref[0][i])));
            for (int j = 0; j < 41; j++) {
                assertEquals(ref[1][j], fast.v()[j], 1e-9 * (1 + Math.abs(ref[1][j])));
                assertEquals((int) ref[2][j], fast.matches()[j]);
            }
        }
    }

    @Test
    void stoppingRuleIsInCostUnitsAsTheAuthorsHaveIt() {
        // the paper's rule compares sum|du| + sum|dv| (cost units, not divided by eps) with 0.1
        int[][] x = randomSet(40, 30, 3, 15);
        int[][] y = randomSet(40, 30, 3, 16);
        double[][] ref = denseReference(x, y, 0.1, 0.1, 1000);
        MatchedDistances m = PAPER.match(x, y, 3);
        assertTrue(m.converged());
        assertTrue(ref[3][0] > 1 && ref[3][0] < 1000, "the reference must stop by the rule, not at an end");
        assertEquals((int) ref[3][0], m.iterations());
    }

    @Test
    void marginalsAreUniformAfterConvergence() {
        int[][] x = randomSet(50, 12, 2, 8);          // short binary sequences: many near ties
        int[][] y = randomSet(50, 12, 2, 9);
        HammingMatrix h = HammingMatrix.of(x, y, 2, 1);
        double target = 1.0 / 50 + SinkhornMatching.WEIGHT_OFFSET;
        // at eps = 0.1 these tie-rich costs converge only sublinearly (change 8e-6 after 50,000 iterations), so the
        // tight solve uses eps = 1, where Sinkhorn contracts fast
        SinkhornMatching tight = new SinkhornMatching(new SinkhornMatchingParameters(1.0, 1e-10, 100_000), 1);
        MatchedDistances t = tight.match(h);
        assertTrue(t.converged(), "iterations " + t.iterations());
        // the same bound as below: |log(row sum / target)| <= tolerance / eps = 1e-10
        for (double s : tight.rowSums(h, t)) assertEquals(target, s, 1.1e-10 * target);
        for (double s : tight.columnSums(h, t)) assertEquals(target, s, 1e-12 * target);
        // at the paper's stopping rule the row sums are off by at most a factor exp(tolerance / eps)
        SinkhornMatching paper = new SinkhornMatching(SinkhornMatchingParameters.PAPER, 1);
        MatchedDistances p = paper.match(h);
        assertTrue(p.converged());
        double bound = SinkhornMatchingParameters.PAPER.tolerance() / SinkhornMatchingParameters.PAPER.epsilon();
        for (double s : paper.rowSums(h, p)) assertTrue(Math.abs(Math.log(s / target)) <= bound, "row sum " + s);
        for (double s : paper.columnSums(h, p)) assertEquals(target, s, 1e-12 * target);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int[][] x = randomSet(301, 50, 3, 10);
        int[][] y = randomSet(299, 50, 3, 11);
        MatchedDistances one = new SinkhornMatching(SinkhornMatchingParameters.PAPER, 1).match(x, y, 3);
        for (int threads : new int[] {2, 3, 7}) {
            MatchedDistances many = new SinkhornMatching(SinkhornMatchingParameters.PAPER, threads).match(x, y, 3);
            assertArrayEquals(one.u(), many.u(), 0.0);
            assertArrayEquals(one.v(), many.v(), 0.0);
            assertArrayEquals(one.matches(), many.matches());
            assertEquals(one.iterations(), many.iterations());
            assertEquals(one.summary(), many.summary());
        }
    }

    @Test
    void argmaxMatchingIsBoundedByTheOptimalAssignment() {
        for (long seed = 0; seed < 4; seed++) {
            int[][] x = randomSet(60, 20, 3, 100 + seed);
            int[][] y = randomSet(60, 20, 3, 200 + seed);
            HammingMatrix h = HammingMatrix.of(x, y, 3, 1);
            MatchedDistances s = PAPER.match(h);
            double assignment = MeanSd.of(HungarianAssignment.distances(h, HungarianAssignment.assign(h))).mean();
            double nearest = 0;
            for (int j = 0; j < 60; j++) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < 60; i++) best = Math.min(best, h.euclidean(i, j));
                nearest += best / 60;
            }
            assertTrue(s.mean() <= assignment + s.potentialSlack() + 1e-12,
                    "argmax " + s.mean() + " > assignment " + assignment + " + slack " + s.potentialSlack());
            assertEquals(nearest, MeanSd.of(h.nearestToColumns()).mean(), 1e-12);
            assertTrue(nearest <= s.mean() + 1e-12);
            assertTrue(nearest <= assignment + 1e-12);
        }
    }

    @Test
    void iterationLimitIsReported() {
        int[][] x = randomSet(20, 10, 3, 12);
        int[][] y = randomSet(20, 10, 3, 13);
        MatchedDistances m = new SinkhornMatching(new SinkhornMatchingParameters(0.1, 0.0, 3), 1).match(x, y, 3);
        assertEquals(3, m.iterations());
        assertFalse(m.converged());
    }

    @Test
    void badInputsAreRejectedWithTheParameterAndRange() {
        int[][] ok = randomSet(3, 5, 3, 14);
        CategoricalHmmTest.assertMessage(() -> PAPER.match(new int[0][], ok, 3), "first must hold at least 1 sequence, got 0");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(ok, new int[0][], 3), "second must hold at least 1 sequence, got 0");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(ok, new int[][] {{0, 1, 2, 0, 1}, {0, 1}}, 3),
                "all sequences must have the same length T = 5, second[1] has 2");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(ok, new int[][] {{0, 1, 3, 0, 1}}, 3),
                "second[0][2] = 3 is outside the symbols 0..2");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(new int[][] {{0, -1, 0, 0, 0}}, ok, 3),
                "first[0][1] = -1 is outside the symbols 0..2");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(new int[][] {new int[256]}, new int[][] {new int[256]}, 3),
                "sequence length T must be in 1..255");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(new int[][] {{}}, ok, 3), "sequence length T must be in 1..255");
        CategoricalHmmTest.assertMessage(() -> PAPER.match(ok, ok, 0), "symbols must be in 1..256, got 0");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatchingParameters(0.0, 0.1, 10), "epsilon must be finite and > 0, got 0.0");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatchingParameters(-0.1, 0.1, 10), "epsilon must be finite and > 0, got -0.1");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatchingParameters(Double.NaN, 0.1, 10), "epsilon must be finite and > 0");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatchingParameters(0.1, -1, 10), "tolerance must be finite and >= 0, got -1.0");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatchingParameters(0.1, 0.1, 0), "maxIterations must be >= 1, got 0");
        CategoricalHmmTest.assertMessage(() -> new SinkhornMatching(SinkhornMatchingParameters.PAPER, 0), "threads must be >= 1, got 0");
    }
}
