package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.phasebook.notebook.Scale;

import tech.tablesaw.api.Table;

/** The heat-map helper: the series holds the input, the colours follow the values, labels and validation. */
class MatrixHeatMapTest {

    @TempDir
    Path temp;

    private static double[][] grid(int nx, int ny) {
        double[][] z = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                z[i][j] = 0.0123 + 0.1 * i + 0.01 * j * j;
            }
        }
        return z;
    }

    @Test
    void theSeriesHoldsEveryCellAndTheColourRangeIsTheMinMaxRoundedOutwards() throws IOException {
        double[] x = {0, 100, 200, 300, 400};
        double[] y = MatrixHeatMap.indices(12);
        double[][] z = grid(5, 12);
        HeatMapChart chart = MatrixHeatMap.chart("map", "step", "unit", x, y, z);
        HeatMapSeries series = chart.getHeatMapSeries();
        List<? extends Number[]> cells = series.getHeatData();
        assertEquals(60, cells.size());
        for (Number[] cell : cells) {
            int i = cell[0].intValue();
            int j = cell[1].intValue();
            assertEquals(z[i][j], cell[2].doubleValue(), 0.0, "cell (" + i + ", " + j + ")");
        }
        assertEquals(5, series.getXData().size());
        assertEquals(12, series.getYData().size());
        // Rendering copies the styler's range onto the series, which is what the legend prints.
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        assertTrue(png.length > 1000);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ChartStyle.WIDTH, decoded.getWidth());
        // min 0.0123 rounds down to 0.012; max 0.4 + 1.21 + 0.0123 = 1.6223 rounds up to 1.7.
        assertEquals(0.012, series.getMin(), 0.0);
        assertEquals(1.7, series.getMax(), 0.0);
        assertEquals("1.7", Double.toString(series.getMax()), "the legend prints the limit cleanly");
        HeatMapChart explicit = MatrixHeatMap.chart("map", "step", "unit", x, y, z, 0.0, 2.0);
        ChartStyle.render(explicit);
        assertEquals(0.0, explicit.getHeatMapSeries().getMin(), 0.0);
        assertEquals(2.0, explicit.getHeatMapSeries().getMax(), 0.0);
    }

    /** Mean pixel column and row of the pixels of exactly this colour, and their count. */
    private static double[] centroid(BufferedImage image, Color colour) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        int rgb = colour.getRGB();
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                if (image.getRGB(px, py) == rgb) {
                    sx += px;
                    sy += py;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n, n};
    }

    @Test
    void largerValuesAreDarkerXRunsLeftToRightAndYBottomToTop() {
        Color lightest = MatrixHeatMap.REDS[0];
        Color darkest = MatrixHeatMap.REDS[MatrixHeatMap.REDS.length - 1];
        // Low at the first x, high at the second.
        BufferedImage alongX = ChartStyle.render(MatrixHeatMap.chart("x", "x", "y", new double[] {0, 1},
                new double[] {0, 1, 2}, new double[][] {{0, 0, 0}, {1, 1, 1}}));
        double[] light = centroid(alongX, lightest);
        double[] dark = centroid(alongX, darkest);
        assertTrue(light[2] > 5000 && dark[2] > 5000, "both halves drawn: " + light[2] + ", " + dark[2]);
        assertTrue(dark[0] > light[0] + 100, "the high column is right of the low one");
        // Low at the first y, high at the last: y[0] is at the bottom (larger pixel rows).
        BufferedImage alongY = ChartStyle.render(MatrixHeatMap.chart("y", "x", "y", new double[] {0, 1},
                new double[] {0, 1}, new double[][] {{0, 1}, {0, 1}}));
        light = centroid(alongY, lightest);
        dark = centroid(alongY, darkest);
        assertTrue(light[2] > 5000 && dark[2] > 5000, "both halves drawn: " + light[2] + ", " + dark[2]);
        assertTrue(light[1] > dark[1] + 50, "the first row is at the bottom");
    }

    @Test
    void tickLabelsKeepToEightPlainValues() {
        assertEquals(20, MatrixHeatMap.tickStep(150));
        assertEquals(2, MatrixHeatMap.tickStep(16));
        assertEquals(1, MatrixHeatMap.tickStep(8));
        assertEquals(2, MatrixHeatMap.tickStep(9));
        assertEquals(25, MatrixHeatMap.tickStep(176));
        assertEquals(50, MatrixHeatMap.tickStep(201));
        String[] units = MatrixHeatMap.tickLabels(MatrixHeatMap.indices(150));
        assertEquals("0", units[0]);
        assertEquals("20", units[20]);
        assertEquals("140", units[140]);
        assertEquals(" ", units[1]);
        assertEquals(8, java.util.Arrays.stream(units).filter(s -> !s.isBlank()).count());
        assertArrayEquals(new String[] {"1500", "2", "0.125", "4", "0.3333"},
                MatrixHeatMap.tickLabels(new double[] {1500, 2, 0.125, 4, 1.0 / 3}));
    }

    @Test
    void tableIsTheLongFormatOfTheMatrix() {
        double[] x = {10, 20};
        double[] y = {0, 1, 2};
        double[][] z = grid(2, 3);
        Table t = MatrixHeatMap.table("step", "unit", "value", x, y, z);
        assertEquals(List.of("step", "unit", "value"), t.columnNames());
        assertEquals(6, t.rowCount());
        assertEquals(20.0, t.doubleColumn("step").get(4), 0.0);
        assertEquals(1.0, t.doubleColumn("unit").get(4), 0.0);
        assertEquals(z[1][1], t.doubleColumn("value").get(4), 0.0);
    }

    @Test
    void aConstantMatrixGetsAUsableRange() {
        assertArrayEquals(new double[] {0.0, 1.0}, MatrixHeatMap.colourRange(new double[][] {{0, 0}, {0, 0}}), 0.0);
        assertArrayEquals(new double[] {3.0, 6.0}, MatrixHeatMap.colourRange(new double[][] {{3}}), 0.0);
        assertArrayEquals(new double[] {-0.13, 0.25}, MatrixHeatMap.colourRange(new double[][] {{-0.123, 0.241}}), 0.0);
    }

    @Test
    void badInputIsRejectedWithItsName() {
        double[] x = {0, 1};
        double[] y = {0, 1, 2};
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", new double[0], y, new double[0][]), "x", "0");
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", x, y, grid(3, 3)), "z", "2", "3");
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", x, y, new double[][] {{0, 1, 2}, {0, 1}}), "z[1]", "3",
                "2");
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", x, y, new double[][] {{0, 1, 2}, {0, Double.NaN, 1}}),
                "z[1][1]", "NaN");
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", new double[] {0, Double.POSITIVE_INFINITY}, y, grid(2, 3)),
                "x[1]", "Infinity");
        assertMessage(() -> MatrixHeatMap.chart("t", "x", "y", x, y, grid(2, 3), 1.0, 1.0), "colour range", "1.0");
        assertMessage(() -> MatrixHeatMap.indices(0), "n", "0");
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should name " + part);
        }
    }

    @Test
    void aFigureStoreSavesItAsPngSvgAndCsv() throws IOException {
        double[] x = {0, 100, 200};
        double[] y = MatrixHeatMap.indices(4);
        double[][] z = grid(3, 4);
        FigureStore figures = new FigureStore("test", temp.resolve("test"), Scale.QUICK);
        SavedFigure saved = figures.save(MatrixHeatMap.chart("map", "step", "unit", x, y, z), "map", "A map.", "Fig. 4",
                MatrixHeatMap.table("step", "unit", "value", x, y, z));
        assertEquals(List.of("map.png", "map.svg", "map.csv"), List.copyOf(saved.files().keySet()));
        List<String> csv = Files.readAllLines(temp.resolve("test").resolve("map.csv"));
        assertEquals("step,unit,value", csv.get(0));
        assertEquals(13, csv.size());
        assertTrue(Files.size(temp.resolve("test").resolve("map.svg")) > 1000);
    }
}
