package org.phasebook.latent;

/**
 * Package-private dense Cholesky solver for the small symmetric systems of the regressions
 * here (a few dozen unknowns): a page of code instead of a LAPACK call per fold and penalty.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves {@code A X = B} for symmetric positive-definite {@code A}.
     *
     * @param a {@code p x p}, symmetric (only the lower triangle is read); not modified
     * @param b {@code p x q}; not modified
     * @return {@code X}, {@code p x q}, or null when {@code A} is not numerically positive
     *         definite (a pivot {@code <= 1e-13} times the largest diagonal entry)
     */
    static double[][] solve(double[][] a, double[][] b) {
        int p = a.length;
        double[][] l = new double[p][p];
        double maxDiagonal = 0.0;
        for (int i = 0; i < p; i++) {
            maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i][i]));
        }
        double floor = 1e-13 * maxDiagonal;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > floor)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        int q = b[0].length;
        double[][] x = new double[p][q];
        for (int c = 0; c < q; c++) {
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
