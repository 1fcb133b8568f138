package org.phasebook.koopman;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The weighted dictionary matrices {@code S_X = W^{1/2} Psi_X} and {@code S_Y = W^{1/2} Psi_Y}
 * of {@link Edmd#fit} ({@code M x N}, column-major) held in native memory, with the Galerkin
 * products and the QR factorisations that EDMD computes from them.
 *
 * <p>Why native memory: Smile's engines pass Java arrays to OpenBLAS, and JavaCPP copies a Java
 * {@code double[]} into native memory and back on every call. At {@code M = 5e4, N = 500} each
 * matrix is 200 MB and the copies cost as much as the arithmetic (a GEMM took 0.72 s from Java
 * arrays, 0.34 s from native memory). Here each matrix is written to native memory once
 * ({@link #evaluate} computes it there block by block; the constructor copies a Java matrix, for
 * tests) and the five BLAS/LAPACK calls work on it in place; only {@code N x N} results come back
 * to Java.
 *
 * <p>{@link #qr} overwrites the matrices, so {@link #galerkin} must come first. Not thread-safe.
 * The native memory is freed by {@link #close}, which callers run by try-with-resources.
 */
final class NativeSnapshotMatrices implements AutoCloseable {

    /**
     * The QR factorisations of EDMD: {@code S_X = Q R}, {@code qtY = Q^T S_Y} and the triangular
     * factor {@code rPerp} of {@code Q_perp^T S_Y} ({@code min(M - N, N) x N}).
     */
    record Factors(DenseMatrix r, DenseMatrix qtY, DenseMatrix rPerp) {
    }

    private final int m;
    private final int n;
    private final DoublePointer sx;
    private final DoublePointer sy;

    /** Rows of {@code S_X} and {@code S_Y} evaluated in Java before they go to native memory. */
    static final int BLOCK = 256;

    private NativeSnapshotMatrices(int m, int n, DoublePointer sx, DoublePointer sy) {
        this.m = m;
        this.n = n;
        this.sx = sx;
        this.sy = sy;
    }

    /**
     * {@code S_X = W^{1/2} Psi_X} and {@code S_Y = W^{1/2} Psi_Y} evaluated straight into native
     * memory, {@value #BLOCK} points at a time: the {@code M x N} matrices never exist as Java
     * arrays (at {@code M = 5e4, N = 500} that saves 400 MB of heap and the copy of both into
     * native memory, a fifth of the time of the Galerkin products). Each entry is
     * {@code psi_j(points[i]) * sqrtW[i]}, the number {@link Edmd#fit} always formed.
     *
     * @param dictionary the functions, {@code N} of them, with {@code M >= N >= 1}
     * @param x          the points {@code x_i}, {@code M} of them, of the dictionary's dimension
     * @param y          the points {@code y_i}, as many as {@code x}
     * @param sqrtW      the square roots of the quadrature weights, one per point
     * @throws IllegalArgumentException if a value of the dictionary is not finite, naming the
     *     function and the point; or if the shapes do not fit
     */
    static NativeSnapshotMatrices evaluate(Dictionary dictionary, double[][] x, double[][] y,
                                           double[] sqrtW) {
        int m = x.length;
        int n = dictionary.size();
        if (y.length != m || sqrtW.length != m || n < 1 || m < n) {
            throw new IllegalArgumentException("need M >= N >= 1 with M points in x, y and the"
                    + " weights; got " + m + ", " + y.length + " and " + sqrtW.length
                    + " for N = " + n);
        }
        DoublePointer sx = new DoublePointer((long) m * n);
        DoublePointer sy = null;
        try {
            fill(sx, dictionary, x, sqrtW, "x");
            sy = new DoublePointer((long) m * n);
            fill(sy, dictionary, y, sqrtW, "y");
            return new NativeSnapshotMatrices(m, n, sx, sy);
        } catch (RuntimeException | Error e) {
            sx.close();
            if (sy != null) {
                sy.close();
            }
            throw e;
        }
    }

    /** Writes {@code sqrtW[i] psi_j(points[i])} to entry {@code i + j M} of {@code target}. */
    private static void fill(DoublePointer target, Dictionary dictionary, double[][] points,
                             double[] sqrtW, String name) {
        int m = points.length;
        int n = dictionary.size();
        double[] row = new double[n];
        double[] block = new double[BLOCK * n];  // column-major, up to BLOCK rows
        for (int first = 0; first < m; first += BLOCK) {
            int rows = Math.min(BLOCK, m - first);
            for (int r = 0; r < rows; r++) {
                int i = first + r;
                DenseMatrix.checkPoint(dictionary, points, i);
                dictionary.evaluate(points[i], row);
                for (int j = 0; j < n; j++) {
                    if (!Double.isFinite(row[j])) {
                        throw new IllegalArgumentException("dictionary function " + j + " at "
                                + name + "[" + i + "] is not finite: " + row[j]);
                    }
                    block[r + j * rows] = row[j] * sqrtW[i];
                }
            }
            for (int j = 0; j < n; j++) {
                target.position((long) j * m + first).put(block, j * rows, rows);
            }
        }
        target.position(0);
    }

    /** Copies {@code sx} and {@code sy}, both {@code M x N} with {@code M >= N >= 1}. */
    NativeSnapshotMatrices(DenseMatrix sx, DenseMatrix sy) {
        if (sx.rows != sy.rows || sx.cols != sy.cols || sx.cols < 1 || sx.rows < sx.cols) {
            throw new IllegalArgumentException("need two M x N matrices with M >= N >= 1, got "
                    + sx.rows + " x " + sx.cols + " and " + sy.rows + " x " + sy.cols);
        }
        this.m = sx.rows;
        this.n = sx.cols;
        this.sx = new DoublePointer(sx.data);
        try {
            this.sy = new DoublePointer(sy.data);
        } catch (RuntimeException | Error e) {
            this.sx.close();
            throw e;
        }
    }

    /**
     * {@code G = S_X^T S_X}, {@code A = S_X^T S_Y}, {@code L = S_Y^T S_Y}. {@code G} and
     * {@code L} come from {@code dsyrk}, which computes one triangle, half the work of a GEMM;
     * the other triangle is its copy, so they are exactly symmetric.
     */
    GalerkinMatrices galerkin() {
        DenseMatrix g = gram(sx);
        DenseMatrix a = new DenseMatrix(n, n);
        try (DoublePointer c = new DoublePointer(a.data)) {
            openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasTrans,
                    openblas.CblasNoTrans, n, n, m, 1.0, sx, m, sy, m, 0.0, c, n);
            c.get(a.data);
        }
        DenseMatrix l = gram(sy);
        return new GalerkinMatrices(g.toArray(), a.toArray(), l.toArray());
    }

    private DenseMatrix gram(DoublePointer s) {
        DenseMatrix g = new DenseMatrix(n, n);
        // Filled from zeros so that nothing depends on dsyrk ignoring C when beta = 0.
        try (DoublePointer c = new DoublePointer(g.data)) {
            openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasUpper,
                    openblas.CblasTrans, n, m, 1.0, s, m, 0.0, c, n);
            c.get(g.data);
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                g.set(j, i, g.get(i, j));
            }
        }
        return g;
    }

    /**
     * The Householder QR factorisation of {@code S_X} (LAPACK {@code dgeqrf}),
     * {@code [Q Q_perp]^T S_Y} ({@code dormqr}), and the QR factorisation of its bottom
     * {@code M - N} rows, factorised where they lie; overwrites both matrices.
     *
     * @throws ArithmeticException if LAPACK reports an error
     */
    Factors qr() {
        try (DoublePointer tau = new DoublePointer(n)) {
            check("dgeqrf", openblas.LAPACKE_dgeqrf(openblas.LAPACK_COL_MAJOR, m, n, sx, m, tau));
            check("dormqr", openblas.LAPACKE_dormqr(openblas.LAPACK_COL_MAJOR, (byte) 'L',
                    (byte) 'T', m, n, n, sx, m, tau, sy, m));
        }
        DenseMatrix r = block(sx, 0, n, true);
        DenseMatrix qtY = block(sy, 0, n, false);
        int k = Math.min(m - n, n);
        DenseMatrix rPerp = new DenseMatrix(0, n);
        if (k > 0) {
            // A view of the bottom rows (not closed: it does not own the memory).
            DoublePointer bottom = sy.getPointer(n);
            try (DoublePointer tau = new DoublePointer(k)) {
                check("dgeqrf", openblas.LAPACKE_dgeqrf(openblas.LAPACK_COL_MAJOR, m - n, n,
                        bottom, m, tau));
            }
            rPerp = block(sy, n, k, true);
        }
        return new Factors(r, qtY, rPerp);
    }

    /** Rows {@code from} to {@code from + rows - 1} of {@code s}; if {@code upper}, only R's. */
    private DenseMatrix block(DoublePointer s, int from, int rows, boolean upper) {
        DenseMatrix b = new DenseMatrix(rows, n);
        for (int j = 0; j < n; j++) {
            int length = upper ? Math.min(j + 1, rows) : rows;
            s.getPointer((long) j * m + from).get(b.data, j * rows, length);
        }
        return b;
    }

    private static void check(String routine, int info) {
        if (info != 0) {
            throw new ArithmeticException("LAPACK " + routine + " failed: info = " + info);
        }
    }

    /** Frees the native memory. */
    @Override
    public void close() {
        sx.close();
        sy.close();
    }
}
