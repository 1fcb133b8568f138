package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gamma mixture: replay at 0, an exactly known spread for a memoryless network otherwise. */
class NoiseSensitivityTest {

    @Test
    void gammaZeroReplaysTheNominalRun() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(25, 6, 3, 2.0, 71));
        RnnTrajectory nominal = dyn.noisyTrajectory(60, 1.0, new SplittableRandom(72));
        NoiseSensitivity.Spread[] s = NoiseSensitivity.run(dyn, nominal, 30, new double[] {0.0, 0.5}, 4, 5, 1.0, 73);
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k <= 5; k++) {
                assertArrayEquals(nominal.states()[30 + k], s[0].states()[r][k], 0.0, "rollout " + r + " step " + k);
            }
        }
        for (int k = 0; k <= 5; k++) {
            assertEquals(0.0, s[0].covarianceTrace()[k], 1e-25);
        }
        assertTrue(s[1].covarianceTrace()[5] > 1e-3, "fresh noise spreads the rollouts");
        assertEquals(0.0, s[1].covarianceTrace()[0], 1e-25, "all start at the same state");
    }

    @Test
    void aMemorylessNetworkHasTheSpreadOfARectifiedGaussian() {
        // W_hh = 0 and h = (z+, z-) with z = (1 - gamma) x_nominal + gamma xi and x_nominal = 0:
        // Var(z+) + Var(z-) = gamma^2 (1 - 1/pi) at every step.
        RnnWeights w = new RnnWeights(new double[][] {{1.0}, {-1.0}}, new double[2][2], new double[3][2]);
        RnnDynamics dyn = new RnnDynamics(w);
        RnnTrajectory nominal = new RnnTrajectory(new double[2], new double[10][2], new double[10][1], new int[10]);
        int rollouts = 20_000;
        double[] gammas = {0.5, 1.0};
        NoiseSensitivity.Spread[] s = NoiseSensitivity.run(dyn, nominal, 2, gammas, rollouts, 3, 1.0, 74);
        for (int g = 0; g < 2; g++) {
            double expected = gammas[g] * gammas[g] * (1.0 - 1.0 / Math.PI);
            for (int k = 1; k <= 3; k++) {
                assertEquals(expected, s[g].covarianceTrace()[k], 0.05 * expected, "gamma " + gammas[g] + " step " + k);
            }
        }
        // Common random numbers: the gamma = 0.5 rollouts are the gamma = 1 ones halved (homogeneity).
        for (int r = 0; r < 10; r++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(0.5 * s[1].states()[r][2][i], s[0].states()[r][2][i], 1e-15);
            }
        }
    }

    @Test
    void argumentsAreChecked() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(5, 2, 3, 1.0, 75));
        RnnTrajectory nominal = dyn.noisyTrajectory(10, 1.0, new SplittableRandom(76));
        double[] g = {0.5};
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.run(dyn, nominal, 5, g, 10, 5, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.run(dyn, nominal, -1, g, 10, 2, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSensitivity.run(dyn, nominal, 0, g, 1, 2, 1.0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NoiseSensitivity.run(dyn, nominal, 0, new double[] {1.5}, 10, 2, 1.0, 1));
    }

    @Test
    void spreadSummariesOfHandMadeRollouts() {
        // two rollouts in H = 2 from the start (1, 1): they end at (3, 1) and (1, 5)
        double[][][] states = {{{1, 1}, {2, 1}, {3, 1}}, {{1, 1}, {1, 3}, {1, 5}}};
        NoiseSensitivity.Spread s = new NoiseSensitivity.Spread(0.5, states, new double[3], new double[3]);
        assertArrayEquals(new double[][] {{3, 1}, {1, 5}}, s.finalStates());
        // the mean (2, 3) has moved (1, 2) from the start
        assertEquals(Math.sqrt(5), s.meanMove(), 1e-15);
        // in the plane of the two coordinates (a PCA of these four points keeps all of R^2, up
        // to a rotation and signs), each end is half the distance between them from the mean
        StatePca pca = StatePca.fit(new double[][] {{3, 1}, {1, 5}, {0, 0}, {2, 2}}, 2);
        assertEquals(Math.hypot(2, 4) / 2, s.planeSpread(pca), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.planeSpread(StatePca.fit(new double[][] {{0, 1}, {1, 0}}, 1)));
    }
}
