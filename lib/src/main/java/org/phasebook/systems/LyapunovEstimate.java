package org.phasebook.systems;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of a largest-Lyapunov-exponent estimate: the final value and the running estimate
 * after each renormalisation, for plotting how the estimate converges.
 *
 * @param exponent         the final estimate {@code lambda_1}, in inverse time units
 * @param times            elapsed time {@code k tau} since the end of the transient after
 *                         renormalisation {@code k = 1 .. K}
 * @param runningEstimates the estimate after each renormalisation,
 *                         {@code sum_{j <= k} ln(d_j / d0) / (k tau)}
 */
public record LyapunovEstimate(double exponent, double[] times, double[] runningEstimates) {

    /** Validates (equal non-zero lengths, finite values) and copies the arrays. */
    public LyapunovEstimate {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(runningEstimates, "runningEstimates");
        times = times.clone();
        runningEstimates = runningEstimates.clone();
        if (times.length < 1 || times.length != runningEstimates.length) {
            throw new IllegalArgumentException("times and runningEstimates must have the same"
                    + " length >= 1, got " + times.length + " and " + runningEstimates.length);
        }
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("exponent must be finite, got " + exponent);
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || !Double.isFinite(runningEstimates[i])) {
                throw new IllegalArgumentException("times[" + i + "] and runningEstimates[" + i
                        + "] must be finite, got " + times[i] + " and " + runningEstimates[i]);
            }
        }
    }

    /** Number of renormalisations. */
    public int size() {
        return times.length;
    }

    /** A copy of the elapsed times. */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** A copy of the running estimates. */
    @Override
    public double[] runningEstimates() {
        return runningEstimates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LyapunovEstimate other
                && Double.compare(exponent, other.exponent) == 0
                && Arrays.equals(times, other.times)
                && Arrays.equals(runningEstimates, other.runningEstimates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(exponent) + Arrays.hashCode(times))
                + Arrays.hashCode(runningEstimates);
    }

    /** The final estimate and the number of renormalisations, without the series. */
    @Override
    public String toString() {
        return "LyapunovEstimate[exponent=" + exponent + ", renormalisations=" + times.length
                + ", time=" + times[times.length - 1] + "]";
    }
}
