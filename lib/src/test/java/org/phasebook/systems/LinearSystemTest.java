package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearSystemTest {

    @Test
    void derivativeIsMatrixTimesState() {
        LinearSystem s = LinearSystem.of(new double[][] {{1, 2}, {3, 4}});
        double[] dxdt = new double[2];
        s.derivative(0.0, new double[] {5, 6}, dxdt);
        assertArrayEquals(new double[] {17, 39}, dxdt);
        assertEquals(2, s.dimension());
        assertArrayEquals(new String[] {"x0", "x1"}, s.variableNames());
    }

    @Test
    void matrixIsCopiedInAndOut() {
        double[][] a = {{1, 2}, {3, 4}};
        LinearSystem s = LinearSystem.of(a);
        a[0][0] = 99;
        s.matrix()[1][1] = 99;
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, s.matrix());
        assertEquals(LinearSystem.of(new double[][] {{1, 2}, {3, 4}}), s);
        assertNotEquals(LinearSystem.of(new double[][] {{1, 2}, {3, 5}}), s);
        assertEquals("LinearSystem[a=[[1.0, 2.0], [3.0, 4.0]]]", s.toString());
    }

    @Test
    void matrixMustBeSquareAndFinite() {
        assertEquals("a must be square: row 1 has length 1, expected 2",
                assertThrows(IllegalArgumentException.class,
                        () -> LinearSystem.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("a[0][1] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> LinearSystem.of(new double[][] {{1, Double.NaN}, {3, 4}})).getMessage());
        assertEquals("a must be a non-empty square matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> LinearSystem.of(new double[0][])).getMessage());
    }
}
