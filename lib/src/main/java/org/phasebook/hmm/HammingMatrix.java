package org.phasebook.hmm;

import java.util.Objects;

/**
 * The Hamming distances between every sequence of a first set ({@code n} rows) and every sequence
 * of a second set ({@code m} columns) of equally long symbol sequences, stored as unsigned bytes
 * in both orientations (row-major and transposed), so that the Sinkhorn half-steps over rows and
 * over columns both read memory in order.
 *
 * <p>For one-hot coding the Euclidean distance of two sequences is
 * {@code sqrt(2 * Hamming)} ({@link #euclidean(int, int)}): each differing step contributes two
 * unit entries. Distances are computed once, by symbol bit masks and bit counts
 * ({@code Hamming = T - sum_s popcount(x_s & y_s)}), in {@link #of}.
 *
 * <p>Limits: the sequence length {@code T} is at most 255 (a distance must fit a byte) and
 * {@code n * m} at most {@code Integer.MAX_VALUE - 8}. Instances are immutable.
 */
public final class HammingMatrix {

    /** The longest sequence the byte storage holds. */
    public static final int MAX_LENGTH = 255;

    private final int rows;
    private final int columns;
    private final int length;
    private final byte[] byRow;      // [i * columns + j]
    private final byte[] byColumn;   // [j * rows + i]

    private HammingMatrix(int rows, int columns, int length, byte[] byRow, byte[] byColumn) {
        this.rows = rows;
        this.columns = columns;
        this.length = length;
        this.byRow = byRow;
        this.byColumn = byColumn;
    }

    /**
     * The Hamming distances between the sequences of {@code first} and those of {@code second}.
     *
     * @param first   {@code n >= 1} sequences of one length {@code 1 <= T <= 255}
     * @param second  {@code m >= 1} sequences of the same length
     * @param symbols the alphabet size {@code M}, {@code 1..256}; every symbol must be in {@code 0..M-1}
     * @param threads worker threads, {@code >= 1}; the result does not depend on it
     * @throws IllegalArgumentException naming the set, the sequence and the allowed range
     */
    public static HammingMatrix of(int[][] first, int[][] second, int symbols, int threads) {
        if (symbols < 1 || symbols > 256) {
            throw new IllegalArgumentException("symbols must be in 1..256, got " + symbols);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int length = requireSet("first", first, -1, symbols);
        requireSet("second", second, length, symbols);
        int n = first.length;
        int m = second.length;
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("first.length * second.length must be <= " + (Integer.MAX_VALUE - 8)
                    + ", got " + n + " * " + m);
        }
        int words = (length + 63) / 64;
        long[] a = masks(first, symbols, words);
        long[] b = masks(second, symbols, words);
        int stride = symbols * words;
        byte[] byRow = new byte[n * m];
        byte[] byColumn = new byte[n * m];
        RowParallel.run(threads, n, i -> fill(a, i, b, m, stride, length, byRow, i * m));
        RowParallel.run(threads, m, j -> fill(b, j, a, n, stride, length, byColumn, j * n));
        return new HammingMatrix(n, m, length, byRow, byColumn);
    }

    private static void fill(long[] x, int i, long[] y, int count, int stride, int length, byte[] out, int offset) {
        int xi = i * stride;
        for (int j = 0; j < count; j++) {
            int yj = j * stride;
            int same = 0;
            for (int w = 0; w < stride; w++) {
                same += Long.bitCount(x[xi + w] & y[yj + w]);
            }
            out[offset + j] = (byte) (length - same);
        }
    }

    /** Per sequence, per symbol, the bit mask of the steps that emit it. */
    private static long[] masks(int[][] set, int symbols, int words) {
        int stride = symbols * words;
        long[] masks = new long[set.length * stride];
        for (int i = 0; i < set.length; i++) {
            int[] s = set[i];
            for (int t = 0; t < s.length; t++) {
                masks[i * stride + s[t] * words + (t >>> 6)] |= 1L << (t & 63);
            }
        }
        return masks;
    }

    /** Checks one set and returns its common length. */
    static int requireSet(String name, int[][] set, int expectedLength, int symbols) {
        Objects.requireNonNull(set, name);
        if (set.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least 1 sequence, got 0");
        }
        int length = expectedLength < 0 ? Objects.requireNonNull(set[0], name + "[0]").length : expectedLength;
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("sequence length T must be in 1.." + MAX_LENGTH + ", " + name
                    + "[0] has " + length);
        }
        for (int i = 0; i < set.length; i++) {
            int[] s = Objects.requireNonNull(set[i], name + "[" + i + "]");
            if (s.length != length) {
                throw new IllegalArgumentException("all sequences must have the same length T = " + length + ", "
                        + name + "[" + i + "] has " + s.length);
            }
            for (int t = 0; t < length; t++) {
                if (s[t] < 0 || s[t] >= symbols) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + t + "] = " + s[t]
                            + " is outside the symbols 0.." + (symbols - 1));
                }
            }
        }
        return length;
    }

    /** The number {@code n} of sequences in the first set. */
    public int rows() {
        return rows;
    }

    /** The number {@code m} of sequences in the second set. */
    public int columns() {
        return columns;
    }

    /** The common sequence length {@code T}. */
    public int length() {
        return length;
    }

    /** The Hamming distance between sequence {@code i} of the first set and {@code j} of the second. */
    public int get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, columns);
        return byRow[i * columns + j] & 0xFF;
    }

    /** {@code sqrt(2 * get(i, j))}: the Euclidean distance of the one-hot codes. */
    public double euclidean(int i, int j) {
        return Math.sqrt(2.0 * get(i, j));
    }

    /**
     * For each sequence {@code j} of the second set, the Euclidean distance to its nearest
     * sequence of the first: the mean of these is a lower bound of every matching's mean.
     */
    public double[] nearestToColumns() {
        double[] nearest = new double[columns];
        for (int j = 0; j < columns; j++) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i < rows; i++) {
                best = Math.min(best, byColumn[j * rows + i] & 0xFF);
            }
            nearest[j] = Math.sqrt(2.0 * best);
        }
        return nearest;
    }

    /** The row-major distances, {@code [i * columns + j]}, unsigned; shared, not copied. */
    byte[] byRow() {
        return byRow;
    }

    /** The column-major distances, {@code [j * rows + i]}, unsigned; shared, not copied. */
    byte[] byColumn() {
        return byColumn;
    }
}
