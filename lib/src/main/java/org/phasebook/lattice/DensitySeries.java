package org.phasebook.lattice;

import java.util.Arrays;

/**
 * Densities of every species sampled at fixed times: {@code densities[k][m]} is the density of
 * species {@code k + 1} at {@code times[m]}. Immutable (arrays are copied in and out); equality
 * is element-wise and bit-exact, so that two seeded runs can be compared with {@code equals}.
 *
 * @param times     sample times, increasing
 * @param densities one row per species, each as long as {@code times}
 */
public record DensitySeries(double[] times, double[][] densities) {

    /** Validates the shapes and copies the arrays. */
    public DensitySeries {
        times = times.clone();
        double[][] copy = new double[densities.length][];
        for (int k = 0; k < densities.length; k++) {
            if (densities[k].length != times.length) {
                throw new IllegalArgumentException("densities of species " + (k + 1)
                        + " must have " + times.length + " samples, got " + densities[k].length);
            }
            copy[k] = densities[k].clone();
        }
        densities = copy;
    }

    /** The sample times (a copy). */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** All rows (a deep copy). */
    @Override
    public double[][] densities() {
        double[][] copy = new double[densities.length][];
        for (int k = 0; k < densities.length; k++) {
            copy[k] = densities[k].clone();
        }
        return copy;
    }

    /** The number of samples. */
    public int size() {
        return times.length;
    }

    /** The number of species. */
    public int speciesCount() {
        return densities.length;
    }

    /**
     * The density series of one species (a copy).
     *
     * @param species in {@code [1, speciesCount()]}
     * @return its densities at {@link #times()}
     */
    public double[] density(int species) {
        return row(species).clone();
    }

    /** The density of {@code species} at sample {@code m}. */
    public double density(int species, int m) {
        return row(species)[m];
    }

    private double[] row(int species) {
        if (species < 1 || species > densities.length) {
            throw new IllegalArgumentException("species must be in [1, " + densities.length
                    + "], got " + species);
        }
        return densities[species - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensitySeries other && Arrays.equals(times, other.times)
                && Arrays.deepEquals(densities, other.densities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.deepHashCode(densities);
    }

    @Override
    public String toString() {
        return "DensitySeries[" + times.length + " samples, " + densities.length + " species]";
    }
}
