package org.phasebook.lattice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reaction-event density {@code R(x, t)} of a {@link ReactionFrontStrip} run, averaged over
 * one time window: the observation side of {@link ParticleSimulation}'s reaction histogram.
 *
 * <p>A reaction is located midway between the two particles, so at an integer {@code x} (a
 * {@code y}-bond) or a half-integer (an {@code x}-bond). {@link #centre()} and {@link #width()}
 * are the mean and standard deviation of these exact positions over the window's events.
 * {@link #rate()} is binned on unit cells centred at {@code x = j + 1/2} ({@link #positions()}):
 * an {@code x}-bond event falls in its own cell, a {@code y}-bond event at integer {@code x} is
 * split equally between the two adjacent cells (whole into the one cell at the strip ends). The
 * rate is events per unit length, per unit width (per row of the strip) and per unit time, so
 * that its integral over {@code x} is the reaction rate per row.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param tStart    window start
 * @param tEnd      window end, {@code > tStart}
 * @param positions cell centres {@code j + 1/2}
 * @param rate      {@code R} in each cell, same length as {@code positions}
 * @param centre    mean reaction position (NaN without events)
 * @param width     standard deviation of the reaction positions (NaN without events)
 * @param events    number of reactions in the window, {@code >= 0}
 */
public record ReactionProfile(double tStart, double tEnd, double[] positions, double[] rate,
                              double centre, double width, long events) {

    /** Validates and copies the arrays. */
    public ReactionProfile {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(rate, "rate");
        positions = positions.clone();
        rate = rate.clone();
        if (!(tEnd > tStart)) {
            throw new IllegalArgumentException(
                    "tEnd must be > tStart = " + tStart + ", got " + tEnd);
        }
        if (rate.length != positions.length) {
            throw new IllegalArgumentException("rate must have positions.length = "
                    + positions.length + " entries, got " + rate.length);
        }
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, got " + events);
        }
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    @Override
    public double[] rate() {
        return rate.clone();
    }

    /**
     * Runs {@code simulation} through the windows {@code [edges[k], edges[k+1]]} and returns one
     * profile per window. The simulation is first advanced to {@code edges[0]} without
     * recording, and is left at the last edge with recording switched off.
     *
     * @param edges at least 2 strictly increasing finite times, the first not before the
     *              simulation's current time
     */
    public static List<ReactionProfile> measure(ParticleSimulation simulation, double[] edges) {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(edges, "edges");
        if (edges.length < 2) {
            throw new IllegalArgumentException(
                    "edges must hold at least 2 times, got " + edges.length);
        }
        for (int k = 0; k < edges.length; k++) {
            if (!Double.isFinite(edges[k]) || k > 0 && !(edges[k] > edges[k - 1])) {
                throw new IllegalArgumentException("edges must be finite and strictly increasing,"
                        + " got edges[" + k + "] = " + edges[k]);
            }
        }
        if (edges[0] < simulation.time()) {
            throw new IllegalArgumentException("edges[0] must be >= the simulation's time "
                    + simulation.time() + ", got " + edges[0]);
        }
        simulation.advanceTo(edges[0]);
        List<ReactionProfile> profiles = new ArrayList<>(edges.length - 1);
        int length = simulation.lengthX();
        for (int k = 0; k + 1 < edges.length; k++) {
            long[] histogram = new long[2 * length - 1];
            simulation.recordReactionsInto(histogram);
            simulation.advanceTo(edges[k + 1]);
            simulation.recordReactionsInto(null);
            profiles.add(fromHistogram(histogram, edges[k], edges[k + 1], simulation.width()));
        }
        return profiles;
    }

    /**
     * A profile from a half-site histogram ({@code histogram[b]} events at {@code x = b/2}, as
     * {@link ParticleSimulation#recordReactionsInto} fills it) over the window
     * {@code [tStart, tEnd]} of a strip {@code width} rows wide.
     */
    static ReactionProfile fromHistogram(long[] histogram, double tStart, double tEnd,
                                         int width) {
        int cells = (histogram.length - 1) / 2;
        double[] positions = new double[cells];
        double[] events = new double[cells];
        long total = 0;
        double sum = 0.0;
        for (int b = 0; b < histogram.length; b++) {
            long c = histogram[b];
            total += c;
            sum += c * (b / 2.0);
        }
        double centre = total > 0 ? sum / total : Double.NaN;
        double squares = 0.0;
        for (int b = 0; b < histogram.length; b++) {
            double dx = b / 2.0 - centre;
            squares += histogram[b] * dx * dx;
        }
        double width2 = total > 0 ? squares / total : Double.NaN;
        for (int j = 0; j < cells; j++) {
            positions[j] = j + 0.5;
            events[j] += histogram[2 * j + 1];
        }
        for (int j = 0; j <= cells; j++) {
            long c = histogram[2 * j];
            if (c == 0) {
                continue;
            }
            if (j == 0) {
                events[0] += c;
            } else if (j == cells) {
                events[cells - 1] += c;
            } else {
                events[j - 1] += 0.5 * c;
                events[j] += 0.5 * c;
            }
        }
        double norm = 1.0 / (width * (tEnd - tStart));
        for (int j = 0; j < cells; j++) {
            events[j] *= norm;
        }
        return new ReactionProfile(tStart, tEnd, positions, events, centre,
                Math.sqrt(width2), total);
    }
}
