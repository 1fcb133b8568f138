package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternHistoryTest {

    private static PatternHistory history(double v) {
        return new PatternHistory(new double[] {v, 2 * v}, new int[] {7, 7, 7}, List.of(new byte[] {1}),
                new double[] {10 * v}, new double[] {v}, new double[] {1, v},
                new double[][] {{0, v}, {0, 3 * v}});
    }

    @Test
    void meanIsTheReplicaAverageOfEveryAveragedObservable() {
        PatternHistory.Mean mean = PatternHistory.mean(List.of(history(1), history(3), history(8)));
        assertArrayEquals(new double[] {4, 8}, mean.xi(), 1e-12);
        assertArrayEquals(new double[] {40}, mean.startCores(), 1e-12);
        assertArrayEquals(new double[] {4}, mean.cores(), 1e-12);
        assertArrayEquals(new double[] {1, 4}, mean.autocorrelation(), 1e-12);
        assertArrayEquals(new double[] {0, 4}, mean.structureFactor()[0], 1e-12);
        assertArrayEquals(new double[] {0, 12}, mean.structureFactor()[1], 1e-12);
        // one replica is its own mean
        assertArrayEquals(history(5).xi(), PatternHistory.mean(List.of(history(5))).xi());
    }

    @Test
    void isImmutable() {
        double[] xi = {1, 2};
        PatternHistory h = new PatternHistory(xi, new int[] {1, 1, 1}, List.of(), new double[] {0}, new double[] {0},
                new double[] {1}, new double[][] {{0}, {0}});
        xi[0] = 99;
        h.xi()[1] = 99;
        h.structureFactor()[0][0] = 99;
        assertArrayEquals(new double[] {1, 2}, h.xi());
        assertEquals(0.0, h.structureFactor()[0][0]);
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new PatternHistory(new double[] {1, 2}, new int[] {1, 1},
                List.of(), new double[] {0}, new double[] {0}, new double[] {1}, new double[][] {{0}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> new PatternHistory(new double[] {1}, new int[] {1, 1},
                List.of(), new double[] {0, 0}, new double[] {0}, new double[] {1}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> PatternHistory.mean(List.of()));
        PatternHistory other = new PatternHistory(new double[] {1}, new int[] {1, 1}, List.of(), new double[] {0},
                new double[] {0}, new double[] {1, 1}, new double[][] {{0, 1}});
        assertThrows(IllegalArgumentException.class, () -> PatternHistory.mean(List.of(history(1), other)));
    }
}
