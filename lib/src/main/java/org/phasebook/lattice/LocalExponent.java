package org.phasebook.lattice;

import java.util.Arrays;
import java.util.Objects;

/**
 * The effective (local) decay exponent of a density series (brief §3, F1 and F2):
 * <pre>
 *   delta_eff(t) = -ln[rho(t) / rho(t/m)] / ln m ,
 * </pre>
 * which is exactly {@code delta} for {@code rho = A t^-delta} and drifts away from it with
 * corrections to scaling; at a directed-percolation critical point it tends to 0.1595 (1d) or
 * 0.4505 (2d).
 *
 * <p>Computed at each sample time {@code t_i} for which {@code t_i / m} lies inside the sampled
 * range; {@code rho(t_i / m)} is interpolated linearly in {@code ln rho} against {@code ln t}
 * (so power laws are interpolated exactly, and any grid works, uniform or logarithmic). Points
 * where {@code rho(t_i)} or either of the two interpolation neighbours is not positive (an extinct
 * run) are left out, as are any with {@code t_i <= 0}.
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * @param times  the times {@code t_i} at which the exponent was evaluated, increasing
 * @param values {@code delta_eff(t_i)}
 * @param factor the ratio {@code m > 1}
 */
public record LocalExponent(double[] times, double[] values, double factor) {

    /** Validates and copies the arrays. */
    public LocalExponent {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values must have equal lengths, got "
                    + times.length + " and " + values.length);
        }
        requireFactor(factor);
        times = times.clone();
        values = values.clone();
    }

    /**
     * The local exponent of {@code density} sampled at {@code times}.
     *
     * @param times   strictly increasing, finite sample times
     * @param density the density at those times, finite
     * @param factor  the ratio {@code m}, finite and {@code > 1} (2 to 4 is usual)
     */
    public static LocalExponent of(double[] times, double[] density, double factor) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(density, "density");
        requireFactor(factor);
        if (times.length != density.length) {
            throw new IllegalArgumentException("times and density must have equal lengths, got "
                    + times.length + " and " + density.length);
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw new IllegalArgumentException("times must be finite and strictly increasing, but times["
                        + i + "] = " + times[i] + (i > 0 ? " after " + times[i - 1] : ""));
            }
            if (!Double.isFinite(density[i])) {
                throw new IllegalArgumentException("density[" + i + "] = " + density[i] + " must be finite");
            }
        }
        double lnM = Math.log(factor);
        double[] outT = new double[times.length];
        double[] outV = new double[times.length];
        int count = 0;
        int lo = 0; // index of the last time <= t/m, non-decreasing as t grows
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            double early = t / factor;
            if (!(t > 0.0) || !(density[i] > 0.0) || early < times[0]) {
                continue;
            }
            while (lo + 1 < times.length && times[lo + 1] <= early) {
                lo++;
            }
            double rhoEarly;
            if (times[lo] == early) {
                if (!(density[lo] > 0.0)) {
                    continue;
                }
                rhoEarly = density[lo];
            } else {
                int hi = lo + 1;
                if (!(density[lo] > 0.0) || !(density[hi] > 0.0) || !(times[lo] > 0.0)) {
                    continue;
                }
                double u = Math.log(early / times[lo]) / Math.log(times[hi] / times[lo]);
                rhoEarly = Math.exp((1.0 - u) * Math.log(density[lo]) + u * Math.log(density[hi]));
            }
            outT[count] = t;
            outV[count] = -Math.log(density[i] / rhoEarly) / lnM;
            count++;
        }
        return new LocalExponent(Arrays.copyOf(outT, count), Arrays.copyOf(outV, count), factor);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of evaluated points. */
    public int size() {
        return times.length;
    }

    /**
     * The mean of {@code delta_eff} over the points with {@code tMin <= t <= tMax}.
     *
     * @throws IllegalArgumentException if no point lies in the window
     */
    public double mean(double tMin, double tMax) {
        double sum = 0.0;
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] >= tMin && times[i] <= tMax) {
                sum += values[i];
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no evaluated time in [tMin, tMax] = [" + tMin + ", " + tMax + "]");
        }
        return sum / n;
    }

    private static void requireFactor(double factor) {
        if (!(factor > 1.0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor m must be finite and > 1, got " + factor);
        }
    }
}
