package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuffingTest {

    private final Integrator dp853 = new DormandPrince853();

    @Test
    void derivativeMatchesTheEquations() {
        double[] dxdt = new double[2];
        new Duffing(0.5).derivative(0.0, new double[] {2.0, 3.0}, dxdt);
        // y, -alpha y + x - x^3 = -1.5 + 2 - 8
        assertArrayEquals(new double[] {3.0, -7.5}, dxdt);
        assertArrayEquals(new String[] {"x", "y"}, new Duffing(0.0).variableNames());
        assertEquals(2, new Duffing(0.0).dimension());
    }

    @Test
    void energyHasTheDoubleWellForm() {
        Duffing d = new Duffing(0.3);
        assertEquals(0.0, d.energy(new double[] {0.0, 0.0}));
        assertEquals(-0.25, d.energy(new double[] {1.0, 0.0}));
        assertEquals(-0.25, d.energy(new double[] {-1.0, 0.0}));
        // 9/2 - 2 + 4
        assertEquals(6.5, d.energy(new double[] {2.0, 3.0}));
    }

    @Test
    void energyChangesAtRateMinusAlphaYSquared() {
        // dH/dt = grad H . f = (x^3 - x) y' + y y'' ... = -alpha y^2, pointwise
        SplittableRandom random = new SplittableRandom(11);
        for (double alpha : new double[] {0.0, 0.3, 2.0}) {
            Duffing d = new Duffing(alpha);
            for (int i = 0; i < 100; i++) {
                double x = random.nextDouble(-2.0, 2.0);
                double y = random.nextDouble(-2.0, 2.0);
                double[] f = new double[2];
                d.derivative(0.0, new double[] {x, y}, f);
                double rate = (x * x * x - x) * f[0] + y * f[1];
                assertEquals(-alpha * y * y, rate, 1e-13);
            }
        }
    }

    @Test
    void equilibriaHaveZeroDerivative() {
        for (double alpha : new double[] {0.0, 0.3}) {
            Duffing d = new Duffing(alpha);
            double[][] points = d.equilibria();
            assertEquals(3, points.length);
            for (double[] p : points) {
                double[] f = new double[2];
                d.derivative(0.0, p, f);
                assertArrayEquals(new double[] {0.0, 0.0}, f, 0.0);
            }
        }
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        Duffing d = new Duffing(0.3);
        double h = 1e-4;
        for (double[] x : new double[][] {{0.5, -1.0}, {-1.7, 0.2}, {1.0, 0.0}}) {
            double[][] j = d.jacobian(x);
            for (int c = 0; c < 2; c++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[c] += h;
                minus[c] -= h;
                double[] fp = new double[2];
                double[] fm = new double[2];
                d.derivative(0.0, plus, fp);
                d.derivative(0.0, minus, fm);
                for (int r = 0; r < 2; r++) {
                    assertEquals((fp[r] - fm[r]) / (2 * h), j[r][c], 1e-7);
                }
            }
        }
    }

    @Test
    void fociEigenvaluesGiveTheKoopmanLattice() {
        // At (±1, 0), alpha = 0.5: mu^2 + 0.5 mu + 2 = 0, mu = -0.25 ± 1.3919410907 i, and at
        // dt = 0.25, exp(mu dt) = 0.8831062 ± 0.3203441 i.
        Duffing d = new Duffing(0.5);
        for (double[] focus : new double[][] {{1.0, 0.0}, {-1.0, 0.0}}) {
            double[][] j = d.jacobian(focus);
            double trace = j[0][0] + j[1][1];
            double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
            assertEquals(-0.5, trace);
            assertEquals(2.0, det);
            double re = trace / 2.0;
            double im = Math.sqrt(det - re * re);
            assertEquals(1.3919410907, im, 1e-10);
            double modulus = Math.exp(re * 0.25);
            assertEquals(0.8831062, modulus * Math.cos(im * 0.25), 1e-7);
            assertEquals(0.3203441, modulus * Math.sin(im * 0.25), 1e-7);
        }
    }

    @Test
    void energyIsConservedWithoutDamping() {
        Duffing d = new Duffing(0.0);
        for (double[] x0 : new double[][] {{1.5, 0.3}, {0.1, 0.5}, {-0.2, 1.2}}) {
            Trajectory orbit = dp853.integrate(d, x0, OutputGrid.of(0.0, 0.1, 101));
            double e0 = d.energy(x0);
            for (int i = 0; i < orbit.size(); i++) {
                assertEquals(e0, d.energy(orbit.state(i)), 1e-8, "t = " + orbit.time(i));
            }
        }
    }

    @Test
    void energyDecreasesWithDampingAsTheDissipationIntegralSays() {
        Duffing d = new Duffing(0.3);
        double[] x0 = {1.5, 0.3};
        Trajectory orbit = dp853.integrate(d, x0, OutputGrid.of(0.0, 0.01, 1001));
        double[] y = orbit.component(1);
        for (int i = 10; i < orbit.size(); i += 10) {
            assertTrue(d.energy(orbit.state(i)) < d.energy(orbit.state(i - 10)),
                    "t = " + orbit.time(i));
        }
        // H(10) - H(0) = -alpha * integral of y^2 dt, by Simpson's rule on 1000 intervals
        double simpson = y[0] * y[0] + y[1000] * y[1000];
        for (int i = 1; i < 1000; i++) {
            simpson += (i % 2 == 1 ? 4.0 : 2.0) * y[i] * y[i];
        }
        simpson *= 0.01 / 3.0;
        assertEquals(-0.3 * simpson, d.energy(orbit.state(1000)) - d.energy(x0), 1e-7);
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("alpha must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new Duffing(-0.1))
                        .getMessage());
        assertEquals("alpha must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Duffing(Double.NaN))
                        .getMessage());
        assertEquals("state must have length 2, got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> new Duffing(0.0).energy(new double[3])).getMessage());
        assertEquals("state must have length 2, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new Duffing(0.0).jacobian(new double[1])).getMessage());
    }
}
