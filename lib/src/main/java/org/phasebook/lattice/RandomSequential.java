package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * The random-sequential (asynchronous) update of a {@link SiteModel} on a {@link Lattice}, with
 * the model clock and density sampling (brief §2.0).
 *
 * <p>Each attempt picks a uniform site and a uniform neighbour and applies the model's rule (see
 * {@link SiteKernel}); it advances the clock by {@code Delta t = 1 / (N R)} with
 * {@code R = model.totalRate()}, so that {@code N R} attempts make one unit of model time and
 * {@code N} attempts one Monte Carlo step. Time steps are deterministic, not exponential: over
 * a unit of time the number of attempts per site is exactly {@code R} instead of Poisson, which
 * changes nothing on the scales of the brief's figures.
 *
 * <p>A completely empty lattice is absorbing for every site model here (nothing is created from
 * nothing), so once it is reached the engine moves the clock without making attempts; it checks
 * this between blocks of at most one sweep.
 *
 * <p>Instances are immutable and may be shared by threads; each replica uses its own state and
 * generator.
 */
public final class RandomSequential {

    private final SiteModel model;
    private final Lattice lattice;
    private final SiteKernel kernel;
    private final double attemptsPerTime;

    /**
     * The engine for {@code model} on {@code lattice}.
     *
     * @param model   the model and its rates
     * @param lattice the geometry
     */
    public RandomSequential(SiteModel model, Lattice lattice) {
        this.model = model;
        this.lattice = lattice;
        this.kernel = model.kernel(lattice);
        this.attemptsPerTime = (double) lattice.sites() * model.totalRate();
    }

    /** The model. */
    public SiteModel model() {
        return model;
    }

    /** The geometry. */
    public Lattice lattice() {
        return lattice;
    }

    /** {@code Delta t = 1 / (N R)}, the time one attempt stands for. */
    public double timeStep() {
        return 1.0 / attemptsPerTime;
    }

    /**
     * A fresh state from {@code initial}, checked against this engine's lattice and species count.
     *
     * @param initial the recipe
     * @param random  the replica's generator (the recipe's draws come first in its stream)
     * @return the state at time 0
     */
    public LatticeState newState(InitialCondition initial, SplittableRandom random) {
        LatticeState state = initial.create(lattice, random);
        check(state);
        return state;
    }

    /**
     * Makes {@code attempts} attempts and moves the clock by {@code attempts / (N R)}.
     *
     * @param state    the replica's state
     * @param attempts number of attempts, {@code >= 0}
     * @param random   the replica's generator
     */
    public void attempt(LatticeState state, long attempts, SplittableRandom random) {
        check(state);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, got " + attempts);
        }
        double t0 = state.time();
        run(state, attempts, random);
        state.advanceClock(attempts, t0 + attempts / attemptsPerTime);
    }

    /**
     * Advances {@code state} to the first attempt boundary at or after {@code untilTime}; does
     * nothing if the state is already there.
     *
     * @param state     the replica's state
     * @param untilTime the model time to reach
     * @param random    the replica's generator
     */
    public void advance(LatticeState state, double untilTime, SplittableRandom random) {
        check(state);
        if (!(untilTime < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("untilTime must be finite, got " + untilTime);
        }
        double t0 = state.time();
        long k = attemptsFor(untilTime - t0);
        run(state, k, random);
        state.advanceClock(k, t0 + k / attemptsPerTime);
    }

    /**
     * Runs {@code state} from its current time {@code t0} and records the density of every
     * species at {@code t0 + m * interval}, {@code m = 0, 1, ..., floor(duration / interval)},
     * from the running counts (no rescans). A sample is taken at the first attempt boundary at
     * or after its nominal time (later by less than one {@code Delta t}); the series stores the
     * nominal times. The number of attempts to each sample time is computed from {@code t0}, so
     * rounding does not accumulate.
     *
     * @param state    the replica's state; left at the time of the last sample
     * @param interval sampling interval in model time, {@code > 0}
     * @param duration how long to run, {@code >= 0}
     * @param random   the replica's generator
     * @return the sampled densities
     */
    public DensitySeries record(LatticeState state, double interval, double duration,
            SplittableRandom random) {
        check(state);
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
        int species = model.speciesCount();
        int count = (int) samples;
        double[] times = new double[count];
        double[][] densities = new double[species][count];
        double t0 = state.time();
        long done = 0;
        int[] counts = state.countsArray();
        double perSite = 1.0 / lattice.sites();
        for (int m = 0; m < count; m++) {
            double offset = m * interval;
            long target = attemptsFor(offset);
            run(state, target - done, random);
            state.advanceClock(target - done, t0 + target / attemptsPerTime);
            done = target;
            times[m] = t0 + offset;
            for (int k = 0; k < species; k++) {
                densities[k][m] = counts[k + 1] * perSite;
            }
        }
        return new DensitySeries(times, densities);
    }

    /** The number of attempts that covers a time span: {@code ceil(span N R)}, at least 0. */
    private long attemptsFor(double span) {
        if (!(span > 0.0)) {
            return 0;
        }
        // the relative slack keeps an exact multiple of Delta t from rounding up one attempt
        return (long) Math.ceil(span * attemptsPerTime * (1.0 - 1e-13));
    }

    private void run(LatticeState state, long attempts, SplittableRandom random) {
        long block = lattice.sites();
        long left = attempts;
        while (left > 0 && state.occupied() > 0) {
            long k = Math.min(left, block);
            kernel.run(state, k, random);
            left -= k;
        }
    }

    private void check(LatticeState state) {
        if (!state.lattice().equals(lattice)) {
            throw new IllegalArgumentException("state must live on " + lattice + ", got "
                    + state.lattice());
        }
        if (state.speciesCount() != model.speciesCount()) {
            throw new IllegalArgumentException("state must have " + model.speciesCount()
                    + " species for " + model + ", got " + state.speciesCount());
        }
    }
}
