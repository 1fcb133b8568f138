package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;
import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.UPLO;

/**
 * Snapshot pairs in proper-orthogonal-decomposition coordinates, the dictionary of the paper's
 * cylinder-wake example: with the snapshots {@code x_m} as the columns of {@code X = U S V^T}
 * (thin SVD), the features of a state are its coefficients {@code U^T x} on the leading left
 * singular vectors, and a dictionary of size {@code N} is the first {@code N} of them
 * ({@link CoordinateDictionary}). The images {@code y_m} are projected on the same vectors.
 *
 * <p>Computed by the method of snapshots, because a field has many more entries than there
 * are snapshots ({@code D >> M}): the {@code M x M} Gram matrix {@code X^T X = V S^2 V^T} by
 * LAPACK {@code dsyevd}, then {@code U = X V S^{-1}}, so that the coordinates are
 * {@code X^T X V S^{-1}} and {@code Y^T X V S^{-1}}. Only modes above the numerical rank's
 * cut are offered: beyond it {@code S^{-1}} would amplify rounding.
 *
 * @param pairs          the coordinates of {@code x_m} and {@code y_m} on the leading modes,
 *                       {@code M x modes}, weights {@code 1/M}
 * @param singularValues the singular values {@code s_1 >= s_2 >= ...} of the modes kept
 */
public record PodCoordinates(SnapshotPairs pairs, double[] singularValues) {

    /**
     * Modes with {@code s_k <= RANK_CUT * s_1} count as numerically zero: the Gram matrix
     * squares the singular values, so rounding leaves about {@code sqrt(eps) s_1 = 1e-8 s_1}
     * where an exact zero would be.
     */
    public static final double RANK_CUT = 1e-7;

    /** Validates and copies. */
    public PodCoordinates {
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(singularValues, "singularValues");
        if (singularValues.length != pairs.dimension()) {
            throw new IllegalArgumentException("singularValues must have one value per coordinate, "
                    + pairs.dimension() + ", got " + singularValues.length);
        }
        singularValues = singularValues.clone();
    }

    /**
     * The first {@code modes} POD coordinates of the pairs {@code (x_m, y_m)}.
     *
     * @param x     the states, one per row, {@code M x D}, finite
     * @param y     their images, {@code M x D}, finite
     * @param modes the number of modes, from 1 to the numerical rank of {@code X}
     * @throws IllegalArgumentException on shapes that differ, non-finite entries, or
     *                                  {@code modes} outside its range
     */
    public static PodCoordinates of(double[][] x, double[][] y, int modes) {
        // the SnapshotPairs constructor checks shapes and finiteness, naming x and y
        SnapshotPairs raw = SnapshotPairs.of(x, y);
        int m = raw.size();
        int d = raw.dimension();
        if (modes < 1 || modes > m) {
            throw new IllegalArgumentException("modes must be in [1, M] = [1, " + m + "], got " + modes);
        }
        double[][] xs = raw.x();
        double[][] ys = raw.y();
        double[] gram = new double[m * m];
        double[] cross = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double g = 0.0;
                double c = 0.0;
                for (int k = 0; k < d; k++) {
                    g += xs[i][k] * xs[j][k];
                    c += ys[i][k] * xs[j][k];
                }
                gram[i + j * m] = g;
                cross[i + j * m] = c;
            }
        }
        // dsyevd overwrites its input with the eigenvectors; gram itself is still needed below
        double[] vectors = gram.clone();
        double[] eigenvalues = new double[m];
        int info = LAPACK.engine.syevd(Layout.COL_MAJOR, EVDJob.VECTORS, UPLO.LOWER, m, vectors, m, eigenvalues);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed on the Gram matrix: info = " + info);
        }
        // ascending order: mode k is column m - 1 - k
        double largest = Math.sqrt(Math.max(0.0, eigenvalues[m - 1]));
        int rank = 0;
        while (rank < m && Math.sqrt(Math.max(0.0, eigenvalues[m - 1 - rank])) > RANK_CUT * largest) {
            rank++;
        }
        if (modes > rank) {
            throw new IllegalArgumentException("modes must be at most the numerical rank of x (singular values "
                    + "above " + RANK_CUT + " times the largest), " + rank + ", got " + modes);
        }
        double[] sigma = new double[modes];
        double[][] px = new double[m][modes];
        double[][] py = new double[m][modes];
        for (int k = 0; k < modes; k++) {
            int column = (m - 1 - k) * m;
            sigma[k] = Math.sqrt(eigenvalues[m - 1 - k]);
            for (int i = 0; i < m; i++) {
                double gx = 0.0;
                double gy = 0.0;
                for (int j = 0; j < m; j++) {
                    double v = vectors[column + j];
                    gx += gram[i + j * m] * v;
                    gy += cross[i + j * m] * v;
                }
                px[i][k] = gx / sigma[k];
                py[i][k] = gy / sigma[k];
            }
        }
        return new PodCoordinates(SnapshotPairs.of(px, py), sigma);
    }

    /**
     * The pairs in the first {@code n} coordinates only: the data of a POD dictionary of size
     * {@code n} ({@code new CoordinateDictionary(n)}).
     */
    public SnapshotPairs leading(int n) {
        if (n < 1 || n > modes()) {
            throw new IllegalArgumentException("n must be in [1, modes] = [1, " + modes() + "], got " + n);
        }
        double[][] x = pairs.x();
        double[][] y = pairs.y();
        for (int m = 0; m < x.length; m++) {
            x[m] = Arrays.copyOf(x[m], n);
            y[m] = Arrays.copyOf(y[m], n);
        }
        return new SnapshotPairs(x, y, pairs.weights());
    }

    /** The number of modes kept. */
    public int modes() {
        return singularValues.length;
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PodCoordinates other && pairs.equals(other.pairs)
                && Arrays.equals(singularValues, other.singularValues);
    }

    @Override
    public int hashCode() {
        return 31 * pairs.hashCode() + Arrays.hashCode(singularValues);
    }

    @Override
    public String toString() {
        return "PodCoordinates[M = " + pairs.size() + ", modes = " + modes() + "]";
    }
}
