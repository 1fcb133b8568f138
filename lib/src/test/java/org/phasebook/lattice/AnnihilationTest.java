package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Oracles for {@code A + A -> 0} and {@code A + A -> A} on the particle engine.
 *
 * <p>In 1D, diffusion-limited annihilation from the full lattice is the zero-temperature Glauber
 * chain's domain-wall dynamics, whose density is known exactly:
 * {@code rho(t) = e^(-4Dt) I_0(4Dt)} (and {@code e^(-4Dt) [I_0 + I_1](4Dt)} for coagulation,
 * by the empty-interval method), tending to {@code (8 pi D t)^(-1/2)} and
 * {@code (2 pi D t)^(-1/2)}. One run at {@code L = 2^20} costs under a second; it leaves about
 * 9000 particles at {@code t = 1024} and 4600 at {@code t = 4096}, so the relative noise of the
 * density is about 1% and 1.5% there (single seeds reach 2.3% at the last points) and far smaller
 * at early times. The band is therefore the brief's 2% up to {@code t = 1024} and 3% beyond; a
 * factor-2 error in the rule (coagulating instead of annihilating, or a wrong {@code D}) is far
 * outside either.
 */
class AnnihilationTest {

    @Test
    void parametersAreValidatedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Annihilation.annihilation(1.0, 1, 2, 1.0));
        assertTrue(e.getMessage().contains("side") && e.getMessage().contains("2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Annihilation.annihilation(1.0, 3, 16, 1.0));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Annihilation.annihilation(0.0, 1, 16, 1.0));
        assertTrue(e.getMessage().contains("hopRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Annihilation.annihilation(1.0, 1, 16, 1.5));
        assertTrue(e.getMessage().contains("initialDensity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Annihilation.annihilation(1.0, 2, 1 << 16, 1.0));
        assertTrue(e.getMessage().contains("2^30"), e.getMessage());
    }

    @Test
    void diffusionConstantAndMeanFieldFollowTheRule() {
        Annihilation a = Annihilation.annihilation(3.0, 2, 16, 0.5);
        assertEquals(0.75, a.diffusionConstant(), 0.0);
        assertEquals(6.0, a.meanFieldRate(), 0.0);
        assertEquals(0.5 / (1.0 + 6.0 * 0.5 * 2.0), a.meanFieldDensity(2.0), 1e-15);
        assertEquals(3.0, Annihilation.coagulation(3.0, 2, 16, 0.5).meanFieldRate(), 0.0);
        assertEquals(256, a.sites());
    }

    @Test
    void fullStartIn1DDecaysWithTheExactGlauberDensity() {
        Annihilation model = Annihilation.annihilation(1.0, 1, 1 << 20, 1.0);
        double[] times = DecayCurve.logTimes(1.0, 4096.0, 4);
        double[] rho = DecayCurve.sample(ParticleSimulation.of(model, 20260101L), times)
                .densityA();
        double x4d = 4.0 * model.diffusionConstant();
        for (int k = 0; k < times.length; k++) {
            double band = times[k] <= 1024.0 ? 0.02 : 0.03;
            double exact = scaledBesselI(0, x4d * times[k]);
            assertEquals(1.0, rho[k] / exact, band, "rho / exact at t = " + times[k]);
            if (times[k] >= 64.0) {
                // the amplitude of the brief: rho sqrt(8 pi D t) -> 1
                assertEquals(1.0, rho[k] / model.asymptoticDensity(times[k]), band,
                        "rho sqrt(8 pi D t) at t = " + times[k]);
            }
        }
        // depletion zones: the lattice decays far more slowly than the rate equation
        int last = times.length - 1;
        assertTrue(rho[last] > 10.0 * model.meanFieldDensity(times[last]),
                "rho = " + rho[last] + " vs mean field " + model.meanFieldDensity(times[last]));
    }

    @Test
    void coagulationIn1DDecaysWithItsExactDensity() {
        // hop rate 2 checks that the engine's clock scales with h: D = 1
        Annihilation model = Annihilation.coagulation(2.0, 1, 1 << 19, 1.0);
        double[] times = DecayCurve.logTimes(0.5, 2048.0, 4);
        double[] rho = DecayCurve.sample(ParticleSimulation.of(model, 7L), times).densityA();
        double x4d = 4.0 * model.diffusionConstant();
        for (int k = 0; k < times.length; k++) {
            double x = x4d * times[k];
            double exact = scaledBesselI(0, x) + scaledBesselI(1, x);
            assertEquals(1.0, rho[k] / exact, 0.02, "rho / exact at t = " + times[k]);
            if (times[k] >= 32.0) {
                assertEquals(1.0, rho[k] / model.asymptoticDensity(times[k]), 0.02,
                        "rho sqrt(2 pi D t) at t = " + times[k]);
            }
        }
    }

    @Test
    void twoDimensionalDecayApproachesOneOverTFromBelow() {
        // 2D is the critical dimension: rho ~ ln t / (8 pi D t), reached slowly and from above,
        // with a local exponent below 1 that still rises (brief §5: ~ +20% at t ~ 10^3).
        Annihilation model = Annihilation.annihilation(1.0, 2, 512, 1.0);
        double[] times = {25.0, 100.0, 400.0};
        double[] rho = DecayCurve.sample(ParticleSimulation.of(model, 99L), times).densityA();
        double previous = 0.0;
        for (int k = 1; k < times.length; k++) {
            double exponent = -Math.log(rho[k] / rho[k - 1]) / Math.log(times[k] / times[k - 1]);
            assertTrue(exponent > 0.75 && exponent < 1.0,
                    "local exponent " + exponent + " at t = " + times[k]);
            assertTrue(exponent > previous, "local exponent must rise, got " + exponent
                    + " after " + previous);
            previous = exponent;
            double ratio = rho[k] / model.asymptoticDensity(times[k]);
            assertTrue(ratio > 1.0 && ratio < 1.6,
                    "rho / (ln t / 8 pi D t) = " + ratio + " at t = " + times[k]);
        }
    }

    /**
     * {@code e^(-x) I_nu(x)} for {@code nu = 0, 1}: the power series below {@code x = 30}, the
     * Hankel asymptotic series above (its smallest term there is below 1e-12).
     */
    static double scaledBesselI(int nu, double x) {
        if (x < 30.0) {
            double term = nu == 0 ? 1.0 : x / 2.0; // (x/2)^nu / nu!
            double sum = term;
            double q = x * x / 4.0;
            for (int k = 1; k < 200 && term > 1e-18 * sum; k++) {
                term *= q / (k * (double) (k + nu));
                sum += term;
            }
            return sum * Math.exp(-x);
        }
        double mu = 4.0 * nu * nu;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 12; k++) {
            double odd = 2.0 * k - 1.0;
            term *= -(mu - odd * odd) / (k * 8.0 * x);
            sum += term;
        }
        return sum / Math.sqrt(2.0 * Math.PI * x);
    }

    @Test
    void scaledBesselMatchesTabulatedValues() {
        // I_0(2) = 2.2795853, I_1(2) = 1.5906369 (Abramowitz and Stegun, table 9.8); the two
        // branches must join at x = 30
        assertEquals(2.2795853 * Math.exp(-2.0), scaledBesselI(0, 2.0), 1e-7);
        assertEquals(1.5906369 * Math.exp(-2.0), scaledBesselI(1, 2.0), 1e-7);
        assertEquals(scaledBesselI(0, 29.999999), scaledBesselI(0, 30.0), 1e-8);
        assertEquals(scaledBesselI(1, 29.999999), scaledBesselI(1, 30.0), 1e-8);
    }
}
