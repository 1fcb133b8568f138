package org.phasebook.hmm;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Per-step quantities of a run averaged over its output switches of one direction, aligned on
 * the switch (brief {@code hmm-rnn.md} §8, "Kick neurons": transition-triggered averages of
 * pre-activations; figure F6).
 *
 * <p><b>Events</b> are chosen as in {@link KickNeuronDetector#detect}: rows {@code t} with
 * {@code outputs[t] = to} and {@code outputs[t - m] = from} for {@code m = 1..minDwell}, so the
 * output had settled before switching; in addition the whole window
 * {@code t - before .. t + after} must lie inside the run. Offset 0 is the first row with the
 * new output.
 *
 * <p>The arrays are not copies; treat them as read-only.
 *
 * @param from     the output before the switches
 * @param to       the output after them
 * @param before   rows kept before each switch, {@code >= 0}
 * @param after    rows kept after each switch, {@code >= 0}
 * @param switches the number of switches averaged (0 leaves every mean NaN)
 * @param mean     {@code mean[o][i]}: the mean of column {@code i} at offset
 *                 {@code o - before} from the switch
 */
public record SwitchTriggeredAverage(int from, int to, int before, int after, int switches, double[][] mean) {

    /** Checks the window and that {@code mean} has one row per offset. */
    public SwitchTriggeredAverage {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("before and after must be >= 0, got " + before + " and " + after);
        }
        Objects.requireNonNull(mean, "mean");
        if (mean.length != before + after + 1) {
            throw new IllegalArgumentException("mean must have before + after + 1 = " + (before + after + 1)
                    + " rows, got " + mean.length);
        }
    }

    /**
     * Averages {@code series} ({@code T x n}, row {@code t} belonging to the step whose output is
     * {@code outputs[t]}; e.g. {@link RnnDynamics#preActivations}) over the clean switches
     * {@code from -> to}.
     *
     * @param minDwell {@code >= 1} rows of {@code from} required before each switch
     */
    public static SwitchTriggeredAverage of(double[][] series, int[] outputs, int from, int to, int before,
                                            int after, int minDwell) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(outputs, "outputs");
        if (series.length != outputs.length) {
            throw new IllegalArgumentException("series and outputs must have the same length, got "
                    + series.length + " and " + outputs.length);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to must differ, got " + from + " twice");
        }
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("before and after must be >= 0, got " + before + " and " + after);
        }
        if (minDwell < 1) {
            throw new IllegalArgumentException("minDwell must be >= 1, got " + minDwell);
        }
        int steps = outputs.length;
        int columns = steps == 0 ? 0 : series[0].length;
        int back = Math.max(before, minDwell);
        int[] events = IntStream.range(back, Math.max(back, steps - after)).filter(t -> outputs[t] == to
                && IntStream.rangeClosed(1, minDwell).allMatch(m -> outputs[t - m] == from)).toArray();
        double[][] mean = new double[before + after + 1][columns];
        for (int t : events) {
            for (int o = 0; o <= before + after; o++) {
                double[] row = series[t - before + o];
                if (row.length != columns) {
                    throw new IllegalArgumentException("series must be rectangular: row " + (t - before + o)
                            + " has length " + row.length + ", expected " + columns);
                }
                for (int i = 0; i < columns; i++) {
                    mean[o][i] += row[i];
                }
            }
        }
        for (double[] row : mean) {
            for (int i = 0; i < columns; i++) {
                row[i] = events.length == 0 ? Double.NaN : row[i] / events.length;
            }
        }
        return new SwitchTriggeredAverage(from, to, before, after, events.length, mean);
    }

    /** The offsets {@code -before .. after} as doubles (for plotting). */
    public double[] offsets() {
        return IntStream.rangeClosed(-before, after).asDoubleStream().toArray();
    }

    /** The mean of column {@code column} at each offset. */
    public double[] column(int column) {
        double[] c = new double[mean.length];
        for (int o = 0; o < c.length; o++) {
            c[o] = mean[o][column];
        }
        return c;
    }
}
