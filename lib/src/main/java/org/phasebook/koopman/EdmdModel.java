package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;

/**
 * A fitted EDMD model ({@link Edmd#fit}): the Galerkin matrices, the QR form, the eigenpairs of
 * {@code K_EDMD} and the residual of each (brief §2.2–2.3).
 *
 * <p>Eigenpair {@code j} is {@code (lambda_j, v_j)} with {@code K_EDMD v_j = lambda_j v_j}; the
 * eigenfunction is {@code phi_j = sum_i v_{ij} psi_i}, normalised so that
 * {@code ||phi_j||_W = ||W^{1/2} Psi_X v_j|| = 1}. The order is LAPACK's (unsorted; a complex
 * conjugate pair is adjacent, positive imaginary part first). Its residual
 * {@code res_j = ||(K - lambda_j) phi_j|| / ||phi_j||}, computed from the QR form, tells a true
 * eigenvalue (small residual) from spectral pollution (large residual) as {@code M} grows.
 *
 * <p>Immutable. Keeps the dictionary and the data (not the {@code M x N} dictionary matrices), so
 * that {@link #koopmanModes} can refit the observable.
 */
public final class EdmdModel {

    private final Dictionary dictionary;
    private final SnapshotPairs data;
    private final GalerkinMatrices galerkin;
    private final QrForm qrForm;
    private final DenseMatrix r;
    private final Complex[] eigenvalues;
    /** Coordinates {@code u_j = R v_j} in the basis {@code Q}, of unit norm. */
    private final ComplexVector[] qrEigenvectors;
    /** Dictionary coefficients {@code v_j = R^{-1} u_j}. */
    private final ComplexVector[] eigenvectors;
    private final double[] residuals;

    EdmdModel(Dictionary dictionary, SnapshotPairs data, GalerkinMatrices galerkin,
            QrForm qrForm, DenseMatrix r, RealEigensystem eigen) {
        this.dictionary = dictionary;
        this.data = data;
        this.galerkin = galerkin;
        this.qrForm = qrForm;
        this.r = r.copy();
        int n = eigen.size();
        this.eigenvalues = eigen.eigenvalues();
        this.qrEigenvectors = new ComplexVector[n];
        for (int j = 0; j < n; j++) {
            qrEigenvectors[j] = eigen.eigenvector(j);
        }
        this.eigenvectors = solveR(qrEigenvectors);
        this.residuals = qrForm.residuals(eigen);
    }

    /**
     * {@code R^{-1} u[j]} for all {@code j}, as one triangular solve with the real and
     * imaginary parts of every {@code u[j]} as right-hand sides.
     */
    private ComplexVector[] solveR(ComplexVector[] u) {
        int n = r.rows;
        int p = u.length;
        DenseMatrix rhs = new DenseMatrix(n, 2 * p);
        for (int j = 0; j < p; j++) {
            u[j].copyTo(rhs.data, j * n, rhs.data, (p + j) * n);
        }
        r.solveUpperInPlace(rhs, false);
        ComplexVector[] v = new ComplexVector[p];
        for (int j = 0; j < p; j++) {
            v[j] = ComplexVector.adopt(Arrays.copyOfRange(rhs.data, j * n, (j + 1) * n),
                    Arrays.copyOfRange(rhs.data, (p + j) * n, (p + j + 1) * n));
        }
        return v;
    }

