package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FourierDictionaryTest {

    @Test
    void circleModesAreOneThenCosineSinePairs() {
        FourierDictionary d = FourierDictionary.of(1, 2);
        assertEquals(5, d.size());
        double theta = 0.7;
        double[] values = new double[5];
        d.evaluate(new double[] {theta}, values);
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {1, r * Math.cos(theta), r * Math.sin(theta),
            r * Math.cos(2 * theta), r * Math.sin(2 * theta)}, values, 1e-15);
        assertArrayEquals(new int[] {2}, d.wavevector(4));
        assertArrayEquals(new int[] {0}, d.wavevector(0));
    }

    @Test
    void exponentialCoefficientsReproduceTheComplexModes() {
        FourierDictionary d = FourierDictionary.of(2, 2);
        assertEquals(25, d.size());
        double[] theta = {0.4, -1.3};
        double[] psi = new double[25];
        d.evaluate(theta, psi);
        for (int k1 = -2; k1 <= 2; k1++) {
            for (int k2 = -2; k2 <= 2; k2++) {
                ComplexVector c = d.exponential(k1, k2);
                Complex sum = Complex.ZERO;
                for (int j = 0; j < 25; j++) {
                    sum = sum.plus(c.get(j).times(psi[j]));
                }
                Complex expected = Complex.unit(k1 * theta[0] + k2 * theta[1]);
                assertEquals(0.0, sum.minus(expected).abs(), 1e-15, "k = " + k1 + ", " + k2);
            }
        }
    }

    @Test
    void orthonormalOnTheTorusUnderThePeriodicTrapezoidRule() {
        FourierDictionary d = FourierDictionary.of(2, 3);
        Quadrature grid = Quadrature.tensor(Quadrature.periodicTrapezoid(7),
                Quadrature.periodicTrapezoid(7));
        double[][] psi = d.evaluate(grid.points());
        double error = 0.0;
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < d.size(); j++) {
                double sum = 0.0;
                for (int m = 0; m < grid.size(); m++) {
                    sum += grid.weights().get(m) * psi[m][i] * psi[m][j];
                }
                error = Math.max(error, Math.abs(sum - (i == j ? 1 : 0)));
            }
        }
        assertTrue(error < 1e-14, "max |G - I| = " + error);
    }

    @Test
    void smallerMaxWavenumberGivesAPrefix() {
        FourierDictionary small = FourierDictionary.of(2, 1);
        FourierDictionary large = FourierDictionary.of(2, 3);
        for (int j = 0; j < small.size(); j++) {
            assertArrayEquals(small.wavevector(j), large.wavevector(j));
        }
        assertArrayEquals(new int[] {0, 1}, large.wavevector(1));
        assertArrayEquals(new int[] {1, -1}, large.wavevector(3));
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("dimension must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> FourierDictionary.of(0, 1)).getMessage());
        assertEquals("maxWavenumber must be >= 0, got -1", assertThrows(
                IllegalArgumentException.class, () -> FourierDictionary.of(1, -1)).getMessage());
        assertEquals("k must have max |k_i| <= K = 2, got [3]", assertThrows(
                IllegalArgumentException.class,
                () -> FourierDictionary.of(1, 2).exponential(3)).getMessage());
        assertEquals("k must have length d = 1, got 2", assertThrows(
                IllegalArgumentException.class,
                () -> FourierDictionary.of(1, 2).exponential(1, 1)).getMessage());
        assertEquals("dimension 3 and maxWavenumber 100 give more than 1048576 functions",
                assertThrows(IllegalArgumentException.class,
                        () -> FourierDictionary.of(3, 100)).getMessage());
    }
}
