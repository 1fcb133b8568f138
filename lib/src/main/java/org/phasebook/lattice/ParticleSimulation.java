package org.phasebook.lattice;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Particle-list random-sequential engine for the diffusion-limited reactions
 * {@link Annihilation} ({@code A + A -> 0} or {@code A + A -> A}), {@link TwoSpeciesAnnihilation}
 * ({@code A + B -> 0}) and the {@link ReactionFrontStrip}. Its cost is proportional to the number
 * of particles, not sites, which is what the late, dilute stages of these models need.
 *
 * <p><b>One attempt</b> picks one of the {@code n} current particles uniformly, then one of its
 * {@code 2d} neighbours uniformly, and applies the model's rule: move onto an empty site; react
 * with a particle there (annihilate both, or, for coagulation, remove the mover); or do nothing
 * (same species in {@code A + B}, or a hop out of a closed strip end). A null attempt still counts.
 * All particles hop at the same total rate {@code h}, so every attempt is a hop attempt and there
 * is no separate event draw.
 *
 * <p><b>Time</b> (brief §2.0, actor convention with {@code N_a = n} and {@code R = h}): the
 * sequence of states is exactly the jump chain of the continuous-time Markov chain, uniformised
 * at total rate {@code n h}. With {@link Clock#MEAN} (the default) each attempt advances time by
 * the mean waiting time {@code 1/(n h)}, {@code n} counted before the attempt: the clock is then
 * deterministic given the path, and differs from the exact one by relative fluctuations
 * {@code ~ k^(-1/2)} after {@code k} attempts, invisible at the sizes where density decays are
 * measured. With {@link Clock#EXPONENTIAL} each waiting time is drawn from an exponential of mean
 * {@code 1/(n h)}, which is the exact CTMC at the price of a logarithm per attempt.
 *
 * <p><b>Data layout.</b> The particle list {@code pos} (site of particle {@code k < n}) and one
 * {@code int} per site, 0 when empty and {@code (k << 2) | species} when particle {@code k} of
 * species 1 (A) or 2 (B) sits there. A removal swaps the last particle into the hole in
 * {@code O(1)}, and a move touches three words ({@code pos[k]}, the two cells) instead of four: in
 * measurements this was 10–20% faster than a {@code byte} occupancy array beside an {@code int}
 * inverse-index array, with identical trajectories. Observables get the usual {@code byte} site
 * states from {@link #siteStates()}. One {@link SplittableRandom#nextLong()} per attempt supplies
 * the particle (its upper 62 bits, by multiply-shift) and the direction (its lowest two bits);
 * the loop allocates nothing.
 *
 * <p>Not thread-safe; one instance per replica. The same model and seed give the same sequence
 * of states on any machine.
 */
public final class ParticleSimulation {

    /** How an attempt advances time; see the class comment. */
    public enum Clock {
        /** {@code dt = 1/(n h)} per attempt: the mean of the uniformised waiting time. */
        MEAN,
        /** {@code dt ~ Exp(n h)} per attempt: the exact continuous-time Markov chain. */
        EXPONENTIAL
    }

    /** What a hop onto a particle of the same species does. */
    private static final int SAME_BLOCKED = 0;
    private static final int SAME_ANNIHILATES = 1;
    private static final int SAME_COAGULATES = 2;

    private final int lengthX;
    private final double inverseLengthX;
    private final int width;
    private final int siteCount;
    private final int dimension;
    private final boolean periodicX;
    private final double hopRate;
    private final int sameSpeciesRule;
    private final Clock clock;
    private final SplittableRandom rng;

    /** Per site: 0 when empty, else {@code (list index << 2) | species}. */
    private final int[] cell;
    private final int[] pos;
    private final int[] count = new int[3];
    private int n;

    private long attempts;
    private long reactions;
    /** The current time: the last attempt's tick, or a later target reached by advanceTo. */
    private double now;
    /** MEAN clock: the tick of the last change of {@code n}; attempt ticks follow every step. */
    private double timeBase;
    /** Attempts since {@code timeBase} (MEAN clock only). */
    private long sinceBase;
    /** {@code 1/(n h)}, the MEAN clock's time per attempt. */
    private double step;
    /** Reaction positions, bin {@code x_mover + x_target}; {@code null} when not recorded. */
    private long[] reactionHistogram;

    private ParticleSimulation(int lengthX, int width, boolean periodicX, double hopRate,
                               int sameSpeciesRule, Clock clock, long seed) {
        this.lengthX = lengthX;
        this.inverseLengthX = 1.0 / lengthX;
        this.width = width;
        this.siteCount = lengthX * width;
        this.dimension = width == 1 ? 1 : 2;
        this.periodicX = periodicX;
        this.hopRate = hopRate;
        this.sameSpeciesRule = sameSpeciesRule;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rng = new SplittableRandom(seed);
        this.cell = new int[siteCount];
        this.pos = new int[siteCount];
    }

    /** An {@code A + A} run from the model's Bernoulli start, with the {@link Clock#MEAN} clock. */
    public static ParticleSimulation of(Annihilation model, long seed) {
        return of(model, seed, Clock.MEAN);
    }

    /** An {@code A + A} run from the model's Bernoulli start. */
    public static ParticleSimulation of(Annihilation model, long seed, Clock clock) {
        Objects.requireNonNull(model, "model");
        int rule = model.reaction() == Annihilation.Reaction.ANNIHILATION
                ? SAME_ANNIHILATES : SAME_COAGULATES;
        ParticleSimulation sim = new ParticleSimulation(model.side(),
                model.dimension() == 1 ? 1 : model.side(), true, model.hopRate(), rule, clock,
                seed);
        double rho = model.initialDensity();
        for (int i = 0; i < sim.siteCount; i++) {
            if (rho >= 1.0 || sim.rng.nextDouble() < rho) {
                sim.place(i, (byte) 1);
            }
        }
        sim.resetClock();
        return sim;
    }

    /** An {@code A + B} run from the model's Bernoulli start, with the {@link Clock#MEAN} clock. */
    public static ParticleSimulation of(TwoSpeciesAnnihilation model, long seed) {
        return of(model, seed, Clock.MEAN);
    }

    /** An {@code A + B} run from the model's Bernoulli start. */
    public static ParticleSimulation of(TwoSpeciesAnnihilation model, long seed, Clock clock) {
        Objects.requireNonNull(model, "model");
        ParticleSimulation sim = new ParticleSimulation(model.side(),
                model.dimension() == 1 ? 1 : model.side(), true, model.hopRate(), SAME_BLOCKED,
                clock, seed);
        double rho = model.initialDensity();
        for (int i = 0; i < sim.siteCount; i++) {
            double u = sim.rng.nextDouble();
            if (u < rho) {
                sim.place(i, (byte) 1);
            } else if (u < 2.0 * rho) {
                sim.place(i, (byte) 2);
            }
        }
        sim.resetClock();
        return sim;
    }

    /** A Gálfi–Rácz front run, with the {@link Clock#MEAN} clock. */
    public static ParticleSimulation of(ReactionFrontStrip model, long seed) {
        return of(model, seed, Clock.MEAN);
    }

    /** A Gálfi–Rácz front run: A on the left half, B on the right half of a closed strip. */
    public static ParticleSimulation of(ReactionFrontStrip model, long seed, Clock clock) {
        Objects.requireNonNull(model, "model");
        ParticleSimulation sim = new ParticleSimulation(model.length(), model.width(), false,
                model.hopRate(), SAME_BLOCKED, clock, seed);
        int half = model.length() / 2;
        for (int i = 0; i < sim.siteCount; i++) {
            boolean left = i % sim.lengthX < half;
            double p = left ? model.densityA() : model.densityB();
            if (p >= 1.0 || sim.rng.nextDouble() < p) {
                sim.place(i, left ? (byte) 1 : (byte) 2);
            }
        }
        sim.resetClock();
        return sim;
    }

    private void place(int s, byte species) {
        cell[s] = n << 2 | species;
        pos[n++] = s;
        count[species]++;
    }

    private void resetClock() {
        now = 0.0;
        timeBase = 0.0;
        sinceBase = 0;
        step = n > 0 ? 1.0 / (n * hopRate) : 0.0;
    }

    /** The current time, in the model's rate units. */
    public double time() {
        return now;
    }

    /** The current number of particles of both species. */
    public int particles() {
        return n;
    }

    /** The current number of particles of {@code species} (1 = A, 2 = B). */
    public int count(int species) {
        if (species != 1 && species != 2) {
            throw new IllegalArgumentException("species must be 1 (A) or 2 (B), got " + species);
        }
        return count[species];
    }

    /** The number of sites. */
    public int sites() {
        return siteCount;
    }

    /** The extent along {@code x} (the side {@code L} of a periodic lattice). */
    public int lengthX() {
        return lengthX;
    }

    /** The extent along {@code y}; 1 for a chain. */
    public int width() {
        return width;
    }

    /** 1 for a chain, 2 otherwise. */
    public int dimension() {
        return dimension;
    }

    /** The attempts executed so far, null attempts included. */
    public long attempts() {
        return attempts;
    }

    /** The reaction events so far (each annihilation or coagulation counts once). */
    public long reactions() {
        return reactions;
    }

    /** A copy of the site states, index {@code x + lengthX * y}: 0 empty, 1 A, 2 B. */
    public byte[] siteStates() {
        byte[] states = new byte[siteCount];
        for (int i = 0; i < siteCount; i++) {
            states[i] = (byte) (cell[i] & 3);
        }
        return states;
    }

    /**
     * Records where reactions happen: from now on each reaction adds 1 to
     * {@code histogram[x_mover + x_target]}, i.e. at position {@code bin / 2} on a half-site grid
     * (a reaction across an {@code x}-bond sits midway between the two columns). A reaction
     * across the periodic seam of a periodic lattice is counted at {@code (L - 1)/2}; the
     * histogram is meant for closed strips. {@code null} stops the recording. The engine never
     * clears the array; the caller owns it.
     *
     * @param histogram array of length {@code 2 lengthX() - 1}, or {@code null}
     */
    public void recordReactionsInto(long[] histogram) {
        if (histogram != null && histogram.length != 2 * lengthX - 1) {
            throw new IllegalArgumentException("histogram must have length 2 lengthX - 1 = "
                    + (2 * lengthX - 1) + ", got " + histogram.length);
        }
        reactionHistogram = histogram;
    }

    /**
     * Runs every attempt whose tick falls at or before {@code target}, then sets the time to
     * {@code target}: the state is the one of the process at that time (for the MEAN clock, the
     * ticks are {@code 1/(n h)} apart; for the EXPONENTIAL clock the pending waiting time is
     * redrawn, which memorylessness allows). With no particle left the state is absorbing. A
     * target before the current time does nothing.
     *
     * @param target time to reach, finite
     */
    public void advanceTo(double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite, got " + target);
        }
        if (clock == Clock.MEAN) {
            advanceMean(target);
        } else {
            advanceExponential(target);
        }
    }

    /**
     * Executes exactly {@code count} attempts, or fewer if no particle is left, advancing the
     * time by the clock's rule; for benchmarks and tests that count attempts.
     *
     * @param count attempts, {@code >= 0}
     */
    public void attempt(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        long left = count;
        while (left > 0 && n > 0) {
            if (clock == Clock.MEAN) {
                left -= runMean(left);
                now = Math.max(now, timeBase + sinceBase * step);
            } else {
                now += exponentialWait();
                attempts += run(1);
                left--;
            }
        }
    }

    private void advanceMean(double target) {
        while (n > 0) {
            // the number of ticks since timeBase at or before target
            double needed = Math.floor((target - timeBase) / step);
            if (needed <= sinceBase) {
                break;
            }
            runMean((long) needed - sinceBase);
        }
        now = Math.max(now, target);
    }

    /** Runs up to {@code limit} attempts, stopping after a reaction; returns attempts done. */
    private long runMean(long limit) {
        int before = n;
        long done = run(limit);
        attempts += done;
        sinceBase += done;
        if (n != before) {
            // the reacting attempt still took 1/(n_before h); the new rate starts after it
            timeBase += sinceBase * step;
            sinceBase = 0;
            step = n > 0 ? 1.0 / (n * hopRate) : 0.0;
        }
        return done;
    }

    private void advanceExponential(double target) {
        while (n > 0) {
            double next = now + exponentialWait();
            if (next > target) {
                // memoryless: the wait from target on is again Exp(n h)
                break;
            }
            now = next;
            attempts += run(1);
        }
        now = Math.max(now, target);
    }

    private double exponentialWait() {
        return -Math.log1p(-rng.nextDouble()) / (n * hopRate);
    }

    /**
     * The hot loop: up to {@code limit} attempts, returning right after the first one that
     * changes {@code n} (so that the caller can update the clock). Returns the attempts done.
     */
    private long run(long limit) {
        final int[] cell = this.cell;
        final int[] pos = this.pos;
        final SplittableRandom rng = this.rng;
        final long nTimes4 = (long) n << 2;
        final int dirMask = dimension == 1 ? 1 : 3;
        final int rule = sameSpeciesRule;
        for (long a = 0; a < limit; a++) {
            long r = rng.nextLong();
            // upper 62 bits -> particle (multiply-shift), lowest bits -> direction
            int p = (int) Math.multiplyHigh(r >>> 2, nTimes4);
            int s = pos[p];
            int t = neighbour(s, (int) r & dirMask);
            if (t < 0) {
                continue;
            }
            int there = cell[t];
            if (there == 0) {
                // the moving cell word carries the list index and species along
                cell[t] = cell[s];
                cell[s] = 0;
                pos[p] = t;
                continue;
            }
            if ((there & 3) == (cell[s] & 3)) {
                if (rule == SAME_BLOCKED) {
                    continue;
                }
                if (rule == SAME_COAGULATES) {
                    react(s, t);
                    removeAt(s);
                    return a + 1;
                }
            }
            react(s, t);
            removeAt(s);
            removeAt(t);
            return a + 1;
        }
        return limit;
    }

    /**
     * The neighbour of {@code s} in direction {@code dir} (0 +x, 1 -x, 2 +y, 3 -y), or -1 when
     * the hop leaves a closed strip.
     */
    private int neighbour(int s, int dir) {
        if (dir >= 2) {
            int t = dir == 2 ? s + lengthX : s - lengthX;
            if (t >= siteCount) {
                t -= siteCount;
            } else if (t < 0) {
                t += siteCount;
            }
            return t;
        }
        int x = width == 1 ? s : column(s);
        if (dir == 0) {
            if (x != lengthX - 1) {
                return s + 1;
            }
            return periodicX ? s - (lengthX - 1) : -1;
        }
        if (x != 0) {
            return s - 1;
        }
        return periodicX ? s + (lengthX - 1) : -1;
    }

    /**
     * {@code s % lengthX} without an integer division (tens of cycles, a large part of an
     * in-cache attempt): the double quotient is off by at most one for {@code s < 2^30}.
     */
    private int column(int s) {
        int x = s - (int) (s * inverseLengthX) * lengthX;
        if (x < 0) {
            x += lengthX;
        } else if (x >= lengthX) {
            x -= lengthX;
        }
        return x;
    }

    private void react(int s, int t) {
        reactions++;
        long[] histogram = reactionHistogram;
        if (histogram != null) {
            histogram[s % lengthX + t % lengthX]++;
        }
    }

    private void removeAt(int s) {
        int c = cell[s];
        int p = c >>> 2;
        count[c & 3]--;
        cell[s] = 0;
        int last = --n;
        if (p != last) {
            int moved = pos[last];
            pos[p] = moved;
            cell[moved] = p << 2 | (cell[moved] & 3);
        }
    }

    /**
     * Checks the list against the lattice: every listed particle sits on an occupied site whose
     * cell word points back to it, the occupied sites are exactly {@code n}, and the species counts
     * match. For tests.
     */
    boolean consistent() {
        int[] seen = new int[3];
        for (int k = 0; k < n; k++) {
            int s = pos[k];
            if ((cell[s] & 3) == 0 || cell[s] >>> 2 != k) {
                return false;
            }
        }
        int occupied = 0;
        for (int c : cell) {
            if (c != 0) {
                if ((c & 3) == 0 || (c & 3) == 3) {
                    return false;
                }
                occupied++;
                seen[c & 3]++;
            }
        }
        return occupied == n && Arrays.equals(seen, count) && count[1] + count[2] == n;
    }
}
