package org.phasebook.systems;

/**
 * Where an integration starts and where its solution is sampled.
 *
 * <p>The initial state is given at time {@code t0}. The solution is then integrated, unrecorded,
 * over a transient of length {@code transientTime}, and recorded at the {@code n} uniform times
 * {@code start() + i * dt}, {@code i = 0 .. n-1}, where {@code start() = t0 + transientTime}. Times
 * stay absolute, so non-autonomous systems see the time they would see without a transient.
 * Each sample time is computed from its index, never by accumulating {@code dt}, so rounding
 * errors do not build up along the grid.
 *
 * @param t0            time of the initial state, finite
 * @param transientTime length of the discarded transient, finite and {@code >= 0}
 * @param dt            sample spacing, finite and {@code > 0}
 * @param n             number of samples, {@code >= 2}
 */
public record OutputGrid(double t0, double transientTime, double dt, int n) {

    /** Validates the ranges given above, and that {@code dt} is resolvable at the end time. */
    public OutputGrid {
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("t0 must be finite, got " + t0);
        }
        if (!(transientTime >= 0.0) || !Double.isFinite(transientTime)) {
            throw new IllegalArgumentException(
                    "transientTime must be finite and >= 0, got " + transientTime);
        }
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        double end = t0 + transientTime + (n - 1) * dt;
        if (!Double.isFinite(end)) {
            throw new IllegalArgumentException(
                    "end time t0 + transientTime + (n - 1) * dt must be finite, got " + end);
        }
        if (dt <= 2.0 * Math.ulp(end)) {
            throw new IllegalArgumentException("dt must be larger than the floating-point"
                    + " resolution " + 2.0 * Math.ulp(end) + " at the end time " + end
                    + ", got " + dt);
        }
    }

    /** {@code n} samples spaced {@code dt} from {@code t0}, with no transient. */
    public static OutputGrid of(double t0, double dt, int n) {
        return new OutputGrid(t0, 0.0, dt, n);
    }

    /** This grid with the transient replaced by {@code length}. */
    public OutputGrid withTransient(double length) {
        return new OutputGrid(t0, length, dt, n);
    }

    /** Time of the first sample, {@code t0 + transientTime}. */
    public double start() {
        return t0 + transientTime;
    }

    /** Time of sample {@code i}, {@code start() + i * dt}. */
    public double time(int i) {
        return start() + i * dt;
    }

    /** Time of the last sample. */
    public double end() {
        return time(n - 1);
    }
}
