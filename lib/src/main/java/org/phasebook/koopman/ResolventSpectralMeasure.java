package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * The resolvent route to the smoothed spectral measure of an observable under an isometric
 * Koopman operator (brief §2.6): from the Galerkin pencil of a fitted EDMD model,
 * <pre>
 *   nu_eps(theta) = -(1/2 pi) Re sum_j [c_j conj(lambda_j) &lt;g, R(lambda_j) g&gt;
 *                                      + d_j &lt;K R(lambda_j) g, g&gt;],
 * </pre>
 * with the poles {@code lambda_j} and weights {@code c_j, d_j} of a {@link ResolventKernel} of
 * order {@code m} and width {@code epsilon}, and {@code R(lambda) g} the Galerkin solution of
 * {@code (K - lambda) h = g}: {@code (A - lambda G) x = G f}. When the pencil is exact,
 * {@code nu_eps} is the convolution of the spectral measure {@code xi_g} with the kernel, within
 * {@code O(epsilon^m)} of a smooth density and with every atom of mass {@code a} spread into a
 * bump {@code a K_eps} of width about {@code epsilon}.
 *
 * <p>The computation runs in the orthonormal basis of the model's {@link QrForm}, where
 * {@code G = I} and {@code A = Ahat}, and the observable {@code g = sum_j f_j psi_j} has
 * coordinates {@code u = R f} with {@code ||g||^2 = ||u||^2}. {@code Ahat} is reduced once to
 * upper Hessenberg form {@code Ahat = Z H Z^T} by Householder reflections ({@code O(N^3)});
 * each pole then costs one complex Hessenberg solve with partial pivoting, {@code O(N^2)}, so a
 * grid of {@code P} angles costs {@code O(m P N^2)}. (The paper's code uses a Schur or QZ form;
 * the Hessenberg form gives the same solves at the same order of cost without a complex Schur
 * factorisation.)
 *
 * <p>Immutable.
 */
public final class ResolventSpectralMeasure {

    private final int n;
    /** Upper Hessenberg {@code H}, row-major. */
    private final double[][] h;
    /** {@code w = Z^T u}. */
    private final double[] wRe;
    private final double[] wIm;
    /** {@code v = H^T w}, so that {@code w^* H y = v^* y}. */
    private final double[] vRe;
    private final double[] vIm;
    private final double mass;

