package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * Conserved-density rock–paper–scissors (the cyclic Lotka–Volterra model with exchange; He,
 * Mobilia and Täuber, PRE 82, 051909 (2010); Peltomäki and Alava, PRE 78, 031906 (2008); brief
 * §2.5): species {@code A, B, C} (site values 1, 2, 3) and empty sites. It coarsens but forms no
 * spirals: the negative control for {@link MayLeonard}.
 *
 * <p><b>Rule (actor convention).</b> An attempt picks a uniform site {@code i} and a uniform
 * neighbour {@code j}, then one of:
 * <ul>
 *   <li>predation, rate {@code sigma}: if {@code s_i} preys on {@code s_j} ({@code A B -> A A},
 *       {@code B C -> B B}, {@code C A -> C C}) then {@code s_j <- s_i};</li>
 *   <li>exchange, rate {@code epsilon}: swap {@code s_i} and {@code s_j}.</li>
 * </ul>
 * The number of occupied sites never changes. Mean field: {@code da/dt = sigma a (b - c)} and
 * cyclic permutations, with {@code a + b + c} and {@code a b c} conserved (neutral cycles).
 *
 * <p><b>Rates to probabilities.</b> {@code R = sigma + epsilon}: predation with probability
 * {@code sigma / R}, exchange otherwise; {@code Delta t = 1 / (N R)}.
 *
 * @param sigma   predation rate, {@code >= 0}
 * @param epsilon exchange rate, {@code >= 0}
 */
public record CyclicLotkaVolterra(double sigma, double epsilon) implements SiteModel {

    /** Validates the rates. */
    public CyclicLotkaVolterra {
        Rates.nonNegative("sigma", sigma);
        Rates.nonNegative("epsilon", epsilon);
        Rates.positiveTotal("sigma, epsilon", sigma + epsilon);
    }

    /** Independent occupation with the given densities of A, B and C. */
    public static InitialCondition randomStart(double a, double b, double c) {
        return InitialCondition.bernoulli(a, b, c);
    }

    @Override
    public int speciesCount() {
        return 3;
    }

    @Override
    public double totalRate() {
        return sigma + epsilon;
    }

    @Override
    public SiteKernel kernel(Lattice lattice) {
        return new Kernel(lattice, this);
    }

    private static final class Kernel extends SiteKernel {
        private final int predation;

        Kernel(Lattice lattice, CyclicLotkaVolterra m) {
            super(lattice);
            predation = threshold(m.sigma / m.totalRate());
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
            final int predation = this.predation;
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
                if (e < predation) {
                    if (si != 0 && sj == (si == MayLeonard.C ? MayLeonard.A : si + 1)) {
                        s[j] = si;
                        c[sj]--;
                        c[si]++;
                    }
                } else {
                    s[i] = sj;
                    s[j] = si;
                }
            }
        }
    }
}
