package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * Birth–death with carrying capacity {@code K = 1} on a lattice: the contact process (brief
 * §2.1). One species {@code A} (site value 1).
 *
 * <p><b>Rule.</b> An occupied site dies ({@code A -> 0}) at rate {@code mu}; at rate
 * {@code sigma} it picks a uniform random neighbour and places an offspring there if that site
 * is empty. Empty sites are passive. This is the contact process with
 * {@code lambda_CP = sigma / mu}. Mean field: {@code da/dt = sigma a (1 - a) - mu a}, threshold
 * {@code sigma = mu}.
 *
 * <p><b>Rates to probabilities.</b> {@code R = sigma + mu}. An attempt picks a uniform site; if
 * it is occupied, death with probability {@code mu / R}, otherwise a birth attempt onto a
 * uniform neighbour; an empty site gives a null attempt. {@code Delta t = 1 / (N R)}. (The
 * particle-picking form of the brief, {@code Delta t = 1 / (n R)} with {@code n} particles, has
 * the same law; picking sites wastes the attempts on empty sites, which matters only at low
 * density.)
 *
 * <p><b>Thresholds.</b> The lattice critical point is {@code lambda_CP = 3.29785} in one
 * dimension and {@code 1.64877} on the square lattice (literature values, e.g. Dickman and
 * Jensen 1991 for 1D; the brief quotes 3.29785(2) and 1.64877(3)), against 1 in mean field.
 *
 * @param sigma birth rate {@code sigma >= 0}
 * @param mu    death rate {@code mu >= 0}; {@code sigma + mu > 0}
 */
public record ContactProcess(double sigma, double mu) implements SiteModel {

    /** Literature critical {@code lambda_CP} on the ring. */
    public static final double CRITICAL_LAMBDA_1D = 3.29785;
    /** Literature critical {@code lambda_CP} on the square lattice. */
    public static final double CRITICAL_LAMBDA_2D = 1.64877;
    /** The site value of the particles. */
    public static final byte A = 1;

    /** Validates the rates. */
    public ContactProcess {
        Rates.nonNegative("sigma", sigma);
        Rates.nonNegative("mu", mu);
        Rates.positiveTotal("sigma, mu", sigma + mu);
    }

    /**
     * The contact process in its usual units, death rate {@code mu = 1} and birth rate
     * {@code sigma = lambdaCp}.
     *
     * @param lambdaCp {@code lambda_CP = sigma / mu}, {@code >= 0}
     * @return the model
     */
    public static ContactProcess withLambda(double lambdaCp) {
        return new ContactProcess(lambdaCp, 1.0);
    }

    /** {@code lambda_CP = sigma / mu} (infinite when {@code mu = 0}). */
    public double lambdaCp() {
        return sigma / mu;
    }

    /** Every site occupied. */
    public static InitialCondition fullStart() {
        return InitialCondition.bernoulli(1.0);
    }

    /** Each site occupied independently with probability {@code density}. */
    public static InitialCondition randomStart(double density) {
        return InitialCondition.bernoulli(density);
    }

    /**
     * The rate equation of this rule, {@code da/dt = sigma a (1 - a) - mu a}: birth onto a
     * neighbour succeeds with the probability {@code 1 - a} that it is empty, in mean field.
     */
    public BirthDeathMeanField meanField() {
        return BirthDeathMeanField.withCapacity(sigma, mu, 1.0);
    }

    @Override
    public int speciesCount() {
        return 1;
    }

    @Override
    public double totalRate() {
        return sigma + mu;
    }

    @Override
    public SiteKernel kernel(Lattice lattice) {
        return new Kernel(lattice, this);
    }

    private static final class Kernel extends SiteKernel {
        private final int death;
        private final int birth;

        Kernel(Lattice lattice, ContactProcess m) {
            super(lattice);
            double r = m.totalRate();
            death = threshold(m.mu / r);
            birth = threshold((m.mu + m.sigma) / r);
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
            final int death = this.death;
            final int birth = this.birth;
            for (long a = 0; a < attempts; a++) {
                long r;
                long m;
                do {
                    r = random.nextLong();
                    m = (r >>> 32) * n;
                } while ((m & LOW32) < reject);
                int i = (int) (m >>> 32);
                if (s[i] == 0) {
                    continue;
                }
                int lo = (int) r;
                int e = lo >>> 2;
                if (e < death) {
                    s[i] = 0;
                    c[1]--;
                    c[0]++;
                } else if (e < birth) {
                    int dir = lo & dirMask;
                    int j = wrapMasks != null ? maskedNeighbour(i, dir, wrapMasks, steps)
                            : neighbour(i, dir, side, magic, shift);
                    if (s[j] == 0) {
                        s[j] = A;
                        c[1]++;
                        c[0]--;
                    }
                }
            }
        }
    }
}
