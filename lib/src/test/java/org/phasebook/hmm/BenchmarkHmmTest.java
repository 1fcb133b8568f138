package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class BenchmarkHmmTest {

    @Test
    void sixDistinctModelsWithTheirLabelsAndLengths() {
        Set<String> labels = new HashSet<>();
        for (BenchmarkHmm h : BenchmarkHmm.values()) {
            assertEquals(h.hmm().name(), h.label());
            assertEquals(3, h.hmm().symbols());
            labels.add(h.label());
            assertEquals(h, BenchmarkHmm.fromLabel(h.label()));
            assertEquals(h, BenchmarkHmm.fromLabel(h.name().toLowerCase()));
        }
        assertEquals(6, labels.size());
        assertEquals(CategoricalHmm.linearChain(4), BenchmarkHmm.LINEAR_CHAIN_4.hmm());
        assertEquals(BenchmarkHmm.CYCLIC_4, BenchmarkHmm.fromLabel("4-State  Cyclic"));
        assertEquals(100, BenchmarkHmm.LINEAR_CHAIN_2.trainingLength());
        assertEquals(40, BenchmarkHmm.LINEAR_CHAIN_5.trainingLength());
        assertEquals(30, BenchmarkHmm.FULLY_CONNECTED_3.trainingLength());
        CategoricalHmmTest.assertMessage(() -> BenchmarkHmm.fromLabel("6-state linear chain"),
                "\"2-state linear chain\"");
        assertTrue(BenchmarkHmm.PAPER_SEQUENCES == 30_000 && BenchmarkHmm.EVALUATION_LENGTH == 100);
    }

    @Test
    void sampleEachDrawsEveryHmmFromItsOwnStream() {
        SeedSequence seeds = new SeedSequence(17);
        Map<BenchmarkHmm, int[][]> samples = BenchmarkHmm.sampleEach(20, 15, seeds);
        assertEquals(List.of(BenchmarkHmm.values()), List.copyOf(samples.keySet()), "every HMM, in order");
        for (BenchmarkHmm b : BenchmarkHmm.values()) {
            int[][] alone = new HmmSampler(b.hmm()).sample(20, 15, seeds.generator(b.ordinal()));
            assertEquals(20, samples.get(b).length);
            for (int n = 0; n < 20; n++) {
                assertArrayEquals(alone[n], samples.get(b)[n], b + ", sequence " + n);
            }
        }
        assertFalse(Arrays.deepEquals(samples.get(BenchmarkHmm.LINEAR_CHAIN_3), samples.get(BenchmarkHmm.LINEAR_CHAIN_4)),
                "different HMMs get different streams");
        assertFalse(Arrays.deepEquals(samples.get(BenchmarkHmm.CYCLIC_4),
                BenchmarkHmm.sampleEach(20, 15, new SeedSequence(18)).get(BenchmarkHmm.CYCLIC_4)), "another seed, another sample");
    }
}
