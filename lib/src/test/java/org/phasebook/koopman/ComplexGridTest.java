package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ComplexGridTest {

    @Test
    void theDuffingGridHas61By31PointsLikeMatlab() {
        ComplexGrid grid = ComplexGrid.range(-1.5, 0.05, 1.5, -0.04, 0.05, 1.5);
        assertEquals(61, grid.columns());
        assertEquals(31, grid.rows());
        assertEquals(1891, grid.size());
        double[] re = grid.re();
        assertEquals(-1.5, re[0]);
        assertEquals(1.5, re[60], "the end point is hit exactly");
        assertEquals(-1.5 + 30 * 0.05, re[30]);
        double[] im = grid.im();
        assertEquals(-0.04, im[0]);
        // -0.04:0.05:1.5 stops at 1.46: 1.5 is not a multiple of the step away.
        assertEquals(-0.04 + 30 * 0.05, im[30], 1e-15);
    }

    @Test
    void rangesWhoseQuotientRoundsBelowAnIntegerKeepTheirEndPoint() {
        // (0.3 - 0) / 0.1 = 2.9999999999999996 in floating point.
        assertArrayEquals(new double[] {0.0, 0.1, 0.2, 0.3}, ComplexGrid.axis("re", 0, 0.1, 0.3),
                1e-17);
        assertArrayEquals(new double[] {2.0}, ComplexGrid.axis("im", 2, 1, 2));
        assertEquals(76, ComplexGrid.axis("re", -0.5, 0.02, 1).length, "the D2 grid");
        assertEquals(51, ComplexGrid.axis("im", 0, 0.02, 1).length);
        assertEquals(151, ComplexGrid.axis("re", -1.5, 0.02, 1.5).length, "the D3 grid");
        assertEquals(78, ComplexGrid.axis("im", -0.04, 0.02, 1.5).length);
    }

    @Test
    void pointsAreNumberedRowByRow() {
        ComplexGrid grid = ComplexGrid.of(new double[] {0, 1, 2}, new double[] {-1, 5});
        Complex[] points = grid.points();
        assertEquals(6, points.length);
        assertEquals(new Complex(0, -1), points[0]);
        assertEquals(new Complex(2, -1), points[2]);
        assertEquals(new Complex(1, 5), points[4]);
        assertEquals(grid.point(1, 1), points[4]);
        assertThrows(IndexOutOfBoundsException.class, () -> grid.point(2, 0));
    }

    @Test
    void axesAreCopied() {
        double[] re = {0, 1};
        ComplexGrid grid = ComplexGrid.of(re, new double[] {0});
        re[0] = 7;
        grid.re()[1] = 9;
        assertArrayEquals(new double[] {0, 1}, grid.re());
        assertEquals(grid, ComplexGrid.of(new double[] {0, 1}, new double[] {0}));
    }

    @Test
    void badRangesAreRejectedWithTheParameterNamed() {
        assertEquals("reMax must be >= reMin = 1.0 (an empty range), got 0.5",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.range(1, 0.1, 0.5, 0, 1, 1)).getMessage());
        assertEquals("imMin must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> ComplexGrid.range(0, 1, 1, Double.NaN, 1, 1)).getMessage());
        assertEquals("imMax must be finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.range(0, 1, 1, 0, 1, Double.POSITIVE_INFINITY))
                        .getMessage());
        assertEquals("reStep must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.range(0, 0, 1, 0, 1, 1)).getMessage());
        assertEquals("imStep must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.range(0, 1, 1, 0, Double.NaN, 1)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ComplexGrid.range(0, 1e-9, 1, 0, 1e-9, 1), "too many points");
    }

    @Test
    void badAxesAreRejectedWithTheParameterNamed() {
        assertEquals("re must hold at least 1 value, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.of(new double[0], new double[] {0})).getMessage());
        assertEquals("im[1] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> ComplexGrid.of(new double[] {0}, new double[] {0, Double.NaN})).getMessage());
        assertEquals("re must be strictly increasing: re[1] = 0.0 <= re[0] = 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> ComplexGrid.of(new double[] {0, 0}, new double[] {0})).getMessage());
        assertThrows(NullPointerException.class, () -> ComplexGrid.of(null, new double[] {0}));
    }
}
