package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class OdeSystemTest {

    @Test
    void defaultNamesAreIndexed() {
        OdeSystem s = new OdeSystem() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void derivative(double t, double[] x, double[] dxdt) {
            }
        };
        assertArrayEquals(new String[] {"x0", "x1", "x2"}, s.variableNames());
    }
}
