package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The exact minimum-cost one-to-one assignment of a square cost matrix (the Hungarian method in
 * its shortest-augmenting-path form with row and column potentials, {@code O(n^3)} time), for the
 * brief's cross-check of the Sinkhorn matching on at most a few hundred sequences (brief
 * {@code hmm-rnn.md} §6, Phasebook recommendations).
 *
 * <p>The Sinkhorn argmax matching ({@link SinkhornMatching}) lets several sequences share one
 * match, so its mean can fall below the optimal assignment's; it can exceed it only by
 * {@link MatchedDistances#potentialSlack()}.
 */
public final class HungarianAssignment {

    private HungarianAssignment() {
    }

    /**
     * The assignment of least total cost.
     *
     * @param cost an {@code n x n} matrix, {@code n >= 1}, finite entries
     * @return {@code rowOf}: column {@code j} is assigned row {@code rowOf[j]} (a permutation)
     */
    public static int[] solve(double[][] cost) {
        Objects.requireNonNull(cost, "cost");
        int n = cost.length;
        if (n == 0) {
            throw new IllegalArgumentException("cost must have at least 1 row, got 0");
        }
        for (int i = 0; i < n; i++) {
            double[] row = Objects.requireNonNull(cost[i], "cost[" + i + "]");
            if (row.length != n) {
                throw new IllegalArgumentException("cost must be square, row " + i + " has " + row.length
                        + " entries, expected n = " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] must be finite, got " + row[j]);
                }
            }
        }
        // Index 0 is a virtual column/row from which each new row's augmenting path starts.
        double[] rowPotential = new double[n + 1];
        double[] columnPotential = new double[n + 1];
        int[] rowOfColumn = new int[n + 1];        // 1-based row, 0 = free
        int[] previous = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] visited = new boolean[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            // Dijkstra-like growth over reduced costs until a free column is reached.
            while (rowOfColumn[column] != 0) {
                visited[column] = true;
                int r = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= n; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double reduced = cost[r - 1][j - 1] - rowPotential[r] - columnPotential[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previous[j] = column;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            }
            // Flip the path back to the start.
            while (column != 0) {
                int before = previous[column];
                rowOfColumn[column] = rowOfColumn[before];
                column = before;
            }
        }
        int[] result = new int[n];
        for (int j = 1; j <= n; j++) {
            result[j - 1] = rowOfColumn[j] - 1;
        }
        return result;
    }

    /**
     * The optimal one-to-one assignment of two equally large sets of sequences under the one-hot
     * Euclidean distance {@code sqrt(2 * Hamming)}.
     *
     * @return column {@code j} (the second set) is assigned row {@code rowOf[j]} (the first)
     * @throws IllegalArgumentException when the sets differ in size
     */
    public static int[] assign(HammingMatrix hamming) {
        Objects.requireNonNull(hamming, "hamming");
        int n = hamming.rows();
        if (hamming.columns() != n) {
            throw new IllegalArgumentException("an assignment needs sets of equal size, got first " + n + " and second "
                    + hamming.columns());
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = hamming.euclidean(i, j);
            }
        }
        return solve(cost);
    }

    /** The distances {@code sqrt(2 * Hamming(first[rowOf[j]], second[j]))} of an assignment. */
    public static double[] distances(HammingMatrix hamming, int[] rowOf) {
        Objects.requireNonNull(rowOf, "rowOf");
        if (rowOf.length != hamming.columns()) {
            throw new IllegalArgumentException("rowOf must have one entry per column (" + hamming.columns() + "), got "
                    + rowOf.length);
        }
        double[] d = new double[rowOf.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = hamming.euclidean(rowOf[j], j);
        }
        return d;
    }

    /**
     * Mean and sd of the distances of the optimal assignment between two sets of {@code n}
     * sequences ({@code O(n^3)}: a few seconds at {@code n = 500}).
     */
    public static MeanSd matchedDistance(int[][] first, int[][] second, int symbols) {
        HammingMatrix h = HammingMatrix.of(first, second, symbols, 1);
        return MeanSd.of(distances(h, assign(h)));
    }
}
