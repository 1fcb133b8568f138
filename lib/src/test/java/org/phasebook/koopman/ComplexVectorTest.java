package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ComplexVectorTest {

    @Test
    void partsAreCopiedInAndOut() {
        double[] re = {1, 2};
        ComplexVector v = new ComplexVector(re, new double[] {3, 4});
        re[0] = 99;
        v.re()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, v.re());
        assertEquals(new Complex(2, 4), v.get(1));
        assertEquals(v, ComplexVector.of(new Complex(1, 3), new Complex(2, 4)));
        assertEquals("[1.0 + 3.0i, 2.0 + 4.0i]", v.toString());
    }

    @Test
    void normDotAndScaling() {
        ComplexVector v = ComplexVector.of(new Complex(3, 4), new Complex(0, 12));
        assertEquals(13.0, v.norm(), 1e-15);
        assertEquals(new Complex(169, 0), v.dot(v));
        ComplexVector w = ComplexVector.of(Complex.I, Complex.ONE);
        // w^* v = conj(i) (3 + 4i) + 12i = -3i + 4 + 12i.
        assertEquals(new Complex(4, 9), v.dot(w));
        assertEquals(ComplexVector.of(new Complex(-4, 3), new Complex(-12, 0)), v.times(Complex.I));
        assertEquals(1e200 * Math.sqrt(2), ComplexVector.of(new Complex(1e200, 1e200)).norm(),
                1e186, "no overflow");
    }

    @Test
    void partsMustHaveEqualLengths() {
        assertEquals("im must have the length of re, 2, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new ComplexVector(new double[2], new double[1])).getMessage());
        assertEquals("w must have length 1, got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexVector.real(new double[1]).dot(ComplexVector.real(new double[2])))
                        .getMessage());
    }
}
