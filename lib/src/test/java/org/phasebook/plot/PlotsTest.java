package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

class PlotsTest {

    @Test
    void aLineChartHasTheDefaultSizeTitlesAndNoMarkers() {
        XYChart chart = Plots.line("Lorenz", "x", "z");
        assertEquals(ChartStyle.WIDTH, chart.getWidth());
        assertEquals(ChartStyle.HEIGHT, chart.getHeight());
        assertEquals("Lorenz", chart.getTitle());
        assertEquals("x", chart.getXAxisTitle());
        assertEquals("z", chart.getYAxisTitle());
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, chart.getStyler().getDefaultSeriesRenderStyle());
        assertArrayEquals(new Marker[] {SeriesMarkers.NONE}, chart.getStyler().getSeriesMarkers());
    }

    @Test
    void aScatterChartDrawsSmallDots() {
        XYChart chart = Plots.scatter("Return map", "z_n", "z_n+1", 500, 500);
        assertEquals(500, chart.getWidth());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, chart.getStyler().getDefaultSeriesRenderStyle());
        assertArrayEquals(new Marker[] {SeriesMarkers.CIRCLE}, chart.getStyler().getSeriesMarkers());
        assertEquals(Plots.MARKER_SIZE, chart.getStyler().getMarkerSize());
    }

    @Test
    void linesAndPointsCanBeMixed() {
        XYChart chart = Plots.line("t", "x", "y");
        XYSeries points = Plots.addPoints(chart, "fixed points", new double[] {1, -1}, new double[] {0, 0});
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, points.getXYSeriesRenderStyle());
        assertEquals(SeriesMarkers.CIRCLE, points.getMarker());
        XYChart scatter = Plots.scatter("t", "x", "y");
        XYSeries line = Plots.addLine(scatter, "fit", new double[] {0, 1}, new double[] {0, 2});
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, line.getXYSeriesRenderStyle());
        assertEquals(SeriesMarkers.NONE, line.getMarker());
    }

    @Test
    void aLongSeriesRendersAsALineWithoutMarkerBlobs() {
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 0.5;
        }
        XYChart chart = Plots.line("flat", "i", "y");
        chart.addSeries("flat", x, y);
        chart.getStyler().setLegendVisible(false);
        BufferedImage image = ChartStyle.render(chart);
        // Count the rows of one column, mid-plot, that the series colour darkens: a 1.5 px line
        // covers two or three; markers would cover about eight.
        int column = image.getWidth() / 2;
        int dark = 0;
        for (int row = 0; row < image.getHeight(); row++) {
            int rgb = image.getRGB(column, row);
            int blue = rgb & 0xFF;
            int red = (rgb >> 16) & 0xFF;
            if (blue - red > 60) {
                dark++;
            }
        }
        assertTrue(dark >= 1 && dark <= 4, "rows covered by the line: " + dark);
    }

    @Test
    void aVerticalLineGoesFromOneYToTheOtherAtItsX() {
        XYChart chart = Plots.line("t", "x", "y");
        XYSeries line = Plots.addVerticalLine(chart, "threshold", 0.2, 0, 0.45, SeriesLines.DASH_DASH);
        assertArrayEquals(new double[] {0.2, 0.2}, line.getXData());
        assertArrayEquals(new double[] {0, 0.45}, line.getYData());
        assertEquals(SeriesLines.DASH_DASH, line.getLineStyle());
        assertEquals(SeriesMarkers.NONE, line.getMarker());
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, line.getXYSeriesRenderStyle());
    }

    @Test
    void aVerticalLineCanSpanTheFiniteDataAlreadyOnTheChart() {
        XYChart chart = Plots.line("t", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> Plots.addVerticalLine(chart, "early", 1, SeriesLines.DOT_DOT));
        chart.addSeries("a", new double[] {0, 1, 2, 3}, new double[] {3, Double.NaN, 1, 7});
        chart.addSeries("b", new double[] {0, 1}, new double[] {2, 5});
        XYSeries first = Plots.addVerticalLine(chart, "reference", 1.5, SeriesLines.DASH_DASH);
        assertArrayEquals(new double[] {1, 7}, first.getYData());
        XYSeries second = Plots.addVerticalLine(chart, "peak", 2.5, SeriesLines.DOT_DOT);
        assertArrayEquals(new double[] {1, 7}, second.getYData());
        assertArrayEquals(new double[] {2.5, 2.5}, second.getXData());
        assertEquals(SeriesLines.DOT_DOT, second.getLineStyle());
    }

    @Test
    void replicaPointsAreOneGreySeriesPerReplicaWithOneLegendEntry() {
        XYChart chart = Plots.scatter("t", "x", "y");
        double[] x = {1, 2, 3};
        double[][] y = {{10, 11}, {20, 21}, {30, 31}};   // y[i][r]
        XYSeries[] series = Plots.addReplicaPoints(chart, "single replicas", x, y);
        assertEquals(2, series.length);
        assertEquals("single replicas", series[0].getName());
        assertEquals("replica 1", series[1].getName());
        assertArrayEquals(new double[] {10, 20, 30}, series[0].getYData());
        assertArrayEquals(new double[] {11, 21, 31}, series[1].getYData());
        assertArrayEquals(x, series[1].getXData());
        assertTrue(series[0].isShowInLegend());
        assertTrue(!series[1].isShowInLegend());
        assertEquals(Plots.REPLICA_GREY, series[1].getMarkerColor());
        assertEquals(SeriesMarkers.CIRCLE, series[1].getMarker());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.addReplicaPoints(chart, "ragged", x, new double[][] {{1, 2}, {3}, {4, 5}}));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.addReplicaPoints(chart, "short", x, new double[][] {{1}, {2}}));
    }

    @Test
    void aSpectrumShowsTheBinsAboveZeroUpToTheLimitOnALogAxis() {
        double[] omega = {0, 0.5, 1.0, 1.5, 2.0};
        double[] power = {0, 1, 2, 3, 4};
        XYChart chart = Plots.spectrum("S", "lattice S(omega)", omega, power, 1.5);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals("angular frequency omega", chart.getXAxisTitle());
        XYSeries s = chart.getSeriesMap().get("lattice S(omega)");
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, s.getXData());
        assertArrayEquals(new double[] {1, 2, 3}, s.getYData());
        assertEquals(1, chart.getSeriesMap().size());
        assertThrows(IllegalArgumentException.class, () -> Plots.spectrum("S", "n", omega, power, 0.4));
        assertThrows(IllegalArgumentException.class, () -> Plots.spectrum("S", "n", omega, new double[] {1}, 1));
    }

    @Test
    void sizesMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.line("t", "x", "y", 0, 480));
        assertTrue(e.getMessage().contains("0 x 480"), e.getMessage());
    }
}
