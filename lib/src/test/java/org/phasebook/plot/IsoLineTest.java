package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IsoLineTest {

    @Test
    void aUnitSquareLoopHasAreaOneAndPerimeterFour() {
        IsoLine anticlockwise = new IsoLine(0.5, new double[] {0, 1, 1, 0, 0}, new double[] {0, 0, 1, 1, 0}, true);
        assertEquals(1.0, anticlockwise.signedArea(), 1e-15);
        assertEquals(4.0, anticlockwise.length(), 1e-15);
        assertEquals(5, anticlockwise.size());
        IsoLine clockwise = new IsoLine(0.5, new double[] {0, 0, 1, 1, 0}, new double[] {0, 1, 1, 0, 0}, true);
        assertEquals(-1.0, clockwise.signedArea(), 1e-15);
        IsoLine open = new IsoLine(2, new double[] {0, 3}, new double[] {0, 4}, false);
        assertEquals(5.0, open.length(), 1e-15);
        assertThrows(IllegalStateException.class, open::signedArea);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {0, 1};
        double[] y = {2, 3};
        IsoLine line = new IsoLine(1, x, y, false);
        x[0] = 9;
        line.y()[0] = 9;
        assertArrayEquals(new double[] {0, 1}, line.x(), 0.0);
        assertArrayEquals(new double[] {2, 3}, line.y(), 0.0);
        assertEquals(1.0, line.x(1), 0.0);
        assertEquals(3.0, line.y(1), 0.0);
    }

    @Test
    void badLinesAreRejectedNamingTheParameter() {
        assertMessage("level must be finite, got NaN", () -> new IsoLine(Double.NaN, new double[] {0, 1}, new double[] {0, 1}, false));
        assertMessage("y must have x.length = 2 values, got 3", () -> new IsoLine(0, new double[] {0, 1}, new double[] {0, 1, 2}, false));
        assertMessage("x must have >= 2 points for an open line, got 1", () -> new IsoLine(0, new double[] {0}, new double[] {0}, false));
        assertMessage("x must have >= 4 points for a closed line, got 3",
                () -> new IsoLine(0, new double[] {0, 1, 0}, new double[] {0, 1, 0}, true));
        assertMessage("point 1 must be finite", () -> new IsoLine(0, new double[] {0, Double.NaN}, new double[] {0, 1}, false));
        assertMessage("a closed line must end at its first point",
                () -> new IsoLine(0, new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 1}, true));
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
