package org.phasebook.systems;

/**
 * The Lorenz system, E. N. Lorenz, "Deterministic nonperiodic flow", J. Atmos. Sci. 20, 130–141
 * (1963):
 * <pre>
 *   dx/dt = sigma (y - x)
 *   dy/dt = x (rho - z) - y
 *   dz/dt = x y - beta z
 * </pre>
 * a three-mode truncation of Rayleigh–Bénard convection. {@code sigma} is the Prandtl number
 * (viscosity over thermal diffusivity), {@code rho} the Rayleigh number relative to its critical
 * value for the onset of convection, and {@code beta} a geometric factor of the convection cell.
 * Lorenz's classical values are {@code sigma = 10, rho = 28, beta = 8/3} ({@link #classical()}),
 * for which the attractor is chaotic with largest Lyapunov exponent about 0.906.
 *
 * @param sigma Prandtl number, finite and {@code > 0}
 * @param rho   reduced Rayleigh number, finite and {@code > 0}
 * @param beta  geometric factor, finite and {@code > 0}
 */
public record Lorenz(double sigma, double rho, double beta) implements OdeSystem {

    /** Validates that every parameter is finite and positive. */
    public Lorenz {
        requirePositive("sigma", sigma);
        requirePositive("rho", rho);
        requirePositive("beta", beta);
    }

    /** Lorenz's own parameters: {@code sigma = 10, rho = 28, beta = 8/3}. */
    public static Lorenz classical() {
        return new Lorenz(10.0, 28.0, 8.0 / 3.0);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        double px = x[0];
        double py = x[1];
        double pz = x[2];
        dxdt[0] = sigma * (py - px);
        dxdt[1] = px * (rho - pz) - py;
        dxdt[2] = px * py - beta * pz;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x", "y", "z"};
    }

    /**
     * The equilibria: the origin always, and for {@code rho > 1} also the two convection states
     * {@code C± = (±sqrt(beta (rho - 1)), ±sqrt(beta (rho - 1)), rho - 1)}, in the order origin,
     * C+, C-. Each call returns fresh arrays.
     */
    public double[][] fixedPoints() {
        double[] origin = {0.0, 0.0, 0.0};
        if (rho <= 1.0) {
            return new double[][] {origin};
        }
        double s = Math.sqrt(beta * (rho - 1.0));
        return new double[][] {origin, {s, s, rho - 1.0}, {-s, -s, rho - 1.0}};
    }

    /**
     * The Jacobian matrix {@code J[i][j] = d f_i / d x_j} at state {@code x} (length 3), for
     * linear stability of the equilibria and for tangent dynamics.
     */
    public double[][] jacobian(double[] x) {
        if (x.length != 3) {
            throw new IllegalArgumentException("x must have length 3, got " + x.length);
        }
        return new double[][] {
            {-sigma, sigma, 0.0},
            {rho - x[2], -1.0, -x[0]},
            {x[1], x[0], -beta},
        };
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
