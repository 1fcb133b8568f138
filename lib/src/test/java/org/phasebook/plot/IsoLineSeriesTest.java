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

class IsoLineSeriesTest {

    private static final IsoLine LOOP = new IsoLine(1, new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 0}, true);
    private static final IsoLine ARC = new IsoLine(1, new double[] {5, 6, 7}, new double[] {1, 2, 1}, false);

    @Test
    void eachLevelIsOneColourAndOneLegendEntry() {
        XYChart chart = Plots.line("contours", "PC1", "PC2");
        XYSeries[] inner = IsoLineSeries.add(chart, "sigma = 1", List.of(LOOP, ARC, LOOP), Color.RED);
        XYSeries[] outer = IsoLineSeries.add(chart, "sigma = 2", List.of(ARC), Color.BLUE);
        assertEquals(List.of("sigma = 1", "sigma = 1 #1", "sigma = 1 #2", "sigma = 2"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(3, inner.length);
        assertEquals(1, outer.length);
        assertTrue(inner[0].isShowInLegend());
        assertFalse(inner[1].isShowInLegend());
        assertFalse(inner[2].isShowInLegend());
        assertTrue(outer[0].isShowInLegend());
        for (XYSeries s : inner) {
            assertEquals(Color.RED, s.getLineColor());
            assertEquals(SeriesMarkers.NONE, s.getMarker());
            assertEquals(XYSeries.XYSeriesRenderStyle.Line, s.getXYSeriesRenderStyle());
        }
        assertEquals(Color.BLUE, outer[0].getLineColor());
        // The points are the line's, closing point included.
        assertArrayEquals(LOOP.x(), inner[0].getXData(), 0.0);
        assertArrayEquals(LOOP.y(), inner[0].getYData(), 0.0);
        assertArrayEquals(ARC.x(), inner[1].getXData(), 0.0);
    }

    @Test
    void anEmptyLevelAddsNothingAndNullsAreRejected() {
        XYChart chart = Plots.line("contours", "x", "y");
        assertEquals(0, IsoLineSeries.add(chart, "none", List.of(), Color.RED).length);
        assertTrue(chart.getSeriesMap().isEmpty());
        assertThrows(NullPointerException.class, () -> IsoLineSeries.add(chart, "x", List.of(LOOP), null));
        assertThrows(NullPointerException.class, () -> IsoLineSeries.add(chart, null, List.of(LOOP), Color.RED));
    }
}
