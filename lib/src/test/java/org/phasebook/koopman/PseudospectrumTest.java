package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

class PseudospectrumTest {

    private static final double OMEGA = 1.4 * Math.PI;
    private static final int K = 4;

    /** sigma_min([Ahat - zI; B]) by LAPACK's complex SVD: no squaring, no Lanczos. */
    private static double sigmaMin(QrForm form, Complex z) {
        double[][] a = form.aHat();
        double[][] b = form.b();
        int n = a.length;
        int rows = n + b.length;
        double[] m = new double[2 * rows * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                m[2 * (i + j * rows)] = a[i][j] - (i == j ? z.re() : 0.0);
                m[2 * (i + j * rows) + 1] = i == j ? -z.im() : 0.0;
            }
            for (int i = 0; i < b.length; i++) {
                m[2 * (n + i + j * rows)] = b[i][j];
            }
        }
        double[] s = new double[n];
        int info = openblas.LAPACKE_zgesvd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'N',
                rows, n, m, rows, s, new double[2], 1, new double[2], 1, new double[n]);
        assertEquals(0, info, "zgesvd");
        return s[n - 1];
    }

    @Test
    void rotationPseudospectrumIsTheDistanceToTheSpectrum() {
        // Normal Ahat, B = 0: tau_N(z) = min_k |z - e^{ik omega}| (brief §4, oracle 4).
        QrForm form = KoopmanExamples.rotation(OMEGA, K, 24).qrForm();
        ComplexGrid grid = ComplexGrid.range(-1.5, 0.1, 1.5, -1.5, 0.1, 1.5);
        for (boolean mirror : new boolean[] {true, false}) {
            PseudospectrumGrid ps = Pseudospectrum.defaults().withMirror(mirror)
                    .evaluate(form, grid);
            double maxError = 0.0;
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.columns(); c++) {
                    double exact = KoopmanExamples.distanceToRotationSpectrum(grid.point(r, c),
                            OMEGA, K);
                    maxError = Math.max(maxError, Math.abs(ps.tau(r, c) - exact));
                }
            }
            assertTrue(maxError < 1e-10, "mirror " + mirror + ": max error " + maxError);
        }
    }

    @Test
    void tauVanishesToRoundingAtExactEigenvalues() {
        // omega = pi/2: the eigenvalues 1, i, -1, -i lie on the grid, where H(z) is singular.
        QrForm form = KoopmanExamples.rotation(Math.PI / 2, 3, 16).qrForm();
        double[] tau = Pseudospectrum.defaults().at(form, Complex.ONE, Complex.I,
                Complex.real(-1), new Complex(0, -1), new Complex(0.5, 0.5));
        for (int i = 0; i < 4; i++) {
            assertTrue(tau[i] < 1e-14, "eigenvalue " + i + ": " + tau[i]);
        }
        assertEquals(Math.sqrt(0.5), tau[4], 1e-14);
    }

    @Test
    void agreesWithTheSingularValuesOfTheStackedMatrix() {
        QrForm form = KoopmanExamples.nonlinear(30).qrForm();
        Complex[] z = KoopmanExamples.randomPoints(40, 1.5, 3);
        double[] tau = Pseudospectrum.defaults().at(form, z);
        double[] fallback = Pseudospectrum.defaults().at(form, z, f -> { }, 1);
        for (int i = 0; i < z.length; i++) {
            double exact = sigmaMin(form, z[i]);
            assertEquals(exact, tau[i], 1e-10 * exact, "Lanczos at " + z[i]);
            assertEquals(exact, fallback[i], 1e-10 * exact, "zheevr fallback at " + z[i]);
        }
    }

    @Test
    void tauIsOneLipschitz() {
        QrForm form = KoopmanExamples.nonlinear(30).qrForm();
        Complex[] z = KoopmanExamples.randomPoints(100, 1.5, 5);
        Complex[] w = new Complex[z.length];
        Complex[] near = KoopmanExamples.randomPoints(z.length, 0.05, 6);
        for (int i = 0; i < z.length; i++) {
            // Half the pairs far apart, half close, where the bound is tight.
            w[i] = i % 2 == 0 ? z[(i + 37) % z.length] : z[i].plus(near[i]);
        }
        Pseudospectrum p = Pseudospectrum.defaults();
        double[] tz = p.at(form, z);
        double[] tw = p.at(form, w);
        for (int i = 0; i < z.length; i++) {
            double distance = z[i].minus(w[i]).abs();
            assertTrue(Math.abs(tz[i] - tw[i]) <= distance + 1e-13,
                    "|tau(z) - tau(w)| = " + Math.abs(tz[i] - tw[i]) + " > |z - w| = " + distance);
        }
    }

    @Test
    void tauAtEdmdEigenvaluesIsAtMostTheirResiduals() {
        EdmdModel model = KoopmanExamples.nonlinear(30);
        double[] tau = Pseudospectrum.defaults().at(model.qrForm(), model.eigenvalues());
        double maxResidual = 0.0;
        for (int j = 0; j < model.size(); j++) {
            assertTrue(tau[j] <= model.residual(j) * (1 + 1e-12) + 1e-15,
                    "j = " + j + ": tau " + tau[j] + " > res " + model.residual(j));
            maxResidual = Math.max(maxResidual, model.residual(j));
        }
        assertTrue(maxResidual > 0.1, "the example pollutes: " + maxResidual);
    }

    @Test
    void conjugatePointsHaveEqualValues() {
        QrForm form = KoopmanExamples.nonlinear(25).qrForm();
        // An axis symmetric to the last bit, which a range -0.9:0.3:0.9 is not.
        ComplexGrid grid = ComplexGrid.of(ComplexGrid.axis("re", -1.2, 0.3, 1.2),
                new double[] {-0.9, -0.6, -0.3, 0, 0.3, 0.6, 0.9});
        PseudospectrumGrid computed = Pseudospectrum.defaults().withMirror(false)
                .evaluate(form, grid);
        PseudospectrumGrid mirrored = Pseudospectrum.defaults().evaluate(form, grid);
        int rows = grid.rows();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < grid.columns(); c++) {
                double value = computed.tau(r, c);
                assertEquals(value, computed.tau(rows - 1 - r, c), 1e-12 * value,
                        "symmetry of the unmirrored values");
                assertEquals(mirrored.tau(r, c), mirrored.tau(rows - 1 - r, c), "mirrored");
                assertEquals(value, mirrored.tau(r, c), 1e-12 * value);
            }
        }
    }

    @Test
    void parallelEvaluationIsBitIdenticalToOneThread() {
        QrForm form = KoopmanExamples.nonlinear(40).qrForm();
        ComplexGrid grid = ComplexGrid.range(-1.4, 0.2, 1.4, -1.4, 0.2, 1.4);
        PseudospectrumGrid one = Pseudospectrum.defaults().withThreads(1).evaluate(form, grid);
        PseudospectrumGrid three = Pseudospectrum.defaults().withThreads(3).evaluate(form, grid);
        assertEquals(one, three);
        double[] unmirrored = Pseudospectrum.defaults().withMirror(false).withThreads(1)
                .at(form, grid.points());
        double[] unmirroredParallel = Pseudospectrum.defaults().withMirror(false).withThreads(4)
                .at(form, grid.points());
        assertArrayEquals(unmirrored, unmirroredParallel);
    }

    @Test
    void isometryClampRaisesTauToTheDistanceFromTheUnitCircle() {
        QrForm form = KoopmanExamples.nonlinear(20).qrForm();
        Complex[] z = KoopmanExamples.randomPoints(60, 2.0, 9);
        double[] plain = Pseudospectrum.defaults().at(form, z);
        double[] clamped = Pseudospectrum.defaults().withIsometryClamp(true).at(form, z);
        int raised = 0;
        for (int i = 0; i < z.length; i++) {
            double floor = Math.abs(z[i].abs() - 1.0);
            assertEquals(Math.max(plain[i], floor), clamped[i]);
            raised += clamped[i] > plain[i] ? 1 : 0;
        }
        assertTrue(raised > 0, "the clamp changes some values of this non-isometric example");
        // The rotation is an isometry: there the clamp never binds.
        QrForm rotation = KoopmanExamples.rotation(OMEGA, K, 24).qrForm();
        Complex[] w = KoopmanExamples.randomPoints(30, 1.5, 10);
        assertArrayEquals(Pseudospectrum.defaults().at(rotation, w),
                Pseudospectrum.defaults().withIsometryClamp(true).at(rotation, w), 1e-12);
    }

    @Test
    void progressRunsFromZeroToOneOnTheCallingThread() {
        QrForm form = KoopmanExamples.nonlinear(20).qrForm();
        List<Double> fractions = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Pseudospectrum.defaults().evaluate(form, ComplexGrid.range(-1, 0.5, 1, 0, 0.5, 1),
                f -> {
                    assertEquals(caller, Thread.currentThread());
                    fractions.add(f);
                });
        assertEquals(0.0, fractions.get(0));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
    }

    @Test
    void noPointsGiveNoValues() {
        QrForm form = KoopmanExamples.nonlinear(10).qrForm();
        assertEquals(0, Pseudospectrum.defaults().at(form).length);
    }

    @Test
    void badArgumentsAreRejectedWithTheParameterNamed() {
        assertEquals("threads must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new Pseudospectrum(false, true, 0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Pseudospectrum.defaults().withThreads(-2));
        QrForm form = KoopmanExamples.nonlinear(10).qrForm();
        assertEquals("points[1] must be finite, got NaN + 0.0i",
                assertThrows(IllegalArgumentException.class, () -> Pseudospectrum.defaults()
                        .at(form, Complex.ZERO, new Complex(Double.NaN, 0))).getMessage());
        assertThrows(NullPointerException.class,
                () -> Pseudospectrum.defaults().at(null, Complex.ZERO));
        assertThrows(NullPointerException.class, () -> Pseudospectrum.defaults()
                .evaluate(form, ComplexGrid.range(0, 1, 1, 0, 1, 1), null));
    }
}
