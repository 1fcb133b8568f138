package org.phasebook.systems;

import java.util.Arrays;

/**
 * The linear autonomous system {@code dx/dt = A x} with a constant real square matrix {@code A}.
 *
 * <p>Its behaviour is fixed by the eigenvalues of {@code A}: the largest real part is the largest
 * Lyapunov exponent, which makes it the analytic test problem for Lyapunov estimators; with
 * {@code A = [[-lambda]]} it is exponential decay. Immutable: the matrix is copied in and out.
 */
public final class LinearSystem implements OdeSystem {

    private final double[][] a;

    private LinearSystem(double[][] a) {
        this.a = a;
    }

    /**
     * The system with matrix {@code a}, which must be square, at least 1 by 1, with finite
     * entries; it is copied.
     */
    public static LinearSystem of(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("a must be a non-empty square matrix");
        }
        int n = a.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("a must be square: row " + i + " has length "
                        + (a[i] == null ? "null" : a[i].length) + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(
                            "a[" + i + "][" + j + "] must be finite, got " + a[i][j]);
                }
            }
            copy[i] = a[i].clone();
        }
        return new LinearSystem(copy);
    }

    /** A copy of the matrix {@code A}. */
    public double[][] matrix() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            double sum = 0.0;
            for (int j = 0; j < row.length; j++) {
                sum += row[j] * x[j];
            }
            dxdt[i] = sum;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearSystem other && Arrays.deepEquals(a, other.a);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a);
    }

    @Override
    public String toString() {
        return "LinearSystem[a=" + Arrays.deepToString(a) + "]";
    }
}
