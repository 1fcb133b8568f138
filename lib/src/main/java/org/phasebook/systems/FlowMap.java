package org.phasebook.systems;

import java.util.Objects;

/**
 * The time-{@code dt} map {@code x -> phi_dt(x)} of an autonomous {@link OdeSystem}, computed
 * by an {@link Integrator}, as a {@link DiscreteMap}. Koopman data of a flow are snapshot pairs
 * {@code (x, phi_dt(x))}, and the Koopman operator of the flow sampled at {@code dt} is the
 * Koopman operator of this map.
 *
 * <p>Every step integrates from {@code t = 0} to {@code t = dt}, so the system must be
 * autonomous (for a non-autonomous one each step would replay the same time interval). Each call
 * of {@link #apply} restarts the integrator: an orbit of {@code n} steps therefore differs, within
 * the integrator's tolerance, from one integration sampled at {@code dt}
 * ({@link Integrator#integrate}), which is faster for long single trajectories. The map is
 * immutable and thread-safe when the system and the integrator are.
 *
 * @param system     the autonomous vector field
 * @param dt         time step, finite and {@code > 0}
 * @param integrator the method computing {@code phi_dt}
 */
public record FlowMap(OdeSystem system, double dt, Integrator integrator) implements DiscreteMap {

    /** Validates the arguments. */
    public FlowMap {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(integrator, "integrator");
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
    }

    /** The time-{@code dt} map of {@code system} computed by {@link DormandPrince853} defaults. */
    public static FlowMap of(OdeSystem system, double dt) {
        return new FlowMap(system, dt, new DormandPrince853());
    }

    @Override
    public int dimension() {
        return system.dimension();
    }

    /**
     * Integrates from {@code x} at {@code t = 0} to {@code t = dt}.
     *
     * @throws IntegrationException if the integration fails (a blow-up)
     */
    @Override
    public void apply(double[] x, double[] next) {
        double[] end = integrator.advance(system, 0.0, x, dt);
        System.arraycopy(end, 0, next, 0, end.length);
    }

    /** The names of the system's variables. */
    @Override
    public String[] variableNames() {
        return system.variableNames();
    }

    /** The system, the step and the integrator's class (not its identity). */
    @Override
    public String toString() {
        return "FlowMap[system=" + system + ", dt=" + dt + ", integrator="
                + integrator.getClass().getSimpleName() + "]";
    }
}
