package org.phasebook.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * When and what to measure along one run of a three-species model (F9, the spiral/no-spiral
 * comparison of {@link MayLeonard} and {@link CyclicLotkaVolterra}): {@link #run} starts a
 * replica, counts the cores of the initial state, advances to each sample time and records a
 * {@link PatternHistory}:
 * <ul>
 *   <li>at every sample time: the correlation length {@code xi}, the normalised structure factor
 *       and the occupied-site count;</li>
 *   <li>at the frame times: a copy of the lattice, to draw;</li>
 *   <li>averaged over the <i>late</i> samples, those with {@code 2 t >= t_max} (the second half
 *       of the run, where a selected pattern is stationary): the core density at every block size
 *       and {@code C(r)/C(0)}.</li>
 * </ul>
 * All observables are those of {@link ThreeSpeciesPattern}. Nothing here draws random numbers:
 * the replica's generator is used by the initial condition and the engine only, in that order.
 * Immutable (arrays copied in and out) and thread-safe, so one sampling serves all replicas.
 *
 * @param pattern    the observables, for the engine's lattice size
 * @param times      sample times, strictly increasing and {@code > 0}
 * @param frameTimes times at which to keep a copy of the lattice, each one of {@code times},
 *                   strictly increasing (may be empty)
 * @param blocks     block sizes {@code b} of the core count, each dividing {@code L} with at least
 *                   two blocks per side
 */
public record PatternSampling(ThreeSpeciesPattern pattern, double[] times, double[] frameTimes, int[] blocks) {

    /** Validates and copies. */
    public PatternSampling {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(frameTimes, "frameTimes");
        Objects.requireNonNull(blocks, "blocks");
        if (times.length == 0) {
            throw new IllegalArgumentException("times must hold at least 1 sample time, got 0");
        }
        for (int k = 0; k < times.length; k++) {
            if (!(times[k] > (k == 0 ? 0.0 : times[k - 1])) || !Double.isFinite(times[k])) {
                throw new IllegalArgumentException("times must be finite, > 0 and strictly increasing, got times["
                        + k + "] = " + times[k] + " in " + Arrays.toString(times));
            }
        }
        for (int k = 0; k < frameTimes.length; k++) {
            if (Arrays.binarySearch(times, frameTimes[k]) < 0 || (k > 0 && !(frameTimes[k] > frameTimes[k - 1]))) {
                throw new IllegalArgumentException("frameTimes must be strictly increasing sample times "
                        + Arrays.toString(times) + ", got " + Arrays.toString(frameTimes));
            }
        }
        for (int b : blocks) {
            new SpiralCores(pattern.side(), b);   // rejects a block that does not tile the lattice
        }
        times = times.clone();
        frameTimes = frameTimes.clone();
        blocks = blocks.clone();
    }

    /**
     * One replica: {@code initial} drawn from {@code random}, then the engine runs it through the
     * sample times with the same generator.
     *
     * @param engine  the engine of the model, on an {@code L x L} square lattice with
     *                {@code L = pattern.side()}
     * @param initial the initial condition
     * @param random  the replica's generator
     */
    public PatternHistory run(RandomSequential engine, InitialCondition initial, SplittableRandom random) {
        Objects.requireNonNull(engine, "engine");
        Lattice lattice = engine.lattice();
        if (lattice.dimension() != 2 || lattice.side() != pattern.side()) {
            throw new IllegalArgumentException("engine must run on a square lattice of side " + pattern.side()
                    + ", got " + lattice);
        }
        LatticeState state = engine.newState(initial, random);
        int samples = times.length;
        double tMax = times[samples - 1];
        double[] xi = new double[samples];
        double[] cores = new double[blocks.length];
        double[] autocorrelation = new double[pattern.side() / 2 + 1];
        int[] occupied = new int[samples + 1];
        double[][] structureFactor = new double[samples][];
        occupied[0] = state.occupied();
        List<byte[]> frames = new ArrayList<>();
        double[] startCores = pattern.coreDensity(state.sites(), blocks);
        long late = Arrays.stream(times).filter(t -> 2 * t >= tMax).count();
        for (int k = 0; k < samples; k++) {
            engine.advance(state, times[k], random);
            byte[] sites = state.sites();
            xi[k] = pattern.correlationLength(sites);
            structureFactor[k] = pattern.structureFactor(sites);
            occupied[k + 1] = state.occupied();
            if (Arrays.binarySearch(frameTimes, times[k]) >= 0) {
                frames.add(state.copySites());
            }
            if (2 * times[k] >= tMax) {
                PatternHistory.addScaled(cores, pattern.coreDensity(sites, blocks), 1.0 / late);
                PatternHistory.addScaled(autocorrelation, pattern.autocorrelation(sites), 1.0 / late);
            }
        }
        return new PatternHistory(xi, occupied, frames, startCores, cores, autocorrelation, structureFactor);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] frameTimes() {
        return frameTimes.clone();
    }

    @Override
    public int[] blocks() {
        return blocks.clone();
    }
}
