package org.phasebook.koopman;

/**
 * The rational smoothing kernel of order {@code m} and width {@code epsilon} behind the
 * resolvent route to spectral measures of isometries (brief §2.6; Colbrook and Townsend,
 * <i>Rigorous data-driven computation of spectral properties of Koopman operators for
 * dynamical systems</i>, CPAM 2024).
 *
 * <p>The poles are {@code lambda_j = e^{i theta} rho_j} with {@code rho_j = 1 + epsilon delta_j},
 * {@code delta_j = 1 + i (2j/(m+1) - 1)}, {@code j = 1..m}, all outside the unit circle. The
 * weights solve the {@code m x m} Vandermonde systems
 * {@code sum_j c_j sigma_j^k = delta_{k0}} with
 * {@code sigma_j = -conj(delta_j) / (1 + epsilon conj(delta_j))} and
 * {@code sum_j d_j delta_j^k = delta_{k0}}, {@code k = 0..m-1}, whose solutions are the
 * Lagrange weights at {@code 0}: {@code c_j = prod_{k != j} sigma_k / (sigma_k - sigma_j)}, and
 * likewise {@code d_j}. For the spectral measure {@code xi_g} of an isometry {@code K} the
 * smoothed measure
 * <pre>
 *   nu_eps(theta) = -(1/2 pi) Re sum_j [c_j conj(lambda_j) &lt;g, R(lambda_j) g&gt;
 *                                      + d_j &lt;K R(lambda_j) g, g&gt;],   R(z) = (K - z)^{-1},
 * </pre>
 * is the convolution {@code int K_eps(theta - phi) d xi_g(phi)} with the kernel ({@link #value})
 * <pre>
 *   K_eps(psi) = -(1/2 pi) Re sum_j [c_j conj(rho_j) / (e^{i psi} - conj(rho_j))
 *                                   + d_j / (1 - rho_j e^{i psi})]
 *              = (1/2 pi) sum_n k_n e^{-i n psi},
 *   k_n = (1/2) sum_j (conj(c_j) + d_j) rho_j^{-|n|}
 * </pre>
 * for {@code n >= 0} and {@code k_{-n} = conj(k_n)} ({@link #fourierCoefficient}). So
 * {@code nu_eps(theta) = (1/2 pi) sum_n k_n mu_n e^{-i n theta}}: the moment route with the
 * filter {@code k_n}, which is how the two routes are checked against each other. {@code k_0 = 1}
 * (mass is kept) and {@code k_n = 1 + O((epsilon n)^m)}, so the error on a smooth density is
 * {@code O(epsilon^m)}. For {@code m = 1}, {@code K_eps} is the Poisson kernel of radius
 * {@code 1/(1 + epsilon)}.
 *
 * @param order   {@code m >= 1}
 * @param epsilon the smoothing {@code epsilon}, finite and in {@code (0, 1]}
 */
public record ResolventKernel(int order, double epsilon) {

    /** Largest order accepted: the Vandermonde weights grow quickly with {@code m}. */
    public static final int MAX_ORDER = 10;

    /** Validates the ranges above. */
    public ResolventKernel {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be in [1, " + MAX_ORDER + "], got "
                    + order);
        }
        if (!(epsilon > 0.0 && epsilon <= 1.0)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1], got " + epsilon);
        }
    }

    /** The offsets {@code delta_j = 1 + i (2j/(m+1) - 1)}, {@code j = 1..m}. */
    public Complex[] poleOffsets() {
        Complex[] delta = new Complex[order];
        for (int j = 1; j <= order; j++) {
            delta[j - 1] = new Complex(1.0, 2.0 * j / (order + 1) - 1.0);
        }
        return delta;
    }

    /** The pole radii {@code rho_j = 1 + epsilon delta_j}: {@code lambda_j = e^{i theta} rho_j}. */
    public Complex[] poleFactors() {
        Complex[] delta = poleOffsets();
        Complex[] rho = new Complex[order];
        for (int j = 0; j < order; j++) {
            rho[j] = Complex.ONE.plus(delta[j].times(epsilon));
        }
        return rho;
    }

    /** The weights {@code c_j}. */
    public Complex[] c() {
        Complex[] delta = poleOffsets();
        Complex[] sigma = new Complex[order];
        for (int j = 0; j < order; j++) {
            Complex conj = delta[j].conjugate();
            sigma[j] = conj.times(-1.0).divide(Complex.ONE.plus(conj.times(epsilon)));
        }
        return lagrangeAtZero(sigma);
    }

    /** The weights {@code d_j}. */
    public Complex[] d() {
        return lagrangeAtZero(poleOffsets());
    }

    /** {@code w_j = prod_{k != j} z_k / (z_k - z_j)}: {@code sum_j w_j p(z_j) = p(0)}. */
    private static Complex[] lagrangeAtZero(Complex[] z) {
        Complex[] w = new Complex[z.length];
        for (int j = 0; j < z.length; j++) {
            Complex product = Complex.ONE;
            for (int k = 0; k < z.length; k++) {
                if (k != j) {
                    product = product.times(z[k].divide(z[k].minus(z[j])));
                }
            }
            w[j] = product;
        }
        return w;
    }

    /** The kernel {@code K_eps(psi)} in closed form, for a finite angle {@code psi}. */
    public double value(double psi) {
        if (!Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi must be finite, got " + psi);
        }
        Complex[] rho = poleFactors();
        Complex[] c = c();
        Complex[] d = d();
        Complex e = Complex.unit(psi);
        double sum = 0.0;
        for (int j = 0; j < order; j++) {
            Complex r = rho[j].conjugate();
            sum += c[j].times(r).divide(e.minus(r)).re();
            sum += d[j].divide(Complex.ONE.minus(rho[j].times(e))).re();
        }
        return -sum / (2.0 * Math.PI);
    }

    /**
     * The Fourier coefficient {@code k_n} of {@code 2 pi K_eps}, any integer {@code n}: the
     * filter that turns the moments {@code mu_n} into the smoothed measure.
     */
    public Complex fourierCoefficient(int n) {
        Complex[] rho = poleFactors();
        Complex[] c = c();
        Complex[] d = d();
        int k = Math.abs(n);
        Complex sum = Complex.ZERO;
        for (int j = 0; j < order; j++) {
            Complex power = Complex.ONE.divide(rho[j]).pow(k);
            sum = sum.plus(c[j].conjugate().plus(d[j]).times(power));
        }
        sum = sum.times(0.5);
        return n < 0 ? sum.conjugate() : sum;
    }
}
