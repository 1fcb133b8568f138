package org.phasebook.systems;

/**
 * The rotation of the circle by the angle {@code omega},
 * <pre>
 *   theta_{n+1} = theta_n + omega  (mod 2 pi),
 * </pre>
 * on angles {@code theta} represented in {@code [0, 2 pi)}.
 *
 * <p>The simplest measure-preserving map, and an exact oracle for Koopman methods: its Koopman
 * operator is unitary on {@code L^2} of the uniform measure, with eigenfunctions
 * {@code e^{i k theta}} and eigenvalues {@code e^{i k omega}}, {@code k} in {@code Z}; for
 * {@code omega / (2 pi)} irrational the spectrum is pure point and dense in the unit circle,
 * and the rotation is uniquely ergodic. For {@code omega / (2 pi) = p / q} in lowest terms every
 * orbit is periodic with period {@code q}, and the eigenvalues are the {@code q}-th roots of
 * unity, each of infinite multiplicity: {@code omega = 1.4 pi} ({@code p / q = 7 / 10}), for
 * example, has only ten distinct eigenvalues.
 *
 * @param omega rotation angle in radians, finite (any value; only {@code omega mod 2 pi}
 *              matters)
 */
public record CircleRotation(double omega) implements DiscreteMap {

    /** Validates that {@code omega} is finite. */
    public CircleRotation {
        if (!Double.isFinite(omega)) {
            throw new IllegalArgumentException("omega must be finite, got " + omega);
        }
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public void apply(double[] x, double[] next) {
        next[0] = PeriodicCoordinate.reduce(x[0] + omega, 2.0 * Math.PI);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"theta"};
    }

    /**
     * The closed form of the {@code n}-th iterate, {@code theta0 + n omega (mod 2 pi)} in
     * {@code [0, 2 pi)}; computed in one step, so its rounding error does not grow with
     * {@code n} as the iterates' does (it is about {@code ulp(n omega)}).
     *
     * @param theta0 initial angle, finite
     * @param n      number of iterations, {@code >= 0}
     */
    public double exactState(double theta0, long n) {
        if (!Double.isFinite(theta0)) {
            throw new IllegalArgumentException("theta0 must be finite, got " + theta0);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return PeriodicCoordinate.reduce(theta0 + n * omega, 2.0 * Math.PI);
    }
}
