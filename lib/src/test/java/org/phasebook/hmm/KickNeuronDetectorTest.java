package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Detection on planted pre-activations; the connectivity checks on planted weights. */
class KickNeuronDetectorTest {

    @Test
    void findsTheUnitsThatFireJustBeforeSwitchesOfOneDirection() {
        int h = 20;
        int steps = 4000;
        SplittableRandom random = new SplittableRandom(81);
        int[] outputs = new int[steps];
        int symbol = 0;
        int t = 0;
        while (t < steps) {
            int dwell = 12 + random.nextInt(20);
            for (int u = 0; u < dwell && t < steps; u++) {
                outputs[t++] = symbol;
            }
            symbol = 2 - symbol;
        }
        double[][] pre = new double[steps][h];
        for (double[] row : pre) {
            for (int i = 0; i < h; i++) {
                row[i] = -1.0 + 0.5 * random.nextGaussian();
            }
            row[15] = 2.0 + 0.5 * random.nextGaussian(); // always active: large mean, no switch effect
        }
        int[] up = {3, 7, 11};
        int[] down = {4, 8, 12};
        for (int s = 1; s < steps; s++) {
            if (outputs[s] != outputs[s - 1]) {
                int[] group = outputs[s] == 2 ? up : down;
                for (int u = Math.max(0, s - 2); u <= s; u++) {
                    for (int i : group) {
                        pre[u][i] = 4.0 + 0.5 * random.nextGaussian();
                    }
                }
            }
        }
        KickNeuronDetector.KickGroup g02 = KickNeuronDetector.detect(pre, outputs, 0, 2,
                KickNeuronDetector.Parameters.DEFAULT);
        KickNeuronDetector.KickGroup g20 = KickNeuronDetector.detect(pre, outputs, 2, 0,
                KickNeuronDetector.Parameters.DEFAULT);
        assertTrue(g02.switches() > 50, "switches used: " + g02.switches());
        assertArrayEquals(up, sorted(g02.neurons()));
        assertArrayEquals(down, sorted(g20.neurons()));
        for (int i : up) {
            assertTrue(g02.silentFraction()[i] > 0.9 && g02.activeFraction()[i] > 0.9);
        }
        assertTrue(g02.scores()[15] < g02.scores()[3]);
        // No switch of that direction: nothing selected, scores NaN.
        KickNeuronDetector.KickGroup none = KickNeuronDetector.detect(pre, outputs, 0, 1,
                KickNeuronDetector.Parameters.DEFAULT);
        assertEquals(0, none.switches());
        assertEquals(0, none.neurons().length);
        assertTrue(Double.isNaN(none.scores()[0]));
    }

    @Test
    void circuitAndPopulationsOnPlantedWeights() {
        int h = 24;
        double[][] whh = new double[h][h];
        int[] g0 = {0, 1, 2};
        int[] g1 = {3, 4, 5};
        for (int i : g0) {
            for (int j : g0) {
                whh[i][j] = i == j ? -9.0 : 0.5; // the diagonal is excluded from "within"
            }
            for (int j : g1) {
                whh[i][j] = -0.4;
            }
        }
        for (int i : g1) {
            for (int j : g1) {
                whh[i][j] = i == j ? -9.0 : 0.3;
            }
            for (int j : g0) {
                whh[i][j] = -0.2;
            }
        }
        // Units 10..13 inhibit group 0 and excite group 1; units 14..17 the reverse; 18..23 excite both.
        for (int j = 10; j < 24; j++) {
            double to0 = j < 14 ? -1.0 - 0.1 * j : (j < 18 ? 1.0 : 0.5);
            double to1 = j < 14 ? 1.0 : (j < 18 ? -1.0 : 0.5);
            for (int i : g0) {
                whh[i][j] = to0;
            }
            for (int i : g1) {
                whh[i][j] = to1;
            }
        }
        RnnWeights w = new RnnWeights(new double[h][1], whh, new double[3][h]);
        KickNeuronDetector.Circuit c = KickNeuronDetector.circuit(w, g0, g1);
        assertEquals(0.5, c.within0(), 1e-15);
        assertEquals(0.3, c.within1(), 1e-15);
        assertEquals(-0.4, c.between01(), 1e-15);
        assertEquals(-0.2, c.between10(), 1e-15);
        assertTrue(c.hasKickMotif());
        assertFalse(KickNeuronDetector.circuit(w, g0, new int[] {10, 11}).hasKickMotif());
        KickNeuronDetector.Populations p = KickNeuronDetector.integratingPopulations(w, g0, g1, 8);
        assertArrayEquals(new int[] {13, 12, 11, 10}, p.population0(), "most negative g0 first");
        assertArrayEquals(new int[] {14, 15, 16, 17}, sorted(p.population1()));
        assertEquals(70, KickNeuronDetector.defaultPopulationSize(150));
        assertEquals(23, KickNeuronDetector.defaultPopulationSize(50));
        assertThrows(IllegalArgumentException.class, () -> KickNeuronDetector.circuit(w, g0, new int[] {24}));
        assertThrows(IllegalArgumentException.class, () -> KickNeuronDetector.integratingPopulations(w, g0, g1, 1));
        assertThrows(IllegalArgumentException.class, () -> new KickNeuronDetector.Parameters(3, 3, 10, 5, 3));
    }

    @Test
    void motifNullCountsRandomTripletPairsAgainstTheDetectedCircuit() {
        RnnWeights w = RnnDynamicsTest.weights(9, 2, 3, 1.0, 81);
        KickNeuronDetector.Circuit detected = KickNeuronDetector.circuit(w, new int[] {0, 1, 2}, new int[] {3, 4, 5});
        assertEquals(Math.min(Math.min(detected.within0(), detected.within1()),
                Math.min(-detected.between01(), -detected.between10())), detected.margin(), 0.0);
        assertEquals(detected.hasKickMotif(), detected.margin() > 0);
        KickNeuronDetector.MotifNull n = KickNeuronDetector.motifNull(w, detected, 400, new java.util.SplittableRandom(82));
        // oracle: the same shuffle written out, the unit array carried from draw to draw
        java.util.SplittableRandom r = new java.util.SplittableRandom(82);
        int[] units = java.util.stream.IntStream.range(0, 9).toArray();
        int signs = 0;
        int stronger = 0;
        for (int d = 0; d < 400; d++) {
            for (int i = 0; i < 6; i++) {
                int j = i + r.nextInt(9 - i);
                int t = units[i];
                units[i] = units[j];
                units[j] = t;
            }
            KickNeuronDetector.Circuit c = KickNeuronDetector.circuit(w, new int[] {units[0], units[1], units[2]},
                    new int[] {units[3], units[4], units[5]});
            signs += c.hasKickMotif() ? 1 : 0;
            stronger += c.margin() >= detected.margin() ? 1 : 0;
        }
        assertEquals(new KickNeuronDetector.MotifNull(400, signs, stronger), n);
        assertEquals((stronger + 1.0) / 401.0, n.pValue(), 0.0);
        assertTrue(stronger > 0 && stronger < 400, "a random network's circuit is neither the weakest nor the strongest");
        assertThrows(IllegalArgumentException.class, () -> KickNeuronDetector.motifNull(
                RnnDynamicsTest.weights(5, 2, 3, 1.0, 83), detected, 10, new java.util.SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> KickNeuronDetector.motifNull(w, detected, 0,
                new java.util.SplittableRandom(1)));
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
