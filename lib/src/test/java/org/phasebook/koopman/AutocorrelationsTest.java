package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.CircleRotation;

class AutocorrelationsTest {

    private static final double OMEGA = Math.PI * (Math.sqrt(5) - 1);

    @Test
    void fftMatchesTheDirectSum() {
        SplittableRandom random = new SplittableRandom(11);
        for (int m : new int[] {1, 2, 7, 64, 300, 1000}) {
            double[] re = new double[m];
            double[] im = new double[m];
            for (int k = 0; k < m; k++) {
                re[k] = random.nextDouble(-1, 1) + 0.3;
                im[k] = random.nextDouble(-1, 1);
            }
            int maxLag = m - 1;
            Autocorrelations fft = Autocorrelations.ofSeries(re, im, maxLag);
            Autocorrelations direct = Autocorrelations.ofSeriesDirect(re, im, maxLag);
            double worst = 0;
            for (int n = 0; n <= maxLag; n++) {
                // A lag-n sum has M - n terms of size ~mu_0; its rounding is relative to that.
                double error = direct.moment(n).minus(fft.moment(n)).abs() * (m - n) / m;
                worst = Math.max(worst, error / direct.mass());
            }
            // Measured: 0 (M = 1) to 3.3e-16 (M = 1000).
            assertTrue(worst < 1e-14, "M = " + m + ": relative error " + worst);
            assertEquals(direct.mass(), fft.mass(), 1e-15 * direct.mass());
        }
    }

    @Test
    void realSeriesGiveRealMoments() {
        double[] g = {1, -2, 0.5, 3, 1, 1};
        Autocorrelations mu = Autocorrelations.ofSeries(g, 5);
        assertEquals((1 + 4 + 0.25 + 9 + 1 + 1) / 6, mu.mass(), 1e-15);
        assertEquals((-2 - 1 + 1.5 + 3 + 1) / 5.0, mu.moment(1).re(), 1e-15);
        assertEquals(1.0, mu.moment(5).re(), 1e-15);
        for (int n = 0; n <= 5; n++) {
            assertEquals(0.0, mu.moment(n).im(), 1e-15);
        }
    }

    @Test
    void rotationTrajectoryGivesTheExactMomentsUpToOneOverM() {
        // g = e^{i theta} + c e^{-2 i theta}: mu_n = e^{i n omega} + c^2 e^{-2 i n omega}, plus
        // cross terms bounded by 2c / ((M - n) |sin(3 omega / 2)|).
        CircleRotation rotation = new CircleRotation(OMEGA);
        double c = 0.6;
        int m = 20000;
        double[] re = new double[m];
        double[] im = new double[m];
        for (int k = 0; k < m; k++) {
            double theta = rotation.exactState(0.4, k);
            re[k] = Math.cos(theta) + c * Math.cos(2 * theta);
            im[k] = Math.sin(theta) - c * Math.sin(2 * theta);
        }
        int maxLag = 2000;
        Autocorrelations mu = Autocorrelations.ofSeries(re, im, maxLag);
        double bound = 2 * c / ((m - maxLag) * Math.abs(Math.sin(1.5 * OMEGA)));
        for (int n = 0; n <= maxLag; n++) {
            Complex exact = Complex.unit(n * OMEGA).plus(Complex.unit(-2 * n * OMEGA).times(c * c));
            assertTrue(mu.moment(n).minus(exact).abs() <= bound, "n = " + n);
            assertEquals(0.0, mu.moment(n).conjugate().minus(mu.moment(-n)).abs(), 0.0);
        }
        assertEquals(1 + c * c, mu.mass(), 2 * c / (m * Math.abs(Math.sin(1.5 * OMEGA))));
    }

    @Test
    void cesaroMeansRecoverTheAtoms() {
        double c = 0.6;
        Autocorrelations mu = Autocorrelations.of(4000,
                n -> Complex.unit(n * OMEGA).plus(Complex.unit(-2 * n * OMEGA).times(c * c)));
        double a1 = OMEGA - 2 * Math.PI;
        double a2 = -2 * OMEGA + 4 * Math.PI;
        for (int n : new int[] {100, 4000}) {
            // leakage from the other atom: mass / ((2n + 1) |sin(d/2)|)
            double leak = 1 / ((2 * n + 1) * Math.abs(Math.sin(0.5 * (a1 - a2))));
            assertEquals(1.0, mu.atomMass(a1, n), c * c * leak);
            assertEquals(c * c, mu.atomMass(a2, n), leak);
            assertEquals(0.0, mu.atomMass(0.5 * (a1 + a2), n), 2 * leak);
        }
        assertEquals(1 + c * c, mu.atomMass(1.0, 0), 0.0);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("maxLag must be in [0, M - 1 = 2] for a series of length M = 3, got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> Autocorrelations.ofSeries(new double[3], 3)).getMessage());
        assertEquals("maxLag must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> Autocorrelations.ofSeries(new double[3], -1)).getMessage());
        assertEquals("the series g must have length M >= 1, got 0", assertThrows(
                IllegalArgumentException.class,
                () -> Autocorrelations.ofSeries(new double[0], 0)).getMessage());
        assertEquals("g[1] must be finite, got NaN + 0.0i", assertThrows(
                IllegalArgumentException.class,
                () -> Autocorrelations.ofSeries(new double[] {0, Double.NaN}, 1)).getMessage());
        assertEquals("gIm must have the length of gRe, 2, got 1", assertThrows(
                IllegalArgumentException.class,
                () -> Autocorrelations.ofSeries(new double[2], new double[1], 1)).getMessage());
        assertEquals("mu_0 = ||g||^2 must be real and >= 0, got -1.0 + 0.0i", assertThrows(
                IllegalArgumentException.class,
                () -> new Autocorrelations(new double[] {-1}, new double[] {0})).getMessage());
        Autocorrelations mu = Autocorrelations.ofSeries(new double[] {1, 2, 3}, 2);
        assertEquals("n must be in [-2, 2], got 3", assertThrows(IllegalArgumentException.class,
                () -> mu.moment(3)).getMessage());
        assertEquals("lags must be in [0, 2], got 3", assertThrows(IllegalArgumentException.class,
                () -> mu.atomMass(0, 3)).getMessage());
        assertEquals("theta must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> mu.atomMass(Double.NaN, 1)).getMessage());
    }
}
