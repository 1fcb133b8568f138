package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BenettinLyapunovTest {

    private static final double U = 1.0 / Math.sqrt(2.0); // each component of the initial direction

    private static BenettinLyapunov estimator(double d0, double tau, int count, double transientTime) {
        return new BenettinLyapunov(new BenettinLyapunov.Parameters(d0, tau, count, transientTime,
                IntegrationSettings.defaults()));
    }

    /**
     * For dx/dt = A x with the reference at the origin, rescaling commutes with the flow, so the
     * running estimate is exactly ln |exp(A t) u| / t.
     */
    private static void assertRunningEstimates(LinearSystem system, DoubleUnaryOperator exact) {
        // Both states are of size d0 here, so absTol must be well below d0 for d0 = 1e-8.
        IntegrationSettings small = new IntegrationSettings(1e-18, 1e-10, 1e-12, Double.POSITIVE_INFINITY);
        for (BenettinLyapunov b : new BenettinLyapunov[] {
                estimator(1.0, 0.5, 400, 0.0),
                new BenettinLyapunov(new BenettinLyapunov.Parameters(1e-8, 0.5, 400, 0.0, small))}) {
            LyapunovEstimate e = b.estimate(system, new double[2]);
            double[] times = e.times();
            double[] running = e.runningEstimates();
            for (int k = 0; k < times.length; k++) {
                assertEquals((k + 1) * 0.5, times[k]);
                // measured: at most 2.5e-11 from the closed form
                assertEquals(exact.applyAsDouble(times[k]), running[k], 1e-10, "t = " + times[k]);
            }
            assertEquals(running[running.length - 1], e.exponent());
        }
    }

    @Test
    void diagonalLinearSystemFollowsTheClosedForm() {
        LinearSystem a = LinearSystem.of(new double[][] {{0.5, 0.0}, {0.0, -1.0}});
        assertRunningEstimates(a, t -> Math.log(Math.hypot(U * Math.exp(0.5 * t), U * Math.exp(-t))) / t);
        LyapunovEstimate e = estimator(1e-8, 0.5, 400, 0.0).estimate(a, new double[2]);
        // ln |exp(A T) u| / T = 0.5 - ln(2) / (2 T) + O(exp(-3T)), T = 200
        assertEquals(0.5 - Math.log(2.0) / 400.0, e.exponent(), 1e-10);
    }

    @Test
    void nonNormalLinearSystemFollowsTheClosedForm() {
        // eigenvalues 0.5 and -1; x2 = u e^-t, x1 = u e^(t/2) + 2 u (e^(t/2) - e^-t)
        LinearSystem a = LinearSystem.of(new double[][] {{0.5, 3.0}, {0.0, -1.0}});
        assertRunningEstimates(a, t -> Math.log(Math.hypot(
                U * Math.exp(0.5 * t) + 2.0 * U * (Math.exp(0.5 * t) - Math.exp(-t)),
                U * Math.exp(-t))) / t);
    }

    @Test
    void spiralGrowsAtTheRealPartOfItsEigenvalues() {
        // eigenvalues 0.5 +- 2i: exp(A t) is e^(t/2) times a rotation, so every estimate is 0.5
        assertRunningEstimates(LinearSystem.of(new double[][] {{0.5, -2.0}, {2.0, 0.5}}), t -> 0.5);
    }

    @Test
    void stableLorenzConvergesToTheLeadingEigenvalueAtTheOriginLikeOneOverT() {
        // rho < 1: the origin attracts everything; its leading eigenvalue is
        // (-(sigma + 1) + sqrt((sigma - 1)^2 + 4 sigma rho)) / 2
        Lorenz stable = new Lorenz(10.0, 0.5, 8.0 / 3.0);
        double exact = (-11.0 + Math.sqrt(81.0 + 20.0)) / 2.0;
        double[] x0 = {1.0, 1.0, 1.0};
        double err200 = estimator(1e-8, 0.5, 400, 20.0).estimate(stable, x0).exponent() - exact;
        double err400 = estimator(1e-8, 0.5, 800, 20.0).estimate(stable, x0).exponent() - exact;
        // measured: -1.80e-3 and -0.90e-3; the offset is ln|projection of u| / T
        assertTrue(Math.abs(err200) < 2.5e-3, "error at T = 200: " + err200);
        assertEquals(2.0, err200 / err400, 0.05);
    }

    @Test
    void classicalLorenzIsNearTheLiteratureValue() {
        // Literature: 0.9056 (e.g. Sprott, Chaos and Time-Series Analysis, 2003). Measured here for
        // T = 1000 from ten starts and tau in {0.5, 1}: 0.900 .. 0.914; T = 20000 gives 0.9068.
        // tau = 0.5 so that a missing division by tau would leave the band.
        LyapunovEstimate e = estimator(1e-8, 0.5, 2000, 50.0)
                .estimate(Lorenz.classical(), new double[] {1.0, 1.0, 1.0});
        assertTrue(e.exponent() > 0.886 && e.exponent() < 0.926, "lambda_1 = " + e.exponent());
        assertEquals(2000, e.size());
        assertEquals(1000.0, e.times()[1999]);
    }

    @Test
    void estimateIsDeterministic() {
        BenettinLyapunov b = estimator(1e-8, 1.0, 50, 10.0);
        double[] x0 = {1.0, 2.0, 3.0};
        assertEquals(b.estimate(Lorenz.classical(), x0), b.estimate(Lorenz.classical(), x0));
    }

    @Test
    void progressRisesFromZeroToOne() {
        List<Double> seen = new ArrayList<>();
        estimator(1e-8, 1.0, 100, 10.0).estimate(Lorenz.classical(), new double[] {1, 1, 1}, seen::add);
        assertEquals(0.0, seen.get(0));
        assertEquals(10.0 / 110.0, seen.get(1), 1e-15);
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
    }

    @Test
    void coincidingTrajectoriesAreAClearError() {
        // dx/dt = -100 x contracts the separation from 1e-300 below the smallest double in tau = 10
        LinearSystem contracting = LinearSystem.of(new double[][] {{-100.0}});
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> estimator(1e-300, 10.0, 5, 0.0).estimate(contracting, new double[1]));
        assertTrue(e.getMessage().startsWith("the separation of the two trajectories of "
                + "LinearSystem[a=[[-100.0]]] became 0.0 at t = 10.0"), e.getMessage());
    }

    @Test
    void badParametersAreRejectedWithTheParameterNamed() {
        IntegrationSettings s = IntegrationSettings.defaults();
        assertEquals("d0 must be finite and > 0, got 0.0",
                message(() -> new BenettinLyapunov.Parameters(0.0, 1.0, 10, 0.0, s)));
        assertEquals("tau must be finite and > 0, got -1.0",
                message(() -> new BenettinLyapunov.Parameters(1e-8, -1.0, 10, 0.0, s)));
        assertEquals("renormalisations must be >= 1, got 0",
                message(() -> new BenettinLyapunov.Parameters(1e-8, 1.0, 0, 0.0, s)));
        assertEquals("transientTime must be finite and >= 0, got NaN",
                message(() -> new BenettinLyapunov.Parameters(1e-8, 1.0, 10, Double.NaN, s)));
        assertEquals("initialState must have length 3 (the dimension of Lorenz[sigma=10.0, rho=28.0,"
                + " beta=2.6666666666666665]), got 2",
                message(() -> estimator(1e-8, 1.0, 10, 0.0).estimate(Lorenz.classical(), new double[2])));
        assertEquals("state[2] must be finite, got NaN", message(() -> estimator(1e-8, 1.0, 10, 0.0)
                .estimate(Lorenz.classical(), new double[] {1, 1, Double.NaN})));
    }

    @Test
    void defaultsAreDocumented() {
        assertEquals(new BenettinLyapunov.Parameters(1e-8, 1.0, 1000, 50.0,
                        IntegrationSettings.defaults().withTolerance(1e-12)),
                BenettinLyapunov.Parameters.defaults());
        assertEquals(20, BenettinLyapunov.Parameters.defaults().withRenormalisations(20).renormalisations());
    }

    /**
     * At a stable focus the separation shrinks at the largest real part of the Jacobian's
     * eigenvalues. For Lorenz at rho = 14 that is the real part of C+'s complex pair, about
     * -0.3945 (computed here from the Jacobian); the estimate must find it, not the -0.45 that
     * an integration tolerance too coarse for d0 gives.
     */
    @Test
    void defaultsResolveTheContractionAtAStableFocus() {
        Lorenz lorenz = new Lorenz(10.0, 14.0, 8.0 / 3.0);
        double[][] j = lorenz.jacobian(lorenz.fixedPoints()[1]);
        double[] re = new org.apache.commons.math3.linear.EigenDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(j)).getRealEigenvalues();
        double exact = java.util.Arrays.stream(re).max().getAsDouble();
        LyapunovEstimate e = new BenettinLyapunov(BenettinLyapunov.Parameters.defaults())
                .estimate(lorenz, new double[] {1.0, 1.0, 1.0});
        // measured: -0.3948 against -0.3945; with tolerance 1e-10 the estimate is -0.450
        assertEquals(exact, e.exponent(), 0.005);
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
