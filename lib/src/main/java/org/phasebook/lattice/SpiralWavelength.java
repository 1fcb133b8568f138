package org.phasebook.lattice;

import java.util.Objects;

/**
 * The characteristic wavelength {@code ell} of the spiral (or any wave) pattern of one species on
 * a periodic {@code L x L} lattice, for the May–Leonard figure {@code ell ~ sqrt(M)} (brief §3,
 * F8). Two estimators, both computed from the indicator field {@code n(x) = [site x holds the
 * species]}:
 * <ul>
 *   <li>{@link #fromStructureFactor}: {@code ell = L / q*}, where {@code q*} is the peak, over
 *       {@code q >= 1}, of the radially averaged structure factor {@link #structureFactor}: the
 *       mean of {@code |F(k)|^2 / N} of the mean-free indicator over the wavevectors
 *       {@code k = 2 pi (qx, qy)/L} whose length {@code |(qx, qy)|} (components in
 *       {@code (-L/2, L/2]}) rounds to {@code q}. The integer peak is refined by a parabola through
 *       {@code ln S} at {@code q*-1, q*, q*+1}. A plane wave whose wavevector lies on the lattice
 *       gives its wavelength exactly.</li>
 *   <li>{@link #fromAutocorrelation}: twice the first local minimum {@code r_min} (parabolically
 *       refined) of the radially averaged normalised autocorrelation {@link #autocorrelation}, the
 *       convention of the spiral-wavelength literature. It is a different length: angle-averaging
 *       a plane wave of wavelength {@code ell} turns its autocorrelation {@code cos(2 pi s/ell)}
 *       into {@code J_0(2 pi r/ell)}, whose first minimum lies at {@code r = 3.8317 ell/(2 pi)},
 *       so for a pattern of locally plane waves in all directions this estimator reads about
 *       {@code 1.22 ell}; for sharp-edged stripes of equal width (a triangle-wave
 *       autocorrelation) about {@code 1.15 ell}. Ratios between patterns of the same shape, such
 *       as {@code ell(3M)/ell(M)}, are unaffected.</li>
 * </ul>
 * On a single snapshot the shell averages carry lattice and sampling noise, which can make a
 * spurious first minimum; average {@link #autocorrelation} or {@link #structureFactor} over
 * snapshots and replicas first and pass the mean to {@link #firstMinimumWavelength} or
 * {@link #peakWavelength}.
 * Lattice conventions as in {@link Correlations}: site index {@code x + L y}, periodic. Immutable
 * and thread-safe.
 *
 * @param side linear size {@code L} of the square lattice, at least 4
 */
public record SpiralWavelength(int side) {

    /** Validates the size. */
    public SpiralWavelength {
        if (side < 4 || side > (1 << 14)) {
            throw new IllegalArgumentException("side must be in [4, 16384], got " + side);
        }
    }

    /**
     * The radially averaged structure factor {@code S(q)}, {@code q = 0..L/2}, of the mean-free
     * indicator field of {@code species} (so {@code S(0) = 0}).
     */
    public double[] structureFactor(byte[] sites, int species) {
        int n = checkSites(sites, species);
        double[] re = new double[n];
        double[] im = new double[n];
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (sites[i] == species) {
                re[i] = 1.0;
                count++;
            }
        }
        double mean = (double) count / n;
        for (int i = 0; i < n; i++) {
            re[i] -= mean;
        }
        DiscreteFourier.forward2d(re, im, side);
        int qMax = side / 2;
        double[] sum = new double[qMax + 1];
        long[] shells = new long[qMax + 1];
        for (int ky = 0; ky < side; ky++) {
            int qy = ky > side / 2 ? ky - side : ky;
            for (int kx = 0; kx < side; kx++) {
                int qx = kx > side / 2 ? kx - side : kx;
                long q = Math.round(Math.sqrt((double) qx * qx + (double) qy * qy));
                if (q <= qMax) {
                    int k = kx + side * ky;
                    sum[(int) q] += (re[k] * re[k] + im[k] * im[k]) / n;
                    shells[(int) q]++;
                }
            }
        }
        for (int q = 0; q <= qMax; q++) {
            sum[q] /= shells[q];
        }
        return sum;
    }

    /**
     * The wavelength {@code L / q*} at the peak of {@link #structureFactor} over {@code q >= 1};
     * NaN when the species is absent or fills the lattice (no structure at all).
     */
    public double fromStructureFactor(byte[] sites, int species) {
        return peakWavelength(structureFactor(sites, species));
    }

    /**
     * The wavelength {@code L / q*} at the refined peak over {@code q >= 1} of a radially
     * averaged structure factor {@code s[q]}, {@code q = 0..L/2}, such as a mean of
     * {@link #structureFactor} over snapshots; NaN when no entry with {@code q >= 1} is positive.
     */
    public double peakWavelength(double[] s) {
        Objects.requireNonNull(s, "s");
        if (s.length != side / 2 + 1) {
            throw new IllegalArgumentException("s must have length side/2 + 1 = " + (side / 2 + 1) + ", got "
                    + s.length);
        }
        int best = -1;
        for (int q = 1; q < s.length; q++) {
            if (s[q] > 0.0 && (best < 0 || s[q] > s[best])) {
                best = q;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        // at q* = 1 the left neighbour S(0) = 0 makes the fit decline, leaving the integer peak
        double offset = best + 1 < s.length ? Peaks.logParabolicOffset(s[best - 1], s[best], s[best + 1]) : 0.0;
        return side / (best + offset);
    }

    /**
     * The radially averaged autocorrelation of the species' indicator, normalised to 1 at
     * {@code r = 0}: {@code C(r)/C(0)} for {@code r = 0..L/2}, with {@link Correlations} in
     * {@link Correlations.Averaging#RADIAL} mode. NaN entries when the species is absent or
     * fills the lattice.
     */
    public double[] autocorrelation(byte[] sites, int species) {
        checkSites(sites, species);
        double[] c = new Correlations(side, 2, side / 2, Correlations.Averaging.RADIAL)
                .profile(sites, species, species);
        double c0 = c[0];
        for (int r = 0; r < c.length; r++) {
            c[r] = c0 > 0.0 ? c[r] / c0 : Double.NaN;
        }
        return c;
    }

    /**
     * Twice the first local minimum of {@link #autocorrelation} (see the class comment for how
     * it relates to a plane wave's wavelength); NaN when there is no minimum below {@code L/2}.
     */
    public double fromAutocorrelation(byte[] sites, int species) {
        return firstMinimumWavelength(autocorrelation(sites, species));
    }

    /**
     * Twice the parabolically refined first local minimum ({@code r >= 1}) of an autocorrelation
     * profile {@code c[r]}, such as a mean of {@link #autocorrelation} over snapshots; NaN when it
     * has none before its last entry.
     */
    public static double firstMinimumWavelength(double[] c) {
        Objects.requireNonNull(c, "c");
        for (int r = 1; r + 1 < c.length; r++) {
            if (c[r] < c[r - 1] && c[r] <= c[r + 1]) {
                return 2.0 * (r + Peaks.parabolicMinimumOffset(c[r - 1], c[r], c[r + 1]));
            }
        }
        return Double.NaN;
    }

    private int checkSites(byte[] sites, int species) {
        Objects.requireNonNull(sites, "sites");
        int n = side * side;
        if (sites.length != n) {
            throw new IllegalArgumentException("sites must have length side^2 = " + n + ", got " + sites.length);
        }
        if (species < 0 || species > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("species must be a site state in [0, 127], got " + species);
        }
        return n;
    }
}
