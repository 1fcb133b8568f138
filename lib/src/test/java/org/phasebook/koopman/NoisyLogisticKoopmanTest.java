package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.NoisyLogisticMap;

/**
 * The exact stochastic Koopman operator of the noisy logistic map (brief §4, oracle 6), checked
 * first against the brief's eigenvalues and against the map's own transition density, then
 * against EDMD on noisy samples, whose error must shrink like {@code M^{-1/2}}.
 */
class NoisyLogisticKoopmanTest {

    private static final NoisyLogisticKoopman EXACT = NoisyLogisticKoopman.fullyChaotic();

    /** The brief's non-zero eigenvalues of {@code P} for {@code r = 4}, 10 decimals. */
    private static final Complex[] BRIEF = {
        Complex.ONE,
        new Complex(-0.1933380625, 0.1909430016),
        new Complex(-0.1933380625, -0.1909430016),
        Complex.real(-0.0266545927),
        Complex.real(0.0221187599),
        Complex.real(0.0053416873),
        Complex.real(-0.0010559199),
        Complex.real(0.0001575543),
    };

    @Test
    void eigenvaluesAreTheBriefsToTenDecimals() {
        Complex[] lambda = EXACT.eigenvalues();
        assertEquals(NoisyLogisticKoopman.RANK, lambda.length);
        for (int k = 0; k < BRIEF.length; k++) {
            assertTrue(lambda[k].minus(BRIEF[k]).abs() < 1e-9,
                    "eigenvalue " + k + ": " + lambda[k] + ", brief " + BRIEF[k]);
        }
        // "The rest ~0": they decay fast, the next being about -1.5e-5.
        for (int k = BRIEF.length; k < lambda.length; k++) {
            assertTrue(lambda[k].abs() < 2e-5, "eigenvalue " + k + ": " + lambda[k]);
        }
    }

    @Test
    void rowsOfOddIndexVanishBySymmetryAboutOneHalf() {
        double[][] p = EXACT.koopmanMatrix();
        double largest = Arrays.stream(p).flatMapToDouble(Arrays::stream).map(Math::abs).max()
                .getAsDouble();
        for (int i = 1; i < NoisyLogisticKoopman.RANK; i += 2) {
            for (int j = 0; j < NoisyLogisticKoopman.RANK; j++) {
                assertTrue(Math.abs(p[i][j]) < 1e-13 * largest, "P[" + i + "][" + j + "] = "
                        + p[i][j]);
            }
        }
    }

    @Test
    void expansionIsTheTransitionDensityOfTheMap() {
        for (double r : new double[] {4.0, 3.3}) {
            NoisyLogisticMap map = new NoisyLogisticMap(r, 1.0, 0);
            NoisyLogisticKoopman exact = NoisyLogisticKoopman.of(map);
            for (int a = 0; a <= 20; a++) {
                for (int b = 0; b <= 20; b++) {
                    double x = a / 20.0;
                    double y = b / 20.0;
                    // The density peaks at 2^20 / binom(20, 10) = 5.68.
                    assertEquals(map.transitionDensity(x, y), exact.kernel(x, y), 1e-12,
                            "r = " + r + ", x = " + x + ", y = " + y);
                }
            }
        }
    }

    /**
     * {@code (K psi_j)(x) = integral p(y | x) psi_j(y) dy}, with the map's density and a separate
     * quadrature, equals {@code sum_i psi_i(x) P_ij}: this fixes the normalisation of the
     * {@code phi_i} and the orientation of {@code P} (not its transpose).
     */
    @Test
    void koopmanMatrixMapsTheDictionaryAsTheOperatorDoes() {
        for (double r : new double[] {4.0, 3.3}) {
            NoisyLogisticMap map = new NoisyLogisticMap(r, 1.0, 0);
            NoisyLogisticKoopman exact = NoisyLogisticKoopman.of(map);
            double[][] p = exact.koopmanMatrix();
            Dictionary psi = exact.dictionary();
            Quadrature rule = Quadrature.gaussLegendre(700, 0, 1);
            double[][] psiY = psi.evaluate(rule.points());
            for (double x : new double[] {0.0, 0.13, 0.5, 0.77, 1.0}) {
                double[] psiX = new double[psi.size()];
                psi.evaluate(new double[] {x}, psiX);
                double scale = Arrays.stream(psiY).flatMapToDouble(Arrays::stream)
                        .map(Math::abs).max().getAsDouble();
                for (int j = 0; j < psi.size(); j++) {
                    double integral = 0;
                    for (int m = 0; m < rule.size(); m++) {
                        integral += rule.weights().get(m)
                                * map.transitionDensity(x, rule.point(m)[0]) * psiY[m][j];
                    }
                    double expansion = 0;
                    for (int i = 0; i < psi.size(); i++) {
                        expansion += psiX[i] * p[i][j];
                    }
                    assertEquals(integral, expansion, 1e-11 * scale,
                            "r = " + r + ", x = " + x + ", j = " + j);
                }
            }
        }
    }

