package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulator: homogeneity (exact), Jacobians, batch stepping, sampling and its quirk flag. */
class RnnDynamicsTest {

    /** Random weights, with {@code W_hh} scaled up so that the dynamics is not trivially contracting. */
    static RnnWeights weights(int h, int d, int k, double recurrentGain, long seed) {
        RnnWeights w = RnnWeights.random(h, d, k, new SplittableRandom(seed));
        double[][] whh = w.recurrentWeights();
        for (double[] row : whh) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= recurrentGain;
            }
        }
        return new RnnWeights(w.inputWeights(), whh, w.readoutWeights());
    }

    @Test
    void statesScaleExactlyWithThePowerOfTwoNoiseStdAndToRoundingOtherwise() {
        for (long seed = 1; seed <= 3; seed++) {
            RnnDynamics dyn = new RnnDynamics(weights(30, 8, 3, 1.5 + 0.3 * seed, seed));
            RnnTrajectory unit = dyn.noisyTrajectory(400, 1.0, new SplittableRandom(seed * 11));
            RnnTrajectory four = dyn.noisyTrajectory(400, 4.0, new SplittableRandom(seed * 11));
            RnnTrajectory odd = dyn.noisyTrajectory(400, 0.3, new SplittableRandom(seed * 11));
            double largest = 0.0;
            for (int t = 0; t < 400; t++) {
                for (int i = 0; i < 30; i++) {
                    double h = unit.states()[t][i];
                    largest = Math.max(largest, h);
                    assertEquals(4.0 * h, four.states()[t][i], 0.0, "sigma = 4 is exact (power of 2)");
                    assertEquals(0.3 * h, odd.states()[t][i], 1e-12 * (1.0 + Math.abs(h)), "sigma = 0.3");
                }
            }
            assertTrue(largest > 0.1, "the run must not be trivially zero");
            assertArrayEquals(unit.outputs(), four.outputs(), "logits scale by sigma: same argmax");
        }
    }

    @Test
    void withoutInputTheOriginIsAFixedPoint() {
        RnnDynamics dyn = new RnnDynamics(weights(20, 5, 3, 3.0, 4));
        RnnTrajectory run = dyn.noiselessTrajectory(new double[20], 50);
        for (double[] h : run.states()) {
            assertArrayEquals(new double[20], h, 0.0);
        }
        RnnTrajectory zeroNoise = dyn.noisyTrajectory(10, 0.0, new SplittableRandom(5));
        assertArrayEquals(new double[20], zeroNoise.states()[9], 0.0);
    }

    @Test
    void jacobianMatchesCentralDifferencesAwayFromTheKinks() {
        RnnDynamics dyn = new RnnDynamics(weights(25, 6, 3, 2.0, 6));
        SplittableRandom random = new SplittableRandom(7);
        RnnTrajectory run = dyn.noisyTrajectory(30, 1.0, random);
        double eps = 1e-6;
        int checked = 0;
        for (int t = 10; t < 29; t++) {
            double[] h = run.states()[t];
            double[] x = run.inputs()[t + 1];
            double[] pre = dyn.preActivation(h, x);
            double minAbs = Double.POSITIVE_INFINITY;
            for (double p : pre) {
                minAbs = Math.min(minAbs, Math.abs(p));
            }
            if (minAbs < 1e-3) {
                continue; // a perturbation of size eps could cross a kink
            }
            double[][] j = dyn.jacobian(h, x);
            for (int c = 0; c < 25; c++) {
                double[] up = h.clone();
                double[] down = h.clone();
                up[c] += eps;
                down[c] -= eps;
                double[] fu = dyn.step(up, x);
                double[] fd = dyn.step(down, x);
                for (int r = 0; r < 25; r++) {
                    assertEquals(j[r][c], (fu[r] - fd[r]) / (2 * eps), 1e-8, "J[" + r + "][" + c + "] at t = " + t);
                }
            }
            checked++;
        }
        assertTrue(checked >= 5, "too few states away from the kinks: " + checked);
    }

    @Test
    void preActivationsAndTrajectoryRowsAgree() {
        RnnDynamics dyn = new RnnDynamics(weights(15, 4, 3, 2.0, 8));
        RnnTrajectory run = dyn.noisyTrajectory(40, 1.5, new SplittableRandom(9));
        double[][] pre = dyn.preActivations(run);
        for (int t = 0; t < 40; t++) {
            for (int i = 0; i < 15; i++) {
                assertEquals(Math.max(0.0, pre[t][i]), run.states()[t][i], 0.0);
            }
            assertEquals(RnnDynamics.argmax(dyn.logits(run.states()[t])), run.outputs()[t]);
        }
        RnnTrajectory replay = dyn.drivenTrajectory(new double[15], run.inputs());
        assertArrayEquals(run.states()[39], replay.states()[39], 0.0);
    }

    @Test
    void batchStepAgreesWithSingleStepToRounding() {
        RnnDynamics dyn = new RnnDynamics(weights(40, 12, 3, 2.0, 10));
        SplittableRandom random = new SplittableRandom(11);
        int n = 17;
        double[] s = new double[40 * n];
        double[] x = new double[12 * n];
        double[] out = new double[40 * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.abs(random.nextGaussian());
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        dyn.stepColumns(s, x, n, out);
        for (int c = 0; c < n; c++) {
            double[] h = java.util.Arrays.copyOfRange(s, c * 40, c * 40 + 40);
            double[] xc = java.util.Arrays.copyOfRange(x, c * 12, c * 12 + 12);
            double[] expected = dyn.step(h, xc);
            for (int i = 0; i < 40; i++) {
                assertEquals(expected[i], out[c * 40 + i], 1e-13);
            }
            assertEquals(dyn.output(expected), dyn.outputOfColumn(out, c));
        }
    }

    @Test
    void sampledSymbolsFollowTheSoftmaxAndTheQuirkMakesTheFirstUniform() {
        // h = (z+, z-) with z ~ N(0, 1); logit 0 is 50 |z|, the others 0: symbol 0 unless |z| is tiny.
        RnnWeights w = new RnnWeights(new double[][] {{1.0}, {-1.0}}, new double[2][2],
                new double[][] {{50.0, 50.0}, {0.0, 0.0}, {0.0, 0.0}});
        RnnDynamics dyn = new RnnDynamics(w);
        int count = 30_000;
        int[][] plain = dyn.sampleOutputs(count, 3, 1.0, new SplittableRandom(12), false);
        int[][] quirk = dyn.sampleOutputs(count, 3, 1.0, new SplittableRandom(12), true);
        int[] first = new int[3];
        int[] firstQuirk = new int[3];
        for (int n = 0; n < count; n++) {
            first[plain[n][0]]++;
            firstQuirk[quirk[n][0]]++;
        }
        // P(symbol != 0) = E[2 / (2 + e^{50|z|})] ~ 0.04 (dominated by |z| < 0.05); far below 1/3.
        assertTrue(first[0] > 0.9 * count, "plain first symbol mostly 0: " + first[0]);
        double se = Math.sqrt(count * (1.0 / 3) * (2.0 / 3));
        for (int a = 0; a < 3; a++) {
            assertEquals(count / 3.0, firstQuirk[a], 5 * se, "quirk: uniform first symbol " + a);
        }
        int later = 0;
        for (int n = 0; n < count; n++) {
            later += quirk[n][2] == 0 ? 1 : 0;
        }
        assertTrue(later > 0.9 * count, "later symbols follow the readout: " + later);
        // Readout zero: every symbol uniform.
        RnnDynamics flat = new RnnDynamics(new RnnWeights(new double[][] {{1.0}, {-1.0}}, new double[2][2],
                new double[3][2]));
        int[] counts = new int[3];
        for (int[] seq : flat.sampleOutputs(10_000, 3, 1.0, new SplittableRandom(13), false)) {
            for (int o : seq) {
                counts[o]++;
            }
        }
        double seFlat = Math.sqrt(30_000 * (1.0 / 3) * (2.0 / 3));
        for (int a = 0; a < 3; a++) {
            assertEquals(10_000.0, counts[a], 5 * seFlat);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        RnnDynamics dyn = new RnnDynamics(weights(4, 2, 3, 1.0, 14));
        assertThrows(IllegalArgumentException.class, () -> dyn.step(new double[3], null));
        assertThrows(IllegalArgumentException.class, () -> dyn.step(new double[4], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> dyn.noisyTrajectory(5, -1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> dyn.noisyTrajectory(5, Double.NaN, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> dyn.noisyTrajectory(-1, 1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> dyn.sampleOutputs(1, 0, 1.0, new SplittableRandom(1), false));
        double[] h = new double[4];
        assertThrows(IllegalArgumentException.class, () -> dyn.step(h, null, h));
    }
}
