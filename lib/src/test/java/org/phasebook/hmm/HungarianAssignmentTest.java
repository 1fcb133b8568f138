package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {

    private static double bestByBruteForce(double[][] cost, int[] perm, int k) {
        int n = perm.length;
        if (k == n) {
            double total = 0;
            for (int j = 0; j < n; j++) total += cost[perm[j]][j];
            return total;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = k; i < n; i++) {
            int t = perm[k]; perm[k] = perm[i]; perm[i] = t;
            best = Math.min(best, bestByBruteForce(cost, perm, k + 1));
            t = perm[k]; perm[k] = perm[i]; perm[i] = t;
        }
        return best;
    }

    @Test
    void matchesBruteForceOnAllPermutations() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 30; trial++) {
                double[][] cost = new double[n][n];
                boolean integers = trial % 2 == 0;      // small integers: many ties, like Hamming costs
                for (double[] row : cost) for (int j = 0; j < n; j++) row[j] = integers ? r.nextInt(4) : r.nextDouble() * 10 - 3;
                int[] rowOf = HungarianAssignment.solve(cost);
                int[] sorted = rowOf.clone();
                Arrays.sort(sorted);
                assertArrayEquals(java.util.stream.IntStream.range(0, n).toArray(), sorted, "a permutation");
                double total = 0;
                for (int j = 0; j < n; j++) total += cost[rowOf[j]][j];
                int[] perm = java.util.stream.IntStream.range(0, n).toArray();
                assertEquals(bestByBruteForce(cost, perm, 0), total, 1e-9, "n = " + n + ", trial " + trial);
            }
        }
    }

    @Test
    void knownAssignments() {
        // the anti-diagonal is the only zero-cost assignment
        double[][] cost = {{5, 5, 0}, {5, 0, 5}, {0, 5, 5}};
        assertArrayEquals(new int[] {2, 1, 0}, HungarianAssignment.solve(cost));
        int[][] x = SinkhornMatchingTest.randomSet(40, 30, 3, 2);
        int[][] y = new int[40][];
        for (int j = 0; j < 40; j++) y[j] = x[(j + 17) % 40];
        MeanSd zero = HungarianAssignment.matchedDistance(x, y, 3);
        assertEquals(0.0, zero.mean(), 0.0);
        // every copy changed at one step: sqrt(2) apart from its original, the optimal assignment can do no better
        int[][] z = new int[40][];
        for (int j = 0; j < 40; j++) {
            z[j] = x[j].clone();
            z[j][j % 30] = (z[j][j % 30] + 2) % 3;
        }
        HammingMatrix h = HammingMatrix.of(x, z, 3, 1);
        int[] rowOf = HungarianAssignment.assign(h);
        double total = Arrays.stream(HungarianAssignment.distances(h, rowOf)).sum();
        assertEquals(40 * Math.sqrt(2), total, 1e-9);
    }

    @Test
    void badInputsAreRejected() {
        CategoricalHmmTest.assertMessage(() -> HungarianAssignment.solve(new double[0][]), "cost must have at least 1 row, got 0");
        CategoricalHmmTest.assertMessage(() -> HungarianAssignment.solve(new double[][] {{1, 2}, {3}}),
                "cost must be square, row 1 has 1 entries, expected n = 2");
        CategoricalHmmTest.assertMessage(() -> HungarianAssignment.solve(new double[][] {{1, Double.NaN}, {3, 4}}),
                "cost[0][1] must be finite, got NaN");
        int[][] three = SinkhornMatchingTest.randomSet(3, 5, 2, 3);
        int[][] two = SinkhornMatchingTest.randomSet(2, 5, 2, 4);
        CategoricalHmmTest.assertMessage(() -> HungarianAssignment.matchedDistance(three, two, 2),
                "an assignment needs sets of equal size, got first 3 and second 2");
    }
}