    @Test
    void dictionaryIsPhiOfTheLogisticImage() {
        Dictionary psi = EXACT.dictionary();
        assertEquals(21, psi.size());
        assertEquals(1, psi.dimension());
        double[] x = {0.31};
        double[] values = new double[21];
        psi.evaluate(x, values);
        assertEquals(0.31, x[0]);
        double u = 4 * 0.31 * 0.69;
        double binomial = 1;
        for (int i = 0; i <= 20; i++) {
            // c_i^2 = pi binom(20, i) / B(10.5, 0.5), with B(10.5, 0.5) = pi binom(20, 10) / 2^20.
            double c = Math.sqrt(binomial * Math.pow(2, 20) / 184756.0);
            double expected = c * Math.pow(Math.sin(Math.PI * u), 20 - i)
                    * Math.pow(Math.cos(Math.PI * u), i);
            assertEquals(expected, values[i], 1e-12 * Math.max(1, Math.abs(expected)), "i = " + i);
            binomial = binomial * (20 - i) / (i + 1);
        }
        double[] mirrored = new double[21];
        psi.evaluate(new double[] {0.69}, mirrored);
        for (int i = 0; i <= 20; i++) {
            assertEquals(values[i], mirrored[i], 1e-12 * Math.max(1, Math.abs(values[i])));
        }
    }

    @Test
    void eigenvalueErrorIsTheDistanceToTheNearestEstimate() {
        Complex[] exact = EXACT.eigenvalues();
        assertEquals(0.0, EXACT.eigenvalueError(exact, 21));
        Complex[] moved = exact.clone();
        moved[1] = moved[1].plus(new Complex(0.003, -0.004));
        // lambda_2 = conj(lambda_1) is still among the estimates, lambda_1 is 0.005 from its own.
        assertEquals(0.005, EXACT.eigenvalueError(moved, 3), 1e-12);
        assertEquals(0.0, EXACT.eigenvalueError(moved, 1));
        assertEquals(exact[0].minus(Complex.real(0.5)).abs(),
                EXACT.eigenvalueError(new Complex[] {Complex.real(0.5)}, 1), 1e-15);
    }

