package org.phasebook.lattice;

import java.util.List;
import java.util.Objects;

/**
 * Equal-time two-point correlations of a lattice snapshot (brief §3):
 * <pre>
 *   C_XY(r) = &lt;n_X(x) n_Y(x + r)&gt; - rho_X rho_Y ,
 * </pre>
 * where {@code n_X(x)} is 1 if site {@code x} holds state {@code X} and 0 otherwise, the average
 * runs over all sites {@code x} of the periodic lattice, and {@code rho_X} is the density of
 * {@code X} in the same snapshot. So {@code C_XX(0) = rho_X (1 - rho_X)} and
 * {@code C_XY(0) = -rho_X rho_Y} for {@code X != Y}.
 *
 * <p>The full displacement map ({@link #field}) is computed by Fourier transforms of the two
 * indicator fields, {@code IFFT(conj(F_X) F_Y) / N}, in {@code O(N log N)} for any side length.
 * {@link #profile} reduces it to a function of distance {@code r = 0..rMax}:
 * <ul>
 *   <li>{@link Averaging#AXIS}: the mean over the displacements {@code ±r} along each lattice axis
 *       (2 in 1d, 4 in 2d). For {@code X != Y} this is the symmetric part of {@code C_XY}.</li>
 *   <li>{@link Averaging#RADIAL}: the mean over all displacements whose minimum-image length
 *       rounds to {@code r}, components taken in {@code (-L/2, L/2]}; in 1d the same as AXIS.</li>
 * </ul>
 * Averages over snapshots and replicas are plain means of the profiles ({@link #meanProfile}),
 * each snapshot using its own densities.
 *
 * <p>Lattice conventions: {@code side = L}, {@code N = L^d} sites, site index
 * {@code i = x + L y}, periodic. Sites are the plain {@code byte[]} of the engine, so this class
 * does not depend on how the snapshot was made. Immutable and thread-safe.
 *
 * @param side      linear size {@code L}, at least 2
 * @param dimension 1 or 2
 * @param rMax      largest distance of a profile, in {@code [0, L/2]}
 * @param averaging how displacements are grouped into distances
 */
public record Correlations(int side, int dimension, int rMax, Averaging averaging) {

    /** How the displacement map is reduced to a function of distance. */
    public enum Averaging {
        /** Displacements along the lattice axes only. */
        AXIS,
        /** All displacements, binned by their rounded Euclidean length. */
        RADIAL
    }

