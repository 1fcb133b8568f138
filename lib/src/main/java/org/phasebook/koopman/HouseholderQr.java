package org.phasebook.koopman;

import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.Side;
import smile.math.blas.Transpose;

/**
 * The Householder QR factorisation {@code A = Q R} of a real matrix (LAPACK {@code dgeqrf}),
 * kept in LAPACK's compact form: {@code R} in the upper triangle, the reflectors below it.
 *
 * <p>{@code Q} is never formed. The estimators need {@code [Q Q_perp]^T C} for another matrix
 * {@code C} (LAPACK {@code dormqr}): its first {@code n} rows are {@code Q^T C} and the rest are
 * the part of {@code C} orthogonal to the range of {@code A}, exactly orthogonal up to rounding,
 * which is what makes the residuals of {@link QrForm} accurate.
 */
final class HouseholderQr {

    private final DenseMatrix factors;
    private final double[] tau;

    /** Factorises {@code a}, overwriting it. */
    HouseholderQr(DenseMatrix a) {
        this.factors = a;
        this.tau = new double[Math.min(a.rows, a.cols)];
        if (tau.length > 0) {
            int info = LAPACK.engine.geqrf(Layout.COL_MAJOR, a.rows, a.cols, a.data, a.rows, tau);
            if (info != 0) {
                throw new ArithmeticException("LAPACK geqrf failed: info = " + info);
            }
        }
    }

    /** The {@code min(m, n) x n} upper-trapezoidal factor {@code R}. */
    DenseMatrix r() {
        int k = tau.length;
        DenseMatrix r = new DenseMatrix(k, factors.cols);
        for (int j = 0; j < factors.cols; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) {
                r.set(i, j, factors.get(i, j));
            }
        }
        return r;
    }

    /** Overwrites {@code c} (with {@code m} rows) by {@code [Q Q_perp]^T c}. */
    void applyTransposeInPlace(DenseMatrix c) {
        if (c.rows != factors.rows) {
            throw new IllegalArgumentException("c must have " + factors.rows + " rows, got "
                    + c.rows);
        }
        if (tau.length == 0 || c.cols == 0) {
            return;
        }
        int info = LAPACK.engine.ormqr(Layout.COL_MAJOR, Side.LEFT, Transpose.TRANSPOSE,
                c.rows, c.cols, tau.length, factors.data, factors.rows, tau, c.data, c.rows);
        if (info != 0) {
            throw new ArithmeticException("LAPACK ormqr failed: info = " + info);
        }
    }
}
