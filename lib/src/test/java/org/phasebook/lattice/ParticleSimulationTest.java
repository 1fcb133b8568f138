package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Invariants, reproducibility and clocks of the particle-list engine. */
class ParticleSimulationTest {

    @Test
    void annihilationKeepsListAndLatticeConsistentAndRemovesPairs() {
        for (int dimension = 1; dimension <= 2; dimension++) {
            ParticleSimulation sim = ParticleSimulation.of(
                    Annihilation.annihilation(1.0, dimension, dimension == 1 ? 997 : 31, 0.7), 5L);
            int parity = sim.particles() % 2;
            int initial = sim.particles();
            int previous = initial;
            while (sim.particles() > 1) {
                sim.attempt(37);
                assertTrue(sim.consistent(), "list and lattice disagree at t = " + sim.time());
                assertEquals(parity, sim.particles() % 2, "A + A -> 0 removes pairs");
                assertTrue(sim.particles() <= previous);
                previous = sim.particles();
            }
            assertEquals(0, sim.count(2));
            assertEquals(initial, sim.particles() + 2 * sim.reactions());
        }
    }

    @Test
    void coagulationRemovesOneParticlePerReaction() {
        ParticleSimulation sim = ParticleSimulation.of(
                Annihilation.coagulation(1.0, 2, 23, 1.0), 6L);
        int initial = sim.particles();
        assertEquals(23 * 23, initial);
        sim.advanceTo(50.0);
        assertTrue(sim.consistent());
        assertEquals(initial, sim.particles() + sim.reactions());
        assertTrue(sim.reactions() > 0);
    }

    @Test
    void twoSpeciesConserveTheDifferenceAndNeverShareASite() {
        for (int dimension = 1; dimension <= 2; dimension++) {
            ParticleSimulation sim = ParticleSimulation.of(
                    new TwoSpeciesAnnihilation(1.0, dimension, dimension == 1 ? 1009 : 33, 0.3),
                    8L);
            int difference = sim.count(1) - sim.count(2);
            int initial = sim.particles();
            for (int k = 0; k < 2000 && sim.count(1) > 0 && sim.count(2) > 0; k++) {
                sim.attempt(53);
                assertTrue(sim.consistent(), "list and lattice disagree at t = " + sim.time());
                assertEquals(difference, sim.count(1) - sim.count(2), "n_A - n_B is conserved");
            }
            assertEquals(initial, sim.particles() + 2 * sim.reactions());
        }
    }

    @Test
    void frontStripConservesTheDifferenceAndRecordsEveryReaction() {
        ReactionFrontStrip model = new ReactionFrontStrip(1.0, 64, 5, 0.9, 0.6);
        ParticleSimulation sim = ParticleSimulation.of(model, 9L);
        int difference = sim.count(1) - sim.count(2);
        long[] histogram = new long[2 * 64 - 1];
        sim.recordReactionsInto(histogram);
        for (int k = 0; k < 200; k++) {
            sim.attempt(101);
            assertTrue(sim.consistent());
            assertEquals(difference, sim.count(1) - sim.count(2));
        }
        long recorded = 0;
        for (long c : histogram) {
            recorded += c;
        }
        assertEquals(sim.reactions(), recorded);
    }

