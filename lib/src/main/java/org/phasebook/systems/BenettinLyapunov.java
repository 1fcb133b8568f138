package org.phasebook.systems;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * The largest Lyapunov exponent by the two-trajectory renormalisation method of G. Benettin,
 * L. Galgani, J.-M. Strelcyn, "Kolmogorov entropy and numerical experiments", Phys. Rev. A 14,
 * 2338 (1976), as described by A. Wolf, J. B. Swift, H. L. Swinney, J. A. Vastano, "Determining
 * Lyapunov exponents from a time series", Physica D 16, 285 (1985).
 *
 * <p>After a transient, a reference state {@code x} and a perturbed state {@code x + d0 u} are
 * integrated together. Every {@code tau} time units their separation {@code d_k} is measured,
 * {@code ln(d_k / d0)} is accumulated, and the perturbed state is moved back to distance
 * {@code d0} along the current separation vector, which turns towards the most expanding
 * direction. After {@code K} renormalisations the estimate is
 * {@code lambda_1 = sum_k ln(d_k / d0) / (K tau)}.
 *
 * <p>The initial direction {@code u} is the fixed unit vector {@code (1, ..., 1) / sqrt(n)}, so
 * the estimate is deterministic. Both states are integrated as one system of dimension
 * {@code 2n}, so that they share every step: their truncation errors are then nearly equal and
 * cancel in the separation, which is much smaller than the integration tolerance allows for each
 * state alone. That cancellation needs a reference state much larger than {@code d0}; where the
 * reference sits at or near an equilibrium at the origin, choose an absolute tolerance well below
 * {@code d0}, or the separation is resolved only to about {@code absTol / d0}.
 */
public final class BenettinLyapunov {

    /**
     * Parameters of the estimate.
     *
     * @param d0               initial and renormalised separation, finite and {@code > 0}; small
     *                         enough to stay in the linear regime over {@code tau}
     * @param tau              renormalisation interval, finite and {@code > 0}
     * @param renormalisations number {@code K} of renormalisations, {@code >= 1}
     * @param transientTime    time integrated and discarded before measuring, finite and
     *                         {@code >= 0}, so the reference state lies on the attractor
     * @param integration      step-size control of the {@link DormandPrince853} integration
     */
    public record Parameters(double d0, double tau, int renormalisations, double transientTime,
            IntegrationSettings integration) {

        /** Validates the ranges given above. */
        public Parameters {
            if (!(d0 > 0.0) || !Double.isFinite(d0)) {
                throw new IllegalArgumentException("d0 must be finite and > 0, got " + d0);
            }
            if (!(tau > 0.0) || !Double.isFinite(tau)) {
                throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
            }
            if (renormalisations < 1) {
                throw new IllegalArgumentException(
                        "renormalisations must be >= 1, got " + renormalisations);
            }
            if (!(transientTime >= 0.0) || !Double.isFinite(transientTime)) {
                throw new IllegalArgumentException(
                        "transientTime must be finite and >= 0, got " + transientTime);
            }
            Objects.requireNonNull(integration, "integration");
        }

        /**
         * {@code d0 = 1e-8}, {@code tau = 1}, 1000 renormalisations, transient 50, and
         * integration tolerances of {@code 1e-12}: the integration error of a step must stay far
         * below {@code d0}. With the integrator's own default (1e-10) the errors of the two orbits
         * stop cancelling where the orbit comes to rest, and at a stable equilibrium of Lorenz
         * ({@code rho = 14}) the estimate is -0.450 instead of the exact -0.3945 (-0.3948 at 1e-12).
         */
        public static Parameters defaults() {
            return new Parameters(1e-8, 1.0, 1000, 50.0, IntegrationSettings.defaults().withTolerance(1e-12));
        }

        /** These parameters with {@code renormalisations} replaced. */
        public Parameters withRenormalisations(int count) {
            return new Parameters(d0, tau, count, transientTime, integration);
        }
    }

    private final Parameters parameters;

