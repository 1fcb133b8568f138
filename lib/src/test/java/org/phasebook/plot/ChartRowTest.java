package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class ChartRowTest {

    private static XYChart chart(String title, int width, int height) {
        XYChart c = Plots.scatter(title, "x", "y", width, height);
        Plots.addPoints(c, "points", new double[] {0, 1, 2}, new double[] {2, 0, 1});
        return c;
    }

    @Test
    void panelsArePlacedLeftToRightWithWhiteGapsAndPaddingBelowShorterCharts() {
        XYChart a = chart("a", 200, 150);
        XYChart b = chart("b", 240, 120);
        BufferedImage row = ChartRow.of(List.of(a, b));
        assertEquals(200 + ChartRow.GAP + 240, row.getWidth());
        assertEquals(150, row.getHeight());
        BufferedImage ra = BitmapEncoder.getBufferedImage(a);
        BufferedImage rb = BitmapEncoder.getBufferedImage(b);
        int differing = 0;
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                differing += (row.getRGB(x, y) & 0xFFFFFF) == (ra.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
            }
            for (int x = 200; x < 200 + ChartRow.GAP; x++) {
                assertEquals(0xFFFFFF, row.getRGB(x, y) & 0xFFFFFF, "gap at " + x + "," + y);
            }
            for (int x = 0; x < 240; x++) {
                int expected = y < 120 ? rb.getRGB(x, y) & 0xFFFFFF : 0xFFFFFF;
                differing += (row.getRGB(200 + ChartRow.GAP + x, y) & 0xFFFFFF) == expected ? 0 : 1;
            }
        }
        assertEquals(0, differing, "pixels differing from the charts rendered alone");
    }

    @Test
    void anEmptyListIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChartRow.of(List.of())).getMessage()
                .contains("at least 1 chart"));
    }
}
