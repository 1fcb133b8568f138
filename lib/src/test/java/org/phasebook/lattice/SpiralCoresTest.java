package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpiralCoresTest {

    /**
     * A one-armed three-species spiral of arm spacing ell around the centre (L/2, L/2): phase
     * r/ell + turn * theta/(2 pi), each third of a turn one species. turn = -1 makes the species go
     * 3 -> 2 -> 1 as theta grows (counter-clockwise with y up), turn = +1 the other way.
     */
    private static byte[] spiral(int side, double ell, int turn) {
        byte[] s = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double dx = x - side / 2.0 + 0.5;
                double dy = y - side / 2.0 + 0.5;
                double phase = Math.hypot(dx, dy) / ell + turn * Math.atan2(dy, dx) / (2 * Math.PI);
                double frac = phase - Math.floor(phase);
                s[x + side * y] = (byte) (1 + (int) (3 * frac));
            }
        }
        return s;
    }

    private static List<SpiralCores.Core> near(SpiralCores.Count count, int cx, int cy, int radius) {
        return count.cores().stream()
                .filter(c -> Math.abs(c.x() - cx) <= radius && Math.abs(c.y() - cy) <= radius).toList();
    }

    @Test
    void windingOfSinglePlaquettes() {
        assertEquals(1, SpiralCores.winding(1, 2, 3, 1));     // steps +1 +1 +1 0
        assertEquals(1, SpiralCores.winding(1, 2, 2, 3));     // +1 0 +1 +1
        assertEquals(-1, SpiralCores.winding(1, 3, 2, 1));    // the reverse path
        assertEquals(0, SpiralCores.winding(1, 1, 1, 1));
        assertEquals(0, SpiralCores.winding(1, 2, 1, 2));     // two species never wind
        assertEquals(0, SpiralCores.winding(1, 2, 3, 2));     // +1 +1 -1 -1: all three, not cyclic
        assertEquals(SpiralCores.UNDETERMINED, SpiralCores.winding(1, 2, 0, 3));
    }

    @Test
    void plantedSpiralHasOneCoreOfTheRightChargeAtItsCentre() {
        int side = 64;
        for (int block : new int[] {1, 2, 4}) {
            SpiralCores cores = new SpiralCores(side, block);
            for (int turn : new int[] {-1, 1}) {
                SpiralCores.Count count = cores.count(spiral(side, 20, turn));
                List<SpiralCores.Core> centre = near(count, side / 2, side / 2, 2 * block);
                assertEquals(1, centre.size(), "block " + block + ", turn " + turn + ": " + count.cores());
                // the plaquette path (X,Y)->(X+1,Y)->(X+1,Y+1) is counter-clockwise for y up,
                // along which the phase changes by +turn
                assertEquals(turn, centre.get(0).charge(), "block " + block);
                // the seams of the periodic box carry the opposite charge
                assertEquals(0, count.undetermined());
                assertEquals(0, count.netCharge());
            }
        }
    }

    @Test
    void stripesHaveNoCores() {
        int side = 48;
        byte[] straight = new byte[side * side];
        byte[] diagonal = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                straight[x + side * y] = (byte) (1 + (3 * x / side));        // three bands, cyclic across the seam
                diagonal[x + side * y] = (byte) (1 + ((x + y) / 4) % 3);     // period 12 along x + y
            }
        }
        for (int block : new int[] {1, 2, 4, 8}) {
            SpiralCores cores = new SpiralCores(side, block);
            assertEquals(0, cores.count(straight).total(), "straight, block " + block);
            assertEquals(0, cores.count(diagonal).total(), "diagonal, block " + block);
        }
    }

    @Test
    void chargesOfAFullyDeterminedPeriodicFieldSumToZero() {
        int side = 32;
        SplittableRandom random = new SplittableRandom(7);
        byte[] sites = new byte[side * side];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = (byte) (1 + random.nextInt(3));
        }
        SpiralCores.Count count = new SpiralCores(side, 1).count(sites);
        assertEquals(0, count.undetermined());
        assertEquals(side * side, count.plaquettes());
        assertTrue(count.total() > 50, "a random field is full of cores: " + count.total());
        assertEquals(0, count.netCharge());
        // brute force: the windings of all plaquettes, in the order of the class comment
        int plus = 0;
        int minus = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int x1 = (x + 1) % side;
                int y1 = (y + 1) % side;
                int w = SpiralCores.winding(sites[x + side * y], sites[x1 + side * y], sites[x1 + side * y1],
                        sites[x + side * y1]);
                plus += w == 1 ? 1 : 0;
                minus += w == -1 ? 1 : 0;
            }
        }
        assertEquals(plus + minus, count.total());
        assertEquals(plus - minus, count.netCharge());
    }

    @Test
    void majorityIgnoresEmptySitesAndBreaksTwoWayTiesForThePredator() {
        // L = 4, blocks of 2: top left {1,1,2,0} -> 1; top right {1,2,3,0}, a three-way tie -> 0;
        // bottom left {2,3,3,2}, a tie of 2 and its prey 3 -> 2; bottom right {3,1,0,0}: 3 eats 1 -> 3
        byte[] sites = {
            1, 1, 1, 2,
            2, 0, 3, 0,
            2, 3, 3, 1,
            3, 2, 0, 0};
        SpiralCores cores = new SpiralCores(4, 2);
        assertArrayEquals(new byte[] {1, 0, 2, 3}, cores.majority(sites));
        SpiralCores.Count count = cores.count(sites);
        assertEquals(4, count.undetermined()); // every plaquette of the 2 x 2 coarse torus has the top right cell
        assertEquals(0, count.total());
        assertArrayEquals(new byte[4], cores.majority(new byte[16]), "empty blocks are undetermined");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SpiralCores(64, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpiralCores(60, 8));
        assertThrows(IllegalArgumentException.class, () -> new SpiralCores(8, 8));
        SpiralCores cores = new SpiralCores(8, 2);
        assertThrows(IllegalArgumentException.class, () -> cores.count(new byte[63]));
        byte[] four = new byte[64];
        four[5] = 4;
        assertThrows(IllegalArgumentException.class, () -> cores.count(four));
    }
}
