package org.phasebook.systems;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * Presents an {@link OdeSystem} as Commons Math's {@link FirstOrderDifferentialEquations}, so
 * that any Commons Math integrator can solve it.
 *
 * <p>Every derivative is checked for finiteness: a NaN or infinity would otherwise enter the
 * step-size controller, which then takes NaN steps instead of failing. A non-finite derivative
 * raises an {@link IntegrationException} naming the time and state.
 */
public final class CommonsMathOde implements FirstOrderDifferentialEquations {

    private final OdeSystem system;

    private CommonsMathOde(OdeSystem system) {
        this.system = system;
    }

    /** Wraps {@code system}; the adapter holds no state of its own. */
    public static CommonsMathOde of(OdeSystem system) {
        Objects.requireNonNull(system, "system");
        if (system.dimension() < 1) {
            throw new IllegalArgumentException(
                    "system dimension must be >= 1, got " + system.dimension());
        }
        return new CommonsMathOde(system);
    }

    /** The wrapped system. */
    public OdeSystem system() {
        return system;
    }

    @Override
    public int getDimension() {
        return system.dimension();
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        system.derivative(t, y, yDot);
        for (double v : yDot) {
            if (!Double.isFinite(v)) {
                throw new IntegrationException("derivative of " + system + " is not finite at t = "
                        + t + ", x = " + Arrays.toString(y) + ", dx/dt = " + Arrays.toString(yDot)
                        + "; the solution probably blows up");
            }
        }
    }
}
