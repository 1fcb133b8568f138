package org.phasebook.koopman;

import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;

/**
 * The eigenvalues {@code lambda_j} and right eigenvectors {@code v_j} ({@code A v_j = lambda_j
 * v_j}) of a real square, generally non-symmetric, matrix {@code A}, by LAPACK {@code dgeev}.
 *
 * <p>LAPACK returns a complex-conjugate pair {@code lambda, conj(lambda)} (with
 * {@code Im lambda > 0} first) in adjacent positions and stores one real vector pair
 * {@code (a, b)} for both: the eigenvectors are {@code a + i b} and {@code a - i b}. This class
 * unpacks them into {@link ComplexVector}s. Each eigenvector has unit Euclidean norm and its
 * largest component real (LAPACK's normalisation). The order is LAPACK's: unsorted, conjugate
 * pairs adjacent.
 *
 * <p>Immutable.
 */
public final class RealEigensystem {

    private final Complex[] eigenvalues;
    private final ComplexVector[] eigenvectors;
    /**
     * LAPACK's packed eigenvectors, {@code n x n} column-major: column {@code j} is {@code v_j}
     * for a real {@code lambda_j}; for a pair, columns {@code j, j + 1} are the real and
     * imaginary parts of {@code v_j} (and {@code v_{j+1}} its conjugate). Never modified.
     */
    private final double[] packed;

    private RealEigensystem(Complex[] eigenvalues, ComplexVector[] eigenvectors,
                            double[] packed) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.packed = packed;
    }

    /**
     * The eigensystem of {@code a} (row {@code i} is {@code a[i]}), which must be square, at
     * least 1 by 1, with finite entries; it is not modified.
     *
     * @throws IllegalArgumentException if {@code a} is not square and finite
     * @throws ArithmeticException      if the QR algorithm does not converge
     */
    public static RealEigensystem of(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("a must be a non-empty square matrix");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != a.length) {
                throw new IllegalArgumentException("a must be square: row " + i + " has length "
                        + (a[i] == null ? "null" : a[i].length) + ", expected " + a.length);
            }
            for (int j = 0; j < a.length; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(
                            "a[" + i + "][" + j + "] must be finite, got " + a[i][j]);
                }
            }
        }
        return of(DenseMatrix.of(a));
    }

    /** The eigensystem of the square matrix {@code a}, which is not modified. */
    static RealEigensystem of(DenseMatrix a) {
        int n = a.rows;
        double[] work = a.data.clone();
        double[] wr = new double[n];
        double[] wi = new double[n];
        double[] vr = new double[n * n];
        // dgeev references the left-vector array even when it does not compute it.
        double[] vl = new double[1];
        int info = LAPACK.engine.geev(Layout.COL_MAJOR, EVDJob.NO_VECTORS, EVDJob.VECTORS, n,
                work, n, wr, wi, vl, 1, vr, n);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dgeev failed: info = " + info
                    + (info > 0 ? " (the QR algorithm did not converge)" : ""));
        }
        Complex[] values = new Complex[n];
        ComplexVector[] vectors = new ComplexVector[n];
        for (int j = 0; j < n; j++) {
            values[j] = new Complex(wr[j], wi[j]);
            double[] re = new double[n];
            double[] im = new double[n];
            if (wi[j] == 0.0) {
                System.arraycopy(vr, j * n, re, 0, n);
            } else if (wi[j] > 0.0) {
                System.arraycopy(vr, j * n, re, 0, n);
                System.arraycopy(vr, (j + 1) * n, im, 0, n);
            } else {
                // Second of a pair: the conjugate of the vector stored for the first.
                System.arraycopy(vr, (j - 1) * n, re, 0, n);
                for (int i = 0; i < n; i++) {
                    im[i] = -vr[i + j * n];
                }
            }
            vectors[j] = ComplexVector.adopt(re, im);
        }
        return new RealEigensystem(values, vectors, vr);
    }

    /** The order {@code n} of the matrix. */
    public int size() {
        return eigenvalues.length;
    }

    /** Eigenvalue {@code lambda_j}. */
    public Complex eigenvalue(int j) {
        return eigenvalues[j];
    }

    /** All eigenvalues, in LAPACK's order. */
    public Complex[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The eigenvectors as LAPACK packs them (see {@link #packed}), without copying, for
     * {@link QrForm#residuals(RealEigensystem)}: callers must not modify the array.
     */
    double[] packedEigenvectors() {
        return packed;
    }

    /** Right eigenvector {@code v_j}, of unit Euclidean norm. */
    public ComplexVector eigenvector(int j) {
        return eigenvectors[j];
    }
}
