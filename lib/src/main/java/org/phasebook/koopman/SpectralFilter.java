package org.phasebook.koopman;

/**
 * Filters {@code phi} on {@code [0, 1]} that smooth a truncated Fourier series of a spectral
 * measure (brief §2.6, moment route): the {@code n}-th moment of
 * {@code rho_N(theta) = (1/2 pi) sum_{|n| <= N} phi(|n|/N) mu_n e^{-i n theta}} is damped by
 * {@code phi(|n|/N)}.
 *
 * <p>Every filter has {@code phi(0) = 1} (so {@code rho_N} keeps the total mass {@code mu_0})
 * and {@code phi(1) = 0}. A filter of <em>order</em> {@code p} has
 * {@code 1 - phi(x) = O(x^p)} at {@code 0} and is smooth enough at {@code 1}; where the
 * measure has a smooth density, {@code rho_N} then converges to it pointwise like
 * {@code N^{-p}} (up to logarithms). The {@link #BUMP bump} filter, flat to all orders at both
 * ends, gives convergence faster than any power of {@code N}. Filters of higher order resolve
 * smooth densities faster; only {@link #FEJER} is guaranteed to give a non-negative
 * {@code rho_N} (its kernel is the Fejér kernel, a positive approximate identity).
 */
public enum SpectralFilter {

    /** Fejér's filter {@code 1 - x}, order 1: the Cesàro mean; its kernel is non-negative. */
    FEJER(1.0) {
        @Override
        double phi(double x) {
            return 1.0 - x;
        }
    },

    /** The raised cosine {@code (1 + cos(pi x)) / 2}, order 2. */
    RAISED_COSINE(2.0) {
        @Override
        double phi(double x) {
            return 0.5 * (1.0 + Math.cos(Math.PI * x));
        }
    },

    /**
     * Vandeven's filter of order 4, {@code 1 - x^4 (35 - 84 x + 70 x^2 - 20 x^3)}: the
     * polynomial with {@code 1 - phi} vanishing to order 4 at {@code 0} and {@code phi}
     * vanishing to order 4 at {@code 1}.
     */
    VANDEVEN_4(4.0) {
        @Override
        double phi(double x) {
            return 1.0 - x * x * x * x * (35.0 + x * (-84.0 + x * (70.0 - 20.0 * x)));
        }
    },

    /**
     * The bump {@code exp(-2/(1 - x) exp(-c / x^4))} with {@code c = 0.109550455106347}, of
     * infinite order: all derivatives of {@code 1 - phi} vanish at {@code 0} and all of
     * {@code phi} at {@code 1}.
     */
    BUMP(Double.POSITIVE_INFINITY) {
        @Override
        double phi(double x) {
            if (x == 0.0) {
                return 1.0;
            }
            if (x == 1.0) {
                return 0.0;
            }
            return Math.exp(-2.0 / (1.0 - x) * Math.exp(-BUMP_C / (x * x * x * x)));
        }
    };

    private static final double BUMP_C = 0.109550455106347;

    private final double order;

    SpectralFilter(double order) {
        this.order = order;
    }

    /**
     * The order {@code p}: {@code 1, 2, 4} for {@link #FEJER}, {@link #RAISED_COSINE},
     * {@link #VANDEVEN_4}, and {@link Double#POSITIVE_INFINITY} for {@link #BUMP}.
     */
    public double order() {
        return order;
    }

    /**
     * The filter value {@code phi(x)}.
     *
     * @param x in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code x} is outside {@code [0, 1]} or NaN
     */
    public double value(double x) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("x must be in [0, 1], got " + x);
        }
        return phi(x);
    }

    /** The weights {@code phi(n / N)}, {@code n = 0..N}, for {@code N >= 1}. */
    double[] weights(int n) {
        double[] w = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            w[k] = phi((double) k / n);
        }
        w[0] = 1.0;
        w[n] = 0.0;
        return w;
    }

    abstract double phi(double x);
}
