package org.phasebook.latent;

import java.util.Objects;
import org.phasebook.systems.OdeSystem;

/**
 * The classical fourth-order Runge–Kutta method with a fixed step {@code h}:
 * <pre>
 *   k1 = f(t, x)
 *   k2 = f(t + h/2, x + (h/2) k1)
 *   k3 = f(t + h/2, x + (h/2) k2)
 *   k4 = f(t + h, x + h k3)
 *   x' = x + (h/6) (k1 + 2 k2 + 2 k3 + k4)
 * </pre>
 * evaluated component by component in exactly this order and grouping (so the recipe
 * {@code lorenz-v1}, which fixes this method, is reproducible bit for bit elsewhere:
 * {@code x + (h / 6) * (((k1 + 2 k2) + 2 k3) + k4)}, with {@code h/2} and {@code h/6} rounded
 * once). The global error is {@code O(h^4)}.
 *
 * <p>{@code org.phasebook.systems} offers adaptive Dormand–Prince only, whose samples depend on
 * tolerances; the recipe wants this fixed-step method. Immutable and thread-safe; each call
 * allocates its own work arrays.
 *
 * @param h the step, finite and non-zero (negative steps integrate backwards)
 */
public record RungeKutta4(double h) {

    /** Validates the step. */
    public RungeKutta4 {
        if (!Double.isFinite(h) || h == 0.0) {
            throw new IllegalArgumentException("h must be finite and non-zero, got " + h);
        }
    }

    /**
     * One step from {@code (t, x)}.
     *
     * @param system the ODE
     * @param t      the time of {@code x}
     * @param x      the state, length {@code system.dimension()}, finite; not modified
     * @return the state at {@code t + h}, a fresh array
     */
    public double[] step(OdeSystem system, double t, double[] x) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(x, "x");
        int n = system.dimension();
        if (x.length != n) {
            throw new IllegalArgumentException("x must have length " + n + ", got " + x.length);
        }
        double[] out = new double[n];
        new Work(n).step(system, t, x, h, out);
        return out;
    }

    /**
     * The states after {@code 0, 1, ..., steps} steps from {@code x0} at time {@code t0}:
     * {@code result[i]} is the state at {@code t0 + i h} (computed as repeated steps, with the
     * time of step {@code i} taken as {@code t0 + i h}).
     *
     * @param system the ODE
     * @param t0     the initial time
     * @param x0     the initial state, finite; not modified
     * @param steps  the number of steps, {@code >= 0}
     * @return {@code steps + 1} fresh states; {@code result[0]} is a copy of {@code x0}
     * @throws IllegalStateException if a state stops being finite
     */
    public double[][] orbit(OdeSystem system, double t0, double[] x0, int steps) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(x0, "x0");
        int n = system.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("x0 must have length " + n + ", got "
                    + x0.length);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        requireFinite(x0, 0);
        double[][] states = new double[steps + 1][];
        states[0] = x0.clone();
        Work work = new Work(n);
        for (int i = 0; i < steps; i++) {
            double[] next = new double[n];
            work.step(system, t0 + i * h, states[i], h, next);
            requireFinite(next, i + 1);
            states[i + 1] = next;
        }
        return states;
    }

    private static void requireFinite(double[] x, int step) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("state is not finite after " + step
                        + " steps: the step h is too large for this system or it blows up");
            }
        }
    }

    /** The stage vectors of one integration, reused across its steps. */
    private static final class Work {
        final double[] k1;
        final double[] k2;
        final double[] k3;
        final double[] k4;
        final double[] y;

        Work(int n) {
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            y = new double[n];
        }

        void step(OdeSystem system, double t, double[] x, double h, double[] out) {
            int n = x.length;
            double half = h / 2.0;
            double sixth = h / 6.0;
            system.derivative(t, x, k1);
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + half * k1[i];
            }
            system.derivative(t + half, y, k2);
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + half * k2[i];
            }
            system.derivative(t + half, y, k3);
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + h * k3[i];
            }
            system.derivative(t + h, y, k4);
            for (int i = 0; i < n; i++) {
                out[i] = x[i] + sixth * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }
    }
}
