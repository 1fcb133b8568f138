package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatticeTest {

    @Test
    void geometryCountsSitesAndNeighbours() {
        assertEquals(7, Lattice.ring(7).sites());
        assertEquals(2, Lattice.ring(7).coordination());
        assertEquals(49, Lattice.square(7).sites());
        assertEquals(4, Lattice.square(7).coordination());
        Lattice sq = Lattice.square(5);
        assertEquals(13, sq.index(3, 2));
        assertEquals(3, sq.x(13));
        assertEquals(2, sq.y(13));
    }

    @Test
    void neighboursWrapPeriodically() {
        Lattice ring = Lattice.ring(5);
        assertEquals(0, ring.neighbour(4, 0));
        assertEquals(4, ring.neighbour(0, 1));
        Lattice sq = Lattice.square(4);
        assertEquals(sq.index(0, 1), sq.neighbour(sq.index(3, 1), 0));
        assertEquals(sq.index(3, 1), sq.neighbour(sq.index(0, 1), 1));
        assertEquals(sq.index(2, 0), sq.neighbour(sq.index(2, 3), 2));
        assertEquals(sq.index(2, 3), sq.neighbour(sq.index(2, 0), 3));
    }

    @Test
    void neighboursAreDistinctAndOppositeDirectionsInvert() {
        for (Lattice lattice : new Lattice[] {Lattice.ring(3), Lattice.square(3), Lattice.square(6)}) {
            for (int i = 0; i < lattice.sites(); i++) {
                Set<Integer> nb = new HashSet<>();
                for (int k = 0; k < lattice.coordination(); k++) {
                    int j = lattice.neighbour(i, k);
                    assertNotEquals(i, j);
                    nb.add(j);
                    assertEquals(i, lattice.neighbour(j, k ^ 1));
                }
                assertEquals(lattice.coordination(), nb.size());
            }
        }
    }

    @Test
    void kernelNeighbourAgreesWithThePlainFormula() {
        int[] sides = {3, 4, 5, 7, 8, 100, 127, 128, 129, 1000, 1023};
        for (int side : sides) {
            for (int d = 1; d <= 2; d++) {
                Lattice lattice = new Lattice(d, side);
                SiteKernel kernel = new ContactProcess(1, 1).kernel(lattice);
                for (int i = 0; i < lattice.sites(); i++) {
                    for (int k = 0; k < lattice.coordination(); k++) {
                        assertEquals(lattice.neighbour(i, k),
                                SiteKernel.neighbour(i, k, side, kernel.magic, kernel.shift),
                                "L=" + side + " d=" + d + " i=" + i + " k=" + k);
                    }
                }
            }
        }
    }

    @Test
    void divisionByMultiplyShiftIsExactUpToTheLargestSite() {
        for (int side : new int[] {3, 1000, 32768, 32767, 12345}) {
            SiteKernel kernel = new ContactProcess(1, 1).kernel(Lattice.square(side));
            int n = side * side;
            for (int i : new int[] {0, side - 1, side, n / 2, n - side, n - side - 1, n - 1}) {
                assertEquals(i / side, (int) ((i * kernel.magic) >>> kernel.shift), "L=" + side + " i=" + i);
            }
        }
        // every i < 2^31 for a large ring
        SiteKernel ring = new ContactProcess(1, 1).kernel(Lattice.ring(1 << 30));
        assertEquals(0, (int) (((1 << 30) - 1) * ring.magic >>> ring.shift));
    }

    @Test
    void invalidGeometriesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lattice.square(2));
        assertTrue(e.getMessage().contains("L") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Lattice(3, 10));
        assertTrue(e.getMessage().contains("dimension") && e.getMessage().contains("3"));
        assertThrows(IllegalArgumentException.class, () -> Lattice.square(40000));
        assertThrows(IllegalArgumentException.class, () -> Lattice.square(5).neighbour(25, 0));
        assertThrows(IllegalArgumentException.class, () -> Lattice.ring(5).neighbour(0, 2));
    }
}
