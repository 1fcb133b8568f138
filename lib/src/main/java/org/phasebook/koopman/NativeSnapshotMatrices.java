package org.phasebook.koopman;

import java.util.stream.IntStream;

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
 * tests) and the BLAS/LAPACK calls work on it in place; only {@code N x N} (for the Galerkin
 * products {@code 2N x 2N}) results come back to Java.
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
    /**
     * {@code [S_X S_Y]}, {@code M x 2N} column-major, in one allocation: {@link #galerkin} needs
     * the two side by side (one {@code dsyrk} over all {@code 2N} columns).
     */
    private final DoublePointer s;
    /** Views of {@code s} (not closed: they do not own the memory). */
    private final DoublePointer sx;
    private final DoublePointer sy;

    /** Rows of {@code S_X} and {@code S_Y} evaluated in Java before they go to native memory. */
    static final int BLOCK = 256;

    /** Takes ownership of {@code s}, {@code M x 2N}, filled or to be filled. */
    private NativeSnapshotMatrices(int m, int n, DoublePointer s) {
        this.m = m;
        this.n = n;
        this.s = s;
        this.sx = s.getPointer(0);
        this.sy = s.getPointer((long) m * n);
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
        NativeSnapshotMatrices matrices = new NativeSnapshotMatrices(m, n,
                new DoublePointer(2L * m * n));
        try {
            fill(matrices.sx, dictionary, x, sqrtW, "x");
            fill(matrices.sy, dictionary, y, sqrtW, "y");
            return matrices;
        } catch (RuntimeException | Error e) {
            matrices.close();
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
        this(sx.rows, sx.cols, new DoublePointer(2L * checkedShape(sx, sy)));
        this.sx.put(sx.data);
        this.sy.put(sy.data);
    }

    /** The entries of each of two {@code M x N} matrices with {@code M >= N >= 1}. */
    private static long checkedShape(DenseMatrix sx, DenseMatrix sy) {
        if (sx.rows != sy.rows || sx.cols != sy.cols || sx.cols < 1 || sx.rows < sx.cols) {
            throw new IllegalArgumentException("need two M x N matrices with M >= N >= 1, got "
                    + sx.rows + " x " + sx.cols + " and " + sy.rows + " x " + sy.cols);
        }
        return (long) sx.rows * sx.cols;
    }

    /**
     * Row blocks of {@code [S_X S_Y]} whose Gram matrices {@link #galerkin} computes apart, in
     * parallel, and adds. A fixed number, so that the sums, hence the bits, do not depend on the
     * number of processors; four lets up to four cores work.
     */
    static final int ROW_BLOCKS = 4;

    /** Below this many multiply-adds the row blocks are computed one after the other. */
    private static final long PARALLEL_WORK = 50_000_000L;

    /**
     * {@code G = S_X^T S_X}, {@code A = S_X^T S_Y}, {@code L = S_Y^T S_Y}, as the blocks of
     * {@code [S_X S_Y]^T [S_X S_Y] = sum_b [S_X S_Y]_b^T [S_X S_Y]_b} over {@value #ROW_BLOCKS}
     * blocks of rows {@code b}: one {@code dsyrk} per block (upper triangle only), on as many
     * threads as there are blocks and processors with OpenBLAS single-threaded, the results
     * added in block order. The lower triangles of {@code G} and {@code L} are copies of the
     * upper ones, so both are exactly symmetric.
     *
     * <p>Why: at {@code M = 5e4, N = 500} on 2 cores, two {@code N}-column {@code dsyrk}s and a
     * {@code dgemm}, threaded by OpenBLAS, took 0.64–0.84 s; one {@code 2N}-column
     * {@code dsyrk} (the same number of operations), 0.58–0.72 s; split into row blocks on two
     * threads, 0.52–0.60 s, and into four, 0.57–0.60 s (2026-11-30, random data). The
     * blocked sum adds in another order than one {@code dsyrk}, so the last bits differ from it.
     */
    GalerkinMatrices galerkin() {
        int n2 = 2 * n;
        int blocks = Math.min(ROW_BLOCKS, m);
        double[][] grams = new double[blocks][];
        IntStream indices = IntStream.range(0, blocks);
        if ((double) m * n2 * n2 / 2 >= PARALLEL_WORK) {
            indices = indices.parallel();
        }
        SingleThreadedBlas.enter();
        try {
            indices.forEach(block -> grams[block] = gram((int) ((long) block * m / blocks),
                    (int) ((long) (block + 1) * m / blocks)));
        } finally {
            SingleThreadedBlas.exit();
        }
        double[] c = grams[0];
        for (int block = 1; block < blocks; block++) {
            double[] add = grams[block];
            for (int i = 0; i < c.length; i++) {
                c[i] += add[i];
            }
        }
        double[][] g = new double[n][n];
        double[][] a = new double[n][n];
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                g[i][j] = c[i + j * n2];
                g[j][i] = g[i][j];
                l[i][j] = c[n + i + (n + j) * n2];
                l[j][i] = l[i][j];
            }
            for (int i = 0; i < n; i++) {
                a[i][j] = c[i + (n + j) * n2];
            }
        }
        return new GalerkinMatrices(g, a, l);
    }

    /**
     * The upper triangle of {@code [S_X S_Y]^T [S_X S_Y]} over rows {@code from..to-1}
     * ({@code 2N x 2N}, column-major; zero below the diagonal).
     */
    private double[] gram(int from, int to) {
        int n2 = 2 * n;
        // From zeros, so that nothing depends on dsyrk ignoring C when beta = 0.
        double[] c = new double[n2 * n2];
        try (DoublePointer product = new DoublePointer(c)) {
            openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasUpper,
                    openblas.CblasTrans, n2, to - from, 1.0, s.getPointer(from), m, 0.0,
                    product, n2);
            product.get(c);
        }
        return c;
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
        s.close();
    }
}
