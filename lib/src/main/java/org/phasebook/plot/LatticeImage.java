package org.phasebook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.List;
import java.util.Objects;

/**
 * Pictures of lattice states: a snapshot of a square {@code L x L} lattice, or the space-time
 * diagram of a one-dimensional lattice, with one colour per site state (0 = empty, 1, 2, ... the
 * species), as in the snapshot figures of stochastic lattice population models (predator–prey
 * fronts, May–Leonard spirals).
 *
 * <pre>{@code
 * BufferedImage image = LatticeImage.render(sites, 256, LatticeImage.Palette.mayLeonard(), 2);
 * figures.saveImage(image, "spirals-m1e-4", "May–Leonard, M = 1e-4, t = 600", "F8");
 * }</pre>
 *
 * <p>Layout: site {@code i = x + L y} is the square of {@code scale x scale} pixels whose top left
 * corner is {@code (scale x, scale y)}, so {@code y} grows downwards and row 0 is at the top. In a
 * space-time diagram row {@code t} of the image is the {@code t}-th lattice row given, so time runs
 * downwards. The image is of type {@link BufferedImage#TYPE_BYTE_INDEXED} with the palette as its
 * colour table, so it saves as a small indexed-colour PNG, and it is deterministic: each pixel
 * holds exactly its state, with no smoothing, text or antialiasing.
 *
 * <p>The class takes plain {@code byte[]} sites and knows nothing of the models or the engine that
 * made them. Stateless; thread-safe.
 */
public final class LatticeImage {

    /** The largest integer magnification. */
    public static final int MAX_SCALE = 64;

    private static final long MAX_PIXELS = 1L << 28;

    private LatticeImage() {
    }

    /**
     * The colour of each site state: state {@code s} is drawn in {@code rgb[s]} ({@code 0xRRGGBB}).
     * Between 1 and 128 states (a site's byte is {@code >= 0}). The array is copied in and out.
     *
     * @param rgb one opaque colour per state, {@code 0xRRGGBB} in {@code [0, 0xFFFFFF]}
     */
    public record Palette(int[] rgb) {

        /** Validates and copies the colours. */
        public Palette {
            Objects.requireNonNull(rgb, "rgb");
            if (rgb.length < 1 || rgb.length > 128) {
                throw new IllegalArgumentException("a palette needs between 1 and 128 colours, one per state; got "
                        + rgb.length);
            }
            for (int s = 0; s < rgb.length; s++) {
                if (rgb[s] < 0 || rgb[s] > 0xFFFFFF) {
                    throw new IllegalArgumentException("rgb[" + s + "] = 0x" + Integer.toHexString(rgb[s])
                            + " must be an opaque colour 0xRRGGBB in [0, 0xFFFFFF]");
                }
            }
            rgb = rgb.clone();
        }

        /** A palette of the given colours (their alpha is ignored), state 0 first. */
        public static Palette of(Color... colours) {
            Objects.requireNonNull(colours, "colours");
            int[] rgb = new int[colours.length];
            for (int s = 0; s < colours.length; s++) {
                rgb[s] = Objects.requireNonNull(colours[s], "colours[" + s + "]").getRGB() & 0xFFFFFF;
            }
            return new Palette(rgb);
        }

        /**
         * Lotka–Volterra: empty black, predator {@code A} (state 1) red and prey {@code B}
         * (state 2) blue, in the light tones of Okabe and Ito's palette (vermillion
         * {@code #D55E00}, sky blue {@code #56B4E9}) so that both read on black.
         */
        public static Palette lotkaVolterra() {
            return new Palette(new int[] {0x000000, 0xD55E00, 0x56B4E9});
        }

        /**
         * May–Leonard and rock–paper–scissors: empty black and species {@code A, B, C}
         * (states 1, 2, 3) in vermillion {@code #D55E00}, sky blue {@code #56B4E9} and yellow
         * {@code #F0E442}, three of Okabe and Ito's colour-blind-safe colours that also differ in
         * lightness.
         */
        public static Palette mayLeonard() {
            return new Palette(new int[] {0x000000, 0xD55E00, 0x56B4E9, 0xF0E442});
        }

        /** The number of states the palette can draw. */
        public int size() {
            return rgb.length;
        }

        /** The colour {@code 0xRRGGBB} of state {@code s}. */
        public int colour(int s) {
            if (s < 0 || s >= rgb.length) {
                throw new IllegalArgumentException("state must be in [0, " + (rgb.length - 1) + "], got " + s);
            }
            return rgb[s];
        }