    private ResolventSpectralMeasure(double[][] aHat, double[] uRe, double[] uIm) {
        this.n = aHat.length;
        double[][] z = new double[n][n];
        this.h = hessenberg(aHat, z);
        this.wRe = new double[n];
        this.wIm = new double[n];
        double energy = 0.0;
        for (int i = 0; i < n; i++) {
            energy += uRe[i] * uRe[i] + uIm[i] * uIm[i];
            for (int k = 0; k < n; k++) {
                wRe[i] += z[k][i] * uRe[k];
                wIm[i] += z[k][i] * uIm[k];
            }
        }
        this.mass = energy;
        this.vRe = new double[n];
        this.vIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i <= Math.min(k + 1, n - 1); i++) {
                vRe[k] += h[i][k] * wRe[i];
                vIm[k] += h[i][k] * wIm[i];
            }
        }
    }

    /**
     * The measure of the observable {@code g = sum_j f_j psi_j} under the model's Koopman
     * approximation.
     *
     * @param model        a fitted EDMD model
     * @param coefficients {@code f}, the dictionary coefficients of {@code g}, length {@code N}
     */
    public static ResolventSpectralMeasure of(EdmdModel model, ComplexVector coefficients) {
        Objects.requireNonNull(model, "model");
        return of(model.qrForm(), coefficients);
    }

    /** As {@link #of(EdmdModel, ComplexVector)}, from the QR form alone. */
    public static ResolventSpectralMeasure of(QrForm qrForm, ComplexVector coefficients) {
        Objects.requireNonNull(qrForm, "qrForm");
        int size = qrForm.size();
        Matrices.checkLength("coefficients", coefficients, size);
        double[][] r = qrForm.r();
        double[] uRe = new double[size];
        double[] uIm = new double[size];
        for (int i = 0; i < size; i++) {
            for (int k = i; k < size; k++) {
                uRe[i] += r[i][k] * coefficients.re(k);
                uIm[i] += r[i][k] * coefficients.im(k);
            }
        }
        return new ResolventSpectralMeasure(qrForm.aHat(), uRe, uIm);
    }

    /** The total mass {@code ||g||^2} of the observable (in the model's quadrature). */
    public double mass() {
        return mass;
    }

    /** {@code nu_eps(theta)} for the kernel's order and width, at a finite angle. */
    public double density(double theta, ResolventKernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite, got " + theta);
        }
        return evaluate(theta, kernel.poleFactors(), kernel.c(), kernel.d(), new Workspace(n));
    }

    /** {@code nu_eps} at each angle of {@code theta} (finite). */
    public double[] density(double[] theta, ResolventKernel kernel) {
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(kernel, "kernel");
        Complex[] rho = kernel.poleFactors();
        Complex[] c = kernel.c();
        Complex[] d = kernel.d();
        Workspace work = new Workspace(n);
        double[] nu = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            if (!Double.isFinite(theta[p])) {
                throw new IllegalArgumentException("theta[" + p + "] must be finite, got "
                        + theta[p]);
            }
            nu[p] = evaluate(theta[p], rho, c, d, work);
        }
        return nu;
    }

    private double evaluate(double theta, Complex[] rho, Complex[] c, Complex[] d,
            Workspace work) {
        Complex e = Complex.unit(theta);
        double sum = 0.0;
        for (int j = 0; j < rho.length; j++) {
            Complex lambda = e.times(rho[j]);
            solve(lambda, work);
            // <g, R g> = y^* w and <K R g, g> = v^* y in the Hessenberg coordinates.
            double gr = 0.0;
            double gi = 0.0;
            double kr = 0.0;
            double ki = 0.0;
            for (int i = 0; i < n; i++) {
                double yr = work.yRe[i];
                double yi = work.yIm[i];
                gr += yr * wRe[i] + yi * wIm[i];
                gi += yr * wIm[i] - yi * wRe[i];
                kr += vRe[i] * yr + vIm[i] * yi;
                ki += vRe[i] * yi - vIm[i] * yr;
            }
            Complex first = c[j].times(lambda.conjugate()).times(new Complex(gr, gi));
            Complex second = d[j].times(new Complex(kr, ki));
            sum += first.re() + second.re();
        }
        return -sum / (2.0 * Math.PI);
    }

    /** Solves {@code (H - lambda I) y = w} into {@code work.y}, by Gaussian elimination. */
    private void solve(Complex lambda, Workspace work) {
        double[][] ar = work.aRe;
        double[][] ai = work.aIm;
        double[] br = work.yRe;
        double[] bi = work.yIm;
        for (int i = 0; i < n; i++) {
            int from = Math.max(i - 1, 0);
            for (int k = 0; k < from; k++) {
                ar[i][k] = 0.0;
                ai[i][k] = 0.0;
            }
            for (int k = from; k < n; k++) {
                ar[i][k] = h[i][k];
                ai[i][k] = 0.0;
            }
            ar[i][i] -= lambda.re();
            ai[i][i] -= lambda.im();
            br[i] = wRe[i];
            bi[i] = wIm[i];
        }
        // Only row k + 1 has an entry below the diagonal in column k: pivot between the two.
        for (int k = 0; k + 1 < n; k++) {
            int below = k + 1;
            if (Math.hypot(ar[below][k], ai[below][k]) > Math.hypot(ar[k][k], ai[k][k])) {
                double[] t = ar[k];
                ar[k] = ar[below];
                ar[below] = t;
                t = ai[k];
                ai[k] = ai[below];
                ai[below] = t;
                double s = br[k];
                br[k] = br[below];
                br[below] = s;
                s = bi[k];
                bi[k] = bi[below];
                bi[below] = s;
            }
            double pr = ar[k][k];
            double pi = ai[k][k];
            double den = pr * pr + pi * pi;
            if (den == 0.0) {
                throw new ArithmeticException("the pencil is singular at lambda = " + lambda);
            }
            // factor = a[below][k] / a[k][k]
            double fr = (ar[below][k] * pr + ai[below][k] * pi) / den;
            double fi = (ai[below][k] * pr - ar[below][k] * pi) / den;
            for (int col = k; col < n; col++) {
                double xr = ar[k][col];
                double xi = ai[k][col];
                ar[below][col] -= fr * xr - fi * xi;
                ai[below][col] -= fr * xi + fi * xr;
            }
            br[below] -= fr * br[k] - fi * bi[k];
            bi[below] -= fr * bi[k] + fi * br[k];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sr = br[i];
            double si = bi[i];
            for (int col = i + 1; col < n; col++) {
                sr -= ar[i][col] * br[col] - ai[i][col] * bi[col];
                si -= ar[i][col] * bi[col] + ai[i][col] * br[col];
            }
            double pr = ar[i][i];
            double pi = ai[i][i];
            double den = pr * pr + pi * pi;
            if (den == 0.0) {
                throw new ArithmeticException("the pencil is singular at lambda = " + lambda);
            }
            br[i] = (sr * pr + si * pi) / den;
            bi[i] = (si * pr - sr * pi) / den;
        }
    }

    /**
     * Householder reduction {@code a = Z H Z^T} to upper Hessenberg form; returns {@code H} and
     * writes {@code Z} (orthogonal) into {@code z}.
     */
    static double[][] hessenberg(double[][] a, double[][] z) {
        int n = a.length;
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            h[i] = a[i].clone();
            Arrays.fill(z[i], 0.0);
            z[i][i] = 1.0;
        }
        double[] v = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            double scale = 0.0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.abs(h[i][k]));
            }
            if (scale == 0.0) {
                continue;
            }
            double norm = 0.0;
            for (int i = k + 1; i < n; i++) {
                v[i] = h[i][k] / scale;
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            double alpha = v[k + 1] > 0 ? -norm : norm;
            v[k + 1] -= alpha;
            double vv = 0.0;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0.0) {
                continue;
            }
            // P = I - 2 v v^T / (v^T v) on rows/columns k+1..n-1; H <- P H P, Z <- Z P.
            for (int col = 0; col < n; col++) {
                double s = 0.0;
                for (int i = k + 1; i < n; i++) {
                    s += v[i] * h[i][col];
                }
                s *= 2.0 / vv;
                for (int i = k + 1; i < n; i++) {
                    h[i][col] -= s * v[i];
                }
            }
            for (double[] row : h) {
                double s = 0.0;
                for (int i = k + 1; i < n; i++) {
                    s += row[i] * v[i];
                }
                s *= 2.0 / vv;
                for (int i = k + 1; i < n; i++) {
                    row[i] -= s * v[i];
                }
            }
            for (double[] row : z) {
                double s = 0.0;
                for (int i = k + 1; i < n; i++) {
                    s += row[i] * v[i];
                }
                s *= 2.0 / vv;
                for (int i = k + 1; i < n; i++) {
                    row[i] -= s * v[i];
                }
            }
            for (int i = k + 2; i < n; i++) {
                h[i][k] = 0.0;
            }
        }
        return h;
    }

    /** Per-call scratch space for the Hessenberg solves. */
    private static final class Workspace {
        final double[][] aRe;
        final double[][] aIm;
        final double[] yRe;
        final double[] yIm;

        Workspace(int n) {
            aRe = new double[n][n];
            aIm = new double[n][n];
            yRe = new double[n];
            yIm = new double[n];
        }
    }

    @Override
    public String toString() {
        return "ResolventSpectralMeasure[N=" + n + ", mass=" + mass + "]";
    }
}
