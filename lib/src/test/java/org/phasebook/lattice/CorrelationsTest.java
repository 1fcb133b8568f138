package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

    private static byte[] randomSites(int n, int states, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) rng.nextInt(states);
        }
        return s;
    }

    /** The definition, summed directly over all sites. */
    private static double direct(byte[] s, int side, int dim, int x, int y, int dx, int dy) {
        int n = s.length;
        double nx = 0;
        double ny = 0;
        double pair = 0;
        for (int i = 0; i < n; i++) {
            int px = i % side;
            int py = i / side;
            int j = dim == 1 ? (px + dx) % side : (px + dx) % side + side * ((py + dy) % side);
            if (s[i] == x) {
                nx++;
                if (s[j] == y) {
                    pair++;
                }
            }
            if (s[i] == y) {
                ny++;
            }
        }
        return pair / n - (nx / n) * (ny / n);
    }

    @Test
    void fieldMatchesTheDirectDoubleLoopForAnySide() {
        for (int side : new int[] {8, 12, 15}) {
            Correlations c = new Correlations(side, 2, side / 2, Correlations.Averaging.AXIS);
            byte[] s = randomSites(side * side, 3, 17L + side);
            for (int[] xy : new int[][] {{1, 1}, {1, 2}, {2, 0}}) {
                double[] f = c.field(s, xy[0], xy[1]);
                for (int dy = 0; dy < side; dy++) {
                    for (int dx = 0; dx < side; dx++) {
                        assertEquals(direct(s, side, 2, xy[0], xy[1], dx, dy), f[dx + side * dy], 1e-12,
                                "L=" + side + " " + xy[0] + xy[1] + " at " + dx + "," + dy);
                    }
                }
            }
        }
        for (int side : new int[] {64, 100}) {
            Correlations c = new Correlations(side, 1, 10, Correlations.Averaging.AXIS);
            byte[] s = randomSites(side, 3, 5L);
            double[] f = c.field(s, 2, 1);
            for (int dx = 0; dx < side; dx++) {
                assertEquals(direct(s, side, 1, 2, 1, dx, 0), f[dx], 1e-12);
            }
        }
    }

    @Test
    void checkerboardHasAlternatingQuarterCorrelations() {
        int side = 10;
        byte[] s = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                s[x + side * y] = (byte) (((x + y) & 1) == 0 ? 1 : 2);
            }
        }
        Correlations c = new Correlations(side, 2, 5, Correlations.Averaging.AXIS);
        double[] aa = c.profile(s, 1, 1);
        double[] ab = c.profile(s, 1, 2);
        for (int r = 0; r <= 5; r++) {
            double sign = (r % 2 == 0) ? 1 : -1;
            assertEquals(0.25 * sign, aa[r], 1e-13, "C_11(" + r + ")");
            assertEquals(-0.25 * sign, ab[r], 1e-13, "C_12(" + r + ")");
        }
        assertEquals(0.5, c.density(s, 1));
        assertEquals(0.0, c.density(s, 0));
    }

    @Test
    void radialProfileAveragesShellsOfTheDirectField() {
        int side = 12;
        byte[] s = randomSites(side * side, 2, 99L);
        Correlations c = new Correlations(side, 2, 6, Correlations.Averaging.RADIAL);
        double[] p = c.profile(s, 1, 1);
        double[] sum = new double[7];
        int[] count = new int[7];
        for (int dy = -5; dy <= 6; dy++) {
            for (int dx = -5; dx <= 6; dx++) {
                long bin = Math.round(Math.hypot(dx, dy));
                if (bin <= 6) {
                    sum[(int) bin] += direct(s, side, 2, 1, 1, Math.floorMod(dx, side), Math.floorMod(dy, side));
                    count[(int) bin]++;
                }
            }
        }
        assertEquals(1, count[0]);
        for (int r = 0; r <= 6; r++) {
            assertEquals(sum[r] / count[r], p[r], 1e-12, "r=" + r);
        }
        double rho = c.density(s, 1);
        assertEquals(rho * (1 - rho), p[0], 1e-12);
    }

    @Test
    void correlationLengthOfAnExponentialProfileIsItsScale() {
        double xi = 3.7;
        double[] p = new double[20];
        for (int r = 0; r < p.length; r++) {
            p[r] = 0.2 * Math.exp(-r / xi);
        }
        // linear interpolation of a convex function overestimates slightly; within 1%
        assertEquals(xi, Correlations.correlationLength(p), 0.01 * xi);
        assertTrue(Double.isNaN(Correlations.correlationLength(new double[] {1.0, 0.9, 0.8})));
        assertTrue(Double.isNaN(Correlations.correlationLength(new double[] {0.0, 0.0})));
    }

    @Test
    void meanProfileAveragesSnapshotsAndUncorrelatedSitesGiveZero() {
        int side = 64;
        Correlations c = new Correlations(side, 2, 8, Correlations.Averaging.AXIS);
        List<byte[]> snaps = List.of(randomSites(side * side, 3, 1L), randomSites(side * side, 3, 2L),
                randomSites(side * side, 3, 3L), randomSites(side * side, 3, 4L));
        double[] mean = c.meanProfile(snaps, 1, 2);
        double[] first = c.profile(snaps.get(0), 1, 2);
        double[] manual = new double[9];
        for (byte[] s : snaps) {
            double[] p = c.profile(s, 1, 2);
            for (int r = 0; r <= 8; r++) {
                manual[r] += p[r] / 4;
            }
        }
        for (int r = 0; r <= 8; r++) {
            assertEquals(manual[r], mean[r], 1e-15);
        }
        assertEquals(-1.0 / 9.0, mean[0], 0.01);
        for (int r = 1; r <= 8; r++) {
            // independent sites: |C| ~ (1/3)(1/sqrt(4 * 4N))
            assertEquals(0.0, mean[r], 0.006, "r=" + r);
        }
        assertTrue(first[0] < 0);
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Correlations(16, 3, 4, Correlations.Averaging.AXIS));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Correlations(16, 2, 9, Correlations.Averaging.AXIS));
        Correlations c = new Correlations(16, 2, 4, Correlations.Averaging.RADIAL);
        assertThrows(IllegalArgumentException.class, () -> c.profile(new byte[15], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> c.profile(new byte[256], -1, 1));
        assertThrows(IllegalArgumentException.class, () -> c.meanProfile(List.of(), 1, 1));
    }
}
