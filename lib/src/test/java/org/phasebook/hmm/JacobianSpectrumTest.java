package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Eigenvalues against matrices built with known spectra ({@code Q B Q^T} with {@code B} made of
 * rotation-scaling blocks and real entries, {@code Q} random orthogonal; a non-normal triangular
 * matrix), the active-block reduction against the full Jacobian, and the stability counts.
 */
class JacobianSpectrumTest {

    /** A random orthogonal matrix: Gram-Schmidt (applied twice) on Gaussian columns. */
    static double[][] orthogonal(int n, SplittableRandom random) {
        double[][] q = new double[n][n]; // q[c] is column c
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                q[c][i] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0.0;
                    for (int i = 0; i < n; i++) {
                        dot += q[c][i] * q[p][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[c][i] -= dot * q[p][i];
                    }
                }
            }
            double norm = FixedPointAnalysis.norm(q[c]);
            for (int i = 0; i < n; i++) {
                q[c][i] /= norm;
            }
        }
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                rows[i][c] = q[c][i];
            }
        }
        return rows;
    }

    /**
     * {@code Q B Q^T} where {@code B} has a 2 x 2 block {@code r [[cos, -sin], [sin, cos]]}
     * (eigenvalues {@code r e^{+-i phi}}) for each {@code (r, phi)} pair, then the real values.
     */
    static double[][] withSpectrum(double[][] pairs, double[] reals, SplittableRandom random) {
        int n = 2 * pairs.length + reals.length;
        double[][] b = new double[n][n];
        int k = 0;
        for (double[] p : pairs) {
            double c = p[0] * Math.cos(p[1]);
            double s = p[0] * Math.sin(p[1]);
            b[k][k] = c;
            b[k][k + 1] = -s;
            b[k + 1][k] = s;
            b[k + 1][k + 1] = c;
            k += 2;
        }
        for (double r : reals) {
            b[k][k] = r;
            k++;
        }
        double[][] q = orthogonal(n, random);
        double[][] qb = multiply(q, b);
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qt[i][j] = q[j][i];
            }
        }
        return multiply(qb, qt);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                for (int j = 0; j < m; j++) {
                    c[i][j] += v * b[k][j];
                }
            }
        }
        return c;
    }

    /** Every expected eigenvalue is matched by a distinct computed one within {@code tol}. */
    static void assertSameSpectrum(List<double[]> expected, JacobianSpectrum actual, double tol) {
        assertEquals(expected.size(), actual.size());
        boolean[] used = new boolean[actual.size()];
        for (double[] e : expected) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < actual.size(); i++) {
                double dist = Math.hypot(actual.real()[i] - e[0], actual.imaginary()[i] - e[1]);
                if (!used[i] && dist < bestDistance) {
                    best = i;
                    bestDistance = dist;
                }
            }
            assertTrue(bestDistance < tol, "eigenvalue " + e[0] + " + " + e[1] + "i missed by " + bestDistance);
            used[best] = true;
        }
    }

    @Test
    void eigenvaluesOfA150By150MatrixWithAKnownSpectrum() {
        SplittableRandom random = new SplittableRandom(21);
        double[][] pairs = new double[50][];
        List<double[]> expected = new ArrayList<>();
        for (int p = 0; p < 50; p++) {
            double r = 0.2 + 1.2 * random.nextDouble();
            double phi = 0.05 + 3.0 * random.nextDouble();
            pairs[p] = new double[] {r, phi};
            expected.add(new double[] {r * Math.cos(phi), r * Math.sin(phi)});
            expected.add(new double[] {r * Math.cos(phi), -r * Math.sin(phi)});
        }
        double[] reals = new double[50];
        for (int i = 0; i < 50; i++) {
            reals[i] = -1.5 + 3.0 * random.nextDouble();
            expected.add(new double[] {reals[i], 0.0});
        }
        JacobianSpectrum s = JacobianSpectrum.ofMatrix(withSpectrum(pairs, reals, random));
        assertSameSpectrum(expected, s, 1e-10);
        double radius = 0.0;
        for (double[] e : expected) {
            radius = Math.max(radius, Math.hypot(e[0], e[1]));
        }
        assertEquals(radius, s.spectralRadius(), 1e-10);
    }

    @Test
    void eigenvaluesOfANonNormalTriangularMatrixAreItsDiagonal() {
        SplittableRandom random = new SplittableRandom(22);
        int n = 30;
        double[][] m = new double[n][n];
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m[i][i] = i - 14.5;
            expected.add(new double[] {m[i][i], 0.0});
            for (int j = i + 1; j < n; j++) {
                m[i][j] = random.nextGaussian();
            }
        }
        assertSameSpectrum(expected, JacobianSpectrum.ofMatrix(m), 1e-8);
    }

    @Test
    void theActiveBlockReductionGivesTheSpectrumOfTheFullJacobian() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(60, 10, 3, 2.5, 23));
        RnnTrajectory run = dyn.noisyTrajectory(50, 1.0, new SplittableRandom(24));
        for (int t = 20; t < 49; t += 7) {
            double[] h = run.states()[t];
            for (double[] x : new double[][] {null, run.inputs()[t + 1]}) {
                double[][] j = dyn.jacobian(h, x);
                int activeRows = 0;
                for (double[] row : j) {
                    activeRows += row[0] != 0.0 || row[1] != 0.0 ? 1 : 0;
                }
                assertTrue(activeRows > 5 && activeRows < 55, "a mixed activity pattern, got " + activeRows);
                JacobianSpectrum full = JacobianSpectrum.ofMatrix(j);
                JacobianSpectrum reduced = JacobianSpectrum.of(dyn, h, x);
                List<double[]> expected = new ArrayList<>();
                for (int i = 0; i < full.size(); i++) {
                    expected.add(new double[] {full.real()[i], full.imaginary()[i]});
                }
                assertSameSpectrum(expected, reduced, 1e-9);
                assertEquals(full.unstableCount(), reduced.unstableCount());
                assertEquals(full.criticalPairs(CriticalityCriteria.STANDARD),
                        reduced.criticalPairs(CriticalityCriteria.STANDARD));
            }
        }
    }

    @Test
    void unstableAndHopfLikeCountsOnAHandMadeSpectrum() {
        // (r, phi): 1.02 e^{0.5i} unstable and critical; 0.5 e^{i} stable; 0.95 e^{0.01i} near
        // the circle but almost real (Im w ~ 0.005); 0.98 e^{1.2i} critical and stable;
        // 0.999 e^{0.1099i} has Im w ~ 0.055: critical for the standard 0.05, not the ablation 0.06.
        double phi = 2.0 * Math.atan(0.055);
        double[][] pairs = {{1.02, 0.5}, {0.5, 1.0}, {0.95, 0.01}, {0.98, 1.2}, {0.999, phi}};
        double[] reals = {1.5};
        double[][] whh = withSpectrum(pairs, reals, new SplittableRandom(25));
        int h = whh.length;
        double[][] wih = new double[h][1];
        for (double[] row : wih) {
            row[0] = 1.0; // with h = 0 and x = 1 every unit is active, so J = W_hh
        }
        RnnDynamics dyn = new RnnDynamics(new RnnWeights(wih, whh, new double[3][h]));
        JacobianSpectrum s = JacobianSpectrum.of(dyn, new double[h], new double[] {1.0});
        assertEquals(3, s.unstableCount(), "the 1.02 pair and 1.5");
        assertEquals(3, s.criticalPairs(CriticalityCriteria.STANDARD));
        assertEquals(2, s.criticalPairs(CriticalityCriteria.ABLATION));
        // Without input no unit is active: all eigenvalues 0.
        JacobianSpectrum silent = JacobianSpectrum.of(dyn, new double[h], null);
        assertEquals(0, silent.unstableCount());
        assertEquals(0.0, silent.spectralRadius());
    }

    @Test
    void mobiusMapSendsTheUnitCircleToTheImaginaryAxis() {
        double[] w = JacobianSpectrum.mobius(0.0, 1.0);
        assertEquals(0.0, w[0], 1e-15);
        assertEquals(1.0, w[1], 1e-15);
        for (double phi = 0.1; phi < 3.0; phi += 0.3) {
            double[] v = JacobianSpectrum.mobius(Math.cos(phi), Math.sin(phi));
            assertEquals(0.0, v[0], 1e-14);
            assertEquals(Math.tan(phi / 2), v[1], 1e-12);
        }
        assertTrue(JacobianSpectrum.mobius(2.0, 0.0)[0] > 0.0);
        assertTrue(JacobianSpectrum.mobius(0.5, 0.0)[0] < 0.0);
        assertFalse(CriticalityCriteria.STANDARD.isCritical(-1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new CriticalityCriteria(0.0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new CriticalityCriteria(0.1, -1.0));
        assertThrows(IllegalArgumentException.class, () -> JacobianSpectrum.ofMatrix(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> JacobianSpectrum.ofMatrix(new double[][] {{1, Double.NaN}, {0, 1}}));
    }
}
