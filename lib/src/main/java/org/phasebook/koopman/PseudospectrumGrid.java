package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values {@code tau_N(z)} of a pseudospectrum on a {@link ComplexGrid}
 * ({@link Pseudospectrum#evaluate}): {@code tau[r][c] = tau_N(x_c + i y_r)}, one row per value of
 * the imaginary part, as contour plots take them.
 *
 * <p>The sublevel set {@code {z : tau_N(z) < epsilon}} lies, as {@code M -> infinity}, inside
 * the approximate point {@code epsilon}-pseudospectrum of the Koopman operator (brief §2.4):
 * {@link #below} lists its grid points.
 *
 * <p>Invariants: {@code tau} has the grid's shape and finite entries {@code >= 0}. Immutable;
 * arrays are copied in and out.
 *
 * @param grid the grid
 * @param tau  {@code tau[r][c]} at {@code grid.point(r, c)}
 */
public record PseudospectrumGrid(ComplexGrid grid, double[][] tau) {

    /** Validates the shape and values, and copies. */
    public PseudospectrumGrid {
        Objects.requireNonNull(grid, "grid");
        tau = Matrices.checkedCopy("tau", tau, grid.rows(), grid.columns());
        for (int r = 0; r < tau.length; r++) {
            for (int c = 0; c < tau[r].length; c++) {
                if (!(tau[r][c] >= 0.0)) {
                    throw new IllegalArgumentException("tau[" + r + "][" + c + "] must be >= 0, got "
                            + tau[r][c]);
                }
            }
        }
    }

    /** {@code tau_N} at {@code grid().point(row, column)}. */
    public double tau(int row, int column) {
        return tau[row][column];
    }

    /** A copy of the values, {@code tau[row][column]}. */
    @Override
    public double[][] tau() {
        return SnapshotPairs.deepCopy(tau);
    }

    /** The values flattened row by row, in the order of {@link ComplexGrid#points()}. */
    public double[] values() {
        int columns = grid.columns();
        double[] values = new double[grid.size()];
        for (int r = 0; r < tau.length; r++) {
            System.arraycopy(tau[r], 0, values, r * columns, columns);
        }
        return values;
    }

    /** The smallest value on the grid. */
    public double min() {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : tau) {
            for (double v : row) {
                min = Math.min(min, v);
            }
        }
        return min;
    }

    /** The grid point of the smallest value (the first, row by row, on ties). */
    public Complex argmin() {
        int bestRow = 0;
        int bestColumn = 0;
        for (int r = 0; r < tau.length; r++) {
            for (int c = 0; c < tau[r].length; c++) {
                if (tau[r][c] < tau[bestRow][bestColumn]) {
                    bestRow = r;
                    bestColumn = c;
                }
            }
        }
        return grid.point(bestRow, bestColumn);
    }

    /**
     * The grid points with {@code tau_N(z) < epsilon}, row by row.
     *
     * @param epsilon the level, {@code >= 0} (not NaN)
     */
    public List<Complex> below(double epsilon) {
        if (!(epsilon >= 0.0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        }
        List<Complex> points = new ArrayList<>();
        for (int r = 0; r < tau.length; r++) {
            for (int c = 0; c < tau[r].length; c++) {
                if (tau[r][c] < epsilon) {
                    points.add(grid.point(r, c));
                }
            }
        }
        return List.copyOf(points);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudospectrumGrid p && grid.equals(p.grid)
                && Arrays.deepEquals(tau, p.tau);
    }

    @Override
    public int hashCode() {
        return 31 * grid.hashCode() + Arrays.deepHashCode(tau);
    }

    @Override
    public String toString() {
        return "PseudospectrumGrid[" + grid.rows() + " x " + grid.columns() + ", min tau = "
                + min() + "]";
    }
}
