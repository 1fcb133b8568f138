package org.phasebook.plot;

import java.awt.Color;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * Charts of states projected on a plane, such as the first two principal components of a
 * network's hidden states: every projected state is a row whose columns 0 and 1 are the plane's
 * coordinates (further columns are ignored). Paths are drawn as lines through the rows in
 * order, single states as one marker. Stateless.
 */
public final class StatePlane {

    private StatePlane() {
    }

    /** Column {@code c} of {@code rows} (a new array). */
    public static double[] column(double[][] rows, int c) {
        Objects.requireNonNull(rows, "rows");
        double[] out = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            if (c < 0 || c >= rows[t].length) {
                throw new IllegalArgumentException("c must be in [0, " + (rows[t].length - 1) + "] (the columns of row "
                        + t + "), got " + c);
            }
            out[t] = rows[t][c];
        }
        return out;
    }

    /** Adds the path through the projected states {@code z[t]}, in order, as a line without markers. */
    public static XYSeries addPath(XYChart chart, String name, double[][] z) {
        return Plots.addLine(chart, name, column(z, 0), column(z, 1));
    }

    /**
     * Adds many paths in one colour with one legend entry: path 0 is named {@code legendName} and
     * shown in the legend, path {@code n >= 1} is named {@code otherPrefix + n} and hidden from it.
     *
     * @param paths {@code paths[n][t]}: the projected states of path {@code n}
     * @return the series, in path order
     */
    public static XYSeries[] addPaths(XYChart chart, String legendName, String otherPrefix, double[][][] paths,
                                      Color colour) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(colour, "colour");
        XYSeries[] series = new XYSeries[paths.length];
        for (int n = 0; n < paths.length; n++) {
            series[n] = addPath(chart, n == 0 ? legendName : otherPrefix + n, paths[n]);
            series[n].setLineColor(colour);
            series[n].setShowInLegend(n == 0);
        }
        return series;
    }

    /** Adds one projected state {@code z} as a single point with the given marker and colour. */
    public static XYSeries addPoint(XYChart chart, String name, double[] z, Marker marker, Color colour) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(colour, "colour");
        if (z.length < 2) {
            throw new IllegalArgumentException("z must hold >= 2 coordinates (the plane's), got " + z.length);
        }
        XYSeries series = Plots.addPoints(chart, name, new double[] {z[0]}, new double[] {z[1]});
        series.setMarker(marker);
        series.setMarkerColor(colour);
        return series;
    }
}