    @Test
    void frontStripIsClosedAlongX() {
        // full halves: the only reactions are at the central interface, whose holes cannot
        // reach the ends by t = 5; a periodic seam would make A at x = 0 and B at x = 63 react
        ParticleSimulation sim = ParticleSimulation.of(
                new ReactionFrontStrip(1.0, 64, 5, 1.0, 1.0), 10L);
        sim.advanceTo(5.0);
        assertTrue(sim.reactions() > 0);
        byte[] states = sim.siteStates();
        for (int y = 0; y < 5; y++) {
            assertEquals(1, states[64 * y], "x = 0, y = " + y);
            assertEquals(2, states[64 * y + 63], "x = 63, y = " + y);
        }
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedAnother() {
        TwoSpeciesAnnihilation model = new TwoSpeciesAnnihilation(1.0, 2, 64, 0.25);
        ParticleSimulation a = ParticleSimulation.of(model, 42L);
        ParticleSimulation b = ParticleSimulation.of(model, 42L);
        ParticleSimulation c = ParticleSimulation.of(model, 43L);
        a.advanceTo(20.0);
        b.advanceTo(20.0);
        c.advanceTo(20.0);
        assertArrayEquals(a.siteStates(), b.siteStates());
        assertEquals(a.attempts(), b.attempts());
        assertEquals(a.time(), b.time(), 0.0);
        assertFalse(java.util.Arrays.equals(a.siteStates(), c.siteStates()));
        // the exponential clock is reproducible too
        Annihilation aa = Annihilation.annihilation(1.0, 1, 4096, 1.0);
        ParticleSimulation e1 = ParticleSimulation.of(aa, 3L, ParticleSimulation.Clock.EXPONENTIAL);
        ParticleSimulation e2 = ParticleSimulation.of(aa, 3L, ParticleSimulation.Clock.EXPONENTIAL);
        e1.advanceTo(10.0);
        e2.advanceTo(10.0);
        assertArrayEquals(e1.siteStates(), e2.siteStates());
        assertEquals(e1.attempts(), e2.attempts());
    }

    @Test
    void meanClockAdvancesOneOverNhPerAttempt() {
        // A + B at low density: no reaction within the first few attempts is likely, so the
        // time after k attempts is exactly k / (n h) while n is unchanged
        ParticleSimulation sim = ParticleSimulation.of(
                new TwoSpeciesAnnihilation(2.5, 1, 100_000, 0.001), 1L);
        int n = sim.particles();
        sim.attempt(10);
        assertEquals(n, sim.particles());
        assertEquals(10.0 / (n * 2.5), sim.time(), 1e-15);
        sim.advanceTo(1.0);
        assertEquals(1.0, sim.time(), 0.0);
        assertEquals(n * 2.5, sim.attempts(), 0.01 * n * 2.5 + 2.0);
    }

    @Test
    void exponentialClockGivesTheSameExactDecay() {
        // the exact CTMC obeys the same Glauber density as the mean clock (AnnihilationTest);
        // 2^16 sites leave ~ 900 particles at t = 256: 4% noise is allowed
        Annihilation model = Annihilation.annihilation(1.0, 1, 1 << 16, 1.0);
        double[] times = {4.0, 16.0, 64.0, 256.0};
        double[] rho = DecayCurve.sample(
                ParticleSimulation.of(model, 11L, ParticleSimulation.Clock.EXPONENTIAL), times)
                .densityA();
        for (int k = 0; k < times.length; k++) {
            double exact = AnnihilationTest.scaledBesselI(0, 4.0 * model.diffusionConstant()
                    * times[k]);
            assertEquals(1.0, rho[k] / exact, 0.04, "t = " + times[k]);
        }
    }

    @Test
    void emptyLatticeJumpsToTheTarget() {
        ParticleSimulation sim = ParticleSimulation.of(
                Annihilation.annihilation(1.0, 1, 4, 1.0), 2L);
        sim.advanceTo(1e6);
        assertEquals(0, sim.particles());
        assertEquals(1e6, sim.time(), 0.0);
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        ParticleSimulation sim = ParticleSimulation.of(
                Annihilation.annihilation(1.0, 1, 16, 1.0), 2L);
        assertThrows(IllegalArgumentException.class, () -> sim.count(3));
        assertThrows(IllegalArgumentException.class, () -> sim.attempt(-1));
        assertThrows(IllegalArgumentException.class, () -> sim.advanceTo(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.recordReactionsInto(new long[16]));
        assertTrue(e.getMessage().contains("31"), e.getMessage());
    }
}
