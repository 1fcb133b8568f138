package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fixed points on networks whose answer is known: a contracting network (only the origin; the
 * scale-free residual is bounded below by {@code 1 - ‖W‖_F}) and a rank-one positive network
 * {@code W = v v^T / ‖v‖²} (a whole ray {@code c v} of fixed points).
 */
class FixedPointAnalysisTest {

    @Test
    void aContractingNetworkHasOnlyTheOrigin() {
        RnnWeights w = RnnDynamicsTest.weights(30, 5, 3, 0.25, 31);
        double frobenius = 0.0;
        for (double[] row : w.recurrentWeights()) {
            for (double v : row) {
                frobenius += v * v;
            }
        }
        frobenius = Math.sqrt(frobenius);
        assertTrue(frobenius < 1.0, "test premise: ‖W_hh‖_F < 1, got " + frobenius);
        RnnDynamics dyn = new RnnDynamics(w);
        double[][] seeds = FixedPointAnalysis.seedsFromNoisyRun(dyn, 300, 12, 1.0, 32);
        FixedPointAnalysis.Iteration it = FixedPointAnalysis.iterate(dyn, seeds, 500);
        double seedScale = 0.0;
        for (double n : it.seedNorms()) {
            seedScale = Math.max(seedScale, n);
        }
        assertTrue(seedScale > 0.1, "seeds must be away from the origin");
        assertTrue(it.maxFinalNorm() < 1e-12 * seedScale, "every final state at the origin: " + it.maxFinalNorm());
        assertTrue(it.meanStateNorm() <= it.maxFinalNorm());

        FixedPointAnalysis.Minimisation m = FixedPointAnalysis.minimise(dyn, seeds, 5000, 1e-12);
        for (int s = 0; s < seeds.length; s++) {
            assertTrue(m.q()[s] <= 1e-12, "q descends to the origin's 0: " + m.q()[s]);
            assertTrue(m.norms()[s] < 1e-3 * seedScale, "q's minimum is the origin: " + m.norms()[s]);
            assertEquals(1.0, FixedPointAnalysis.norm(m.directions()[s]), 1e-12, "directions are unit vectors");
        }
        // ‖ReLU(W u) - u‖ >= 1 - ‖W u‖ >= 1 - ‖W‖_F on the unit sphere: no fixed ray.
        assertTrue(m.minDirectionResidual() >= 1.0 - frobenius - 1e-9, "residual " + m.minDirectionResidual());
    }

    @Test
    void aRankOnePositiveNetworkHasARayOfFixedPoints() {
        int h = 10;
        SplittableRandom random = new SplittableRandom(33);
        double[] v = new double[h];
        for (int i = 0; i < h; i++) {
            v[i] = 0.5 + random.nextDouble();
        }
        double v2 = 0.0;
        for (double e : v) {
            v2 += e * e;
        }
        double[][] whh = new double[h][h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                whh[i][j] = v[i] * v[j] / v2;
            }
        }
        RnnWeights w = new RnnWeights(RnnWeights.random(h, 4, 3, random).inputWeights(), whh, new double[3][h]);
        RnnDynamics dyn = new RnnDynamics(w);
        double[][] seeds = FixedPointAnalysis.seedsFromNoisyRun(dyn, 200, 6, 1.0, 34);
        FixedPointAnalysis.Iteration it = FixedPointAnalysis.iterate(dyn, seeds, 500);
        for (int s = 0; s < seeds.length; s++) {
            double along = 0.0;
            for (int i = 0; i < h; i++) {
                along += v[i] * seeds[s][i];
            }
            // One step projects a seed with v . h > 0 onto the ray; it then stays there.
            assertTrue(along > 0.0);
            assertEquals(along / Math.sqrt(v2), it.finalNorms()[s], 1e-12 * it.finalNorms()[s] + 1e-12);
            double[] f = dyn.step(it.finalStates()[s], null);
            for (int i = 0; i < h; i++) {
                assertEquals(it.finalStates()[s][i], f[i], 1e-12, "a fixed point");
            }
        }
        FixedPointAnalysis.Minimisation m = FixedPointAnalysis.minimise(dyn, seeds, 5000, 1e-20);
        assertTrue(m.minDirectionResidual() < 1e-8, "the ray is found: " + m.minDirectionResidual());
        double[] u = m.directions()[0];
        for (int i = 0; i < h; i++) {
            assertEquals(v[i] / Math.sqrt(v2), u[i], 1e-6, "direction of the ray");
        }
    }

    @Test
    void theGradientOfQMatchesFiniteDifferences() {
        RnnWeights w = RnnDynamicsTest.weights(12, 3, 3, 2.0, 35);
        double[][] whh = w.recurrentWeights();
        SplittableRandom random = new SplittableRandom(36);
        double[] h = new double[12];
        for (int i = 0; i < 12; i++) {
            h[i] = random.nextGaussian();
        }
        double[] g = new double[12];
        FixedPointAnalysis.objective(whh, h, g);
        double eps = 1e-6;
        for (int j = 0; j < 12; j++) {
            double[] up = h.clone();
            double[] down = h.clone();
            up[j] += eps;
            down[j] -= eps;
            double fd = (FixedPointAnalysis.objective(whh, up, null) - FixedPointAnalysis.objective(whh, down, null))
                    / (2 * eps);
            assertEquals(fd, g[j], 1e-6, "dq/dh_" + j);
        }
    }

    @Test
    void seedsAreDistinctRowsOfTheRunAndArgumentsAreChecked() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(8, 3, 3, 2.0, 37));
        double[][] seeds = FixedPointAnalysis.seedsFromNoisyRun(dyn, 50, 50, 1.0, 38);
        RnnTrajectory run = dyn.noisyTrajectory(50, 1.0, new SplittableRandom(38));
        boolean[] seen = new boolean[50];
        for (double[] s : seeds) {
            int row = -1;
            for (int t = 0; t < 50; t++) {
                if (java.util.Arrays.equals(run.states()[t], s) && !seen[t]) {
                    row = t;
                    break;
                }
            }
            assertTrue(row >= 0, "each seed is a row of the run, used once");
            seen[row] = true;
        }
        assertThrows(IllegalArgumentException.class, () -> FixedPointAnalysis.seedsFromNoisyRun(dyn, 10, 11, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> FixedPointAnalysis.iterate(dyn, seeds, -1));
        assertThrows(IllegalArgumentException.class, () -> FixedPointAnalysis.minimise(dyn, seeds, 10, -1.0));
        assertThrows(IllegalArgumentException.class,
                () -> FixedPointAnalysis.iterate(dyn, new double[][] {new double[7]}, 1));
    }
}
