package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LorenzRecipeTest {

    @Test
    void presetsHaveTheBriefsSizesAndSplits() {
        LorenzRecipe d = LorenzRecipe.defaults();
        assertEquals(new LorenzRecipe(65, 20, 32, 24, 40, 10, 0L), d);
        assertEquals(50, d.bins());
        assertEquals(8, d.heldOut());
        assertEquals(1040, d.trainTrials());
        assertEquals(260, d.evalTrials());
        LorenzRecipe q = LorenzRecipe.quick();
        assertEquals(16, q.conditions());
        assertEquals(8, q.repeats());
        assertEquals(96, q.trainTrials());
        assertEquals(32, q.evalTrials());
        assertEquals(6, q.trainRepeats());
        assertEquals(2, q.evalRepeats());
        assertEquals(q.trainTrials(), q.trials(Split.TRAIN));
        assertEquals(q.evalRepeats(), q.repeatsIn(Split.EVAL));
    }

    @Test
    void everySplitHasATrialPerCondition() {
        for (int r = 2; r <= 40; r++) {
            LorenzRecipe recipe = new LorenzRecipe(3, r, 4, 2, 5, 1, 0L);
            assertTrue(recipe.trainRepeats() >= 1, "R = " + r);
            assertTrue(recipe.evalRepeats() >= 1, "R = " + r);
            assertEquals((int) Math.floor(0.8 * r + 1e-9), recipe.trainRepeats(), "R = " + r);
        }
    }

    @Test
    void withSeedChangesOnlyTheSeed() {
        LorenzRecipe r = LorenzRecipe.quick().withSeed(42L);
        assertEquals(42L, r.seed());
        assertEquals(LorenzRecipe.quick(), r.withSeed(0L));
    }

    @Test
    void invalidSizesAreRejectedWithTheParameterNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(65, 20, 32, 32, 40, 10, 0L));
        assertTrue(e.getMessage().contains("heldIn") && e.getMessage().contains("[1, 31]")
                && e.getMessage().contains("32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(65, 1, 32, 24, 40, 10, 0L));
        assertTrue(e.getMessage().startsWith("repeats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(0, 20, 32, 24, 40, 10, 0L));
        assertTrue(e.getMessage().startsWith("conditions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(65, 20, 32, 24, 0, 10, 0L));
        assertTrue(e.getMessage().startsWith("observedBins"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(65, 20, 32, 24, 40, -1, 0L));
        assertTrue(e.getMessage().startsWith("forwardBins"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LorenzRecipe(10_000, 10_000, 10_000, 24, 40, 10, 0L));
        assertTrue(e.getMessage().contains("spike counts"), e.getMessage());
    }
}
