package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
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
    void sizesMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.line("t", "x", "y", 0, 480));
        assertTrue(e.getMessage().contains("0 x 480"), e.getMessage());
    }
}
