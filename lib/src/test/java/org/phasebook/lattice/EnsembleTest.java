package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class EnsembleTest {

    private static final Lattice LATTICE = Lattice.square(48);
    private static final LotkaVolterra MODEL = new LotkaVolterra(1.0, 0.2, 1.0, 0.2);

    private static EnsembleSeries run(int threads) {
        return new Ensemble(threads).densities(MODEL, LATTICE, LotkaVolterra.randomStart(0.3, 0.3),
                0.5, 10.0, 5, new SeedSequence(314));
    }

    @Test
    void resultsAreIdenticalOnOneAndTwoThreads() {
        EnsembleSeries one = run(1);
        EnsembleSeries two = run(2);
        assertEquals(one.replicas(), two.replicas());
        assertEquals(one.mean(), two.mean());
        assertEquals(one.standardError(), two.standardError());
        assertEquals(one.replicas(), new Ensemble(3).densities(MODEL, LATTICE,
                LotkaVolterra.randomStart(0.3, 0.3), 0.5, 10.0, 5, new SeedSequence(314)).replicas());
    }

    @Test
    void replicaRIsTheRunSeededBySeedR() {
        EnsembleSeries e = run(2);
        SeedSequence seeds = new SeedSequence(314);
        RandomSequential engine = new RandomSequential(MODEL, LATTICE);
        for (int r = 0; r < 5; r++) {
            SplittableRandom random = seeds.generator(r);
            DensitySeries alone = engine.record(
                    engine.newState(LotkaVolterra.randomStart(0.3, 0.3), random), 0.5, 10.0, random);
            assertEquals(alone, e.replicas().get(r));
        }
        assertNotEquals(e.replicas().get(0), e.replicas().get(1));
    }

    @Test
    void meanAndStandardErrorAreTheSampleStatistics() {
        EnsembleSeries e = run(2);
        int m = 7;
        double sum = 0;
        for (DensitySeries s : e.replicas()) {
            sum += s.density(2, m);
        }
        double mean = sum / 5;
        double ss = 0;
        for (DensitySeries s : e.replicas()) {
            ss += (s.density(2, m) - mean) * (s.density(2, m) - mean);
        }
        assertEquals(mean, e.mean().density(2, m), 1e-15);
        assertEquals(Math.sqrt(ss / 4 / 5), e.standardError().density(2, m), 1e-15);
        assertTrue(e.standardError().density(2, m) > 0);
        assertEquals(21, e.times().length);
        EnsembleSeries single = EnsembleSeries.of(List.of(e.replicas().get(0)));
        assertTrue(Double.isNaN(single.standardError().density(1, 3)));
    }

    @Test
    void mapKeepsIndexOrderAndPropagatesFailures() {
        List<Long> seeds = new Ensemble(2).map(9, new SeedSequence(1), (r, random) -> random.nextLong());
        for (int r = 0; r < 9; r++) {
            assertEquals(new SeedSequence(1).generator(r).nextLong(), seeds.get(r));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ensemble(2).map(4, new SeedSequence(1), (r, random) -> {
                    if (r == 2) {
                        throw new IllegalArgumentException("replica 2 failed");
                    }
                    return r;
                }));
        assertEquals("replica 2 failed", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(0));
    }
}