    /** An estimator with the given parameters. */
    public BenettinLyapunov(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** The estimate starting at time 0 from {@code initialState}, without progress. */
    public LyapunovEstimate estimate(OdeSystem system, double[] initialState) {
        return estimate(system, 0.0, initialState, fraction -> { });
    }

    /** The estimate starting at time 0 from {@code initialState}. */
    public LyapunovEstimate estimate(OdeSystem system, double[] initialState,
            DoubleConsumer progress) {
        return estimate(system, 0.0, initialState, progress);
    }

    /**
     * Estimates the largest Lyapunov exponent of {@code system} along the orbit of
     * {@code initialState} at time {@code t0}.
     *
     * @param progress receives the fraction of integration time done, ending with 1
     * @throws IntegrationException if the integration fails, or the two states coincide or
     *                              separate to infinity
     */
    public LyapunovEstimate estimate(OdeSystem system, double t0, double[] initialState,
            DoubleConsumer progress) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(progress, "progress");
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("t0 must be finite, got " + t0);
        }
        int n = system.dimension();
        if (initialState.length != n) {
            throw new IllegalArgumentException("initialState must have length " + n
                    + " (the dimension of " + system + "), got " + initialState.length);
        }
        Integrator integrator = new DormandPrince853(parameters.integration());
        double d0 = parameters.d0();
        double tau = parameters.tau();
        int count = parameters.renormalisations();
        double total = parameters.transientTime() + count * tau;
        ThrottledProgress reporter = new ThrottledProgress(progress);
        reporter.report(0.0);

        double[] x = initialState.clone();
        double start = t0;
        if (parameters.transientTime() > 0.0) {
            start = t0 + parameters.transientTime();
            x = integrator.advance(system, t0, x, start);
            reporter.report(parameters.transientTime() / total);
        } else {
            x = integrator.advance(system, t0, x, t0); // validates the initial state
        }

        double[] pair = new double[2 * n];
        double unit = 1.0 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            pair[i] = x[i];
            pair[n + i] = x[i] + d0 * unit;
        }
        OdeSystem both = new Pair(system);
        double[] times = new double[count];
        double[] running = new double[count];
        double sumLog = 0.0;
        for (int k = 1; k <= count; k++) {
            // Times from the index, not accumulated, so that k * tau is exact to one rounding.
            pair = integrator.advance(both, start + (k - 1) * tau, pair, start + k * tau);
            double sq = 0.0;
            for (int i = 0; i < n; i++) {
                double diff = pair[n + i] - pair[i];
                sq += diff * diff;
            }
            double d = Math.sqrt(sq);
            if (!(d > 0.0) || !Double.isFinite(d)) {
                throw new IntegrationException("the separation of the two trajectories of " + system
                        + " became " + d + " at t = " + (start + k * tau)
                        + "; choose d0 (" + d0 + ") or tau (" + tau + ") so that it stays small but"
                        + " resolvable");
            }
            sumLog += Math.log(d / d0);
            times[k - 1] = k * tau;
            running[k - 1] = sumLog / (k * tau);
            double scale = d0 / d;
            for (int i = 0; i < n; i++) {
                pair[n + i] = pair[i] + (pair[n + i] - pair[i]) * scale;
            }
            reporter.report((parameters.transientTime() + k * tau) / total);
        }
        reporter.finish();
        return new LyapunovEstimate(running[count - 1], times, running);
    }

    /**
     * Two copies of a system side by side, state {@code (x, y)} of length {@code 2n}. Holds
     * scratch arrays, so an instance serves one integration on one thread.
     */
    private static final class Pair implements OdeSystem {
        private final OdeSystem system;
        private final int n;
        private final double[] state;
        private final double[] rate;

        Pair(OdeSystem system) {
            this.system = system;
            this.n = system.dimension();
            this.state = new double[n];
            this.rate = new double[n];
        }

        @Override
        public int dimension() {
            return 2 * n;
        }

        @Override
        public void derivative(double t, double[] x, double[] dxdt) {
            System.arraycopy(x, 0, state, 0, n);
            system.derivative(t, state, rate);
            System.arraycopy(rate, 0, dxdt, 0, n);
            System.arraycopy(x, n, state, 0, n);
            system.derivative(t, state, rate);
            System.arraycopy(rate, 0, dxdt, n, n);
        }

        @Override
        public String toString() {
            return "two copies of " + system;
        }
    }
}
