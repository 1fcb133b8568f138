package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MonomialDictionaryTest {

    @Test
    void sizeIsTheBinomialCoefficient() {
        assertEquals(15, MonomialDictionary.of(2, 4).size());
        assertEquals(56, MonomialDictionary.of(3, 5).size());
        assertEquals(1, MonomialDictionary.of(4, 0).size());
        assertEquals(7, MonomialDictionary.of(1, 6).size());
    }

    @Test
    void orderIsByDegreeThenLargestExponentFirst() {
        MonomialDictionary d = MonomialDictionary.of(2, 2);
        assertArrayEquals(new int[] {0, 0}, d.exponents(0));
        assertArrayEquals(new int[] {1, 0}, d.exponents(1));
        assertArrayEquals(new int[] {0, 1}, d.exponents(2));
        assertArrayEquals(new int[] {2, 0}, d.exponents(3));
        assertArrayEquals(new int[] {1, 1}, d.exponents(4));
        assertArrayEquals(new int[] {0, 2}, d.exponents(5));
        double[] values = new double[6];
        d.evaluate(new double[] {2, 3}, values);
        assertArrayEquals(new double[] {1, 2, 3, 4, 6, 9}, values);
        assertArrayEquals(new double[][] {{1, -1, 0.5, 1, -0.5, 0.25}},
                d.evaluate(new double[][] {{-1, 0.5}}));
        assertEquals("MonomialDictionary[d=2, degree=2, N=6]", d.toString());
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("dimension must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> MonomialDictionary.of(0, 2)).getMessage());
        assertEquals("degree must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> MonomialDictionary.of(2, -1)).getMessage());
        assertEquals("dimension 50 and degree 10 give more than 1048576 monomials",
                assertThrows(IllegalArgumentException.class,
                        () -> MonomialDictionary.of(50, 10)).getMessage());
        assertEquals("points[0] must have length d = 2, the dictionary's dimension, got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> MonomialDictionary.of(2, 1).evaluate(new double[][] {{1, 2, 3}}))
                        .getMessage());
    }
}
