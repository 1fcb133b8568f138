package org.phasebook.systems;

/**
 * The planar pendulum with linear damping, in units where gravity over length is 1,
 * <pre>
 *   d theta / dt = omega
 *   d omega / dt = -sin(theta) - damping * omega,
 * </pre>
 * with {@code theta} the angle from the downward vertical and {@code omega} the angular
 * velocity; {@code theta} is not reduced modulo {@code 2 pi}, so rotations count.
 *
 * <p>The energy {@link #energy} {@code E = omega^2 / 2 + 1 - cos(theta)} obeys
 * {@code dE/dt = -damping omega^2}: it is conserved without damping (a Hamiltonian system, with
 * librations for {@code E < 2} and rotations for {@code E > 2}, separated by the separatrix
 * {@code E = 2}), and decreases with it. Without damping the libration of amplitude
 * {@code theta0} has period {@code 4 K(sin(theta0 / 2))}, with {@code K} the complete elliptic
 * integral of the first kind. The equilibria are {@code (0, 0)} (stable) and {@code (pi, 0)}
 * (the inverted pendulum, a saddle), up to multiples of {@code 2 pi} in {@code theta}.
 *
 * @param damping damping coefficient, finite and {@code >= 0}
 */
public record Pendulum(double damping) implements OdeSystem {

    /** Validates that {@code damping} is finite and non-negative. */
    public Pendulum {
        if (!(damping >= 0.0) || !Double.isFinite(damping)) {
            throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
        }
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        dxdt[0] = x[1];
        dxdt[1] = -Math.sin(x[0]) - damping * x[1];
    }

    @Override
    public String[] variableNames() {
        return new String[] {"theta", "omega"};
    }

    /** The energy {@code E = omega^2 / 2 + 1 - cos(theta)} of state {@code (theta, omega)}. */
    public double energy(double[] state) {
        if (state.length != 2) {
            throw new IllegalArgumentException("state must have length 2, got " + state.length);
        }
        return 0.5 * state[1] * state[1] + 1.0 - Math.cos(state[0]);
    }

    /** The equilibria {@code (0, 0)} and {@code (pi, 0)}, in that order; fresh arrays. */
    public double[][] equilibria() {
        return new double[][] {{0.0, 0.0}, {Math.PI, 0.0}};
    }
}
