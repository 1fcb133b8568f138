package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EigenpairTest {

    @Test
    void fieldsAreValidated() {
        ComplexVector v = ComplexVector.real(new double[] {1});
        assertEquals(0.5, new Eigenpair(0, Complex.ONE, v, 0.5).residual());
        assertEquals("index must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> new Eigenpair(-1, Complex.ONE, v, 0)).getMessage());
        assertEquals("residual must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new Eigenpair(0, Complex.ONE, v, Double.NaN)).getMessage());
    }
}