    /** Validates the geometry. */
    public Correlations {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
        }
        if (side < 2) {
            throw new IllegalArgumentException("side must be >= 2, got " + side);
        }
        if ((long) side * (dimension == 2 ? side : 1) > (1 << 28)) {
            throw new IllegalArgumentException("side^dimension must be <= 2^28 sites, got side = " + side
                    + " in " + dimension + "d");
        }
        if (rMax < 0 || rMax > side / 2) {
            throw new IllegalArgumentException("rMax must be in [0, side/2] = [0, " + side / 2 + "], got " + rMax);
        }
        Objects.requireNonNull(averaging, "averaging");
    }

    /** The number of sites {@code N = L^d}. */
    public int sites() {
        return dimension == 2 ? side * side : side;
    }

    /** The fraction of sites of {@code sites} in state {@code species}. */
    public double density(byte[] sites, int species) {
        checkSites(sites);
        checkSpecies("species", species);
        long count = 0;
        for (byte s : sites) {
            if (s == species) {
                count++;
            }
        }
        return (double) count / sites.length;
    }

    /**
     * The full map {@code C_XY(r)} at every displacement {@code r = (dx, dy)}, stored at index
     * {@code dx + L dy} with {@code dx, dy in [0, L)} (so {@code dx = L - 1} is the displacement
     * {@code -1}); in 1d at index {@code dx}.
     *
     * @param sites    snapshot of length {@code L^d}
     * @param speciesX state {@code X}, in {@code [0, 127]}
     * @param speciesY state {@code Y}, in {@code [0, 127]}
     */
    public double[] field(byte[] sites, int speciesX, int speciesY) {
        checkSites(sites);
        checkSpecies("speciesX", speciesX);
        checkSpecies("speciesY", speciesY);
        int n = sites.length;
        double[] xRe = new double[n];
        double[] xIm = new double[n];
        long countX = 0;
        long countY = 0;
        // both indicator fields in one complex transform: z = n_X + i n_Y
        for (int i = 0; i < n; i++) {
            if (sites[i] == speciesX) {
                xRe[i] = 1.0;
                countX++;
            }
            if (sites[i] == speciesY) {
                xIm[i] = 1.0;
                countY++;
            }
        }
        transform(xRe, xIm, true);
        // unpack F_X(k) = (Z(k) + conj Z(-k))/2, F_Y(k) = (Z(k) - conj Z(-k))/(2i);
        // then the product conj(F_X) F_Y for each k
        double[] pRe = new double[n];
        double[] pIm = new double[n];
        for (int k = 0; k < n; k++) {
            int m = negate(k);
            double zr = xRe[k];
            double zi = xIm[k];
            double wr = xRe[m];
            double wi = -xIm[m]; // conj Z(-k)
            double fxr = 0.5 * (zr + wr);
            double fxi = 0.5 * (zi + wi);
            double fyr = 0.5 * (zi - wi);
            double fyi = -0.5 * (zr - wr);
            pRe[k] = fxr * fyr + fxi * fyi;
            pIm[k] = fxr * fyi - fxi * fyr;
        }
        transform(pRe, pIm, false);
        double rhoXrhoY = ((double) countX / n) * ((double) countY / n);
        for (int i = 0; i < n; i++) {
            pRe[i] = pRe[i] / n - rhoXrhoY;
        }
        return pRe;
    }

    /**
     * The profile {@code C_XY(r)} for {@code r = 0..rMax}, reduced from {@link #field} as the
     * {@link #averaging()} says.
     */
    public double[] profile(byte[] sites, int speciesX, int speciesY) {
        return reduce(field(sites, speciesX, speciesY));
    }

    /**
     * The mean of {@link #profile} over several snapshots (of several times or replicas), each with
     * its own densities.
     *
     * @param snapshots at least one snapshot, each of length {@code L^d}
     */
    public double[] meanProfile(List<byte[]> snapshots, int speciesX, int speciesY) {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("snapshots must hold at least 1 snapshot, got 0");
        }
        double[] sum = new double[rMax + 1];
        for (byte[] s : snapshots) {
            double[] p = profile(s, speciesX, speciesY);
            for (int r = 0; r <= rMax; r++) {
                sum[r] += p[r];
            }
        }
        for (int r = 0; r <= rMax; r++) {
            sum[r] /= snapshots.size();
        }
        return sum;
    }

    /**
     * Reduces a displacement map laid out as in {@link #field} (length {@code L^d}) to a profile
     * over {@code r = 0..rMax}.
     */
    public double[] reduce(double[] field) {
        Objects.requireNonNull(field, "field");
        if (field.length != sites()) {
            throw new IllegalArgumentException("field must have length L^d = " + sites() + ", got " + field.length);
        }
        double[] sum = new double[rMax + 1];
        long[] count = new long[rMax + 1];
        if (dimension == 1 || averaging == Averaging.AXIS) {
            for (int r = 0; r <= rMax; r++) {
                int plus = r;
                int minus = (side - r) % side;
                sum[r] += field[plus] + field[minus];
                count[r] += 2;
                if (dimension == 2) {
                    sum[r] += field[side * plus] + field[side * minus];
                    count[r] += 2;
                }
            }
        } else {
            for (int dy = 0; dy < side; dy++) {
                int y = minimumImage(dy);
                for (int dx = 0; dx < side; dx++) {
                    int x = minimumImage(dx);
                    long bin = Math.round(Math.sqrt((double) x * x + (double) y * y));
                    if (bin <= rMax) {
                        sum[(int) bin] += field[dx + side * dy];
                        count[(int) bin]++;
                    }
                }
            }
        }
        for (int r = 0; r <= rMax; r++) {
            sum[r] /= count[r];
        }
        return sum;
    }

    /**
     * The correlation length: the distance at which {@code profile[r] / profile[0]} first falls to
     * {@code 1/e}, linearly interpolated between the two integer distances around it. NaN when
     * {@code profile[0] == 0} or when the ratio stays above {@code 1/e} up to the last entry.
     */
    public static double correlationLength(double[] profile) {
        Objects.requireNonNull(profile, "profile");
        if (profile.length == 0 || profile[0] == 0.0 || !Double.isFinite(profile[0])) {
            return Double.NaN;
        }
        double target = Math.exp(-1.0);
        double previous = 1.0;
        for (int r = 1; r < profile.length; r++) {
            double ratio = profile[r] / profile[0];
            if (ratio <= target) {
                return (r - 1) + (previous - target) / (previous - ratio);
            }
            previous = ratio;
        }
        return Double.NaN;
    }

    private int minimumImage(int d) {
        return d > side / 2 ? d - side : d;
    }

    /** The index of displacement {@code -k}, component-wise modulo L. */
    private int negate(int k) {
        if (dimension == 1) {
            return (side - k) % side;
        }
        int x = k % side;
        int y = k / side;
        return (side - x) % side + side * ((side - y) % side);
    }

    private void transform(double[] re, double[] im, boolean forward) {
        if (dimension == 1) {
            if (forward) {
                DiscreteFourier.forward(re, im);
            } else {
                DiscreteFourier.inverse(re, im);
            }
        } else if (forward) {
            DiscreteFourier.forward2d(re, im, side);
        } else {
            DiscreteFourier.inverse2d(re, im, side);
        }
    }

    private void checkSites(byte[] sites) {
        Objects.requireNonNull(sites, "sites");
        if (sites.length != sites()) {
            throw new IllegalArgumentException("sites must have length side^dimension = " + sites()
                    + " (side " + side + ", " + dimension + "d), got " + sites.length);
        }
    }

    private static void checkSpecies(String name, int species) {
        if (species < 0 || species > Byte.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a site state in [0, 127], got " + species);
        }
    }
}
