package org.phasebook.lattice;

import java.util.Objects;

/**
 * Species densities of a particle run sampled at chosen times: the observation side of
 * {@link ParticleSimulation}, kept apart from the engine. Densities are counts per site,
 * read from the engine's running counts (no lattice scans).
 *
 * <p>Arrays are copied on the way in and out. {@code densityB} is all zeros for one-species
 * models.
 *
 * @param times    sample times, strictly increasing and finite
 * @param densityA A particles per site at each time
 * @param densityB B particles per site at each time
 */
public record DecayCurve(double[] times, double[] densityA, double[] densityB) {

    /** Validates and copies the arrays. */
    public DecayCurve {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(densityA, "densityA");
        Objects.requireNonNull(densityB, "densityB");
        times = times.clone();
        densityA = densityA.clone();
        densityB = densityB.clone();
        if (densityA.length != times.length || densityB.length != times.length) {
            throw new IllegalArgumentException("densityA and densityB must have times.length = "
                    + times.length + " entries, got " + densityA.length + " and "
                    + densityB.length);
        }
        checkTimes(times);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] densityA() {
        return densityA.clone();
    }

    @Override
    public double[] densityB() {
        return densityB.clone();
    }

    /** The total density {@code rho_A + rho_B} at each time. */
    public double[] total() {
        double[] sum = new double[times.length];
        for (int k = 0; k < sum.length; k++) {
            sum[k] = densityA[k] + densityB[k];
        }
        return sum;
    }

    /**
     * Advances {@code simulation} through {@code times} and records the densities at each; the
     * simulation is left at the last time.
     *
     * @param times strictly increasing, finite, none before the simulation's current time
     */
    public static DecayCurve sample(ParticleSimulation simulation, double[] times) {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(times, "times");
        checkTimes(times);
        if (times[0] < simulation.time()) {
            throw new IllegalArgumentException("times[0] must be >= the simulation's time "
                    + simulation.time() + ", got " + times[0]);
        }
        double perSite = 1.0 / simulation.sites();
        double[] a = new double[times.length];
        double[] b = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            simulation.advanceTo(times[k]);
            a[k] = simulation.count(1) * perSite;
            b[k] = simulation.count(2) * perSite;
        }
        return new DecayCurve(times, a, b);
    }

    /**
     * Log-spaced times {@code tMin 10^(k / perDecade)} from {@code tMin} up to and including
     * {@code tMax} (the last one is {@code tMax} itself when it falls between grid points).
     *
     * @param tMin      first time, {@code > 0}
     * @param tMax      last time, {@code >= tMin}
     * @param perDecade points per decade, {@code >= 1}
     */
    public static double[] logTimes(double tMin, double tMax, int perDecade) {
        if (!(tMin > 0.0 && tMin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tMin must be finite and > 0, got " + tMin);
        }
        if (!(tMax >= tMin && tMax < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "tMax must be finite and >= tMin = " + tMin + ", got " + tMax);
        }
        if (perDecade < 1) {
            throw new IllegalArgumentException("perDecade must be >= 1, got " + perDecade);
        }
        double decades = Math.log10(tMax / tMin);
        int whole = (int) Math.floor(decades * perDecade + 1e-9);
        boolean extra = tMin * Math.pow(10.0, (double) whole / perDecade) < tMax * (1 - 1e-12);
        double[] t = new double[whole + 1 + (extra ? 1 : 0)];
        for (int k = 0; k <= whole; k++) {
            t[k] = tMin * Math.pow(10.0, (double) k / perDecade);
        }
        if (extra) {
            t[t.length - 1] = tMax;
        }
        return t;
    }

    private static void checkTimes(double[] times) {
        if (times.length < 1) {
            throw new IllegalArgumentException("times must hold at least 1 sample, got 0");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException(
                        "times[" + i + "] must be finite, got " + times[i]);
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("times must be strictly increasing, got times["
                        + (i - 1) + "] = " + times[i - 1] + ", times[" + i + "] = " + times[i]);
            }
        }
    }
}
