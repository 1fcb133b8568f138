package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class KickUnitTest {

    private static KickNeuronDetector.KickGroup group(int from, int to, int[] neurons, int units) {
        double[] scores = new double[units];
        double[] silent = new double[units];
        double[] active = new double[units];
        for (int i = 0; i < units; i++) {
            scores[i] = 10 * from + i;
            silent[i] = i / 10.0;
            active[i] = 1 - i / 10.0;
        }
        return new KickNeuronDetector.KickGroup(from, to, 7, neurons, scores, silent, active);
    }

    @Test
    void rowsFollowTheGroupsAndTheirUnitOrder() {
        KickNeuronDetector.KickGroup up = group(0, 2, new int[] {4, 1}, 6);
        KickNeuronDetector.KickGroup down = group(2, 0, new int[] {3, 4}, 6);
        List<KickUnit> units = KickUnit.of(up, down);
        assertEquals(4, units.size());
        assertEquals(new KickUnit(0, 2, 4, 4, 0.4, 0.6), units.get(0));
        assertEquals(new KickUnit(0, 2, 1, 1, 0.1, 0.9), units.get(1));
        assertEquals(new KickUnit(2, 0, 3, 23, 0.3, 0.7), units.get(2));
        assertEquals(new KickUnit(2, 0, 4, 24, 0.4, 0.6), units.get(3));
        assertEquals("0->2", units.get(0).direction());
        assertEquals("2->0", units.get(3).direction());
        assertArrayEquals(new int[] {4, 1, 3}, KickUnit.distinctUnits(up, down), "each unit once, first appearance first");
        assertArrayEquals(new int[] {3, 4, 1}, KickUnit.distinctUnits(down, up));
        assertEquals(List.of(), KickUnit.of());
    }

    @Test
    void detectedGroupsOfARealRunGiveTheirOwnNumbers() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 2.0, 31));
        RnnTrajectory run = d.noisyTrajectory(3_000, 1.0, new java.util.SplittableRandom(32));
        KickNeuronDetector.KickGroup g = KickNeuronDetector.detect(d, run, 0, 2, KickNeuronDetector.Parameters.DEFAULT);
        List<KickUnit> units = KickUnit.of(g);
        assertEquals(g.neurons().length, units.size());
        for (int i = 0; i < units.size(); i++) {
            int unit = g.neurons()[i];
            assertEquals(unit, units.get(i).unit());
            assertEquals(g.scores()[unit], units.get(i).score(), 0.0);
            assertEquals(g.silentFraction()[unit], units.get(i).silentFraction(), 0.0);
            assertEquals(g.activeFraction()[unit], units.get(i).activeFraction(), 0.0);
        }
    }
}
