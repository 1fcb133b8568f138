package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteFourierTest {

    @Test
    void matchesTheDirectSumForPowerOfTwoAndOtherLengths() {
        SplittableRandom rng = new SplittableRandom(3L);
        for (int n : new int[] {1, 2, 3, 5, 8, 12, 31, 64, 100, 127}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int j = 0; j < n; j++) {
                re[j] = rng.nextDouble() - 0.5;
                im[j] = rng.nextDouble() - 0.5;
            }
            double[] fr = re.clone();
            double[] fi = im.clone();
            DiscreteFourier.forward(fr, fi);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * ((long) j * k % n) / n;
                    sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                    si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                }
                assertEquals(sr, fr[k], 1e-12 * n, "n=" + n + " k=" + k);
                assertEquals(si, fi[k], 1e-12 * n, "n=" + n + " k=" + k);
            }
            DiscreteFourier.inverse(fr, fi);
            for (int j = 0; j < n; j++) {
                assertEquals(re[j], fr[j], 1e-13, "round trip n=" + n);
                assertEquals(im[j], fi[j], 1e-13, "round trip n=" + n);
            }
        }
    }

    @Test
    void twoDimensionalTransformOfAPlaneWaveIsOneSpike() {
        int side = 12;
        double[] re = new double[side * side];
        double[] im = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double a = 2 * Math.PI * (2 * x + 5 * y) / side;
                re[x + side * y] = Math.cos(a);
                im[x + side * y] = Math.sin(a);
            }
        }
        DiscreteFourier.forward2d(re, im, side);
        for (int k = 0; k < side * side; k++) {
            double expected = k == 2 + side * 5 ? side * side : 0.0;
            assertEquals(expected, Math.hypot(re[k], im[k]), 1e-10, "k=" + k);
        }
        DiscreteFourier.inverse2d(re, im, side);
        assertEquals(Math.cos(2 * Math.PI * (2 * 3 + 5 * 4) / side), re[3 + side * 4], 1e-13);
    }
}
