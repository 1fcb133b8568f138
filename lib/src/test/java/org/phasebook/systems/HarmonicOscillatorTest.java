package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HarmonicOscillatorTest {

    private final HarmonicOscillator osc = new HarmonicOscillator(3.0);

    @Test
    void exactStateSolvesTheEquation() {
        double[] x0 = {0.7, -1.3};
        double h = 1e-5;
        for (double t = 0.5; t < 5.0; t += 0.37) {
            double[] plus = osc.exactState(0.2, x0, t + h);
            double[] minus = osc.exactState(0.2, x0, t - h);
            double[] rate = new double[2];
            osc.derivative(t, osc.exactState(0.2, x0, t), rate);
            for (int k = 0; k < 2; k++) {
                assertEquals((plus[k] - minus[k]) / (2 * h), rate[k], 1e-7);
            }
        }
    }

    @Test
    void exactStateStartsAtTheInitialStateAndIsPeriodic() {
        double[] x0 = {0.7, -1.3};
        assertArrayEquals(x0, osc.exactState(1.0, x0, 1.0));
        assertArrayEquals(x0, osc.exactState(1.0, x0, 1.0 + 2.0 * Math.PI / 3.0), 1e-14);
    }

    @Test
    void energyIsConservedAlongTheExactSolution() {
        double[] x0 = {0.7, -1.3};
        double e0 = 0.5 * (1.3 * 1.3 + 9.0 * 0.7 * 0.7);
        assertEquals(e0, osc.energy(x0), 1e-15);
        for (double t = 0.0; t < 10.0; t += 0.77) {
            assertEquals(e0, osc.energy(osc.exactState(0.0, x0, t)), 1e-14);
        }
    }

    @Test
    void omegaMustBePositive() {
        assertEquals("omega must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new HarmonicOscillator(0.0))
                        .getMessage());
        assertEquals("initialState must have length 2, got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> osc.exactState(0.0, new double[3], 1.0)).getMessage());
    }

    @Test
    void namesAreXAndV() {
        assertArrayEquals(new String[] {"x", "v"}, osc.variableNames());
    }
}
