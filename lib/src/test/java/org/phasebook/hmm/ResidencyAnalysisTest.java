package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

/**
 * Residency times on networks whose behaviour is known exactly, and the batched rollouts against
 * a one-rollout-at-a-time reference.
 */
class ResidencyAnalysisTest {

    /**
     * A ring of {@code 2k} units that shifts activity one unit per step and ignores its input;
     * output 0 reads units {@code 0..k-1}, output 1 reads {@code k..2k-1}. From {@code c e_j}
     * with {@code j < k} the output switches after exactly {@code k - j} steps.
     */
    static RnnDynamics shiftRing(int k) {
        int m = 2 * k;
        double[][] whh = new double[m][m];
        for (int i = 0; i < m; i++) {
            whh[(i + 1) % m][i] = 1.0;
        }
        double[][] a = new double[2][m];
        for (int i = 0; i < m; i++) {
            a[i < k ? 0 : 1][i] = 1.0;
        }
        return new RnnDynamics(new RnnWeights(new double[m][3], whh, a));
    }

    @Test
    void aShiftRingHasResidencyTimesAndGroupsKnownInAdvance() {
        int k = 10;
        RnnDynamics ring = shiftRing(k);
        double[][] states = new double[2 * k + 2][2 * k];
        for (int j = 0; j < 2 * k; j++) {
            states[j][j] = 3.0; // confident readout: max softmax = 1 / (1 + e^-3) = 0.95
        }
        states[2 * k][0] = 1.0; // RT 10 but max softmax = 1 / (1 + e^-1) = 0.73
        states[2 * k + 1][1] = 1.0; // RT 9, same
        ResidencyResult r = ResidencyAnalysis.analyse(ring, states, ResidencyParameters.PAPER, 61);
        for (int j = 0; j < 2 * k; j++) {
            int expected = j < k ? k - j : 2 * k - j;
            assertEquals(expected, r.residencyTimes()[j], 0.0, "RT of e_" + j);
            assertEquals(j < k ? 0 : 1, r.outputs()[j]);
            assertEquals(0.0, r.signFlips()[j], 0.0, "l_c is constant until the switch");
            ResidencyGroup g = expected < 2 ? ResidencyGroup.TRANSITION
                    : expected <= 8 ? ResidencyGroup.KICK_ZONE : ResidencyGroup.CLUSTER;
            assertEquals(g, r.groups()[j], "group of e_" + j + " (RT " + expected + ")");
        }
        assertEquals(ResidencyGroup.UNASSIGNED, r.groups()[2 * k]);
        assertEquals(ResidencyGroup.UNASSIGNED, r.groups()[2 * k + 1]);
        assertEquals(2, r.count(ResidencyGroup.TRANSITION));
        assertEquals(14, r.count(ResidencyGroup.KICK_ZONE));
        assertEquals(4, r.count(ResidencyGroup.CLUSTER));
        assertArrayEquals(new int[] {2 * k, 2 * k + 1}, r.indicesOf(ResidencyGroup.UNASSIGNED));
        assertEquals(9.5, r.over(ResidencyGroup.CLUSTER, r.residencyTimes()).mean(), 1e-12);
        // A cap below the switch time counts the cap.
        ResidencyResult capped = ResidencyAnalysis.analyse(ring, states, new ResidencyParameters(3, 5, 1.0), 62);
        for (int j = 0; j < k; j++) {
            assertEquals(Math.min(k - j, 5), capped.residencyTimes()[j], 0.0);
        }
    }

    @Test
    void signFlipsCountAlternatingIncrementsOfTheLogit() {
        // Two units swapping activity; l_0 = h_0 + 2 h_1 alternates 1, 2, 1, ... and output 1 never wins.
        RnnWeights w = new RnnWeights(new double[2][1], new double[][] {{0, 1}, {1, 0}},
                new double[][] {{1, 2}, {-5, -5}});
        ResidencyResult r = ResidencyAnalysis.analyse(new RnnDynamics(w), new double[][] {{1, 0}},
                ResidencyParameters.PAPER, 63);
        assertEquals(60.0, r.residencyTimes()[0], 0.0);
        assertEquals(59.0, r.signFlips()[0], 0.0, "60 increments of alternating sign");
        ResidencyResult shorter = ResidencyAnalysis.analyse(new RnnDynamics(w), new double[][] {{1, 0}},
                new ResidencyParameters(2, 7, 1.0), 64);
        assertEquals(6.0, shorter.signFlips()[0], 0.0);
    }

