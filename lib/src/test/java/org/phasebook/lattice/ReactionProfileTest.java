package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gálfi–Rácz front: event bookkeeping, symmetry, drift and broadening. */
class ReactionProfileTest {

    @Test
    void histogramIsBinnedOnUnitCellsAndMomentsAreExact() {
        // length 4: half-site bins 0..6 at x = 0, 0.5, ..., 3
        long[] h = {2, 1, 0, 3, 4, 0, 0};
        ReactionProfile p = ReactionProfile.fromHistogram(h, 1.0, 3.0, 2);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, p.positions());
        // cell 0.5: 2 (x=0, end) + 1 (x=0.5); cell 1.5: 3 + 2 (half of x=2); cell 2.5: 2
        double norm = 1.0 / (2 * 2.0);
        assertArrayEquals(new double[] {3 * norm, 5 * norm, 2 * norm}, p.rate(), 1e-15);
        assertEquals(10, p.events());
        double mean = (2 * 0.0 + 1 * 0.5 + 3 * 1.5 + 4 * 2.0) / 10.0;
        assertEquals(mean, p.centre(), 1e-15);
        double var = (2 * mean * mean + Math.pow(0.5 - mean, 2) + 3 * Math.pow(1.5 - mean, 2)
                + 4 * Math.pow(2.0 - mean, 2)) / 10.0;
        assertEquals(Math.sqrt(var), p.width(), 1e-15);
    }

    @Test
    void eventsEqualTheLossOfEachSpecies() {
        ParticleSimulation sim = ParticleSimulation.of(
                new ReactionFrontStrip(1.0, 128, 8, 0.5, 0.5), 3L);
        sim.advanceTo(5.0);
        int a0 = sim.count(1);
        List<ReactionProfile> ps = ReactionProfile.measure(sim, new double[] {5.0, 20.0, 50.0});
        long events = ps.get(0).events() + ps.get(1).events();
        assertEquals(a0 - sim.count(1), events);
        double integral = 0.0;
        for (double r : ps.get(1).rate()) {
            integral += r; // unit cells
        }
        assertEquals(ps.get(1).events(), integral * 8 * 30.0, 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> ReactionProfile.measure(sim, new double[] {10.0, 60.0}));
    }

    @Test
    void symmetricFrontStaysAtTheInterfaceBroadensAndEatsTheDiffusiveFlux() {
        ReactionFrontStrip model = new ReactionFrontStrip(1.0, 256, 128, 0.5, 0.5);
        List<ReactionProfile> ps = ReactionProfile.measure(ParticleSimulation.of(model, 5L),
                new double[] {10.0, 20.0, 160.0, 320.0});
        ReactionProfile early = ps.get(0);
        ReactionProfile late = ps.get(2);
        // by symmetry the centre stays at x0 (~ 40 and ~ 200 events, widths ~ 1.2 and ~ 2.5)
        assertEquals(model.interfacePosition(), early.centre(), 0.5);
        assertEquals(model.interfacePosition(), late.centre(), 1.0);
        // MF width ~ t^(1/6) gives 1.6 over a factor 16 in time; seeds 5..10 give 1.8..2.4
        double growth = late.width() / early.width();
        assertTrue(growth > 1.4 && growth < 3.0, "width growth " + growth);
        // <n_A - n_B> obeys the lattice diffusion equation exactly (an A-B annihilation moves
        // one unit of n_A - n_B across the bond, like a hop), so the front consumes the flux
        // a0 sqrt(D / (pi t)) per row: 189 events in [160, 320], with ~ 7% Poisson noise
        double d = model.diffusionConstant();
        double expected = model.densityA() * Math.sqrt(d / Math.PI) * 2.0
                * (Math.sqrt(320.0) - Math.sqrt(160.0)) * model.width();
        assertEquals(1.0, late.events() / expected, 0.2, "events / diffusive flux");
    }

    @Test
    void unequalDensitiesPushTheFrontIntoTheMinorityAsSquareRootOfTime() {
        ReactionFrontStrip model = new ReactionFrontStrip(1.0, 256, 128, 0.8, 0.2);
        List<ReactionProfile> ps = ReactionProfile.measure(ParticleSimulation.of(model, 6L),
                new double[] {50.0, 70.0, 800.0, 1000.0});
        double early = ps.get(0).centre() - model.interfacePosition();
        double late = ps.get(2).centre() - model.interfacePosition();
        assertTrue(early > 1.0, "the front moves into B, got " + early);
        // centre ~ sqrt(t): a factor 15 in time gives ~ 3.9 in displacement; seeds 6..11 give
        // 3.4..4.6 (a linear drift would give 15, diffusion-free fronts 1)
        assertEquals(Math.sqrt(900.0 / 60.0), late / early, 1.0, "x_c(900) / x_c(60)");
    }
}
