package org.phasebook.plot;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A heat map of a matrix of values on a grid of {@code x} (columns of the image) and {@code y}
 * (rows), as an XChart {@link HeatMapChart} in the Phasebook look, with its numbers as a table
 * for {@link FigureStore#save(org.knowm.xchart.internal.chartpart.Chart, String, String, String, Table)}:
 *
 * <pre>{@code
 * HeatMapChart chart = MatrixHeatMap.chart("sqrt|E δh⁽²⁾| (heuristic)", "Adam step", "unit", steps, units, maps);
 * figures.save(chart, "f4-second-order", caption, "Fig. 4", MatrixHeatMap.table("step", "unit", "value", steps, units, maps));
 * }</pre>
 *
 * <p><b>Layout.</b> {@code z[i][j]} is the value at {@code (x[i], y[j])}: one row of {@code z} per
 * {@code x}, as a list of per-checkpoint vectors comes. Cells are equally wide whatever the
 * spacing of {@code x} and {@code y} (XChart's heat map is categorical); {@code y[0]} is at the
 * bottom. At most {@value #MAX_TICK_LABELS} tick labels per axis: every {@code k}-th value, with
 * {@code k} the smallest of 1, 2, 5, 10, 20, 25, 50, 100, ... that keeps to that number; the values are
 * written in plain decimals (integers without a fractional part, others to 4 significant digits).
 *
 * <p><b>Colours.</b> A sequential white-to-dark-red scale (ColorBrewer's "Reds"), suited to values
 * {@code >= 0} such as magnitudes. The colour range is {@code [min, max]} of the values, rounded
 * outwards to 2 significant digits so that the legend's two labels read cleanly (XChart's gradient
 * legend prints the range limits as Java doubles); an explicit range may be given instead. A
 * matrix whose values are all equal gets the range {@code [v, v + max(|v|, 1)]}.
 *
 * <p>Stateless; all methods are static.
 */
public final class MatrixHeatMap {

    /** The most tick labels drawn on either axis. */
    public static final int MAX_TICK_LABELS = 8;

    /** ColorBrewer "Reds" (9 classes), light to dark. */
    static final Color[] REDS = {
        new Color(0xFFF5F0), new Color(0xFEE0D2), new Color(0xFCBBA1), new Color(0xFC9272), new Color(0xFB6A4A),
        new Color(0xEF3B2C), new Color(0xCB181D), new Color(0xA50F15), new Color(0x67000D),
    };

    private MatrixHeatMap() {
    }

    /**
     * The heat map with the colour range of the class comment, {@link ChartStyle#WIDTH} x
     * {@link ChartStyle#HEIGHT} pixels.
     *
     * @param x the column values, length {@code >= 1}, finite
     * @param y the row values, length {@code >= 1}, finite
     * @param z {@code x.length x y.length}, finite
     */
    public static HeatMapChart chart(String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z) {
        checkGrid(x, y, z);
        double[] range = colourRange(z);
        return chart(title, xLabel, yLabel, x, y, z, range[0], range[1]);
    }

    /**
     * The heat map with the colour range {@code [min, max]}: values outside it take the end
     * colours.
     *
     * @param min the value drawn lightest, finite
     * @param max the value drawn darkest, finite and {@code > min}
     */
    public static HeatMapChart chart(String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z,
                                     double min, double max) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        checkGrid(x, y, z);
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("the colour range must be finite with max > min, got min = " + min
                    + ", max = " + max);
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setMin(min);
        chart.getStyler().setMax(max);
        List<Number[]> cells = new ArrayList<>(x.length * y.length);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                cells.add(new Number[] {i, j, z[i][j]});
            }
        }
        chart.addSeries(title, Arrays.asList(tickLabels(x)), Arrays.asList(tickLabels(y)), cells);
        ChartStyle.pinFonts(chart);
        return chart;
    }

    /**
     * The numbers behind the map in long format: one row per cell, {@code x} major, with columns
     * named {@code xName}, {@code yName} and {@code valueName}.
     */
    public static Table table(String xName, String yName, String valueName, double[] x, double[] y, double[][] z) {
        Objects.requireNonNull(xName, "xName");
        Objects.requireNonNull(yName, "yName");
        Objects.requireNonNull(valueName, "valueName");
        checkGrid(x, y, z);
        int n = x.length * y.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] vs = new double[n];
        int r = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                xs[r] = x[i];
                ys[r] = y[j];
                vs[r] = z[i][j];
                r++;
            }
        }
        return Table.create(valueName, DoubleColumn.create(xName, xs), DoubleColumn.create(yName, ys),
                DoubleColumn.create(valueName, vs));
    }

    /** {@code 0, 1, ..., n-1}: the row values of a map over units or indices. */
    public static double[] indices(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    /** The default colour range: {@code [min, max]} rounded outwards to 2 significant digits. */
    static double[] colourRange(double[][] z) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == hi) {
            return new double[] {lo, lo + Math.max(Math.abs(lo), 1.0)};
        }
        return new double[] {round(lo, RoundingMode.FLOOR), round(hi, RoundingMode.CEILING)};
    }

    /**
     * The category labels of an axis: the value's text at every {@code k}-th index (see the
     * class comment) and a single space elsewhere (XChart cannot draw an empty label).
     */
    static String[] tickLabels(double[] values) {
        int every = tickStep(values.length);
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = i % every == 0 ? text(values[i]) : " ";
        }
        return labels;
    }

    /** The smallest step of 1, 2, 5, 10, 20, 25, 50, 100, ... that gives at most MAX_TICK_LABELS labels to n values. */
    static int tickStep(int n) {
        for (long scale = 1; ; scale *= 10) {
            for (long step : new long[] {scale, 2 * scale, 25 * scale / 10, 5 * scale}) {
                if ((n - 1) / step + 1 <= MAX_TICK_LABELS) {
                    return (int) step;
                }
            }
        }
    }

    private static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    private static double round(double v, RoundingMode mode) {
        if (v == 0.0) {
            return 0.0;
        }
        // Through the decimal string, so that the result prints as its 2 digits (0.35, not 0.35000000000000003).
        return new BigDecimal(v).round(new MathContext(2, mode)).doubleValue();
    }

    /**
     * The Phasebook look for a heat map. {@link ChartStyle#apply} cannot be used: it puts the
     * legend inside the plot, which XChart's heat map refuses.
     */
    private static void style(HeatMapStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0x999999));
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(12);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setChartTitleFont(ChartStyle.font(ChartStyle.TITLE_SIZE));
        s.setLegendFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        s.setBaseFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        s.setAxisTitleFont(ChartStyle.font(ChartStyle.AXIS_TITLE_SIZE));
        s.setAxisTickLabelsFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        s.setAxisTitlePadding(8);
        // One tick mark per category would draw a ruler of 150 marks along the units.
        s.setAxisTicksMarksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotMargin(0);
        s.setRangeColors(REDS.clone());
        s.setPiecewise(false);
        s.setDrawBorder(false);
        s.setShowValue(false);
        s.setToolTipsEnabled(false);
        // Without antialiasing the cells meet edge to edge; with it, rows a few pixels high show seams.
        s.setAntiAlias(false);
    }

    private static void checkGrid(double[] x, double[] y, double[][] z) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least 1 value, got 0");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("y must have at least 1 value, got 0");
        }
        checkFinite("x", x);
        checkFinite("y", y);
        if (z.length != x.length) {
            throw new IllegalArgumentException("z must have x.length = " + x.length + " rows (one per x), got "
                    + z.length);
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != y.length) {
                throw new IllegalArgumentException("z[" + i + "] must have y.length = " + y.length + " values, got "
                        + (z[i] == null ? "null" : z[i].length));
            }
            for (int j = 0; j < y.length; j++) {
                if (!Double.isFinite(z[i][j])) {
                    throw new IllegalArgumentException("z[" + i + "][" + j + "] must be finite, got " + z[i][j]);
                }
            }
        }
    }

    private static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + v[i]);
            }
        }
    }
}
