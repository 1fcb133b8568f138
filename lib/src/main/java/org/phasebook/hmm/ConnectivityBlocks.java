package org.phasebook.hmm;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Objects;

/**
 * The recurrent weights {@code W_hh} between groups of units (brief {@code hmm-rnn.md} §8,
 * "Kick neurons and populations"; figure F6: kick triplets and integrating populations). Row
 * {@code i}, column {@code j} of {@code W_hh} is the weight <em>from</em> unit {@code j}
 * <em>to</em> unit {@code i}, so a block {@code (a, b)} holds the input that group {@code a}
 * receives from group {@code b}.
 *
 * <ul>
 *   <li>{@link #blockMeans}: the mean weight of every block (self-connections {@code i = j}
 *   left out of the diagonal blocks, as in {@link KickNeuronDetector#circuit});</li>
 *   <li>{@link #render}: the sub-matrix of the groups in the given order as a picture, one
 *   square per weight on a blue (negative), white (0), red (positive) scale clipped at
 *   {@code ±limit}, with grey lines between groups and a colour bar.</li>
 * </ul>
 *
 * <p>Stateless; all methods are static.
 */
public final class ConnectivityBlocks {

    private static final int BAR_WIDTH = 14;
    private static final int MARGIN = 8;
    private static final int LABEL_WIDTH = 64;

    private ConnectivityBlocks() {
    }

    /**
     * {@code means[a][b]}: the mean of {@code W_hh[i][j]} over {@code i} in {@code groups[a]} and
     * {@code j} in {@code groups[b]}, {@code i != j}; NaN for a block with no such pair.
     *
     * @param groups non-empty groups of units in {@code 0..H-1} (they may overlap)
     */
    public static double[][] blockMeans(RnnWeights weights, int[][] groups) {
        Objects.requireNonNull(weights, "weights");
        double[][] w = weights.whh();
        checkGroups(groups, w.length);
        double[][] means = new double[groups.length][groups.length];
        for (int a = 0; a < groups.length; a++) {
            for (int b = 0; b < groups.length; b++) {
                double sum = 0.0;
                int n = 0;
                for (int i : groups[a]) {
                    for (int j : groups[b]) {
                        if (i != j) {
                            sum += w[i][j];
                            n++;
                        }
                    }
                }
                means[a][b] = n == 0 ? Double.NaN : sum / n;
            }
        }
        return means;
    }

    /**
     * The picture of {@code W_hh} restricted to the concatenated groups (rows: receiving units,
     * columns: sending units, both in the order of {@code groups}).
     *
     * @param cellPixels the side of one weight's square, in {@code 1..64}
     * @param limit      the weight shown at full colour, finite and {@code > 0}; larger
     *                   magnitudes are clipped
     */
    public static BufferedImage render(RnnWeights weights, int[][] groups, int cellPixels, double limit) {
        Objects.requireNonNull(weights, "weights");
        double[][] w = weights.whh();
        checkGroups(groups, w.length);
        if (cellPixels < 1 || cellPixels > 64) {
            throw new IllegalArgumentException("cellPixels must be in [1, 64], got " + cellPixels);
        }
        if (!(limit > 0.0) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit must be finite and > 0, got " + limit);
        }
        int n = 0;
        for (int[] g : groups) {
            n += g.length;
        }
        int[] order = new int[n];
        int k = 0;
        for (int[] g : groups) {
            for (int u : g) {
                order[k++] = u;
            }
        }
        int side = n * cellPixels;
        int width = MARGIN + side + 2 * MARGIN + BAR_WIDTH + LABEL_WIDTH;
        int height = 2 * MARGIN + side;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                g.setColor(colour(w[order[r]][order[c]] / limit));
                g.fillRect(MARGIN + c * cellPixels, MARGIN + r * cellPixels, cellPixels, cellPixels);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        int edge = 0;
        for (int a = 0; a < groups.length - 1; a++) {
            edge += groups[a].length * cellPixels;
            g.drawLine(MARGIN + edge, MARGIN, MARGIN + edge, MARGIN + side);
            g.drawLine(MARGIN, MARGIN + edge, MARGIN + side, MARGIN + edge);
        }
        g.drawRect(MARGIN, MARGIN, side, side);
        int barX = MARGIN + side + 2 * MARGIN;
        for (int y = 0; y < side; y++) {
            g.setColor(colour(1.0 - 2.0 * y / Math.max(1, side - 1)));
            g.drawLine(barX, MARGIN + y, barX + BAR_WIDTH, MARGIN + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, MARGIN, BAR_WIDTH, side);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int textX = barX + BAR_WIDTH + 4;
        g.drawString(String.format(Locale.ROOT, "+%.3g", limit), textX, MARGIN + 10);
        g.drawString("0", textX, MARGIN + side / 2 + 4);
        g.drawString(String.format(Locale.ROOT, "-%.3g", limit), textX, MARGIN + side);
        g.dispose();
        return image;
    }

    /** Blue for -1, white for 0, red for +1, clipped outside. */
    static Color colour(double x) {
        double t = Math.max(-1.0, Math.min(1.0, x));
        int fade = (int) Math.round(255 * (1.0 - Math.abs(t)));
        return t >= 0.0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private static void checkGroups(int[][] groups, int h) {
        Objects.requireNonNull(groups, "groups");
        if (groups.length == 0) {
            throw new IllegalArgumentException("groups must hold at least 1 group");
        }
        for (int a = 0; a < groups.length; a++) {
            KickNeuronDetector.checkUnits("groups[" + a + "]", groups[a], h);
        }
    }
}
