package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.phasebook.hmm.MeanSd;

class MeanSdPointsTest {

    @Test
    void meansArePlottedWithTheirStandardDeviationsAsErrorBars() {
        XYChart chart = Plots.scatter("volatility", "HMM", "changes");
        MeanSd[] values = {MeanSd.of(new double[] {1, 3}), MeanSd.of(new double[] {2, 2, 5})};
        XYSeries s = MeanSdPoints.add(chart, "RNN (mean, sd)", new double[] {1.15, 2.15}, values, Color.ORANGE);
        assertArrayEquals(new double[] {1.15, 2.15}, s.getXData(), 0.0);
        assertArrayEquals(new double[] {2, 3}, s.getYData(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(3)}, s.getExtraValues(), 1e-15);
        assertEquals(Color.ORANGE, s.getMarkerColor());
        assertEquals(Color.ORANGE, s.getLineColor());
        assertThrows(IllegalArgumentException.class, () -> MeanSdPoints.add(Plots.scatter("t", "x", "y"), "n",
                new double[] {1}, values, Color.ORANGE));
    }
}
