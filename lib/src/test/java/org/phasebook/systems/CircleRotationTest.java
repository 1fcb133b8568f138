package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircleRotationTest {

    private static final double TWO_PI = 2.0 * Math.PI;

    /** Distance on the circle of circumference 2 pi. */
    static double circularDistance(double a, double b) {
        double d = Math.abs(a - b) % TWO_PI;
        return Math.min(d, TWO_PI - d);
    }

    @Test
    void iteratesEqualTheClosedForm() {
        for (double omega : new double[] {Math.sqrt(2.0), 1.4 * Math.PI, -0.3, 25.0}) {
            CircleRotation rotation = new CircleRotation(omega);
            double theta0 = 0.9;
            Trajectory orbit = rotation.orbit(new double[] {theta0}, 200);
            for (int n = 0; n <= 200; n++) {
                double expected = theta0 + n * omega;
                double actual = orbit.state(n)[0];
                assertTrue(actual >= 0.0 && actual < TWO_PI, () -> "theta = " + actual);
                assertEquals(0.0, circularDistance(expected, actual), 1e-12,
                        "omega " + omega + ", n " + n);
                assertEquals(0.0, circularDistance(expected, rotation.exactState(theta0, n)),
                        1e-12);
            }
        }
    }

    @Test
    void aRationalRotationIsPeriodic() {
        // omega / 2 pi = 7 / 10: every orbit closes after exactly 10 steps.
        CircleRotation rotation = new CircleRotation(1.4 * Math.PI);
        Trajectory orbit = rotation.orbit(new double[] {2.0}, 10);
        for (int n = 1; n < 10; n++) {
            assertTrue(circularDistance(2.0, orbit.state(n)[0]) > 0.6, "n = " + n);
        }
        assertEquals(0.0, circularDistance(2.0, orbit.state(10)[0]), 1e-14);
    }

    @Test
    void exactStateIsInTheFundamentalDomain() {
        CircleRotation rotation = new CircleRotation(-1.0);
        assertEquals(TWO_PI - 1.0, rotation.exactState(0.0, 1), 1e-15);
        assertEquals(0.5, rotation.exactState(0.5, 0));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("omega must be finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new CircleRotation(Double.NaN)).getMessage());
        assertEquals("omega must be finite, got -Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new CircleRotation(Double.NEGATIVE_INFINITY)).getMessage());
        assertEquals("n must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class,
                        () -> new CircleRotation(1.0).exactState(0.0, -1)).getMessage());
        assertEquals("theta0 must be finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new CircleRotation(1.0).exactState(Double.POSITIVE_INFINITY, 1))
                        .getMessage());
    }

    @Test
    void theVariableIsTheta() {
        assertEquals(1, new CircleRotation(1.0).dimension());
        assertArrayEquals(new String[] {"theta"}, new CircleRotation(1.0).variableNames());
    }
}
