package org.phasebook.koopman;

import org.bytedeco.javacpp.DoublePointer;
import smile.math.blas.BLAS;
import smile.math.blas.Diag;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;
import smile.math.blas.UPLO;

/**
 * A real dense matrix in column-major order (entry {@code (i, j)} at {@code data[i + j * rows]}),
 * the layout BLAS and LAPACK work in, with the few products and solves the Koopman estimators
 * need.
 *
 * <p>Products and solves go to OpenBLAS through Smile's engines ({@link BLAS#engine},
 * {@link LAPACK#engine}), the native library behind {@code smile.math.matrix.Matrix}. This class
 * is used instead of {@code Matrix} because {@code Matrix} hides its storage and offers neither
 * the application of a Householder {@code Q^T} to another matrix nor triangular solves.
 *
 * <p>Mutable and package-private: estimators fill and transform these in place, then copy the
 * results into immutable public records.
 */
final class DenseMatrix {

    final int rows;
    final int cols;
    final double[] data;

    DenseMatrix(int rows, int cols) {
        this(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    DenseMatrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0 || data.length != (long) rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols
                    + " matrix needs " + (long) rows * cols + " entries, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** The matrix whose row {@code i} is {@code a[i]}; rows must have equal lengths. */
    static DenseMatrix of(double[][] a) {
        int cols = a.length == 0 ? 0 : a[0].length;
        DenseMatrix m = new DenseMatrix(a.length, cols);
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has length " + a[i].length
                        + ", expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                m.data[i + j * m.rows] = a[i][j];
            }
        }
        return m;
    }

    /**
     * The {@code M x N} matrix {@code diag(scale) Psi} with {@code Psi_{mj} = psi_j(points[m])};
     * {@code scale} may be null for no scaling.
     */
    static DenseMatrix ofDictionary(Dictionary dictionary, double[][] points, double[] scale) {
        int n = dictionary.size();
        DenseMatrix psi = new DenseMatrix(points.length, n);
        double[] row = new double[n];
        for (int m = 0; m < points.length; m++) {
            checkPoint(dictionary, points, m);
            dictionary.evaluate(points[m], row);
            double s = scale == null ? 1.0 : scale[m];
            for (int j = 0; j < n; j++) {
                psi.data[m + j * psi.rows] = s * row[j];
            }
        }
        return psi;
    }

    /** Refuses {@code points[i]} unless it is a point of the dictionary's dimension. */
    static void checkPoint(Dictionary dictionary, double[][] points, int i) {
        if (points[i] == null || points[i].length != dictionary.dimension()) {
            throw new IllegalArgumentException("points[" + i + "] must have length d = "
                    + dictionary.dimension() + ", the dictionary's dimension, got "
                    + (points[i] == null ? "null" : points[i].length));
        }
    }

