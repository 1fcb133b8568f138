package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Switch states picked by hand; a planted rotation against a planted back-and-forth. */
class SwitchLocationsTest {

    private static RnnTrajectory trajectory(double[][] states, int[] outputs) {
        return new RnnTrajectory(new double[states[0].length], states, new double[states.length][1], outputs);
    }

    @Test
    void takesTheLastStateBeforeEachSwitchOfTheGivenDirection() {
        double[][] states = {{0, 0}, {1, 0}, {2, 0}, {3, 4}, {4, 0}, {5, 0}, {6, 0}, {7, 0}};
        int[] outputs = {2, 0, 0, 2, 2, 0, 2, 1};
        SwitchLocations up = SwitchLocations.of(trajectory(states, outputs), 0, 2);
        // switches 0 -> 2 at t = 3 (state row 2) and t = 6 (row 5); t = 0 never counts
        assertEquals(2, up.count());
        assertSame(states[2], up.states()[0]);
        assertSame(states[5], up.states()[1]);
        assertArrayEquals(new double[] {3.5, 0}, up.mean(), 0.0);
        assertEquals(1.5, up.rmsSpread(), 1e-15);
        SwitchLocations down = SwitchLocations.of(trajectory(states, outputs), 2, 0);
        // switches 2 -> 0 at t = 1 (row 0) and t = 5 (row 4)
        assertEquals(2, down.count());
        assertSame(states[0], down.states()[0]);
        assertSame(states[4], down.states()[1]);
        assertArrayEquals(new double[] {2, 0}, down.mean(), 0.0);
        assertEquals(2.0, down.rmsSpread(), 1e-15);
        // |3.5 - 2| / sqrt(1.5²/2 + 2²/2)
        assertEquals(1.5 / Math.sqrt(3.125), SwitchLocations.separation(up, down), 1e-12);
        // (2,0) of "up" is nearer the other mean (wrong), (5,0) its own (right);
        // (0,0) of "down" is nearer its own (right), (4,0) the other (wrong)
        assertEquals(0.5, SwitchLocations.nearestMeanAccuracy(up, down), 1e-15);
        SwitchLocations none = SwitchLocations.of(trajectory(states, outputs), 1, 0);
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.rmsSpread()) && Double.isNaN(none.mean()[0]));
        assertTrue(Double.isNaN(SwitchLocations.separation(up, none)));
        assertTrue(Double.isNaN(SwitchLocations.nearestMeanAccuracy(none, up)));
    }

    /** Alternating dwells of 0 and 2; the state before a switch is drawn around the given centre. */
    private static RnnTrajectory planted(double[] centreUp, double[] centreDown, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 6000;
        int h = centreUp.length;
        int[] outputs = new int[steps];
        double[][] states = new double[steps][h];
        int t = 0;
        int symbol = 0;
        while (t < steps) {
            int dwell = 5 + random.nextInt(20);
            for (int u = 0; u < dwell && t < steps; u++, t++) {
                outputs[t] = symbol;
                for (int i = 0; i < h; i++) {
                    states[t][i] = 10 * random.nextGaussian();   // far from both centres inside a dwell
                }
            }
            if (t > 0) {
                double[] c = symbol == 0 ? centreUp : centreDown;
                for (int i = 0; i < h; i++) {
                    states[t - 1][i] = c[i] + random.nextGaussian();
                }
            }
            symbol = 2 - symbol;
        }
        return trajectory(states, outputs);
    }

    @Test
    void tellsARotationFromABackAndForth() {
        double[] a = {2, 0, 0, 0};
        double[] b = {-2, 0, 0, 0};
        RnnTrajectory rotation = planted(a, b, 1);
        double zRotation = SwitchLocations.separation(SwitchLocations.of(rotation, 0, 2), SwitchLocations.of(rotation, 2, 0));
        double accRotation = SwitchLocations.nearestMeanAccuracy(SwitchLocations.of(rotation, 0, 2),
                SwitchLocations.of(rotation, 2, 0));
        RnnTrajectory same = planted(a, a, 2);
        double zSame = SwitchLocations.separation(SwitchLocations.of(same, 0, 2), SwitchLocations.of(same, 2, 0));
        double accSame = SwitchLocations.nearestMeanAccuracy(SwitchLocations.of(same, 0, 2), SwitchLocations.of(same, 2, 0));
        // distance 4 with unit noise per axis in 4 dimensions: rms 2, about 200 switches each, so z is about 20
        assertTrue(zRotation > 12, "rotation separation " + zRotation);
        assertTrue(accRotation > 0.95, "rotation accuracy " + accRotation);
        assertTrue(zSame < 4, "same-place separation " + zSame);
        assertTrue(Math.abs(accSame - 0.5) < 0.12, "same-place accuracy " + accSame);
    }

    @Test
    void rejectsEqualDirections() {
        RnnTrajectory run = trajectory(new double[][] {{0}}, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> SwitchLocations.of(run, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SwitchLocations(0, 0, new double[0][], new double[1], Double.NaN));
    }
}
