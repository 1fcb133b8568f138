package org.phasebook.systems;

/**
 * The unforced Duffing oscillator with a double-well potential,
 * <pre>
 *   dx/dt = y
 *   dy/dt = -alpha y + x - x^3,
 * </pre>
 * a particle in the potential {@code V(x) = x^4 / 4 - x^2 / 2} with linear damping
 * {@code alpha}, as in M. J. Colbrook, I. Mezić, A. Stepanenko, "Limits and powers of Koopman
 * learning", arXiv:2407.06312 ({@code alpha = 0} and {@code alpha = 0.3}).
 *
 * <p>The energy {@link #energy} {@code H = y^2 / 2 - x^2 / 2 + x^4 / 4} obeys
 * {@code dH/dt = -alpha y^2}: it is conserved for {@code alpha = 0} (a Hamiltonian system whose
 * time-{@code dt} map preserves area, so its Koopman operator is unitary) and decreases for
 * {@code alpha > 0}. The equilibria ({@link #equilibria}) are the saddle {@code (0, 0)} and the
 * wells {@code (±1, 0)}: centres for {@code alpha = 0}, and for {@code 0 < alpha < 2 sqrt 2}
 * stable foci with eigenvalues {@code mu} solving {@code mu^2 + alpha mu + 2 = 0}, whose basins
 * split the plane. On a basin the Koopman eigenvalues of the time-{@code dt} map include the
 * lattice {@code exp((m mu + n conj(mu)) dt)}, {@code m, n >= 0}.
 *
 * @param alpha damping coefficient, finite and {@code >= 0}
 */
public record Duffing(double alpha) implements OdeSystem {

    /** Validates that {@code alpha} is finite and non-negative. */
    public Duffing {
        if (!(alpha >= 0.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        double px = x[0];
        double py = x[1];
        dxdt[0] = py;
        dxdt[1] = -alpha * py + px - px * px * px;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x", "y"};
    }

    /** The energy {@code H = y^2 / 2 - x^2 / 2 + x^4 / 4} of state {@code (x, y)}. */
    public double energy(double[] state) {
        requireLength(state, "state");
        double x2 = state[0] * state[0];
        return 0.5 * state[1] * state[1] - 0.5 * x2 + 0.25 * x2 * x2;
    }

    /**
     * The equilibria, in the order {@code (0, 0)}, {@code (1, 0)}, {@code (-1, 0)}; fresh arrays on
     * each call.
     */
    public double[][] equilibria() {
        return new double[][] {{0.0, 0.0}, {1.0, 0.0}, {-1.0, 0.0}};
    }

    /** The Jacobian matrix {@code [[0, 1], [1 - 3 x^2, -alpha]]} at state {@code (x, y)}. */
    public double[][] jacobian(double[] state) {
        requireLength(state, "state");
        return new double[][] {{0.0, 1.0}, {1.0 - 3.0 * state[0] * state[0], -alpha}};
    }

    private static void requireLength(double[] state, String name) {
        if (state.length != 2) {
            throw new IllegalArgumentException(name + " must have length 2, got " + state.length);
        }
    }
}
