package org.phasebook.lattice;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The pattern observables of one snapshot of a three-species model (species {@code A, B, C} =
 * 1, 2, 3, empty 0, as in {@link MayLeonard} and {@link CyclicLotkaVolterra}) on a periodic
 * {@code L x L} lattice, each a mean over the three species' indicator fields: what F8 and F9
 * measure to tell spirals from noise (brief §3).
 * <ul>
 *   <li>{@link #correlationLength}: {@code xi}, the {@code 1/e} point
 *       ({@link Correlations#correlationLength}) of the radially averaged {@code C_XX(r)},
 *       {@code r = 0..rMax}, averaged over {@code X = A, B, C}. An uncorrelated field reads
 *       {@code 1 - 1/e ≈ 0.63}, the noise floor.</li>
 *   <li>{@link #autocorrelation}: {@code C(r)/C(0)}, {@code r = 0..L/2}
 *       ({@link SpiralWavelength#autocorrelation}), averaged over the species; twice its first
 *       minimum is the wavelength {@code ell} ({@link SpiralWavelength#firstMinimumWavelength}).</li>
 *   <li>{@link #structureFactor}: {@code S(q) / [rho (1 - rho)]}, {@code q = 0..L/2}
 *       ({@link SpiralWavelength#structureFactor} divided by its value for an uncorrelated field
 *       of the same density {@code rho}), averaged over the species, so that noise reads 1.</li>
 *   <li>{@link #coreDensity}: the number of cyclic defects ({@link SpiralCores}) of the
 *       {@code b x b} block-majority field per {@code 10^4} sites, at several block sizes
 *       {@code b}; genuine cores do not depend on {@code b}, noise cores fall like
 *       {@code b^-2}.</li>
 * </ul>
 * An extinct species (or one filling the lattice) has no correlations: it makes {@code xi} and
 * {@code C(r)/C(0)} NaN, and is left out of {@code S(q)} (which then sums the other species'
 * thirds). Immutable and thread-safe.
 *
 * @param side linear size {@code L}, in {@code [4, 16384]}
 * @param rMax largest distance of the profile whose {@code 1/e} point is {@code xi}, in
 *             {@code [1, L/2]}
 */
public record ThreeSpeciesPattern(int side, int rMax) {

    /** Validates the geometry. */
    public ThreeSpeciesPattern {
        if (side < 4 || side > (1 << 14)) {
            throw new IllegalArgumentException("side must be in [4, 16384], got " + side);
        }
        if (rMax < 1 || rMax > side / 2) {
            throw new IllegalArgumentException("rMax must be in [1, side/2] = [1, " + side / 2 + "], got " + rMax);
        }
    }

    /** The observables of an {@code L x L} lattice with {@code xi} read from profiles up to {@code L/2}. */
    public ThreeSpeciesPattern(int side) {
        this(side, side / 2);
    }

    /** {@code xi}: the {@code 1/e} point of {@code C_XX(r)/C_XX(0)}, mean over {@code X = A, B, C}. */
    public double correlationLength(byte[] sites) {
        Correlations correlations = new Correlations(side, 2, rMax, Correlations.Averaging.RADIAL);
        return IntStream.rangeClosed(1, 3)
                .mapToDouble(s -> Correlations.correlationLength(correlations.profile(sites, s, s)))
                .average().getAsDouble();
    }

    /** {@code C(r)/C(0)}, {@code r = 0..L/2}, mean over the species {@code A, B, C}. */
    public double[] autocorrelation(byte[] sites) {
        SpiralWavelength wave = new SpiralWavelength(side);
        double[][] c = IntStream.rangeClosed(1, 3).mapToObj(s -> wave.autocorrelation(sites, s))
                .toArray(double[][]::new);
        return IntStream.range(0, c[0].length).mapToDouble(r -> (c[0][r] + c[1][r] + c[2][r]) / 3).toArray();
    }

    /**
     * {@code S(q) / [rho (1 - rho)]}, {@code q = 0..L/2}, mean over the species {@code A, B, C}
     * (each contributes a third); a species with {@code rho = 0} or 1 contributes nothing.
     */
    public double[] structureFactor(byte[] sites) {
        SpiralWavelength wave = new SpiralWavelength(side);
        Correlations correlations = new Correlations(side, 2, rMax, Correlations.Averaging.RADIAL);
        double[] sum = new double[side / 2 + 1];
        for (int s = 1; s <= 3; s++) {
            double rho = correlations.density(sites, s);
            if (rho > 0 && rho < 1) {
                double weight = 1 / (3 * rho * (1 - rho));
                double[] structure = wave.structureFactor(sites, s);
                for (int q = 0; q < sum.length; q++) {
                    sum[q] += weight * structure[q];
                }
            }
        }
        return sum;
    }

    /**
     * Cores ({@link SpiralCores}, winding {@code ±1}) per {@code 10^4} sites of the
     * {@code b x b} block-majority field, one entry per block size.
     *
     * @param blocks block sizes {@code b}, each dividing {@code L} with at least two blocks per side
     */
    public double[] coreDensity(byte[] sites, int[] blocks) {
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(blocks, "blocks");
        return Arrays.stream(blocks)
                .mapToDouble(b -> new SpiralCores(side, b).count(sites).total() * 1e4 / sites.length).toArray();
    }
}
