package org.phasebook.koopman;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Radial basis functions {@code psi_j(x) = phi(||x - c_j|| / d)} with centres {@code c_j}, a
 * length scale {@code d} and a profile {@code phi} (brief §2.1, the dictionary of the Duffing
 * figures): by default {@code phi(r) = e^{-2r}} as in the paper's code, {@code d} the mean
 * distance of the data to their centroid, and the centres from k-means++ on an independent
 * dataset ({@link #kMeans}), so that the dictionary does not depend on the data EDMD is fitted
 * to.
 *
 * <p>Immutable; the centres are copied in and out.
 */
public final class RadialBasisDictionary implements Dictionary {

    /** The profile {@code phi(r) = e^{-2r}} of the paper's code. */
    public static final DoubleUnaryOperator EXP_MINUS_2R = r -> Math.exp(-2.0 * r);
    /** The profile {@code phi(r) = e^{-r}} of the ResDMD quick start. */
    public static final DoubleUnaryOperator EXP_MINUS_R = r -> Math.exp(-r);
    /** The iteration cap of {@link #kMeansCentres}, as in the paper's code. */
    public static final int K_MEANS_MAX_ITERATIONS = 500;

    private final double[][] centres;
    private final double scale;
    private final DoubleUnaryOperator phi;

    private RadialBasisDictionary(double[][] centres, double scale, DoubleUnaryOperator phi) {
        this.centres = centres;
        this.scale = scale;
        this.phi = phi;
    }

    /** The functions {@code e^{-2 ||x - c_j|| / d}}. */
    public static RadialBasisDictionary of(double[][] centres, double scale) {
        return of(centres, scale, EXP_MINUS_2R);
    }

    /**
     * The functions {@code phi(||x - c_j|| / d)}.
     *
     * @param centres the centres {@code c_j}, one finite row each, of equal length {@code >= 1}
     * @param scale   the length scale {@code d > 0}, finite
     * @param phi     the profile, a function of {@code r >= 0}
     */
    public static RadialBasisDictionary of(double[][] centres, double scale,
            DoubleUnaryOperator phi) {
        double[][] c = SnapshotPairs.checkedCopy("centres", centres);
        if (!(scale > 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        return new RadialBasisDictionary(c, scale, Objects.requireNonNull(phi, "phi"));
    }

    /**
     * The brief's RBF dictionary from an independent dataset: {@code n} centres by
     * {@link #kMeansCentres k-means++} on {@code x} and {@code y} of {@code independent}, scale
     * {@code d = } {@link #meanDistanceToCentroid mean distance to the centroid} of its
     * {@code x}, profile {@code e^{-2r}}.
     */
    public static RadialBasisDictionary kMeans(SnapshotPairs independent, int n, long seed) {
        Objects.requireNonNull(independent, "independent");
        return of(kMeansCentres(independent.xAndY(), n, seed),
                meanDistanceToCentroid(independent.x()));
    }

    /**
     * {@code n} centres by k-means with k-means++ seeding (Smile's {@link KMeans}), at most
     * {@link #K_MEANS_MAX_ITERATIONS} Lloyd iterations, stopping when the within-cluster sum
     * of squares stops decreasing.
     *
     * <p>Reproducible: Smile draws from a per-thread generator, which this method reseeds
     * with {@code seed} ({@link MathEx#setSeed}) before clustering, so the same points, {@code n}
     * and seed give the same centres. A side effect: later Smile draws on the calling thread
     * continue from that seed.
     *
     * @param points the points, finite rows of equal length
     * @param n      the number of centres, in {@code [2, points.length]}
     * @param seed   the seed of the k-means++ initialisation
     */
    public static double[][] kMeansCentres(double[][] points, int n, long seed) {
        double[][] data = SnapshotPairs.checkedCopy("points", points);
        if (n < 2 || n > data.length) {
            throw new IllegalArgumentException("n must be in [2, " + data.length
                    + "] (the number of points), got " + n);
        }
        MathEx.setSeed(seed);
        return KMeans.fit(data, n, K_MEANS_MAX_ITERATIONS, 0.0).centroids;
    }

    /** The mean Euclidean distance {@code mean_m ||x_m - xbar||} of points to their centroid. */
    public static double meanDistanceToCentroid(double[][] points) {
        double[][] x = SnapshotPairs.checkedCopy("points", points);
        double[] centroid = new double[x[0].length];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                centroid[k] += row[k] / x.length;
            }
        }
        double sum = 0.0;
        for (double[] row : x) {
            sum += distance(row, centroid);
        }
        return sum / x.length;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0.0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    @Override
    public int size() {
        return centres.length;
    }

    @Override
    public int dimension() {
        return centres[0].length;
    }

    /** A copy of the centres {@code c_j}. */
    public double[][] centres() {
        return SnapshotPairs.deepCopy(centres);
    }

    /** The length scale {@code d}. */
    public double scale() {
        return scale;
    }

    /** The profile {@code phi}. */
    public DoubleUnaryOperator phi() {
        return phi;
    }

    @Override
    public void evaluate(double[] x, double[] values) {
        for (int j = 0; j < centres.length; j++) {
            values[j] = phi.applyAsDouble(distance(x, centres[j]) / scale);
        }
    }

    @Override
    public String toString() {
        return "RadialBasisDictionary[N=" + centres.length + ", d=" + centres[0].length
                + ", scale=" + scale + "]";
    }
}
