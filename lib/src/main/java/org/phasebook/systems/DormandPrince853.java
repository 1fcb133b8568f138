package org.phasebook.systems;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * The explicit embedded Runge–Kutta method of order 8 with error estimators of orders 5 and 3 of
 * Dormand and Prince (E. Hairer, S. P. Nørsett, G. Wanner, <i>Solving Ordinary Differential
 * Equations I</i>, 2nd ed., Springer 1993, section II.10), with adaptive step size, through
 * Commons Math's {@link DormandPrince853Integrator}.
 *
 * <p>Samples come from the method's order-7 dense output: the adaptive steps run from the start
 * to the end of the grid regardless of the grid spacing, and each sample time is interpolated
 * inside the step that contains it. So a sample at a given time is the same, bit for bit, on any
 * grid with the same start and end.
 *
 * <p>Immutable; each call creates its own Commons Math integrator, so one instance can be used
 * from several threads.
 */
public final class DormandPrince853 implements Integrator {

    private final IntegrationSettings settings;

    /** The method with the given step-size control settings. */
    public DormandPrince853(IntegrationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The method with {@link IntegrationSettings#defaults()}. */
    public DormandPrince853() {
        this(IntegrationSettings.defaults());
    }

    /** The step-size control settings. */
    public IntegrationSettings settings() {
        return settings;
    }

    @Override
    public Trajectory integrate(OdeSystem system, double[] initialState, OutputGrid grid,
            DoubleConsumer progress) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(progress, "progress");
        double[] x = checkedState(system, initialState, "initialState");
        int d = system.dimension();
        int n = grid.n();
        String[] names = system.variableNames();
        if (names.length != d) {
            throw new IllegalArgumentException("variableNames() of " + system + " must have length "
                    + d + ", got " + names.length);
        }
        if ((long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n * dimension must fit in one array, got " + n
                    + " * " + d + "; sample more coarsely or in pieces");
        }
        double span = grid.end() - grid.t0();
        ThrottledProgress reporter = new ThrottledProgress(progress);
        reporter.report(0.0);

        if (grid.transientTime() > 0.0) {
            x = solve(system, grid.t0(), x, grid.start(),
                    new Observer(grid.t0(), span, reporter));
        }

        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = grid.time(i);
        }
        double[] states = new double[n * d];
        System.arraycopy(x, 0, states, 0, d);
        Sampler sampler = new Sampler(grid.t0(), span, reporter, times, states, d);
        solve(system, grid.start(), x, grid.end(), sampler);
        if (sampler.next != n) {
            throw new IllegalStateException("sampled " + sampler.next + " of " + n
                    + " grid times; the step handler missed the end of the integration");
        }
        reporter.finish();
        return new Trajectory(times, states, names);
    }

    @Override
    public double[] advance(OdeSystem system, double t0, double[] state, double t1) {
        Objects.requireNonNull(system, "system");
        double[] x = checkedState(system, state, "state");
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("t0 must be finite, got " + t0);
        }
        if (!Double.isFinite(t1)) {
            throw new IllegalArgumentException("t1 must be finite, got " + t1);
        }
        if (t1 == t0) {
            return x;
        }
        return solve(system, t0, x, t1, new Observer(t0, t1 - t0, null));
    }

    private double[] solve(OdeSystem system, double t0, double[] x, double t1, Observer observer) {
        DormandPrince853Integrator method = new DormandPrince853Integrator(
                settings.minStep(), settings.maxStep(), settings.absTol(), settings.relTol());
        method.addStepHandler(observer);
        double[] end = new double[x.length];
        try {
            method.integrate(CommonsMathOde.of(system), t0, x, t1, end);
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            throw new IntegrationException("integration of " + system + " from t = " + t0
                    + " to t = " + t1 + " failed after reaching t = " + observer.reached + ": "
                    + e.getMessage() + ". The solution may blow up, or the system may be too stiff"
                    + " for an explicit method; check the parameters, the initial state and the"
                    + " integration settings " + settings, e);
        }
        requireFinite(system, end, t1);
        return end;
    }

    private static double[] checkedState(OdeSystem system, double[] state, String name) {
        Objects.requireNonNull(state, name);
        if (state.length != system.dimension()) {
            throw new IllegalArgumentException(name + " must have length " + system.dimension()
                    + " (the dimension of " + system + "), got " + state.length);
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be finite, got " + state[i]);
            }
        }
        return state.clone();
    }

    private static void requireFinite(OdeSystem system, double[] x, double t) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IntegrationException("the solution of " + system
                        + " is not finite at t = " + t + ": " + Arrays.toString(x)
                        + "; it probably blows up");
            }
        }
    }

    /** Remembers how far the integration got, for error messages, and reports progress. */
    private static class Observer implements StepHandler {
        private final double origin;
        private final double span;
        private final ThrottledProgress reporter;
        double reached;

        Observer(double origin, double span, ThrottledProgress reporter) {
            this.origin = origin;
            this.span = span;
            this.reporter = reporter;
            this.reached = origin;
        }

        @Override
        public void init(double t0, double[] y0, double t) {
            reached = t0;
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            reached = interpolator.getCurrentTime();
            if (reporter != null) {
                reporter.report((reached - origin) / span);
            }
        }
    }

    /** Interpolates the dense output at every grid time inside each accepted step. */
    private static final class Sampler extends Observer {
        private final double[] times;
        private final double[] states;
        private final int d;
        int next = 1;

        Sampler(double origin, double span, ThrottledProgress reporter, double[] times,
                double[] states, int d) {
            super(origin, span, reporter);
            this.times = times;
            this.states = states;
            this.d = d;
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            double current = interpolator.getCurrentTime();
            // On the last step the end time may differ from the last grid time by an ulp.
            while (next < times.length && (isLast || times[next] <= current)) {
                interpolator.setInterpolatedTime(times[next]);
                double[] x = interpolator.getInterpolatedState();
                for (int k = 0; k < d; k++) {
                    if (!Double.isFinite(x[k])) {
                        throw new IntegrationException("the solution is not finite at t = "
                                + times[next] + ": " + Arrays.toString(x)
                                + "; it probably blows up");
                    }
                }
                System.arraycopy(x, 0, states, next * d, d);
                next++;
            }
            super.handleStep(interpolator, isLast);
        }
    }
}
