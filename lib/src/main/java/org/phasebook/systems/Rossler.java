package org.phasebook.systems;

/**
 * The Rössler system, O. E. Rössler, "An equation for continuous chaos", Phys. Lett. A 57,
 * 397–398 (1976):
 * <pre>
 *   dx/dt = -y - z
 *   dy/dt = x + a y
 *   dz/dt = b + z (x - c)
 * </pre>
 * a flow with a single nonlinearity whose orbits spiral out in the {@code (x, y)} plane (the
 * linear part grows at rate {@code a / 2}) and are reinjected near the centre by a spike in
 * {@code z} once {@code x} exceeds {@code c}. Rössler's own values are
 * {@code a = b = 0.2, c = 5.7} ({@link #classical()}); {@code a = b = 0.1, c = 14}
 * ({@link #koopmanLimits()}), a chaotic regime, are the values of the Rössler example of
 * M. J. Colbrook, I. Mezić, A. Stepanenko, "Limits and powers of Koopman learning",
 * arXiv:2407.06312.
 *
 * @param a growth rate of the spiral, finite and {@code > 0}
 * @param b constant forcing of {@code z}, finite and {@code > 0}
 * @param c threshold of {@code x} for reinjection, finite and {@code > 0}
 */
public record Rossler(double a, double b, double c) implements OdeSystem {

    /** Validates that every parameter is finite and positive. */
    public Rossler {
        requirePositive("a", a);
        requirePositive("b", b);
        requirePositive("c", c);
    }

    /** Rössler's parameters: {@code a = b = 0.2, c = 5.7}. */
    public static Rossler classical() {
        return new Rossler(0.2, 0.2, 5.7);
    }

    /** The parameters of arXiv:2407.06312: {@code a = b = 0.1, c = 14}. */
    public static Rossler koopmanLimits() {
        return new Rossler(0.1, 0.1, 14.0);
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
        dxdt[0] = -py - pz;
        dxdt[1] = px + a * py;
        dxdt[2] = b + pz * (px - c);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x", "y", "z"};
    }

    /**
     * The equilibria {@code (a z, -z, z)} with {@code a z^2 - c z + b = 0}: for
     * {@code c^2 > 4 a b} the inner one (small {@code z}, near which the attractor spirals)
     * and then the outer one; none for {@code c^2 < 4 a b}. Fresh arrays on each call.
     */
    public double[][] fixedPoints() {
        double disc = c * c - 4.0 * a * b;
        if (disc < 0.0) {
            return new double[0][];
        }
        double root = Math.sqrt(disc);
        // The inner root from the product of the roots, b / a, avoids cancellation in c - root.
        double outer = (c + root) / (2.0 * a);
        double inner = b / (a * outer);
        return new double[][] {{a * inner, -inner, inner}, {a * outer, -outer, outer}};
    }

    /** The Jacobian matrix {@code J[i][j] = d f_i / d x_j} at state {@code x} (length 3). */
    public double[][] jacobian(double[] x) {
        if (x.length != 3) {
            throw new IllegalArgumentException("x must have length 3, got " + x.length);
        }
        return new double[][] {
            {0.0, -1.0, -1.0},
            {1.0, a, 0.0},
            {x[2], 0.0, x[0] - c},
        };
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
