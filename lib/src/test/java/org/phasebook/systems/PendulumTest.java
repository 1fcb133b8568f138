package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PendulumTest {

    private final Integrator dp853 = new DormandPrince853();

    /** K(k) = pi / (2 AGM(1, sqrt(1 - k^2))), the complete elliptic integral of the first kind. */
    private static double ellipticK(double k) {
        double a = 1.0;
        double b = Math.sqrt(1.0 - k * k);
        for (int i = 0; i < 40; i++) {
            double m = 0.5 * (a + b);
            b = Math.sqrt(a * b);
            a = m;
        }
        return Math.PI / (2.0 * a);
    }

    @Test
    void derivativeMatchesTheEquations() {
        double[] f = new double[2];
        new Pendulum(0.5).derivative(0.0, new double[] {Math.PI / 2.0, 2.0}, f);
        assertArrayEquals(new double[] {2.0, -2.0}, f); // -sin(pi/2) - 0.5 * 2
        assertArrayEquals(new String[] {"theta", "omega"}, new Pendulum(0.0).variableNames());
    }

    @Test
    void equilibriaHaveZeroDerivativeAndTheirEnergies() {
        Pendulum p = new Pendulum(0.2);
        double[][] points = p.equilibria();
        for (double[] x : points) {
            double[] f = new double[2];
            p.derivative(0.0, x, f);
            assertArrayEquals(new double[] {0.0, 0.0}, f, 1e-15);
        }
        assertEquals(0.0, p.energy(points[0]));
        assertEquals(2.0, p.energy(points[1])); // the separatrix energy
    }

    @Test
    void largeLibrationHasTheEllipticPeriod() {
        Pendulum p = new Pendulum(0.0);
        double theta0 = 2.0;
        double period = 4.0 * ellipticK(Math.sin(theta0 / 2.0));
        assertEquals(2.0 * Math.PI, 4.0 * ellipticK(0.0), 1e-15);
        assertTrue(period > 2.0 * Math.PI + 1.0, "period " + period);
        double[] half = dp853.advance(p, 0.0, new double[] {theta0, 0.0}, period / 2.0);
        assertArrayEquals(new double[] {-theta0, 0.0}, half, 1e-8);
        double[] full = dp853.advance(p, 0.0, new double[] {theta0, 0.0}, period);
        assertArrayEquals(new double[] {theta0, 0.0}, full, 1e-8);
    }

    @Test
    void energyIsConservedWithoutDampingAndDecreasesWithIt() {
        double[] x0 = {2.5, 0.4};
        Pendulum free = new Pendulum(0.0);
        Trajectory orbit = dp853.integrate(free, x0, OutputGrid.of(0.0, 0.1, 101));
        for (int i = 0; i < orbit.size(); i++) {
            assertEquals(free.energy(x0), free.energy(orbit.state(i)), 1e-8);
        }
        Pendulum damped = new Pendulum(0.4);
        Trajectory decaying = dp853.integrate(damped, x0, OutputGrid.of(0.0, 0.1, 101));
        for (int i = 1; i < decaying.size(); i++) {
            assertTrue(damped.energy(decaying.state(i)) < damped.energy(decaying.state(i - 1)));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("damping must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Pendulum(-1.0))
                        .getMessage());
        assertEquals("damping must be finite and >= 0, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new Pendulum(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("state must have length 2, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Pendulum(0.0).energy(new double[0])).getMessage());
    }
}
