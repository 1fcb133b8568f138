package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** EDMD against exact spectra: invariant dictionaries make EDMD exact. */
class EdmdTest {

    /** The rotation theta -> theta + omega on the circle. */
    private static EdmdModel rotation(double omega, int maxWavenumber, Quadrature rule) {
        return new Edmd(FourierDictionary.of(1, maxWavenumber)).fit(SnapshotPairs.ofMap(
                (x, next) -> next[0] = x[0] + omega, rule));
    }

    private static double[][] randomAngles(int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] theta = new double[m][1];
        for (double[] row : theta) {
            row[0] = random.nextDouble(0, 2 * Math.PI);
        }
        return theta;
    }

    @Test
    void rotationWithFourierModesAndTrapezoidRuleHasEigenvaluesExpIKOmega() {
        double omega = 1.0;
        int maxWavenumber = 6;
        EdmdModel model = rotation(omega, maxWavenumber, Quadrature.periodicTrapezoid(32));
        Complex[] expected = new Complex[2 * maxWavenumber + 1];
        for (int k = -maxWavenumber; k <= maxWavenumber; k++) {
            expected[k + maxWavenumber] = Complex.unit(k * omega);
        }
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-12);
        // G = I exactly with the trapezoid rule: orthonormal modes.
        assertTrue(Spectra.maxDifference(DenseMatrix.identity(13).toArray(),
                model.galerkin().g()) < 1e-14);

        double[][] test = randomAngles(50, 1);
        ComplexVector[] phi = model.eigenfunctions(test);
        for (int k = -maxWavenumber; k <= maxWavenumber; k++) {
            int j = Spectra.nearest(model.eigenvalues(), Complex.unit(k * omega));
            double[] re = new double[test.length];
            double[] im = new double[test.length];
            for (int m = 0; m < test.length; m++) {
                re[m] = Math.cos(k * test[m][0]);
                im[m] = Math.sin(k * test[m][0]);
            }
            ComplexVector exp = new ComplexVector(re, im);
            assertTrue(Spectra.proportionalityError(phi[j], exp) < 1e-12,
                    "phi_j is proportional to e^{ik theta}, k = " + k);
            // Normalised: ||phi||_W = 1 = ||e^{ik theta}||, so |phi| = 1 everywhere.
            assertEquals(1.0, phi[j].get(3).abs(), 1e-12);
            assertTrue(model.residual(j) <= 1e-12, "residual " + model.residual(j));
        }
        assertTrue(model.maxResidual() <= 1e-12);
    }

    @Test
    void rotationByTheBriefsAngleGivesItsEigenvalue() {
        EdmdModel model = rotation(1.4 * Math.PI, 4, Quadrature.periodicTrapezoid(16));
        Complex expected = new Complex(-0.30901699437494756, -0.9510565162951535);
        int j = Spectra.nearest(model.eigenvalues(), expected);
        assertEquals(0.0, model.eigenvalue(j).minus(expected).abs(), 1e-14);
    }

    @Test
    void rotationOnRandomPointsWithMonteCarloWeightsIsStillExact() {
        double omega = Math.sqrt(2);
        int maxWavenumber = 5;
        EdmdModel model = rotation(omega, maxWavenumber,
                new Quadrature(randomAngles(200, 2), Weights.monteCarlo(200)));
        Complex[] expected = new Complex[2 * maxWavenumber + 1];
        for (int k = -maxWavenumber; k <= maxWavenumber; k++) {
            expected[k + maxWavenumber] = Complex.unit(k * omega);
        }
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-12);
        assertTrue(model.maxResidual() <= 1e-12, "max residual " + model.maxResidual());
    }

    @Test
    void scalarLinearMapWithLegendrePolynomialsHasEigenvaluesPowersOfA() {
        double a = 0.6;
        int n = 8;
        EdmdModel model = new Edmd(new LegendreDictionary(n, -1, 0)).fit(SnapshotPairs.ofMap(
                (x, next) -> next[0] = a * x[0], Quadrature.gaussLegendre(20, -1, 0)));
        Complex[] expected = new Complex[n];
        for (int j = 0; j < n; j++) {
            expected[j] = Complex.real(Math.pow(a, j));
        }
        // K_EDMD is far from normal in this basis: the eigenvalue condition numbers
        // 1/|w_j^* v_j| reach 2e4 (at a^5), so rounding moves the eigenvalues by ~1e-12.
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-11);
        // Eigenfunction of a^j is x^j.
        double[][] test = {{-0.9}, {-0.7}, {-0.5}, {-0.31}, {-0.2}, {-0.05}};
        ComplexVector[] phi = model.eigenfunctions(test);
        for (int j = 0; j < n; j++) {
            double[] power = new double[test.length];
            for (int m = 0; m < test.length; m++) {
                power[m] = Math.pow(test[m][0], j);
            }
            int index = Spectra.nearest(model.eigenvalues(), expected[j]);
            assertTrue(Spectra.proportionalityError(phi[index], ComplexVector.real(power)) < 1e-10,
                    "eigenfunction of a^" + j + " is x^" + j);
            assertTrue(model.residual(index) < 1e-13, "residual " + model.residual(index));
        }
    }

    @Test
    void scalarLinearMapWithMonomialsHasEigenvaluesPowersOfA() {
        double a = -0.8;
        EdmdModel model = new Edmd(MonomialDictionary.of(1, 5)).fit(SnapshotPairs.ofMap(
                (x, next) -> next[0] = a * x[0], Quadrature.gaussLegendre(12, -1, 1)));
        Complex[] expected = new Complex[6];
        for (int j = 0; j < 6; j++) {
            expected[j] = Complex.real(Math.pow(a, j));
        }
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-13);
        // The monomials are the eigenfunctions: K_EDMD is diagonal.
        double[][] k = model.koopmanMatrix();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(i == j ? Math.pow(a, i) : 0.0, k[i][j], 1e-13);
            }
        }
    }

    @Test
    void rotationDilationInThePlaneHasTheProductsOfItsEigenvalues() {
        double r = 0.9;
        double theta = 0.7;
        double c = r * Math.cos(theta);
        double s = r * Math.sin(theta);
        int degree = 4;
        SplittableRandom random = new SplittableRandom(3);
        double[][] points = new double[300][2];
        for (double[] p : points) {
            p[0] = random.nextDouble(-1, 1);
            p[1] = random.nextDouble(-1, 1);
        }
        EdmdModel model = new Edmd(MonomialDictionary.of(2, degree)).fit(SnapshotPairs.ofMap(
                (x, next) -> {
                    next[0] = c * x[0] - s * x[1];
                    next[1] = s * x[0] + c * x[1];
                }, points, Weights.monteCarlo(300)));
        Complex mu = Complex.polar(r, theta);
        double[][] test = {{0.3, -0.2}, {-0.7, 0.1}, {0.5, 0.5}, {0.05, -0.9}};
        ComplexVector[] phi = model.eigenfunctions(test);
        int count = 0;
        Complex[] expected = new Complex[model.size()];
        for (int i = 0; i <= degree; i++) {
            for (int j = 0; i + j <= degree; j++) {
                Complex lambda = mu.pow(i).times(mu.conjugate().pow(j));
                expected[count++] = lambda;
                // Eigenfunction (x + iy)^i (x - iy)^j.
                Complex[] values = new Complex[test.length];
                for (int m = 0; m < test.length; m++) {
                    Complex z = new Complex(test[m][0], test[m][1]);
                    values[m] = z.pow(i).times(z.conjugate().pow(j));
                }
                int index = Spectra.nearest(model.eigenvalues(), lambda);
                assertTrue(Spectra.proportionalityError(phi[index], ComplexVector.of(values))
                        < 1e-11, "eigenfunction of mu^" + i + " conj(mu)^" + j);
                assertTrue(model.residual(index) < 1e-13, "residual " + model.residual(index));
            }
        }
        assertEquals(15, count);
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-13);
    }

    @Test
    void briefsTriangularLinearMapGivesItsFifteenEigenvalues() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] points = new double[500][2];
        for (double[] p : points) {
            p[0] = random.nextGaussian();
            p[1] = random.nextGaussian();
        }
        EdmdModel model = new Edmd(MonomialDictionary.of(2, 4)).fit(SnapshotPairs.ofMap(
                (x, next) -> {
                    next[0] = 0.9 * x[0] - 0.1 * x[1];
                    next[1] = 0.8 * x[1];
                }, points, Weights.monteCarlo(500)));
        double[] values = {1, 0.9, 0.81, 0.8, 0.729, 0.72, 0.6561, 0.648, 0.64, 0.5832, 0.576,
            0.5184, 0.512, 0.4608, 0.4096};
        Complex[] expected = new Complex[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = Complex.real(values[i]);
        }
        Spectra.assertSameSpectrum(expected, model.eigenvalues(), 1e-13);
        assertTrue(model.maxResidual() < 1e-13, "max residual " + model.maxResidual());
    }

    @Test
    void dictionaryLargerThanTheDataIsRefused() {
        SnapshotPairs data = SnapshotPairs.ofMap((x, next) -> next[0] = x[0],
                Quadrature.periodicTrapezoid(10));
        assertEquals("the dictionary size N = 11 exceeds the number of snapshot pairs M = 10:"
                        + " EDMD needs N <= M (use fewer functions or more data)",
                assertThrows(IllegalArgumentException.class,
                        () -> new Edmd(FourierDictionary.of(1, 5)).fit(data)).getMessage());
    }

    @Test
    void dimensionMismatchIsRefused() {
        SnapshotPairs data = SnapshotPairs.of(new double[][] {{1, 2}, {3, 4}, {5, 7}},
                new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertEquals("the dictionary takes points of dimension d = 1, the data have dimension 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new Edmd(new LegendreDictionary(2, 0, 1)).fit(data)).getMessage());
    }

    @Test
    void dependentFunctionsOnTheDataAreRefused() {
        // On data with x_1 = x_0 the monomials x_0 and x_1 coincide.
        double[][] x = {{0.1, 0.1}, {0.2, 0.2}, {0.3, 0.3}, {0.5, 0.5}};
        String message = assertThrows(IllegalArgumentException.class,
                () -> new Edmd(MonomialDictionary.of(2, 1)).fit(SnapshotPairs.of(x, x)))
                .getMessage();
        assertTrue(message.startsWith("W^{1/2} Psi_X is numerically rank deficient: |R[2][2]| = "),
                message);
        assertTrue(message.contains("dictionary function 2 depends linearly"), message);
    }

    @Test
    void nonFiniteDictionaryValuesAreRefused() {
        double[][] x = {{1e200}, {1}, {2}};
        assertEquals("dictionary function 2 at x[0] is not finite: Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new Edmd(MonomialDictionary.of(1, 2)).fit(SnapshotPairs.of(x, x)))
                        .getMessage());
    }

    @Test
    void nullDictionaryIsRefused() {
        assertThrows(NullPointerException.class, () -> new Edmd(null));
    }
}
