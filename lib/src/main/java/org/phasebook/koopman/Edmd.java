package org.phasebook.koopman;

import java.util.Objects;

/**
 * Extended dynamic mode decomposition (EDMD, brief §2.2) with residuals (ResDMD, §2.3): from
 * snapshot pairs and a dictionary, the Galerkin approximation {@code K_EDMD = G^+ A} of the
 * Koopman operator {@code K g = g o F} on the span of the dictionary, its eigenpairs, and the
 * residual of every eigenpair.
 *
 * <p>{@code K_EDMD} is the least-squares solution of
 * {@code min ||W^{1/2}(Psi_X K - Psi_Y)||_F}, computed by the Householder QR factorisation of
 * {@code W^{1/2} Psi_X} (never through {@code G^{-1}}, whose condition number is the square of
 * the data's); see {@link QrForm}. Cost: a GEMM and two half-GEMMs ({@code dsyrk}) for
 * {@code G, A, L}, two QR factorisations ({@code O(M N^2)}), one non-symmetric eigenproblem
 * ({@code O(N^3)}).
 *
 * <p>The estimator is stateless; {@link #fit} returns an immutable {@link EdmdModel}.
 *
 * @param dictionary the dictionary {@code psi_1..psi_N}
 */
public record Edmd(Dictionary dictionary) {

    /** Validates the dictionary. */
    public Edmd {
        Objects.requireNonNull(dictionary, "dictionary");
    }

    /**
     * Fits EDMD to {@code data}.
     *
     * @throws IllegalArgumentException if the dictionary and data differ in dimension; if the
     *     dictionary is larger than the data ({@code N > M}); if a dictionary value is not
     *     finite; or if {@code W^{1/2} Psi_X} is numerically rank deficient (dependent
     *     functions on the weighted data)
     * @throws ArithmeticException if the eigenvalue algorithm does not converge
     */
    public EdmdModel fit(SnapshotPairs data) {
        Objects.requireNonNull(data, "data");
        int m = data.size();
        int n = dictionary.size();
        if (dictionary.dimension() != data.dimension()) {
            throw new IllegalArgumentException("the dictionary takes points of dimension d = "
                    + dictionary.dimension() + ", the data have dimension " + data.dimension());
        }
        if (n > m) {
            throw new IllegalArgumentException("the dictionary size N = " + n
                    + " exceeds the number of snapshot pairs M = " + m
                    + ": EDMD needs N <= M (use fewer functions or more data)");
        }
        double[] sqrtW = data.weights().sqrt();
        GalerkinMatrices galerkin;
        NativeSnapshotMatrices.Factors factors;
        try (NativeSnapshotMatrices snapshots = NativeSnapshotMatrices.evaluate(dictionary,
                data.x(), data.y(), sqrtW)) {
            galerkin = snapshots.galerkin();
            factors = snapshots.qr();
        }
        DenseMatrix r = factors.r();
        checkRank(r);
        // [Q Q_perp]^T W^{1/2} Psi_Y: its top N rows give Ahat, the rest B.
        DenseMatrix aHat = r.rightSolveUpper(factors.qtY());
        DenseMatrix b = r.rightSolveUpper(factors.rPerp());
        QrForm qrForm = new QrForm(r.toArray(), aHat.toArray(), b.toArray());
        return new EdmdModel(dictionary, data, galerkin, qrForm, r,
                RealEigensystem.of(aHat));
    }

    /**
     * Refuses an {@code R} with a diagonal entry below {@code N eps max_i |R_ii|}: then
     * {@code R^{-1}}, and with it {@code K_EDMD}, has no correct digits.
     */
    private static void checkRank(DenseMatrix r) {
        int n = r.cols;
        double max = 0.0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(r.get(i, i)));
        }
        double threshold = n * Math.ulp(1.0) * max;
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(r.get(i, i)) > threshold)) {
                throw new IllegalArgumentException("W^{1/2} Psi_X is numerically rank deficient:"
                        + " |R[" + i + "][" + i + "]| = " + Math.abs(r.get(i, i))
                        + " <= N eps max|R[i][i]| = " + threshold + "; dictionary function " + i
                        + " depends linearly on the ones before it on the weighted data"
                        + " (remove functions, add data, or check for zero weights)");
            }
        }
    }
}
