package org.phasebook.lattice;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A recipe for the state at time 0 on a given lattice, drawing any randomness it needs from the
 * replica's generator (so that replica {@code r} starts from the same state on any thread).
 */
@FunctionalInterface
public interface InitialCondition {

    /**
     * A new state at time 0.
     *
     * @param lattice geometry
     * @param random  the replica's generator
     * @return a fresh state
     */
    LatticeState create(Lattice lattice, SplittableRandom random);

    /**
     * Independent occupation of every site: species {@code k} with probability
     * {@code densities[k - 1]}, empty otherwise (see {@link LatticeState#bernoulli}).
     *
     * @param densities one probability per species; the length is the species count
     * @return the recipe
     */
    static InitialCondition bernoulli(double... densities) {
        double[] copy = densities.clone();
        LatticeState.cumulativeDensities(copy); // fails where the recipe is written
        return (lattice, random) -> LatticeState.bernoulli(lattice, copy, random);
    }

    /**
     * A disc (an interval in one dimension) of radius {@code radius} around the lattice centre
     * filled with {@code seedSpecies}, in a "sea" where every other site independently holds
     * {@code seaSpecies} with probability {@code seaDensity} and is empty otherwise: e.g. a
     * predator seed in a prey sea, for spreading fronts. Sites with
     * {@code (x - L/2)^2 + (y - L/2)^2 <= radius^2} belong to the disc.
     *
     * @param speciesCount the model's number of species
     * @param seaSpecies   species of the sea, in {@code [1, speciesCount]}
     * @param seaDensity   occupation probability of the sea, in {@code [0, 1]}
     * @param seedSpecies  species of the disc, in {@code [1, speciesCount]}
     * @param radius       radius of the disc in lattice spacings, {@code >= 0}
     * @return the recipe
     */
    static InitialCondition seedInSea(int speciesCount, int seaSpecies, double seaDensity,
            int seedSpecies, int radius) {
        if (seaSpecies < 1 || seaSpecies > speciesCount) {
            throw new IllegalArgumentException("seaSpecies must be in [1, " + speciesCount
                    + "], got " + seaSpecies);
        }
        if (seedSpecies < 1 || seedSpecies > speciesCount) {
            throw new IllegalArgumentException("seedSpecies must be in [1, " + speciesCount
                    + "], got " + seedSpecies);
        }
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        double[] densities = new double[speciesCount];
        Arrays.fill(densities, 0.0);
        densities[seaSpecies - 1] = seaDensity;
        InitialCondition sea = bernoulli(densities);
        return (lattice, random) -> {
            LatticeState state = sea.create(lattice, random);
            int c = lattice.side() / 2;
            int rows = lattice.dimension() == 1 ? 1 : lattice.side();
            for (int y = 0; y < rows; y++) {
                int dy = lattice.dimension() == 1 ? 0 : y - c;
                for (int x = 0; x < lattice.side(); x++) {
                    int dx = x - c;
                    if ((long) dx * dx + (long) dy * dy <= (long) radius * radius) {
                        state.set(lattice.index(x, y), seedSpecies);
                    }
                }
            }
            return state;
        };
    }
}
