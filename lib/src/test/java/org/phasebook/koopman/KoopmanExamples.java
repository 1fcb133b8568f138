package org.phasebook.koopman;

import java.util.SplittableRandom;

/** Small EDMD fits shared by the pseudospectrum tests. */
final class KoopmanExamples {

    private KoopmanExamples() {
    }

    /**
     * The rotation {@code theta -> theta + omega} with the {@code 2K + 1} Fourier modes
     * {@code |k| <= K} on the {@code m}-point periodic trapezoid rule ({@code m > 2K}): then
     * {@code G = L = I}, {@code Ahat} is normal with eigenvalues {@code e^{ik omega}} and
     * {@code B = 0}, so {@code tau_N(z) = min_k |z - e^{ik omega}|} exactly (brief §4, oracle 4).
     */
    static EdmdModel rotation(double omega, int maxWavenumber, int m) {
        return new Edmd(FourierDictionary.of(1, maxWavenumber)).fit(SnapshotPairs.ofMap(
                (x, next) -> next[0] = x[0] + omega, Quadrature.periodicTrapezoid(m)));
    }

    /** {@code min_{|k| <= K} |z - e^{ik omega}|}. */
    static double distanceToRotationSpectrum(Complex z, double omega, int maxWavenumber) {
        double min = Double.POSITIVE_INFINITY;
        for (int k = -maxWavenumber; k <= maxWavenumber; k++) {
            min = Math.min(min, z.minus(Complex.unit(k * omega)).abs());
        }
        return min;
    }

    /**
     * A nonlinear planar map on random points with {@code n} radial basis functions: a
     * non-normal {@code Ahat}, a full {@code B} and residuals of order 1.
     */
    static EdmdModel nonlinear(int n) {
        SplittableRandom random = new SplittableRandom(11);
        double[][] points = new double[400][2];
        for (double[] p : points) {
            p[0] = random.nextDouble(-1, 1);
            p[1] = random.nextDouble(-1, 1);
        }
        double[][] centres = new double[n][2];
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

    /** {@code count} points uniform in the square {@code [-h, h]^2}. */
    static Complex[] randomPoints(int count, double h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Complex[] z = new Complex[count];
        for (int i = 0; i < count; i++) {
            z[i] = new Complex(random.nextDouble(-h, h), random.nextDouble(-h, h));
        }
        return z;
    }
}
