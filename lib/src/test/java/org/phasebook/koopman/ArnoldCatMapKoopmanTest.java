package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phasebook.systems.ArnoldCatMap;

/**
 * The spectral measure of figure S3's observable under Arnold's cat map (brief §4, oracle 8).
 *
 * <p>Derivation. On the torus {@code [0, 2 pi)^2} with the normalised measure
 * {@code dx dy / (4 pi^2)} (the measure of the periodic trapezoid rule), the cat map sends
 * {@code sin(a x + b y)} to {@code sin((2a + b) x + (a + b) y)}, so
 * {@code s_j = K^j sin x = sin(a_j x + b_j y)} with {@code (a_j, b_j) = A^j (1, 0)} =
 * {@code (1, 0), (2, 1), (5, 3), (13, 8), ...}. These wavevectors never return to
 * {@code +-(1, 0)} (the map is hyperbolic), so the {@code s_j}, {@code j} in {@code Z}, are
 * orthogonal with {@code ||s_j||^2 = 1/2}. Hence {@code g = sin x + sin(2x + y)/2 + i sin(5x + 3y)/4
 * = p(K) sin x} with {@code p(z) = 1 + z/2 + i z^2/4}, and with the package's convention
 * {@code mu_n = <K^n g, g> = int e^{i n theta} d xi_g}:
 * <pre>
 *   mu_0 = (1 + 1/4 + 1/16)/2 = 21/32,  mu_1 = (1/2 + conj(i/4)/2)/2 = 1/4 - i/16,
 *   mu_2 = conj(i/4)/2 = -i/8,  mu_n = 0 for |n| > 2,  mu_{-n} = conj(mu_n),
 * </pre>
 * and the density (with respect to {@code d theta} on {@code [-pi, pi)}) is
 * {@code rho(theta) = |p(e^{i theta})|^2 / (4 pi) = (21/16 + cos theta - sin(theta)/4 - sin(2 theta)/2) / (4 pi)},
 * of total mass {@code ||g||^2 = 21/32}. It is not even in {@code theta}, so a flipped sign
 * convention would be caught. The resolvent kernel smooths it to
 * {@code nu(theta) = (1/2 pi) sum_{|n| <= 2} k_n mu_n e^{-i n theta}} with the kernel's Fourier
 * multipliers {@code k_n} ({@link ResolventKernel#fourierCoefficient}).
 *
 * <p>Grid and aliasing. The data are an {@code n x n} dyadic grid on the <em>unit</em> torus
 * (observable {@code sin(2 pi x)}), where the cat map is exact: orbits of grid points stay on
 * the grid without rounding (on {@code [0, 2 pi)^2} rounding would grow by {@code 2.6} per step).
 * The trapezoid rule integrates {@code e^{i k.x}} exactly only for wavenumbers below
 * {@code n/2}, and the wavevectors {@code (a_j, b_j)} pass 16 already at {@code j = 4}
 * ({@code (34, 21)}) for {@code n = 32}. But the grid is invariant, so the sampled {@code s_j}
 * are the functions of wavevector {@code A^j (1, 0) mod n}, and two of them are orthogonal on the
 * grid unless their wavevectors agree up to sign mod {@code n}: the inner products stay exact
 * until the orbit of {@code (1, 0)} under {@code A mod n} closes. For {@code n = 2^k} it closes
 * at {@code P = 3n/4} with {@code A^P (1, 0) = (1, 0)} (the order of {@code A} mod {@code 2^k};
 * {@code P = 24} for {@code n = 32}). So with {@code 3 <= N < P} delays the Galerkin matrix is
 * exactly the truncated shift of the continuum problem and the resolvent measure is exact; at
 * {@code N = P} it is the grid's cyclic permutation, whose measure is atomic (moments
 * {@code mu_n} repeated with period {@code P}), and at {@code N > P} the dictionary is
 * linearly dependent ({@code s_P = s_0} on the grid).
 */
class ArnoldCatMapKoopmanTest {

    private static final int GRID = 32;
    /** The period of the wavevector orbit on the 32 x 32 grid, 3 * 32 / 4. */
    private static final int PERIOD = 24;
    private static final Complex[] P = {Complex.ONE, Complex.real(0.5), new Complex(0, 0.25)};
    private static final ResolventKernel S3_KERNEL = new ResolventKernel(2, 0.5);

    /** The hand-derived moments {@code mu_n}. */
    private static Complex mu(int n) {
        Complex[] m = {Complex.real(21.0 / 32), new Complex(0.25, -1.0 / 16), new Complex(0, -0.125)};
        int k = Math.abs(n);
        if (k > 2) {
            return Complex.ZERO;
        }
        return n < 0 ? m[k].conjugate() : m[k];
    }

