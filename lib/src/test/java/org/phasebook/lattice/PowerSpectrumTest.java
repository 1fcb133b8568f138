package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerSpectrumTest {

    @Test
    void sinePeakIsFoundWithinATenthOfABin() {
        double dt = 0.5;
        for (int n : new int[] {1024, 1000}) {
            double span = n * dt;
            double worst = 0.0;
            for (double bins : new double[] {37.0, 37.25, 37.5, 37.8, 12.1, 101.45}) {
                double w0 = 2.0 * Math.PI * bins / span;
                double[] x = new double[n + 50];
                for (int j = 0; j < x.length; j++) {
                    x[j] = 3.0 + Math.sin(w0 * (j - 50) * dt + 0.3);
                }
                PowerSpectrum s = PowerSpectrum.of(x, dt, 50);
                assertEquals(2.0 * Math.PI / span, s.resolution(), 1e-15);
                double err = Math.abs(s.peakFrequency() - w0) / s.resolution();
                worst = Math.max(worst, err);
                assertTrue(err < 0.1, "n=" + n + " bins=" + bins + ": error " + err + " bins");
            }
            // the fit must improve on the raw bin: half-bin offsets would be 0.5 off without it
            assertTrue(worst < 0.05, "worst " + worst);
        }
    }

    @Test
    void peakCanBeRestrictedToABand() {
        int n = 2048;
        double dt = 0.1;
        double span = n * dt;
        double w1 = 2 * Math.PI * 20.3 / span;
        double w2 = 2 * Math.PI * 200.6 / span;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = 2.0 * Math.sin(w1 * j * dt) + Math.sin(w2 * j * dt);
        }
        PowerSpectrum s = PowerSpectrum.of(x, dt, 0);
        assertEquals(w1, s.peakFrequency(), 0.1 * s.resolution());
        assertEquals(w2, s.peakFrequency(w1 * 2, w2 * 2), 0.1 * s.resolution());
        assertThrows(IllegalArgumentException.class, () -> s.peakFrequency(1e6, 2e6));
    }

    @Test
    void whiteNoiseIsFlatAtVarianceTimesDt() {
        SplittableRandom rng = new SplittableRandom(2024L);
        int n = 1000;
        double dt = 0.25;
        double sd = 1.5;
        List<double[]> replicas = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = sd * gaussian(rng);
            }
            replicas.add(x);
        }
        PowerSpectrum s = PowerSpectrum.average(replicas, dt, 0);
        assertEquals(60, s.series());
        assertEquals(501, s.power().length);
        double low = bandMean(s.power(), 10, 160);
        double high = bandMean(s.power(), 340, 490);
        double expected = sd * sd * dt;
        // each band averages 150 bins x 60 replicas of roughly exponential variables (Hann makes
        // neighbours correlated, so about 1/2 of that is independent): relative error ~ 1.5%
        assertEquals(expected, low, 0.06 * expected);
        assertEquals(expected, high, 0.06 * expected);
        assertEquals(1.0, low / high, 0.08);
    }

    @Test
    void matchesTheDirectDefinitionAndDropsTheTransient() {
        int n = 30;
        double dt = 0.2;
        SplittableRandom rng = new SplittableRandom(7L);
        double[] x = new double[n + 5];
        for (int j = 0; j < x.length; j++) {
            x[j] = j < 5 ? 1e6 : rng.nextDouble();
        }
        PowerSpectrum s = PowerSpectrum.of(x, dt, 5);
        double mean = 0;
        for (int j = 5; j < n + 5; j++) {
            mean += x[j] / n;
        }
        double wsum = 0;
        for (int j = 0; j < n; j++) {
            wsum += Math.pow(Math.sin(Math.PI * j / n), 4);
        }
        double[] expected = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double v = (x[j + 5] - mean) * Math.pow(Math.sin(Math.PI * j / n), 2);
                re += v * Math.cos(2 * Math.PI * j * k / n);
                im -= v * Math.sin(2 * Math.PI * j * k / n);
            }
            expected[k] = dt * (re * re + im * im) / wsum;
        }
        assertArrayEquals(expected, s.power(), 1e-12);
        assertEquals(2 * Math.PI * 3 / (n * dt), s.omega()[3], 1e-14);
    }

    @Test
    void welchAveragesTheSpectraOfConsecutiveSegments() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] a = random.doubles(107).toArray();
        double[] b = random.doubles(60).toArray();
        // skip 5, segments of 20: a gives 5 segments (samples 5..104), b gives 2 (5..44).
        PowerSpectrum welch = PowerSpectrum.welch(List.of(a, b), 0.5, 5, 20);
        PowerSpectrum direct = PowerSpectrum.average(List.of(
                java.util.Arrays.copyOfRange(a, 5, 25), java.util.Arrays.copyOfRange(a, 25, 45),
                java.util.Arrays.copyOfRange(a, 45, 65), java.util.Arrays.copyOfRange(a, 65, 85),
                java.util.Arrays.copyOfRange(a, 85, 105), java.util.Arrays.copyOfRange(b, 5, 25),
                java.util.Arrays.copyOfRange(b, 25, 45)), 0.5, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(direct.omega(), welch.omega(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(direct.power(), welch.power(), 0.0);
        assertEquals(7, welch.series());
        assertThrows(IllegalArgumentException.class, () -> PowerSpectrum.welch(List.of(b), 0.5, 50, 20));
        assertThrows(IllegalArgumentException.class, () -> PowerSpectrum.welch(List.of(b), 0.5, 0, 3));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> PowerSpectrum.of(new double[10], 0.0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PowerSpectrum.of(new double[10], 1.0, 7));
        assertTrue(e.getMessage().contains("skip"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PowerSpectrum.average(List.of(new double[10], new double[11]), 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> PowerSpectrum.average(List.of(), 1.0, 0));
    }

    private static double bandMean(double[] p, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += p[k];
        }
        return sum / (to - from);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2.0 * Math.PI * v);
    }
}
