package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.junit.jupiter.api.Test;

class CommonsMathOdeTest {

    @Test
    void delegatesDimensionAndDerivative() {
        Lorenz l = Lorenz.classical();
        CommonsMathOde ode = CommonsMathOde.of(l);
        assertSame(l, ode.system());
        assertEquals(3, ode.getDimension());
        double[] x = {1.0, 2.0, 3.0};
        double[] expected = new double[3];
        double[] actual = new double[3];
        l.derivative(0.5, x, expected);
        ode.computeDerivatives(0.5, x, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void anyCommonsMathIntegratorCanSolveTheSystem() {
        // exponential decay x' = -x: RK4 with h = 0.01 is accurate to about 1e-10 at t = 1
        double[] y = new double[1];
        new ClassicalRungeKuttaIntegrator(0.01).integrate(
                CommonsMathOde.of(LinearSystem.of(new double[][] {{-1.0}})), 0.0,
                new double[] {1.0}, 1.0, y);
        assertEquals(Math.exp(-1.0), y[0], 1e-9);
    }

    @Test
    void nonFiniteDerivativeIsAnError() {
        OdeSystem bad = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = 1.0 / x[0];
            }

            @Override
            public String toString() {
                return "reciprocal";
            }
        };
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> CommonsMathOde.of(bad).computeDerivatives(2.0, new double[] {0.0}, new double[1]));
        assertTrue(e.getMessage().startsWith(
                "derivative of reciprocal is not finite at t = 2.0, x = [0.0], dx/dt = [Infinity]"),
                e.getMessage());
    }
}
