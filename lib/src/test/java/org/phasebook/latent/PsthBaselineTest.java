package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The §7.2 condition-average PSTH baseline. */
class PsthBaselineTest {

    @Test
    void psthOfAHandExample() {
        // Two conditions; train trials 0, 1 of condition 0 and trial 2 of condition 1.
        double[][][] heldin = {{{1}, {0}}, {{3}, {2}}, {{5}, {1}}};
        double[][][] heldout = {{{0}, {4}}, {{2}, {0}}, {{1}, {1}}};
        double[][][] heldinFw = {{{1}}, {{0}}, {{2}}};
        double[][][] heldoutFw = {{{0}}, {{1}}, {{3}}};
        double[][][] evalIn = {{{0}, {0}}, {{0}, {0}}};
        NlbTensors t = new NlbTensors(heldin, heldout, heldinFw, heldoutFw, evalIn, evalIn,
                new double[][][] {{{0}}, {{0}}}, new double[][][] {{{0}}, {{0}}}, null, null);
        NlbRates r = PsthBaseline.fit(t, new int[] {0, 0, 1}, new int[] {1, 0});
        assertArrayEquals(new double[][] {{5}, {1}}, r.evalHeldin()[0]);
        assertArrayEquals(new double[][] {{2}, {1}}, r.evalHeldin()[1]);
        assertArrayEquals(new double[][] {{1}, {2}}, r.evalHeldout()[1]);
        assertArrayEquals(new double[][] {{0.5}}, r.evalHeldinForward()[1]);
        assertArrayEquals(new double[][] {{3}}, r.evalHeldoutForward()[0]);
        assertArrayEquals(new double[][] {{2}, {1}}, r.trainHeldin()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PsthBaseline.fit(t, new int[] {0, 0, 0}, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("no training trial"), e.getMessage());
    }

    @Test
    void psthConvergesToTheTrueRatesWithManyRepeats() {
        LorenzDataset many = LorenzGenerator.generate(new LorenzRecipe(2, 400, 32, 24, 40, 10,
                3L));
        LorenzScores s = LorenzScores.evaluate(many, PsthBaseline.fit(many));
        assertTrue(s.rateR2HeldinObserved() > 0.8, "rate R² " + s.rateR2HeldinObserved());
        assertTrue(s.rateR2Forward() > 0.8, "forward rate R² " + s.rateR2Forward());
        // The swapped footnote value is a different number.
        assertNotEquals(s.rateR2HeldinObserved(), s.swappedR2HeldinObserved());
    }
}
