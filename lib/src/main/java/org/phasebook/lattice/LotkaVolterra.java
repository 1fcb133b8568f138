package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * The site-restricted ({@code K = 1}) stochastic lattice Lotka–Volterra model of Mobilia,
 * Georgiev and Täuber (J. Stat. Phys. 128, 447 (2007); brief §2.4): predators {@code A}
 * (site value 1) and prey {@code B} (site value 2), at most one individual per site.
 *
 * <p><b>Rule.</b> A predator dies ({@code A -> 0}) at rate {@code mu}; at rate {@code lambda}
 * it picks a uniform random neighbour and, if that neighbour is prey, converts it to a predator
 * ({@code A B -> A A}); at rate {@code hopRate} ({@code D}) it picks a uniform random neighbour
 * and moves there if it is empty. A prey at rate {@code sigma} picks a uniform random neighbour
 * and gives birth there if it is empty ({@code B 0 -> B B}); at rate {@code hopRate} it hops
 * like a predator. Empty sites are passive. The total hop rate {@code D} spread over the
 * {@code 2d} neighbours gives a diffusion coefficient {@code D / (2d)} in lattice units (at low
 * density). Mean field, exact for these rules:
 * {@code da/dt = lambda a b - mu a}, {@code db/dt = sigma b (1 - a - b) - lambda a b}.
 *
 * <p><b>Rates to probabilities.</b> {@code R = max(mu + lambda + D, sigma + D)}. An attempt
 * picks a uniform site: a predator dies with probability {@code mu / R}, preys with
 * {@code lambda / R}, hops with {@code D / R}; a prey reproduces with {@code sigma / R}, hops
 * with {@code D / R}; the remaining probability, and every empty site, is a null attempt.
 * {@code Delta t = 1 / (N R)}.
 *
 * @param sigma   prey birth rate, {@code >= 0}
 * @param mu      predator death rate, {@code >= 0}
 * @param lambda  predation rate, {@code >= 0}
 * @param hopRate total hop rate {@code D} of either species, {@code >= 0}
 */
