package org.phasebook.lattice;

import java.util.Objects;

/**
 * Diffusion-limited single-species annihilation {@code A + A -> 0} (or coagulation
 * {@code A + A -> A}) on a periodic hypercubic lattice: the parameters and the microscopic rule,
 * not the update engine ({@link ParticleSimulation}) or the observation ({@link DecayCurve}).
 *
 * <p><b>Rule</b> (Täuber, arXiv:1807.01248; brief §2.2). Each site holds at most one particle.
 * Every particle hops at total rate {@code h}, to each of its {@code 2d} von Neumann neighbours
 * with rate {@code h / (2d)}, so the diffusion constant is {@code D = h / (2d)} in lattice units.
 * A hop onto an empty site moves the particle. A hop onto an occupied site is the reaction, and it
 * happens at once (diffusion-limited): with {@link Reaction#ANNIHILATION} both particles
 * disappear, with {@link Reaction#COAGULATION} the hopping particle disappears and the one it
 * landed on stays. Start: every site independently occupied with probability
 * {@code initialDensity} ({@code 1} gives the full lattice).
 *
 * <p><b>Mean field.</b> A particle hops at rate {@code h} onto an occupied site with probability
 * {@code a}, removing two particles (one for coagulation), so the well-mixed limit is
 * {@code da/dt = -lambda a^2} with {@code lambda = 2h} ({@code h}), solved by
 * {@code a(t) = a0 / (1 + lambda a0 t)}. At and below the upper critical dimension
 * {@code d_c = 2} the lattice does not follow it (depletion zones form around each particle):
 * in 1D the exact full-start density is {@code e^(-4Dt) I_0(4Dt) -> (8 pi D t)^(-1/2)}
 * ({@code e^(-4Dt) [I_0 + I_1](4Dt) -> (2 pi D t)^(-1/2)} for coagulation), and in 2D
 * {@code rho ~ ln t / (8 pi D t)} ({@code ln t / (4 pi D t)}).
 *
 * @param hopRate        total hop rate {@code h} of a particle, finite and {@code > 0}
 * @param dimension      lattice dimension {@code d}, 1 or 2
 * @param side           linear size {@code L}, {@code >= 3} so that the {@code 2d} neighbours are
 *                       distinct; {@code L^d <= 2^30}
 * @param initialDensity occupation probability of each site at {@code t = 0}, in {@code (0, 1]}
 * @param reaction       what a hop onto an occupied site does
 */
public record Annihilation(double hopRate, int dimension, int side, double initialDensity,
                           Reaction reaction) {

    /** What happens when a particle hops onto an occupied site. */
    public enum Reaction {
        /** {@code A + A -> 0}: both particles are removed. */
        ANNIHILATION,
        /** {@code A + A -> A}: the hopping particle is removed, the target stays. */
        COAGULATION
    }

    /** Validates the parameters. */
    public Annihilation {
        Objects.requireNonNull(reaction, "reaction");
        ParticleChecks.checkHopRate(hopRate);
        ParticleChecks.checkLattice(dimension, side);
        if (!(initialDensity > 0.0 && initialDensity <= 1.0)) {
            throw new IllegalArgumentException(
                    "initialDensity must be in (0, 1], got " + initialDensity);
        }
    }

    /** Pair annihilation {@code A + A -> 0}. */
    public static Annihilation annihilation(double hopRate, int dimension, int side,
                                            double initialDensity) {
        return new Annihilation(hopRate, dimension, side, initialDensity, Reaction.ANNIHILATION);
    }

    /** Coagulation {@code A + A -> A}. */
    public static Annihilation coagulation(double hopRate, int dimension, int side,
                                           double initialDensity) {
        return new Annihilation(hopRate, dimension, side, initialDensity, Reaction.COAGULATION);
    }

    /** The number of sites {@code N = L^d}. */
    public int sites() {
        return dimension == 1 ? side : side * side;
    }

    /** The diffusion constant {@code D = h / (2d)} in lattice units. */
    public double diffusionConstant() {
        return hopRate / (2.0 * dimension);
    }

    /** The mean-field rate constant {@code lambda} of {@code da/dt = -lambda a^2}. */
    public double meanFieldRate() {
        return reaction == Reaction.ANNIHILATION ? 2.0 * hopRate : hopRate;
    }

    /** The mean-field density {@code a0 / (1 + lambda a0 t)} at time {@code t >= 0}. */
    public double meanFieldDensity(double t) {
        return initialDensity / (1.0 + meanFieldRate() * initialDensity * t);
    }

    /**
     * The exact 1D long-time density from the full lattice, {@code (8 pi D t)^(-1/2)} for
     * annihilation and {@code (2 pi D t)^(-1/2)} for coagulation (for {@code d = 2} the leading
     * form {@code ln t / (8 pi D t)} of annihilation, which carries an {@code O(1/ln t)}
     * correction, and {@code ln t / (4 pi D t)} for coagulation, which removes one particle per
     * encounter instead of two).
     *
     * @param t time, {@code > 0}
     */
    public double asymptoticDensity(double t) {
        if (!(t > 0.0)) {
            throw new IllegalArgumentException("t must be > 0, got " + t);
        }
        double d = diffusionConstant();
        boolean pairs = reaction == Reaction.ANNIHILATION;
        return dimension == 1
                ? 1.0 / Math.sqrt((pairs ? 8.0 : 2.0) * Math.PI * d * t)
                : Math.log(t) / ((pairs ? 8.0 : 4.0) * Math.PI * d * t);
    }
}
