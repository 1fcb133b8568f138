package org.phasebook.plot;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Draws the pieces of one iso-line level ({@link IsoLines}) on an XChart {@link XYChart}: each
 * piece becomes a line series without markers, all in one colour, with a single legend entry for
 * the level. Call it once per level, with one colour per level, to draw nested contours such as
 * the paper's 95 % density contours at several noise stds (F3). Stateless.
 */
public final class IsoLineSeries {

    private IsoLineSeries() {
    }

    /**
     * Adds the pieces as line series. Piece 0 is named {@code name} and shown in the legend; piece
     * {@code n >= 1} is named {@code name + " #" + n} and hidden from the legend (XChart needs
     * distinct series names, so these names must not already be on the chart). Nothing is added,
     * not even a legend entry, when {@code lines} is empty.
     *
     * @param lines  the pieces of one level, as {@link IsoLines#trace} returns them
     * @param colour the colour of every piece
     * @return the series, in the order of {@code lines}
     */
    public static XYSeries[] add(XYChart chart, String name, List<IsoLine> lines, Color colour) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(colour, "colour");
        XYSeries[] series = new XYSeries[lines.size()];
        for (int n = 0; n < series.length; n++) {
            IsoLine line = Objects.requireNonNull(lines.get(n), "lines[" + n + "]");
            series[n] = Plots.addLine(chart, n == 0 ? name : name + " #" + n, line.x(), line.y());
            series[n].setLineColor(colour);
            series[n].setShowInLegend(n == 0);
        }
        return series;
    }
}
