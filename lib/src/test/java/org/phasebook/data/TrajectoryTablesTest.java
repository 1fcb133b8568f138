package org.phasebook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.Trajectory;
import tech.tablesaw.api.Table;

class TrajectoryTablesTest {

    // x: 1, 2, 3 (mean 2, sample variance 1); y: -1, 0, 4 (mean 1, sample variance 14 / 2 = 7)
    private static final Trajectory TINY = Trajectory.of(new double[] {0.0, 0.5, 1.0},
            new double[][] {{1, -1}, {2, 0}, {3, 4}}, new String[] {"x", "y"});

    @Test
    void tableHasATimeColumnAndOneColumnPerVariable() {
        Table t = TrajectoryTables.of(TINY);
        assertEquals(List.of("t", "x", "y"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(0.5, t.doubleColumn("t").get(1));
        assertEquals(3.0, t.doubleColumn("x").get(2));
        assertEquals(-1.0, t.doubleColumn("y").get(0));
    }

    @Test
    void summaryHasExactStatistics() {
        Table s = TrajectoryTables.summary(TINY);
        assertEquals(List.of("variable", "mean", "std", "min", "max"), s.columnNames());
        assertEquals(2, s.rowCount());
        assertEquals("x", s.stringColumn("variable").get(0));
        assertEquals("y", s.stringColumn("variable").get(1));
        assertEquals(2.0, s.doubleColumn("mean").get(0));
        assertEquals(1.0, s.doubleColumn("std").get(0));
        assertEquals(1.0, s.doubleColumn("min").get(0));
        assertEquals(3.0, s.doubleColumn("max").get(0));
        assertEquals(1.0, s.doubleColumn("mean").get(1));
        assertEquals(Math.sqrt(7.0), s.doubleColumn("std").get(1));
        assertEquals(-1.0, s.doubleColumn("min").get(1));
        assertEquals(4.0, s.doubleColumn("max").get(1));
    }

    @Test
    void stdIsStableFarFromTheOrigin() {
        // sum(v^2) - n mean^2 would lose every digit here
        Trajectory far = new Trajectory(new double[] {0, 1, 2}, new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3},
                new String[] {"x"});
        assertEquals(1.0, TrajectoryTables.summary(far).doubleColumn("std").get(0));
    }

    @Test
    void singleSampleHasZeroStd() {
        Trajectory one = new Trajectory(new double[] {0}, new double[] {5}, new String[] {"x"});
        assertEquals(0.0, TrajectoryTables.summary(one).doubleColumn("std").get(0));
    }

    @Test
    void variableNamedTIsRejected() {
        Trajectory clash = new Trajectory(new double[] {0}, new double[] {5, 6}, new String[] {"t", "x"});
        assertEquals("trajectory variable names must not include the time column name 't', got [t, x]",
                assertThrows(IllegalArgumentException.class, () -> TrajectoryTables.of(clash)).getMessage());
    }
}
