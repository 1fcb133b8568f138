package org.phasebook.lattice;

/**
 * The Gálfi–Rácz reaction front of {@code A + B -> 0}: A and B start in separate halves of a
 * strip and react where they meet. Parameters and geometry only; the engine is
 * {@link ParticleSimulation}, the observation {@link ReactionProfile}.
 *
 * <p><b>Geometry.</b> Sites {@code (x, y)}, {@code 0 <= x < length}, {@code 0 <= y < width},
 * index {@code x + length * y}. The strip is closed in {@code x}: a hop out of it is blocked
 * (reflecting ends, a null attempt), and periodic in {@code y}. {@code width = 1} is the 1D chain
 * (2 neighbours), {@code width >= 3} the 2D strip (4 neighbours). The initial interface lies
 * between {@code x = length/2 - 1} and {@code length/2}, at {@link #interfacePosition()}.
 *
 * <p><b>Rule</b> as in {@link TwoSpeciesAnnihilation}: hop rate {@code h} spread over the
 * neighbours, a hop onto an empty site moves, onto the other species annihilates both, onto the
 * same species is blocked. Start: sites with {@code x < length/2} hold an A with probability
 * {@code densityA}, sites with {@code x >= length/2} a B with probability {@code densityB}
 * (Gálfi and Rácz, PRA 38, 3151 (1988): {@code a0 = densityA}, {@code b0 = densityB}).
 *
 * <p>Mean-field (reaction–diffusion) predictions: the front centre moves as {@code sqrt(t)},
 * towards B when {@code a0 > b0} and not at all when {@code a0 = b0}; the width grows as
 * {@code t^(1/6)} for {@code d >= 2} (with logarithms at {@code d = 2}); in 1D fluctuations give
 * {@code t^(1/4)}. The ends are reflecting, so results are meaningful while
 * {@code sqrt(D t)} stays well below {@code length / 2}.
 *
 * @param hopRate  total hop rate {@code h}, finite and {@code > 0}
 * @param length   number of sites along {@code x}, even and {@code >= 4}
 * @param width    number of sites along {@code y}: 1, or {@code >= 3};
 *                 {@code length * width <= 2^30}
 * @param densityA initial A occupation probability in the left half, in {@code (0, 1]}
 * @param densityB initial B occupation probability in the right half, in {@code (0, 1]}
 */
public record ReactionFrontStrip(double hopRate, int length, int width, double densityA,
                                 double densityB) {

    /** Validates the parameters. */
    public ReactionFrontStrip {
        ParticleChecks.checkHopRate(hopRate);
        if (length < 4 || length % 2 != 0) {
            throw new IllegalArgumentException("length must be even and >= 4, got " + length);
        }
        if (width != 1 && width < 3) {
            throw new IllegalArgumentException("width must be 1 (a chain) or >= 3 so that the"
                    + " 2d neighbours are distinct, got " + width);
        }
        if ((long) length * width > ParticleChecks.MAX_SITES) {
            throw new IllegalArgumentException("length * width must be <= 2^30, got "
                    + length + " * " + width);
        }
        if (!(densityA > 0.0 && densityA <= 1.0)) {
            throw new IllegalArgumentException("densityA must be in (0, 1], got " + densityA);
        }
        if (!(densityB > 0.0 && densityB <= 1.0)) {
            throw new IllegalArgumentException("densityB must be in (0, 1], got " + densityB);
        }
    }

    /** 1 for a chain ({@code width = 1}), 2 for a strip. */
    public int dimension() {
        return width == 1 ? 1 : 2;
    }

    /** The number of sites {@code length * width}. */
    public int sites() {
        return length * width;
    }

    /** The diffusion constant {@code D = h / (2d)} in lattice units. */
    public double diffusionConstant() {
        return hopRate / (2.0 * dimension());
    }

    /** The initial interface {@code x0 = length/2 - 1/2}, between the last A and first B column. */
    public double interfacePosition() {
        return length / 2 - 0.5;
    }
}
