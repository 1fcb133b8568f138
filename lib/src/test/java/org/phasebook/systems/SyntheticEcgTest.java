package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SyntheticEcgTest {

    @Test
    void aSteadyHeartWithoutBreathingIsPeriodicWithOneBeatPerRrInterval() {
        // 75 beats per minute: RR = 0.8 s = 102.4 samples at 128 Hz, so compare at 5 beats = 512 samples
        SyntheticEcg steady = new SyntheticEcg(75.0, 0.0, 0.5, 128.0, 4, 0.0);
        double[] z = steady.sample(30 * 128, 1L);
        double worst = 0.0;
        for (int i = 20 * 128; i < z.length - 512; i++) {
            worst = Math.max(worst, Math.abs(z[i + 512] - z[i]));
        }
        // Runge-Kutta's phase error (about 1e-11 rad a step) is all that is left
        assertTrue(worst < 1e-6, "z(t + 4 s) - z(t) = " + worst);
        double shifted = 0.0;
        for (int i = 20 * 128; i < z.length - 512; i++) {
            shifted = Math.max(shifted, Math.abs(z[i + 500] - z[i]));
        }
        assertTrue(shifted > 1e-2, "not periodic with another period: " + shifted);
    }

    @Test
    void thereIsOneRPeakPerBeat() {
        SyntheticEcg ecg = SyntheticEcg.defaults();
        double[] z = ecg.sample(60 * 128, 5L);
        double max = Arrays.stream(z).max().getAsDouble();
        int peaks = 0;
        for (int i = 1; i < z.length - 1; i++) {
            if (z[i] > 0.5 * max && z[i] >= z[i - 1] && z[i] > z[i + 1]) {
                peaks++;
            }
        }
        // 60 s at 60 +- 1 beats per minute
        assertTrue(peaks >= 58 && peaks <= 62, peaks + " R peaks in a minute");
        // the R wave is the tallest, the S wave the deepest: the trace is not symmetric
        assertTrue(max > 2.0 * -Arrays.stream(z).min().getAsDouble(), "max " + max);
    }

    @Test
    void theTachogramHasTheRequestedMeanAndStandardDeviationAndItsSpectralPeaks() {
        SyntheticEcg ecg = new SyntheticEcg(80.0, 3.0, 0.5, 128.0, 4, 0.005);
        double[] rr = ecg.tachogram(200.0, 9L);
        assertEquals(256, rr.length);
        double mean = Arrays.stream(rr).average().getAsDouble();
        double variance = Arrays.stream(rr).map(v -> (v - mean) * (v - mean)).sum() / rr.length;
        assertEquals(60.0 / 80.0, mean, 1e-12);
        assertEquals(60.0 * 3.0 / (80.0 * 80.0), Math.sqrt(variance), 1e-12);
        // power at 0.25 Hz (respiration) above power at 0.4 Hz, where the spectrum is empty
        assertTrue(power(rr, 0.25) > 100 * power(rr, 0.4));
        assertTrue(power(rr, 0.1) > 100 * power(rr, 0.4));
    }

    private static double power(double[] u, double frequency) {
        double mean = Arrays.stream(u).average().getAsDouble();
        double re = 0.0;
        double im = 0.0;
        for (int t = 0; t < u.length; t++) {
            re += (u[t] - mean) * Math.cos(2 * Math.PI * frequency * t);
            im += (u[t] - mean) * Math.sin(2 * Math.PI * frequency * t);
        }
        return re * re + im * im;
    }

    @Test
    void theSameSeedGivesTheSameEcgAndAnotherSeedAnother() {
        SyntheticEcg ecg = SyntheticEcg.defaults();
        assertArrayEquals(ecg.sample(2000, 3L), ecg.sample(2000, 3L));
        assertFalse(Arrays.equals(ecg.sample(2000, 3L), ecg.sample(2000, 4L)));
    }

    @Test
    void badParametersAreRefusedByName() {
        assertMessage("heartRate", () -> new SyntheticEcg(10.0, 0.0, 0.5, 128.0, 4, 0.0));
        assertMessage("heartRateStd", () -> new SyntheticEcg(60.0, 7.0, 0.5, 128.0, 4, 0.0));
        assertMessage("lfHfRatio", () -> new SyntheticEcg(60.0, 1.0, 0.0, 128.0, 4, 0.0));
        assertMessage("samplingRate", () -> new SyntheticEcg(60.0, 1.0, 0.5, 8.0, 4, 0.0));
        assertMessage("substeps", () -> new SyntheticEcg(60.0, 1.0, 0.5, 128.0, 0, 0.0));
        assertMessage("baselineAmplitude", () -> new SyntheticEcg(60.0, 1.0, 0.5, 128.0, 4, -1.0));
        assertMessage("count", () -> SyntheticEcg.defaults().sample(0, 1L));
        assertMessage("seconds", () -> SyntheticEcg.defaults().tachogram(Double.NaN, 1L));
    }

    private static void assertMessage(String name, Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
    }
}
