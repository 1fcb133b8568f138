package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
