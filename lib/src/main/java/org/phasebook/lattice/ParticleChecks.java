package org.phasebook.lattice;

/**
 * Parameter checks shared by the particle-model records ({@link Annihilation},
 * {@link TwoSpeciesAnnihilation}, {@link ReactionFrontStrip}); each error names the parameter,
 * its value and the allowed range.
 */
final class ParticleChecks {

    /** Site indices are {@code int}s and one {@code int} per site is stored twice. */
    static final int MAX_SITES = 1 << 30;

    private ParticleChecks() {
    }

    static void checkHopRate(double hopRate) {
        if (!(hopRate > 0.0 && hopRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("hopRate must be finite and > 0, got " + hopRate);
        }
    }

    static void checkLattice(int dimension, int side) {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
        }
        if (side < 3) {
            throw new IllegalArgumentException(
                    "side must be >= 3 so that the 2d neighbours are distinct, got " + side);
        }
        if (dimension == 2 && (long) side * side > MAX_SITES || side > MAX_SITES) {
            throw new IllegalArgumentException("side^dimension must be <= 2^30, got side = "
                    + side + " in dimension " + dimension);
        }
    }
}