    @Test
    void batchedRolloutsMatchAOneAtATimeReference() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(30, 8, 3, 2.4, 65));
        RnnTrajectory run = dyn.noisyTrajectory(20 + 120, 1.0, new SplittableRandom(66));
        double[][] states = Arrays.copyOfRange(run.states(), 20, 140);
        ResidencyParameters p = new ResidencyParameters(7, 25, 1.0);
        long seed = 67;
        ResidencyResult r = ResidencyAnalysis.analyse(dyn, states, p, seed);
        double spread = 0.0;
        for (int i = 0; i < states.length; i++) {
            double[] reference = referenceRollouts(dyn, states[i], i, p, seed);
            assertEquals(reference[0], r.residencyTimes()[i], 1e-12, "RT of state " + i);
            assertEquals(reference[1], r.signFlips()[i], 1e-12, "flips of state " + i);
            spread += Math.abs(r.residencyTimes()[i] - r.residencyTimes()[0]);
        }
        assertTrue(spread > 0.0, "residency times should vary on a random network");
        // A state's rollouts depend only on (seed, index, rollout): a prefix gives the same values.
        ResidencyResult prefix = ResidencyAnalysis.analyse(dyn, Arrays.copyOf(states, 9), p, seed);
        assertArrayEquals(Arrays.copyOf(r.residencyTimes(), 9), prefix.residencyTimes(), 0.0);
    }

    /** RT and flips of one state, rollout by rollout, with single Java steps. */
    private static double[] referenceRollouts(RnnDynamics dyn, double[] h0, int index, ResidencyParameters p,
                                              long seed) {
        int c = dyn.output(h0);
        double steps = 0.0;
        double flips = 0.0;
        for (int r = 0; r < p.rollouts(); r++) {
            SplittableRandom random = new SeedSequence(seed).child(index).generator(r);
            double[] h = h0.clone();
            double last = dyn.logits(h)[c];
            int lastSign = 0;
            int s = 1;
            double[] x = new double[dyn.inputs()];
            for (; s <= p.maxSteps(); s++) {
                RnnDynamics.standardNormals(x, random);
                for (int j = 0; j < x.length; j++) {
                    x[j] *= p.sigma();
                }
                h = dyn.step(h, x);
                if (dyn.output(h) != c) {
                    break;
                }
                double l = dyn.logits(h)[c];
                int sign = (int) Math.signum(l - last);
                if (sign != 0) {
                    flips += lastSign != 0 && sign != lastSign ? 1 : 0;
                    lastSign = sign;
                }
                last = l;
            }
            steps += Math.min(s, p.maxSteps());
        }
        return new double[] {steps / p.rollouts(), flips / p.rollouts()};
    }

    @Test
    void summariesCanBeRestrictedToStatesWithSomeOutputs() {
        ResidencyGroup c = ResidencyGroup.CLUSTER;
        ResidencyGroup t = ResidencyGroup.TRANSITION;
        ResidencyResult r = new ResidencyResult(new double[5][1], new int[] {0, 1, 2, 1, 0}, new double[5],
                new double[5], new double[5], new ResidencyGroup[] {c, c, c, t, c});
        double[] values = {1, 2, 4, 8, 16};
        assertEquals(MeanSd.of(new double[] {1, 2, 16}), r.over(c, values, 0, 1));
        assertEquals(MeanSd.of(new double[] {4}), r.over(c, values, 2));
        assertEquals(MeanSd.of(new double[] {8}), r.over(t, values, 1, 2));
        assertEquals(0, r.over(t, values, 0).count());
        assertEquals(3, r.count(c, 0, 1));
        assertEquals(0, r.count(t, 0));
        assertEquals(r.over(c, values), r.over(c, values, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> r.over(c, new double[4], 0));
    }

    @Test
    void clusterCentroidsAndTheAxisBetweenThem() {
        ResidencyGroup c = ResidencyGroup.CLUSTER;
        ResidencyGroup t = ResidencyGroup.TRANSITION;
        double[][] states = {{0, 0}, {2, 0}, {4, 4}, {4, 2}, {2, 1}, {3, 3}};
        ResidencyResult r = new ResidencyResult(states, new int[] {0, 0, 2, 2, 0, 2}, new double[6], new double[6],
                new double[6], new ResidencyGroup[] {c, c, c, c, t, t});
        assertArrayEquals(new double[] {1, 0}, r.clusterCentroid(0), 1e-15);
        assertArrayEquals(new double[] {4, 3}, r.clusterCentroid(2), 1e-15);
        assertEquals(0, r.clusterCentroid(1).length);
        // axis (3, 3) from (1, 0): (2, 1) -> (1*3 + 1*3) / 18 = 1/3; (3, 3) -> (2*3 + 3*3) / 18 = 5/6
        assertArrayEquals(new double[] {1.0 / 3, 5.0 / 6}, r.axisCoordinates(t, 0, 2), 1e-15);
        // the cluster states (0, 0), (2, 0), (4, 4), (4, 2): -3, 3, 21, 15 over 18
        assertArrayEquals(new double[] {-1.0 / 6, 1.0 / 6, 7.0 / 6, 5.0 / 6}, r.axisCoordinates(c, 0, 2), 1e-15);
        assertEquals(0, r.axisCoordinates(t, 0, 1).length);
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ResidencyParameters(0, 60, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ResidencyParameters(20, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ResidencyParameters(20, 60, -0.5));
        RnnDynamics ring = shiftRing(3);
        assertThrows(IllegalArgumentException.class, () -> ResidencyAnalysis.analyse(ring,
                new double[][] {new double[5]}, ResidencyParameters.PAPER, 1));
        assertEquals(ResidencyGroup.TRANSITION, ResidencyGroup.of(1.99, 0.1));
        assertEquals(ResidencyGroup.KICK_ZONE, ResidencyGroup.of(2.0, 0.99));
        assertEquals(ResidencyGroup.KICK_ZONE, ResidencyGroup.of(8.0, 0.99));
        assertEquals(ResidencyGroup.CLUSTER, ResidencyGroup.of(8.01, 0.81));
        assertEquals(ResidencyGroup.UNASSIGNED, ResidencyGroup.of(8.01, 0.8));
    }
}
