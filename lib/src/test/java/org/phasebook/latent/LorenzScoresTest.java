package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LorenzScoresTest {

    private static LorenzDataset quick;

    @BeforeAll
    static void generate() {
        quick = LorenzGenerator.generate(LorenzRecipe.quick());
    }

    @Test
    void theOracleIsPerfectOnRatesAndPositiveInBitsPerSpike() {
        LorenzScores o = LorenzScores.oracle(quick);
        assertTrue(o.coBps() > 0.0, "oracle co-bps " + o.coBps());
        assertTrue(o.fpBps() > 0.0, "oracle fp-bps " + o.fpBps());
        assertEquals(1.0, o.rateR2HeldinObserved());
        assertEquals(1.0, o.rateR2HeldoutObserved());
        assertEquals(1.0, o.rateR2Forward());
        assertEquals(1.0, o.swappedR2Forward());
        assertTrue(o.velR2() > 0.99, "vel R² " + o.velR2());
        assertTrue(o.stateR2() > 0.99, "state R² " + o.stateR2());
    }

    @Test
    void theNullPredictionScoresZeroBitsPerSpike() {
        NlbTensors t = quick.toNlbTensors();
        NlbRates oracle = LorenzScores.oracleRates(quick);
        double[][][] fwIn = t.evalSpikesHeldinForward();
        double[][][] fwOut = t.evalSpikesHeldoutForward();
        // The null of fp-bps is the per-neuron mean of the stacked forward counts.
        double[][][] fwNull = SpikeMetrics.nullRates(Tensors.stackChannels(fwIn, fwOut));
        int in = fwIn[0][0].length;
        NlbRates nul = new NlbRates(oracle.trainHeldin(), oracle.trainHeldout(),
                oracle.evalHeldin(), SpikeMetrics.nullRates(t.evalSpikesHeldout()),
                Tensors.channels(fwNull, 0, in),
                Tensors.channels(fwNull, in, in + fwOut[0][0].length));
        NlbScores s = NlbScores.evaluate(t, nul);
        assertEquals(0.0, s.coBps());
        assertEquals(0.0, s.fpBps());
    }

    @Test
    void predictionsThatDoNotFitTheDataAreRejected() {
        NlbRates oracle = LorenzScores.oracleRates(quick);
        double[][][] shortTrain = java.util.Arrays.copyOf(oracle.trainHeldin(), 10);
        NlbRates bad = new NlbRates(shortTrain,
                java.util.Arrays.copyOf(oracle.trainHeldout(), 10), oracle.evalHeldin(),
                oracle.evalHeldout(), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LorenzScores.evaluate(quick, bad));
        assertTrue(e.getMessage().contains("train_rates_heldin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NlbRates(
                oracle.trainHeldin(), oracle.trainHeldout(), oracle.evalHeldin(),
                oracle.evalHeldout(), oracle.evalHeldinForward(), null));
        assertTrue(e.getMessage().contains("both or neither"), e.getMessage());
        double[][][] negative = oracle.evalHeldout();
        negative[0][0][0] = -1.0;
        e = assertThrows(IllegalArgumentException.class, () -> new NlbRates(
                oracle.trainHeldin(), oracle.trainHeldout(), oracle.evalHeldin(), negative,
                null, null));
        assertTrue(e.getMessage().contains("eval_rates_heldout"), e.getMessage());
    }
}
