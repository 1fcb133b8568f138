package org.phasebook.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-Java, double-precision oracles for {@link SinkhornDivergence}, written from the
 * mathematics (brief §4) without DJL: geomloss' annealed symmetric loop with its final
 * extrapolation and the analytic gradient; plain Sinkhorn at a fixed ε run to convergence; and
 * the exact optimal assignment by enumerating permutations. Brute force: for tiny inputs only.
 */
final class SinkhornReference {

    private SinkhornReference() {
    }

    /**
     * geomloss' result: the pre-final potentials, the final ones, {@code S} and {@code ∂S/∂x}.
     */
    record Result(double[] fab, double[] gab, double[] faa, double[] gbb, double[] fabFinal,
                  double[] gabFinal, double[] faaFinal, double[] gbbFinal, double divergence,
                  double[][] gradient, double diameter, double epsilon, int iterations) {
    }

    /** {@code ½‖x_i − y_j‖²}, summed coordinate by coordinate. */
    static double[][] cost(double[][] x, double[][] y) {
        double[][] c = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                double s = 0;
                for (int d = 0; d < x[i].length; d++) {
                    double t = x[i][d] - y[j][d];
                    s += t * t;
                }
                c[i][j] = 0.5 * s;
            }
        }
        return c;
    }

    /** {@code softmin_ε(C, h)_i = −ε log Σ_j exp(h_j − C_ij/ε)}, with the row maximum out. */
    static double[] softmin(double eps, double[][] c, double[] h) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < h.length; j++) {
                max = Math.max(max, h[j] - c[i][j] / eps);
            }
            double sum = 0;
            for (int j = 0; j < h.length; j++) {
                sum += Math.exp(h[j] - c[i][j] / eps - max);
            }
            out[i] = -eps * (max + Math.log(sum));
        }
        return out;
    }

    /** {@code logw + f/ε} for every entry. */
    static double[] shifted(double logw, double[] f, double eps) {
        double[] h = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            h[i] = logw + f[i] / eps;
        }
        return h;
    }

    static double diameter(double[][] x, double[][] y) {
        int dim = x[0].length;
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[][] cloud : new double[][][] {x, y}) {
                for (double[] p : cloud) {
                    lo = Math.min(lo, p[d]);
                    hi = Math.max(hi, p[d]);
                }
            }
            s += (hi - lo) * (hi - lo);
        }
        return Math.sqrt(s);
    }

    /**
     * The schedule written the direct way: Δ², then exp(2 ln Δ + k·2 ln scaling) while the
     * exponent stays above 2 ln blur, then blur².
     */
    static double[] schedule(double diameter, double blur, double scaling) {
        List<Double> list = new ArrayList<>();
        list.add(diameter * diameter);
        double stop = 2 * Math.log(blur);
        for (int k = 0; ; k++) {
            double e = 2 * Math.log(diameter) + k * 2 * Math.log(scaling);
            if (!(e > stop)) {
                break;
            }
            list.add(Math.exp(e));
        }
        list.add(blur * blur);
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** geomloss' annealed symmetric loop with uniform weights, the extrapolation and ∂S/∂x. */
    static Result geomloss(double[][] x, double[][] y, double blur, double scaling) {
        int n = x.length;
        int m = y.length;
        double logA = -Math.log(n);
        double logB = -Math.log(m);
        double[][] cxy = cost(x, y);
        double[][] cyx = cost(y, x);
        double[][] cxx = cost(x, x);
        double[][] cyy = cost(y, y);
        double diameter = diameter(x, y);
        double[] eps = schedule(diameter, blur, scaling);
        double e0 = eps[0];
        double[] fab = softmin(e0, cxy, shifted(logB, new double[m], e0));
        double[] gab = softmin(e0, cyx, shifted(logA, new double[n], e0));
        double[] faa = softmin(e0, cxx, shifted(logA, new double[n], e0));
        double[] gbb = softmin(e0, cyy, shifted(logB, new double[m], e0));
        for (double e : eps) {
            double[] fabT = softmin(e, cxy, shifted(logB, gab, e));
            double[] gabT = softmin(e, cyx, shifted(logA, fab, e));
            double[] faaT = softmin(e, cxx, shifted(logA, faa, e));
            double[] gbbT = softmin(e, cyy, shifted(logB, gbb, e));
            fab = average(fab, fabT);
            gab = average(gab, gabT);
            faa = average(faa, faaT);
            gbb = average(gbb, gbbT);
        }
        double e = blur * blur;
        double[] fabF = softmin(e, cxy, shifted(logB, gab, e));
        double[] gabF = softmin(e, cyx, shifted(logA, fab, e));
        double[] faaF = softmin(e, cxx, shifted(logA, faa, e));
        double[] gbbF = softmin(e, cyy, shifted(logB, gbb, e));
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (fabF[i] - faaF[i]) / n;
        }
        for (int j = 0; j < m; j++) {
            s += (gabF[j] - gbbF[j]) / m;
        }
        double[][] grad = gradient(x, y, gab, faa, e);
        return new Result(fab, gab, faa, gbb, fabF, gabF, faaF, gbbF, s, grad, diameter, e,
            eps.length);
    }

    /**
     * {@code ∂S/∂x_i = a_i [Σ_j w_ij (x_i − y_j) − Σ_k u_ik (x_i − x_k)]} with
     * {@code w_ij = softmax_j(log b_j + (g_ab,j − C_ij)/ε)} and
     * {@code u_ik = softmax_k(log a_k + (f_aa,k − C^xx_ik)/ε)}.
     */
    static double[][] gradient(double[][] x, double[][] y, double[] gab, double[] faa,
                               double eps) {
        int n = x.length;
        int dim = x[0].length;
        double[][] w = softmaxRows(cost(x, y), shifted(-Math.log(y.length), gab, eps), eps);
        double[][] u = softmaxRows(cost(x, x), shifted(-Math.log(n), faa, eps), eps);
        double[][] g = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                double s = 0;
                for (int j = 0; j < y.length; j++) {
                    s += w[i][j] * (x[i][d] - y[j][d]);
                }
                for (int k = 0; k < n; k++) {
                    s -= u[i][k] * (x[i][d] - x[k][d]);
                }
                g[i][d] = s / n;
            }
        }
        return g;
    }

    private static double[][] softmaxRows(double[][] c, double[] h, double eps) {
        double[][] p = new double[c.length][h.length];
        for (int i = 0; i < c.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < h.length; j++) {
                max = Math.max(max, h[j] - c[i][j] / eps);
            }
            double sum = 0;
            for (int j = 0; j < h.length; j++) {
                p[i][j] = Math.exp(h[j] - c[i][j] / eps - max);
                sum += p[i][j];
            }
            for (int j = 0; j < h.length; j++) {
                p[i][j] /= sum;
            }
        }
        return p;
    }

    /**
     * The x-dependent part of geomloss' final step with the potentials and the second copy of
     * x held fixed: {@code Σ_i a_i [softmin_ε(C(x_i, y), log b + g_ab/ε) −
     * softmin_ε(C(x_i, xFixed), log a + f_aa/ε)]}.
     */
    static double finalStep(double[][] x, double[][] xFixed, double[][] y, double[] gab,
                            double[] faa, double eps) {
        int n = x.length;
        double[] f = softmin(eps, cost(x, y), shifted(-Math.log(y.length), gab, eps));
        double[] h = softmin(eps, cost(x, xFixed), shifted(-Math.log(n), faa, eps));
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (f[i] - h[i]) / n;
        }
        return s;
    }

    /**
     * {@code OT_ε(α, β) = min ⟨π, C⟩ + ε KL(π | α⊗β)} by plain alternating log-domain Sinkhorn at
     * the fixed ε, run until every row sum of the plan is within a relative {@code tol} of its
     * weight (the column sums are exact after each g-update); returned as the dual value
     * {@code ⟨a, f⟩ + ⟨b, g⟩}, which equals the primal one at convergence. The potentials
     * themselves may still drift along their constant shift (f + c, g − c), which changes
     * neither the plan nor the value, so they are not the stopping criterion.
     */
    static double entropicOt(double[][] x, double[][] y, double eps, double tol) {
        int n = x.length;
        int m = y.length;
        double logA = -Math.log(n);
        double logB = -Math.log(m);
        double[][] cxy = cost(x, y);
        double[][] cyx = cost(y, x);
        double[] f = new double[n];
        double[] g = new double[m];
        for (int it = 0; it < 10_000_000; it++) {
            f = softmin(eps, cxy, shifted(logB, g, eps));
            g = softmin(eps, cyx, shifted(logA, f, eps));
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < m; j++) {
                    row += Math.exp(logB + (f[i] + g[j] - cxy[i][j]) / eps);
                }
                worst = Math.max(worst, Math.abs(row - 1));
            }
            if (worst < tol) {
                return mean(f) + mean(g);
            }
        }
        throw new AssertionError("plain Sinkhorn did not converge to " + tol);
    }

    /** {@code OT_ε(α, β) − ½ OT_ε(α, α) − ½ OT_ε(β, β)} with converged plain Sinkhorn. */
    static double debiasedEntropic(double[][] x, double[][] y, double eps, double tol) {
        return entropicOt(x, y, eps, tol) - 0.5 * entropicOt(x, x, eps, tol)
            - 0.5 * entropicOt(y, y, eps, tol);
    }

    /** {@code (1/N) min_σ Σ_i C(x_i, y_σ(i))} over all permutations; {@code N = M <= 8}. */
    static double assignmentCost(double[][] x, double[][] y) {
        if (x.length != y.length || x.length > 8) {
            throw new IllegalArgumentException("need N = M <= 8, got " + x.length + ", " + y.length);
        }
        double[][] c = cost(x, y);
        int[] perm = new int[x.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double s = 0;
            for (int i = 0; i < perm.length; i++) {
                s += c[i][perm[i]];
            }
            best = Math.min(best, s);
        } while (nextPermutation(perm));
        return best / x.length;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        swap(p, i, j);
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            swap(p, a, b);
        }
        return true;
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }

    private static double[] average(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = 0.5 * (a[i] + b[i]);
        }
        return c;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
