package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PodCoordinatesTest {

    private static double[][] random(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return a;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void allModesReproduceTheGramMatricesOfTheData() {
        // With every mode, U U^T is the projection onto the span of the snapshots, so
        // PX PX^T = X X^T and PY PX^T = Y X^T: an oracle that needs no SVD.
        double[][] x = random(6, 15, 1L);
        double[][] y = random(6, 15, 2L);
        PodCoordinates pod = PodCoordinates.of(x, y, 6);
        double[][] px = pod.pairs().x();
        double[][] py = pod.pairs().y();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(dot(x[i], x[j]), dot(px[i], px[j]), 1e-10);
                assertEquals(dot(y[i], x[j]), dot(py[i], px[j]), 1e-10);
            }
        }
    }

    @Test
    void theCoordinatesAreOrthogonalWithTheSingularValuesAsNorms() {
        double[][] x = random(8, 20, 3L);
        PodCoordinates pod = PodCoordinates.of(x, random(8, 20, 4L), 5);
        double[][] px = pod.pairs().x();
        double[] sigma = pod.singularValues();
        for (int k = 0; k < 5; k++) {
            if (k > 0) {
                assertTrue(sigma[k] <= sigma[k - 1]);
            }
            for (int l = 0; l < 5; l++) {
                double s = 0.0;
                for (double[] row : px) {
                    s += row[k] * row[l];
                }
                assertEquals(k == l ? sigma[k] * sigma[k] : 0.0, s, 1e-10 * sigma[0] * sigma[0]);
            }
        }
        assertEquals(1.0 / 8, pod.pairs().weights().get(0), 1e-15);
    }

    @Test
    void badInputIsRefusedByName() {
        double[][] x = random(4, 6, 5L);
        var modes = assertThrows(IllegalArgumentException.class, () -> PodCoordinates.of(x, x, 5));
        assertTrue(modes.getMessage().startsWith("modes"), modes.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> PodCoordinates.of(x, random(3, 6, 6L), 2));
        assertTrue(shape.getMessage().startsWith("y"), shape.getMessage());
        double[][] bad = random(4, 6, 7L);
        bad[2][3] = Double.NaN;
        var nan = assertThrows(IllegalArgumentException.class, () -> PodCoordinates.of(bad, x, 2));
        assertTrue(nan.getMessage().contains("x"), nan.getMessage());
    }
}
