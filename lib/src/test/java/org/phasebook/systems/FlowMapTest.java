package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowMapTest {

    private final Integrator dp853 = new DormandPrince853();

    @Test
    void oneStepAgreesWithTheIntegratorAtDt() {
        Duffing duffing = new Duffing(0.3);
        FlowMap map = new FlowMap(duffing, 0.3, dp853);
        for (double[] x0 : new double[][] {{1.5, 0.3}, {-0.4, 1.1}, {0.0, 0.0}}) {
            double[] next = new double[2];
            map.apply(x0, next);
            double[] sampled = dp853.integrate(duffing, x0, OutputGrid.of(0.0, 0.3, 2)).state(1);
            assertArrayEquals(sampled, next, 1e-12);
        }
    }

    @Test
    void orbitFollowsTheExactSolution() {
        HarmonicOscillator osc = new HarmonicOscillator(2.0);
        double dt = 0.3;
        double[] x0 = {0.7, -1.3};
        Trajectory orbit = FlowMap.of(osc, dt).orbit(x0, 50);
        assertEquals(51, orbit.size());
        for (int n = 0; n <= 50; n++) {
            assertEquals(n, orbit.time(n));
            assertArrayEquals(osc.exactState(0.0, x0, n * dt), orbit.state(n), 1e-8);
        }
    }

    @Test
    void orbitAgreesWithOneIntegrationSampledAtDt() {
        Duffing duffing = new Duffing(0.3);
        double[] x0 = {1.5, 0.3};
        Trajectory steps = new FlowMap(duffing, 0.25, dp853).orbit(x0, 40);
        Trajectory sampled = dp853.integrate(duffing, x0, OutputGrid.of(0.0, 0.25, 41));
        for (int n = 0; n <= 40; n++) {
            assertArrayEquals(sampled.state(n), steps.state(n), 1e-8);
        }
    }

    @Test
    void itTakesItsShapeFromTheSystem() {
        FlowMap map = FlowMap.of(Rossler.koopmanLimits(), 0.05);
        assertEquals(3, map.dimension());
        assertArrayEquals(new String[] {"x", "y", "z"}, map.variableNames());
        assertTrue(map.integrator() instanceof DormandPrince853);
        assertEquals("FlowMap[system=Rossler[a=0.1, b=0.1, c=14.0], dt=0.05,"
                + " integrator=DormandPrince853]", map.toString());
    }

    @Test
    void aBlowUpIsAnIntegrationFailure() {
        OdeSystem square = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = x[0] * x[0]; // x(t) = 1 / (1 - t) from x(0) = 1
            }
        };
        assertThrows(IntegrationException.class,
                () -> FlowMap.of(square, 2.0).orbit(new double[] {1.0}, 3));
    }

    @Test
    void badArgumentsAreRejected() {
        Duffing duffing = new Duffing(0.0);
        assertEquals("dt must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> FlowMap.of(duffing, 0.0))
                        .getMessage());
        assertEquals("dt must be finite and > 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> FlowMap.of(duffing, -0.1))
                        .getMessage());
        assertEquals("dt must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> FlowMap.of(duffing, Double.NaN)).getMessage());
        assertEquals("system",
                assertThrows(NullPointerException.class, () -> FlowMap.of(null, 0.1))
                        .getMessage());
        assertEquals("integrator",
                assertThrows(NullPointerException.class, () -> new FlowMap(duffing, 0.1, null))
                        .getMessage());
    }
}
