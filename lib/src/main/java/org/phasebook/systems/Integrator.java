package org.phasebook.systems;

import java.util.function.DoubleConsumer;

/**
 * A numerical method that solves an {@link OdeSystem} from an initial state. The method is chosen
 * independently of the system, and implementations are named after the method
 * ({@link DormandPrince853}).
 *
 * <p>Implementations are immutable and may be shared between threads. Failures of the method
 * (a blow-up, a step size below the minimum) raise {@link IntegrationException}; invalid
 * arguments raise {@link IllegalArgumentException} naming the argument.
 */
public interface Integrator {

    /**
     * Integrates {@code system} from {@code initialState} at {@code grid.t0()}, discards the
     * transient, and samples the solution at the grid times. The samples must not depend on where
     * the method's internal steps fall, other than through the method's error.
     *
     * @param system       the problem
     * @param initialState state at {@code grid.t0()}, of length {@code system.dimension()},
     *                     finite; not modified
     * @param grid         start time, transient and sample times
     * @param progress     receives the fraction of the time span done, non-decreasing in [0, 1],
     *                     ending with 1
     * @return the sampled trajectory, named by {@link OdeSystem#variableNames()}
     */
    Trajectory integrate(OdeSystem system, double[] initialState, OutputGrid grid,
            DoubleConsumer progress);

    /** As {@link #integrate(OdeSystem, double[], OutputGrid, DoubleConsumer)}, without progress. */
    default Trajectory integrate(OdeSystem system, double[] initialState, OutputGrid grid) {
        return integrate(system, initialState, grid, fraction -> { });
    }

    /**
     * The state at time {@code t1} of the solution that is {@code state} at time {@code t0}. Time
     * may run backwards ({@code t1 < t0}); {@code t1 == t0} returns a copy of {@code state}.
     *
     * @param state finite, of length {@code system.dimension()}; not modified
     * @return a fresh array
     */
    double[] advance(OdeSystem system, double t0, double[] state, double t1);
}
