package org.phasebook.plot;

import java.awt.Color;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A model's exact prediction drawn as a line and a sample's estimate of it as dots, both in one
 * colour and with one legend entry, so that several models can share a chart and each sample is
 * read against its own prediction. Stateless.
 */
public final class ExactAndSample {

    /** Appended to the name of the exact line, which is left out of the legend. */
    public static final String EXACT_SUFFIX = " (exact)";

    private ExactAndSample() {
    }

    /**
     * Adds the line {@code (x, exact)}, named {@code name + EXACT_SUFFIX} and hidden from the
     * legend, then the points {@code (sampleX, sample)}, named {@code name}, both in
     * {@code colour}.
     *
     * @return the points' series, which carries the legend entry
     */
    public static XYSeries add(XYChart chart, String name, double[] x, double[] exact, double[] sampleX,
                               double[] sample, Color colour) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
        XYSeries line = Plots.addLine(chart, name + EXACT_SUFFIX, x, exact);
        line.setLineColor(colour);
        line.setShowInLegend(false);
        XYSeries points = Plots.addPoints(chart, name, sampleX, sample);
        points.setMarkerColor(colour);
        return points;
    }
}
