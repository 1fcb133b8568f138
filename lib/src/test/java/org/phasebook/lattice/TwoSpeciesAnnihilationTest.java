package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Segregation oracles for {@code A + B -> 0} (Toussaint–Wilczek): each density decays as
 * {@code sqrt(rho0 / pi) (8 pi D t)^(-d/4)}, exponent 1/4 in 1D and 1/2 in 2D, approached from
 * above. Bands are set from single fixed-seed runs: the 1D amplitude at {@code t = 10^4} on
 * {@code 2^16} sites carries about 7% noise (some 180 domains of size {@code sqrt(8 pi D t)}),
 * and a rule error (same species annihilating: slope 1/2; mean field: slope 1) is far outside.
 */
class TwoSpeciesAnnihilationTest {

    @Test
    void parametersAreValidatedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TwoSpeciesAnnihilation(1.0, 1, 100, 0.6));
        assertTrue(e.getMessage().contains("initialDensity") && e.getMessage().contains("0.6"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TwoSpeciesAnnihilation(Double.NaN, 1, 100, 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> new TwoSpeciesAnnihilation(1.0, 2, 2, 0.2));
        TwoSpeciesAnnihilation m = new TwoSpeciesAnnihilation(2.0, 2, 10, 0.25);
        assertEquals(0.5, m.diffusionConstant(), 0.0);
        assertEquals(4.0, m.meanFieldRate(), 0.0);
        assertEquals(Math.sqrt(0.25 / Math.PI) / Math.sqrt(8.0 * Math.PI * 0.5 * 3.0),
                m.asymptoticDensity(3.0), 1e-15);
    }

    @Test
    void bernoulliStartHasTheRequestedDensities() {
        TwoSpeciesAnnihilation m = new TwoSpeciesAnnihilation(1.0, 2, 512, 0.4);
        ParticleSimulation sim = ParticleSimulation.of(m, 1L);
        double n = m.sites();
        // binomial standard deviation sqrt(0.4 * 0.6 / n) ~ 1e-3
        assertEquals(0.4, sim.count(1) / n, 0.005);
        assertEquals(0.4, sim.count(2) / n, 0.005);
    }

    @Test
    void oneDimensionalDensityDecaysWithExponentOneQuarter() {
        TwoSpeciesAnnihilation model = new TwoSpeciesAnnihilation(1.0, 1, 1 << 16, 0.4);
        double[] times = {100.0, 1000.0, 10000.0};
        DecayCurve curve = DecayCurve.sample(ParticleSimulation.of(model, 2024L), times);
        double[] a = curve.densityA();
        double[] b = curve.densityB();
        double[] each = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            each[k] = 0.5 * (a[k] + b[k]);
        }
        double slope = -Math.log(each[2] / each[0]) / Math.log(times[2] / times[0]);
        assertEquals(0.25, slope, 0.03, "log-log slope over t in [100, 10^4]");
        double ratioEarly = each[0] / model.asymptoticDensity(times[0]);
        double ratioLate = each[2] / model.asymptoticDensity(times[2]);
        assertEquals(1.0, ratioLate, 0.12, "rho / TW amplitude at t = 10^4");
        assertTrue(ratioEarly > 1.0, "approach from above, got " + ratioEarly + " at t = 100");
        assertTrue(each[2] > 100.0 * model.meanFieldDensity(times[2]),
                "segregation makes the decay far slower than the mean field");
    }

    @Test
    void twoDimensionalDensityDecaysWithExponentOneHalf() {
        TwoSpeciesAnnihilation model = new TwoSpeciesAnnihilation(1.0, 2, 256, 0.4);
        double[] times = {30.0, 300.0};
        double[] total = DecayCurve.sample(ParticleSimulation.of(model, 77L), times).total();
        double slope = -Math.log(total[1] / total[0]) / Math.log(times[1] / times[0]);
        // ~0.58 at this scale (still approaching 1/2 from above, see the amplitude ratio)
        assertTrue(slope > 0.45 && slope < 0.70, "2D log-log slope " + slope);
        double ratio = 0.5 * total[1] / model.asymptoticDensity(times[1]);
        assertTrue(ratio > 1.0 && ratio < 1.4, "rho / TW amplitude at t = 300: " + ratio);
    }
}
