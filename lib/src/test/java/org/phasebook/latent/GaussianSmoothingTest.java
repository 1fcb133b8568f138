package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianSmoothingTest {

    @Test
    void theLorenzWindowIsScipysGaussianTwelveTwo() {
        GaussianSmoothing s = GaussianSmoothing.nlb(40, 20);
        assertEquals(12, s.length());
        assertEquals(2.0, s.std());
        // scipy.signal.windows.gaussian(12, 2, sym=True), printed by scipy 1.10.
        double[] scipy = {0.02279418, 0.07955951, 0.21626517, 0.45783336, 0.7548396, 0.96923323,
            0.96923323, 0.7548396, 0.45783336, 0.21626517, 0.07955951, 0.02279418};
        double sum = 0.0;
        for (double v : scipy) {
            sum += v;
        }
        double[] w = s.window();
        for (int j = 0; j < 12; j++) {
            assertEquals(scipy[j] / sum, w[j], 1e-8);
        }
    }

    @Test
    void truncationFollowsPythonsInt() {
        GaussianSmoothing s = GaussianSmoothing.nlb(50, 20);
        assertEquals(15, s.length());
        assertEquals(2.0, s.std());
        assertThrows(IllegalArgumentException.class, () -> GaussianSmoothing.nlb(10, 20));
    }

    @Test
    void sameModeConvolutionMatchesNumpy() {
        double[] x = {1, 2, 3, 4, 5};
        // np.convolve(x, [1, 10, 100, 1000], 'same') and np.convolve(x, [1, 10], 'same').
        assertArrayEquals(new double[] {12, 123, 1234, 2345, 3450},
                GaussianSmoothing.convolveSame(x, new double[] {1, 10, 100, 1000}));
        assertArrayEquals(new double[] {1, 12, 23, 34, 45},
                GaussianSmoothing.convolveSame(x, new double[] {1, 10}));
        assertArrayEquals(new double[] {12, 123, 234, 345, 450},
                GaussianSmoothing.convolveSame(x, new double[] {1, 10, 100}));
    }

    @Test
    void anImpulseReturnsTheShiftedWindowAndZeroPaddingLosesMassAtTheEdges() {
        GaussianSmoothing s = GaussianSmoothing.nlb(40, 20);
        double[] w = s.window();
        double[] x = new double[40];
        x[20] = 1.0;
        double[] y = s.smooth(x);
        for (int i = 0; i < 40; i++) {
            int j = i + 5 - 20;
            assertEquals(j >= 0 && j < 12 ? w[j] : 0.0, y[i], 0.0, "i " + i);
        }
        double[] edge = new double[40];
        edge[0] = 1.0;
        double mass = 0.0;
        for (double v : s.smooth(edge)) {
            mass += v;
        }
        double expected = 0.0;
        for (int j = 5; j < 12; j++) {
            expected += w[j];
        }
        assertEquals(expected, mass, 1e-15);
    }

    @Test
    void shortOrNonFiniteSeriesAreRejected() {
        GaussianSmoothing s = GaussianSmoothing.nlb(40, 20);
        assertThrows(IllegalArgumentException.class, () -> s.smooth(new double[11]));
        double[] bad = new double[12];
        bad[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> s.smooth(bad));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(5, 0));
    }
}
