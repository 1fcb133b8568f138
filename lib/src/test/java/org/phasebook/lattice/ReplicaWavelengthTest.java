package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class ReplicaWavelengthTest {

    private static final int SIDE = 32;
    private static final Lattice LATTICE = Lattice.square(SIDE);
    private static final RandomSequential ENGINE =
            new RandomSequential(MayLeonard.withMobility(1, 1, 3e-4, LATTICE), LATTICE);

    private static byte[] replay(SeedSequence seeds, int replica, double time) {
        SplittableRandom random = seeds.generator(replica);
        LatticeState state = ENGINE.newState(MayLeonard.randomStart(), random);
        ENGINE.advance(state, time, random);
        return state.copySites();
    }

    @Test
    void averagesTheReplicasAutocorrelationsAndKeepsEachReplicasWavelength() {
        SeedSequence seeds = new SeedSequence(77);
        int replicas = 3;
        double time = 30;
        ReplicaWavelength w = ReplicaWavelength.measure(new Ensemble(2), ENGINE, MayLeonard.randomStart(), time,
                replicas, seeds);
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(SIDE);
        double[] mean = new double[SIDE / 2 + 1];
        for (int r = 0; r < replicas; r++) {
            double[] c = pattern.autocorrelation(replay(seeds, r, time));
            assertEquals(SpiralWavelength.firstMinimumWavelength(c), w.replicaWavelengths()[r], "replica " + r);
            for (int k = 0; k < mean.length; k++) {
                mean[k] += c[k] / replicas;
            }
        }
        assertArrayEquals(mean, w.autocorrelation(), 1e-12);
        assertEquals(SpiralWavelength.firstMinimumWavelength(mean), w.wavelength(), 1e-9);
        assertArrayEquals(replay(seeds, 0, time), w.snapshot());
    }

    @Test
    void doesNotDependOnTheNumberOfThreads() {
        SeedSequence seeds = new SeedSequence(78);
        ReplicaWavelength one = ReplicaWavelength.measure(new Ensemble(1), ENGINE, MayLeonard.randomStart(), 20, 3, seeds);
        ReplicaWavelength two = ReplicaWavelength.measure(new Ensemble(2), ENGINE, MayLeonard.randomStart(), 20, 3, seeds);
        assertArrayEquals(one.autocorrelation(), two.autocorrelation());
        assertArrayEquals(one.replicaWavelengths(), two.replicaWavelengths());
        assertArrayEquals(one.snapshot(), two.snapshot());
    }

    @Test
    void rejectsBadArguments() {
        SeedSequence seeds = new SeedSequence(1);
        Ensemble ensemble = new Ensemble(1);
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaWavelength.measure(ensemble, ENGINE, MayLeonard.randomStart(), -1, 2, seeds));
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaWavelength.measure(ensemble, ENGINE, MayLeonard.randomStart(), 1, 0, seeds));
        RandomSequential ring = new RandomSequential(new MayLeonard(1, 1, 1), Lattice.ring(64));
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaWavelength.measure(ensemble, ring, MayLeonard.randomStart(), 1, 1, seeds));
    }
}
