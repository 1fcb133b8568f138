package org.phasebook.koopman;

import java.util.Objects;

/** Checks and copies of the small dense {@code double[][]} matrices in public records. */
final class Matrices {

    private Matrices() {
    }

    /** A deep copy of {@code a} after checking it is {@code rows x cols} and finite. */
    static double[][] checkedCopy(String name, double[][] a, int rows, int cols) {
        Objects.requireNonNull(a, name);
        if (a.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows, got "
                    + a.length);
        }
        double[][] copy = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (a[i] == null || a[i].length != cols) {
                throw new IllegalArgumentException(name + "[" + i + "] must have length " + cols
                        + ", got " + (a[i] == null ? "null" : a[i].length));
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j
                            + "] must be finite, got " + a[i][j]);
                }
            }
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** The number of rows of a square matrix, after checking it is square and non-empty. */
    static int order(String name, double[][] a) {
        Objects.requireNonNull(a, name);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty square matrix");
        }
        return a.length;
    }

    static void checkLength(String name, ComplexVector v, int n) {
        Objects.requireNonNull(v, name);
        if (v.length() != n) {
            throw new IllegalArgumentException(name + " must have length N = " + n + ", got "
                    + v.length());
        }
    }
}
