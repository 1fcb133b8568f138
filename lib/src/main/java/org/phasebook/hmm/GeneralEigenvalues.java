package org.phasebook.hmm;

import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;

/**
 * Eigenvalues (no vectors) of a real square, generally non-symmetric, matrix by LAPACK
 * {@code dgeev} through Smile's OpenBLAS binding: 2.6 to 10 ms for a dense {@code 150 x 150}
 * matrix on the loaded 2-core reference machine. Commons Math's {@code EigenDecomposition} was
 * not used: it took 25 to 35 ms on the same dense matrices, and its Schur iteration failed to
 * converge (a {@code MaxCountExceededException}) on every masked {@code D W} with zero rows we
 * tried, which is exactly the shape of the RNN's Jacobians.
 */
final class GeneralEigenvalues {

    private GeneralEigenvalues() {
    }

    /**
     * The eigenvalues of the {@code n x n} matrix stored column-major in {@code a} (destroyed).
     *
     * @return {@code {re, im}}, each of length {@code n}, in LAPACK's order (conjugate pairs
     *     adjacent, positive imaginary part first)
     * @throws ArithmeticException if the QR algorithm does not converge
     */
    static double[][] ofColumnMajor(double[] a, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        if (n == 0) {
            return new double[][] {re, im};
        }
        double[] unused = new double[1];
        int info = LAPACK.engine.geev(Layout.COL_MAJOR, EVDJob.NO_VECTORS, EVDJob.NO_VECTORS, n, a, n, re, im,
                unused, 1, new double[1], 1);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dgeev failed: info = " + info
                    + (info > 0 ? " (the QR algorithm did not converge)" : ""));
        }
        return new double[][] {re, im};
    }
}
