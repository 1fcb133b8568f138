package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThreeSpeciesPatternTest {

    /** Every site independently A, B, C or empty with the given probabilities: no correlations at all. */
    private static byte[] noise(int side, double a, double b, double c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] s = new byte[side * side];
        for (int i = 0; i < s.length; i++) {
            double u = random.nextDouble();
            s[i] = (byte) (u < a ? 1 : u < a + b ? 2 : u < a + b + c ? 3 : 0);
        }
        return s;
    }

    /** Bands of A, B, C of width w along x: a travelling-wave pattern of wavelength 3w, without cores. */
    private static byte[] stripes(int side, int w) {
        byte[] s = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                s[x + side * y] = (byte) (1 + (x / w) % 3);
            }
        }
        return s;
    }

    @Test
    void anUncorrelatedFieldSitsAtTheNoiseFloor() {
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(128, 32);
        byte[] sites = noise(128, 0.25, 0.25, 0.25, 11);
        // C(r >= 1) = 0, so the interpolated 1/e point lies at 1 - 1/e
        assertEquals(1 - Math.exp(-1), pattern.correlationLength(sites), 0.02);
        double[] s = pattern.structureFactor(sites);
        assertEquals(65, s.length);
        assertEquals(0.0, s[0], 1e-12);   // the mean is removed
        double mean = 0;
        for (int q = 1; q < s.length; q++) {
            mean += s[q] / (s.length - 1);
        }
        assertEquals(1.0, mean, 0.03);    // noise reads 1
    }

    @Test
    void anExtinctSpeciesIsLeftOutOfTheStructureFactor() {
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(128);
        double[] s = pattern.structureFactor(noise(128, 0.4, 0.4, 0.0, 12));
        double mean = 0;
        for (int q = 1; q < s.length; q++) {
            mean += s[q] / (s.length - 1);
        }
        assertEquals(2.0 / 3, mean, 0.03);   // two species of three, each a third
    }

    @Test
    void autocorrelationIsTheMeanOverTheThreeSpecies() {
        int side = 32;
        byte[] sites = noise(side, 0.5, 0.3, 0.1, 13);   // unequal densities: the three profiles differ
        double[] mean = new ThreeSpeciesPattern(side).autocorrelation(sites);
        SpiralWavelength wave = new SpiralWavelength(side);
        double[] a = wave.autocorrelation(sites, 1);
        double[] b = wave.autocorrelation(sites, 2);
        double[] c = wave.autocorrelation(sites, 3);
        assertEquals(side / 2 + 1, mean.length);
        assertEquals(1.0, mean[0], 1e-15);
        for (int r = 0; r < mean.length; r++) {
            assertEquals((a[r] + b[r] + c[r]) / 3, mean[r], 1e-15, "r = " + r);
        }
        assertTrue(Math.abs(a[1] - c[1]) > 1e-6, "the test needs species that differ");
    }

    @Test
    void stripesOfWidthWHaveTheirWavelengthLengthAndNoCores() {
        int side = 48;
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(side, side / 2);
        byte[] sites = stripes(side, 4);
        // along x each indicator is a square wave of period 12; the 1/e point is well past r = 1
        double xi = pattern.correlationLength(sites);
        assertTrue(xi > 1.5 && xi < 6, "xi = " + xi);
        // the structure factor peaks at the stripes' wavenumber q = L / 12 = 4
        double[] s = pattern.structureFactor(sites);
        int peak = 1;
        for (int q = 1; q < s.length; q++) {
            if (s[q] > s[peak]) {
                peak = q;
            }
        }
        assertEquals(4, peak);
        assertArrayEquals(new double[] {0, 0, 0}, pattern.coreDensity(sites, new int[] {1, 2, 4}));
    }

    @Test
    void coreDensityCountsSpiralCoresPerTenThousandSites() {
        int side = 64;
        byte[] sites = noise(side, 0.3, 0.3, 0.3, 14);
        int[] blocks = {1, 2, 4};
        double[] density = new ThreeSpeciesPattern(side).coreDensity(sites, blocks);
        for (int k = 0; k < blocks.length; k++) {
            int cores = new SpiralCores(side, blocks[k]).count(sites).total();
            assertTrue(cores > 0, "noise has cores at b = " + blocks[k]);
            assertEquals(cores / (side * side / 1e4), density[k], 1e-9, "b = " + blocks[k]);
        }
        // noise cores are a fraction of the (L/b)^2 plaquettes: far fewer per site at b = 4 than at b = 1
        assertTrue(density[2] < density[0] / 4, java.util.Arrays.toString(density));
    }

    @Test
    void rejectsBadGeometry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreeSpeciesPattern(64, 33));
        assertTrue(e.getMessage().contains("rMax"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThreeSpeciesPattern(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThreeSpeciesPattern(64, 0));
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(16);
        assertThrows(IllegalArgumentException.class, () -> pattern.correlationLength(new byte[15 * 15]));
        assertThrows(IllegalArgumentException.class, () -> pattern.coreDensity(new byte[256], new int[] {3}));
    }
}
