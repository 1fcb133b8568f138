package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HouseholderQrTest {

    @Test
    void qTransposeATurnsAIntoRAboveZeros() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] a = new double[9][4];
        for (double[] row : a) {
            for (int j = 0; j < 4; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        HouseholderQr qr = new HouseholderQr(DenseMatrix.of(a));
        double[][] r = qr.r().toArray();
        DenseMatrix qta = DenseMatrix.of(a);
        qr.applyTransposeInPlace(qta);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = i < 4 && j >= i ? r[i][j] : 0.0;
                assertEquals(expected, qta.get(i, j), 1e-15, "entry " + i + ", " + j);
                if (i < 4 && j < i) {
                    assertEquals(0.0, r[i][j], "R is upper triangular");
                }
            }
        }
    }

    @Test
    void applyingQTransposePreservesNorms() {
        SplittableRandom random = new SplittableRandom(8);
        double[][] a = new double[12][5];
        double[][] c = new double[12][3];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 5; j++) {
                a[i][j] = random.nextDouble();
            }
            for (int j = 0; j < 3; j++) {
                c[i][j] = random.nextGaussian();
            }
        }
        HouseholderQr qr = new HouseholderQr(DenseMatrix.of(a));
        DenseMatrix qtc = DenseMatrix.of(c);
        qr.applyTransposeInPlace(qtc);
        assertEquals(Spectra.frobenius(c), qtc.frobeniusNorm(), 1e-14);
    }

    @Test
    void wideMatrixGivesTrapezoidalR() {
        double[][] a = {{1, 2, 3}, {4, 5, 6}};
        DenseMatrix r = new HouseholderQr(DenseMatrix.of(a)).r();
        assertEquals(2, r.rows);
        assertEquals(3, r.cols);
        // R^T R = A^T A.
        double[][] rtr = r.transposeTimes(r).toArray();
        double[][] ata = DenseMatrix.of(a).transposeTimes(DenseMatrix.of(a)).toArray();
        assertTrue(Spectra.maxDifference(rtr, ata) < 1e-13);
    }
}
