package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Window sums around switches on planted spectra, transition rates, and the time convention. */
class LocalStabilityTest {

    private static final JacobianSpectrum CRITICAL = new JacobianSpectrum(
            new double[] {0.0, 0.0, 0.3}, new double[] {1.0, -1.0, 0.0}); // e^{+-i pi/2}: w = +-i
    private static final JacobianSpectrum QUIET = new JacobianSpectrum(new double[] {0.1, 1.5}, new double[2]);

    @Test
    void criticalPairsAreSummedOverTheWindowOfEachSwitch() {
        int n = 40;
        JacobianSpectrum[] spectra = new JacobianSpectrum[n];
        for (int t = 0; t < n; t++) {
            spectra[t] = t == 8 || t == 12 || t == 27 ? CRITICAL : QUIET;
        }
        int[] outputs = new int[n + 1];
        for (int t = 10; t <= n; t++) {
            outputs[t] = t < 25 ? 1 : (t < 38 ? 0 : 1);
        }
        // Switches at rows 10, 25 and 38; half-window 5: rows 5..14 (two critical), 20..29 (one),
        // 33..42 does not fit in 40 spectra.
        MeanSd m = LocalStability.criticalPairsAroundSwitches(spectra, outputs, 5, CriticalityCriteria.STANDARD);
        assertEquals(2, m.count());
        assertEquals(1.5, m.mean(), 1e-15);
        assertEquals(Math.sqrt(0.5), m.sd(), 1e-15);
        assertArrayEquals(new int[] {1, 0}, new int[] {CRITICAL.criticalPairs(CriticalityCriteria.STANDARD),
            QUIET.criticalPairs(CriticalityCriteria.STANDARD)});
        double[] f = LocalStability.fractions(spectra, CriticalityCriteria.STANDARD);
        assertEquals(3.0 / 40, f[0], 1e-15);
        assertEquals(37.0 / 40, f[1], 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> LocalStability.criticalPairsAroundSwitches(spectra, outputs, 0, CriticalityCriteria.STANDARD));
    }

    @Test
    void switchCountsByDirection() {
        int[] outputs = {0, 0, 2, 2, 0, 1, 1, 2, 0, 0};
        RnnTrajectory run = new RnnTrajectory(new double[1], new double[10][1], new double[10][1], outputs);
        int[][] c = run.switchCounts(3);
        assertArrayEquals(new int[] {0, 1, 1}, c[0]);
        assertArrayEquals(new int[] {0, 0, 1}, c[1]);
        assertArrayEquals(new int[] {2, 0, 0}, c[2]);
    }

    @Test
    void transitionRateIsTheMeanInverseDwell() {
        assertEquals((0.5 + 1.0 / 3 + 1.0) / 3, LocalStability.transitionRate(new int[] {0, 0, 1, 1, 1, 0}), 1e-15);
        assertEquals(1.0 / 4, LocalStability.transitionRate(new int[] {2, 2, 2, 2}), 1e-15);
        assertEquals(Double.NaN, LocalStability.transitionRate(new int[0]));
    }

    @Test
    void noisySpectraPairEachStateWithTheInputOfTheStepLeavingIt() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(15, 4, 3, 2.0, 101));
        RnnTrajectory run = dyn.noisyTrajectory(12, 1.0, new SplittableRandom(102));
        JacobianSpectrum[] noisy = LocalStability.noisySpectra(dyn, run);
        JacobianSpectrum[] free = LocalStability.noiseFreeSpectra(dyn, run.states());
        assertEquals(11, noisy.length);
        assertEquals(12, free.length);
        for (int t = 0; t < 11; t++) {
            JacobianSpectrum expected = JacobianSpectrum.of(dyn, run.states()[t], run.inputs()[t + 1]);
            assertArrayEquals(expected.real(), noisy[t].real(), 0.0);
            assertArrayEquals(expected.imaginary(), noisy[t].imaginary(), 0.0);
        }
        assertEquals(12, LocalStability.unstableCounts(free).length);
    }
}
