package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * Cyclic competition with mobility (May–Leonard in the form of Reichenbach, Mobilia and Frey,
 * Nature 448, 1046 (2007); brief §2.5): species {@code A, B, C} (site values 1, 2, 3) and
 * empty sites, at most one individual per site, usually on a square lattice.
 *
 * <p><b>Rule (actor convention).</b> An attempt picks a uniform site {@code i} and a uniform
 * neighbour {@code j}, then one of:
 * <ul>
 *   <li>selection, rate {@code sigma}: if {@code s_i} preys on {@code s_j} ({@code A} on
 *       {@code B}, {@code B} on {@code C}, {@code C} on {@code A}) then {@code s_j <- 0};</li>
 *   <li>reproduction, rate {@code mu}: if {@code s_i != 0} and {@code s_j = 0} then
 *       {@code s_j <- s_i};</li>
 *   <li>exchange, rate {@code epsilon}: swap {@code s_i} and {@code s_j}, whatever they hold
 *       (including empty sites).</li>
 * </ul>
 * Selection is executed in one orientation only (actor on neighbour); executing both would
 * double the reaction rates. Mean field: {@code da/dt = a [mu (1 - rho) - sigma c]} and cyclic
 * permutations, {@code rho = a + b + c}. Each individual swaps at total rate {@code 2 epsilon}
 * (as actor and as partner), so the mobility is {@code M = 2 epsilon / N}.
 *
 * <p><b>Rates to probabilities.</b> {@code R = sigma + mu + epsilon}: selection with probability
 * {@code sigma / R}, reproduction {@code mu / R}, exchange {@code epsilon / R}; there is no
 * null event, but a selection or reproduction whose condition fails does nothing.
 * {@code Delta t = 1 / (N R)}.
 *
 * @param sigma   selection rate, {@code >= 0}
 * @param mu      reproduction rate, {@code >= 0}
 * @param epsilon exchange rate, {@code >= 0}
 */
public record MayLeonard(double sigma, double mu, double epsilon) implements SiteModel {

    /** Site values of the three species. */
    public static final byte A = 1;
    /** Species B. */
    public static final byte B = 2;
    /** Species C. */
    public static final byte C = 3;

    /** Validates the rates. */
    public MayLeonard {
        Rates.nonNegative("sigma", sigma);
        Rates.nonNegative("mu", mu);
        Rates.nonNegative("epsilon", epsilon);
        Rates.positiveTotal("sigma, mu, epsilon", sigma + mu + epsilon);
    }

    /**
     * The model with mobility {@code M} on {@code lattice}: {@code epsilon = M N / 2}.
     *
     * @param sigma    selection rate
     * @param mu       reproduction rate
     * @param mobility {@code M >= 0}, the area (in units of the system area) one individual
     *                 explores per unit time
     * @param lattice  the lattice, whose {@code N} converts {@code M} to {@code epsilon}
     * @return the model
     */
    public static MayLeonard withMobility(double sigma, double mu, double mobility, Lattice lattice) {
        Rates.nonNegative("mobility", mobility);
        return new MayLeonard(sigma, mu, mobility * lattice.sites() / 2.0);
    }

    /** {@code M = 2 epsilon / N} on {@code lattice}. */
    public double mobility(Lattice lattice) {
        return 2.0 * epsilon / lattice.sites();
    }

    /** Each site independently A, B, C or empty with probability 1/4 each. */
    public static InitialCondition randomStart() {
        return InitialCondition.bernoulli(0.25, 0.25, 0.25);
    }

    /** Independent occupation with the given densities of A, B and C. */
    public static InitialCondition randomStart(double a, double b, double c) {
        return InitialCondition.bernoulli(a, b, c);
    }

    /**
     * The rate equations of this rule, {@code da/dt = a [mu (1 - rho) - sigma c]} and cyclic
     * permutations; exchange moves individuals without changing the densities, so it does not
     * enter.
     */
    public MayLeonardMeanField meanField() {
        return new MayLeonardMeanField(sigma, mu);
    }

    @Override
    public int speciesCount() {
        return 3;
    }

    @Override
    public double totalRate() {
        return sigma + mu + epsilon;
    }

    @Override
    public SiteKernel kernel(Lattice lattice) {
        return new Kernel(lattice, this);
    }

    private static final class Kernel extends SiteKernel {
        private final int selection;
        private final int reproduction;

        Kernel(Lattice lattice, MayLeonard m) {
            super(lattice);
            double r = m.totalRate();
            selection = threshold(m.sigma / r);
            reproduction = threshold((m.sigma + m.mu) / r);
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
            final int selection = this.selection;
            final int reproduction = this.reproduction;
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
                byte si = s[i];
                byte sj = s[j];
                if (e >= reproduction) {
                    s[i] = sj;
                    s[j] = si;
                } else if (e < selection) {
                    // s_i preys on s_j when s_j = s_i mod 3 + 1, s_i != 0
                    if (si != 0 && sj == (si == C ? A : si + 1)) {
                        s[j] = 0;
                        c[sj]--;
                        c[0]++;
                    }
                } else if (si != 0 && sj == 0) {
                    s[j] = si;
                    c[si]++;
                    c[0]--;
                }
            }
        }
    }
}
