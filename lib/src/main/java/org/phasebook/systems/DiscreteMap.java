package org.phasebook.systems;

import java.util.Arrays;
import java.util.Objects;

/**
 * A discrete-time dynamical system {@code x_{n+1} = F(x_n)} on {@code R^d} or on a subset of it
 * (an interval, a circle or a torus represented by a fundamental domain).
 *
 * <p>This is the concept behind Koopman analysis: the Koopman operator of {@code F} acts on
 * observables by {@code (K g)(x) = g(F(x))}, and its data are snapshot pairs
 * {@code (x, F(x))}. A flow enters through its time-{@code dt} map ({@link FlowMap}).
 *
 * <p>Deterministic implementations are immutable and thread-safe. A random map (a random
 * dynamical system such as {@link NoisyLogisticMap}) draws its noise from its own seeded
 * generator, so each call of {@link #apply} advances that generator: such a map is stateful
 * and must not be shared between threads.
 */
public interface DiscreteMap {

    /** The dimension {@code d} of the state; at least 1 and constant. */
    int dimension();

    /**
     * Evaluates {@code F(x)} into {@code next}.
     *
     * <p>Called on hot paths, so closed-form maps do not allocate ({@link FlowMap} allocates
     * inside its integrator). {@code x} is not modified; both arrays have length
     * {@link #dimension()}, must be distinct, and are not retained.
     *
     * @param x    the state {@code x_n}, read only
     * @param next receives {@code x_{n+1}}
     */
    void apply(double[] x, double[] next);

    /**
     * Names of the state variables, one per dimension, used for table columns and axis labels.
     * The default is {@code x0, x1, ...}. Each call returns a fresh array.
     */
    default String[] variableNames() {
        String[] names = new String[dimension()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "x" + i;
        }
        return names;
    }

    /**
     * The orbit {@code x_0, x_1 = F(x_0), ..., x_steps} as a trajectory whose times are the
     * iteration counts {@code 0, 1, ..., steps} (for a {@link FlowMap} the physical time of
     * sample {@code n} is {@code n dt}).
     *
     * @param initialState {@code x_0}, finite, of length {@link #dimension()}; not modified
     * @param steps        number of iterations, {@code >= 1}
     * @return {@code steps + 1} samples named by {@link #variableNames()}
     * @throws IllegalArgumentException if an argument is out of range
     * @throws ArithmeticException      if an iterate is not finite (the orbit escapes to
     *                                  infinity or leaves the domain of {@code F})
     */
    default Trajectory orbit(double[] initialState, int steps) {
        Objects.requireNonNull(initialState, "initialState");
        int d = dimension();
        if (initialState.length != d) {
            throw new IllegalArgumentException("initialState must have length " + d
                    + " (the dimension of " + this + "), got " + initialState.length);
        }
        for (int k = 0; k < d; k++) {
            if (!Double.isFinite(initialState[k])) {
                throw new IllegalArgumentException(
                        "initialState[" + k + "] must be finite, got " + initialState[k]);
            }
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (((long) steps + 1) * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("(steps + 1) * dimension must fit in one array,"
                    + " got (" + steps + " + 1) * " + d + "; iterate in pieces");
        }
        String[] names = variableNames();
        if (names.length != d) {
            throw new IllegalArgumentException("variableNames() of " + this
                    + " must have length " + d + ", got " + names.length);
        }
        double[] times = new double[steps + 1];
        double[] states = new double[(steps + 1) * d];
        double[] x = initialState.clone();
        double[] next = new double[d];
        System.arraycopy(x, 0, states, 0, d);
        for (int n = 1; n <= steps; n++) {
            apply(x, next);
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(next[k])) {
                    throw new ArithmeticException("the orbit of " + this + " is not finite at"
                            + " step " + n + ": " + Arrays.toString(next) + ", from "
                            + Arrays.toString(x) + " at step " + (n - 1) + "; it escapes to"
                            + " infinity or leaves the domain of the map; check the initial"
                            + " state and the parameters");
                }
            }
            times[n] = n;
            System.arraycopy(next, 0, states, n * d, d);
            double[] swap = x;
            x = next;
            next = swap;
        }
        return new Trajectory(times, states, names);
    }
}