    /**
     * EDMD on noisy data, {@code x_m} uniform, five seeds at {@code M = 10^3} and {@code 10^5}.
     * The constants are in the span, so 1 is exact. The Galerkin defect {@code A - G P}, an
     * average of independent zero-mean terms, follows {@code M^{-1/2}}: a ratio of 10 (7.0 to
     * 13.1 over 30 sets of seeds). The eigenvalue error of the leading pair falls by less, about
     * 4.5 (2.3 to 7.9): at {@code M = 10^3} spurious eigenvalues, spread around 0 by the noise
     * from the ill-conditioned small eigenvalues, lie near the pair and cap its error. At
     * {@code M = 10^5} it is in the first-order regime, {@code C / sqrt(M)} with {@code C} 4.2 to
     * 12.9 over those sets. A non-converging estimator gives ratios near 1, a biased one a large
     * {@code C}.
     */
    @Test
    void edmdOnNoisySamplesConvergesLikeOneOverSqrtM() {
        int seeds = 5;
        int[] sizes = {1_000, 100_000};
        double[] defect = new double[2];
        double[] error = new double[2];
        for (int k = 0; k < sizes.length; k++) {
            for (int s = 0; s < seeds; s++) {
                NoisyLogisticMap map = NoisyLogisticMap.fullyChaotic(100 * k + s);
                SnapshotPairs data = SnapshotPairs.ofMap(map::apply, Quadrature.monteCarlo(
                        sizes[k], new double[] {0}, new double[] {1}, 7 + 100 * k + s));
                EdmdModel model = new Edmd(EXACT.dictionary()).fit(data);
                assertTrue(EXACT.eigenvalueError(model, 1) < 1e-10,
                        "eigenvalue 1 at M = " + sizes[k] + ": " + EXACT.eigenvalueError(model, 1));
                defect[k] += EXACT.galerkinDefect(model) / seeds;
                error[k] += EXACT.eigenvalueError(model, 3) / seeds;
            }
        }
        double defectRatio = defect[0] / defect[1];
        assertTrue(defectRatio > 5 && defectRatio < 20, "||A - GP|| ratio " + defectRatio);
        double errorRatio = error[0] / error[1];
        assertTrue(errorRatio > 1.5 && errorRatio < 30, "eigenvalue error ratio " + errorRatio
                + " (errors " + Arrays.toString(error) + ")");
        double constant = Math.sqrt(sizes[1]) * error[1];
        assertTrue(constant > 2 && constant < 25, "sqrt(M) * eigenvalue error at M = 1e5: "
                + constant);
    }

    @Test
    void returnsCopies() {
        double[][] p = EXACT.koopmanMatrix();
        p[0][0] = 42;
        assertTrue(EXACT.koopmanMatrix()[0][0] != 42);
        Complex[] lambda = EXACT.eigenvalues();
        lambda[0] = Complex.ZERO;
        assertEquals(Complex.ONE.re(), EXACT.eigenvalues()[0].re(), 1e-12);
        assertEquals(4.0, EXACT.r());
        assertEquals("NoisyLogisticKoopman[r=4.0, rank=21]", EXACT.toString());
    }

    @Test
    void rejectsBadInputs() {
        assertEquals("map.noiseAmplitude() must be 1 for the rank-21 expansion of the transition"
                + " density (the noise must fill the circle), got 0.5",
                assertThrows(IllegalArgumentException.class, () -> NoisyLogisticKoopman.of(
                        new NoisyLogisticMap(4.0, 0.5, 0))).getMessage());
        assertThrows(NullPointerException.class, () -> NoisyLogisticKoopman.of(null));
        Complex[] one = {Complex.ONE};
        assertEquals("leading must be in [1, 21], got 0", assertThrows(
                IllegalArgumentException.class, () -> EXACT.eigenvalueError(one, 0)).getMessage());
        assertEquals("leading must be in [1, 21], got 22", assertThrows(
                IllegalArgumentException.class, () -> EXACT.eigenvalueError(one, 22)).getMessage());
        assertEquals("estimates must hold at least 1 eigenvalue, got 0", assertThrows(
                IllegalArgumentException.class,
                () -> EXACT.eigenvalueError(new Complex[0], 1)).getMessage());
        assertEquals("estimates[1] must be finite, got NaN + 0.0i", assertThrows(
                IllegalArgumentException.class, () -> EXACT.eigenvalueError(
                        new Complex[] {Complex.ONE, Complex.real(Double.NaN)}, 1)).getMessage());
        assertThrows(NullPointerException.class,
                () -> EXACT.eigenvalueError((EdmdModel) null, 1));
        SnapshotPairs data = SnapshotPairs.ofMap(NoisyLogisticMap.fullyChaotic(1)::apply,
                Quadrature.monteCarlo(100, new double[] {0}, new double[] {1}, 2));
        EdmdModel other = new Edmd(new LegendreDictionary(21, 0, 1)).fit(data);
        assertEquals("model must be fitted with this operator's dictionary()"
                + " NoisyLogisticDictionary[r=4.0, N=21, psi_i = phi_i o F], got "
                + other.dictionary(), assertThrows(IllegalArgumentException.class,
                        () -> EXACT.galerkinDefect(other)).getMessage());
        // An equal dictionary from another instance is accepted.
        EdmdModel same = new Edmd(NoisyLogisticKoopman.fullyChaotic().dictionary()).fit(data);
        assertTrue(EXACT.galerkinDefect(same) > 0);
    }
}
