package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DormandPrince853Test {

    private static final HarmonicOscillator OSC = new HarmonicOscillator(2.0); // period pi
    private static final double[] OSC_X0 = {1.0, 0.5};

    /** Largest component error against the exact solution over {@code periods} periods. */
    private static double oscillatorError(double tol, double periods, int n) {
        Trajectory tr = new DormandPrince853(IntegrationSettings.defaults().withTolerance(tol))
                .integrate(OSC, OSC_X0, OutputGrid.of(0.0, periods * Math.PI / (n - 1), n));
        double max = 0.0;
        for (int i = 0; i < tr.size(); i++) {
            double[] exact = OSC.exactState(0.0, OSC_X0, tr.time(i));
            double[] x = tr.state(i);
            max = Math.max(max, Math.max(Math.abs(x[0] - exact[0]), Math.abs(x[1] - exact[1])));
        }
        return max;
    }

    @Test
    void harmonicOscillatorMatchesTheClosedFormAfterManyPeriods() {
        // measured: 1.8e-8 at tol 1e-10 and 1.7e-9 at tol 1e-11 over 100 periods
        assertTrue(oscillatorError(1e-10, 100, 1001) < 3e-8);
        assertTrue(oscillatorError(1e-11, 100, 1001) < 3e-9);
    }

    @Test
    void harmonicOscillatorConservesEnergy() {
        Trajectory tr = new DormandPrince853().integrate(OSC, OSC_X0,
                OutputGrid.of(0.0, 100 * Math.PI / 1000, 1001));
        double e0 = OSC.energy(OSC_X0);
        double drift = 0.0;
        for (int i = 0; i < tr.size(); i++) {
            drift = Math.max(drift, Math.abs(OSC.energy(tr.state(i)) - e0) / e0);
        }
        assertTrue(drift < 1e-8, "relative energy drift " + drift); // measured 2.6e-9
    }

    @Test
    void exponentialDecayMatchesTheClosedForm() {
        LinearSystem decay = LinearSystem.of(new double[][] {{-0.7}});
        Trajectory tr = new DormandPrince853().integrate(decay, new double[] {3.0},
                OutputGrid.of(0.0, 0.1, 101));
        for (int i = 0; i < tr.size(); i++) {
            double exact = 3.0 * Math.exp(-0.7 * tr.time(i));
            assertEquals(exact, tr.state(i)[0], 1e-10 + 1e-9 * exact, "t = " + tr.time(i));
        }
    }

    @Test
    void errorIsProportionalToTheTolerance() {
        // measured over 10 periods: 1.7e-5, 1.7e-7, 1.7e-9 at tol 1e-6, 1e-8, 1e-10
        double e6 = oscillatorError(1e-6, 10, 101);
        double e8 = oscillatorError(1e-8, 10, 101);
        double e10 = oscillatorError(1e-10, 10, 101);
        for (double ratio : new double[] {e6 / e8, e8 / e10}) {
            assertTrue(ratio > 50 && ratio < 200, "error ratio per factor 100 in tol: " + ratio);
        }
    }

    @Test
    void sampleTimesAreExactlyTheGrid() {
        OutputGrid grid = OutputGrid.of(0.3, 0.01, 501).withTransient(2.0);
        Trajectory tr = new DormandPrince853().integrate(Lorenz.classical(), new double[] {1, 1, 1}, grid);
        assertEquals(501, tr.size());
        for (int i = 0; i < tr.size(); i++) {
            assertEquals(0.3 + 2.0 + i * 0.01, tr.time(i));
        }
        assertArrayEquals(new String[] {"x", "y", "z"}, tr.names());
    }

    @Test
    void firstSampleIsTheInitialStateWithoutTransient() {
        double[] x0 = {1.0, -2.0, 20.0};
        Trajectory tr = new DormandPrince853().integrate(Lorenz.classical(), x0, OutputGrid.of(0.0, 0.1, 5));
        assertArrayEquals(x0, tr.state(0));
    }

    @Test
    void samplesDoNotDependOnTheGridSpacing() {
        // Same start and end, so the adaptive steps are the same; samples come from dense output.
        DormandPrince853 dp = new DormandPrince853();
        double[] x0 = {1.0, 1.0, 1.0};
        Trajectory coarse = dp.integrate(Lorenz.classical(), x0, OutputGrid.of(0.0, 0.1, 101));
        Trajectory fine = dp.integrate(Lorenz.classical(), x0, OutputGrid.of(0.0, 0.05, 201));
        for (int i = 0; i < coarse.size(); i++) {
            assertEquals(coarse.time(i), fine.time(2 * i));
            assertArrayEquals(coarse.state(i), fine.state(2 * i), "t = " + coarse.time(i));
        }
    }

    @Test
    void transientIsIntegratedAndDiscarded() {
        DormandPrince853 dp = new DormandPrince853();
        double[] x0 = {0.2, -0.4};
        Trajectory tr = dp.integrate(OSC, x0, OutputGrid.of(1.0, 0.25, 9).withTransient(3.0));
        assertEquals(4.0, tr.time(0));
        for (int i = 0; i < tr.size(); i++) {
            assertArrayEquals(OSC.exactState(1.0, x0, tr.time(i)), tr.state(i), 1e-9);
        }
    }

    @Test
    void advanceRunsForwardAndBackward() {
        DormandPrince853 dp = new DormandPrince853();
        double[] x0 = {0.2, -0.4};
        assertArrayEquals(OSC.exactState(0.5, x0, 7.0), dp.advance(OSC, 0.5, x0, 7.0), 1e-9);
        assertArrayEquals(OSC.exactState(0.5, x0, -3.0), dp.advance(OSC, 0.5, x0, -3.0), 1e-9);
        double[] same = dp.advance(OSC, 0.5, x0, 0.5);
        assertArrayEquals(x0, same);
        same[0] = 9;
        assertEquals(0.2, x0[0]);
    }

    @Test
    void progressRisesFromZeroToOneInFewCalls() {
        List<Double> seen = new ArrayList<>();
        new DormandPrince853().integrate(Lorenz.classical(), new double[] {1, 1, 1},
                OutputGrid.of(0.0, 0.01, 2001).withTransient(10.0), seen::add);
        assertEquals(0.0, seen.get(0));
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
        assertTrue(seen.size() > 10 && seen.size() <= 202, "progress calls: " + seen.size());
    }

    @Test
    void badArgumentsAreRejectedWithTheParameterNamed() {
        DormandPrince853 dp = new DormandPrince853();
        OutputGrid grid = OutputGrid.of(0.0, 0.1, 10);
        assertEquals("initialState must have length 3 (the dimension of Lorenz[sigma=10.0, rho=28.0,"
                + " beta=2.6666666666666665]), got 2",
                message(() -> dp.integrate(Lorenz.classical(), new double[2], grid)));
        assertEquals("initialState[1] must be finite, got NaN",
                message(() -> dp.integrate(Lorenz.classical(), new double[] {1, Double.NaN, 1}, grid)));
        assertEquals("state[0] must be finite, got Infinity",
                message(() -> dp.advance(OSC, 0.0, new double[] {Double.POSITIVE_INFINITY, 0}, 1.0)));
        assertEquals("t1 must be finite, got NaN",
                message(() -> dp.advance(OSC, 0.0, new double[2], Double.NaN)));
    }

    @Test
    void blowUpIsAClearError() {
        // x' = x^2, x(0) = 1 has the solution 1 / (1 - t), which blows up at t = 1
        OdeSystem blowUp = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
                dxdt[0] = x[0] * x[0];
            }

            @Override
            public String toString() {
                return "x' = x^2";
            }
        };
        IntegrationException e = assertThrows(IntegrationException.class, () -> new DormandPrince853()
                .integrate(blowUp, new double[] {1.0}, OutputGrid.of(0.0, 0.1, 21)));
        String prefix = "integration of x' = x^2 from t = 0.0 to t = 2.0 failed after reaching t = ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        double reached = Double.parseDouble(e.getMessage().substring(prefix.length()).split(":")[0]);
        assertEquals(1.0, reached, 1e-3);
        assertTrue(e.getMessage().contains("The solution may blow up"), e.getMessage());
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