    /** The hand-derived density {@code |p(e^{i theta})|^2 / (4 pi)}. */
    private static double density(double theta) {
        Complex z = Complex.unit(theta);
        Complex p = P[0].plus(P[1].times(z)).plus(P[2].times(z.times(z)));
        return p.abs() * p.abs() / (4 * Math.PI);
    }

    /** {@code (1/2 pi) sum_{|n| <= 2} k_n mu_n e^{-i n theta}}. */
    private static double smoothedDensity(double theta, ResolventKernel kernel) {
        double sum = 0;
        for (int n = -2; n <= 2; n++) {
            sum += kernel.fourierCoefficient(n).times(mu(n)).times(Complex.unit(-n * theta)).re();
        }
        return sum / (2 * Math.PI);
    }

    /** The figure's angles: step 0.01 on [-pi, pi]. */
    private static double[] figureAngles() {
        int count = (int) Math.floor(2 * Math.PI / 0.01) + 1;
        double[] theta = new double[count];
        for (int k = 0; k < count; k++) {
            theta[k] = -Math.PI + 0.01 * k;
        }
        return theta;
    }

    /** The nodes {@code (i/n, k/n)} with weights {@code 1/n^2}: dyadic, so the map is exact. */
    private static Quadrature unitTorusGrid(int n) {
        double[][] nodes = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                nodes[i * n + k] = new double[] {(double) i / n, (double) k / n};
            }
        }
        return new Quadrature(nodes, Weights.monteCarlo(n * n));
    }

    private static IterateDictionary krylov(int delays) {
        return IterateDictionary.of(ArnoldCatMap.unitTorus(), delays,
                x -> Math.sin(2 * Math.PI * x[0]));
    }

    private static EdmdModel fit(int delays) {
        ArnoldCatMap cat = ArnoldCatMap.unitTorus();
        return new Edmd(krylov(delays)).fit(SnapshotPairs.ofMap(cat::apply, unitTorusGrid(GRID)));
    }

    private static ResolventSpectralMeasure measure(int delays) {
        return ResolventSpectralMeasure.of(fit(delays), krylov(delays).polynomial(0, P));
    }

    @Test
    void handDerivedMomentsAreTheGridAutocorrelationsOfG() {
        // <K^n g, g> by the trapezoid rule, iterating the map point by point: independent of the
        // dictionary and of the derivation above. Exact while n + 2 < PERIOD.
        ArnoldCatMap cat = ArnoldCatMap.unitTorus();
        double[][] nodes = unitTorusGrid(GRID).points();
        for (int n = 0; n <= 8; n++) {
            double re = 0;
            double im = 0;
            for (double[] x0 : nodes) {
                double[] x = x0.clone();
                double[] next = new double[2];
                Complex g0 = g(x);
                for (int k = 0; k < n; k++) {
                    cat.apply(x, next);
                    x = next.clone();
                }
                Complex product = g(x).times(g0.conjugate());
                re += product.re() / nodes.length;
                im += product.im() / nodes.length;
            }
            assertEquals(mu(n).re(), re, 1e-15, "Re mu_" + n);
            assertEquals(mu(n).im(), im, 1e-15, "Im mu_" + n);
        }
    }

    /** {@code g = sin x + sin(2x + y)/2 + i sin(5x + 3y)/4} at a point of the unit torus. */
    private static Complex g(double[] x) {
        double u = 2 * Math.PI * x[0];
        double v = 2 * Math.PI * x[1];
        return new Complex(Math.sin(u) + Math.sin(2 * u + v) / 2, Math.sin(5 * u + 3 * v) / 4);
    }

    @Test
    void momentRouteGivesTheDensityAndItsMass() {
        // With mu_n = 0 for |n| > 2 the bump filter (1 - phi(2/40) = 0 in double precision)
        // leaves the moments untouched: the filtered series is the density itself.
        SmoothedSpectralMeasure moments = SmoothedSpectralMeasure.of(
                Autocorrelations.of(40, ArnoldCatMapKoopmanTest::mu), 40, SpectralFilter.BUMP);
        for (double theta : figureAngles()) {
            assertEquals(density(theta), moments.density(theta), 1e-15, "theta = " + theta);
        }
        assertEquals(21.0 / 32, moments.totalMass(), 0.0);
        assertEquals(21.0 / 32, moments.mass(-Math.PI, Math.PI), 1e-15);
        // The density is not even, so the convention mu_n = int e^{+i n theta} is tested.
        assertTrue(Math.abs(density(1.0) - density(-1.0)) > 0.1,
                "rho(1) - rho(-1) = " + (density(1.0) - density(-1.0)));
    }

    @Test
    void smoothedDensityIsTheDensityConvolvedWithTheKernel() {
        // The integrand is analytic and periodic: the trapezoid rule converges geometrically.
        int nodes = 2048;
        for (double theta : SmoothedSpectralMeasure.grid(37)) {
            double convolution = 0;
            for (int q = 0; q < nodes; q++) {
                double phi = -Math.PI + 2 * Math.PI * q / nodes;
                convolution += S3_KERNEL.value(theta - phi) * density(phi) * 2 * Math.PI / nodes;
            }
            assertEquals(convolution, smoothedDensity(theta, S3_KERNEL), 1e-14, "theta = " + theta);
        }
    }

    @Test
    void resolventMeasureFromTheKrylovDictionaryIsTheSmoothedExactMeasure() {
        // 3 <= N < PERIOD: the Galerkin matrix is exactly the truncated shift (see the class note).
        for (int delays : new int[] {3, 10, PERIOD - 1}) {
            ResolventSpectralMeasure measure = measure(delays);
            assertEquals(21.0 / 32, measure.mass(), 1e-14, "N = " + delays);
            double[] theta = figureAngles();
            double[] nu = measure.density(theta, S3_KERNEL);
            for (int k = 0; k < theta.length; k++) {
                assertEquals(smoothedDensity(theta[k], S3_KERNEL), nu[k], 1e-14,
                        "N = " + delays + ", theta = " + theta[k]);
            }
            // The smoothing keeps the mass (nu is analytic and periodic: trapezoid sum).
            double[] even = measure.density(SmoothedSpectralMeasure.grid(400), S3_KERNEL);
            double sum = 0;
            for (double v : even) {
                sum += v * 2 * Math.PI / even.length;
            }
            assertEquals(21.0 / 32, sum, 1e-13, "N = " + delays);
        }
    }

    @Test
    void smallerEpsilonApproachesTheDensityAtTheKernelsOrder() {
        // k_n = 1 + O((epsilon n)^m): halving epsilon divides the error by about 2^m.
        ResolventSpectralMeasure measure = measure(10);
        double[] theta = SmoothedSpectralMeasure.grid(64);
        for (int order = 1; order <= 3; order++) {
            double[] error = new double[2];
            for (int h = 0; h < 2; h++) {
                ResolventKernel kernel = new ResolventKernel(order, 0.02 / (1 << h));
                double[] nu = measure.density(theta, kernel);
                for (int k = 0; k < theta.length; k++) {
                    error[h] = Math.max(error[h], Math.abs(nu[k] - density(theta[k])));
                }
            }
            double ratio = error[0] / error[1];
            assertEquals(1 << order, ratio, 0.1 * (1 << order), "order " + order
                    + ": errors " + error[0] + ", " + error[1]);
        }
    }

    @Test
    void atTheGridsPeriodTheMeasureIsTheAliasedOne() {
        // N = PERIOD: K s_{P-1} = s_P = s_0 on the grid, so the model is the grid's cyclic
        // permutation and its moments repeat, mu_{r + jP} = mu_r: the smoothed measure is
        // (1/2 pi) sum_j sum_{|r| <= 2} k_{r + jP} mu_r e^{-i (r + jP) theta}. The extra terms
        // are of size |k_{P-2}| ~ 1.51^{-22} ~ 1e-4 here; on 256^2 (P = 192) about 1e-34.
        ResolventSpectralMeasure measure = measure(PERIOD);
        double worstAliased = 0;
        double worstContinuum = 0;
        for (double theta : SmoothedSpectralMeasure.grid(61)) {
            double sum = 0;
            for (int j = -30; j <= 30; j++) {
                for (int r = -2; r <= 2; r++) {
                    int n = r + j * PERIOD;
                    sum += S3_KERNEL.fourierCoefficient(n).times(mu(r))
                            .times(Complex.unit(-n * theta)).re();
                }
            }
            double nu = measure.density(theta, S3_KERNEL);
            worstAliased = Math.max(worstAliased, Math.abs(nu - sum / (2 * Math.PI)));
            worstContinuum = Math.max(worstContinuum,
                    Math.abs(nu - smoothedDensity(theta, S3_KERNEL)));
        }
        assertTrue(worstAliased < 1e-14, "against the aliased series: " + worstAliased);
        assertTrue(worstContinuum > 1e-6, "against the continuum: " + worstContinuum);
    }

    @Test
    void beyondTheGridsPeriodTheKrylovDictionaryIsDependent() {
        assertThrows(IllegalArgumentException.class, () -> fit(PERIOD + 1));
    }
}
