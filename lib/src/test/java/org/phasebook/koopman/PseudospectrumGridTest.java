package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PseudospectrumGridTest {

    private static final ComplexGrid GRID = ComplexGrid.of(new double[] {0, 1, 2},
            new double[] {-1, 1});

    private static PseudospectrumGrid example() {
        return new PseudospectrumGrid(GRID, new double[][] {{0.5, 0.05, 0.2}, {0.05, 0.9, 0.01}});
    }

    @Test
    void minimumAndSublevelSets() {
        PseudospectrumGrid ps = example();
        assertEquals(0.01, ps.min());
        assertEquals(new Complex(2, 1), ps.argmin());
        assertEquals(List.of(new Complex(1, -1), new Complex(0, 1), new Complex(2, 1)),
                ps.below(0.1));
        assertEquals(List.of(), ps.below(0.01), "strictly below");
        assertEquals(0.9, ps.tau(1, 1));
    }

    @Test
    void argminTakesTheFirstOfEqualValues() {
        PseudospectrumGrid ps = new PseudospectrumGrid(GRID, new double[][] {{1, 0.1, 1},
            {0.1, 1, 1}});
        assertEquals(new Complex(1, -1), ps.argmin());
    }

    @Test
    void valuesAreFlattenedInTheOrderOfThePoints() {
        assertArrayEquals(new double[] {0.5, 0.05, 0.2, 0.05, 0.9, 0.01}, example().values());
    }

    @Test
    void valuesAreCopied() {
        double[][] tau = {{1, 1, 1}, {1, 1, 1}};
        PseudospectrumGrid ps = new PseudospectrumGrid(GRID, tau);
        tau[0][0] = 0;
        ps.tau()[0][0] = 0;
        assertEquals(1.0, ps.tau(0, 0));
        assertEquals(ps, new PseudospectrumGrid(GRID, new double[][] {{1, 1, 1}, {1, 1, 1}}));
    }

    @Test
    void badValuesAreRejected() {
        assertEquals("tau must have 2 rows, got 1", assertThrows(IllegalArgumentException.class,
                () -> new PseudospectrumGrid(GRID, new double[][] {{1, 1, 1}})).getMessage());
        assertEquals("tau[1][2] must be >= 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> new PseudospectrumGrid(GRID,
                        new double[][] {{1, 1, 1}, {1, 1, -0.5}})).getMessage());
        assertEquals("tau[0][0] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new PseudospectrumGrid(GRID,
                        new double[][] {{Double.NaN, 1, 1}, {1, 1, 1}})).getMessage());
        assertEquals("epsilon must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> example().below(Double.NaN)).getMessage());
    }
}
