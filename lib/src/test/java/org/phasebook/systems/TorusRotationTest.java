package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TorusRotationTest {

    @Test
    void iteratesEqualTheClosedFormInEachCoordinate() {
        double[] omegas = {Math.sqrt(2.0), Math.sqrt(3.0), -Math.E};
        TorusRotation rotation = new TorusRotation(omegas);
        double[] theta0 = {0.1, 6.0, 3.0};
        Trajectory orbit = rotation.orbit(theta0, 200);
        for (int n = 0; n <= 200; n++) {
            double[] exact = rotation.exactState(theta0, n);
            for (int k = 0; k < 3; k++) {
                double expected = theta0[k] + n * omegas[k];
                assertEquals(0.0,
                        CircleRotationTest.circularDistance(expected, orbit.state(n)[k]), 1e-12);
                assertEquals(0.0, CircleRotationTest.circularDistance(expected, exact[k]), 1e-12);
            }
        }
    }

    @Test
    void oneDimensionalTorusIsTheCircleRotation() {
        Trajectory torus = new TorusRotation(2.5).orbit(new double[] {1.0}, 50);
        Trajectory circle = new CircleRotation(2.5).orbit(new double[] {1.0}, 50);
        assertArrayEquals(circle.states(), torus.states());
    }

    @Test
    void anglesAreCopiedAndCompared() {
        double[] omegas = {1.0, 2.0};
        TorusRotation rotation = new TorusRotation(omegas);
        omegas[0] = 5.0;
        rotation.omegas()[1] = 7.0;
        assertArrayEquals(new double[] {1.0, 2.0}, rotation.omegas());
        assertEquals(new TorusRotation(1.0, 2.0), rotation);
        assertEquals(new TorusRotation(1.0, 2.0).hashCode(), rotation.hashCode());
        assertNotEquals(new TorusRotation(1.0, 2.5), rotation);
        assertEquals("TorusRotation[omegas=[1.0, 2.0]]", rotation.toString());
        assertArrayEquals(new String[] {"theta0", "theta1"}, rotation.variableNames());
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("omegas must hold at least 1 angle, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TorusRotation())
                        .getMessage());
        assertEquals("omegas[1] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new TorusRotation(1.0, Double.NaN)).getMessage());
        assertEquals("theta0 must have length 2, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new TorusRotation(1.0, 2.0).exactState(new double[1], 3))
                        .getMessage());
        assertEquals("n must be >= 0, got -2",
                assertThrows(IllegalArgumentException.class,
                        () -> new TorusRotation(1.0).exactState(new double[1], -2)).getMessage());
    }
}
