package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownSpectrumSeriesTest {

    @Test
    void sameSeedSameBitsOtherSeedOtherSeries() {
        assertEquals(KnownSpectrumSeries.quasiPeriodic(500, 0.1, 7),
                KnownSpectrumSeries.quasiPeriodic(500, 0.1, 7));
        assertArrayEquals(KnownSpectrumSeries.lorenzX(300, 0.1, 7).values(),
                KnownSpectrumSeries.lorenzX(300, 0.1, 7).values());
        assertNotEquals(KnownSpectrumSeries.quasiPeriodic(500, 0.1, 7),
                KnownSpectrumSeries.quasiPeriodic(500, 0.1, 8));
        assertNotEquals(KnownSpectrumSeries.lorenzX(300, 0.1, 7),
                KnownSpectrumSeries.lorenzX(300, 0.1, 8));
    }

    @Test
    void quasiPeriodicSeriesHasItsClosedFormEnergy() {
        // Time average of u^2 is sum a_k^2 / 2 = 0.87 up to O(1/(T min |omega_j - omega_k|)).
        KnownSpectrumSeries s = KnownSpectrumSeries.quasiPeriodic(200_000, 0.1, 3);
        double sum = 0;
        for (double v : s.values()) {
            sum += v * v;
        }
        assertEquals(0.87, sum / s.length(), 1e-3);
        assertEquals(1.0, s.pointFraction());
        assertEquals(0.1, s.dt());
        // It obeys a linear recurrence of order 6 (six eigenvalues e^{+-i omega_k dt}).
        double[] u = s.values();
        double[] w = {1.0, Math.sqrt(2), 0.5 * (1 + Math.sqrt(5))};
        // Characteristic polynomial prod_k (z^2 - 2 cos(omega_k dt) z + 1).
        double[] p = {1};
        for (double omega : w) {
            double[] next = new double[p.length + 2];
            for (int i = 0; i < p.length; i++) {
                next[i] += p[i];
                next[i + 1] -= 2 * Math.cos(omega * 0.1) * p[i];
                next[i + 2] += p[i];
            }
            p = next;
        }
        for (int i = 0; i + 6 < 1000; i++) {
            double r = 0;
            for (int k = 0; k <= 6; k++) {
                r += p[k] * u[i + 6 - k];
            }
            assertEquals(0.0, r, 1e-12);
        }
    }

    @Test
    void lorenzSeriesLiesOnTheAttractorWithMeanNearZero() {
        KnownSpectrumSeries s = KnownSpectrumSeries.lorenzX(20_000, 0.1, 5);
        double mean = 0;
        double max = 0;
        for (double v : s.values()) {
            mean += v;
            max = Math.max(max, Math.abs(v));
        }
        mean /= s.length();
        assertEquals(0.0, s.pointFraction());
        // |x| < 20 on the attractor; the symmetry makes the mean vanish (measured -0.3 over 2000
        // time units, lobe switching being slow).
        assertTrue(max < 20 && max > 10, "max |x| = " + max);
        assertTrue(Math.abs(mean) < 1.0, "mean = " + mean);
    }

    @Test
    void mixtureSplitsTheEnergyAsAsked() {
        int n = 5000;
        KnownSpectrumSeries mix = KnownSpectrumSeries.mixture(n, 0.1, 0.3, 2);
        double[] q = KnownSpectrumSeries.quasiPeriodic(n, 0.1, 2).values();
        double[] x = KnownSpectrumSeries.lorenzX(n, 0.1, 2).values();
        double[] u = mix.values();
        double scale = (u[10] - q[10]) / x[10];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(q[i] + scale * x[i], u[i], 1e-12 * (1 + Math.abs(u[i])));
            mean += x[i] / n;
        }
        double variance = 0;
        for (double v : x) {
            variance += (v - mean) * (v - mean) / n;
        }
        double chaotic = scale * scale * variance;
        assertEquals(0.3, 0.87 / (0.87 + chaotic), 1e-12);
        assertEquals(0.3, mix.pointFraction());
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("length must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> KnownSpectrumSeries.quasiPeriodic(1, 0.1, 1)).getMessage());
        assertEquals("dt must be finite and > 0, got 0.0", assertThrows(
                IllegalArgumentException.class,
                () -> KnownSpectrumSeries.lorenzX(10, 0.0, 1)).getMessage());
        assertEquals("pointFraction must be in (0, 1), got 1.0", assertThrows(
                IllegalArgumentException.class,
                () -> KnownSpectrumSeries.mixture(10, 0.1, 1.0, 1)).getMessage());
        assertEquals("pointFraction must be in [0, 1], got 2.0", assertThrows(
                IllegalArgumentException.class,
                () -> new KnownSpectrumSeries(new double[2], 1, 2, "x")).getMessage());
        assertEquals("values[1] must be finite, got NaN", assertThrows(
                IllegalArgumentException.class,
                () -> new KnownSpectrumSeries(new double[] {0, Double.NaN}, 1, 0, "x"))
                .getMessage());
    }
}
