package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

class ChartStyleTest {

    private static final String FAMILY = "DejaVu Sans";

    @Test
    void theFontIsDejaVuSansWhenItsPackageIsInstalled() {
        assumeTrue(Files.isReadable(Path.of(ChartStyle.FONT_FILE)), "fonts-dejavu-core is not installed");
        assertTrue(ChartStyle.fontIsPinned());
        Font font = ChartStyle.font(13f);
        assertEquals(FAMILY, font.getFamily(Locale.ROOT));
        assertEquals(13f, font.getSize2D());
        assertEquals(Font.PLAIN, font.getStyle());
    }

    @Test
    void loadingTheFontFileWarnsOfNothing() {
        assumeTrue(Files.isReadable(Path.of(ChartStyle.FONT_FILE)), "fonts-dejavu-core is not installed");
        List<String> warnings = new ArrayList<>();
        Font font = ChartStyle.load(Path.of(ChartStyle.FONT_FILE), warnings::add);
        assertEquals(FAMILY, font.getFamily(Locale.ROOT));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMissingFontFallsBackToSansSerifWithOneWarningNamingThePackage() {
        List<String> warnings = new ArrayList<>();
        Font font = ChartStyle.load(Path.of("/nonexistent/DejaVuSans.ttf"), warnings::add);
        assertEquals(Font.SANS_SERIF, font.getName());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("fonts-dejavu-core"), warnings.get(0));
        assertTrue(warnings.get(0).contains("/nonexistent/DejaVuSans.ttf"), warnings.get(0));
    }

    @Test
    void applyPinsTheFontOfEveryChartPart() {
        assumeTrue(ChartStyle.fontIsPinned(), "fonts-dejavu-core is not installed");
        XYChart chart = ChartStyle.apply(new XYChart(300, 200));
        XYStyler s = chart.getStyler();
        for (Font font : List.of(s.getChartTitleFont(), s.getAxisTitleFont(), s.getAxisTickLabelsFont(),
                s.getLegendFont(), s.getAnnotationTextFont(), s.getAnnotationTextPanelFont(), s.getBaseFont())) {
            assertEquals(FAMILY, font.getFamily(Locale.ROOT), font.toString());
        }
        assertEquals(ChartStyle.TITLE_SIZE, s.getChartTitleFont().getSize2D());
        assertEquals(ChartStyle.AXIS_TITLE_SIZE, s.getAxisTitleFont().getSize2D());
        assertEquals(ChartStyle.LABEL_SIZE, s.getAxisTickLabelsFont().getSize2D());
        assertEquals(Color.WHITE, s.getChartBackgroundColor());
        assertEquals(Color.WHITE, s.getPlotBackgroundColor());
        assertEquals(Locale.ROOT, s.getLocale());
    }

    @Test
    void pinFontsKeepsSizesAndStylesOfChartsMadeElsewhere() {
        assumeTrue(ChartStyle.fontIsPinned(), "fonts-dejavu-core is not installed");
        CategoryChart chart = new CategoryChart(300, 200);
        chart.getStyler().setChartTitleFont(new Font(Font.SERIF, Font.BOLD, 20));
        chart.getStyler().setLabelsFont(new Font(Font.MONOSPACED, Font.ITALIC, 9));
        ChartStyle.pinFonts(chart);
        Font title = chart.getStyler().getChartTitleFont();
        assertEquals(FAMILY, title.getFamily(Locale.ROOT));
        assertEquals(Font.BOLD, title.getStyle());
        assertEquals(20f, title.getSize2D());
        Font labels = chart.getStyler().getLabelsFont();
        assertEquals(FAMILY, labels.getFamily(Locale.ROOT));
        assertEquals(Font.ITALIC, labels.getStyle());
        assertEquals(9f, labels.getSize2D());
        assertEquals(FAMILY, chart.getStyler().getAxisTickLabelsFont().getFamily(Locale.ROOT));
    }

    @Test
    void renderDrawsAWhiteImageOfTheChartsSizeAndIsRepeatable() {
        XYChart chart = sample();
        BufferedImage image = ChartStyle.render(chart);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(0, 0));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(399, 299));
        assertArrayEquals(pixels(image), pixels(ChartStyle.render(sample())));
        XYChart other = sample();
        other.addSeries("more", new double[] {0, 1}, new double[] {1, 0});
        assertTrue(!java.util.Arrays.equals(pixels(image), pixels(ChartStyle.render(other))),
                "a different chart must give different pixels");
    }

    @Test
    void theDefaultLocaleDoesNotChangeTheImage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            int[] us = pixels(ChartStyle.render(sample()));
            Locale.setDefault(Locale.GERMANY);
            int[] german = pixels(ChartStyle.render(sample()));
            assertArrayEquals(us, german, "tick labels such as 0.5 must not become 0,5");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static XYChart sample() {
        XYChart chart = ChartStyle.apply(new XYChart(400, 300));
        chart.setTitle("sample σ");
        chart.setXAxisTitle("t");
        chart.setYAxisTitle("x(t)");
        chart.addSeries("x", new double[] {0, 0.25, 0.5, 0.75, 1}, new double[] {0.1, 0.7, 0.2, 0.9, 0.4});
        chart.addAnnotation(new AnnotationText("peak", 0.75, 0.9, false));
        return chart;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
