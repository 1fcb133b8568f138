package org.phasebook.lattice;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mutable state of a site lattice: one {@code byte} per site (0 = empty, species
 * {@code 1..speciesCount}), running counts of every state, the model time and the number of
 * attempts made so far.
 *
 * <p><b>Invariant:</b> {@code count(k)} equals the number of sites holding {@code k}, for every
 * {@code k} in {@code [0, speciesCount]}. The engine keeps the counts up to date as it changes
 * sites, so densities are read in O(1) without rescanning the lattice;
 * {@link #checkCounts()} rescans and verifies the invariant (for tests). Change sites only
 * through {@link #set(int, int)}; {@link #sites()} exposes the live array for observables that
 * read it, which must not write to it.
 *
 * <p>Not thread-safe: one state belongs to one replica and one thread.
 */
public final class LatticeState {

    private final Lattice lattice;
    private final int speciesCount;
    private final byte[] sites;
    private final int[] counts;
    private double time;
    private long attempts;

    /**
     * An empty lattice at time 0.
     *
     * @param lattice      geometry
     * @param speciesCount number of non-empty site states, in {@code [1, 127]}
     */
    public LatticeState(Lattice lattice, int speciesCount) {
        if (speciesCount < 1 || speciesCount > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("speciesCount must be in [1, 127], got "
                    + speciesCount);
        }
        this.lattice = lattice;
        this.speciesCount = speciesCount;
        this.sites = new byte[lattice.sites()];
        this.counts = new int[speciesCount + 1];
        this.counts[0] = sites.length;
    }

    /**
     * A state at time 0 with a copy of the given site values.
     *
     * @param lattice      geometry
     * @param speciesCount number of non-empty site states
     * @param siteValues   {@code N} values, each in {@code [0, speciesCount]}
     * @return the new state, with counts computed from {@code siteValues}
     */
    public static LatticeState of(Lattice lattice, int speciesCount, byte[] siteValues) {
        LatticeState state = new LatticeState(lattice, speciesCount);
        if (siteValues.length != state.sites.length) {
            throw new IllegalArgumentException("siteValues must have N = " + state.sites.length
                    + " entries, got " + siteValues.length);
        }
        for (int i = 0; i < siteValues.length; i++) {
            state.set(i, siteValues[i]);
        }
        return state;
    }

    /**
     * Independent (Bernoulli) occupation: each site holds species {@code k} with probability
     * {@code densities[k - 1]} and is empty otherwise, independently of the other sites.
     *
     * @param lattice   geometry
     * @param densities one probability per species, each in {@code [0, 1]}, summing to at most 1;
     *                  its length is the species count
     * @param random    source of the draws (one {@code nextDouble} per site)
     * @return the new state at time 0
     */
    public static LatticeState bernoulli(Lattice lattice, double[] densities, SplittableRandom random) {
        double[] cumulative = cumulativeDensities(densities);
        LatticeState state = new LatticeState(lattice, densities.length);
        int[] counts = state.counts;
        for (int i = 0; i < state.sites.length; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < cumulative.length && u >= cumulative[k]) {
                k++;
            }
            if (k < cumulative.length) {
                state.sites[i] = (byte) (k + 1);
                counts[k + 1]++;
                counts[0]--;
            }
        }
        return state;
    }

    /**
     * Validates per-species occupation probabilities and returns their running sums.
     *
     * @throws IllegalArgumentException if there are none, one is outside [0, 1] or they sum to
     *     more than 1
     */
    static double[] cumulativeDensities(double[] densities) {
        if (densities.length < 1 || densities.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("densities must name 1 to 127 species, got "
                    + densities.length);
        }
        double[] cumulative = new double[densities.length];
        double sum = 0.0;
        for (int k = 0; k < densities.length; k++) {
            double p = densities[k];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("density of species " + (k + 1)
                        + " must be in [0, 1], got " + p);
            }
            sum += p;
            cumulative[k] = sum;
        }
        if (sum > 1.0 + 1e-12) {
            throw new IllegalArgumentException("densities must sum to at most 1, got " + sum);
        }
        return cumulative;
    }

    /** The geometry. */
    public Lattice lattice() {
        return lattice;
    }

    /** The number of non-empty site states. */
    public int speciesCount() {
        return speciesCount;
    }

    /**
     * The live site array, {@code N} bytes indexed {@code x + L y}. Read-only by contract:
     * writing to it breaks the count invariant (use {@link #set}).
     */
    public byte[] sites() {
        return sites;
    }

    /** A copy of the site array (a snapshot). */
    public byte[] copySites() {
        return sites.clone();
    }

    /** The state of site {@code site}. */
    public int get(int site) {
        return sites[site];
    }

    /**
     * Sets site {@code site} to {@code value}, keeping the counts up to date.
     *
     * @param site  site index in {@code [0, N)}
     * @param value 0 (empty) or a species in {@code [1, speciesCount]}
     */
    public void set(int site, int value) {
        if (site < 0 || site >= sites.length) {
            throw new IllegalArgumentException("site must be in [0, " + sites.length + "), got "
                    + site);
        }
        if (value < 0 || value > speciesCount) {
            throw new IllegalArgumentException("value must be in [0, " + speciesCount + "], got "
                    + value);
        }
        counts[sites[site]]--;
        sites[site] = (byte) value;
        counts[value]++;
    }

    /** The number of sites in state {@code species} (0 = empty), from the running counts. */
    public int count(int species) {
        if (species < 0 || species > speciesCount) {
            throw new IllegalArgumentException("species must be in [0, " + speciesCount + "], got "
                    + species);
        }
        return counts[species];
    }

    /** {@code count(species) / N}. */
    public double density(int species) {
        return count(species) / (double) sites.length;
    }

    /** The number of occupied (non-empty) sites. */
    public int occupied() {
        return sites.length - counts[0];
    }

    /** The model time reached, in the rate units of the model that advanced this state. */
    public double time() {
        return time;
    }

    /** The number of attempts made on this state so far. */
    public long attempts() {
        return attempts;
    }

    /**
     * Rescans the lattice and checks the count invariant.
     *
     * @throws IllegalStateException naming the first species whose running count differs
     *     from the rescan, or a site whose value is out of range
     */
    public void checkCounts() {
        int[] rescan = new int[speciesCount + 1];
        for (int i = 0; i < sites.length; i++) {
            int v = sites[i];
            if (v < 0 || v > speciesCount) {
                throw new IllegalStateException("site " + i + " holds " + v
                        + ", outside [0, " + speciesCount + "]");
            }
            rescan[v]++;
        }
        for (int k = 0; k <= speciesCount; k++) {
            if (rescan[k] != counts[k]) {
                throw new IllegalStateException("running count of state " + k + " is " + counts[k]
                        + " but the lattice holds " + rescan[k]);
            }
        }
    }

    /** An independent deep copy (sites, counts, time and attempts). */
    public LatticeState copy() {
        LatticeState c = new LatticeState(lattice, speciesCount);
        System.arraycopy(sites, 0, c.sites, 0, sites.length);
        System.arraycopy(counts, 0, c.counts, 0, counts.length);
        c.time = time;
        c.attempts = attempts;
        return c;
    }

    /** The running counts, for the engine's kernels (which update them in place). */
    int[] countsArray() {
        return counts;
    }

    /** Records {@code n} more attempts that took the clock to {@code newTime}. */
    void advanceClock(long n, double newTime) {
        attempts += n;
        time = newTime;
    }

    @Override
    public String toString() {
        return "LatticeState[" + lattice + ", t=" + time + ", counts=" + Arrays.toString(counts)
                + "]";
    }
}