    static DenseMatrix identity(int n) {
        DenseMatrix m = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i + i * n] = 1.0;
        }
        return m;
    }

    double get(int i, int j) {
        return data[i + j * rows];
    }

    void set(int i, int j, double value) {
        data[i + j * rows] = value;
    }

    /** Row-major copy: {@code result[i][j] = get(i, j)}. */
    double[][] toArray() {
        double[][] a = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                a[i][j] = data[i + j * rows];
            }
        }
        return a;
    }

    DenseMatrix copy() {
        return new DenseMatrix(rows, cols, data.clone());
    }

    DenseMatrix transpose() {
        DenseMatrix t = new DenseMatrix(cols, rows);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                t.data[j + i * cols] = data[i + j * rows];
            }
        }
        return t;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    DenseMatrix rowRange(int from, int to) {
        DenseMatrix s = new DenseMatrix(to - from, cols);
        for (int j = 0; j < cols; j++) {
            System.arraycopy(data, from + j * rows, s.data, j * s.rows, s.rows);
        }
        return s;
    }

    /** Multiplies row {@code i} by {@code scale[i]}, in place. */
    void scaleRows(double[] scale) {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                data[i + j * rows] *= scale[i];
            }
        }
    }

    /** {@code (this + this^T) / 2} in place; the matrix must be square. */
    void symmetrise() {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < j; i++) {
                double mean = 0.5 * (data[i + j * rows] + data[j + i * rows]);
                data[i + j * rows] = mean;
                data[j + i * rows] = mean;
            }
        }
    }

    /** {@code this * b}. */
    DenseMatrix times(DenseMatrix b) {
        return gemm(Transpose.NO_TRANSPOSE, rows, cols, b);
    }

    /** {@code this^T * b}: for weighted dictionary matrices, the Galerkin products. */
    DenseMatrix transposeTimes(DenseMatrix b) {
        return gemm(Transpose.TRANSPOSE, cols, rows, b);
    }

    /**
     * The largest product, in doubles of {@code A}, {@code B} and {@code C} together, whose
     * operands go through the thread's reused native block ({@link #SCRATCH}): 2^21 doubles,
     * 16 MB. Larger products pass their arrays to OpenBLAS directly; there the arithmetic
     * outweighs the copies.
     */
    static final long SCRATCH_LIMIT = 1L << 21;

    /**
     * Native memory for the operands of {@link #gemm}, one block per thread, reused from one
     * product to the next and grown when a product needs more.
     *
     * <p>Why: handed Java arrays, JavaCPP allocates fresh native memory for each of {@code A},
     * {@code B} and {@code C} and copies all three in and back on every call. Measured for a
     * 1000 x 500 by 500 x 500 product (the residuals of 500 eigenpairs): 19–33 ms that way,
     * 12.6 ms for the same OpenBLAS call from C, and 15 ms on one thread, 8 ms on two, with the
     * operands in native memory allocated once. It is the same call on the same numbers, so the
     * results are bit-identical. A thread keeps its block (at most 16 MB) until it ends.
     */
    private static final ThreadLocal<DoublePointer> SCRATCH = new ThreadLocal<>();

    private DenseMatrix gemm(Transpose op, int m, int k, DenseMatrix b) {
        if (b.rows != k) {
            throw new IllegalArgumentException("inner dimensions differ: " + k + " and " + b.rows);
        }
        DenseMatrix c = new DenseMatrix(m, b.cols);
        if (m == 0 || b.cols == 0 || k == 0) {
            return c;
        }
        long need = (long) data.length + b.data.length + c.data.length;
        if (need > SCRATCH_LIMIT) {
            BLAS.engine.gemm(Layout.COL_MAJOR, op, Transpose.NO_TRANSPOSE, m, b.cols, k, 1.0,
                    data, rows, b.data, b.rows, 0.0, c.data, c.rows);
            return c;
        }
        DoublePointer block = scratch(need);  // A, then B, then C
        DoublePointer pb = block.getPointer(data.length);
        DoublePointer pc = block.getPointer((long) data.length + b.data.length);
        block.put(data);
        pb.put(b.data);
        BLAS.engine.gemm(Layout.COL_MAJOR, op, Transpose.NO_TRANSPOSE, m, b.cols, k, 1.0,
                block, rows, pb, b.rows, 0.0, pc, c.rows);
        pc.get(c.data);
        return c;
    }

    /** This thread's native block of at least {@code doubles} doubles. */
    private static DoublePointer scratch(long doubles) {
        DoublePointer block = SCRATCH.get();
        if (block == null || block.capacity() < doubles) {
            if (block != null) {
                block.close();
            }
            block = new DoublePointer(Math.max(doubles, 1L << 16));
            SCRATCH.set(block);
        }
        return block;
    }

    /**
     * Overwrites {@code b} with {@code R^{-1} b} ({@code transpose}: {@code R^{-T} b}), where
     * {@code R} is the upper triangle of this square matrix.
     */
    void solveUpperInPlace(DenseMatrix b, boolean transpose) {
        if (rows != cols || b.rows != rows) {
            throw new IllegalArgumentException("cannot solve a " + rows + " x " + cols
                    + " triangular system with " + b.rows + " right-hand rows");
        }
        if (rows == 0 || b.cols == 0) {
            return;
        }
        int info = LAPACK.engine.trtrs(Layout.COL_MAJOR, UPLO.UPPER,
                transpose ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE, Diag.NON_UNIT,
                rows, b.cols, data, rows, b.data, b.rows);
        if (info != 0) {
            throw new ArithmeticException("LAPACK trtrs failed: info = " + info
                    + " (a zero on the diagonal of R)");
        }
    }

    /** {@code b R^{-1}} with {@code R} the upper triangle of this square matrix. */
    DenseMatrix rightSolveUpper(DenseMatrix b) {
        DenseMatrix t = b.transpose();
        solveUpperInPlace(t, true);
        return t.transpose();
    }

    /** The Frobenius norm. */
    double frobeniusNorm() {
        double scale = 0.0;
        for (double v : data) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0.0;
        for (double v : data) {
            sum += (v / scale) * (v / scale);
        }
        return scale * Math.sqrt(sum);
    }
}
