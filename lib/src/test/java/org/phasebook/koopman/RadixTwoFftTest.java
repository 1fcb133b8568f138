package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixTwoFftTest {

    @Test
    void forwardTransformMatchesTheDefiningSum() {
        int p = 64;
        SplittableRandom random = new SplittableRandom(3);
        double[] re = new double[p];
        double[] im = new double[p];
        for (int j = 0; j < p; j++) {
            re[j] = random.nextDouble(-1, 1);
            im[j] = random.nextDouble(-1, 1);
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        RadixTwoFft.forward(fr, fi);
        for (int k = 0; k < p; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < p; j++) {
                double a = -2 * Math.PI * j * k / p;
                sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
            assertEquals(sr, fr[k], 1e-12);
            assertEquals(si, fi[k], 1e-12);
        }
        RadixTwoFft.inverse(fr, fi);
        for (int j = 0; j < p; j++) {
            assertEquals(re[j], fr[j], 1e-15);
            assertEquals(im[j], fi[j], 1e-15);
        }
    }

    @Test
    void crossCorrelationDoesNotWrapAround() {
        double[] a = {1, 2, 3};
        double[] b = {1, 0, 0, 0, 5};
        // r_l = sum_m a_m b_{m+l}: r_0 = 1, r_1 = 0, r_2 = 15, r_3 = 10, r_4 = 5
        double[][] r = RadixTwoFft.crossCorrelation(a, null, b, null, 4);
        double[] expected = {1, 0, 15, 10, 5};
        for (int l = 0; l < expected.length; l++) {
            assertEquals(expected[l], r[0][l], 1e-14);
            assertEquals(0.0, r[1][l], 1e-14);
        }
    }

    @Test
    void paddedLengthIsTheNextPowerOfTwo() {
        assertEquals(1, RadixTwoFft.paddedLength(1));
        assertEquals(8, RadixTwoFft.paddedLength(5));
        assertEquals(8, RadixTwoFft.paddedLength(8));
        assertThrows(IllegalArgumentException.class, () -> RadixTwoFft.paddedLength(0));
        assertThrows(IllegalArgumentException.class,
                () -> RadixTwoFft.forward(new double[3], new double[3]));
    }
}
