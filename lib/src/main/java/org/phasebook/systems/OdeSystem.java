package org.phasebook.systems;

/**
 * A first-order ordinary differential equation {@code dx/dt = f(t, x)} on {@code R^n}, autonomous
 * or not.
 *
 * <p>This is the problem only: an implementation says nothing about how it is integrated (see
 * {@link Integrator}). Implementations must be thread-safe for concurrent calls of
 * {@link #derivative}, which in practice means stateless or immutable.
 */
public interface OdeSystem {

    /** The dimension {@code n} of the state space; at least 1 and constant. */
    int dimension();

    /**
     * Evaluates {@code f(t, x)} into {@code dxdt}.
     *
     * <p>Called on the integrator's hot path, so it must not allocate, and it must not modify
     * {@code x}. Both arrays have length {@link #dimension()}; they may not be retained.
     *
     * @param t    time
     * @param x    state, read only
     * @param dxdt receives the derivative
     */
    void derivative(double t, double[] x, double[] dxdt);

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
}
