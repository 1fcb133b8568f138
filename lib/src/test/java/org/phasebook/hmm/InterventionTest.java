package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The modified step, the target sets, and the Jacobian of the modified network. */
class InterventionTest {

    @Test
    void theModifiedNetworkStepsAsTheInterventionPrescribes() {
        RnnWeights w = RnnDynamicsTest.weights(20, 5, 3, 2.0, 91);
        RnnDynamics base = new RnnDynamics(w);
        SplittableRandom random = new SplittableRandom(92);
        double[] h = new double[20];
        for (int i = 0; i < 20; i++) {
            h[i] = Math.abs(random.nextGaussian());
        }
        double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
            random.nextGaussian()};
        double[] recurrent = base.preActivation(h, null);
        double[] input = new double[20];
        double[] full = base.preActivation(h, x);
        for (int i = 0; i < 20; i++) {
            input[i] = full[i] - recurrent[i];
        }
        int[] targets = {2, 5, 11};
        for (double mu : new double[] {0.0, 0.3, 2.0}) {
            double[] kick = Intervention.kick(targets, mu).applyTo(base).preActivation(h, x);
            double[] noise = new Intervention(Intervention.Kind.INPUT, mu, targets).applyTo(base).preActivation(h, x);
            for (int i = 0; i < 20; i++) {
                boolean on = i == 2 || i == 5 || i == 11;
                assertEquals(on ? mu * recurrent[i] + input[i] : full[i], kick[i], 1e-12, "kick, unit " + i);
                assertEquals(on ? recurrent[i] + mu * input[i] : full[i], noise[i], 1e-12, "noise, unit " + i);
            }
        }
        assertEquals(w, Intervention.kick(targets, 1.0).apply(w), "mu = 1 changes nothing");
        // Jacobian of the kick network: rows of the targets scaled by mu (where active).
        RnnDynamics half = Intervention.kick(targets, 0.5).applyTo(base);
        double[][] j = half.jacobian(h, x);
        boolean[] on = half.activeUnits(h, x);
        double[][] whh = w.recurrentWeights();
        for (int i = 0; i < 20; i++) {
            double factor = !on[i] ? 0.0 : (i == 2 || i == 5 || i == 11 ? 0.5 : 1.0);
            for (int c = 0; c < 20; c++) {
                assertEquals(factor * whh[i][c], j[i][c], 0.0);
            }
        }
    }

    @Test
    void targetSetsFollowTheAuthorsRules() {
        // Row k of W_hh ranks the presynaptic partners of unit k: here partner j has weight j for
        // unit 0 and -j for unit 1, so unit 0's top 3 are 7, 6, 5 and unit 1's are 0, 1, 2.
        int h = 8;
        double[][] whh = new double[h][h];
        for (int j = 0; j < h; j++) {
            whh[0][j] = j;
            whh[1][j] = -j;
        }
        RnnWeights w = new RnnWeights(new double[h][1], whh, new double[3][h]);
        assertArrayEquals(new int[] {7, 6, 5}, Intervention.topPresynapticPartners(w, 0, 3));
        assertArrayEquals(new int[] {0, 1, 2}, Intervention.topPresynapticPartners(w, 1, 3));
        int[] kicks = {0, 1};
        Intervention projection = Intervention.noiseProjection(w, new int[] {0, 1}, kicks, 3, 0.0);
        assertArrayEquals(new int[] {2, 5, 6, 7}, projection.targets(), "union minus kick neurons");
        assertEquals(Intervention.Kind.INPUT, projection.kind());
        Intervention control = Intervention.control(w, kicks, 3, 2.0);
        assertArrayEquals(new int[] {3, 4}, control.targets(), "outside the union, kick neurons excluded");
        assertThrows(IllegalArgumentException.class, () -> Intervention.kick(new int[] {1, 1}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Intervention.kick(new int[] {}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Intervention.kick(new int[] {1}, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Intervention.kick(new int[] {9}, 1.0).apply(w));
        assertThrows(IllegalArgumentException.class, () -> Intervention.topPresynapticPartners(w, 0, 9));
    }
}
