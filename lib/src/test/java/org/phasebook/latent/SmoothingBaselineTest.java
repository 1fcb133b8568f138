package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The §7.1 smoothing + Poisson GLM baseline on the quick data set. */
class SmoothingBaselineTest {

    private static LorenzDataset quick;
    private static SmoothingBaseline.Result smoothing;

    @BeforeAll
    static void fit() {
        quick = LorenzGenerator.generate(LorenzRecipe.quick());
        smoothing = SmoothingBaseline.fit(quick.toNlbTensors(), SmoothingParameters.lorenz());
    }

    @Test
    void smoothingHeldInRatesAreTheSmoothedCounts() {
        double[][][] smoothed = GaussianSmoothing.nlb(40, 20).smooth(
                Tensors.toDouble(quick.heldin(Split.EVAL)));
        assertArrayEquals(smoothed[3][17], smoothing.rates().evalHeldin()[3][17]);
        assertTrue(!smoothing.rates().hasForward());
    }

    @Test
    void smoothingChoosesItsPenaltyByCrossValidationOnTrainingTrialsOnly() {
        double[] cv = smoothing.cvCoBps();
        assertEquals(3, cv.length);
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (cv[a] > cv[best]) {
                best = a;
            }
        }
        assertEquals(SmoothingParameters.lorenz().alphas()[best], smoothing.alpha());
        // Changing the evaluation targets changes nothing in the fit.
        NlbTensors t = quick.toNlbTensors();
        double[][][] scrambled = t.evalSpikesHeldout();
        scrambled[0][0][0] += 5;
        NlbTensors other = new NlbTensors(t.trainSpikesHeldin(), t.trainSpikesHeldout(),
                t.trainSpikesHeldinForward(), t.trainSpikesHeldoutForward(), t.evalSpikesHeldin(),
                scrambled, t.evalSpikesHeldinForward(), t.evalSpikesHeldoutForward(),
                t.trainBehavior(), t.evalBehavior());
        SmoothingBaseline.Result again = SmoothingBaseline.fit(other,
                new SmoothingParameters(40, 20, new double[] {smoothing.alpha()}, 5, 1e-4));
        assertEquals(smoothing.rates(), again.rates());
    }

    @Test
    void smoothingScoresBetweenNullAndOracle() {
        LorenzScores s = LorenzScores.evaluate(quick, smoothing.rates());
        double oracle = LorenzScores.oracle(quick).coBps();
        assertTrue(s.coBps() > 0.0 && s.coBps() < oracle, "co-bps " + s.coBps()
                + ", oracle " + oracle);
        assertTrue(Double.isNaN(s.fpBps()));
        assertTrue(Double.isNaN(s.rateR2Forward()));
        for (double[][] trial : smoothing.rates().evalHeldout()) {
            for (double[] row : trial) {
                for (double r : row) {
                    assertTrue(r >= SmoothingBaseline.MIN_RATE && r <= SmoothingBaseline.MAX_RATE);
                }
            }
        }
    }

    @Test
    void smoothingNeedsEnoughBinsAndTrials() {
        LorenzDataset shortTrials = LorenzGenerator.generate(new LorenzRecipe(4, 5, 4, 2, 8, 2,
                0L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmoothingBaseline.fit(shortTrials.toNlbTensors(),
                        SmoothingParameters.lorenz()));
        assertTrue(e.getMessage().contains("12 observed bins"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SmoothingParameters(40, 20, new double[0], 5, 1e-4));
        assertThrows(IllegalArgumentException.class,
                () -> new SmoothingParameters(40, 20, new double[] {-1}, 5, 1e-4));
    }
}
