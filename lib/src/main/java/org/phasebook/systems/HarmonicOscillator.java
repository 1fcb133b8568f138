package org.phasebook.systems;

/**
 * The harmonic oscillator {@code x'' = -omega^2 x} as the first-order system
 * {@code dx/dt = v, dv/dt = -omega^2 x} with state {@code (x, v)}; {@code omega} is the angular
 * frequency, so the period is {@code 2 pi / omega}.
 *
 * <p>An analytic test problem in the manner of Hipparchus's test problems: its exact solution
 * ({@link #exactState}) and its conserved energy ({@link #energy}) are oracles for integrators.
 *
 * @param omega angular frequency, finite and {@code > 0}
 */
public record HarmonicOscillator(double omega) implements OdeSystem {

    /** Validates that {@code omega} is finite and positive. */
    public HarmonicOscillator {
        if (!(omega > 0.0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("omega must be finite and > 0, got " + omega);
        }
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        dxdt[0] = x[1];
        dxdt[1] = -omega * omega * x[0];
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x", "v"};
    }

    /**
     * The exact state at time {@code t} of the solution that is {@code initialState = (x0, v0)}
     * at time {@code t0}: {@code x = x0 cos(omega s) + (v0/omega) sin(omega s)} with
     * {@code s = t - t0}.
     */
    public double[] exactState(double t0, double[] initialState, double t) {
        if (initialState.length != 2) {
            throw new IllegalArgumentException(
                    "initialState must have length 2, got " + initialState.length);
        }
        double x0 = initialState[0];
        double v0 = initialState[1];
        double phase = omega * (t - t0);
        double c = Math.cos(phase);
        double s = Math.sin(phase);
        return new double[] {x0 * c + v0 / omega * s, -x0 * omega * s + v0 * c};
    }

    /** The conserved energy {@code (v^2 + omega^2 x^2) / 2} of state {@code (x, v)}. */
    public double energy(double[] state) {
        return 0.5 * (state[1] * state[1] + omega * omega * state[0] * state[0]);
    }
}
