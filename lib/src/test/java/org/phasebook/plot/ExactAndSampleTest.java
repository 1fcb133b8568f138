package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ExactAndSampleTest {

    @Test
    void theExactLineAndTheSamplePointsShareAColourAndOneLegendEntry() {
        XYChart chart = Plots.line("runs", "k", "fraction");
        Color c = new Color(0x56B4E9);
        XYSeries points = ExactAndSample.add(chart, "2-state", new double[] {1, 2, 3}, new double[] {0.5, 0.3, 0.2},
                new double[] {1, 3}, new double[] {0.6, 0.4}, c);
        assertEquals(List.of("2-state (exact)", "2-state"), List.copyOf(chart.getSeriesMap().keySet()), "line first");
        XYSeries line = chart.getSeriesMap().get("2-state (exact)");
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, line.getXYSeriesRenderStyle());
        assertEquals(SeriesMarkers.NONE, line.getMarker());
        assertEquals(c, line.getLineColor());
        assertFalse(line.isShowInLegend());
        assertArrayEquals(new double[] {0.5, 0.3, 0.2}, line.getYData(), 0.0);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, points.getXYSeriesRenderStyle());
        assertEquals(c, points.getMarkerColor());
        assertTrue(points.isShowInLegend());
        assertArrayEquals(new double[] {1, 3}, points.getXData(), 0.0);
        assertArrayEquals(new double[] {0.6, 0.4}, points.getYData(), 0.0);
    }
}
