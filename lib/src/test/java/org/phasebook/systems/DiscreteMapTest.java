package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiscreteMapTest {

    /** x -> (2 x, x + y), exact in floating point until it overflows. */
    private static final DiscreteMap DOUBLING = new DiscreteMap() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void apply(double[] x, double[] next) {
            assertNotSame(x, next);
            next[0] = 2.0 * x[0];
            next[1] = x[0] + x[1];
        }

        @Override
        public String toString() {
            return "doubling";
        }
    };

    @Test
    void orbitHoldsTheIteratesAtIntegerTimes() {
        double[] x0 = {1.0, 0.0};
        Trajectory orbit = DOUBLING.orbit(x0, 10);
        assertEquals(11, orbit.size());
        assertArrayEquals(new double[] {1.0, 0.0}, x0);
        for (int n = 0; n <= 10; n++) {
            assertEquals(n, orbit.time(n));
            // x_n = 2^n, y_n = 2^n - 1
            assertArrayEquals(new double[] {Math.pow(2, n), Math.pow(2, n) - 1}, orbit.state(n));
        }
    }

    @Test
    void defaultNamesAreIndexed() {
        assertArrayEquals(new String[] {"x0", "x1"}, DOUBLING.variableNames());
        assertArrayEquals(new String[] {"x0", "x1"}, DOUBLING.orbit(new double[2], 1).names());
    }

    @Test
    void aNonFiniteIterateIsReportedWithItsStep() {
        // 1e300 * 2^n overflows at n = 28 (2^27 * 1e300 = 1.34e308 < 1.8e308 < 2^28 * 1e300).
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DOUBLING.orbit(new double[] {1e300, 0.0}, 40));
        assertTrue(e.getMessage().startsWith("the orbit of doubling is not finite at step 28: "
                + "[Infinity, "), e.getMessage());
        assertTrue(e.getMessage().contains("at step 27"), e.getMessage());
    }

    @Test
    void argumentsAreValidated() {
        assertEquals("steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> DOUBLING.orbit(new double[2], 0)).getMessage());
        assertEquals("initialState must have length 2 (the dimension of doubling), got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> DOUBLING.orbit(new double[3], 5)).getMessage());
        assertEquals("initialState[1] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> DOUBLING.orbit(new double[] {0.0, Double.NaN}, 5)).getMessage());
        assertThrows(NullPointerException.class, () -> DOUBLING.orbit(null, 5));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DOUBLING.orbit(new double[2], Integer.MAX_VALUE - 1)).getMessage()
                .startsWith("(steps + 1) * dimension must fit in one array"));
    }
}