public record LotkaVolterra(double sigma, double mu, double lambda, double hopRate)
        implements SiteModel {

    /** Site value of a predator. */
    public static final byte PREDATOR = 1;
    /** Site value of a prey. */
    public static final byte PREY = 2;

    /** Validates the rates. */
    public LotkaVolterra {
        Rates.nonNegative("sigma", sigma);
        Rates.nonNegative("mu", mu);
        Rates.nonNegative("lambda", lambda);
        Rates.nonNegative("hopRate", hopRate);
        Rates.positiveTotal("sigma, mu, lambda, hopRate", sigma + mu + lambda + hopRate);
    }

    /**
     * Independent occupation: predator with probability {@code predators}, prey with
     * {@code prey}, empty otherwise.
     */
    public static InitialCondition randomStart(double predators, double prey) {
        return InitialCondition.bernoulli(predators, prey);
    }

    /**
     * A disc of predators of radius {@code radius} at the centre of a sea of prey of density
     * {@code preyDensity}: the start for spreading activity fronts.
     */
    public static InitialCondition predatorSeedInPrey(double preyDensity, int radius) {
        return InitialCondition.seedInSea(2, PREY, preyDensity, PREDATOR, radius);
    }

    /**
     * The rate equations of this rule (site-restricted, capacity 1): {@code da/dt = lambda a b -
     * mu a}, {@code db/dt = sigma b (1 - a - b) - lambda a b}. Hopping moves particles without
     * changing the densities, so it does not enter.
     */
    public LotkaVolterraMeanField meanField() {
        return LotkaVolterraMeanField.siteRestricted(sigma, mu, lambda);
    }

    @Override
    public int speciesCount() {
        return 2;
    }

    @Override
    public double totalRate() {
        return Math.max(mu + lambda + hopRate, sigma + hopRate);
    }

    @Override
    public SiteKernel kernel(Lattice lattice) {
        return new Kernel(lattice, this);
    }

    /**
     * The rule as a lookup table, so that the loop has no data-dependent branches (the outcome
     * of an attempt is random, and each mispredicted branch costs about as much as the rest of
     * the attempt). The event number {@code e} gives an action {@code 0..3} by comparison with
     * three thresholds of the actor's state; {@code (s_i, s_j, action)} indexes a table holding
     * the new {@code s_i}, the new {@code s_j} and the changes of the two counts.
     */
    private static final class Kernel extends SiteKernel {
        private final int[] first = new int[3];
        private final int[] second = new int[3];
        private final int[] third = new int[3];
        private final int[] table = new int[36];

        Kernel(Lattice lattice, LotkaVolterra m) {
            super(lattice);
            double r = m.totalRate();
            // empty sites: thresholds 0, every attempt is action 3 (null)
            first[PREDATOR] = threshold(m.mu / r);
            second[PREDATOR] = threshold((m.mu + m.lambda) / r);
            third[PREDATOR] = threshold((m.mu + m.lambda + m.hopRate) / r);
            first[PREY] = threshold(m.sigma / r);
            second[PREY] = threshold((m.sigma + m.hopRate) / r);
            third[PREY] = second[PREY]; // so that a prey never takes action 2
            for (int si = 0; si < 3; si++) {
                for (int sj = 0; sj < 3; sj++) {
                    for (int action = 0; action < 4; action++) {
                        int ni = si;
                        int nj = sj;
                        if (si == PREDATOR) {
                            if (action == 0) {
                                ni = 0; // death
                            } else if (action == 1 && sj == PREY) {
                                nj = PREDATOR; // predation
                            } else if (action == 2 && sj == 0) {
                                ni = 0; // hop
                                nj = PREDATOR;
                            }
                        } else if (si == PREY && sj == 0) {
                            if (action == 0) {
                                nj = PREY; // birth
                            } else if (action == 1) {
                                ni = 0; // hop
                                nj = PREY;
                            }
                        }
                        int dA = count(ni, PREDATOR) + count(nj, PREDATOR) - count(si, PREDATOR)
                                - count(sj, PREDATOR);
                        int dB = count(ni, PREY) + count(nj, PREY) - count(si, PREY) - count(sj, PREY);
                        table[(si * 3 + sj) << 2 | action] =
                                ni | nj << 8 | (dA + 1) << 16 | (dB + 1) << 24;
                    }
                }
            }
        }

        private static int count(int state, int species) {
            return state == species ? 1 : 0;
        }

        @Override
        void loop(byte[] s, int[] c, long attempts, SplittableRandom random) {
            final long n = this.n;
            final long reject = this.reject;
            final int side = this.side;
            final long magic = this.magic;
            final int shift = this.shift;
            final int dirMask = this.directionMask;
            final int[] wrapMasks = this.wrapMasks;
            final int[] steps = this.steps;
            final int[] first = this.first;
            final int[] second = this.second;
            final int[] third = this.third;
            final int[] table = this.table;
            int predators = c[PREDATOR];
            int prey = c[PREY];
            for (long a = 0; a < attempts; a++) {
                long r;
                long m;
                do {
                    r = random.nextLong();
                    m = (r >>> 32) * n;
                } while ((m & LOW32) < reject);
                int i = (int) (m >>> 32);
                int lo = (int) r;
                int e = lo >>> 2;
                int dir = lo & dirMask;
                int j = wrapMasks != null ? maskedNeighbour(i, dir, wrapMasks, steps)
                        : neighbour(i, dir, side, magic, shift);
                int si = s[i];
                int sj = s[j];
                // e >= t as 0 or 1 without a branch: the sign bit of t - 1 - e
                int action = ((first[si] - 1 - e) >>> 31) + ((second[si] - 1 - e) >>> 31)
                        + ((third[si] - 1 - e) >>> 31);
                int t = table[(si * 3 + sj) << 2 | action];
                s[i] = (byte) t;
                s[j] = (byte) (t >>> 8);
                predators += ((t >>> 16) & 0xFF) - 1;
                prey += (t >>> 24) - 1;
            }
            c[PREDATOR] = predators;
            c[PREY] = prey;
            c[0] = (int) n - predators - prey;
        }
    }
}
