package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernels' two division-free neighbour computations against {@link Lattice#neighbour}. */
class SiteKernelTest {

    /** A kernel with no rule: only its geometry fields are used here. */
    private static SiteKernel geometryOf(Lattice lattice) {
        return new SiteKernel(lattice) {
            @Override
            void loop(byte[] s, int[] counts, long attempts, SplittableRandom random) {
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 7, 8, 16, 100, 128, 255, 256, 1000, 1024})
    void squareNeighboursMatchTheLattice(int side) {
        assertNeighboursMatch(Lattice.square(side));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 8, 1000, 1024, 1 << 16})
    void ringNeighboursMatchTheLattice(int side) {
        assertNeighboursMatch(Lattice.ring(side));
    }

    private static void assertNeighboursMatch(Lattice lattice) {
        SiteKernel k = geometryOf(lattice);
        boolean powerOfTwo = Integer.bitCount(lattice.side()) == 1;
        if (powerOfTwo) {
            assertNotNull(k.wrapMasks, "a power-of-two side uses the masked neighbour");
        } else {
            assertNull(k.wrapMasks, "only a power-of-two side may use the masked neighbour");
        }
        for (int i = 0; i < lattice.sites(); i++) {
            for (int dir = 0; dir < lattice.coordination(); dir++) {
                int expected = lattice.neighbour(i, dir);
                assertEquals(expected, SiteKernel.neighbour(i, dir, k.side, k.magic, k.shift),
                        () -> lattice + " multiply-shift neighbour");
                if (powerOfTwo) {
                    assertEquals(expected, SiteKernel.maskedNeighbour(i, dir, k.wrapMasks, k.steps),
                            () -> lattice + " masked neighbour");
                }
            }
        }
    }
}
