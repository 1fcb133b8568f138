package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonGlmTest {

    private static double[][][] problem(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[1][n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() * 2 - 1;
            x[i][1] = random.nextDouble();
            double lambda = Math.exp(0.5 + 0.8 * x[i][0] - 0.6 * x[i][1]);
            y[0][i] = LorenzGenerator.poissonInverseCdf(lambda, random.nextDouble());
        }
        return new double[][][] {x, y};
    }

    @Test
    void theFitIsStationaryForTheSklearnObjective() {
        double[][][] p = problem(3000, 1L);
        double[][] x = p[0];
        double[] y = p[1][0];
        double alpha = 0.05;
        PoissonGlm glm = PoissonGlm.fit(x, y, alpha);
        double[] mu = glm.predict(x);
        double[] w = glm.coefficients();
        double gb = 0.0;
        double[] gw = new double[2];
        for (int i = 0; i < x.length; i++) {
            gb += (mu[i] - y[i]) / x.length;
            for (int f = 0; f < 2; f++) {
                gw[f] += (mu[i] - y[i]) * x[i][f] / x.length;
            }
        }
        assertEquals(0.0, gb, 1e-12);
        assertEquals(0.0, gw[0] + alpha * w[0], 1e-12);
        assertEquals(0.0, gw[1] + alpha * w[1], 1e-12);
        assertTrue(glm.iterations() < 30, "iterations " + glm.iterations());
    }

    @Test
    void withoutPenaltyTheGeneratingWeightsAreRecovered() {
        double[][][] p = problem(40000, 2L);
        PoissonGlm glm = PoissonGlm.fit(p[0], p[1][0], 0.0);
        assertEquals(0.8, glm.coefficients()[0], 0.03);
        assertEquals(-0.6, glm.coefficients()[1], 0.05);
        assertEquals(0.5, glm.intercept(), 0.04);
    }

    @Test
    void anUninformativeFeatureLeavesTheMeanRate() {
        double[][] x = {{0}, {0}, {0}, {0}};
        double[] y = {1, 0, 3, 2};
        PoissonGlm glm = PoissonGlm.fit(x, y, 0.1);
        assertEquals(0.0, glm.coefficients()[0], 1e-15);
        assertEquals(Math.log(1.5), glm.intercept(), 1e-14);
    }

    @Test
    void allZeroCountsGiveTheZeroRateLimit() {
        PoissonGlm glm = PoissonGlm.fit(new double[][] {{1}, {2}}, new double[] {0, 0}, 0.1);
        assertEquals(Double.NEGATIVE_INFINITY, glm.intercept());
        assertEquals(0.0, glm.predict(new double[][] {{3}})[0]);
    }

    @Test
    void badInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonGlm.fit(new double[][] {{1}, {2}}, new double[] {1, -1}, 0.1));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoissonGlm.fit(new double[][] {{1}, {Double.NaN}}, new double[] {1, 1}, 0.1));
        assertTrue(e.getMessage().contains("x[1][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PoissonGlm.fit(new double[][] {{1}}, new double[] {1}, Double.NaN));
    }
}
