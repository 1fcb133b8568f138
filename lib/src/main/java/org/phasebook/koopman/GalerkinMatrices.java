package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Galerkin matrices of EDMD (brief §2.1), quadrature approximations of inner products of
 * the dictionary functions and their images under the Koopman operator {@code K}:
 * <ul>
 *   <li>{@code G = Psi_X^* W Psi_X ~ [<psi_k, psi_j>]},</li>
 *   <li>{@code A = Psi_X^* W Psi_Y ~ [<K psi_k, psi_j>]},</li>
 *   <li>{@code L = Psi_Y^* W Psi_Y ~ [<K psi_k, K psi_j>]}.</li>
 * </ul>
 * {@code G} and {@code L} are symmetrised. Immutable; arrays are copied in and out.
 *
 * @param g the Gram matrix {@code G}, {@code N x N}
 * @param a the matrix {@code A}, {@code N x N}
 * @param l the matrix {@code L}, {@code N x N}
 */
public record GalerkinMatrices(double[][] g, double[][] a, double[][] l) {

    /** Validates (square, equal sizes, finite) and copies. */
    public GalerkinMatrices {
        int n = Matrices.order("g", g);
        g = Matrices.checkedCopy("g", g, n, n);
        a = Matrices.checkedCopy("a", a, n, n);
        l = Matrices.checkedCopy("l", l, n, n);
    }

    /** The dictionary size {@code N}. */
    public int size() {
        return g.length;
    }

    /**
     * The residual by the Galerkin formula (brief §2.3),
     * {@code res(lambda, v)^2 = v^*(L - lambda A^* - conj(lambda) A + |lambda|^2 G) v / v^* G v},
     * for the function {@code g = sum_j v_j psi_j}.
     *
     * <p>It costs {@code O(N^2)} but subtracts numbers of size {@code ||L||}, so it cannot
     * resolve residuals below about {@code sqrt(eps ||L||)} ~ {@code 1e-8}; the QR form
     * ({@link QrForm#residual}) has no such floor. A negative rounding result gives 0.
     */
    public double residual(Complex lambda, ComplexVector v) {
        Matrices.checkLength("v", v, g.length);
        double[] p = v.re();
        double[] q = v.im();
        double vGv = quadratic(g, p, p) + quadratic(g, q, q);
        double vLv = quadratic(l, p, p) + quadratic(l, q, q);
        double alpha = quadratic(a, p, p) + quadratic(a, q, q);
        double beta = quadratic(a, p, q) - quadratic(a, q, p);
        if (!(vGv > 0.0)) {
            throw new IllegalArgumentException("v must give a function of non-zero norm,"
                    + " got v^* G v = " + vGv);
        }
        double lr = lambda.re();
        double li = lambda.im();
        double numerator = vLv - 2.0 * (lr * alpha + li * beta) + (lr * lr + li * li) * vGv;
        return Math.sqrt(Math.max(numerator, 0.0) / vGv);
    }

    /** {@code x^T M y}. */
    private static double quadratic(double[][] m, double[] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < m.length; i++) {
            double row = 0.0;
            for (int j = 0; j < m.length; j++) {
                row += m[i][j] * y[j];
            }
            sum += x[i] * row;
        }
        return sum;
    }

    /** A copy of {@code G}. */
    @Override
    public double[][] g() {
        return SnapshotPairs.deepCopy(g);
    }

    /** A copy of {@code A}. */
    @Override
    public double[][] a() {
        return SnapshotPairs.deepCopy(a);
    }

    /** A copy of {@code L}. */
    @Override
    public double[][] l() {
        return SnapshotPairs.deepCopy(l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GalerkinMatrices m && Arrays.deepEquals(g, m.g)
                && Arrays.deepEquals(a, m.a) && Arrays.deepEquals(l, m.l);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(g),
                Arrays.deepHashCode(a), Arrays.deepHashCode(l));
    }

    @Override
    public String toString() {
        return "GalerkinMatrices[N=" + g.length + "]";
    }
}
