package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * EDMD in the orthonormal basis of the weighted data (brief §2.4, "QR form"): with the economy
 * QR factorisation {@code W^{1/2} Psi_X = Q R} and {@code C = W^{1/2} Psi_Y R^{-1}},
 * <ul>
 *   <li>{@code R} ({@code N x N}, upper triangular) changes coordinates: a function
 *       {@code g = sum_j v_j psi_j} has coordinates {@code u = R v} in the basis {@code Q},
 *       and {@code ||g||_W = ||u||};</li>
 *   <li>{@code Ahat = Q^* C} is the EDMD matrix in that basis ({@code K_EDMD = R^{-1} Ahat R}),
 *       so it carries the EDMD eigenvalues;</li>
 *   <li>{@code B} is the triangular factor of {@code (I - Q Q^*) C}, so
 *       {@code B^* B = C^* C - Ahat^* Ahat}.</li>
 * </ul>
 * Hence {@code ||(C - z Q) u||^2 = ||(Ahat - z I) u||^2 + ||B u||^2}: the residual of any
 * candidate pair, and later the pseudospectrum {@code tau_N(z) = sigma_min([Ahat - zI; B])},
 * cost {@code O(N^2)} and {@code O(N^3)} per {@code z}, independently of the number of snapshots
 * {@code M}, without the cancellation of the Galerkin formula.
 *
 * <p>{@code B} has {@code min(M - N, N)} rows (none when {@code M = N}). Immutable; arrays are
 * copied in and out.
 *
 * @param r    the triangular factor {@code R}, {@code N x N}
 * @param aHat {@code Ahat = Q^* C}, {@code N x N}
 * @param b    the triangular factor {@code B}, {@code k x N} with {@code k <= N}
 */
public record QrForm(double[][] r, double[][] aHat, double[][] b) {

    /** Validates (sizes, finite) and copies. */
    public QrForm {
        int n = Matrices.order("r", r);
        r = Matrices.checkedCopy("r", r, n, n);
        aHat = Matrices.checkedCopy("aHat", aHat, n, n);
        Objects.requireNonNull(b, "b");
        if (b.length > n) {
            throw new IllegalArgumentException("b must have at most N = " + n + " rows, got "
                    + b.length);
        }
        b = Matrices.checkedCopy("b", b, b.length, n);
    }

    /** The dictionary size {@code N}. */
    public int size() {
        return r.length;
    }

