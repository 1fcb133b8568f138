package org.phasebook.lattice;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The exact continuous-time engine of the {@link UnrestrictedLotkaVolterra} model: Gillespie's
 * direct method, with the site drawn by composition–rejection over the per-site total rates.
 *
 * <p><b>One event.</b> The state is the pair of counts {@code (n_A, n_B)} of every site, whose
 * total rate is {@code r_i = (mu + D) n_A + (sigma + D) n_B + lambda n_A n_B}. The waiting time
 * to the next event is exponential with rate {@code R = sum_i r_i}; the site is drawn with
 * probability {@code r_i / R} ({@link RateBins}: sites grouped by the octave of their rate, a
 * group drawn by its total, a member accepted with probability {@code r_i / 2^(e+1) > 1/2}),
 * and the event on it with probability proportional to its rate: death {@code mu n_A}, predator
 * hop {@code D n_A}, predation {@code lambda n_A n_B}, birth {@code sigma n_B}, prey hop
 * {@code D n_B}. A hop goes to one of the {@code 2d} neighbours, uniformly. The one or two
 * changed sites then update the running totals and move between groups, and the next waiting
 * time is drawn with the new {@code R}. This is the Markov chain of the model without
 * approximation (up to the rounding of doubles): no time step, no null events, and the
 * mean-field limit is exactly the rate equations of {@link UnrestrictedLotkaVolterra#meanField()}.
 * Cost per event: {@code O(1)} expected, independent of {@code N} (a scan over the few octaves of
 * rates in use and fewer than two member draws). It replaced a binary sum tree over the site
 * rates ({@code O(log N)}), whose descent, a chain of {@code log2 N} dependent loads and
 * unpredictable branches, made an event about twice as expensive (measured at
 * {@code N = 128^2} and {@code 512^2}).
 *
 * <p><b>Time</b> is the physical time of the rates (the unit in which {@code sigma}, {@code mu},
 * {@code lambda}, {@code D} are given). It is <i>not</i> the per-occupant Monte Carlo step of
 * codes such as pymes (one step = as many attempts as current particles, each attempt a hop
 * followed by reaction trials with probabilities {@code sigma}, {@code mu}, {@code lambda}):
 * that is a discrete-time scheme, close to this time unit only while all those probabilities
 * are small.
 *
 * <p><b>Random numbers.</b> One {@link SplittableRandom}, seeded by the caller, supplies the start
 * (if random), then per event a few draws to pick the site ({@link RateBins}; the top 53 bits of
 * its acceptance draw also pick the event, its lowest bits the hop direction) and one
 * {@code nextExponential} (the waiting time; the JDK's table-driven ziggurat, plain arithmetic like
 * everything else here, so results do not depend on the platform's {@code Math} intrinsics). The
 * pending event time is kept across calls, so the trajectory does not depend on how the run is
 * cut into {@link #advanceTo} calls or sampling intervals: the same seed gives the same
 * trajectory, bit for bit, for any sampling.
 *
 * <p><b>Counts and overflow.</b> Counts are {@code int}s, at most {@link #MAX_OCCUPANCY} of each
 * species per site; an event that would exceed that throws {@link IllegalStateException} (the
 * simulation is then unusable). Totals are {@code long} running counts, never rescanned.
 *
 * <p>Not thread-safe; one instance per replica. The event loop allocates nothing, except when a
 * rate group first outgrows its member list (which doubles, so this stops after a warm-up).
 */
public final class UnrestrictedGillespie {

    /** The most particles of one species a site may hold, {@code 2^31 - 1}. */
    public static final int MAX_OCCUPANCY = Integer.MAX_VALUE;

    /** The largest initial density accepted by {@link #poissonStart}. */
    public static final double MAX_INITIAL_DENSITY = 1e4;

    private final UnrestrictedLotkaVolterra model;
    private final int sites;
    private final int side;
    private final long magic;
    private final int shift;
    private final int directionMask;
    private final double deathRate;
    private final double birthRate;
    private final double predationRate;
    private final double hopRate;
    private final double predatorRate;
    private final double preyRate;
    private final SplittableRandom rng;
    /** {@code counts[2 i]} predators and {@code counts[2 i + 1]} prey at site {@code i}: one cache line. */
    private final int[] counts;
    /** The site sampler, which also keeps the running totals of both species. */
    private final RateBins bins;

    private long events;
    private double now;
    /** The time of the next event, drawn after the last one; {@code +inf} when {@code R = 0}. */
    private double nextEvent;

    private UnrestrictedGillespie(UnrestrictedLotkaVolterra model, int[] counts, SplittableRandom rng) {
        this.model = Objects.requireNonNull(model, "model");
        this.rng = rng;
        this.sites = model.sites();
        this.side = model.side();
        int bits = 32 - Integer.numberOfLeadingZeros(side - 1); // ceil(log2 L)
        this.shift = 31 + bits;
        this.magic = ((1L << shift) + side - 1) / side;
        this.directionMask = 2 * model.dimension() - 1;
        this.deathRate = model.mu();
        this.birthRate = model.sigma();
        this.predationRate = model.lambda();
        this.hopRate = model.hopRate();
        this.predatorRate = model.mu() + model.hopRate();
        this.preyRate = model.sigma() + model.hopRate();
        this.counts = counts;
        this.bins = new RateBins(counts, predatorRate, preyRate, predationRate, MAX_OCCUPANCY);
        this.now = 0.0;
        this.nextEvent = drawNextEvent();
    }

    /**
     * A run started from independent Poisson numbers of particles on every site, with means
     * {@code predatorDensity} and {@code preyDensity}: the well-mixed state of those densities
     * (and the start of pymes' examples). The start is drawn from the run's own generator.
     *
     * @param model           the model
     * @param predatorDensity mean predators per site, in {@code [0, 1e4]}
     * @param preyDensity     mean prey per site, in {@code [0, 1e4]}
     * @param seed            seed of the run's generator
     */
    public static UnrestrictedGillespie poissonStart(UnrestrictedLotkaVolterra model,
            double predatorDensity, double preyDensity, long seed) {
        checkDensity("predatorDensity", predatorDensity);
        checkDensity("preyDensity", preyDensity);
        Objects.requireNonNull(model, "model");
        SplittableRandom rng = new SplittableRandom(seed);
        int[] counts = new int[2 * model.sites()];
        for (int i = 0; i < counts.length; i += 2) {
            counts[i] = poisson(predatorDensity, rng);
            counts[i + 1] = poisson(preyDensity, rng);
        }
        return new UnrestrictedGillespie(model, counts, rng);
    }

    /**
     * A run started from given counts.
     *
     * @param model     the model
     * @param predators predators per site, {@code model.sites()} values in {@code [0, MAX_OCCUPANCY]}
     * @param prey      prey per site, likewise
     * @param seed      seed of the run's generator
     */
    public static UnrestrictedGillespie fromCounts(UnrestrictedLotkaVolterra model, int[] predators,
            int[] prey, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(predators, "predators");
        Objects.requireNonNull(prey, "prey");
        int n = model.sites();
        if (predators.length != n || prey.length != n) {
            throw new IllegalArgumentException("predators and prey must have one count per site ("
                    + n + "), got lengths " + predators.length + " and " + prey.length);
        }
        int[] counts = new int[2 * n];
        for (int i = 0; i < n; i++) {
            if (predators[i] < 0 || prey[i] < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got predators[" + i + "] = "
                        + predators[i] + ", prey[" + i + "] = " + prey[i]);
            }
            counts[2 * i] = predators[i];
            counts[2 * i + 1] = prey[i];
        }
        return new UnrestrictedGillespie(model, counts, new SplittableRandom(seed));
    }

    private static void checkDensity(String name, double density) {
        if (!(density >= 0.0 && density <= MAX_INITIAL_DENSITY)) {
            throw new IllegalArgumentException(name + " must be in [0, " + MAX_INITIAL_DENSITY
                    + "], got " + density);
        }
    }

    /**
     * A Poisson number of mean {@code mean <= 1e4}: Knuth's product of uniforms, in pieces of
     * mean at most 30 so that {@code e^-mean} stays far from underflow (a sum of independent
     * Poisson numbers is Poisson).
     */
    private static int poisson(double mean, SplittableRandom rng) {
        int total = 0;
        double left = mean;
        while (left > 0.0) {
            double piece = Math.min(left, 30.0);
            left -= piece;
            double limit = StrictMath.exp(-piece); // StrictMath: the same start on every platform
            double product = rng.nextDouble();
            while (product >= limit) {
                total++;
                product *= rng.nextDouble();
            }
        }
        return total;
    }

    private double drawNextEvent() {
        double total = bins.totalRate();
        return total > 0.0 ? now + rng.nextExponential() / total : Double.POSITIVE_INFINITY;
    }

    /** The model. */
    public UnrestrictedLotkaVolterra model() {
        return model;
    }

    /** The current time, in the units of the rates. */
    public double time() {
        return now;
    }

    /** The events executed so far (every birth, death, predation and hop counts once). */
    public long events() {
        return events;
    }

    /** The number of sites {@code N}. */
    public int sites() {
        return sites;
    }

    /** The current number of predators on the lattice. */
    public long predators() {
        return bins.predators();
    }

    /** The current number of prey on the lattice. */
    public long prey() {
        return bins.prey();
    }

    /** Predators per site, {@code predators() / N}. */
    public double predatorDensity() {
        return (double) bins.predators() / sites;
    }

    /** Prey per site, {@code prey() / N}. */
    public double preyDensity() {
        return (double) bins.prey() / sites;
    }

    /** The total event rate {@code R} of the current state. */
    public double totalRate() {
        return bins.totalRate();
    }

    /** The predators at site {@code site} (index {@code x + L y}). */
    public int predatorsAt(int site) {
        return counts[2 * checkSite(site)];
    }

    /** The prey at site {@code site} (index {@code x + L y}). */
    public int preyAt(int site) {
        return counts[2 * checkSite(site) + 1];
    }

    private int checkSite(int site) {
        if (site < 0 || site >= sites) {
            throw new IllegalArgumentException("site must be in [0, " + sites + "), got " + site);
        }
        return site;
    }

    /** A copy of the predator counts, index {@code x + L y}. */
    public int[] predatorCounts() {
        int[] a = new int[sites];
        for (int i = 0; i < sites; i++) {
            a[i] = counts[2 * i];
        }
        return a;
    }

    /** A copy of the prey counts, index {@code x + L y}. */
    public int[] preyCounts() {
        int[] b = new int[sites];
        for (int i = 0; i < sites; i++) {
            b[i] = counts[2 * i + 1];
        }
        return b;
    }

    /**
     * The more numerous species of every site, for {@code LatticeImage} with the Lotka–Volterra
     * palette: 0 empty, 1 ({@link LotkaVolterra#PREDATOR}) where {@code n_A >= n_B > 0} or
     * {@code n_A > 0 = n_B}, 2 ({@link LotkaVolterra#PREY}) where {@code n_B > n_A}. Ties go to
     * the predators, which are the rarer and the more informative species in a prey sea.
     */
    public byte[] dominantSpecies() {
        byte[] s = new byte[sites];
        for (int i = 0; i < sites; i++) {
            int a = counts[2 * i];
            int b = counts[2 * i + 1];
            s[i] = (byte) (b > a ? 2 : a > 0 ? 1 : 0);
        }
        return s;
    }

    /**
     * Which species are present at every site: 0 none, 1 predators only, 2 prey only, 3 both
     * (the colouring of pymes' pictures: red, blue, and their mix).
     */
    public byte[] presence() {
        byte[] s = new byte[sites];
        for (int i = 0; i < sites; i++) {
            s[i] = (byte) ((counts[2 * i] > 0 ? 1 : 0) | (counts[2 * i + 1] > 0 ? 2 : 0));
        }
        return s;
    }

    /**
     * Executes every event up to {@code target}, then sets the time to {@code target}. A target
     * before the current time does nothing. The next event time stays pending, so slicing a run
     * into several calls does not change it.
     *
     * @param target the time to reach, finite
     */
    public void advanceTo(double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite, got " + target);
        }
        run(target, Long.MAX_VALUE);
        now = Math.max(now, target);
    }

    /**
     * Executes exactly {@code count} events, or fewer if the total rate drops to 0 (for
     * benchmarks and tests that count events). The time is left at the last event.
     *
     * @param count events, {@code >= 0}
     * @return the events executed
     */
    public long runEvents(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        return run(Double.POSITIVE_INFINITY, count);
    }

    /**
     * Runs from the current time {@code t0} and records the densities (particles per site) of the
     * predators (row 1, {@link LotkaVolterra#PREDATOR}) and the prey (row 2) at
     * {@code t0 + m * interval}, {@code m = 0, ..., floor(duration / interval)}, from the running
     * totals. The state at each sample is the state of the process at exactly that time.
     *
     * @param interval sampling interval, finite and {@code > 0}
     * @param duration how long to run, finite and {@code >= 0}; the run ends at the last sample
     * @return the sampled densities
     */
    public DensitySeries record(double interval, double duration) {
        return record(interval, duration, false);
    }

    /**
     * As {@link #record(double, double)}, but with {@code stopAtExtinction} the run ends at the
     * first sample at which either species is extinct, and the series is shorter (it ends with
     * that sample). Extinction is permanent either way, but after the predators die out the prey
     * grow as {@code e^(sigma t)} and so does the cost of every time unit: a run that must reach
     * a fixed time can then take practically forever. Check {@link DensitySeries#size()} (or
     * {@link #predators()}, {@link #prey()}) to see whether the run was cut short.
     *
     * @param interval         sampling interval, finite and {@code > 0}
     * @param duration         how long to run at most, finite and {@code >= 0}
     * @param stopAtExtinction whether to stop at the first sample with a species extinct
     * @return the sampled densities, up to the end or to the extinction
     */
    public DensitySeries record(double interval, double duration, boolean stopAtExtinction) {
        if (!(interval > 0.0 && interval < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("interval must be finite and > 0, got " + interval);
        }
        if (!(duration >= 0.0 && duration < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("duration must be finite and >= 0, got " + duration);
        }
        long samples = (long) Math.floor(duration / interval * (1.0 + 1e-12)) + 1;
        if (samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration / interval must be < 2^31 samples, got "
                    + samples);
        }
        int count = (int) samples;
        double[] times = new double[count];
        double[][] densities = new double[2][count];
        double t0 = now;
        int m = 0;
        while (m < count) {
            double t = t0 + m * interval;
            advanceTo(t);
            times[m] = t;
            densities[0][m] = predatorDensity();
            densities[1][m] = preyDensity();
            m++;
            if (stopAtExtinction && (bins.predators() == 0 || bins.prey() == 0)) {
                break;
            }
        }
        if (m < count) {
            return new DensitySeries(Arrays.copyOf(times, m),
                    new double[][] {Arrays.copyOf(densities[0], m), Arrays.copyOf(densities[1], m)});
        }
        return new DensitySeries(times, densities);
    }

    /**
     * The event loop: executes events while the next event time is {@code <= target} and fewer
     * than {@code limit} have run; returns how many ran.
     */
    private long run(double target, long limit) {
        final int[] n = counts;
        final RateBins bins = this.bins;
        final SplittableRandom rng = this.rng;
        final double death = deathRate;
        final double hop = hopRate;
        final double predation = predationRate;
        final double birth = birthRate;
        final int dirMask = directionMask;
        long done = 0;
        // an infinite next event time (R = 0) ends the loop even for an infinite target
        while (done < limit && nextEvent <= target && nextEvent < Double.POSITIVE_INFINITY) {
            now = nextEvent;
            for (int tries = 0;; tries++) {
                if (tries == 64) {
                    // a redraw has probability ~1e-16; 64 in a row means the state is broken
                    throw new IllegalStateException("no event could be drawn at " + this);
                }
                int i = bins.draw(rng);
                double x = bins.residual; // uniform in [0, r_i)
                int a = n[2 * i];
                int b = n[2 * i + 1];
                double t = death * a;
                if (x < t) {
                    n[2 * i] = a - 1;
                    bins.changed(i, a, b);
                    break;
                }
                x -= t;
                t = hop * a;
                if (x < t) {
                    move(i, SiteKernel.neighbour(i, (int) bins.bits & dirMask, side, magic, shift), 0);
                    break;
                }
                x -= t;
                t = predation * a * (double) b;
                if (x < t) {
                    checkRoom(i, a, "predators");
                    n[2 * i] = a + 1;
                    n[2 * i + 1] = b - 1;
                    bins.changed(i, a, b);
                    break;
                }
                x -= t;
                t = birth * b;
                if (x < t) {
                    checkRoom(i, b, "prey");
                    n[2 * i + 1] = b + 1;
                    bins.changed(i, a, b);
                    break;
                }
                if (hop > 0.0 && b > 0) {
                    // the rest of the site's rate is the prey hop (its upper end absorbs rounding)
                    move(i, SiteKernel.neighbour(i, (int) bins.bits & dirMask, side, magic, shift), 1);
                    break;
                }
                // rounding left x in a channel of rate 0: redraw
            }
            events++;
            done++;
            nextEvent = drawNextEvent();
        }
        return done;
    }

    /** Moves one particle of {@code species} (0 predators, 1 prey) from site {@code i} to {@code j}. */
    private void move(int i, int j, int species) {
        final int[] n = counts;
        if (i == j) {
            return; // L = 1: the hop returns to its own site; nothing changes
        }
        int ai = n[2 * i];
        int bi = n[2 * i + 1];
        int aj = n[2 * j];
        int bj = n[2 * j + 1];
        checkRoom(j, species == 0 ? aj : bj, species == 0 ? "predators" : "prey");
        n[2 * i + species]--;
        bins.changed(i, ai, bi);
        n[2 * j + species]++;
        bins.changed(j, aj, bj);
    }

    private static void checkRoom(int site, int count, String species) {
        if (count == MAX_OCCUPANCY) {
            throw new IllegalStateException("site " + site + " would hold more than MAX_OCCUPANCY = "
                    + MAX_OCCUPANCY + " " + species + "; the run has diverged (is the predator"
                    + " population extinct while the prey grow without bound?)");
        }
    }

    /**
     * Checks the running totals and the site sampler against a rescan of the counts: totals equal
     * the sums of the site counts, no count is negative, every site sits in the group of its rate
     * and every group's sums are exact. For tests.
     */
    boolean consistent() {
        return bins.consistent();
    }

    @Override
    public String toString() {
        return "UnrestrictedGillespie[" + model + ", t = " + now + ", A = " + bins.predators()
                + ", B = " + bins.prey() + ", events = " + events + "]";
    }
}
