package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RageTest {

    /** The quasi-periodic substitute's amplitudes and frequencies (see KnownSpectrumSeries). */
    private static final double[] AMPLITUDES = {1.0, 0.7, 0.5};
    private static final double[] FREQUENCIES = {1.0, Math.sqrt(2), 0.5 * (1 + Math.sqrt(5))};
    private static final double DT = 0.1;
    private static final int M = 4000;
    private static final int L = 10_000;
    /** Figure D5's recipe: 20 delays of step 10. */
    private static final Rage RAGE = Rage.cavityRecipe(M, L);

    private static KnownSpectrumSeries quasiPeriodic;
    private static KnownSpectrumSeries lorenz;
    private static KnownSpectrumSeries mixture;

    @BeforeAll
    static void generate() {
        int length = RAGE.requiredLength();
        quasiPeriodic = KnownSpectrumSeries.quasiPeriodic(length, DT, 1);
        lorenz = KnownSpectrumSeries.lorenzX(length, DT, 1);
        mixture = KnownSpectrumSeries.mixture(length, DT, 0.5, 1);
    }

    private static double[] centred(double[] u, int length) {
        double mean = 0;
        for (double v : u) {
            mean += v;
        }
        mean /= u.length;
        double[] c = new double[length];
        for (int i = 0; i < length; i++) {
            c[i] = u[i] - mean;
        }
        return c;
    }

    @Test
    void firstShiftIsTheFirstDelaySoItsEnergyIsOneForEveryN() {
        for (KnownSpectrumSeries s : new KnownSpectrumSeries[] {quasiPeriodic, lorenz, mixture}) {
            RageCurves curves = RAGE.fit(s.values());
            double previous = 0;
            for (int n = 1; n <= 20; n++) {
                assertEquals(1.0, curves.energy(n, 0), 1e-12, s.description());
                assertEquals(1.0, curves.runningAverage(n)[0], 1e-12);
                // P_n grows with n, so C(n, l) does too.
                double c = curves.energy(n, 777);
                assertTrue(c >= previous - 1e-15, "n = " + n);
                previous = c;
            }
        }
    }

    @Test
    void orthonormalisationIsExactAndSkipsDependentDelays() {
        double[] u = centred(quasiPeriodic.values(), RAGE.requiredLength());
        double[][] q = RAGE.orthonormalDelays(u);
        int rank = 0;
        for (int j = 0; j < q.length; j++) {
            for (int k = 0; k <= j; k++) {
                double dot = 0;
                for (int m = 0; m < M; m++) {
                    dot += q[j][m] * q[k][m];
                }
                boolean zero = dot == 0 && j == k;
                assertEquals(j == k && !zero ? 1.0 : 0.0, dot, 1e-13, j + "," + k);
                if (j == k && !zero) {
                    rank++;
                }
            }
        }
        // Three sinusoids span six dimensions, and subtracting the sample mean of the whole
        // series (not the exact mean 0) leaves a small constant, a seventh: the other thirteen
        // delays depend on these.
        assertEquals(7, rank);
    }

    @Test
    void quasiPeriodicSeriesStaysInsideSevenDelaysSoThePlateauIsOne() {
        RageCurves curves = RAGE.fit(quasiPeriodic.values());
        double[] u = centred(quasiPeriodic.values(), RAGE.requiredLength());
        double c = 0;
        for (int m = 0; m < M; m++) {
            c += u[m] * u[m];
        }
        c /= M;
        // Oracle: g_l lies in the span of the first 7 delays (six sinusoids and the constant
        // left by centring), so C(n, l) = ||g_l||^2 / M for n >= 7.
        for (int l = 0; l <= L; l += 97) {
            double norm = 0;
            for (int m = 0; m < M; m++) {
                norm += u[m + l] * u[m + l];
            }
            for (int n : new int[] {7, 10, 20}) {
                assertEquals(norm / (c * M), curves.energy(n, l), 1e-10, "n = " + n + ", l = " + l);
            }
        }
        // Measured A(n, 10^4) = 0.99981 for n >= 7: 1 less the windows where ||g_l||^2 / M dips
        // below c, an O(1/(M dt)) sampling effect.
        for (int n : new int[] {7, 10, 20}) {
            assertEquals(1.0, curves.finalAverage(n), 1e-3, "n = " + n);
        }
        // n = 1 projects on g itself: C(1, l) = r(l)^2 with r the normalised autocorrelation,
        // whose mean square tends to sum_k E_k^2 / (2 (sum_k E_k)^2), E_k = a_k^2 / 2 (Wiener):
        // 0.21513; measured 0.21560 at L = 10^4.
        double sum = 0;
        double sumSquares = 0;
        for (double a : AMPLITUDES) {
            sum += a * a / 2;
            sumSquares += a * a * a * a / 4;
        }
        assertEquals(sumSquares / (2 * sum * sum), curves.finalAverage(1), 2e-3);
    }

    @Test
    void chaoticSeriesDecays() {
        RageCurves curves = RAGE.fit(lorenz.values());
        // Measured A(20, L') = 0.379, 0.0887, 0.0257 at L' = 10^2, 10^3, 10^4: mixing moves the
        // energy out of every finite set of delays.
        for (int n : new int[] {1, 10, 20}) {
            double[] a = curves.runningAverage(n);
            assertTrue(a[L] < 0.05, "n = " + n + ": A = " + a[L]);
            assertTrue(a[L] < a[999] / 2.5, "n = " + n + ": " + a[999] + " -> " + a[L]);
            assertTrue(a[999] < a[99], "n = " + n);
        }
    }

    @Test
    void mixturePlateauIsItsPurePointEnergyInTheDelaySpan() {
        // Oracle: the limit of A(n, L) as L -> infinity is f_n = sum_lambda ||P_n E_lambda g||^2,
        // the part of the eigenfunction components a_k/2 e^{+-i(omega_k t + phi_k)} (phases
        // drop out) inside the span of the first n delays; f_n <= f = 0.5 and f_n -> f.
        RageCurves curves = RAGE.fit(mixture.values());
        double[] u = centred(mixture.values(), RAGE.requiredLength());
        double c = 0;
        for (int m = 0; m < M; m++) {
            c += u[m] * u[m];
        }
        c /= M;
        double[][] q = RAGE.orthonormalDelays(u);
        double previous = 0;
        // Measured f_n = 0.0549, 0.2867, 0.3884 and A(n, 10^4) - f_n = 0.0017, 0.0120, 0.0192
        // for n = 1, 10, 20: the excess is the chaotic part still decaying (the Lorenz curve
        // times 1 - f is 0.0006, 0.0065, 0.0128) and it was 4 times larger at L = 10^3.
        for (int n : new int[] {1, 10, 20}) {
            double fn = 0;
            for (int k = 0; k < AMPLITUDES.length; k++) {
                double captured = 0;
                for (int j = 0; j < n; j++) {
                    double pc = 0;
                    double ps = 0;
                    for (int m = 0; m < M; m++) {
                        double theta = FREQUENCIES[k] * m * DT;
                        pc += q[j][m] * Math.cos(theta);
                        ps += q[j][m] * Math.sin(theta);
                    }
                    captured += pc * pc + ps * ps;
                }
                fn += AMPLITUDES[k] * AMPLITUDES[k] / 2 * captured / (c * M);
            }
            assertTrue(fn > previous && fn <= mixture.pointFraction(), "f_" + n + " = " + fn);
            previous = fn;
            double[] a = curves.runningAverage(n);
            assertTrue(a[L] >= fn && a[L] <= fn + 0.03, "n = " + n + ": A = " + a[L]
                    + ", f_n = " + fn);
            assertTrue(a[999] - fn > 2 * (a[L] - fn), "n = " + n);
        }
        // With more delays the plateau approaches f (measured f_40 = 0.4396).
        assertTrue(previous > 0.75 * mixture.pointFraction());
    }

    @Test
    void runningAverageClampsAtOne() {
        // u_i = i^2, i = 0..10: three delays span {1, m, m^2}, so g_l lies in their span and
        // C(3, l) = ||g_l||^2 / (c M) exceeds 1 once the window passes the centre.
        double[] u = new double[11];
        for (int i = 0; i < u.length; i++) {
            u[i] = i * i;
        }
        RageCurves curves = new Rage(3, 1, 6, 5).fit(u);
        double[] c = curves.energies(3);
        assertEquals(7479.0 / 4479.0, c[5], 1e-12);
        double[] a = curves.runningAverage(3);
        double sum = 0;
        for (int l = 0; l <= 5; l++) {
            sum += Math.min(c[l], 1);
            assertEquals(sum / (l + 1), a[l], 1e-15);
        }
        assertTrue(a[5] < 1 && a[5] > 0);
        assertEquals(a[5], curves.finalAverage(3), 0.0);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("delays must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new Rage(0, 1, 10, 5)).getMessage());
        assertEquals("step must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new Rage(2, 0, 10, 5)).getMessage());
        assertEquals("snapshots must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> new Rage(2, 1, 1, 5)).getMessage());
        assertEquals("maxLag must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> new Rage(2, 1, 10, -1)).getMessage());
        Rage rage = new Rage(3, 2, 10, 5);
        assertEquals(15, rage.requiredLength());
        assertEquals("series must have length >= M + max(L, h(N-1)) = 15 for M = 10, L = 5,"
                + " N = 3 delays of step h = 2, got 14", assertThrows(
                        IllegalArgumentException.class, () -> rage.fit(new double[14]))
                .getMessage());
        double[] bad = new double[15];
        bad[3] = Double.NaN;
        assertEquals("series[3] must be finite, got NaN", assertThrows(
                IllegalArgumentException.class, () -> rage.fit(bad)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> rage.fit(new double[15]));
        RageCurves curves = RAGE.fit(quasiPeriodic.values());
        assertEquals("n must be in [1, 20] (the number of delays), got 21", assertThrows(
                IllegalArgumentException.class, () -> curves.runningAverage(21)).getMessage());
        assertEquals("l must be in [0, 10000], got 10001", assertThrows(
                IllegalArgumentException.class, () -> curves.energy(1, 10001)).getMessage());
    }
}
