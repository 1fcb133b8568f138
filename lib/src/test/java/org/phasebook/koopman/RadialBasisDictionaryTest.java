package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadialBasisDictionaryTest {

    /** Three tight blobs around known centres. */
    private static double[][] blobs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = {{-2, 0}, {2, 1}, {0, 3}};
        double[][] points = new double[300][];
        for (int i = 0; i < points.length; i++) {
            double[] c = centres[i % 3];
            points[i] = new double[] {c[0] + 0.05 * random.nextGaussian(),
                c[1] + 0.05 * random.nextGaussian()};
        }
        return points;
    }

    @Test
    void valuesArePhiOfScaledDistance() {
        RadialBasisDictionary d = RadialBasisDictionary.of(new double[][] {{0, 0}, {3, 4}}, 2.5);
        double[] values = new double[2];
        d.evaluate(new double[] {0, 0}, values);
        assertArrayEquals(new double[] {1, Math.exp(-2 * 5 / 2.5)}, values, 1e-15);
        RadialBasisDictionary e = RadialBasisDictionary.of(d.centres(), 5,
                RadialBasisDictionary.EXP_MINUS_R);
        e.evaluate(new double[] {3, 0}, values);
        assertArrayEquals(new double[] {Math.exp(-3.0 / 5), Math.exp(-4.0 / 5)}, values, 1e-15);
        assertEquals(2, d.dimension());
        assertEquals(2, d.size());
    }

    @Test
    void meanDistanceToCentroidOfACircleIsItsRadius() {
        double[][] points = new double[12][];
        for (int i = 0; i < 12; i++) {
            double a = 2 * Math.PI * i / 12;
            points[i] = new double[] {1 + 3 * Math.cos(a), -2 + 3 * Math.sin(a)};
        }
        assertEquals(3.0, RadialBasisDictionary.meanDistanceToCentroid(points), 1e-14);
    }

    @Test
    void kMeansFindsWellSeparatedClusters() {
        double[][] centres = RadialBasisDictionary.kMeansCentres(blobs(1), 3, 42);
        Arrays.sort(centres, Comparator.comparingDouble(c -> c[0]));
        assertArrayEquals(new double[] {-2, 0}, centres[0], 0.02);
        assertArrayEquals(new double[] {0, 3}, centres[1], 0.02);
        assertArrayEquals(new double[] {2, 1}, centres[2], 0.02);
    }

    @Test
    void kMeansIsReproducibleForASeed() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] points = new double[500][2];
        for (double[] p : points) {
            p[0] = random.nextDouble(-2, 2);
            p[1] = random.nextDouble(-2, 2);
        }
        double[][] first = RadialBasisDictionary.kMeansCentres(points, 20, 7);
        double[][] again = RadialBasisDictionary.kMeansCentres(points, 20, 7);
        double[][] other = RadialBasisDictionary.kMeansCentres(points, 20, 8);
        assertArrayEquals(first, again);
        assertFalse(Arrays.deepEquals(first, other), "another seed gives other centres");
    }

    @Test
    void kMeansFactoryUsesBothHalvesOfTheIndependentData() {
        double[][] x = blobs(2);
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = new double[] {x[i][0] + 10, x[i][1]};
        }
        SnapshotPairs independent = SnapshotPairs.of(x, y);
        RadialBasisDictionary d = RadialBasisDictionary.kMeans(independent, 6, 3);
        assertEquals(6, d.size());
        assertEquals(RadialBasisDictionary.meanDistanceToCentroid(x), d.scale());
        long shifted = Arrays.stream(d.centres()).filter(c -> c[0] > 5).count();
        assertEquals(3, shifted, "three centres on the images y");
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("scale must be finite and > 0, got 0.0", assertThrows(
                IllegalArgumentException.class,
                () -> RadialBasisDictionary.of(new double[][] {{0}}, 0)).getMessage());
        assertEquals("centres[1] must have length 2 like centres[0], got 1", assertThrows(
                IllegalArgumentException.class,
                () -> RadialBasisDictionary.of(new double[][] {{0, 0}, {1}}, 1)).getMessage());
        assertEquals("n must be in [2, 3] (the number of points), got 4", assertThrows(
                IllegalArgumentException.class, () -> RadialBasisDictionary.kMeansCentres(
                        new double[][] {{0}, {1}, {2}}, 4, 1)).getMessage());
        assertEquals("points[2][0] must be finite, got NaN", assertThrows(
                IllegalArgumentException.class, () -> RadialBasisDictionary.kMeansCentres(
                        new double[][] {{0}, {1}, {Double.NaN}}, 2, 1)).getMessage());
    }
}
