package org.phasebook.data;

import java.util.Arrays;
import java.util.Objects;
import org.phasebook.systems.Trajectory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Converts a {@link Trajectory} into Tablesaw tables. */
public final class TrajectoryTables {

    /** Name of the time column of {@link #of(Trajectory)}. */
    public static final String TIME = "t";

    private TrajectoryTables() {
    }

    /**
     * A table with the time column {@code t} followed by one column per variable, named after the
     * variable, one row per sample.
     *
     * @throws IllegalArgumentException if a variable is itself named {@code t}
     */
    public static Table of(Trajectory trajectory) {
        Objects.requireNonNull(trajectory, "trajectory");
        String[] names = trajectory.names();
        if (Arrays.asList(names).contains(TIME)) {
            throw new IllegalArgumentException("trajectory variable names must not include the time"
                    + " column name '" + TIME + "', got " + Arrays.toString(names));
        }
        Table table = Table.create("trajectory", DoubleColumn.create(TIME, trajectory.times()));
        for (int k = 0; k < names.length; k++) {
            table.addColumns(DoubleColumn.create(names[k], trajectory.component(k)));
        }
        return table;
    }

    /**
     * One row per variable with columns {@code variable, mean, std, min, max} over the samples.
     * {@code std} is the sample standard deviation (divisor {@code n - 1}); it is 0 for a single
     * sample.
     */
    public static Table summary(Trajectory trajectory) {
        Objects.requireNonNull(trajectory, "trajectory");
        String[] names = trajectory.names();
        int d = names.length;
        double[] mean = new double[d];
        double[] std = new double[d];
        double[] min = new double[d];
        double[] max = new double[d];
        for (int k = 0; k < d; k++) {
            double[] values = trajectory.component(k);
            int n = values.length;
            double sum = 0.0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double m = sum / n;
            // Two passes: summing squared deviations from the mean avoids the cancellation of
            // sum(v^2) - n m^2 on trajectories far from the origin.
            double ss = 0.0;
            for (double v : values) {
                ss += (v - m) * (v - m);
            }
            mean[k] = m;
            std[k] = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
            min[k] = lo;
            max[k] = hi;
        }
        return Table.create("summary",
                StringColumn.create("variable", names),
                DoubleColumn.create("mean", mean),
                DoubleColumn.create("std", std),
                DoubleColumn.create("min", min),
                DoubleColumn.create("max", max));
    }
}
