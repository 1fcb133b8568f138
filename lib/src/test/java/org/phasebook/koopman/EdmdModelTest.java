package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EdmdModelTest {

    private static final double OMEGA = 1.0;

    private static final FourierDictionary FOURIER = FourierDictionary.of(1, 4);

    /** The rotation by {@code OMEGA} with 9 Fourier modes on the 24-point trapezoid rule. */
    private static EdmdModel rotation() {
        return new Edmd(FOURIER).fit(SnapshotPairs.ofMap((x, next) -> next[0] = x[0] + OMEGA,
                Quadrature.periodicTrapezoid(24)));
    }

    /** The Gauss map F(x) = e^{-2x^2} - 1 - e^{-2} on [-1, 0] (brief §4, oracle 7). */
    private static void gaussMap(double[] x, double[] next) {
        next[0] = Math.exp(-2 * x[0] * x[0]) - 1 - Math.exp(-2);
    }

    /** A nonlinear planar map on random points with an RBF dictionary: residuals of order 1. */
    private static EdmdModel nonlinear() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] points = new double[400][2];
        for (double[] p : points) {
            p[0] = random.nextDouble(-1, 1);
            p[1] = random.nextDouble(-1, 1);
        }
        double[][] centres = new double[30][2];
        for (double[] c : centres) {
            c[0] = random.nextDouble(-1, 1);
            c[1] = random.nextDouble(-1, 1);
        }
        return new Edmd(RadialBasisDictionary.of(centres, 0.8)).fit(SnapshotPairs.ofMap(
                (x, next) -> {
                    next[0] = x[1];
                    next[1] = -0.5 * x[0] + 0.9 * x[1] - 0.3 * x[1] * x[1] * x[1];
                }, points, Weights.monteCarlo(points.length)));
    }

    @Test
    void residualOfAnExactEigenpairIsZeroToRounding() {
        EdmdModel model = rotation();
        for (int k = -4; k <= 4; k++) {
            double res = model.residual(Complex.unit(k * OMEGA), FOURIER.exponential(k));
            assertTrue(res <= 1e-15, "k = " + k + ": " + res);
        }
    }

    @Test
    void residualOfAWrongEigenvalueIsTheDistanceForTheRotation() {
        // ||(K - lambda) e^{ik theta}|| = |e^{ik omega} - lambda| ||e^{ik theta}||.
        EdmdModel model = rotation();
        Complex[] candidates = {Complex.ZERO, new Complex(0.3, -0.2), Complex.real(2),
            Complex.unit(2.5), new Complex(-1, 1)};
        for (int k = -4; k <= 4; k++) {
            for (Complex lambda : candidates) {
                double expected = Complex.unit(k * OMEGA).minus(lambda).abs();
                assertEquals(expected, model.residual(lambda, FOURIER.exponential(k)),
                        1e-14 * (1 + expected), "k = " + k + ", lambda = " + lambda);
            }
        }
        // Scaling v does not change the residual.
        assertEquals(Complex.unit(OMEGA).minus(Complex.ZERO).abs(),
                model.residual(Complex.ZERO, FOURIER.exponential(1).times(new Complex(0, 7))),
                1e-14);
    }

    @Test
    void qrGalerkinAndDataFormsOfTheResidualAgree() {
        EdmdModel model = nonlinear();
        SnapshotPairs data = model.data();
        double[][] psiX = model.dictionary().evaluate(data.x());
        double[][] psiY = model.dictionary().evaluate(data.y());
        double[] w = data.weights().values();
        double maxResidual = 0.0;
        for (int j = 0; j < model.size(); j++) {
            Complex lambda = model.eigenvalue(j);
            ComplexVector v = model.eigenvector(j);
            // Data form ||W^{1/2}(Psi_Y - lambda Psi_X) v|| / ||W^{1/2} Psi_X v||.
            ComplexVector px = Spectra.times(psiX, v);
            ComplexVector py = Spectra.times(psiY, v);
            double num = 0.0;
            double den = 0.0;
            for (int m = 0; m < w.length; m++) {
                Complex r = py.get(m).minus(lambda.times(px.get(m)));
                num += w[m] * r.abs() * r.abs();
                den += w[m] * px.get(m).abs() * px.get(m).abs();
            }
            double dataForm = Math.sqrt(num / den);
            assertEquals(1.0, den, 1e-10, "eigenfunctions are normalised in L^2(W)");
            assertEquals(dataForm, model.residual(j), 1e-10 * Math.max(dataForm, 1e-2));
            assertEquals(dataForm, model.residual(lambda, v), 1e-10 * Math.max(dataForm, 1e-2));
            assertEquals(dataForm, model.galerkin().residual(lambda, v), 1e-7);
            maxResidual = Math.max(maxResidual, dataForm);
        }
        assertTrue(maxResidual > 0.1, "the example has polluted eigenvalues: " + maxResidual);
        assertEquals(maxResidual, model.maxResidual(), 1e-10);
    }

    @Test
    void galerkinAndQrFormsMatchTheirDefinitions() {
        EdmdModel model = nonlinear();
        SnapshotPairs data = model.data();
        double[][] psiX = model.dictionary().evaluate(data.x());
        double[][] psiY = model.dictionary().evaluate(data.y());
        double[] w = data.weights().values();
        int n = model.size();
        double[][] g = new double[n][n];
        double[][] a = new double[n][n];
        double[][] l = new double[n][n];
        for (int m = 0; m < w.length; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g[i][j] += w[m] * psiX[m][i] * psiX[m][j];
                    a[i][j] += w[m] * psiX[m][i] * psiY[m][j];
                    l[i][j] += w[m] * psiY[m][i] * psiY[m][j];
                }
            }
        }
        GalerkinMatrices galerkin = model.galerkin();
        assertTrue(Spectra.maxDifference(g, galerkin.g()) < 1e-14);
        assertTrue(Spectra.maxDifference(a, galerkin.a()) < 1e-14);
        assertTrue(Spectra.maxDifference(l, galerkin.l()) < 1e-14);

        // R^T R = G, R^T Ahat R = A, R^T (Ahat^T Ahat + B^T B) R = L.
        DenseMatrix r = DenseMatrix.of(model.qrForm().r());
        DenseMatrix aHat = DenseMatrix.of(model.qrForm().aHat());
        DenseMatrix b = DenseMatrix.of(model.qrForm().b());
        assertEquals(n, model.qrForm().b().length, "M - N >= N: B is square");
        assertTrue(Spectra.maxDifference(g, r.transposeTimes(r).toArray()) < 1e-13);
        assertTrue(Spectra.maxDifference(a, r.transposeTimes(aHat.times(r)).toArray()) < 1e-13);
        DenseMatrix lHat = aHat.transposeTimes(aHat);
        DenseMatrix btb = b.transposeTimes(b);
        for (int i = 0; i < lHat.data.length; i++) {
            lHat.data[i] += btb.data[i];
        }
        assertTrue(Spectra.maxDifference(l, r.transposeTimes(lHat.times(r)).toArray()) < 1e-13);
    }

    @Test
    void koopmanMatrixIsTheLeastSquaresSolutionAndCarriesTheEigenpairs() {
        EdmdModel model = nonlinear();
        double[][] k = model.koopmanMatrix();
        double[][] g = model.galerkin().g();
        // Normal equations G K = A.
        double[][] gk = DenseMatrix.of(g).times(DenseMatrix.of(k)).toArray();
        assertTrue(Spectra.maxDifference(gk, model.galerkin().a()) < 1e-12);
        double normK = Spectra.frobenius(k);
        for (int j = 0; j < model.size(); j++) {
            ComplexVector v = model.eigenvector(j);
            double error = Spectra.minus(Spectra.times(k, v), v.times(model.eigenvalue(j))).norm();
            assertTrue(error <= 1e-10 * normK * v.norm(), "pair " + j + ": " + error);
        }
    }

    @Test
    void gaussMapWithLegendrePolynomialsMatchesTheBriefsRegressionValues() {
        EdmdModel model = new Edmd(new LegendreDictionary(40, -1, 0)).fit(
                SnapshotPairs.ofMap(EdmdModelTest::gaussMap, Quadrature.gaussLegendre(100, -1, 0)));
        assertTrue(Spectra.maxDifference(DenseMatrix.identity(40).toArray(),
                model.galerkin().g()) < 1e-13);
        assertEquals(14, model.verified(1e-3).size());
        assertEquals(16, model.verified(1e-2).size());
        assertEquals(20, model.verified(0.1).size());
        // Constants: eigenvalue 1 exactly, residual 0. Functions supported where F never
        // lands: eigenvalue 0.
        int one = Spectra.nearest(model.eigenvalues(), Complex.ONE);
        // Not to 1e-15: K_EDMD is far from normal here (0 is a cluster of many eigenvalues).
        assertEquals(0.0, model.eigenvalue(one).minus(Complex.ONE).abs(), 1e-12);
        // The computed eigenvector is exact for a matrix within about N eps ||Ahat|| ~ 5e-14
        // of Ahat (||Ahat||_F = 6.1 here), so its residual is of that order, not 1e-16.
        double normAHat = Spectra.frobenius(model.qrForm().aHat());
        assertTrue(model.residual(one) < 40 * 1e-15 * normAHat, "residual at 1: "
                + model.residual(one) + ", ||Ahat|| = " + normAHat);
        double[] constant = new double[40];
        constant[0] = 1.0;
        assertTrue(model.residual(Complex.ONE, ComplexVector.real(constant)) < 1e-15);
        int zero = Spectra.nearest(model.eigenvalues(), Complex.ZERO);
        assertTrue(model.eigenvalue(zero).abs() < 1e-6, "eigenvalue near 0: " + model.eigenvalue(zero));
        assertTrue(model.residual(zero) < 1e-10, "residual at 0: " + model.residual(zero));
    }

    @Test
    void verifiedPairsAreThoseWithResidualBelowEpsilon() {
        EdmdModel model = nonlinear();
        double epsilon = 0.2;
        List<Eigenpair> verified = model.verified(epsilon);
        int expected = 0;
        for (int j = 0; j < model.size(); j++) {
            if (model.residual(j) <= epsilon) {
                expected++;
            }
        }
        assertEquals(expected, verified.size());
        assertTrue(expected > 0 && expected < model.size(), "a mixed example: " + expected);
        int previous = -1;
        for (Eigenpair pair : verified) {
            assertTrue(pair.residual() <= epsilon);
            assertTrue(pair.index() > previous, "in the order of the eigenvalues");
            previous = pair.index();
            assertEquals(model.eigenvalue(pair.index()), pair.eigenvalue());
            assertSame(model.eigenvector(pair.index()), pair.eigenvector());
        }
        assertEquals(model.size(), model.eigenpairs().size());
        assertEquals("epsilon must be >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> model.verified(-1)).getMessage());
        assertEquals("epsilon must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> model.verified(Double.NaN)).getMessage());
    }

    @Test
    void koopmanModesReconstructAndPredictALinearObservable() {
        // Rotation-dilation x -> J x; g(x) = x is in the span of the degree-2 monomials.
        double c = 0.8 * Math.cos(0.5);
        double s = 0.8 * Math.sin(0.5);
        SplittableRandom random = new SplittableRandom(12);
        double[][] points = new double[100][2];
        for (double[] p : points) {
            p[0] = random.nextDouble(-1, 1);
            p[1] = random.nextDouble(-1, 1);
        }
        EdmdModel model = new Edmd(MonomialDictionary.of(2, 2)).fit(SnapshotPairs.ofMap(
                (x, next) -> {
                    next[0] = c * x[0] - s * x[1];
                    next[1] = s * x[0] + c * x[1];
                }, points, Weights.monteCarlo(100)));
        ComplexVector[] modes = model.koopmanModes(model.data().x());
        assertEquals(6, modes.length);
        double[] x0 = {0.4, -0.3};
        ComplexVector[] phi = model.eigenfunctions(new double[][] {x0});
        double[] state = x0.clone();
        for (int step = 0; step <= 5; step++) {
            for (int q = 0; q < 2; q++) {
                Complex sum = Complex.ZERO;
                for (int j = 0; j < modes.length; j++) {
                    sum = sum.plus(model.eigenvalue(j).pow(step).times(phi[j].get(0))
                            .times(modes[j].get(q)));
                }
                assertEquals(state[q], sum.re(), 1e-13, "step " + step + ", component " + q);
                assertEquals(0.0, sum.im(), 1e-13);
            }
            state = new double[] {c * state[0] - s * state[1], s * state[0] + c * state[1]};
        }
        assertEquals("observable must have one row per snapshot, M = 100, got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> model.koopmanModes(new double[][] {{1}, {2}})).getMessage());
    }

    @Test
    void candidateVectorsAreChecked() {
        EdmdModel model = rotation();
        assertEquals("v must have length N = 9, got 2", assertThrows(IllegalArgumentException.class,
                () -> model.residual(Complex.ONE, ComplexVector.real(new double[2]))).getMessage());
        assertEquals("u must be non-zero, got norm 0.0", assertThrows(IllegalArgumentException.class,
                () -> model.residual(Complex.ONE, ComplexVector.real(new double[9]))).getMessage());
        assertEquals("EdmdModel[N=9, M=24, dictionary=FourierDictionary[d=1, K=4, N=9]]",
                model.toString());
    }
}
