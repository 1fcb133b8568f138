package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.ArnoldCatMap;
import org.phasebook.systems.CircleRotation;

class IterateDictionaryTest {

    private static final ToDoubleFunction<double[]> SIN_X = x -> Math.sin(x[0]);
    private static final ToDoubleFunction<double[]> COS_Y = x -> Math.cos(x[1]);

    @Test
    void blocksHoldTheIteratesOfEachObservable() {
        ArnoldCatMap cat = ArnoldCatMap.angleTorus();
        IterateDictionary dictionary = new IterateDictionary(cat, 4, List.of(SIN_X, COS_Y));
        assertEquals(8, dictionary.size());
        assertEquals(2, dictionary.dimension());
        assertEquals(2, dictionary.observableCount());
        assertEquals(4, dictionary.delays());
        assertEquals(6, dictionary.index(1, 2));

        double[] x = {0.3, 1.7};
        double[] values = new double[8];
        dictionary.evaluate(x, values);
        double[] point = x.clone();
        double[] next = new double[2];
        for (int j = 0; j < 4; j++) {
            assertEquals(Math.sin(point[0]), values[dictionary.index(0, j)], 0.0, "j = " + j);
            assertEquals(Math.cos(point[1]), values[dictionary.index(1, j)], 0.0, "j = " + j);
            cat.apply(point, next);
            point = next.clone();
        }
        assertArrayEquals(new double[] {0.3, 1.7}, x, 0.0, "the point is not modified");
    }

    @Test
    void imagesAreTheNextDelayBitForBit() {
        // psi_j(F(x)) and psi_{j+1}(x) run the same floating-point operations, even on a
        // chaotic map where both are far from the exact K^{j+1} h after 40 steps.
        ArnoldCatMap cat = ArnoldCatMap.angleTorus();
        IterateDictionary dictionary = new IterateDictionary(cat, 40, List.of(SIN_X, COS_Y));
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[50][2];
        for (double[] p : x) {
            p[0] = 2 * Math.PI * random.nextDouble();
            p[1] = 2 * Math.PI * random.nextDouble();
        }
        SnapshotPairs data = SnapshotPairs.ofMap(cat::apply, x, Weights.monteCarlo(x.length));
        double[][] psiX = dictionary.evaluate(data.x());
        double[][] psiY = dictionary.evaluate(data.y());
        for (int m = 0; m < x.length; m++) {
            for (int s = 0; s < 2; s++) {
                for (int j = 0; j + 1 < 40; j++) {
                    assertEquals(psiX[m][dictionary.index(s, j + 1)],
                            psiY[m][dictionary.index(s, j)], 0.0);
                }
            }
        }
    }

    @Test
    void dyadicOrbitsOfTheUnitCatMapAreExactWhereAngleOrbitsAreNot() {
        // K^j sin(2 pi x) = sin(2 pi (a_j x + b_j y)) with (a_j, b_j) = A^j (1, 0). At x = i/n,
        // y = k/n, n = 2^6, the exact phase is ((a_j i + b_j k) mod n) / n: integer arithmetic.
        int n = 64;
        int delays = 60;
        IterateDictionary unit = IterateDictionary.of(ArnoldCatMap.unitTorus(), delays,
                x -> Math.sin(2 * Math.PI * x[0]));
        IterateDictionary angle = IterateDictionary.of(ArnoldCatMap.angleTorus(), delays, SIN_X);
        double[] u = new double[delays];
        double[] v = new double[delays];
        double earlyDrift = 0;
        double lateDrift = 0;
        for (int i = 0; i < n; i += 5) {
            for (int k = 0; k < n; k += 3) {
                unit.evaluate(new double[] {(double) i / n, (double) k / n}, u);
                angle.evaluate(new double[] {2 * Math.PI * i / n, 2 * Math.PI * k / n}, v);
                long a = 1;
                long b = 0;
                for (int j = 0; j < delays; j++) {
                    long phase = Math.floorMod(a * i + b * k, n);
                    double exact = Math.sin(2 * Math.PI * ((double) phase / n));
                    assertEquals(exact, u[j], 0.0, "unit torus, j = " + j);
                    double drift = Math.abs(v[j] - exact);
                    if (j <= 10) {
                        earlyDrift = Math.max(earlyDrift, drift);
                    } else if (j >= 50) {
                        lateDrift = Math.max(lateDrift, drift);
                    }
                    long a2 = Math.floorMod(2 * a + b, n);
                    b = Math.floorMod(a + b, n);
                    a = a2;
                }
            }
        }
        // On [0, 2 pi)^2 rounding grows by (3 + sqrt 5)/2 per step: 1e-16 * 2.618^10 ~ 1e-12,
        // while 2.618^50 ~ 1e21 leaves nothing of the true orbit.
        assertTrue(earlyDrift < 1e-9, "angle torus drift up to j = 10: " + earlyDrift);
        assertTrue(lateDrift > 0.5, "angle torus drift from j = 50: " + lateDrift);
    }

    @Test
    void polynomialPutsItsCoefficientsInTheObservablesBlock() {
        IterateDictionary dictionary = new IterateDictionary(new CircleRotation(1.0), 3,
                List.of(SIN_X, SIN_X));
        ComplexVector f = dictionary.polynomial(1, Complex.ONE, new Complex(0, 0.25));
        assertEquals(6, f.length());
        assertEquals(Complex.ONE, f.get(3));
        assertEquals(new Complex(0, 0.25), f.get(4));
        for (int k : new int[] {0, 1, 2, 5}) {
            assertEquals(Complex.ZERO, f.get(k), "k = " + k);
        }
    }

    @Test
    void argumentsAreChecked() {
        CircleRotation rotation = new CircleRotation(1.0);
        assertThrows(IllegalArgumentException.class, () -> IterateDictionary.of(rotation, 0, SIN_X));
        assertThrows(IllegalArgumentException.class,
                () -> new IterateDictionary(rotation, 3, List.of()));
        assertThrows(NullPointerException.class, () -> IterateDictionary.of(null, 3, SIN_X));
        IterateDictionary dictionary = IterateDictionary.of(rotation, 3, SIN_X);
        assertThrows(IllegalArgumentException.class, () -> dictionary.index(1, 0));
        assertThrows(IllegalArgumentException.class, () -> dictionary.index(0, 3));
        assertThrows(IllegalArgumentException.class, () -> dictionary.index(0, -1));
        assertThrows(IllegalArgumentException.class, () -> dictionary.polynomial(0));
        assertThrows(IllegalArgumentException.class, () -> dictionary.polynomial(0,
                Complex.ONE, Complex.ONE, Complex.ONE, Complex.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> dictionary.polynomial(0, new Complex(Double.NaN, 0)));
    }
}
