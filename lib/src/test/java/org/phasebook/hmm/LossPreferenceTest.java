package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

/** {@link LossPreference}: no preference between equals, a clear one against a wrong model. */
class LossPreferenceTest {

    private static final CategoricalHmm CHAIN = CategoricalHmm.linearChain(3);

    private static LossPreference.Result compare(CategoricalHmm alternative, int batch,
                                                 int repeats, long seed) {
        return LossPreference.compare(Torch.start(), CHAIN, alternative, batch, 30, repeats,
            SinkhornParameters.paper(), new SplittableRandom(seed), null);
    }

    @Test
    void aCopyOfTheHmmIsNeitherPreferredNorDisfavoured() {
        LossPreference.Result r = compare(CHAIN.withName("copy"), 32, 40, 1);
        assertTrue(Math.abs(r.zScore()) < 4, "z = " + r.zScore());
        assertEquals(40, r.repeats());
        assertEquals(r.meanAlternative() - r.meanHmm(), r.meanDifference(), 1e-9);
    }

    @Test
    void aModelEmittingOnlyTheRareSymbolIsDisfavoured() {
        double[][] onlyOne = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}};
        CategoricalHmm wrong = new CategoricalHmm("only symbol 1", CHAIN.startDistribution(),
            CHAIN.transitionMatrix(), onlyOne);
        LossPreference.Result r = compare(wrong, 32, 5, 2);
        assertTrue(r.meanAlternative() > 2 * r.meanHmm() && r.zScore() > 10, r.toString());
    }

    @Test
    void theLossPrefersTheChainWithoutItsRareSymbol() {
        // The finding that notebook 03 reports at the training batch sizes, here at B = 128.
        LossPreference.Result r = compare(CHAIN.withoutRareEmissions(0.01), 128, 10, 3);
        assertTrue(r.zScore() < -3, r.toString());
    }

    @Test
    void aSeedGivesTheSameNumbers() {
        assertEquals(compare(CHAIN.withName("copy"), 16, 3, 4),
            compare(CHAIN.withName("copy"), 16, 3, 4));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("batch (B) must be at least 2, got 1", assertThrows(
            IllegalArgumentException.class, () -> compare(CHAIN, 1, 3, 0)).getMessage());
        assertEquals("repeats must be at least 2 (for a standard error), got 1", assertThrows(
            IllegalArgumentException.class, () -> compare(CHAIN, 8, 1, 0)).getMessage());
        CategoricalHmm twoSymbols = new CategoricalHmm(new double[] {1}, new double[][] {{1}},
            new double[][] {{0.5, 0.5}});
        assertEquals("alternative must emit the HMM's 3 symbols, got 2", assertThrows(
            IllegalArgumentException.class, () -> compare(twoSymbols, 8, 3, 0)).getMessage());
    }
}
