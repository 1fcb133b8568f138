package org.phasebook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts side by side in one image, for a figure whose panels have axes of their own
 * (one panel per output pair, each in its own principal components), which one XChart chart
 * cannot hold.
 *
 * <pre>{@code
 * BufferedImage row = ChartRow.of(List.of(left, middle, right));
 * figures.saveImage(row, "f7-subspaces", "...", "F7");
 * }</pre>
 *
 * <p>Layout: each chart is rendered at its own width and height, left to right, top-aligned,
 * with {@link #GAP} white pixels between neighbours; the image is as high as the tallest chart
 * and white where a chart does not reach. {@link BufferedImage#TYPE_INT_RGB}. Stateless.
 */
public final class ChartRow {

    /** White pixels between neighbouring charts. */
    public static final int GAP = 8;

    private ChartRow() {
    }

    /**
     * The charts in a row, left to right.
     *
     * @param charts at least one chart
     * @return the image
     */
    public static BufferedImage of(List<? extends Chart<?, ?>> charts) {
        Objects.requireNonNull(charts, "charts");
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("charts must hold at least 1 chart, got 0");
        }
        int width = -GAP;
        int height = 0;
        for (Chart<?, ?> c : charts) {
            Objects.requireNonNull(c, "charts must not contain null");
            width += c.getWidth() + GAP;
            height = Math.max(height, c.getHeight());
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (Chart<?, ?> c : charts) {
                g.drawImage(BitmapEncoder.getBufferedImage(c), x, 0, null);
                x += c.getWidth() + GAP;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
