package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothedSpectralMeasureTest {

    /** e^{i omega} with omega / 2 pi irrational (the golden mean). */
    private static final double OMEGA = Math.PI * (Math.sqrt(5) - 1);
    private static final int K = 1;
    private static final int J = -2;
    private static final double C = 0.6;

    /**
     * Exact moments of g = e^{iK theta} + C e^{iJ theta} under the rotation by OMEGA:
     * mu_n = e^{inK omega} + C^2 e^{inJ omega}, atoms of mass 1 and C^2 at K omega and J omega.
     */
    private static Autocorrelations rotationMoments(int maxLag) {
        return Autocorrelations.of(maxLag,
                n -> Complex.unit(n * K * OMEGA).plus(Complex.unit(n * J * OMEGA).times(C * C)));
    }

    /** The angle of {@code a} reduced to [-pi, pi). */
    private static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }

    /** Moments r^{|n|} of the Poisson kernel density (1/2pi)(1 - r^2)/(1 - 2r cos + r^2). */
    private static final double R = 0.5;
    private static final Autocorrelations POISSON =
            Autocorrelations.of(1024, n -> Complex.real(Math.pow(R, n)));

    private static double poissonDensity(double theta) {
        return (1 - R * R) / (1 - 2 * R * Math.cos(theta) + R * R) / (2 * Math.PI);
    }

    /** Max error of rho_N against the Poisson density on 64 angles. */
    private static double poissonError(SpectralFilter filter, int n) {
        SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(POISSON, n, filter);
        double error = 0;
        for (double theta : SmoothedSpectralMeasure.grid(64)) {
            error = Math.max(error, Math.abs(m.density(theta) - poissonDensity(theta)));
        }
        return error;
    }

    private static double slope(SpectralFilter filter, int n) {
        return Math.log(poissonError(filter, 2 * n) / poissonError(filter, n)) / Math.log(2);
    }

    @Test
    void filterOrdersShowAsConvergenceRatesOnASmoothDensity() {
        // Measured max-norm slopes (r = 0.5), N = 256 -> 512: Fejer -1.00, raised cosine -2.00,
        // Vandeven-4 -3.95 (-3.90 at 128 -> 256, approaching 4 from below); the bump falls from
        // 1.6e-5 at N = 32 to 1.9e-9 at N = 64 (slope -13.0) and reaches rounding (3e-16) at 128.
        assertEquals(-1.0, slope(SpectralFilter.FEJER, 256), 0.05);
        assertEquals(-2.0, slope(SpectralFilter.RAISED_COSINE, 256), 0.05);
        assertEquals(-4.0, slope(SpectralFilter.VANDEVEN_4, 256), 0.15);
        double bump = slope(SpectralFilter.BUMP, 32);
        assertTrue(bump < -10, "bump slope " + bump);
        assertTrue(poissonError(SpectralFilter.BUMP, 128) < 1e-14);
        // Higher order, smaller error, at every N from 32 on.
        for (int n = 32; n <= 512; n *= 2) {
            double fejer = poissonError(SpectralFilter.FEJER, n);
            double cosine = poissonError(SpectralFilter.RAISED_COSINE, n);
            double vandeven = poissonError(SpectralFilter.VANDEVEN_4, n);
            double smooth = poissonError(SpectralFilter.BUMP, n);
            assertTrue(fejer > cosine && cosine > vandeven && vandeven > smooth,
                    "N = " + n + ": " + fejer + ", " + cosine + ", " + vandeven + ", " + smooth);
        }
    }

    @Test
    void fejerErrorOnThePoissonDensityIsKnownExactly() {
        // At theta = 0 the Fejer error is (1/pi N) sum_{n <= N} n r^n + (1/pi) sum_{n > N} r^n
        // = 2/(pi N) + O(r^N) for r = 1/2.
        for (int n : new int[] {64, 200}) {
            SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(POISSON, n,
                    SpectralFilter.FEJER);
            assertEquals(2 / (Math.PI * n), poissonDensity(0) - m.density(0), 1e-15);
        }
    }

    @Test
    void totalMassIsTheSquaredNormForEveryFilter() {
        // rho_N is a trigonometric polynomial of degree N - 1: the trapezoid rule on N + 1
        // points integrates it exactly.
        Autocorrelations mu = rotationMoments(100);
        for (SpectralFilter f : SpectralFilter.values()) {
            SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(mu, 100, f);
            double[] theta = SmoothedSpectralMeasure.grid(101);
            double sum = 0;
            for (double rho : m.density(theta)) {
                sum += rho * 2 * Math.PI / theta.length;
            }
            assertEquals(1 + C * C, sum, 1e-13, f.name());
            assertEquals(1 + C * C, m.totalMass(), 0.0);
            assertEquals(1 + C * C, m.mass(-Math.PI, Math.PI), 1e-13, f.name());
            assertEquals(1 + C * C, m.mass(0.3, 0.3 + 2 * Math.PI), 1e-12, f.name());
        }
    }

    @Test
    void smoothedMeasureConcentratesAtTheAtomsOfTheRotation() {
        Autocorrelations mu = rotationMoments(4096);
        double atomK = wrap(K * OMEGA);
        double atomJ = wrap(J * OMEGA);
        double delta = 0.1;
        for (SpectralFilter f : SpectralFilter.values()) {
            double previousLeak = Double.POSITIVE_INFINITY;
            for (int n = 64; n <= 4096; n *= 4) {
                SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(mu, n, f);
                double leakK = Math.abs(m.mass(atomK - delta, atomK + delta) - 1);
                double leakJ = Math.abs(m.mass(atomJ - delta, atomJ + delta) - C * C);
                double leak = Math.max(leakK, leakJ);
                assertTrue(leak < previousLeak, f + ": mass outside the arcs at N = " + n + " is "
                        + leak + ", was " + previousLeak);
                previousLeak = leak;
                // The peak grows like N; away from the atoms the density vanishes as N grows.
                assertTrue(m.density(atomK) > 0.1 * n, f + " peak " + m.density(atomK));
            }
            if (f == SpectralFilter.FEJER) {
                // Fejer's kernel (1/2 pi N) sin^2(N x/2)/sin^2(x/2) leaves about 2/(pi N delta)
                // outside the arc (measured 1.549e-3 against 1.554e-3).
                assertEquals(2 / (Math.PI * 4096 * delta), previousLeak, 0.05 * previousLeak);
            } else {
                assertTrue(previousLeak < 1e-6, f + " leak " + previousLeak);
            }
            SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(mu, 4096, f);
            assertTrue(Math.abs(m.density(0.5 * (atomK + atomJ))) < 1e-3, f.name());
        }
    }

    @Test
    void fejerDensityIsNonNegativeForAPositiveMeasure() {
        SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(rotationMoments(50), 50,
                SpectralFilter.FEJER);
        for (double rho : m.density(SmoothedSpectralMeasure.grid(2000))) {
            assertTrue(rho >= -1e-14, "rho = " + rho);
        }
    }

    @Test
    void cumulativeDistributionStepsByTheAtomMasses() {
        // Measured: the bump kernel leaves 1.1e-2, 3.0e-7, 1.4e-15 outside arcs of half-width
        // delta for N delta = 26, 102, 410 (faster than any power of N delta).
        SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(rotationMoments(4096), 4096,
                SpectralFilter.BUMP);
        double atomK = wrap(K * OMEGA);
        double atomJ = wrap(J * OMEGA);
        assertEquals(0.0, m.cumulative(-Math.PI), 0.0);
        assertEquals(1 + C * C, m.cumulative(Math.PI), 1e-12);
        double step = m.cumulative(atomK + 0.1) - m.cumulative(atomK - 0.1);
        assertEquals(1.0, step, 1e-12);
        assertEquals(C * C, m.cumulative(atomJ + 0.1) - m.cumulative(atomJ - 0.1), 1e-12);
        assertEquals(-step, m.mass(atomK + 0.1, atomK - 0.1), 1e-14);
        // Between the atoms the distribution is flat.
        assertEquals(1.0, m.cumulative(0.5 * (atomK + atomJ)), 1e-12);
    }

    @Test
    void densityIsPeriodicAndVectorFormMatchesScalarForm() {
        SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(POISSON, 100,
                SpectralFilter.VANDEVEN_4);
        double[] theta = {-3, 0.2, 1.7, 2 * Math.PI + 0.2};
        double[] rho = m.density(theta);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(m.density(theta[p]), rho[p], 0.0);
        }
        assertEquals(rho[1], rho[3], 1e-13);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("n must be in [1, 10] (the largest lag of the moments), got 11",
                assertThrows(IllegalArgumentException.class, () -> SmoothedSpectralMeasure.of(
                        rotationMoments(10), 11, SpectralFilter.FEJER)).getMessage());
        assertEquals("n must be in [1, 10] (the largest lag of the moments), got 0",
                assertThrows(IllegalArgumentException.class, () -> SmoothedSpectralMeasure.of(
                        rotationMoments(10), 0, SpectralFilter.FEJER)).getMessage());
        SmoothedSpectralMeasure m = SmoothedSpectralMeasure.of(rotationMoments(10), 10,
                SpectralFilter.FEJER);
        assertEquals("theta must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> m.density(Double.NaN)).getMessage());
        assertEquals("theta[1] must be finite, got Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> m.density(new double[] {0, Double.POSITIVE_INFINITY})).getMessage());
        assertEquals("points must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> SmoothedSpectralMeasure.grid(0)).getMessage());
    }
}
