package org.phasebook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.DialStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.RadarStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The look shared by all Phasebook charts, and what makes their files reproducible.
 *
 * <p>Reproducible means: the same chart gives the same PNG bytes on every run. Two things would
 * otherwise vary from machine to machine. The font: Java's logical font {@code SansSerif} maps to
 * whatever the system has, so every chart part (title, axis titles, tick labels, legend,
 * annotations) is set to DejaVu Sans loaded from {@value #FONT_FILE} (Debian package
 * {@code fonts-dejavu-core}); when that file is missing, {@code SansSerif} is used and one warning
 * says which package to install. The rendering: {@link #render(Chart)} draws on a white RGB image
 * with fixed rendering hints. Tick labels are formatted in {@link Locale#ROOT}, so a decimal point
 * is a point everywhere.
 *
 * <p>The look: white background, light grid, a colour-blind-safe palette (Okabe and Ito), lines
 * 1.5 px wide, the legend inside the upper right corner on a translucent background.
 */
public final class ChartStyle {

    /** The font file that pins the figures' font. */
    public static final String FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** Default width of a figure, in pixels. */
    public static final int WIDTH = 640;
    /** Default height of a figure, in pixels. */
    public static final int HEIGHT = 480;

    static final float TITLE_SIZE = 16f;
    static final float AXIS_TITLE_SIZE = 14f;
    static final float LABEL_SIZE = 12f;

    /** Okabe and Ito's palette, ordered so that the first colours read best on white. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0xCC79A7), new Color(0x000000), new Color(0xF0E442),
    };

    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color BORDER = new Color(0x999999);

    private ChartStyle() {
    }

    /** Loaded on first use; the warning, if any, is printed then and only then. */
    private static final class PinnedFont {
        static final Font BASE = load(Path.of(FONT_FILE), System.err::println);
    }

    /** The pinned font (DejaVu Sans, or the logical {@code SansSerif} when it is missing), plain, at a size in points. */
    public static Font font(float size) {
        return PinnedFont.BASE.deriveFont(Font.PLAIN, size);
    }

    /** Whether the figures' font is DejaVu Sans as intended, rather than the fallback. */
    public static boolean fontIsPinned() {
        return PinnedFont.BASE.getFamily(Locale.ROOT).equals("DejaVu Sans");
    }

    /**
     * Loads a TrueType font, or falls back to {@code SansSerif} with one warning.
     *
     * @param warnings receives the warning, naming the package to install
     */
    static Font load(Path file, Consumer<String> warnings) {
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, LABEL_SIZE);
            } catch (IOException | FontFormatException e) {
                warnings.accept("Phasebook: cannot read the font " + file + " (" + e.getMessage() + ").");
            }
        }
        warnings.accept("Phasebook: WARNING: the font file " + file + " is missing or unreadable, so figures use the "
                + "logical font SansSerif and their PNG files will not match the committed ones. "
                + "Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        return new Font(Font.SANS_SERIF, Font.PLAIN, (int) LABEL_SIZE);
    }

    /**
     * Gives a chart the Phasebook look and the pinned font (see the class comment). Series added
     * afterwards take the palette in order.
     *
     * @return the same chart, for chaining
     */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(BORDER);
        styler.setChartFontColor(Color.BLACK);
        styler.setChartTitleBoxVisible(false);
        styler.setChartPadding(12);
        styler.setSeriesColors(PALETTE.clone());
        styler.setAntiAlias(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 210));
        styler.setLegendBorderColor(GRID);
        styler.setChartTitleFont(font(TITLE_SIZE));
        styler.setLegendFont(font(LABEL_SIZE));
        styler.setAnnotationTextFont(font(LABEL_SIZE));
        styler.setAnnotationTextPanelFont(font(LABEL_SIZE));
        styler.setBaseFont(font(LABEL_SIZE));
        if (styler instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(font(AXIS_TITLE_SIZE));
            axes.setAxisTickLabelsFont(font(LABEL_SIZE));
            axes.setLocale(Locale.ROOT);
            axes.setPlotGridLinesVisible(true);
            axes.setPlotGridLinesColor(GRID);
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickMarksColor(BORDER);
            axes.setAxisTitlePadding(8);
            axes.setPlotMargin(4);
        }
        if (styler instanceof XYStyler xy) {
            xy.setZoomEnabled(false);
            xy.setCursorEnabled(false);
        }
        pinFonts(chart);
        return chart;
    }

    /**
     * Replaces every font of a chart by the pinned font at the same size and style, leaving the
     * rest of its look alone. {@link FigureStore} calls this before saving, so that charts not made
     * by {@link Plots} are reproducible too.
     */
    public static void pinFonts(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        UnaryOperator<Font> pin = ChartStyle::pinned;
        s.setBaseFont(pin.apply(s.getBaseFont()));
        s.setChartTitleFont(pin.apply(s.getChartTitleFont()));
        s.setLegendFont(pin.apply(s.getLegendFont()));
        s.setAnnotationTextFont(pin.apply(s.getAnnotationTextFont()));
        s.setAnnotationTextPanelFont(pin.apply(s.getAnnotationTextPanelFont()));
        s.setChartButtonFont(pin.apply(s.getChartButtonFont()));
        s.setToolTipFont(pin.apply(s.getToolTipFont()));
        if (s instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(pin.apply(axes.getAxisTitleFont()));
            axes.setAxisTickLabelsFont(pin.apply(axes.getAxisTickLabelsFont()));
        }
        if (s instanceof XYStyler xy) {
            xy.setCursorFont(pin.apply(xy.getCursorFont()));
        }
        if (s instanceof CategoryStyler category) {
            category.setLabelsFont(pin.apply(category.getLabelsFont()));
        }
        if (s instanceof HeatMapStyler heatMap) {
            heatMap.setValueFont(pin.apply(heatMap.getValueFont()));
        }
        if (s instanceof PieStyler pie) {
            pie.setLabelsFont(pin.apply(pie.getLabelsFont()));
            pie.setSumFont(pin.apply(pie.getSumFont()));
        }
        if (s instanceof DialStyler dial) {
            dial.setAxisTitleFont(pin.apply(dial.getAxisTitleFont()));
            dial.setLabelFont(pin.apply(dial.getLabelsFont()));
        }
        if (s instanceof RadarStyler radar) {
            radar.setRadiiTitleFont(pin.apply(radar.getRadiiTitleFont()));
        }
    }

    private static Font pinned(Font font) {
        if (font == null) {
            return font(LABEL_SIZE);
        }
        return PinnedFont.BASE.deriveFont(font.getStyle(), font.getSize2D());
    }

    /**
     * Draws a chart on a white RGB image of the chart's size with fixed rendering hints
     * (antialiasing on, quality rendering, pure strokes, fractional font metrics), which is what
     * makes the PNG bytes reproducible.
     */
    public static BufferedImage render(Chart<?, ?> chart) {
        int width = chart.getWidth();
        int height = chart.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            fixHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    static void fixHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
    }
}
