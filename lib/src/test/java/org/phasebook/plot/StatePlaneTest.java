package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class StatePlaneTest {

    private static final double[][] Z = {{1, 2, 9}, {3, 4, 9}, {5, 6, 9}};

    @Test
    void aPathRunsThroughTheFirstTwoCoordinatesInOrder() {
        assertArrayEquals(new double[] {2, 4, 6}, StatePlane.column(Z, 1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> StatePlane.column(Z, 3));
        XYChart chart = Plots.scatter("orbit", "PC1", "PC2");
        XYSeries path = StatePlane.addPath(chart, "run", Z);
        assertArrayEquals(new double[] {1, 3, 5}, path.getXData(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, path.getYData(), 0.0);
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, path.getXYSeriesRenderStyle());
    }

    @Test
    void manyPathsShareOneLegendEntry() {
        XYChart chart = Plots.line("falls", "PC1", "PC2");
        double[][][] paths = {Z, {{0, 0}, {1, 1}}, {{2, 2}, {0, 0}}};
        XYSeries[] series = StatePlane.addPaths(chart, "noise-free, from 3 states", "noise-free ", paths, Color.GRAY);
        assertEquals(List.of("noise-free, from 3 states", "noise-free 1", "noise-free 2"), List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(series[0].isShowInLegend());
        assertFalse(series[1].isShowInLegend());
        assertFalse(series[2].isShowInLegend());
        for (XYSeries s : series) {
            assertEquals(Color.GRAY, s.getLineColor());
        }
        assertArrayEquals(new double[] {2, 0}, series[2].getXData(), 0.0);
    }

    @Test
    void aSingleStateIsOneMarker() {
        XYChart chart = Plots.line("origin", "PC1", "PC2");
        XYSeries origin = StatePlane.addPoint(chart, "origin h = 0", new double[] {-1.5, 0.25, 7}, SeriesMarkers.CROSS, Color.BLACK);
        assertArrayEquals(new double[] {-1.5}, origin.getXData(), 0.0);
        assertArrayEquals(new double[] {0.25}, origin.getYData(), 0.0);
        assertEquals(SeriesMarkers.CROSS, origin.getMarker());
        assertEquals(Color.BLACK, origin.getMarkerColor());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, origin.getXYSeriesRenderStyle());
        assertThrows(IllegalArgumentException.class, () -> StatePlane.addPoint(chart, "p", new double[] {1}, SeriesMarkers.CROSS,
                Color.BLACK));
    }
}
