package org.phasebook.lattice;

/**
 * Diffusion-limited two-species annihilation {@code A + B -> 0} on a periodic hypercubic lattice
 * with a random start: the parameters and the microscopic rule, not the update engine
 * ({@link ParticleSimulation}) or the observation ({@link DecayCurve}).
 *
 * <p><b>Rule</b> (Täuber, arXiv:1807.01248; brief §2.3). Each site holds at most one particle,
 * of species A (site state 1) or B (state 2). Both species hop at total rate {@code h}, to each of
 * the {@code 2d} von Neumann neighbours with rate {@code h / (2d)}, so {@code D = h / (2d)}. A hop
 * onto an empty site moves the particle; a hop onto the other species removes both at once; a hop
 * onto the same species is blocked (nothing happens). Start: each site independently holds an A
 * with probability {@code rho0}, a B with probability {@code rho0}, and is empty otherwise, so
 * {@code 2 rho0 <= 1}. {@code n_A - n_B} is conserved.
 *
 * <p><b>Mean field</b>: {@code da/dt = db/dt = -lambda a b} with {@code lambda = 2h} (an A hops
 * onto a B at rate {@code h b}, and a B onto an A at rate {@code h a}). On the lattice, for
 * {@code d < 4}, the initial fluctuations of {@code n_A - n_B} make A- and B-rich domains of size
 * {@code ~ sqrt(D t)} (Toussaint and Wilczek, J. Chem. Phys. 78, 2642 (1983)), and
 * {@code rho_A = rho_B ~ sqrt(rho0 / pi) (8 pi D t)^(-d/4)}: exponent 1/4 in 1D and 1/2 in 2D,
 * slower than both the mean-field {@code 1/t} and {@code A + A}.
 *
 * @param hopRate        total hop rate {@code h} of each particle, finite and {@code > 0}
 * @param dimension      lattice dimension {@code d}, 1 or 2
 * @param side           linear size {@code L}, {@code >= 3}; {@code L^d <= 2^30}
 * @param initialDensity {@code rho0}, the initial density of each species, in {@code (0, 1/2]}
 */
public record TwoSpeciesAnnihilation(double hopRate, int dimension, int side,
                                     double initialDensity) {

    /** Validates the parameters. */
    public TwoSpeciesAnnihilation {
        ParticleChecks.checkHopRate(hopRate);
        ParticleChecks.checkLattice(dimension, side);
        if (!(initialDensity > 0.0 && initialDensity <= 0.5)) {
            throw new IllegalArgumentException("initialDensity must be in (0, 1/2] so that"
                    + " 2 initialDensity <= 1, got " + initialDensity);
        }
    }

    /** The number of sites {@code N = L^d}. */
    public int sites() {
        return dimension == 1 ? side : side * side;
    }

    /** The diffusion constant {@code D = h / (2d)} in lattice units. */
    public double diffusionConstant() {
        return hopRate / (2.0 * dimension);
    }

    /** The mean-field rate constant {@code lambda = 2h} of {@code da/dt = -lambda a b}. */
    public double meanFieldRate() {
        return 2.0 * hopRate;
    }

    /** The mean-field density of each species, {@code rho0 / (1 + lambda rho0 t)}. */
    public double meanFieldDensity(double t) {
        return initialDensity / (1.0 + meanFieldRate() * initialDensity * t);
    }

    /**
     * The segregated long-time density of each species,
     * {@code sqrt(rho0 / pi) (8 pi D t)^(-d/4)} (Toussaint–Wilczek amplitude).
     *
     * @param t time, {@code > 0}
     */
    public double asymptoticDensity(double t) {
        if (!(t > 0.0)) {
            throw new IllegalArgumentException("t must be > 0, got " + t);
        }
        return Math.sqrt(initialDensity / Math.PI)
                * Math.pow(8.0 * Math.PI * diffusionConstant() * t, -dimension / 4.0);
    }
}
