package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResolventKernelTest {

    private static final double R = 0.5;

    /**
     * Max error on 32 angles of the smoothed Poisson density (1/2pi) sum_n k_n r^|n| e^{-in theta}
     * against the exact (1/2pi)(1 - r^2)/(1 - 2r cos theta + r^2).
     */
    private static double poissonError(int order, double epsilon) {
        ResolventKernel kernel = new ResolventKernel(order, epsilon);
        int nMax = (int) (60 / epsilon);
        Complex[] k = new Complex[nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            k[n] = kernel.fourierCoefficient(n);
        }
        double error = 0;
        for (double theta : SmoothedSpectralMeasure.grid(32)) {
            double sum = k[0].re();
            for (int n = 1; n <= nMax; n++) {
                sum += 2 * k[n].times(Math.pow(R, n)).times(Complex.unit(-n * theta)).re();
            }
            double exact = (1 - R * R) / (1 - 2 * R * Math.cos(theta) + R * R);
            error = Math.max(error, Math.abs(sum - exact) / (2 * Math.PI));
        }
        return error;
    }

    @Test
    void errorOnASmoothDensityIsOfOrderEpsilonToTheM() {
        // Measured slopes log2(err(eps) / err(eps/2)) from eps = 0.0125 to 0.00625:
        // 0.98, 1.96, 2.95, 3.93, 4.91, 5.90 for m = 1..6 (approaching m from below).
        for (int m = 1; m <= 6; m++) {
            double slope = Math.log(poissonError(m, 0.0125) / poissonError(m, 0.00625))
                    / Math.log(2);
            assertEquals(m, slope, 0.15, "m = " + m);
        }
    }

    @Test
    void closedFormEqualsTheFourierSeries() {
        for (int m = 1; m <= 6; m++) {
            ResolventKernel kernel = new ResolventKernel(m, 0.1);
            for (double psi : new double[] {0, 0.3, -2, 3.1}) {
                double series = 0;
                for (int n = -2000; n <= 2000; n++) {
                    series += kernel.fourierCoefficient(n).times(Complex.unit(-n * psi)).re();
                }
                assertEquals(series / (2 * Math.PI), kernel.value(psi), 1e-13, "m = " + m);
            }
            // k_0 = 1: the kernel keeps the mass; k_{-n} = conj(k_n).
            assertEquals(0.0, kernel.fourierCoefficient(0).minus(Complex.ONE).abs(), 1e-13);
            assertEquals(0.0, kernel.fourierCoefficient(-7).minus(
                    kernel.fourierCoefficient(7).conjugate()).abs(), 0.0);
        }
    }

    @Test
    void orderOneIsThePoissonKernel() {
        double epsilon = 0.2;
        double r = 1 / (1 + epsilon);
        ResolventKernel kernel = new ResolventKernel(1, epsilon);
        assertEquals(0.0, kernel.poleOffsets()[0].minus(Complex.ONE).abs(), 0.0);
        for (double psi : new double[] {0, 0.5, 2}) {
            double poisson = (1 - r * r) / (1 - 2 * r * Math.cos(psi) + r * r) / (2 * Math.PI);
            assertEquals(poisson, kernel.value(psi), 1e-14);
        }
        assertEquals(Math.pow(r, 5), kernel.fourierCoefficient(5).re(), 1e-15);
    }

    @Test
    void weightsSolveTheirVandermondeSystems() {
        ResolventKernel kernel = new ResolventKernel(4, 0.3);
        Complex[] delta = kernel.poleOffsets();
        Complex[] c = kernel.c();
        Complex[] d = kernel.d();
        assertEquals(0.0, delta[1].minus(new Complex(1, -0.2)).abs(), 1e-15);
        for (int k = 0; k < 4; k++) {
            Complex sc = Complex.ZERO;
            Complex sd = Complex.ZERO;
            for (int j = 0; j < 4; j++) {
                Complex conj = delta[j].conjugate();
                Complex sigma = conj.times(-1).divide(Complex.ONE.plus(conj.times(0.3)));
                sc = sc.plus(c[j].times(sigma.pow(k)));
                sd = sd.plus(d[j].times(delta[j].pow(k)));
            }
            Complex expected = k == 0 ? Complex.ONE : Complex.ZERO;
            assertEquals(0.0, sc.minus(expected).abs(), 1e-13, "k = " + k);
            assertEquals(0.0, sd.minus(expected).abs(), 1e-13, "k = " + k);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("order must be in [1, 10], got 0", assertThrows(
                IllegalArgumentException.class, () -> new ResolventKernel(0, 0.1)).getMessage());
        assertEquals("epsilon must be in (0, 1], got 0.0", assertThrows(
                IllegalArgumentException.class, () -> new ResolventKernel(2, 0)).getMessage());
        assertEquals("epsilon must be in (0, 1], got NaN", assertThrows(
                IllegalArgumentException.class,
                () -> new ResolventKernel(2, Double.NaN)).getMessage());
        assertEquals("psi must be finite, got Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> new ResolventKernel(2, 0.1).value(Double.POSITIVE_INFINITY)).getMessage());
    }
}
