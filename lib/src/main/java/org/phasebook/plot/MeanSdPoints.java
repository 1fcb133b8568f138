package org.phasebook.plot;

import java.awt.Color;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.phasebook.hmm.MeanSd;

/**
 * Summaries "mean ± sd" drawn as points with error bars of one standard deviation, as the
 * paper's metrics report them. The bars show a spread (for example from sequence to sequence),
 * not the uncertainty of the mean, which a caption should say. Stateless.
 */
public final class MeanSdPoints {

    private MeanSdPoints() {
    }

    /**
     * Adds the series {@code (x[i], values[i].mean())} with error bars {@code values[i].sd()}, its
     * markers and bars in {@code colour}. Call {@code getStyler().setErrorBarsColorSeriesColor(true)}
     * on the chart to draw the bars in the series' colour rather than XChart's default.
     */
    public static XYSeries add(XYChart chart, String name, double[] x, MeanSd[] values, Color colour) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(colour, "colour");
        if (values.length != x.length) {
            throw new IllegalArgumentException("values must have one entry per x (" + x.length + "), got "
                    + values.length);
        }
        double[] mean = new double[values.length];
        double[] sd = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            mean[i] = Objects.requireNonNull(values[i], "values[" + i + "]").mean();
            sd[i] = values[i].sd();
        }
        XYSeries series = chart.addSeries(name, x, mean, sd);
        series.setMarkerColor(colour);
        series.setLineColor(colour);
        return series;
    }
}
