package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpiralWavelengthTest {

    /** Species 1 where cos(2 pi (qx x + qy y)/L) > 0, species 2 elsewhere: a plane wave of wavelength L/|q|. */
    private static byte[] planeWave(int side, int qx, int qy) {
        byte[] s = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double phase = 2 * Math.PI * (qx * x + qy * y) / side;
                s[x + side * y] = (byte) (Math.cos(phase) > 1e-9 ? 1 : 2);
            }
        }
        return s;
    }

    /**
     * A one-armed Archimedean spiral of arm spacing ell around the centre, in three species
     * (one third of each turn each), like a rock-paper-scissors spiral.
     */
    private static byte[] spiral(int side, double ell) {
        byte[] s = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double dx = x - side / 2.0 + 0.5;
                double dy = y - side / 2.0 + 0.5;
                double phase = Math.hypot(dx, dy) / ell - Math.atan2(dy, dx) / (2 * Math.PI);
                double frac = phase - Math.floor(phase);
                s[x + side * y] = (byte) (1 + (int) (3 * frac));
            }
        }
        return s;
    }

    /**
     * The oracle for the autocorrelation estimator: a periodic pattern of wavelength ell, species
     * present on a fraction duty of each period, has the 1d autocorrelation of a pulse train; its
     * average over all directions of a 2d displacement of length r is computed by quadrature, and
     * twice its first minimum returned.
     */
    private static double isotropicOracle(double ell, double duty) {
        int m = 4000;
        double[] auto = new double[m]; // normalised 1d autocorrelation at s = ell k/m
        for (int k = 0; k < m; k++) {
            double overlap = 0;
            for (int j = 0; j < m; j++) {
                boolean a = j < duty * m;
                boolean b = ((j + k) % m) < duty * m;
                if (a && b) {
                    overlap++;
                }
            }
            overlap /= m;
            auto[k] = (overlap - duty * duty) / (duty - duty * duty);
        }
        double previous = Double.POSITIVE_INFINITY;
        for (double r = 0.2 * ell; r < ell; r += 0.0005 * ell) {
            double avg = 0;
            int nt = 2000;
            for (int i = 0; i < nt; i++) {
                double s = r * Math.cos(2 * Math.PI * (i + 0.5) / nt);
                int k = (int) Math.floorMod(Math.round(s / ell * m), (long) m);
                avg += auto[k] / nt;
            }
            if (avg > previous) {
                return 2 * (r - 0.0005 * ell);
            }
            previous = avg;
        }
        throw new AssertionError("no minimum");
    }

    @Test
    void structureFactorGivesAPlaneWavesWavelengthExactly() {
        SpiralWavelength sw = new SpiralWavelength(128);
        assertEquals(16.0, sw.fromStructureFactor(planeWave(128, 8, 0), 1), 1e-9);
        assertEquals(16.0, sw.fromStructureFactor(planeWave(128, 0, 8), 2), 1e-9);
        SpiralWavelength odd = new SpiralWavelength(160);
        // an oblique thresholded wave aliases a little power into the neighbouring shells
        assertEquals(32.0, odd.fromStructureFactor(planeWave(160, 3, 4), 1), 1e-3 * 32);
        double[] s = odd.structureFactor(planeWave(160, 3, 4), 1);
        assertEquals(0.0, s[0], 1e-12);
        assertTrue(s[5] > 100 * s[4] && s[5] > 100 * s[6]);
        // a non-power-of-two side goes through the Bluestein transform
        SpiralWavelength ninety = new SpiralWavelength(90);
        assertEquals(15.0, ninety.fromStructureFactor(planeWave(90, 6, 0), 1), 1e-9);
    }

    @Test
    void autocorrelationMinimumMatchesTheIsotropicOracle() {
        SpiralWavelength sw = new SpiralWavelength(256);
        double expected = isotropicOracle(32.0, 0.5);
        // a cosine would give 2 * 3.8317/(2 pi) = 1.22 wavelengths; sharp square stripes less
        assertEquals(1.15 * 32, expected, 0.01 * 32);
        double measured = sw.fromAutocorrelation(planeWave(256, 8, 0), 1);
        assertEquals(expected, measured, 0.03 * expected);
        // ratios are preserved: half the wavelength, half the estimate
        double half = sw.fromAutocorrelation(planeWave(256, 16, 0), 1);
        assertEquals(0.5, half / measured, 0.03);
        double[] c = sw.autocorrelation(planeWave(256, 8, 0), 1);
        assertEquals(1.0, c[0], 1e-12);
        assertTrue(c[(int) Math.round(expected / 2)] < -0.2);
        assertEquals(measured, SpiralWavelength.firstMinimumWavelength(c), 0.0);
        assertEquals(16.0, sw.peakWavelength(sw.structureFactor(planeWave(256, 16, 0), 1)), 1e-9);
    }

    @Test
    void archimedeanSpiralHasItsArmSpacing() {
        int side = 256;
        double ell = 24.0;
        SpiralWavelength sw = new SpiralWavelength(side);
        byte[] s = spiral(side, ell);
        for (int species = 1; species <= 3; species++) {
            double fromS = sw.fromStructureFactor(s, species);
            assertEquals(ell, fromS, 0.05 * ell, "species " + species);
            double fromC = sw.fromAutocorrelation(s, species);
            assertEquals(isotropicOracle(ell, 1.0 / 3.0), fromC, 0.08 * fromC, "species " + species);
        }
        double wider = sw.fromStructureFactor(spiral(side, 2 * ell), 1);
        assertEquals(2 * ell, wider, 0.05 * 2 * ell);
    }

    @Test
    void uniformLatticesHaveNoWavelength() {
        SpiralWavelength sw = new SpiralWavelength(32);
        byte[] full = new byte[32 * 32];
        java.util.Arrays.fill(full, (byte) 1);
        assertTrue(Double.isNaN(sw.fromStructureFactor(full, 1)));
        assertTrue(Double.isNaN(sw.fromStructureFactor(full, 2)));
        assertTrue(Double.isNaN(sw.fromAutocorrelation(full, 2)));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SpiralWavelength(3));
        SpiralWavelength sw = new SpiralWavelength(16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sw.fromStructureFactor(new byte[255], 1));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sw.fromAutocorrelation(new byte[256], 200));
    }
}
