package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phasebook.systems.Lorenz;
import org.phasebook.systems.OdeSystem;

class RungeKutta4Test {

    /** dx/dt = lambda x. */
    private static OdeSystem linear(double lambda) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = lambda * x[0];
            }
        };
    }

    @Test
    void oneStepOfALinearEquationIsTheFourthOrderTaylorPolynomial() {
        double lambda = -1.7;
        double h = 0.1;
        double z = lambda * h;
        double expected = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
        double[] x = new RungeKutta4(h).step(linear(lambda), 0.0, new double[] {1.0});
        assertEquals(expected, x[0], 1e-15);
    }

    @Test
    void aCubicInTimeIsIntegratedExactly() {
        // dx/dt = t^3: RK4 reduces to Simpson's rule, exact for cubics.
        OdeSystem cubic = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = t * t * t;
            }
        };
        double t0 = 0.5;
        double h = 0.25;
        double[] x = new RungeKutta4(h).step(cubic, t0, new double[] {2.0});
        double t1 = t0 + h;
        assertEquals(2.0 + (t1 * t1 * t1 * t1 - t0 * t0 * t0 * t0) / 4.0, x[0], 1e-15);
    }

    @Test
    void globalErrorFallsSixteenfoldWhenTheStepHalves() {
        Lorenz flow = Lorenz.classical();
        // The recipe's first condition state, on the attractor. (From off-attractor states
        // such as (1, 1, 20) the ratio at h = 0.01 is not yet asymptotic: about 28.)
        double[] x0 = endOf(new RungeKutta4(0.01).orbit(flow, 0.0, LorenzGenerator.start(),
                LorenzGenerator.DISCARD_STEPS));
        double[] ref = endOf(new RungeKutta4(1.0 / 3200).orbit(flow, 0.0, x0, 3200));
        double[] coarse = endOf(new RungeKutta4(0.01).orbit(flow, 0.0, x0, 100));
        double[] fine = endOf(new RungeKutta4(0.005).orbit(flow, 0.0, x0, 200));
        double ratio = distance(coarse, ref) / distance(fine, ref);
        assertTrue(ratio > 14.0 && ratio < 18.5, "error ratio " + ratio);
    }

    @Test
    void orbitStartsWithACopyAndContinuesStepByStep() {
        Lorenz flow = Lorenz.classical();
        double[] x0 = LorenzGenerator.start();
        RungeKutta4 rk4 = new RungeKutta4(0.01);
        double[][] orbit = rk4.orbit(flow, 0.0, x0, 3);
        assertEquals(4, orbit.length);
        assertArrayEquals(x0, orbit[0]);
        assertNotSame(x0, orbit[0]);
        assertArrayEquals(rk4.step(flow, 0.0, rk4.step(flow, 0.0, orbit[0])), orbit[2]);
    }

    @Test
    void badArgumentsAndBlowUpsAreReported() {
        assertThrows(IllegalArgumentException.class, () -> new RungeKutta4(0.0));
        assertThrows(IllegalArgumentException.class, () -> new RungeKutta4(Double.NaN));
        RungeKutta4 rk4 = new RungeKutta4(0.01);
        assertThrows(IllegalArgumentException.class,
                () -> rk4.step(Lorenz.classical(), 0.0, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> rk4.orbit(Lorenz.classical(), 0.0, new double[3], -1));
        OdeSystem explosive = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = x[0] * x[0];
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RungeKutta4(1.0).orbit(explosive, 0.0, new double[] {10.0}, 50));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    private static double[] endOf(double[][] orbit) {
        return orbit[orbit.length - 1];
    }

    private static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
