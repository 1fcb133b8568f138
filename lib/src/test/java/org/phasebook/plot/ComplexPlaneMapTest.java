package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class ComplexPlaneMapTest {

    private static final int WHITE = 0xFFFFFF;

    /** Axis values {@code from, from + step, ..., to}, built from integers so the ends are exact. */
    private static double[] axis(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = from + k * step;
        }
        return values;
    }

    private static double[][] sample(double[] re, double[] im, DoubleBinaryOperator f) {
        double[][] values = new double[im.length][re.length];
        for (int row = 0; row < im.length; row++) {
            for (int col = 0; col < re.length; col++) {
                values[row][col] = f.applyAsDouble(re[col], im[row]);
            }
        }
        return values;
    }

    private static int pixel(BufferedImage image, ComplexPlaneMap.PlotArea area, double re, double im) {
        return image.getRGB((int) Math.floor(area.x(re)), (int) Math.floor(area.y(im))) & 0xFFFFFF;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aPixelAtAGridNodeHasTheColourOfTheBandItsValueLiesIn() {
        double[] re = axis(-1, 1, 0.25);
        double[] im = axis(-1, 1, 0.25);
        // log10(tau) is linear in Re z, so its bilinear interpolation is exact: -2 at Re z = -1, -0.5 at 1.
        ComplexPlaneMap map = ComplexPlaneMap.of("bands", re, im,
                sample(re, im, (x, y) -> Math.pow(10, -2 + 0.75 * (x + 1))));
        BufferedImage image = map.render();
        ComplexPlaneMap.PlotArea area = map.plotArea();
        // At Re z = 0, log10(tau) = -1.25: band 7 of the default levels [-2.0, -1.9, ..., -0.5], [-1.3, -1.2).
        int inBand7 = pixel(image, area, 0, 0.5);
        assertEquals(7, map.band(Math.pow(10, -1.25)));
        assertEquals(ComplexPlaneMap.inferno(7 / 15.0).getRGB() & 0xFFFFFF, inBand7);
        // At Re z = -0.5, log10(tau) = -1.625: band 3, [-1.7, -1.6).
        assertEquals(ComplexPlaneMap.inferno(3 / 15.0).getRGB() & 0xFFFFFF, pixel(image, area, -0.5, -0.25));
        // Left of Re z = -0.6, log10(tau) < -1.7: the pixel at -0.75 (-1.8125) is in band 1, a different colour.
        assertNotEquals(inBand7, pixel(image, area, -0.75, 0));
        assertEquals(ComplexPlaneMap.inferno(1 / 15.0).getRGB() & 0xFFFFFF, pixel(image, area, -0.75, 0));
    }

    @Test
    void valuesBelowTheLowestLevelAreFlooredAndValuesAboveTheTopLevelTakeTheTopBand() {
        ComplexPlaneMap map = ComplexPlaneMap.of("t", axis(0, 1, 1), axis(0, 1, 1), new double[][] {{1, 1}, {1, 1}});
        assertEquals(0, map.band(1e-9));
        assertEquals(map.colourOf(0.01), map.colourOf(1e-9));
        assertEquals(15, map.band(0.5));
        assertEquals(map.colourOf(Math.pow(10, -0.5)), map.colourOf(1e3));
        assertEquals(14, map.band(Math.pow(10, -0.55)));
        double[] re = axis(-1, 1, 0.5);
        BufferedImage image = ComplexPlaneMap.of("low", re, re, sample(re, re, (x, y) -> 1e-7)).render();
        ComplexPlaneMap.PlotArea area = ComplexPlaneMap.of("low", re, re, sample(re, re, (x, y) -> 1e-7)).plotArea();
        assertEquals(ComplexPlaneMap.inferno(0).getRGB() & 0xFFFFFF, pixel(image, area, 0, 0));
    }

    @Test
    void theColourMapRunsFromNearBlackToPaleYellowGettingLighter() {
        Color low = ComplexPlaneMap.inferno(0);
        Color high = ComplexPlaneMap.inferno(1);
        assertTrue(low.getRed() + low.getGreen() + low.getBlue() < 20, low.toString());
        assertTrue(high.getRed() > 240 && high.getGreen() > 240 && high.getBlue() < 190, high.toString());
        double previous = -1;
        for (int k = 0; k <= 50; k++) {
            Color c = ComplexPlaneMap.inferno(k / 50.0);
            double luma = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(luma > previous, "luma at " + k / 50.0 + " is " + luma + ", not above " + previous);
            previous = luma;
        }
    }

    @Test
    void nanNodesAreLeftWhite() {
        double[] re = axis(-1, 1, 0.25);
        double[][] values = sample(re, re, (x, y) -> 0.05);
        values[4][4] = Double.NaN; // the node 0 + 0i
        ComplexPlaneMap map = ComplexPlaneMap.of("nan", re, re, values);
        BufferedImage image = map.render();
        ComplexPlaneMap.PlotArea area = map.plotArea();
        assertEquals(WHITE, pixel(image, area, 0, 0));
        assertEquals(WHITE, pixel(image, area, 0.1, -0.1));
        assertEquals(map.colourOf(0.05).getRGB() & 0xFFFFFF, pixel(image, area, 0.5, 0.5));
        assertEquals(map.colourOf(0.05).getRGB() & 0xFFFFFF, pixel(image, area, 0.2, 0));
    }

    @Test
    void oneUnitIsAsManyPixelsAcrossAsUpAndDown() {
        double[] re = axis(-1, 1, 0.02);
        // tau(z) = |z|, floored: the band edge at the level 0.5 is the circle |z| = 0.5.
        ComplexPlaneMap map = ComplexPlaneMap.of("aspect", re, re, sample(re, re, Math::hypot))
                .withLevels(0.1, 0.5)
                .withRange(-2, 2, -1, 1)
                .withSize(800, 400);
        BufferedImage image = map.render();
        ComplexPlaneMap.PlotArea area = map.plotArea();
        assertEquals(2.0, area.width() / (double) area.height(), 0.02);
        int inside = map.colourOf(0.2).getRGB() & 0xFFFFFF;
        int across = 0;
        for (int x = area.left(); x < area.left() + area.width(); x++) {
            across += (image.getRGB(x, (int) area.y(0)) & 0xFFFFFF) == inside ? 1 : 0;
        }
        int upDown = 0;
        for (int y = area.top(); y < area.top() + area.height(); y++) {
            upDown += (image.getRGB((int) area.x(0), y) & 0xFFFFFF) == inside ? 1 : 0;
        }
        double diameter = area.pixelsPerUnit(); // 2 * 0.5 units
        assertTrue(Math.abs(across - upDown) <= 2, "across " + across + " px, up and down " + upDown + " px");
        assertEquals(diameter, across, 2.5);
        assertEquals(diameter, upDown, 2.5);
        // Beyond the grid (|Re z| > 1) the axes are white.
        assertEquals(WHITE, pixel(image, area, -1.5, 0));
    }

    @Test
    void renderingTwiceGivesTheSamePixels() {
        double[] re = axis(-1.5, 1.5, 0.1);
        DoubleBinaryOperator tau = (x, y) -> Math.max(1e-3, Math.abs(Math.hypot(x, y) - 1));
        ComplexPlaneMap first = ComplexPlaneMap.of("twice", re, re, sample(re, re, tau))
                .withUnitCircle()
                .withPoints("EDMD", new double[] {0.5, -0.3}, new double[] {0.1, 0.7}, Color.BLUE,
                        ComplexPlaneMap.Marker.DOT)
                .withPoints("proposed", new double[] {1}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.CROSS);
        ComplexPlaneMap second = ComplexPlaneMap.of("twice", re, re, sample(re, re, tau))
                .withUnitCircle()
                .withPoints("EDMD", new double[] {0.5, -0.3}, new double[] {0.1, 0.7}, Color.BLUE,
                        ComplexPlaneMap.Marker.DOT)
                .withPoints("proposed", new double[] {1}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.CROSS);
        BufferedImage image = first.render();
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(ComplexPlaneMap.WIDTH, image.getWidth());
        assertEquals(ComplexPlaneMap.HEIGHT, image.getHeight());
        assertArrayEquals(pixels(image), pixels(first.render()));
        assertArrayEquals(pixels(image), pixels(second.render()));
        assertEquals(WHITE, image.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void markersAreDrawnInTheirColourAtTheirPoints() {
        double[] re = axis(-1, 1, 0.5);
        ComplexPlaneMap map = ComplexPlaneMap.of("points", re, re, sample(re, re, (x, y) -> 0.05))
                .withPoints("dots", new double[] {-0.5}, new double[] {0.5}, Color.BLUE, ComplexPlaneMap.Marker.DOT, 9)
                .withPoints("crosses", new double[] {0.5}, new double[] {-0.5}, Color.RED,
                        ComplexPlaneMap.Marker.CROSS, 9);
        BufferedImage image = map.render();
        ComplexPlaneMap.PlotArea area = map.plotArea();
        assertEquals(0x0000FF, pixel(image, area, -0.5, 0.5));
        assertEquals(0xFF0000, pixel(image, area, 0.5, -0.5));
        ComplexPlaneMap plain = ComplexPlaneMap.of("points", re, re, sample(re, re, (x, y) -> 0.05));
        assertEquals(plain.colourOf(0.05).getRGB() & 0xFFFFFF, pixel(plain.render(), plain.plotArea(), 0.5, -0.5));
    }

    @Test
    void mirrorLowerHalfReflectsTheRowsAndKeepsTheZeroRowOnce() {
        double[] re = {0, 1};
        double[][] half = {{1, 2}, {3, 4}, {5, 6}};
        ComplexPlaneMap.Grid full = ComplexPlaneMap.mirrorLowerHalf(re, new double[] {0, 0.5, 1}, half);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, full.im());
        assertArrayEquals(re, full.re());
        double[][] values = full.values();
        assertEquals(5, values.length);
        assertArrayEquals(new double[] {5, 6}, values[0]);
        assertArrayEquals(new double[] {3, 4}, values[1]);
        assertArrayEquals(new double[] {1, 2}, values[2]);
        assertArrayEquals(new double[] {3, 4}, values[3]);
        assertArrayEquals(new double[] {5, 6}, values[4]);

        ComplexPlaneMap.Grid noZero = ComplexPlaneMap.mirrorLowerHalf(re, new double[] {0.25, 1}, new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {-1, -0.25, 0.25, 1}, noZero.im());
        assertArrayEquals(new double[] {3, 4}, noZero.values()[0]);
        assertArrayEquals(new double[] {1, 2}, noZero.values()[1]);

        // Rows below the axis are replaced by their mirror images.
        ComplexPlaneMap.Grid below = ComplexPlaneMap.mirrorLowerHalf(re, new double[] {-0.5, 0.5}, new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {-0.5, 0.5}, below.im());
        assertArrayEquals(new double[] {3, 4}, below.values()[0]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComplexPlaneMap.mirrorLowerHalf(re, new double[] {-1, -0.5}, new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("im[1] = -0.5"), e.getMessage());
    }

    @Test
    void invalidInputsAreRejectedWithMessagesNamingTheParameter() {
        double[] re = {0, 1, 2};
        double[] im = {0, 1};
        double[][] values = {{1, 1, 1}, {1, 1, 1}};
        assertMessage("re[2] = 1.0", () -> ComplexPlaneMap.of("t", new double[] {0, 1, 1}, im, values));
        assertMessage("im has 1 values", () -> ComplexPlaneMap.of("t", re, new double[] {0}, new double[][] {{1, 1, 1}}));
        assertMessage("values has 1 rows", () -> ComplexPlaneMap.of("t", re, im, new double[][] {{1, 1, 1}}));
        assertMessage("values[1] has 2 values", () -> ComplexPlaneMap.of("t", re, im, new double[][] {{1, 1, 1}, {1, 1}}));
        assertMessage("values[0][1] = -1.0", () -> ComplexPlaneMap.of("t", re, im, new double[][] {{1, -1, 1}, {1, 1, 1}}));
        assertMessage("values[1][2] = Infinity",
                () -> ComplexPlaneMap.of("t", re, im, new double[][] {{1, 1, 1}, {1, 1, Double.POSITIVE_INFINITY}}));
        ComplexPlaneMap map = ComplexPlaneMap.of("t", re, im, values);
        assertMessage("levels[1] = -0.1", () -> map.withLevels(0.01, -0.1));
        assertMessage("levels[1] = 0.01", () -> map.withLevels(0.1, 0.01));
        assertMessage("levels is empty", () -> map.withLevels());
        assertMessage("ticks[0] = 0.0", () -> map.withColourBarTicks(0, 1));
        assertMessage("reMax = -1.0", () -> map.withRange(1, -1, 0, 1));
        assertMessage("imMin = NaN", () -> map.withRange(-1, 1, Double.NaN, 1));
        assertMessage("width = 50", () -> map.withSize(50, 400));
        assertMessage("radius = 0.0", () -> map.withCircle(0, 0, 0));
        assertMessage("re has 2 values but im has 1",
                () -> map.withPoints("p", new double[] {0, 1}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.DOT));
        assertMessage("size = 0.0",
                () -> map.withPoints("p", new double[] {0}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.DOT, 0));
        ComplexPlaneMap withP = map.withPoints("p", new double[] {0}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.DOT);
        assertMessage("name = \"p\"",
                () -> withP.withPoints("p", new double[] {0}, new double[] {0}, Color.RED, ComplexPlaneMap.Marker.DOT));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "\"" + e.getMessage() + "\" does not contain \"" + expected + "\"");
    }

    @Test
    void theTablesHoldOneRowPerGridNodeAndPerPoint() {
        double[] re = axis(-1, 1, 0.5);
        double[] im = axis(0, 1, 0.5);
        double[][] values = sample(re, im, (x, y) -> 1 + x + 10 * y + 2);
        values[1][2] = Double.NaN;
        ComplexPlaneMap map = ComplexPlaneMap.of("tables", re, im, values)
                .withPoints("a", new double[] {0.1, 0.2}, new double[] {0.3, 0.4}, Color.BLUE, ComplexPlaneMap.Marker.DOT)
                .withPoints("b", new double[] {0.5}, new double[] {0.6}, Color.RED, ComplexPlaneMap.Marker.CIRCLE);
        Table data = map.data();
        assertEquals(re.length * im.length, data.rowCount());
        assertEquals(java.util.List.of("re", "im", "value"), data.columnNames());
        // Row by row: the node re[col] + i im[row] is row row * 5 + col.
        assertEquals(re[3], data.doubleColumn("re").get(1 * 5 + 3));
        assertEquals(im[1], data.doubleColumn("im").get(1 * 5 + 3));
        assertEquals(values[1][3], data.doubleColumn("value").get(1 * 5 + 3));
        assertTrue(data.doubleColumn("value").isMissing(1 * 5 + 2));
        assertTrue(FigureStore.tableCsv(data).contains("\n0.0,0.5,\n"), FigureStore.tableCsv(data));
        Table points = map.points();
        assertEquals(java.util.List.of("series", "re", "im"), points.columnNames());
        assertEquals(3, points.rowCount());
        assertEquals("b", points.stringColumn("series").get(2));
        assertEquals(0.6, points.doubleColumn("im").get(2));
    }

    @Test
    void labelsAreFormattedWithoutTrailingZeros() {
        assertEquals("-1.5", ComplexPlaneMap.axisLabel(-1.5, 0.5));
        assertEquals("-1", ComplexPlaneMap.axisLabel(-1.0, 0.5));
        assertEquals("0", ComplexPlaneMap.axisLabel(-0.0, 0.5));
        assertEquals("0.25", ComplexPlaneMap.axisLabel(0.25, 0.05));
        assertEquals("0.01", ComplexPlaneMap.barLabel(0.01));
        assertEquals("0.1", ComplexPlaneMap.barLabel(0.1));
        assertEquals("1", ComplexPlaneMap.barLabel(1.0));
    }

    @Test
    void theDefaultLevelsAreTenToTheMinusTwoToMinusHalfInTenths() {
        double[] levels = ComplexPlaneMap.defaultLevels();
        assertEquals(16, levels.length);
        for (int k = 0; k < levels.length; k++) {
            assertEquals(-2 + 0.1 * k, Math.log10(levels[k]), 1e-12);
        }
    }
}
