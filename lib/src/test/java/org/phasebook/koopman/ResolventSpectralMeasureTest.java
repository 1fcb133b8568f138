package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.CircleRotation;

class ResolventSpectralMeasureTest {

    private static final double OMEGA = Math.PI * (Math.sqrt(5) - 1);
    private static final int K = 6;
    /** Fourier coefficients of g: chat_k = 1 / (1 + k^2) + 0.1 i k, |k| <= K. */
    private static final Complex[] CHAT = new Complex[2 * K + 1];
    private static EdmdModel model;
    private static ComplexVector coefficients;

    @BeforeAll
    static void fit() {
        FourierDictionary dictionary = FourierDictionary.of(1, K);
        // Trapezoid nodes: G = I and A is the rotation, exactly (brief §4, oracle 4).
        model = new Edmd(dictionary).fit(SnapshotPairs.ofMap(new CircleRotation(OMEGA)::apply,
                Quadrature.periodicTrapezoid(32)));
        double[] re = new double[dictionary.size()];
        double[] im = new double[dictionary.size()];
        for (int k = -K; k <= K; k++) {
            CHAT[k + K] = new Complex(1.0 / (1 + k * k), 0.1 * k);
            ComplexVector e = dictionary.exponential(k);
            for (int j = 0; j < re.length; j++) {
                Complex t = e.get(j).times(CHAT[k + K]);
                re[j] += t.re();
                im[j] += t.im();
            }
        }
        coefficients = new ComplexVector(re, im);
    }

    private static double squaredNorm() {
        double sum = 0;
        for (Complex c : CHAT) {
            sum += c.abs() * c.abs();
        }
        return sum;
    }

    @Test
    void rotationMeasureIsTheKernelCentredAtEachAtom() {
        ResolventSpectralMeasure measure = ResolventSpectralMeasure.of(model, coefficients);
        assertEquals(squaredNorm(), measure.mass(), 1e-13);
        for (int order = 1; order <= 4; order++) {
            for (double epsilon : new double[] {0.05, 0.3}) {
                ResolventKernel kernel = new ResolventKernel(order, epsilon);
                for (double theta : SmoothedSpectralMeasure.grid(37)) {
                    double exact = 0;
                    for (int k = -K; k <= K; k++) {
                        double a = CHAT[k + K].abs();
                        exact += a * a * kernel.value(theta - k * OMEGA);
                    }
                    assertEquals(exact, measure.density(theta, kernel),
                            1e-12 * (1 + Math.abs(exact)), "m = " + order + ", eps = " + epsilon);
                }
            }
        }
    }

    @Test
    void resolventRouteIsTheMomentRouteWithTheKernelAsFilter() {
        // mu_n = sum_k |chat_k|^2 e^{i n k omega}; nu = (1/2pi) sum_n k_n mu_n e^{-i n theta}.
        ResolventKernel kernel = new ResolventKernel(2, 0.1);
        int nMax = 600;
        Autocorrelations mu = Autocorrelations.of(nMax, n -> {
            Complex sum = Complex.ZERO;
            for (int k = -K; k <= K; k++) {
                double a = CHAT[k + K].abs();
                sum = sum.plus(Complex.unit(n * k * OMEGA).times(a * a));
            }
            return n == 0 ? Complex.real(sum.re()) : sum;
        });
        ResolventSpectralMeasure measure = ResolventSpectralMeasure.of(model, coefficients);
        double[] theta = SmoothedSpectralMeasure.grid(50);
        double[] nu = measure.density(theta, kernel);
        for (int p = 0; p < theta.length; p++) {
            double sum = mu.moment(0).re();
            for (int n = 1; n <= nMax; n++) {
                sum += 2 * kernel.fourierCoefficient(n).times(mu.moment(n))
                        .times(Complex.unit(-n * theta[p])).re();
            }
            assertEquals(sum / (2 * Math.PI), nu[p], 1e-12);
        }
    }

    @Test
    void resultDoesNotDependOnTheBasisOfTheDictionarySpan() {
        // psi'_0 = psi_0, psi'_j = psi_j + psi_{j-1} / 2: a non-orthonormal basis of the same
        // span, so R is no longer the identity; g's coefficients become f' = B^{-T} f.
        FourierDictionary fourier = FourierDictionary.of(1, K);
        Dictionary mixed = new Dictionary() {
            private final double[] values = new double[fourier.size()];

            @Override
            public int size() {
                return fourier.size();
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                fourier.evaluate(x, values);
                out[0] = values[0];
                for (int j = 1; j < values.length; j++) {
                    out[j] = values[j] + 0.5 * values[j - 1];
                }
            }
        };
        EdmdModel mixedModel = new Edmd(mixed).fit(SnapshotPairs.ofMap(
                new CircleRotation(OMEGA)::apply, Quadrature.periodicTrapezoid(32)));
        int n = fourier.size();
        double[] re = coefficients.re();
        double[] im = coefficients.im();
        for (int j = n - 2; j >= 0; j--) {
            re[j] -= 0.5 * re[j + 1];
            im[j] -= 0.5 * im[j + 1];
        }
        ResolventSpectralMeasure expected = ResolventSpectralMeasure.of(model, coefficients);
        ResolventSpectralMeasure actual = ResolventSpectralMeasure.of(mixedModel,
                new ComplexVector(re, im));
        assertEquals(expected.mass(), actual.mass(), 1e-13);
        ResolventKernel kernel = new ResolventKernel(3, 0.1);
        for (double theta : SmoothedSpectralMeasure.grid(23)) {
            assertEquals(expected.density(theta, kernel), actual.density(theta, kernel), 1e-12);
        }
    }

    @Test
    void smoothedMeasureKeepsTheMass() {
        // nu_eps is analytic and periodic: the trapezoid rule converges geometrically.
        ResolventSpectralMeasure measure = ResolventSpectralMeasure.of(model, coefficients);
        for (int order : new int[] {1, 3}) {
            double[] nu = measure.density(SmoothedSpectralMeasure.grid(800),
                    new ResolventKernel(order, 0.1));
            double sum = 0;
            for (double v : nu) {
                sum += v * 2 * Math.PI / nu.length;
            }
            assertEquals(squaredNorm(), sum, 1e-12);
        }
    }

    @Test
    void hessenbergReductionIsAnOrthogonalSimilarity() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 7;
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        double[][] z = new double[n][n];
        double[][] h = ResolventSpectralMeasure.hessenberg(a, z);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i > j + 1) {
                    assertEquals(0.0, h[i][j], 0.0);
                }
                double zhzt = 0;
                double ztz = 0;
                for (int k = 0; k < n; k++) {
                    ztz += z[k][i] * z[k][j];
                    for (int l = 0; l < n; l++) {
                        zhzt += z[i][k] * h[k][l] * z[j][l];
                    }
                }
                assertEquals(a[i][j], zhzt, 1e-14);
                assertEquals(i == j ? 1.0 : 0.0, ztz, 1e-15);
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("coefficients must have length N = 13, got 2", assertThrows(
                IllegalArgumentException.class,
                () -> ResolventSpectralMeasure.of(model, ComplexVector.real(new double[2])))
                .getMessage());
        ResolventSpectralMeasure measure = ResolventSpectralMeasure.of(model, coefficients);
        assertEquals("theta must be finite, got NaN", assertThrows(
                IllegalArgumentException.class,
                () -> measure.density(Double.NaN, new ResolventKernel(1, 0.1))).getMessage());
        assertTrue(measure.toString().contains("N=13"));
    }
}
