package org.phasebook.systems;

/**
 * The Gauss iterated map (also "Gaussian map" or "mouse map"),
 * <pre>
 *   x_{n+1} = F(x_n) = exp(-alpha x_n^2) + beta,
 * </pre>
 * a one-dimensional map of the real line shaped like a Gaussian bell of width set by
 * {@code alpha} and height shifted by {@code beta}. (Not Gauss's continued-fraction map
 * {@code x -> 1/x mod 1}, which shares the name.)
 *
 * <p>With {@code beta = -1 - exp(-alpha)} ({@link #fixingMinusOne}) the point {@code -1} is
 * fixed and the interval {@code [-1, 0]} is invariant: {@code F} increases on it, from
 * {@code F(-1) = -1} to {@code F(0) = -exp(-alpha)}, so {@code F([-1, 0]) = [-1, -exp(-alpha)]}.
 * This is the Gauss-map example of M. J. Colbrook and A. Townsend's residual DMD
 * (arXiv:2111.14889), with {@code alpha = 2}. Koopman facts on {@code [-1, 0]}: the multiplier
 * {@code lambda = F'(-1) = 2 alpha exp(-alpha)} of the attracting fixed point
 * ({@code 4 e^{-2} = 0.5413...} for {@code alpha = 2}) and its powers are eigenvalues, with
 * analytic eigenfunctions from Koenigs' linearisation; 1 is an eigenvalue (constants); and every
 * observable supported in {@code (-exp(-alpha), 0]}, outside the image, is mapped to zero, so 0
 * is an eigenvalue of infinite multiplicity. For {@code alpha = 2}, {@code F(x) < x} on
 * {@code (-1, 0]}, so every orbit there decreases to {@code -1}; but it first passes slowly
 * (for some 350 iterations from 0) near {@code x = -0.30}, where {@code F(x) - x} comes within
 * about {@code 7e-5} of zero, the ghost of a saddle-node pair.
 *
 * @param alpha width parameter, finite and {@code > 0}
 * @param beta  vertical shift, finite
 */
public record GaussMap(double alpha, double beta) implements DiscreteMap {

    /** Validates that {@code alpha} is finite and positive and {@code beta} finite. */
    public GaussMap {
        if (!(alpha > 0.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
    }

    /**
     * The map with {@code beta = -1 - exp(-alpha)}, which fixes {@code -1} and leaves
     * {@code [-1, 0]} invariant; {@code fixingMinusOne(2)} is the residual-DMD example.
     */
    public static GaussMap fixingMinusOne(double alpha) {
        if (!(alpha > 0.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        return new GaussMap(alpha, -1.0 - Math.exp(-alpha));
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public void apply(double[] x, double[] next) {
        next[0] = value(x[0]);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x"};
    }

    /** {@code F(x) = exp(-alpha x^2) + beta}. */
    public double value(double x) {
        return Math.exp(-alpha * x * x) + beta;
    }

    /**
     * {@code F'(x) = -2 alpha x exp(-alpha x^2)}; at a fixed point this is its multiplier, the
     * Koopman eigenvalue of Koenigs' linearising eigenfunction.
     */
    public double derivative(double x) {
        return -2.0 * alpha * x * Math.exp(-alpha * x * x);
    }
}