    /**
     * The residual {@code res(z, u) = ||(C - z Q) u|| / ||u|| = ||[Ahat - zI; B] u|| / ||u||}
     * of the candidate pair {@code (z, u)}, with {@code u} in the coordinates of the basis
     * {@code Q} (brief §2.3–2.4): the relative error {@code ||(K - z) g|| / ||g||} of the
     * function {@code g} with those coordinates, measured by the quadrature.
     *
     * @throws IllegalArgumentException if {@code u} has the wrong length or is zero
     */
    public double residual(Complex z, ComplexVector u) {
        Matrices.checkLength("u", u, r.length);
        double norm = u.norm();
        if (!(norm > 0.0)) {
            throw new IllegalArgumentException("u must be non-zero, got norm " + norm);
        }
        int n = r.length;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double re = -(z.re() * u.re(i) - z.im() * u.im(i));
            double im = -(z.re() * u.im(i) + z.im() * u.re(i));
            for (int j = 0; j < n; j++) {
                re += aHat[i][j] * u.re(j);
                im += aHat[i][j] * u.im(j);
            }
            sum += re * re + im * im;
        }
        for (double[] row : b) {
            double re = 0.0;
            double im = 0.0;
            for (int j = 0; j < n; j++) {
                re += row[j] * u.re(j);
                im += row[j] * u.im(j);
            }
            sum += re * re + im * im;
        }
        return Math.sqrt(sum) / norm;
    }

    /**
     * The residuals {@code res(z_j, u_j)} of many candidate pairs at once, as
     * {@link #residual(Complex, ComplexVector)} gives them one by one (equal up to rounding):
     * {@code [Ahat; B]} is applied to all vectors by one matrix product in BLAS, at GEMM speed,
     * instead of {@code P} loops in Java.
     *
     * <p>The product is real, and kept as small as the input allows: a vector with zero imaginary
     * part takes one column, any other two (its real and imaginary parts), and a pair that is the
     * complex conjugate of the pair before it (as the eigenpairs of a real matrix come) takes
     * none, since {@code res(conj z, conj u) = res(z, u)} for the real {@code Ahat} and {@code B}.
     * For all EDMD eigenpairs this is {@code N} columns in all, a {@code 2N x N x N} product.
     *
     * @param z the spectral parameters {@code z_j}
     * @param u the vectors {@code u_j}, one per {@code z_j}, each of length {@code N} and
     *          non-zero, in the coordinates of the basis {@code Q}
     * @throws IllegalArgumentException if the arrays differ in length, or a vector has the wrong
     *     length or is zero
     */
    public double[] residuals(Complex[] z, ComplexVector[] u) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(u, "u");
        if (u.length != z.length) {
            throw new IllegalArgumentException("u must have one vector per z, " + z.length
                    + ", got " + u.length);
        }
        int n = r.length;
        int p = z.length;
        double[] norms = new double[p];
        // column[j]: where u_j's real part sits in the product (its imaginary part, if any, at
        // column[j] + 1); -1 for the conjugate of pair j - 1.
        int[] column = new int[p];
        boolean[] real = new boolean[p];
        int columns = 0;
        // The checks and the columns below work on copies of the parts, not through accessors:
        // on a first, JIT-cold call these loops are most of the method's time. The norm is only
        // needed for pairs that take columns.
        double[][] partsRe = new double[p][];
        double[][] partsIm = new double[p][];
        for (int j = 0; j < p; j++) {
            Objects.requireNonNull(z[j], "z[" + j + "]");
            Matrices.checkLength("u[" + j + "]", u[j], n);
            partsRe[j] = u[j].re();
            partsIm[j] = u[j].im();
            boolean conjugate = j > 0 && column[j - 1] >= 0 && z[j].equals(z[j - 1].conjugate())
                    && isConjugate(partsRe[j], partsIm[j], partsRe[j - 1], partsIm[j - 1]);
            if (conjugate) {  // same norm, same residual as pair j - 1
                column[j] = -1;
                continue;
            }
            norms[j] = u[j].norm();
            if (!(norms[j] > 0.0)) {
                throw new IllegalArgumentException("u[" + j + "] must be non-zero, got norm "
                        + norms[j]);
            }
            column[j] = columns;
            real[j] = isZero(partsIm[j]);
            columns += real[j] ? 1 : 2;
        }
        DenseMatrix vectors = new DenseMatrix(n, columns);
        for (int j = 0; j < p; j++) {
            if (column[j] >= 0) {  // column-major: column c starts at c * n
                System.arraycopy(partsRe[j], 0, vectors.data, column[j] * n, n);
                if (!real[j]) {
                    System.arraycopy(partsIm[j], 0, vectors.data, (column[j] + 1) * n, n);
                }
            }
        }
        return residuals(z, vectors, column, real, norms);
    }

    /**
     * The residuals of all eigenpairs {@code (lambda_j, u_j)} of {@code Ahat}, as
     * {@code residuals(eigen.eigenvalues(), u)} gives them, bit for bit, with {@code u_j} the
     * eigenvectors of {@code eigen}; but read straight from LAPACK's packed eigenvectors, which
     * already are the product's columns (one per real eigenvalue, the real and imaginary parts
     * for a conjugate pair), instead of unpacked into vectors and packed again.
     *
     * @param eigen the eigensystem of {@link #aHat()}
     * @throws IllegalArgumentException if its size is not {@code N}
     */
    double[] residuals(RealEigensystem eigen) {
        int n = r.length;
        if (eigen.size() != n) {
            throw new IllegalArgumentException("eigen must be of size N = " + n + ", got "
                    + eigen.size());
        }
        Complex[] z = eigen.eigenvalues();
        double[] packed = eigen.packedEigenvectors();
        int[] column = new int[n];
        boolean[] real = new boolean[n];
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            if (z[j].im() < 0.0) {  // second of a pair: the first's conjugate
                column[j] = -1;
                continue;
            }
            column[j] = j;
            real[j] = z[j].im() == 0.0;
            norms[j] = ComplexVector.norm(packed, j * n, real[j] ? null : packed, (j + 1) * n, n);
        }
        return residuals(z, new DenseMatrix(n, n, packed), column, real, norms);
    }

    /**
     * The residuals of the pairs {@code (z_j, u_j)} whose vectors are the columns of
     * {@code vectors} ({@code N} rows): {@code u_j} has its real part in column
     * {@code column[j]} and, unless {@code real[j]}, its imaginary part in the next;
     * {@code column[j] = -1} marks the conjugate of pair {@code j - 1}. {@code norms[j]} is
     * {@code ||u_j||}.
     */
    private double[] residuals(Complex[] z, DenseMatrix vectors, int[] column, boolean[] real,
                               double[] norms) {
        int n = r.length;
        int p = z.length;
        // Rows 0..N-1 of the product are Ahat u, the rest B u. [Ahat; B] enters as the
        // transpose of the column-major matrix whose columns are the rows of Ahat and B, so it
        // is assembled by copying rows instead of by a strided element-by-element transpose.
        DenseMatrix stackedT = new DenseMatrix(n, n + b.length);
        for (int i = 0; i < n; i++) {
            System.arraycopy(aHat[i], 0, stackedT.data, i * n, n);
        }
        for (int i = 0; i < b.length; i++) {
            System.arraycopy(b[i], 0, stackedT.data, (n + i) * n, n);
        }
        DenseMatrix product = stackedT.transposeTimes(vectors);
        int rows = product.rows;
        double[] pd = product.data;
        double[] vd = vectors.data;
        double[] residuals = new double[p];
        // Plain array indexing rather than get(i, j): on the first, JIT-cold call these loops
        // run interpreted for a while, where every accessor call costs.
        for (int j = 0; j < p; j++) {
            if (column[j] < 0) {
                residuals[j] = residuals[j - 1];
                continue;
            }
            int u0 = column[j] * n;         // u_j's real part in vectors
            int p0 = column[j] * rows;      // (Ahat u; B u) for that part in product
            double zr = z[j].re();
            double zi = z[j].im();
            double sum = 0.0;
            if (real[j]) {
                for (int i = 0; i < n; i++) {
                    double ur = vd[u0 + i];
                    double re = pd[p0 + i] - zr * ur;
                    double im = -zi * ur;
                    sum += re * re + im * im;
                }
                for (int i = n; i < rows; i++) {
                    double re = pd[p0 + i];
                    sum += re * re;
                }
            } else {
                int u1 = u0 + n;            // imaginary part, the next column
                int p1 = p0 + rows;
                for (int i = 0; i < n; i++) {
                    double ur = vd[u0 + i];
                    double ui = vd[u1 + i];
                    double re = pd[p0 + i] - (zr * ur - zi * ui);
                    double im = pd[p1 + i] - (zr * ui + zi * ur);
                    sum += re * re + im * im;
                }
                for (int i = n; i < rows; i++) {
                    double re = pd[p0 + i];
                    double im = pd[p1 + i];
                    sum += re * re + im * im;
                }
            }
            residuals[j] = Math.sqrt(sum) / norms[j];
        }
        return residuals;
    }

    /** Whether {@code re + i im} is the complex conjugate of {@code wRe + i wIm}. */
    private static boolean isConjugate(double[] re, double[] im, double[] wRe, double[] wIm) {
        for (int i = 0; i < re.length; i++) {
            if (re[i] != wRe[i] || im[i] != -wIm[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code R}. */
    @Override
    public double[][] r() {
        return SnapshotPairs.deepCopy(r);
    }

    /** A copy of {@code Ahat}. */
    @Override
    public double[][] aHat() {
        return SnapshotPairs.deepCopy(aHat);
    }

    /** A copy of {@code B}. */
    @Override
    public double[][] b() {
        return SnapshotPairs.deepCopy(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrForm q && Arrays.deepEquals(r, q.r)
                && Arrays.deepEquals(aHat, q.aHat) && Arrays.deepEquals(b, q.b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(r), Arrays.deepHashCode(aHat),
                Arrays.deepHashCode(b));
    }

    @Override
    public String toString() {
        return "QrForm[N=" + r.length + ", rows of B=" + b.length + "]";
    }
}
