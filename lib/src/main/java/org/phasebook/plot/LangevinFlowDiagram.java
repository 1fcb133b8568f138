package org.phasebook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.phasebook.latent.LangevinFlowParameters;
import org.phasebook.latent.LatentShape;

/**
 * The schematic of LangevinFlow (Song et al., arXiv:2507.11531; brief {@code langevin-flow.md}
 * §2, figure L0, the paper's Fig. 1 reconstructed), drawn as one row of stages read left to right:
 * spike counts {@code x_t} of the held-in neurons in the observed bins → the GRU encoder
 * {@code h_t}, which reads them with a one-bin lag → the posterior heads {@code q(z_0), q(v_0)}
 * on {@code h_0} → the Langevin recursion of {@code z_t, v_t}, one pair of boxes per step, with
 * its update written beneath → the post-norm transformer decoder over {@code [z_t; v_t; h_t]} for
 * all bins at once (the GRU states reach it along a bus over the top) → the linear readout to
 * log-rates → Poisson counts of all neurons in all bins.
 *
 * <pre>{@code
 * BufferedImage image = LangevinFlowDiagram.schematic(LangevinFlowParameters.defaults(), shape);
 * figures.saveImage(image, "l0-schematic", "...", "L0 (Fig. 1, reconstructed)");
 * }</pre>
 *
 * <p>Every number in the image is read from its arguments: {@code H}, the heads, the
 * feed-forward width, {@code γ}, {@code η} and the dropout from the parameters, and the neuron
 * and bin counts from the shape; the update equations are those of
 * {@link org.phasebook.latent.LangevinFlow}'s class documentation. Labels are written {@code a_t}
 * or {@code a_{t−1}} internally and drawn with true subscripts.
 *
 * <p>The image is RGB on white, {@value #WIDTH} × {@value #HEIGHT} pixels, with all text in the
 * pinned font {@link ChartStyle#font(float)} and the fixed rendering hints of {@link ChartStyle},
 * so the same arguments give the same pixels every time. Stateless; thread-safe.
 */
public final class LangevinFlowDiagram {

    /** Width of the schematic, in pixels. */
    public static final int WIDTH = 1240;
    /** Height of the schematic, in pixels. */
    public static final int HEIGHT = 430;

    static final int ROW_TOP = 92;
    static final int ROW_HEIGHT = 150;
    private static final int MARGIN = 16;
    private static final int STEP_WIDTH = 56;
    private static final int STEP_HEIGHT = 30;
    private static final Color INK = new Color(0x333333);
    private static final Color BOX_FILL = new Color(0xF4F4F4);
    /** The Langevin latents in light blue, the data in light orange, as the notebook's model and data colours. */
    private static final Color LATENT_FILL = new Color(0xDCEBF7);
    private static final Color DATA_FILL = new Color(0xFBEFD9);
    private static final Color Z_FILL = new Color(0xFFFFFF);

    /** Index of the Langevin panel among the stages. */
    static final int LANGEVIN = 3;

    private LangevinFlowDiagram() {
    }

