package org.phasebook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Several snapshots of the same square lattice side by side in one image, such as a pattern at
 * increasing times or at several parameter values (the strip figures of stochastic lattice
 * population models: activity fronts, spirals, the no-spiral control).
 *
 * <pre>{@code
 * BufferedImage strip = LatticePanels.row(frames, 256, LatticeImage.Palette.mayLeonard(), 1);
 * figures.saveImage(strip, "spirals-in-time", "May–Leonard at t = 10, 100, 1000", "F8");
 * }</pre>
 *
 * <p>Layout: panel {@code i} is {@link LatticeImage#render} of {@code snapshots.get(i)}, with its
 * top left corner at {@code (i (L scale + GAP), 0)}; the {@link #GAP}-pixel columns between
 * panels are white. The image is {@link BufferedImage#TYPE_INT_RGB}, deterministic (no scaling,
 * text or antialiasing), {@code n L scale + (n - 1) GAP} pixels wide and {@code L scale} high.
 * Stateless; thread-safe.
 */
public final class LatticePanels {

    /** White pixels between neighbouring panels. */
    public static final int GAP = 8;

    private LatticePanels() {
    }

    /**
     * The snapshots in a row, left to right.
     *
     * @param snapshots at least one snapshot, each of {@code L * L} states in {@code [0, palette.size())}
     * @param side      {@code L}, at least 1
     * @param palette   one colour per state
     * @param scale     pixels per site along each axis, in {@code [1, 64]}
     */
    public static BufferedImage row(List<byte[]> snapshots, int side, LatticeImage.Palette palette, int scale) {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("snapshots must hold at least 1 snapshot, got 0");
        }
        if (side < 1 || scale < 1 || scale > LatticeImage.MAX_SCALE) {
            throw new IllegalArgumentException("side must be >= 1 and scale in [1, " + LatticeImage.MAX_SCALE
                    + "], got side " + side + ", scale " + scale);
        }
        int panel = side * scale;
        long width = (long) snapshots.size() * (panel + GAP) - GAP;
        if (width * panel > (1L << 28)) {
            throw new IllegalArgumentException("the row would have " + width + " x " + panel
                    + " pixels, more than 2^28; use fewer snapshots or a smaller scale");
        }
        BufferedImage image = new BufferedImage((int) width, panel, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < snapshots.size(); i++) {
                graphics.drawImage(LatticeImage.render(snapshots.get(i), side, palette, scale), i * (panel + GAP), 0,
                        null);
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
