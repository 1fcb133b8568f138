package org.phasebook.koopman;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The per-point kernel of {@link Pseudospectrum}: {@code tau_N(z) = sigma_min([Ahat - zI; B])}
 * for one {@link QrForm}, by a Cholesky factorisation of
 * {@code H(z) = Lhat - z Ahat^T - conj(z) Ahat + |z|^2 I} (with {@code Lhat = Ahat^T Ahat + B^T B},
 * so {@code H(z) = [Ahat - zI; B]^* [Ahat - zI; B]}) followed by Lanczos on {@code H(z)^{-1}}.
 *
 * <p>Per point: form the upper triangle of {@code H(z) + delta I} ({@code O(N^2)}), factor it
 * {@code U^* U} (LAPACK {@code zpotrf}, {@code N^3/3} complex multiply-adds), then Lanczos
 * steps with full reorthogonalisation, each two triangular solves ({@code ztrsv},
 * {@code O(N^2)}), until the Ritz vector of the largest Ritz value has a Rayleigh quotient
 * {@code u^* H u} within a relative {@code 1e-14} of {@code lambda_min(H)} (see
 * {@link #lanczos}): 10 to 35 steps on the Duffing data. The Ritz vector {@code u} is the computed
 * pseudo-eigenvector, and the kernel returns its residual
 * {@code ||[Ahat - zI; B] u|| / ||u||}, evaluated from {@code Ahat} and {@code B} without
 * squaring. That value is {@code res(z, u)} for an explicit {@code u}, so it never undercuts
 * {@code tau_N(z)} beyond rounding, and it stays accurate near {@code tau = 0}, where
 * {@code sqrt(lambda_min(H))} has only about 8 correct digits. The shift
 * {@code delta = N eps max_i H_ii} keeps the factorisation defined when {@code H(z)} is singular
 * to rounding (at an exact eigenvalue); it changes no eigenvector. If the factorisation still
 * fails, the shift grows; if Lanczos has not converged after {@code maxSteps} steps, the kernel
 * falls back on the smallest eigenpair from LAPACK {@code zheevr}.
 *
 * <p>Measured alternatives (one thread, {@code N = 500}, Duffing data): {@code zheevr} for the
 * smallest eigenvalue only, 38–53 ms per point; the real {@code 2N} symmetric embedding with
 * {@code dsyevr}, 64–80 ms; {@code zgesvd} of the stacked {@code 2N x N} matrix, 130 ms;
 * this kernel, about 11 ms (the 1891-point Duffing grid of the brief's example D1 in 20 s on one
 * thread, 11 s on two, where NumPy/SciPy's {@code eigh} per point takes 76 s). Native arrays ({@link DoublePointer}) hold the factor, because
 * JavaCPP copies a Java {@code double[]} argument in and out on every call (1 ms per solve
 * instead of 0.15 ms), and the {@code LAPACKE_*_work} and CBLAS entry points skip LAPACKE's
 * NaN scans of the whole matrix.
 *
 * <p>One instance per worker thread: it owns native and Java work arrays. The result at a point
 * depends only on the form and the point, not on what the instance computed before, so a grid
 * evaluated by any number of workers is bit-identical. Callers run OpenBLAS single-threaded
 * ({@link SingleThreadedBlas}).
 */
final class ShiftInvertLanczos implements AutoCloseable {

    /** Relative convergence tolerance of Lanczos (see {@link #lanczos}). */
    static final double TOLERANCE = 1e-14;
    /** Default cap on Lanczos steps before the {@code zheevr} fallback. */
    static final int MAX_STEPS = 100;
    private static final int SHIFT_ATTEMPTS = 8;

    private final Operators ops;
    private final int n;
    private final int maxSteps;
    /** {@code H(z)}, upper triangle, column-major, interleaved re/im. */
    private final double[] h;
    private final double[] diagonal;
    private final DoublePointer factor;
    private final DoublePointer vector;
    private final double[][] basis;
    private final double[] w;
    private final double[] alpha;
    private final double[] beta;
    private final double[] ar;
    private final double[] ai;
    private final double[] br;
    private final double[] bi;
    private int lanczosSteps;
    private double maxDiagonal;
    /** {@code trace H(z) = ||[Ahat - zI; B]||_F^2 >= lambda_max(H(z))}. */
    private double trace;

    ShiftInvertLanczos(Operators ops, int maxSteps) {
        this.ops = ops;
        this.n = ops.n;
        this.maxSteps = Math.max(1, Math.min(n, maxSteps));
        this.h = new double[2 * n * n];
        this.diagonal = new double[n];
        this.basis = new double[this.maxSteps][];
        this.w = new double[2 * n];
        this.alpha = new double[this.maxSteps];
        this.beta = new double[this.maxSteps + 1];
        this.ar = new double[n];
        this.ai = new double[n];
        this.br = new double[ops.k];
        this.bi = new double[ops.k];
        DoublePointer f = new DoublePointer(2L * n * n);
        try {
            this.vector = new DoublePointer(2L * n);
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
        this.factor = f;
    }

    /** The number of Lanczos steps of the last {@link #tau} (0 when it fell back on zheevr). */
    int lastSteps() {
        return lanczosSteps;
    }

    /** {@code tau_N(x + iy)}, unclamped. */
    double tau(double x, double y) {
        formH(x, y);
        double shift = n * Math.ulp(1.0) * maxDiagonal + Double.MIN_NORMAL;
        for (int attempt = 0; attempt < SHIFT_ATTEMPTS; attempt++, shift *= 100.0) {
            for (int i = 0; i < n; i++) {
                h[2 * (i + i * n)] = diagonal[i] + shift;
            }
            factor.position(0).put(h, 0, h.length);
            int info = openblas.LAPACKE_zpotrf_work(openblas.LAPACK_COL_MAJOR, (byte) 'U', n,
                    factor, n);
            if (info < 0) {
                throw new IllegalStateException("zpotrf rejected argument " + (-info));
            }
            if (info == 0) {
                double[] u = lanczos(shift);
                if (u != null) {
                    return residual(x, y, u);
                }
                break;
            }
        }
        lanczosSteps = 0;
        return residual(x, y, smallestEigenvector(x, y));
    }

    /**
     * Writes the upper triangle of {@code H(x + iy)} into {@code h}, its diagonal also into
     * {@code diagonal}, and sets {@link #maxDiagonal} and {@link #trace}.
     */
    private void formH(double x, double y) {
        double z2 = x * x + y * y;
        double max = 0.0;
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            int column = j * n;
            for (int i = 0; i <= j; i++) {
                int ij = i + column;
                h[2 * ij] = ops.lhat[ij] - x * ops.sym[ij];
                h[2 * ij + 1] = y * ops.skew[ij];
            }
            double d = h[2 * (j + column)] + z2;
            h[2 * (j + column)] = d;
            h[2 * (j + column) + 1] = 0.0;
            diagonal[j] = d;
            max = Math.max(max, Math.abs(d));
            sum += d;
        }
        maxDiagonal = max;
        trace = sum;
    }

    /**
     * Lanczos on {@code (U^* U)^{-1} = (H + shift I)^{-1}}; the Ritz vector of the largest Ritz
     * value, or null if it has not converged within {@code maxSteps} steps.
     *
     * <p>The test bounds what is reported, {@code u^* H u}, the Rayleigh quotient of {@code H}:
     * with Ritz residual {@code r} for the Ritz value {@code theta}, the components of {@code u}
     * along the other eigenvectors of {@code H} are at most about {@code r / theta}, so
     * {@code u^* H u - lambda_min <= (r / theta)^2 trace H}. Lanczos stops when that is below
     * {@code TOLERANCE * lambda_min} (about 10 to 30 steps on the Duffing data), or when
     * {@code r / theta <= TOLERANCE} (the vector is converged to rounding, which is what decides
     * near {@code lambda_min = 0}). A test on the Ritz value alone (Kato–Temple,
     * {@code r^2 / gap}) would stop earlier but leave errors of order
     * {@code TOLERANCE * trace H} in {@code u^* H u}, visible near {@code tau = 0}.
     */
    private double[] lanczos(double shift) {
        System.arraycopy(ops.start, 0, w, 0, 2 * n);
        double[] s = null;
        int m = 0;
        boolean converged = false;
        for (int k = 0; k < maxSteps && !converged; k++) {
            if (basis[k] == null) {
                basis[k] = new double[2 * n];
            }
            double[] q = basis[k];
            System.arraycopy(w, 0, q, 0, 2 * n);
            applyInverse(w);
            double a = 0.0;
            for (int i = 0; i < 2 * n; i++) {
                a += q[i] * w[i];
            }
            alpha[k] = a;
            // Two passes of classical Gram-Schmidt against the whole basis keep it orthonormal
            // to working precision, so no Ritz value appears twice.
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    orthogonalise(w, basis[j]);
                }
            }
            double b = norm(w);
            beta[k + 1] = b;
            m = k + 1;
            double[] d = Arrays.copyOf(alpha, m);
            double[] e = new double[Math.max(1, m - 1)];
            System.arraycopy(beta, 1, e, 0, m - 1);
            double[] vectors = new double[m * m];
            int info = openblas.LAPACKE_dstev(openblas.LAPACK_COL_MAJOR, (byte) 'V', m, d, e,
                    vectors, m);
            if (info != 0) {
                return null;
            }
            double theta = d[m - 1];
            s = Arrays.copyOfRange(vectors, (m - 1) * m, m * m);
            double relative = b * Math.abs(s[m - 1]) / theta;
            double lambda = 1.0 / theta - shift;
            converged = relative * relative * trace <= TOLERANCE * lambda
                    || relative <= TOLERANCE || m == n || !(b > 0.0);
            if (!converged && b > 0.0) {
                for (int i = 0; i < 2 * n; i++) {
                    w[i] /= b;
                }
            }
        }
        if (!converged) {
            return null;
        }
        lanczosSteps = m;
        double[] u = new double[2 * n];
        for (int j = 0; j < m; j++) {
            double c = s[j];
            double[] q = basis[j];
            for (int i = 0; i < 2 * n; i++) {
                u[i] += c * q[i];
            }
        }
        return u;
    }

    /** {@code v <- U^{-1} U^{-*} v}, in place. */
    private void applyInverse(double[] v) {
        vector.position(0).put(v, 0, 2 * n);
        openblas.cblas_ztrsv(openblas.CblasColMajor, openblas.CblasUpper, openblas.CblasConjTrans,
                openblas.CblasNonUnit, n, factor, n, vector, 1);
        openblas.cblas_ztrsv(openblas.CblasColMajor, openblas.CblasUpper, openblas.CblasNoTrans,
                openblas.CblasNonUnit, n, factor, n, vector, 1);
        vector.position(0).get(v, 0, 2 * n);
    }

    /** {@code v <- v - (q^* v) q} for a unit vector {@code q}. */
    private void orthogonalise(double[] v, double[] q) {
        double cr = 0.0;
        double ci = 0.0;
        for (int i = 0; i < n; i++) {
            double qr = q[2 * i];
            double qi = q[2 * i + 1];
            double vr = v[2 * i];
            double vi = v[2 * i + 1];
            cr += qr * vr + qi * vi;
            ci += qr * vi - qi * vr;
        }
        for (int i = 0; i < n; i++) {
            double qr = q[2 * i];
            double qi = q[2 * i + 1];
            v[2 * i] -= cr * qr - ci * qi;
            v[2 * i + 1] -= cr * qi + ci * qr;
        }
    }

    private static double norm(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** The eigenvector of the smallest eigenvalue of {@code H(x + iy)}, by LAPACK zheevr. */
    private double[] smallestEigenvector(double x, double y) {
        formH(x, y);
        double[] values = new double[n];
        double[] u = new double[2 * n];
        int info = openblas.LAPACKE_zheevr(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I',
                (byte) 'U', n, h, n, 0.0, 0.0, 1, 1, 0.0, new int[1], values, u, n, new int[2]);
        if (info != 0) {
            throw new ArithmeticException("LAPACK zheevr failed at z = " + new Complex(x, y)
                    + ": info = " + info);
        }
        return u;
    }

    /** {@code ||[Ahat - zI; B] u|| / ||u||} for {@code u} interleaved. */
    private double residual(double x, double y, double[] u) {
        Arrays.fill(ar, 0.0);
        Arrays.fill(ai, 0.0);
        Arrays.fill(br, 0.0);
        Arrays.fill(bi, 0.0);
        double[] a = ops.a;
        double[] b = ops.b;
        int k = ops.k;
        double uu = 0.0;
        for (int j = 0; j < n; j++) {
            double ur = u[2 * j];
            double ui = u[2 * j + 1];
            uu += ur * ur + ui * ui;
            int column = j * n;
            for (int i = 0; i < n; i++) {
                double aij = a[i + column];
                ar[i] += aij * ur;
                ai[i] += aij * ui;
            }
            int bColumn = j * k;
            for (int i = 0, end = Math.min(k, j + 1); i < end; i++) {
                double bij = b[i + bColumn];
                br[i] += bij * ur;
                bi[i] += bij * ui;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double re = ar[i] - (x * u[2 * i] - y * u[2 * i + 1]);
            double im = ai[i] - (x * u[2 * i + 1] + y * u[2 * i]);
            sum += re * re + im * im;
        }
        for (int i = 0; i < k; i++) {
            sum += br[i] * br[i] + bi[i] * bi[i];
        }
        return Math.sqrt(sum / uu);
    }

    @Override
    public void close() {
        factor.close();
        vector.close();
    }

    /**
     * The read-only matrices of one QR form that every worker shares, column-major:
     * {@code Ahat}, {@code B} ({@code k x N}, upper trapezoidal), {@code Lhat}, the symmetric
     * and skew parts {@code Ahat + Ahat^T} and {@code Ahat - Ahat^T}, and the Lanczos start
     * vector (fixed, so that every point starts alike).
     */
    static final class Operators {

        final int n;
        final int k;
        final double[] a;
        final double[] b;
        final double[] lhat;
        final double[] sym;
        final double[] skew;
        final double[] start;

        Operators(QrForm form) {
            DenseMatrix aHat = DenseMatrix.of(form.aHat());
            DenseMatrix bMatrix = DenseMatrix.of(form.b());
            this.n = aHat.rows;
            this.k = bMatrix.rows;
            this.a = aHat.data;
            this.b = bMatrix.data;
            DenseMatrix l = aHat.transposeTimes(aHat);
            if (k > 0) {
                DenseMatrix btb = bMatrix.transposeTimes(bMatrix);
                for (int i = 0; i < l.data.length; i++) {
                    l.data[i] += btb.data[i];
                }
            }
            l.symmetrise();
            this.lhat = l.data;
            this.sym = new double[n * n];
            this.skew = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    sym[i + j * n] = a[i + j * n] + a[j + i * n];
                    skew[i + j * n] = a[i + j * n] - a[j + i * n];
                }
            }
            SplittableRandom random = new SplittableRandom(0x7a75L);
            this.start = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                start[i] = random.nextDouble(-1.0, 1.0);
            }
            double s = norm(start);
            for (int i = 0; i < 2 * n; i++) {
                start[i] /= s;
            }
        }
    }
}
