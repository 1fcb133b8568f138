package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatternSamplingTest {

    private static final int SIDE = 16;
    private static final InitialCondition START = InitialCondition.bernoulli(0.25, 0.25, 0.25);
    private static final ThreeSpeciesPattern PATTERN = new ThreeSpeciesPattern(SIDE, SIDE / 4);
    private static final double[] TIMES = {1, 2, 4, 6, 8};
    private static final int[] BLOCKS = {1, 2, 4};

    /** The state of the same replica at time t, replayed with a fresh generator of the same seed. */
    private static LatticeState replay(RandomSequential engine, long seed, double t) {
        SplittableRandom random = new SplittableRandom(seed);
        LatticeState state = engine.newState(START, random);
        for (double sample : TIMES) {
            if (sample <= t) {
                engine.advance(state, sample, random);
            }
        }
        return state;
    }

    @Test
    void recordsEachObservableAtTheRightTimesAndAveragesTheSecondHalf() {
        RandomSequential engine = new RandomSequential(new MayLeonard(1, 1, 2), Lattice.square(SIDE));
        PatternSampling sampling = new PatternSampling(PATTERN, TIMES, new double[] {2, 8}, BLOCKS);
        long seed = 2024;
        PatternHistory h = sampling.run(engine, START, new SplittableRandom(seed));
        assertArrayEquals(PATTERN.coreDensity(replay(engine, seed, 0).sites(), BLOCKS), h.startCores());
        assertEquals(replay(engine, seed, 0).occupied(), h.occupied()[0]);
        double[] cores = new double[BLOCKS.length];
        double[] auto = new double[SIDE / 2 + 1];
        for (int k = 0; k < TIMES.length; k++) {
            LatticeState state = replay(engine, seed, TIMES[k]);
            assertEquals(PATTERN.correlationLength(state.sites()), h.xi()[k], "t = " + TIMES[k]);
            assertArrayEquals(PATTERN.structureFactor(state.sites()), h.structureFactor()[k]);
            assertEquals(state.occupied(), h.occupied()[k + 1]);
            if (TIMES[k] >= 4) {   // t >= t_max / 2: three late samples
                double[] c = PATTERN.coreDensity(state.sites(), BLOCKS);
                double[] a = PATTERN.autocorrelation(state.sites());
                for (int b = 0; b < cores.length; b++) {
                    cores[b] += c[b] / 3;
                }
                for (int r = 0; r < auto.length; r++) {
                    auto[r] += a[r] / 3;
                }
            }
        }
        assertArrayEquals(cores, h.cores(), 1e-12);
        assertArrayEquals(auto, h.autocorrelation(), 1e-12);
        assertEquals(2, h.frames().size());
        assertArrayEquals(replay(engine, seed, 2).sites(), h.frames().get(0));
        assertArrayEquals(replay(engine, seed, 8).sites(), h.frames().get(1));
    }

    @Test
    void theConservedModelKeepsItsOccupiedSites() {
        RandomSequential engine = new RandomSequential(new CyclicLotkaVolterra(1, 1), Lattice.square(SIDE));
        PatternHistory h = new PatternSampling(PATTERN, TIMES, new double[0], BLOCKS)
                .run(engine, START, new SplittableRandom(5));
        for (int n : h.occupied()) {
            assertEquals(h.occupied()[0], n);
        }
        assertTrue(h.frames().isEmpty());
    }

    @Test
    void rejectsBadSchedules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatternSampling(PATTERN, new double[] {1, 1}, new double[0], BLOCKS));
        assertTrue(e.getMessage().contains("times"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PatternSampling(PATTERN, new double[] {0, 1}, new double[0], BLOCKS));
        e = assertThrows(IllegalArgumentException.class, () -> new PatternSampling(PATTERN, TIMES, new double[] {3}, BLOCKS));
        assertTrue(e.getMessage().contains("frameTimes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PatternSampling(PATTERN, TIMES, new double[] {4, 2}, BLOCKS));
        assertThrows(IllegalArgumentException.class, () -> new PatternSampling(PATTERN, TIMES, new double[0], new int[] {3}));
        PatternSampling sampling = new PatternSampling(PATTERN, TIMES, new double[0], BLOCKS);
        RandomSequential wrongSize = new RandomSequential(new MayLeonard(1, 1, 1), Lattice.square(SIDE * 2));
        assertThrows(IllegalArgumentException.class, () -> sampling.run(wrongSize, START, new SplittableRandom(1)));
    }
}