    /** {@code R v}. */
    private ComplexVector timesR(ComplexVector v) {
        int n = v.length();
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                re[i] += r.get(i, k) * v.re(k);
                im[i] += r.get(i, k) * v.im(k);
            }
        }
        return ComplexVector.adopt(re, im);
    }

    /** The dictionary. */
    public Dictionary dictionary() {
        return dictionary;
    }

    /** The snapshot data the model was fitted to. */
    public SnapshotPairs data() {
        return data;
    }

    /** The dictionary size {@code N}, which is also the number of eigenpairs. */
    public int size() {
        return eigenvalues.length;
    }

    /** The Galerkin matrices {@code G, A, L}. */
    public GalerkinMatrices galerkin() {
        return galerkin;
    }

    /** The QR form {@code R, Ahat, B}, the input of residuals and pseudospectra. */
    public QrForm qrForm() {
        return qrForm;
    }

    /**
     * The EDMD matrix {@code K_EDMD = G^+ A = R^{-1} Ahat R} ({@code N x N}), acting on dictionary
     * coefficients: {@code K g ~ sum_j (K_EDMD c)_j psi_j} for {@code g = sum_j c_j psi_j}.
     */
    public double[][] koopmanMatrix() {
        DenseMatrix k = DenseMatrix.of(qrForm.aHat()).times(r);
        r.solveUpperInPlace(k, false);
        return k.toArray();
    }

    /** Eigenvalue {@code lambda_j}. */
    public Complex eigenvalue(int j) {
        return eigenvalues[j];
    }

    /** All eigenvalues, in LAPACK's order. */
    public Complex[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The dictionary coefficients {@code v_j} of eigenfunction {@code phi_j}. */
    public ComplexVector eigenvector(int j) {
        return eigenvectors[j];
    }

    /** The residual {@code res(lambda_j, v_j)}. */
    public double residual(int j) {
        return residuals[j];
    }

    /** All residuals, in the order of the eigenvalues. */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * The largest residual of the EDMD eigenpairs, the paper's EDMD error {@code er_EDMD}
     * (brief §2.2), which stays of order 1 when EDMD pollutes the spectrum.
     */
    public double maxResidual() {
        double max = 0.0;
        for (double res : residuals) {
            max = Math.max(max, res);
        }
        return max;
    }

    /**
     * The residual {@code res(lambda, v) = ||W^{1/2}(Psi_Y - lambda Psi_X) v|| /
     * ||W^{1/2} Psi_X v||} of any candidate pair: {@code lambda} and the dictionary
     * coefficients {@code v} of a function {@code g = sum_j v_j psi_j}.
     *
     * @throws IllegalArgumentException if {@code v} has the wrong length or is zero
     */
    public double residual(Complex lambda, ComplexVector v) {
        Objects.requireNonNull(lambda, "lambda");
        Matrices.checkLength("v", v, size());
        return qrForm.residual(lambda, timesR(v));
    }

    /** Eigenpair {@code j} with its residual. */
    public Eigenpair eigenpair(int j) {
        return new Eigenpair(j, eigenvalues[j], eigenvectors[j], residuals[j]);
    }

    /** All eigenpairs, in the order of the eigenvalues. */
    public List<Eigenpair> eigenpairs() {
        return verified(Double.POSITIVE_INFINITY);
    }

    /**
     * The verified eigenpairs: those with residual {@code <= epsilon}, in the order of the
     * eigenvalues.
     *
     * @param epsilon the tolerance, {@code >= 0}
     */
    public List<Eigenpair> verified(double epsilon) {
        if (!(epsilon >= 0.0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        }
        List<Eigenpair> pairs = new ArrayList<>();
        for (int j = 0; j < residuals.length; j++) {
            if (residuals[j] <= epsilon) {
                pairs.add(eigenpair(j));
            }
        }
        return List.copyOf(pairs);
    }

    /**
     * The eigenfunctions at the given points: element {@code j} holds
     * {@code phi_j(points[m])} for every {@code m}.
     *
     * @param points rows of length {@code d}
     */
    public ComplexVector[] eigenfunctions(double[][] points) {
        Objects.requireNonNull(points, "points");
        DenseMatrix psi = DenseMatrix.ofDictionary(dictionary, points, null);
        int n = size();
        DenseMatrix vRe = new DenseMatrix(n, n);
        DenseMatrix vIm = new DenseMatrix(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                vRe.set(i, j, eigenvectors[j].re(i));
                vIm.set(i, j, eigenvectors[j].im(i));
            }
        }
        DenseMatrix re = psi.times(vRe);
        DenseMatrix im = psi.times(vIm);
        ComplexVector[] values = new ComplexVector[n];
        for (int j = 0; j < n; j++) {
            double[] r0 = new double[points.length];
            double[] i0 = new double[points.length];
            System.arraycopy(re.data, j * points.length, r0, 0, points.length);
            System.arraycopy(im.data, j * points.length, i0, 0, points.length);
            values[j] = ComplexVector.adopt(r0, i0);
        }
        return values;
    }

    /**
     * The Koopman modes of a vector observable {@code g: R^d -> R^q}: vectors {@code xi_j} in
     * {@code C^q} with {@code g(x) ~ sum_j phi_j(x) xi_j}, the weighted least-squares fit on the
     * data's states. Then {@code g(F^n(x)) ~ sum_j lambda_j^n phi_j(x) xi_j}.
     *
     * <p>Refits on the stored data: one dictionary evaluation and one QR factorisation,
     * {@code O(M N^2)}, then a complex {@code N x N} solve.
     *
     * @param observable {@code observable[m] = g(x_m)}, {@code M x q}, finite
     * @return {@code N} modes of length {@code q}
     * @throws IllegalArgumentException if the observable does not have {@code M} finite rows
     *     of equal length
     * @throws ArithmeticException      if the eigenvectors are linearly dependent (a defective
     *     {@code K_EDMD})
     */
    public ComplexVector[] koopmanModes(double[][] observable) {
        double[][] g = SnapshotPairs.checkedCopy("observable", observable);
        int m = data.size();
        int n = size();
        if (g.length != m) {
            throw new IllegalArgumentException("observable must have one row per snapshot, M = "
                    + m + ", got " + g.length);
        }
        int q = g[0].length;
        double[] sqrtW = data.weights().sqrt();
        HouseholderQr qr = new HouseholderQr(DenseMatrix.ofDictionary(dictionary, data.x(), sqrtW));
        DenseMatrix rhs = DenseMatrix.of(g);
        rhs.scaleRows(sqrtW);
        qr.applyTransposeInPlace(rhs);
        // U Xi = Q^T W^{1/2} g with U = [u_1 .. u_N] complex: solve the real 2N embedding
        // [[Re U, -Im U], [Im U, Re U]] [Re Xi; Im Xi] = [c; 0].
        DenseMatrix embedded = new DenseMatrix(2 * n, 2 * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double ur = qrEigenvectors[j].re(i);
                double ui = qrEigenvectors[j].im(i);
                embedded.set(i, j, ur);
                embedded.set(i, n + j, -ui);
                embedded.set(n + i, j, ui);
                embedded.set(n + i, n + j, ur);
            }
        }
        DenseMatrix xi = new DenseMatrix(2 * n, q);
        for (int c = 0; c < q; c++) {
            for (int i = 0; i < n; i++) {
                xi.set(i, c, rhs.get(i, c));
            }
        }
        int info = LAPACK.engine.gesv(Layout.COL_MAJOR, 2 * n, q, embedded.data, 2 * n,
                new int[2 * n], xi.data, 2 * n);
        if (info != 0) {
            throw new ArithmeticException("the EDMD eigenvectors are linearly dependent (LAPACK"
                    + " dgesv info = " + info + "): K_EDMD is defective, so no modes exist");
        }
        ComplexVector[] modes = new ComplexVector[n];
        for (int j = 0; j < n; j++) {
            double[] re = new double[q];
            double[] im = new double[q];
            for (int c = 0; c < q; c++) {
                re[c] = xi.get(j, c);
                im[c] = xi.get(n + j, c);
            }
            modes[j] = ComplexVector.adopt(re, im);
        }
        return modes;
    }

    @Override
    public String toString() {
        return "EdmdModel[N=" + size() + ", M=" + data.size() + ", dictionary=" + dictionary
                + "]";
    }
}
