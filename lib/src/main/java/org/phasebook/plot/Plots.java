package org.phasebook.plot;

import java.awt.BasicStroke;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Factories for the charts of Phasebook notebooks, all with the {@link ChartStyle} look, so that a
 * figure takes a few lines:
 *
 * <pre>{@code
 * XYChart chart = Plots.line("Lorenz attractor", "x", "z");
 * chart.addSeries("trajectory", xs, zs);
 * figures.save(chart, "lorenz-xz", "The Lorenz attractor projected on the x-z plane.", "Fig. 1");
 * chart
 * }</pre>
 *
 * <p>The charts are ordinary XChart {@link XYChart}s: series are added with
 * {@link XYChart#addSeries(String, double[], double[])}, and anything else XChart offers (log axes,
 * axis ranges, annotations) is set through {@link XYChart#getStyler()}. {@link #addLine} and
 * {@link #addPoints} add a series drawn the other way than the chart's default, to overlay points on
 * lines or a curve on a scatter plot.
 */
public final class Plots {

    /** Marker diameter, in pixels, of scatter points. */
    static final int MARKER_SIZE = 4;
    /** Marker diameter, in pixels, of points added to a line chart with {@link #addPoints}. */
    static final int OVERLAY_MARKER_SIZE = 7;

    private Plots() {
    }

    /** A line chart of {@link ChartStyle#WIDTH} × {@link ChartStyle#HEIGHT} pixels whose series are drawn as lines without markers. */
    public static XYChart line(String title, String xLabel, String yLabel) {
        return line(title, xLabel, yLabel, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** A line chart of the given size in pixels, whose series are drawn as lines without markers. */
    public static XYChart line(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = chart(title, xLabel, yLabel, width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        // Long trajectories would turn markers into a thick smear; lines alone read better.
        chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        chart.getStyler().setMarkerSize(OVERLAY_MARKER_SIZE);
        return chart;
    }

    /** A scatter chart of {@link ChartStyle#WIDTH} × {@link ChartStyle#HEIGHT} pixels whose series are drawn as small dots. */
    public static XYChart scatter(String title, String xLabel, String yLabel) {
        return scatter(title, xLabel, yLabel, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** A scatter chart of the given size in pixels, whose series are drawn as small dots. */
    public static XYChart scatter(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = chart(title, xLabel, yLabel, width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.CIRCLE});
        chart.getStyler().setMarkerSize(MARKER_SIZE);
        return chart;
    }

    /** Adds a series drawn as a line without markers, whatever the chart's default. */
    public static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** Adds a series drawn as dots without a line, whatever the chart's default. */
    public static XYSeries addPoints(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    private static XYChart chart(String title, String xLabel, String yLabel, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0 pixels, got " + width + " x " + height);
        }
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        ChartStyle.apply(chart);
        chart.getStyler().setSeriesLines(new BasicStroke[] {
            new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)});
        return chart;
    }
}
