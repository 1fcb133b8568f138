package org.phasebook.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedSequenceTest {

    @Test
    void seedsAreDeterministicAndGeneratorsReproduceThem() {
        SeedSequence a = new SeedSequence(2024);
        SeedSequence b = new SeedSequence(2024);
        for (int r = 0; r < 100; r++) {
            assertEquals(a.seed(r), b.seed(r));
            SplittableRandom g1 = a.generator(r);
            SplittableRandom g2 = new SplittableRandom(a.seed(r));
            for (int k = 0; k < 10; k++) {
                assertEquals(g2.nextLong(), g1.nextLong());
            }
        }
        assertEquals(a.child(7).seed(3), b.child(7).seed(3));
    }

    @Test
    void replicasAndMasterSeedsGiveDistinctSeeds() {
        Set<Long> seen = new HashSet<>();
        for (long master = 0; master < 20; master++) {
            SeedSequence s = new SeedSequence(master);
            for (int r = 0; r < 5000; r++) {
                assertTrue(seen.add(s.seed(r)), () -> "repeated seed");
            }
        }
        SeedSequence s = new SeedSequence(1);
        assertNotEquals(s.child(0).seed(0), s.child(1).seed(0));
        assertNotEquals(s.child(0).seed(0), s.seed(0));
    }

    @Test
    void everyBitIsBalancedOverReplicas() {
        // 4096 replicas: the fraction of ones in each bit has standard deviation 1/128
        int replicas = 4096;
        for (long master : new long[] {0, 1, -1, 123456789}) {
            SeedSequence s = new SeedSequence(master);
            int[] ones = new int[64];
            for (int r = 0; r < replicas; r++) {
                long seed = s.seed(r);
                for (int b = 0; b < 64; b++) {
                    ones[b] += (int) ((seed >>> b) & 1L);
                }
            }
            for (int b = 0; b < 64; b++) {
                double f = ones[b] / (double) replicas;
                int bit = b;
                assertTrue(Math.abs(f - 0.5) < 5.0 / 128, () -> "bit " + bit + " ones " + f);
            }
        }
    }

    @Test
    void neighbouringSeedsDifferInAboutHalfTheirBits() {
        // avalanche: adjacent replicas and adjacent master seeds are unrelated
        double replicaFlips = 0;
        double masterFlips = 0;
        int trials = 2000;
        for (int r = 0; r < trials; r++) {
            replicaFlips += Long.bitCount(new SeedSequence(5).seed(r) ^ new SeedSequence(5).seed(r + 1));
            masterFlips += Long.bitCount(new SeedSequence(r).seed(0) ^ new SeedSequence(r + 1).seed(0));
        }
        // mean 32, standard deviation of the mean 4 / sqrt(2000) = 0.09
        assertEquals(32.0, replicaFlips / trials, 0.5);
        assertEquals(32.0, masterFlips / trials, 0.5);
    }

    @Test
    void mix64IsTheSplitMixFinaliser() {
        // a bijection on 64 bits: no two of many inputs collide, and 0 maps to 0
        assertEquals(0L, SeedSequence.mix64(0L));
        Set<Long> out = new HashSet<>();
        for (long z = 1; z <= 10000; z++) {
            assertTrue(out.add(SeedSequence.mix64(z)));
        }
        // the first output of SplittableRandom(0) is mix64(GAMMA)
        assertEquals(new SplittableRandom(0).nextLong(), SeedSequence.mix64(SeedSequence.GAMMA));
    }

    @Test
    void negativeReplicaIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedSequence(1).seed(-1));
        assertTrue(e.getMessage().contains("replica") && e.getMessage().contains("-1"));
    }
}
