package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final String[] XY = {"x", "y"};

    private static Trajectory sample() {
        return new Trajectory(new double[] {0.0, 0.5, 1.0}, new double[] {1, 2, 3, 4, 5, 6}, XY);
    }

    @Test
    void flatStatesAreRowMajor() {
        Trajectory tr = sample();
        assertEquals(3, tr.size());
        assertEquals(2, tr.dimension());
        assertEquals(0.5, tr.time(1));
        assertArrayEquals(new double[] {3, 4}, tr.state(1));
        assertArrayEquals(new double[] {1, 3, 5}, tr.component(0));
        assertArrayEquals(new double[] {2, 4, 6}, tr.component(1));
        assertArrayEquals(XY, tr.names());
    }

    @Test
    void ofNestedStatesEqualsFlat() {
        Trajectory nested = Trajectory.of(new double[] {0.0, 0.5, 1.0},
                new double[][] {{1, 2}, {3, 4}, {5, 6}}, XY);
        assertEquals(sample(), nested);
        assertEquals(sample().hashCode(), nested.hashCode());
        assertEquals("states[1] must have length 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> Trajectory.of(new double[] {0, 1},
                        new double[][] {{1, 2}, {3, 4, 5}}, XY)).getMessage());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] times = {0.0, 1.0};
        double[] states = {1, 2, 3, 4};
        String[] names = {"x", "y"};
        Trajectory tr = new Trajectory(times, states, names);
        times[0] = -1;
        states[0] = 99;
        names[0] = "changed";
        tr.times()[1] = 7;
        tr.states()[1] = 7;
        tr.names()[1] = "changed";
        tr.state(0)[0] = 7;
        tr.component(0)[0] = 7;
        assertEquals(new Trajectory(new double[] {0.0, 1.0}, new double[] {1, 2, 3, 4}, XY), tr);
        assertNotEquals(sample(), tr);
    }

    @Test
    void toStringShowsNoIdentityHash() {
        String s = sample().toString();
        assertEquals("Trajectory[size=3, names=[x, y], t=0.0..1.0]", s);
        assertFalse(s.contains("@"));
    }

    @Test
    void invalidInputIsRejectedWithTheParameterNamed() {
        assertEquals("states must have length times.length * names.length = 2 * 2 = 4, got 3",
                message(() -> new Trajectory(new double[] {0, 1}, new double[3], XY)));
        assertEquals("times must be strictly increasing, got times[0] = 1.0, times[1] = 1.0",
                message(() -> new Trajectory(new double[] {1, 1}, new double[4], XY)));
        assertEquals("times[1] must be finite, got NaN",
                message(() -> new Trajectory(new double[] {0, Double.NaN}, new double[4], XY)));
        assertEquals("state 1 component 'y' must be finite, got Infinity at t = 1.0",
                message(() -> new Trajectory(new double[] {0, 1},
                        new double[] {0, 0, 0, Double.POSITIVE_INFINITY}, XY)));
        assertEquals("names must be distinct, got 'x' twice",
                message(() -> new Trajectory(new double[] {0}, new double[2], new String[] {"x", "x"})));
        assertEquals("names[1] must not be null",
                message(() -> new Trajectory(new double[] {0}, new double[2], new String[] {"x", null})));
        assertEquals("times must hold at least 1 sample, got 0",
                message(() -> new Trajectory(new double[0], new double[0], XY)));
        assertEquals("names must hold at least 1 variable, got 0",
                message(() -> new Trajectory(new double[] {0}, new double[0], new String[0])));
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