        @Override
        public int[] rgb() {
            return rgb.clone();
        }

        private IndexColorModel colourModel() {
            int n = Math.max(2, rgb.length); // IndexColorModel needs at least two entries
            byte[] r = new byte[n];
            byte[] g = new byte[n];
            byte[] b = new byte[n];
            for (int s = 0; s < rgb.length; s++) {
                r[s] = (byte) (rgb[s] >> 16);
                g[s] = (byte) (rgb[s] >> 8);
                b[s] = (byte) rgb[s];
            }
            return new IndexColorModel(8, n, r, g, b);
        }
    }

    /**
     * The snapshot of a square lattice.
     *
     * @param sites   {@code L * L} site states, each in {@code [0, palette.size())}
     * @param side    {@code L}, at least 1
     * @param palette one colour per state
     * @param scale   pixels per site along each axis, in {@code [1, 64]}
     */
    public static BufferedImage render(byte[] sites, int side, Palette palette, int scale) {
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(palette, "palette");
        if (side < 1) {
            throw new IllegalArgumentException("side must be >= 1, got " + side);
        }
        if (sites.length != (long) side * side) {
            throw new IllegalArgumentException("sites must have length side^2 = " + (long) side * side + ", got "
                    + sites.length);
        }
        checkScale(scale, side, side);
        BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_BYTE_INDEXED,
                palette.colourModel());
        byte[] line = new byte[side * scale];
        for (int y = 0; y < side; y++) {
            fillLine(sites, y * side, side, palette, scale, line, "sites");
            writeRows(image.getRaster(), y * scale, scale, line);
        }
        return image;
    }

    /**
     * The space-time diagram of a one-dimensional lattice: row {@code t} of the image shows
     * {@code rows.get(t)}, so time runs downwards.
     *
     * @param rows    at least one row, all of the same length {@code L >= 1}, states in
     *                {@code [0, palette.size())}
     * @param palette one colour per state
     * @param scale   pixels per site and per row, in {@code [1, 64]}
     */
    public static BufferedImage spaceTime(List<byte[]> rows, Palette palette, int scale) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(palette, "palette");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least 1 row, got 0");
        }
        int length = Objects.requireNonNull(rows.get(0), "rows[0]").length;
        if (length < 1) {
            throw new IllegalArgumentException("rows must have length >= 1, got 0");
        }
        checkScale(scale, length, rows.size());
        BufferedImage image = new BufferedImage(length * scale, rows.size() * scale,
                BufferedImage.TYPE_BYTE_INDEXED, palette.colourModel());
        byte[] line = new byte[length * scale];
        for (int t = 0; t < rows.size(); t++) {
            byte[] row = Objects.requireNonNull(rows.get(t), "rows[" + t + "]");
            if (row.length != length) {
                throw new IllegalArgumentException("rows[" + t + "] has length " + row.length + " but rows[0] has "
                        + length + "; all rows must have the same length");
            }
            fillLine(row, 0, length, palette, scale, line, "rows[" + t + "]");
            writeRows(image.getRaster(), t * scale, scale, line);
        }
        return image;
    }

    private static void fillLine(byte[] sites, int offset, int length, Palette palette, int scale, byte[] line,
            String name) {
        int states = palette.size();
        for (int x = 0; x < length; x++) {
            byte s = sites[offset + x];
            if (s < 0 || s >= states) {
                throw new IllegalArgumentException(name + "[" + (offset + x) + "] = " + s
                        + " is not a state of the palette, which draws states 0 to " + (states - 1));
            }
            int start = x * scale;
            for (int k = 0; k < scale; k++) {
                line[start + k] = s;
            }
        }
    }

    private static void writeRows(WritableRaster raster, int top, int scale, byte[] line) {
        for (int k = 0; k < scale; k++) {
            raster.setDataElements(0, top + k, line.length, 1, line);
        }
    }

    private static void checkScale(int scale, int width, int height) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in [1, " + MAX_SCALE + "], got " + scale);
        }
        long pixels = (long) width * scale * (long) height * scale;
        if (pixels > MAX_PIXELS) {
            throw new IllegalArgumentException("the image would have " + pixels + " pixels, more than 2^28; "
                    + "use a smaller scale than " + scale);
        }
    }
}
