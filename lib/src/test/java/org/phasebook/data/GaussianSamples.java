package org.phasebook.data;

import java.util.SplittableRandom;

/**
 * Samples of the standard bivariate normal for density tests, as {@code {x[], y[]}}: a seeded
 * random one, and a deterministic one whose radii are the exact quantiles of the normal's radius
 * distribution (so its 95 % radius is exact up to {@code O(1/n)}, far below the sampling error
 * {@code ~ n^(-1/2)} of a random sample of the same size).
 */
public final class GaussianSamples {

    /** The radius of the standard bivariate normal's 95 % disc, {@code sqrt(-2 ln 0.05)}. */
    public static final double RADIUS_95 = Math.sqrt(-2 * Math.log(0.05));

    private GaussianSamples() {
    }

    /** {@code n} independent standard-normal points (Box–Muller on {@code SplittableRandom(seed)}). */
    public static double[][] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
            double angle = 2 * Math.PI * random.nextDouble();
            xy[0][i] = r * Math.cos(angle);
            xy[1][i] = r * Math.sin(angle);
        }
        return xy;
    }

    /**
     * {@code n} points with radii at the mid-quantiles {@code (i + 1/2) / n} of the radius law
     * {@code P(R <= r) = 1 - exp(-r^2 / 2)} and golden-ratio angles, so that both the radial and
     * the angular distributions are matched to {@code O(1/n)}.
     */
    public static double[][] quasiRandom(int n) {
        double golden = (Math.sqrt(5) - 1) / 2;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(-2 * Math.log(1 - (i + 0.5) / n));
            double angle = 2 * Math.PI * ((i * golden) % 1.0);
            xy[0][i] = r * Math.cos(angle);
            xy[1][i] = r * Math.sin(angle);
        }
        return xy;
    }
}
