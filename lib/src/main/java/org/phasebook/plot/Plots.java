package org.phasebook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;

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
 * lines or a curve on a scatter plot. {@link #addVerticalLine} marks a reference value on the x axis,
 * {@link #addReplicaPoints} shows the scatter of independent replicas behind their mean, and
 * {@link #spectrum} draws a power spectrum on a logarithmic axis.
 */
public final class Plots {

    /** Marker diameter, in pixels, of scatter points. */
    static final int MARKER_SIZE = 4;
    /** Marker diameter, in pixels, of points added to a line chart with {@link #addPoints}. */
    static final int OVERLAY_MARKER_SIZE = 7;
    /** The colour of {@link #addReplicaPoints}: a mid grey, behind the coloured means. */
    public static final Color REPLICA_GREY = new Color(150, 150, 150);

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

    /**
     * Adds a vertical line at {@code x} from {@code yFrom} to {@code yTo}, without markers, drawn
     * with {@code lineStyle} (such as {@code SeriesLines.DASH_DASH}): a reference value, a
     * threshold or a measured position on the x axis.
     */
    public static XYSeries addVerticalLine(XYChart chart, String name, double x, double yFrom, double yTo,
            BasicStroke lineStyle) {
        Objects.requireNonNull(lineStyle, "lineStyle");
        XYSeries series = addLine(chart, name, new double[] {x, x}, new double[] {yFrom, yTo});
        series.setLineStyle(lineStyle);
        return series;
    }

    /**
     * Adds a vertical line at {@code x} that spans the data already on the chart: from the
     * smallest to the largest finite y value of its series (so a line added after it spans the
     * same range).
     *
     * @throws IllegalArgumentException when the chart has no finite y value yet
     */
    public static XYSeries addVerticalLine(XYChart chart, String name, double x, BasicStroke lineStyle) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        if (low > high) {
            throw new IllegalArgumentException("chart must hold a series with a finite y value before a vertical line"
                    + " can span its data, got " + chart.getSeriesMap().size() + " series");
        }
        return addVerticalLine(chart, name, x, low, high, lineStyle);
    }

    /**
     * Adds the values of independent replicas as grey dots ({@link #REPLICA_GREY}), one series
     * per replica: {@code y[i][r]} is replica {@code r}'s value at {@code x[i]}. Series 0 is named
     * {@code name} and is the only one in the legend; series {@code r >= 1} are named
     * {@code "replica r"}.
     *
     * @param y one row per x value, each with the same number (at least 1) of replicas
     * @return the series, by replica
     */
    public static XYSeries[] addReplicaPoints(XYChart chart, String name, double[] x, double[][] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length || x.length == 0) {
            throw new IllegalArgumentException("y must have one row per x value (x has " + x.length
                    + ", at least 1), got " + y.length + " rows");
        }
        int replicas = y[0].length;
        for (int i = 0; i < y.length; i++) {
            if (y[i].length != replicas || replicas == 0) {
                throw new IllegalArgumentException("every row of y must hold the same number (>= 1) of replicas as y[0] = "
                        + replicas + ", got " + y[i].length + " in y[" + i + "]");
            }
        }
        XYSeries[] series = new XYSeries[replicas];
        for (int r = 0; r < replicas; r++) {
            double[] column = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                column[i] = y[i][r];
            }
            series[r] = addPoints(chart, r == 0 ? name : "replica " + r, x, column);
            series[r].setMarkerColor(REPLICA_GREY);
            series[r].setShowInLegend(r == 0);
        }
        return series;
    }

    /**
     * A line chart of a power spectrum {@code S(omega)} against the angular frequency, with a
     * logarithmic S axis, showing the bins with {@code 0 < omega <= omegaMax} as the series
     * {@code name}. Bin {@code omega = 0} is left out: a spectrum of a series whose mean was
     * removed is empty there, which a logarithmic axis cannot show.
     *
     * @param omega the bins' angular frequencies, increasing
     * @param power the spectrum at those frequencies
     * @throws IllegalArgumentException when no bin lies in {@code (0, omegaMax]}
     */
    public static XYChart spectrum(String title, String name, double[] omega, double[] power, double omegaMax) {
        Objects.requireNonNull(omega, "omega");
        Objects.requireNonNull(power, "power");
        if (omega.length != power.length) {
            throw new IllegalArgumentException("omega and power must have equal lengths, got " + omega.length + " and "
                    + power.length);
        }
        int from = 0;
        while (from < omega.length && !(omega[from] > 0.0)) {
            from++;
        }
        int to = from;
        while (to < omega.length && omega[to] <= omegaMax) {
            to++;
        }
        if (to == from) {
            throw new IllegalArgumentException("no frequency bin in (0, omegaMax] = (0, " + omegaMax + "]");
        }
        XYChart chart = line(title, "angular frequency omega", "S(omega)");
        chart.getStyler().setYAxisLogarithmic(true);
        addLine(chart, name, Arrays.copyOfRange(omega, from, to), Arrays.copyOfRange(power, from, to));
        return chart;
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
