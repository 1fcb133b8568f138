package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComplexTest {

    @Test
    void arithmeticFollowsTheFieldRules() {
        Complex a = new Complex(1, 2);
        Complex b = new Complex(3, -1);
        assertEquals(new Complex(4, 1), a.plus(b));
        assertEquals(new Complex(-2, 3), a.minus(b));
        assertEquals(new Complex(5, 5), a.times(b));
        assertEquals(new Complex(2, 4), a.times(2));
        assertEquals(0.0, a.times(b).divide(b).minus(a).abs(), 1e-15);
        assertEquals(new Complex(1, -2), a.conjugate());
        assertEquals(Math.sqrt(5), a.abs(), 1e-15);
        assertEquals(Math.atan2(2, 1), a.arg(), 1e-15);
        assertEquals(Complex.real(-1), Complex.I.times(Complex.I));
    }

    @Test
    void powersAndPolarForm() {
        Complex mu = Complex.polar(0.9, 0.7);
        assertEquals(0.0, mu.pow(5).minus(Complex.polar(Math.pow(0.9, 5), 3.5)).abs(), 1e-15);
        assertEquals(Complex.ONE, mu.pow(0));
        assertEquals(0.0, Complex.unit(Math.PI).minus(Complex.real(-1)).abs(), 1e-15);
        assertEquals("k must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> mu.pow(-1)).getMessage());
    }

    @Test
    void textAndFiniteness() {
        assertEquals("1.5 + 2.0i", new Complex(1.5, 2).toString());
        assertEquals("1.5 - 2.0i", new Complex(1.5, -2).toString());
        assertTrue(Complex.ZERO.isFinite());
        assertFalse(new Complex(Double.NaN, 0).isFinite());
    }
}
