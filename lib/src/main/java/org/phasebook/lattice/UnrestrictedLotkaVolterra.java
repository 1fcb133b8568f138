package org.phasebook.lattice;

/**
 * The stochastic Lotka–Volterra model with unrestricted site occupancy (Washenberger, Mobilia,
 * Täuber, J. Phys.: Condens. Matter 19, 065139 (2007), cond-mat/0606809; brief §2.4): the
 * parameters and the microscopic rule, not the engine ({@link UnrestrictedGillespie}).
 *
 * <p><b>Rule.</b> Every site of a periodic ring or square lattice holds any numbers
 * {@code n_A, n_B >= 0} of predators {@code A} and prey {@code B}; all reactions are on-site and
 * happen independently at the rates
 * <ul>
 *   <li>{@code A -> 0}: each predator dies at rate {@code mu};</li>
 *   <li>{@code B -> B + B}: each prey gives birth at rate {@code sigma}, the offspring staying on
 *       the site;</li>
 *   <li>{@code A + B -> A + A}: each on-site predator–prey <i>pair</i> reacts at rate
 *       {@code lambda}, so a site predates at rate {@code lambda n_A n_B};</li>
 *   <li>hopping: each particle of either species jumps at rate {@code hopRate} (the brief's
 *       {@code D}) to one of the {@code 2d} nearest neighbours, chosen uniformly; there is no
 *       exclusion. The diffusion coefficient is {@code hopRate / (2d)} in lattice units.</li>
 * </ul>
 * A site therefore changes at the total rate
 * {@code (mu + D) n_A + (sigma + D) n_B + lambda n_A n_B} ({@link #siteRate}).
 *
 * <p><b>Time</b> is the physical time of these rates: the rate equations below hold in it
 * without rescaling. It is <i>not</i> the Monte Carlo step of per-occupant codes such as pymes,
 * where one step is as many attempts as there are particles and each attempt combines a hop with
 * reaction trials; see {@link UnrestrictedGillespie}.
 *
 * <p><b>Mean field.</b> With the densities {@code a, b} as mean particle numbers per site, a
 * well-mixed (Poisson) site has {@code E[n_A n_B] = a b}, and the rate equations are the
 * classical Lotka–Volterra equations {@code da/dt = lambda a b - mu a},
 * {@code db/dt = sigma b - lambda a b} ({@link #meanField()}), with neutral cycles of
 * small-orbit frequency {@code omega_0 = sqrt(sigma mu)} around {@code (sigma/lambda, mu/lambda)}.
 * On the lattice the two species coexist (also in one dimension) with erratic, damped
 * oscillations whose frequency is renormalised by the fluctuations.
 *
 * @param sigma     prey birth rate, finite and {@code >= 0}
 * @param mu        predator death rate, finite and {@code >= 0}
 * @param lambda    predation rate per on-site predator–prey pair, finite and {@code >= 0}
 * @param hopRate   total hop rate {@code D} of each particle, finite and {@code >= 0}
 * @param dimension lattice dimension {@code d}, 1 or 2
 * @param side      linear size {@code L >= 1}, with {@code N = L^d <= 2^26} sites (for
 *                  {@code L <= 2} the neighbours along an axis coincide, and for {@code L = 1}
 *                  a hop returns to its own site: a single well-mixed site)
 */
public record UnrestrictedLotkaVolterra(double sigma, double mu, double lambda, double hopRate,
                                        int dimension, int side) {

    /**
     * The largest number of sites, {@code 2^26}: the engine keeps about 20–24 bytes per site
     * (two counts, the site's rate group and its place in it), about 1.5 GiB at this size.
     */
    public static final int MAX_SITES = 1 << 26;

    /** Validates the parameters; each error names the parameter, its value and the range. */
    public UnrestrictedLotkaVolterra {
        Rates.nonNegative("sigma", sigma);
        Rates.nonNegative("mu", mu);
        Rates.nonNegative("lambda", lambda);
        Rates.nonNegative("hopRate", hopRate);
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
        }
        if (side < 1) {
            throw new IllegalArgumentException("side must be >= 1, got " + side);
        }
        long sites = dimension == 1 ? side : (long) side * side;
        if (sites > MAX_SITES) {
            throw new IllegalArgumentException("side^dimension must be <= 2^26 = " + MAX_SITES
                    + " sites, got side = " + side + " in dimension " + dimension + " (" + sites
                    + " sites)");
        }
    }

    /** A periodic square lattice of side {@code side}. */
    public static UnrestrictedLotkaVolterra square(double sigma, double mu, double lambda,
                                                   double hopRate, int side) {
        return new UnrestrictedLotkaVolterra(sigma, mu, lambda, hopRate, 2, side);
    }

    /** A ring of {@code side} sites. */
    public static UnrestrictedLotkaVolterra ring(double sigma, double mu, double lambda,
                                                 double hopRate, int side) {
        return new UnrestrictedLotkaVolterra(sigma, mu, lambda, hopRate, 1, side);
    }

    /** The number of sites {@code N = L^d}. */
    public int sites() {
        return dimension == 1 ? side : side * side;
    }

    /** The diffusion coefficient {@code hopRate / (2d)} in lattice units. */
    public double diffusionConstant() {
        return hopRate / (2.0 * dimension);
    }

    /**
     * The total rate of a site holding {@code predators} and {@code prey}:
     * {@code (mu + D) n_A + (sigma + D) n_B + lambda n_A n_B}.
     */
    public double siteRate(long predators, long prey) {
        if (predators < 0 || prey < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got predators = " + predators
                    + ", prey = " + prey);
        }
        return (mu + hopRate) * predators + (sigma + hopRate) * prey
                + lambda * (double) predators * (double) prey;
    }

    /**
     * The rate equations {@code da/dt = lambda a b - mu a}, {@code db/dt = sigma b - lambda a b}
     * for the densities per site. Hopping moves particles without changing the totals, so it
     * does not enter.
     *
     * @throws IllegalArgumentException if {@code sigma}, {@code mu} or {@code lambda} is 0 (the
     *                                  mean-field class needs a centre)
     */
    public UnrestrictedLotkaVolterraMeanField meanField() {
        return new UnrestrictedLotkaVolterraMeanField(sigma, mu, lambda);
    }
}
