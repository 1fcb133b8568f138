package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PCA against a trajectory of known rank: {@code h_t = m + a_t e_1 + b_t e_2} in a rotated basis. */
class StatePcaTest {

    @Test
    void recoversTheComponentsVariancesAndCoordinatesOfARankTwoTrajectory() {
        int h = 40;
        int n = 97 * 93; // whole periods (so a and b are uncorrelated), more than two BLAS blocks
        SplittableRandom random = new SplittableRandom(41);
        double[][] q = JacobianSpectrumTest.orthogonal(h, random);
        double[] e1 = new double[h];
        double[] e2 = new double[h];
        double[] m = new double[h];
        for (int i = 0; i < h; i++) {
            e1[i] = q[i][0];
            e2[i] = q[i][1];
            m[i] = random.nextGaussian();
        }
        double[][] states = new double[n][h];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int t = 0; t < n; t++) {
            double phase = 2 * Math.PI * t / 97.0;
            a[t] = 3.0 * Math.cos(phase);
            b[t] = 1.0 * Math.sin(3 * phase);
            for (int i = 0; i < h; i++) {
                states[t][i] = m[i] + a[t] * e1[i] + b[t] * e2[i];
            }
        }
        StatePca pca = StatePca.fit(states, 3);
        double[] mean = pca.mean();
        double[] sampleMean = new double[h];
        for (double[] s : states) {
            for (int i = 0; i < h; i++) {
                sampleMean[i] += s[i] / n;
            }
        }
        assertArrayEquals(sampleMean, mean, 1e-12);
        double meanA = 0.0;
        double meanB = 0.0;
        for (int t = 0; t < n; t++) {
            meanA += a[t] / n;
            meanB += b[t] / n;
        }
        double varA = 0.0;
        double varB = 0.0;
        for (int t = 0; t < n; t++) {
            varA += (a[t] - meanA) * (a[t] - meanA) / (n - 1);
            varB += (b[t] - meanB) * (b[t] - meanB) / (n - 1);
        }
        // a and b are uncorrelated over whole periods, so the components are +-e1 and +-e2.
        double[] variances = pca.variances();
        assertEquals(varA, variances[0], 1e-9);
        assertEquals(varB, variances[1], 1e-9);
        assertEquals(0.0, variances[2], 1e-9);
        assertEquals(varA + varB, pca.totalVariance(), 1e-9);
        assertEquals(1.0, pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1], 1e-12);
        double s1 = Math.signum(dot(pca.component(0), e1));
        double s2 = Math.signum(dot(pca.component(1), e2));
        for (int i = 0; i < h; i++) {
            assertEquals(s1 * e1[i], pca.component(0)[i], 1e-9);
            assertEquals(s2 * e2[i], pca.component(1)[i], 1e-9);
        }
        // Projection of a state that is not in the fit: the coordinates along e1, e2 about the mean.
        double[] other = new double[h];
        for (int i = 0; i < h; i++) {
            other[i] = m[i] + 0.7 * e1[i] - 2.0 * e2[i];
        }
        double[] z = pca.project(other);
        assertEquals(s1 * (0.7 - meanA), z[0], 1e-9);
        assertEquals(s2 * (-2.0 - meanB), z[1], 1e-9);
        assertEquals(0.0, z[2], 1e-9);
        // Signs are fixed by the largest entry.
        for (int c = 0; c < 2; c++) {
            double[] v = pca.component(c);
            int largest = 0;
            for (int i = 1; i < h; i++) {
                largest = Math.abs(v[i]) > Math.abs(v[largest]) ? i : largest;
            }
            assertEquals(1.0, Math.signum(v[largest]));
        }
    }

    @Test
    void readoutAnglesToAPlane() {
        double[] u = {1, 0, 0};
        double[] v = {1, 1, 0}; // not orthogonal to u: orthonormalised first
        double[][] rows = {{2, 3, 0}, {0, 0, 5}, {1, 0, 1}, {0, 0, 0}};
        double[] theta = ReadoutAngles.toPlane(rows, u, v);
        assertEquals(0.0, theta[0], 1e-12);
        assertEquals(Math.PI / 2, theta[1], 1e-12);
        assertEquals(Math.PI / 4, theta[2], 1e-12);
        assertEquals(Double.NaN, theta[3]);
        assertThrows(IllegalArgumentException.class, () -> ReadoutAngles.toPlane(rows, u, new double[] {2, 0, 0}));
    }

    @Test
    void fitOnOutputsKeepsTheRowsOfThoseOutputsAndAnglesUseItsPlane() {
        // Rows with output 0 or 2 lie in the x-y plane (varied), rows with output 1 far off it.
        int n = 300;
        double[][] states = new double[n][3];
        int[] outputs = new int[n];
        SplittableRandom random = new SplittableRandom(42);
        double[] meanKept = new double[3];
        int kept = 0;
        for (int t = 0; t < n; t++) {
            outputs[t] = t % 3;
            if (outputs[t] == 1) {
                states[t] = new double[] {0.0, 0.0, 50.0 + random.nextGaussian()};
            } else {
                states[t] = new double[] {3 * random.nextGaussian(), random.nextGaussian(), 0.0};
                for (int i = 0; i < 3; i++) {
                    meanKept[i] += states[t][i];
                }
                kept++;
            }
        }
        for (int i = 0; i < 3; i++) {
            meanKept[i] /= kept;
        }
        RnnTrajectory run = new RnnTrajectory(new double[3], states, new double[n][1], outputs);
        StatePca pca = StatePca.fitOnOutputs(run, 2, 0, 2);
        assertEquals(kept, pca.samples());
        assertArrayEquals(meanKept, pca.mean(), 1e-12);
        assertEquals(0.0, pca.variances()[0] + pca.variances()[1] - pca.totalVariance(), 1e-9);
        RnnWeights w = new RnnWeights(new double[3][1], new double[3][3],
                new double[][] {{1, 1, 0}, {0, 0, 1}, {1, 0, 1}});
        double[] theta = ReadoutAngles.toPcPlane(w, pca, 0, 1);
        assertEquals(0.0, theta[0], 1e-9);
        assertEquals(Math.PI / 2, theta[1], 1e-9);
        assertEquals(Math.PI / 4, theta[2], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ReadoutAngles.toPcPlane(w, pca, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ReadoutAngles.toPcPlane(w, pca, 0, 2));
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StatePca.fit(new double[][] {{1, 2}}, 1));
        assertThrows(IllegalArgumentException.class, () -> StatePca.fit(new double[][] {{1, 2}, {3, 4}}, 3));
        assertThrows(IllegalArgumentException.class, () -> StatePca.fit(new double[][] {{1, 2}, {3}}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> StatePca.fit(new double[][] {{1, 2}, {3, Double.NaN}}, 1));
    }

    private static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