    /**
     * The whole schematic for a model of {@code parameters} on data of {@code shape}.
     *
     * @param parameters the architecture whose {@code H}, heads, feed-forward width, {@code γ},
     *                   {@code η} and dropout are written in the boxes
     * @param shape      the data's observed and forward bins, held-in and total neurons
     * @return an RGB image {@value #WIDTH} × {@value #HEIGHT} pixels
     * @throws NullPointerException naming the argument when one is null
     */
    public static BufferedImage schematic(LangevinFlowParameters parameters, LatentShape shape) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(shape, "shape");
        String[][] boxes = boxes(parameters, shape);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartStyle.fixHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(ChartStyle.font(ChartStyle.TITLE_SIZE));
            g.drawString("LangevinFlow: a GRU reads the spikes, z and v follow Langevin dynamics, "
                    + "a transformer decodes the whole trial", MARGIN + 4, 26);
            double[][] columns = layout(g, boxes);
            for (int k = 0; k < boxes.length; k++) {
                if (k == LANGEVIN) {
                    drawLangevin(g, boxes[k], columns[k][0], columns[k][1], parameters);
                } else {
                    Color fill = k == 0 || k == boxes.length - 1 ? DATA_FILL : BOX_FILL;
                    drawBox(g, boxes[k], columns[k][0], columns[k][1], fill);
                }
                if (k > 0) {
                    double y = ROW_TOP + ROW_HEIGHT / 2.0;
                    double from = columns[k - 1][0] + columns[k - 1][1] + 3;
                    double to = columns[k][0] - 3;
                    arrow(g, new Point2D.Double(from, y), new Point2D.Double(to, y));
                }
            }
            drawArrowLabels(g, columns);
            drawStateBus(g, columns[1], columns[LANGEVIN + 1]);
            drawEquations(g, columns, parameters);
            drawFooter(g, parameters, shape);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The text of the stages, left to right, one array per box: its title first, then its lines.
     * The Langevin stage ({@link #LANGEVIN}) holds its title and the step labels. Package-private
     * for the tests, which check that the numbers follow the arguments.
     */
    static String[][] boxes(LangevinFlowParameters p, LatentShape shape) {
        int h = p.hidden();
        return new String[][] {
            {"spike counts x_t", "held-in neurons", "N_{in} = " + shape.heldIn(), "observed bins",
                "t < T_o = " + shape.observedBins()},
            {"GRU encoder h_t", "h_t = GRU(h_{t\u22121}, u_t)", "u_0 = x_0, u_t = x_{t\u22121}", "(one-bin lag)",
                "H = " + h},
            {"posterior heads", "4 linear maps of h_0", "q(z_0), q(v_0):", "means, log-variances",
                "sampled by reparam."},
            {"Langevin latents, t = 1 \u2026 T\u22121", "z_0", "v_0", "z_1", "v_1", "z_{T\u22121}", "v_{T\u22121}"},
            {"decoder", "post-norm transformer", "1 layer, " + p.heads() + (p.heads() == 1 ? " head" : " heads"),
                "over [z_t; v_t; h_t]", "all T = " + shape.bins() + " bins at once", "d = 3H = " + p.decoderWidth()},
            {"readout", "linear d \u2192 N", "log-rates", "log \u03bb_t, N = " + shape.neurons()},
            {"Poisson counts", "all N = " + shape.neurons() + " neurons:", "held-in and out,", "observed and",
                "forward (T_f = " + shape.forwardBins() + ")"},
        };
    }

    /** The update of the Langevin step and the potential's description, as drawn beneath the latents. */
    static String[] equations(LangevinFlowParameters p) {
        return new String[] {
            "z_t = z_{t\u22121} + \u03b7 v_{t\u22121}",
            "v_t = (1 \u2212 \u03b3)(v_{t\u22121} \u2212 \u03b7 \u2207U(z_{t\u22121})) + \u221a(2\u03b3) \u03be_t,"
                + "   \u03be_t ~ N(0, I)",
            "\u03b3 = " + number(p.gamma()) + ",  \u03b7 = " + number(p.eta()) + ";  U: learned potential of "
                + "locally coupled oscillators (4 channels \u00d7 H/4 = " + p.hidden() / 4 + ")",
        };
    }

    /** Each stage's left edge and width: text boxes as wide as their text, the Langevin panel takes the rest. */
    private static double[][] layout(Graphics2D g, String[][] boxes) {
        int n = boxes.length;
        double[] widths = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            if (k == LANGEVIN) {
                continue;
            }
            for (int line = 0; line < boxes[k].length; line++) {
                widths[k] = Math.max(widths[k], richWidth(g, boxes[k][line], line == 0 ? titleFont() : bodyFont()) + 16);
            }
            total += widths[k];
        }
        double gap = 26;
        widths[LANGEVIN] = WIDTH - 2 * MARGIN - total - (n - 1) * gap;
        double[][] columns = new double[n][2];
        double x = MARGIN;
        for (int k = 0; k < n; k++) {
            columns[k][0] = x;
            columns[k][1] = widths[k];
            x += widths[k] + gap;
        }
        return columns;
    }

    private static Font titleFont() {
        return ChartStyle.font(ChartStyle.LABEL_SIZE + 1).deriveFont(Font.BOLD);
    }

    private static Font bodyFont() {
        return ChartStyle.font(ChartStyle.LABEL_SIZE);
    }

    private static void drawBox(Graphics2D g, String[] lines, double x, double width, Color fill) {
        RoundRectangle2D box = new RoundRectangle2D.Double(x, ROW_TOP, width, ROW_HEIGHT, 14, 14);
        g.setColor(fill);
        g.fill(box);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(box);
        double y = ROW_TOP + 26;
        for (int line = 0; line < lines.length; line++) {
            Font font = line == 0 ? titleFont() : bodyFont();
            g.setColor(line == 0 ? Color.BLACK : INK);
            richText(g, lines[line], x + (width - richWidth(g, lines[line], font)) / 2, y, font);
            y += line == 0 ? 27 : 22;
        }
    }

    private static void drawLangevin(Graphics2D g, String[] lines, double x, double width, LangevinFlowParameters p) {
        RoundRectangle2D box = new RoundRectangle2D.Double(x, ROW_TOP, width, ROW_HEIGHT, 14, 14);
        g.setColor(LATENT_FILL);
        g.fill(box);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(box);
        g.setColor(Color.BLACK);
        richText(g, lines[0], x + (width - richWidth(g, lines[0], titleFont())) / 2, ROW_TOP + 26, titleFont());
        // Three steps: 0, 1 and the last, with an ellipsis between the second and the last.
        double ellipsis = 34;
        // Left to right: step 0, gap, step 1, gap, dots, gap, last step; each gap holds an arrow.
        double arrowGap = (width - 3 * STEP_WIDTH - ellipsis - 24) / 3;
        double left = x + 12;
        double zTop = ROW_TOP + 48;
        double[] stepLeft = {left, left + STEP_WIDTH + arrowGap, left + 2 * STEP_WIDTH + 3 * arrowGap + ellipsis};
        for (int s = 0; s < 3; s++) {
            for (int row = 0; row < 2; row++) {
                double top = zTop + row * (STEP_HEIGHT + 14);
                RoundRectangle2D step = new RoundRectangle2D.Double(stepLeft[s], top, STEP_WIDTH, STEP_HEIGHT, 8, 8);
                g.setColor(Z_FILL);
                g.fill(step);
                g.setColor(INK);
                g.setStroke(new BasicStroke(1.3f));
                g.draw(step);
                String label = lines[1 + 2 * s + row];
                g.setColor(Color.BLACK);
                richText(g, label, stepLeft[s] + (STEP_WIDTH - richWidth(g, label, bodyFont())) / 2, top + 20,
                        bodyFont());
            }
        }
        // Arrows between the steps, on both rows; the dots stand for the steps not drawn.
        for (int row = 0; row < 2; row++) {
            double y = zTop + row * (STEP_HEIGHT + 14) + STEP_HEIGHT / 2.0;
            arrow(g, new Point2D.Double(stepLeft[0] + STEP_WIDTH + 2, y), new Point2D.Double(stepLeft[1] - 2, y));
            double dotsFrom = stepLeft[1] + STEP_WIDTH + 2;
            arrow(g, new Point2D.Double(dotsFrom, y), new Point2D.Double(dotsFrom + arrowGap - 2, y));
            g.setColor(INK);
            g.setFont(bodyFont());
            String dots = "\u22ef";
            FontMetrics fm = g.getFontMetrics();
            double dotsX = stepLeft[1] + STEP_WIDTH + arrowGap + (ellipsis - fm.stringWidth(dots)) / 2;
            g.drawString(dots, (float) dotsX, (float) (y + 4));
            arrow(g, new Point2D.Double(stepLeft[1] + STEP_WIDTH + arrowGap + ellipsis + 2, y),
                    new Point2D.Double(stepLeft[2] - 2, y));
        }
        g.setColor(INK);
        String note = "\u03b3 = " + number(p.gamma()) + ", \u03b7 = " + number(p.eta());
        richText(g, note, x + (width - richWidth(g, note, bodyFont())) / 2, ROW_TOP + ROW_HEIGHT - 12, bodyFont());
    }

    /** What travels along the arrows that enter the Langevin panel and the decoder. */
    private static void drawArrowLabels(Graphics2D g, double[][] columns) {
        Font small = ChartStyle.font(ChartStyle.LABEL_SIZE - 1);
        g.setColor(INK);
        double y = ROW_TOP + ROW_HEIGHT / 2.0 - 6;
        String[] labels = {"x", "h_0", "", "z, v", "", ""};
        for (int k = 1; k < columns.length; k++) {
            String label = labels[k - 1];
            if (label.isEmpty()) {
                continue;
            }
            double from = columns[k - 1][0] + columns[k - 1][1];
            double to = columns[k][0];
            richText(g, label, (from + to - richWidth(g, label, small)) / 2, y, small);
        }
    }

    /** The GRU states reach the decoder directly: a line over the row from the encoder to the decoder. */
    private static void drawStateBus(Graphics2D g, double[] encoder, double[] decoder) {
        double busY = ROW_TOP - 20;
        double startX = encoder[0] + encoder[1] / 2;
        double endX = decoder[0] + decoder[1] / 2;
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        g.draw(new Line2D.Double(startX, ROW_TOP - 2, startX, busY));
        g.draw(new Line2D.Double(startX, busY, endX, busY));
        arrow(g, new Point2D.Double(endX, busY), new Point2D.Double(endX, ROW_TOP - 3));
        Font small = ChartStyle.font(ChartStyle.LABEL_SIZE);
        String label = "h_t for every bin t = 0 \u2026 T\u22121 (observed and forward; forward bins repeat the last "
                + "observed input)";
        double w = richWidth(g, label, small);
        g.setColor(Color.WHITE);
        g.fillRect((int) ((startX + endX - w) / 2 - 6), (int) busY - 9, (int) w + 12, 18);
        g.setColor(INK);
        richText(g, label, (startX + endX - w) / 2, busY + 4, small);
    }

    /** The update equations, centred under the Langevin panel and joined to it by a short line. */
    private static void drawEquations(Graphics2D g, double[][] columns, LangevinFlowParameters p) {
        String[] lines = equations(p);
        Font font = ChartStyle.font(ChartStyle.AXIS_TITLE_SIZE);
        double centre = columns[LANGEVIN][0] + columns[LANGEVIN][1] / 2;
        double top = ROW_TOP + ROW_HEIGHT;
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        g.draw(new Line2D.Double(centre, top + 2, centre, top + 16));
        double y = top + 40;
        g.setColor(Color.BLACK);
        for (String line : lines) {
            richText(g, line, centre - richWidth(g, line, font) / 2, y, font);
            y += 26;
        }
    }

    private static void drawFooter(Graphics2D g, LangevinFlowParameters p, LatentShape shape) {
        Font font = bodyFont();
        g.setColor(INK);
        double y = HEIGHT - 44;
        String first = "Sizes: H = " + p.hidden() + " (GRU state, z and v);  decoder d = 3H = " + p.decoderWidth()
                + ", " + p.heads() + (p.heads() == 1 ? " head" : " heads") + ", feed-forward " + p.feedForward()
                + ";  dropout p = " + number(p.dropout()) + " on the encoder states and in the decoder.";
        String second = "Data: " + shape.heldIn() + " held-in of N = " + shape.neurons() + " neurons; T_o = "
                + shape.observedBins() + " observed + T_f = " + shape.forwardBins() + " forward bins.  "
                + "Loss: Poisson NLL of the counts + KL of q(z_0), q(v_0) + the release's per-step velocity penalty.";
        richText(g, first, MARGIN + 4, y, font);
        richText(g, second, MARGIN + 4, y + 22, font);
    }

    // ---- text with subscripts and arrows -------------------------------------------------------

    /** A number as written in a label: the shortest plain decimal, e.g. 0.55, 0.01, 1. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Splits {@code text} into runs alternating normal and subscript: {@code a_t} subscripts one
     * character, {@code a_{t−1}} the braces' content. Even indices are normal text.
     */
    static String[] runs(String text) {
        List<String> runs = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length()) {
                String sub;
                if (text.charAt(i + 1) == '{') {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("text has an unclosed subscript: " + text);
                    }
                    sub = text.substring(i + 2, close);
                    i = close + 1;
                } else {
                    sub = text.substring(i + 1, i + 2);
                    i += 2;
                }
                runs.add(normal.toString());
                runs.add(sub);
                normal.setLength(0);
            } else {
                normal.append(c);
                i++;
            }
        }
        runs.add(normal.toString());
        return runs.toArray(new String[0]);
    }

    private static Font subscriptFont(Font font) {
        return font.deriveFont(font.getSize2D() * 0.72f);
    }

    private static double richWidth(Graphics2D g, String text, Font font) {
        String[] runs = runs(text);
        FontMetrics normal = g.getFontMetrics(font);
        FontMetrics sub = g.getFontMetrics(subscriptFont(font));
        double width = 0;
        for (int k = 0; k < runs.length; k++) {
            width += (k % 2 == 0 ? normal : sub).stringWidth(runs[k]);
        }
        return width;
    }

    private static void richText(Graphics2D g, String text, double x, double baseline, Font font) {
        String[] runs = runs(text);
        Font subFont = subscriptFont(font);
        double drop = font.getSize2D() * 0.28;
        for (int k = 0; k < runs.length; k++) {
            Font f = k % 2 == 0 ? font : subFont;
            g.setFont(f);
            g.drawString(runs[k], (float) x, (float) (k % 2 == 0 ? baseline : baseline + drop));
            x += g.getFontMetrics(f).stringWidth(runs[k]);
        }
    }

    private static void arrow(Graphics2D g, Point2D from, Point2D to) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        g.draw(new Line2D.Double(from.getX(), from.getY(), to.getX() - 8 * ux, to.getY() - 8 * uy));
        double bx = to.getX() - ux * 10;
        double by = to.getY() - uy * 10;
        double half = 4.5;
        Path2D head = new Path2D.Double();
        head.moveTo(to.getX(), to.getY());
        head.lineTo(bx - uy * half, by + ux * half);
        head.lineTo(bx + uy * half, by - ux * half);
        head.closePath();
        g.fill(head);
    }
}
