package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatticeStateTest {

    @Test
    void setKeepsTheCountsAndCheckCountsDetectsDirectWrites() {
        LatticeState s = new LatticeState(Lattice.square(4), 2);
        assertEquals(16, s.count(0));
        s.set(3, 1);
        s.set(5, 2);
        s.set(3, 2);
        assertEquals(0, s.count(1));
        assertEquals(2, s.count(2));
        assertEquals(14, s.count(0));
        assertEquals(2, s.occupied());
        s.checkCounts();
        s.sites()[7] = 1; // bypasses the counts
        IllegalStateException e = assertThrows(IllegalStateException.class, s::checkCounts);
        assertTrue(e.getMessage().contains("count"), e.getMessage());
    }

    @Test
    void ofCopiesAndValidatesTheSites() {
        byte[] v = {0, 1, 2, 1, 0, 0, 2, 2, 2};
        LatticeState s = LatticeState.of(Lattice.square(3), 2, v);
        assertEquals(2, s.count(1));
        assertEquals(4, s.count(2));
        v[0] = 1;
        assertEquals(0, s.get(0));
        assertThrows(IllegalArgumentException.class,
                () -> LatticeState.of(Lattice.square(3), 1, new byte[] {0, 1, 2, 0, 0, 0, 0, 0, 0}));
        LatticeState c = s.copy();
        assertNotSame(s.sites(), c.sites());
        c.set(0, 2);
        assertEquals(0, s.get(0));
    }

    @Test
    void bernoulliFillHasTheRequestedDensities() {
        Lattice lattice = Lattice.square(256);
        LatticeState s = LatticeState.bernoulli(lattice, new double[] {0.3, 0.2}, new SplittableRandom(1));
        s.checkCounts();
        double sd = Math.sqrt(0.25 / lattice.sites());
        assertEquals(0.3, s.density(1), 5 * sd);
        assertEquals(0.2, s.density(2), 5 * sd);
        LatticeState again = LatticeState.bernoulli(lattice, new double[] {0.3, 0.2}, new SplittableRandom(1));
        assertTrue(java.util.Arrays.equals(s.sites(), again.sites()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeState.bernoulli(lattice, new double[] {0.7, 0.5}, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
        // a recipe fails where it is written, not when a replica first uses it
        assertThrows(IllegalArgumentException.class, () -> InitialCondition.bernoulli(0.7, 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> InitialCondition.bernoulli(0.3, -0.1));
        assertTrue(e.getMessage().contains("species 2") && e.getMessage().contains("-0.1"), e.getMessage());
    }

    @Test
    void seedInSeaPutsADiscOfTheSeedSpeciesAtTheCentre() {
        Lattice lattice = Lattice.square(41);
        LatticeState s = LotkaVolterra.predatorSeedInPrey(1.0, 3).create(lattice, new SplittableRandom(2));
        s.checkCounts();
        // lattice points with x^2 + y^2 <= 9: 29
        assertEquals(29, s.count(LotkaVolterra.PREDATOR));
        assertEquals(41 * 41 - 29, s.count(LotkaVolterra.PREY));
        assertEquals(LotkaVolterra.PREDATOR, s.get(lattice.index(20, 20)));
        assertEquals(LotkaVolterra.PREY, s.get(lattice.index(24, 20)));
        LatticeState ring = InitialCondition.seedInSea(1, 1, 0.0, 1, 2).create(Lattice.ring(11),
                new SplittableRandom(3));
        assertEquals(5, ring.count(1));
    }
}
