package org.phasebook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.phasebook.hmm.CategoricalHmm;

/**
 * The schematic figure of the HMM-emulating RNNs (Torre et al., arXiv:2510.25674; brief
 * {@code hmm-rnn.md}, figure F1): (a) the training pipeline as a row of boxes, noise → ReLU RNN →
 * readout → hard Gumbel-softmax → one-hot outputs → Sinkhorn divergence ← HMM samples, and (b) one
 * state-transition diagram per HMM, drawn from the model's own matrices.
 *
 * <pre>{@code
 * BufferedImage image = HmmDiagram.schematic(List.of(BenchmarkHmm.CYCLIC_4.hmm()));
 * figures.saveImage(image, "f1-schematic", "...", "F1");
 * }</pre>
 *
 * <p>A transition diagram shows each state as a circle, each transition {@code i → j} with
 * {@code A[i][j] > 0}, {@code i != j}, as a curved arrow labelled with its probability (the arrows
 * {@code i → j} and {@code j → i} bend to opposite sides), and each self-transition as a loop
 * labelled with {@code A[i][i]}; a zero probability draws nothing. States lie on a horizontal line
 * when every transition joins neighbours ({@code A[i][j] = 0} for {@code |i - j| > 1}, a linear
 * chain) and on a circle otherwise, state 0 at the top and the others clockwise. Inside each circle
 * a bar shows the emission distribution {@code B[i, ·]}: three segments in the symbols' colours
 * ({@link #symbolColour(int)}), of widths proportional to the probabilities; the circle itself is
 * filled with {@link #stateColour(CategoricalHmm, int)}, a light tint of the emission-weighted
 * mixture of the symbol colours, so that its centre pixel has exactly that colour.
 *
 * <p>The images are RGB on white, {@value #WIDTH} pixels wide, with all text in the pinned font
 * {@link ChartStyle#font(float)} and the rendering hints of {@link ChartStyle#render}, so the same
 * models give the same pixels every time. Stateless; thread-safe.
 */
public final class HmmDiagram {

    /** Width of the schematic, in pixels. */
    public static final int WIDTH = 1240;
    /** The most HMMs one schematic draws side by side (a 5-state chain needs a third of the width). */
    public static final int MAX_HMMS = 3;
    /** The most states a diagram draws: the paper's largest HMM (more would not be readable at this size). */
    public static final int MAX_STATES = 5;
    /** The number of output symbols the colours are made for (the paper's HMMs all have 3). */
    public static final int SYMBOLS = 3;

    /** Symbol 0 blue, 1 bluish green, 2 vermillion (Okabe and Ito), as in the notebook's other figures. */
    private static final Color[] SYMBOL_COLOURS = {new Color(0x0072B2), new Color(0x009E73), new Color(0xD55E00)};

    static final int STATE_RADIUS = 30;
    static final int PANEL_TOP = 250;
    static final int PANEL_HEIGHT = 400;
    static final int LEGEND_HEIGHT = 44;
    private static final int SELF_LOOP_REACH = 52;
    private static final double BEND = 22;
    private static final Color INK = new Color(0x333333);
    private static final Color BOX_FILL = new Color(0xF4F4F4);
    private static final Color HMM_BOX_FILL = new Color(0xFBEFD9);

    private HmmDiagram() {
    }

    /** The colour of a symbol, {@code 0 <= symbol < 3}. */
    public static Color symbolColour(int symbol) {
        if (symbol < 0 || symbol >= SYMBOLS) {
            throw new IllegalArgumentException("symbol must be in [0, " + (SYMBOLS - 1) + "], got " + symbol);
        }
        return SYMBOL_COLOURS[symbol];
    }

    /**
     * The fill of state {@code state}'s circle: 35 % of the mixture {@code Σ_a B[state, a] colour(a)}
     * over 65 % white, rounded to whole channel values.
     *
     * @param hmm   a model with 3 symbols
     * @param state in {@code [0, hmm.states())}
     */
    public static Color stateColour(CategoricalHmm hmm, int state) {
        checkHmm(hmm, "hmm");
        if (state < 0 || state >= hmm.states()) {
            throw new IllegalArgumentException("state must be in [0, " + (hmm.states() - 1) + "], got " + state);
        }
        double r = 0;
        double g = 0;
        double b = 0;
        for (int a = 0; a < SYMBOLS; a++) {
            double p = hmm.emission(state, a);
            r += p * SYMBOL_COLOURS[a].getRed();
            g += p * SYMBOL_COLOURS[a].getGreen();
            b += p * SYMBOL_COLOURS[a].getBlue();
        }
        return new Color(tint(r), tint(g), tint(b));
    }

    private static int tint(double channel) {
        return (int) Math.round(0.35 * channel + 0.65 * 255);
    }

    /**
     * The whole schematic: the training pipeline on top, then one transition diagram per HMM side
     * by side, then a legend of the symbol colours.
     *
     * @param hmms between 1 and {@value #MAX_HMMS} models, each with 3 symbols and at most
     *             {@value #MAX_STATES} states; each panel is titled with the model's name
     * @return an RGB image {@value #WIDTH} pixels wide and {@link #schematicHeight()} high
     */
    public static BufferedImage schematic(List<CategoricalHmm> hmms) {
        Objects.requireNonNull(hmms, "hmms");
        if (hmms.isEmpty() || hmms.size() > MAX_HMMS) {
            throw new IllegalArgumentException("hmms must hold between 1 and " + MAX_HMMS + " models, got "
                    + hmms.size());
        }
        for (int k = 0; k < hmms.size(); k++) {
            checkHmm(hmms.get(k), "hmms[" + k + "]");
        }
        BufferedImage image = new BufferedImage(WIDTH, schematicHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartStyle.fixHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            drawPipeline(g);
            g.setColor(Color.BLACK);
            g.setFont(ChartStyle.font(ChartStyle.TITLE_SIZE));
            g.drawString("(b) The HMMs to emulate: hidden states, transition probabilities A[i][j] and emissions B[i, \u00b7]",
                    20, PANEL_TOP - 14);
            for (int k = 0; k < hmms.size(); k++) {
                drawPanel(g, hmms.get(k), panel(hmms, k));
            }
            drawLegend(g, PANEL_TOP + PANEL_HEIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The layout of the {@code k}-th diagram of a schematic of {@code hmms}. */
    static Panel panel(List<CategoricalHmm> hmms, int k) {
        double panelWidth = (double) WIDTH / hmms.size();
        return Panel.of(hmms.get(k), k * panelWidth, PANEL_TOP, panelWidth, PANEL_HEIGHT);
    }

    /** The height of {@link #schematic(List)}, in pixels, the same for any number of models. */
    public static int schematicHeight() {
        return PANEL_TOP + PANEL_HEIGHT + LEGEND_HEIGHT;
    }

    private static void checkHmm(CategoricalHmm hmm, String name) {
        Objects.requireNonNull(hmm, name);
        if (hmm.symbols() != SYMBOLS) {
            throw new IllegalArgumentException(name + " must have " + SYMBOLS + " symbols (one colour each), got "
                    + hmm.symbols());
        }
        if (hmm.states() > MAX_STATES) {
            throw new IllegalArgumentException(name + " must have at most " + MAX_STATES + " states to be drawn, got "
                    + hmm.states());
        }
    }

    // ---- (a) the pipeline ----------------------------------------------------------------------

    private static void drawPipeline(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.font(ChartStyle.TITLE_SIZE));
        g.drawString("(a) Training: the RNN's sampled outputs are matched to HMM samples", 20, 28);
        String[][] boxes = {
            {"Gaussian noise", "\u03be_t ~ N(0, I_d)"},
            {"ReLU RNN, no biases", "h_t = ReLU(W_hh h_t\u22121 + W_ih \u03be_t)", "h_0 = 0"},
            {"linear readout", "\u2113_t = A h_t", "(3 logits)"},
            {"hard Gumbel-softmax", "one-hot of", "argmax(\u2113_t + Gumbel)"},
            {"one-hot outputs", "o_t \u2208 {0, 1, 2}", "T \u00d7 3 per sequence"},
            {"Sinkhorn divergence", "between batches", "of whole sequences"},
            {"HMM samples", "sequences of the", "HMM, one-hot"},
        };
        int n = boxes.length;
        double left = 20;
        double top = 50;
        double height = 92;
        Font bold = ChartStyle.font(ChartStyle.LABEL_SIZE + 1).deriveFont(Font.BOLD);
        Font plain = ChartStyle.font(ChartStyle.LABEL_SIZE);
        // Each box is as wide as its longest line plus a margin; the gaps share what is left.
        double[] widths = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            for (int line = 0; line < boxes[k].length; line++) {
                FontMetrics fm = g.getFontMetrics(line == 0 ? bold : plain);
                widths[k] = Math.max(widths[k], fm.stringWidth(boxes[k][line]) + 20);
            }
            total += widths[k];
        }
        double gap = (WIDTH - 2 * left - total) / (n - 1);
        double x = left - gap;
        for (int k = 0; k < n; k++) {
            x += gap + (k == 0 ? 0 : widths[k - 1]);
            double boxWidth = widths[k];
            RoundRectangle2D box = new RoundRectangle2D.Double(x, top, boxWidth, height, 14, 14);
            g.setColor(k == n - 1 ? HMM_BOX_FILL : BOX_FILL);
            g.fill(box);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(box);
            double lineY = top + 26;
            for (int line = 0; line < boxes[k].length; line++) {
                g.setFont(line == 0 ? bold : plain);
                g.setColor(line == 0 ? Color.BLACK : INK);
                centredText(g, boxes[k][line], x + boxWidth / 2, lineY);
                lineY += line == 0 ? 24 : 19;
            }
            if (k > 0) {
                double y = top + height / 2;
                double from = x - gap + 3;
                double to = x - 3;
                // The HMM samples feed the divergence from the right, so the last arrow points left.
                if (k == n - 1) {
                    arrow(g, new Point2D.Double(to, y), new Point2D.Double(from, y));
                } else {
                    arrow(g, new Point2D.Double(from, y), new Point2D.Double(to, y));
                }
            }
        }
        g.setFont(plain);
        g.setColor(INK);
        g.drawString("The Sinkhorn loss is backpropagated through the straight-through Gumbel-softmax to W_ih, "
                + "W_hh and A; the network's only input is the noise.", (float) left, (float) (top + height + 28));
    }

    // ---- (b) the transition diagrams -----------------------------------------------------------

    /** Where the states of one diagram lie, and how its arrows bend. Package-private for the tests. */
    record Panel(double left, double top, double width, double height, boolean onLine, Point2D[] centres,
            Point2D hub) {

        static Panel of(CategoricalHmm hmm, double left, double top, double width, double height) {
            int m = hmm.states();
            boolean line = isChain(hmm);
            Point2D[] centres = new Point2D[m];
            double cx = left + width / 2;
            double cy = top + height / 2 + 8;
            if (line) {
                double spacing = m == 1 ? 0 : Math.min(150, (width - 120) / (m - 1));
                for (int i = 0; i < m; i++) {
                    centres[i] = new Point2D.Double(cx + (i - (m - 1) / 2.0) * spacing, cy + 10);
                }
            } else {
                double radius = Math.min(width, height) / 2 - 90;
                for (int i = 0; i < m; i++) {
                    double angle = -Math.PI / 2 + 2 * Math.PI * i / m;
                    centres[i] = new Point2D.Double(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
                }
            }
            return new Panel(left, top, width, height, line, centres, new Point2D.Double(cx, cy));
        }

        /** The control point of the arrow {@code i → j}: the chord's midpoint pushed to the left of travel. */
        Point2D control(int i, int j) {
            Point2D a = centres[i];
            Point2D b = centres[j];
            double dx = b.getX() - a.getX();
            double dy = b.getY() - a.getY();
            double length = Math.hypot(dx, dy);
            double bend = 2 * BEND; // a quadratic curve reaches half way to its control point
            return new Point2D.Double((a.getX() + b.getX()) / 2 + bend * dy / length,
                    (a.getY() + b.getY()) / 2 - bend * dx / length);
        }

        /** The drawn curve of the arrow {@code i → j}: its start and end on the circles, and its control point. */
        QuadCurve2D arrowCurve(int i, int j) {
            Point2D c = control(i, j);
            Point2D start = towards(centres[i], c, STATE_RADIUS + 2);
            Point2D end = towards(centres[j], c, STATE_RADIUS + 3);
            return new QuadCurve2D.Double(start.getX(), start.getY(), c.getX(), c.getY(), end.getX(), end.getY());
        }

        /** The point half way along the drawn arrow {@code i → j}. */
        Point2D arrowMidpoint(int i, int j) {
            QuadCurve2D q = arrowCurve(i, j);
            return new Point2D.Double(0.25 * q.getX1() + 0.5 * q.getCtrlX() + 0.25 * q.getX2(),
                    0.25 * q.getY1() + 0.5 * q.getCtrlY() + 0.25 * q.getY2());
        }

        /**
         * Where along the arrow {@code i → j} its label sits: half way on a line; on a circle at
         * a quarter of the way from the source, so that the labels of the inner arrows, which all bend towards the
         * middle, do not meet there.
         */
        Point2D labelAnchor(int i, int j) {
            QuadCurve2D q = arrowCurve(i, j);
            double t = onLine ? 0.5 : 0.25;
            double a = (1 - t) * (1 - t);
            double b = 2 * t * (1 - t);
            double c = t * t;
            return new Point2D.Double(a * q.getX1() + b * q.getCtrlX() + c * q.getX2(),
                    a * q.getY1() + b * q.getCtrlY() + c * q.getY2());
        }

        /** The unit vector along which state {@code i}'s self-loop points: up on a line, outwards on a circle. */
        Point2D outwards(int i) {
            if (onLine) {
                return new Point2D.Double(0, -1);
            }
            double dx = centres[i].getX() - hub.getX();
            double dy = centres[i].getY() - hub.getY();
            double length = Math.hypot(dx, dy);
            return new Point2D.Double(dx / length, dy / length);
        }
    }

    /** Whether every transition joins neighbouring states, so that the states can lie on a line. */
    static boolean isChain(CategoricalHmm hmm) {
        for (int i = 0; i < hmm.states(); i++) {
            for (int j = 0; j < hmm.states(); j++) {
                if (Math.abs(i - j) > 1 && hmm.transition(i, j) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The transitions drawn as arrows between states: {@code {i, j}} with {@code i != j} and {@code A[i][j] > 0}. */
    static List<int[]> arrows(CategoricalHmm hmm) {
        List<int[]> arrows = new ArrayList<>();
        for (int i = 0; i < hmm.states(); i++) {
            for (int j = 0; j < hmm.states(); j++) {
                if (i != j && hmm.transition(i, j) > 0) {
                    arrows.add(new int[] {i, j});
                }
            }
        }
        return arrows;
    }

    private static void drawPanel(Graphics2D g, CategoricalHmm hmm, Panel panel) {
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.font(ChartStyle.AXIS_TITLE_SIZE).deriveFont(Font.BOLD));
        centredText(g, hmm.name(), panel.left() + panel.width() / 2, panel.top() + 18);
        Font labelFont = ChartStyle.font(ChartStyle.LABEL_SIZE);
        for (int[] ij : arrows(hmm)) {
            int i = ij[0];
            int j = ij[1];
            QuadCurve2D curve = panel.arrowCurve(i, j);
            Point2D c = curve.getCtrlPt();
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(curve);
            arrowHead(g, c, curve.getP2());
            Point2D mid = panel.labelAnchor(i, j);
            Point2D push = unit(panel.arrowMidpoint(i, j), c);
            g.setFont(labelFont);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            String label = probability(hmm.transition(i, j));
            // Push the label off the curve by half its extent along the push direction, plus a margin.
            double extent = Math.abs(push.getX()) * fm.stringWidth(label) / 2.0
                    + Math.abs(push.getY()) * fm.getAscent() / 2.0 + 5;
            centredText(g, label, mid.getX() + push.getX() * extent,
                    mid.getY() + push.getY() * extent + fm.getAscent() / 2.0 - 1);
        }
        for (int i = 0; i < hmm.states(); i++) {
            drawSelfLoop(g, hmm, panel, i, labelFont);
        }
        for (int i = 0; i < hmm.states(); i++) {
            drawState(g, hmm, panel.centres()[i], i);
        }
    }

    private static void drawSelfLoop(Graphics2D g, CategoricalHmm hmm, Panel panel, int i, Font font) {
        double p = hmm.transition(i, i);
        if (p <= 0) {
            return;
        }
        Point2D centre = panel.centres()[i];
        Point2D u = panel.outwards(i);
        double spread = Math.toRadians(32);
        int r = STATE_RADIUS;
        Point2D start = along(centre, rotate(u, -spread), r + 1);
        Point2D end = along(centre, rotate(u, spread), r + 3);
        Point2D c1 = along(centre, rotate(u, -spread * 1.2), r + SELF_LOOP_REACH);
        Point2D c2 = along(centre, rotate(u, spread * 1.2), r + SELF_LOOP_REACH);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new CubicCurve2D.Double(start.getX(), start.getY(), c1.getX(), c1.getY(), c2.getX(), c2.getY(),
                end.getX(), end.getY()));
        arrowHead(g, c2, end);
        g.setFont(font);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        String label = probability(p);
        // The apex of the loop is its cubic curve at t = 1/2; the label goes just beyond it.
        Point2D apex = new Point2D.Double(
                0.125 * (start.getX() + end.getX()) + 0.375 * (c1.getX() + c2.getX()),
                0.125 * (start.getY() + end.getY()) + 0.375 * (c1.getY() + c2.getY()));
        double extent = Math.abs(u.getX()) * fm.stringWidth(label) / 2.0 + Math.abs(u.getY()) * fm.getAscent() / 2.0;
        Point2D at = along(apex, u, 5 + extent);
        centredText(g, label, at.getX(), at.getY() + fm.getAscent() / 2.0 - 1);
    }

    private static void drawState(Graphics2D g, CategoricalHmm hmm, Point2D centre, int i) {
        int r = STATE_RADIUS;
        double x = centre.getX();
        double y = centre.getY();
        g.setColor(stateColour(hmm, i));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        // The name sits in the upper half and the emission bar in the lower half, so the centre
        // pixel keeps the fill colour.
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.font(ChartStyle.LABEL_SIZE).deriveFont(Font.BOLD));
        centredText(g, "s" + i, x, y - 6);
        double barWidth = 40;
        double barLeft = x - barWidth / 2;
        double barTop = y + 6;
        double barHeight = 10;
        double filled = 0;
        for (int a = 0; a < SYMBOLS; a++) {
            double w = barWidth * hmm.emission(i, a);
            g.setColor(SYMBOL_COLOURS[a]);
            g.fill(new Rectangle2D.Double(barLeft + filled, barTop, w, barHeight));
            filled += w;
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(barLeft, barTop, barWidth, barHeight));
    }

    private static void drawLegend(Graphics2D g, int top) {
        g.setFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        FontMetrics fm = g.getFontMetrics();
        double x = 20;
        double y = top + 24;
        g.setColor(Color.BLACK);
        String intro = "Bar inside state s_i: emission probabilities B[i, \u00b7] of";
        g.drawString(intro, (float) x, (float) y);
        x += fm.stringWidth(intro) + 12;
        for (int a = 0; a < SYMBOLS; a++) {
            g.setColor(SYMBOL_COLOURS[a]);
            g.fill(new Rectangle2D.Double(x, y - 11, 22, 12));
            g.setColor(Color.BLACK);
            String name = "symbol " + a;
            g.drawString(name, (float) (x + 28), (float) y);
            x += 28 + fm.stringWidth(name) + 18;
        }
        String rest = "(circle tinted by the mix).  Arrows: transitions with A[i][j] > 0, labelled A[i][j]; "
                + "loops: A[i][i].";
        g.drawString(rest, (float) x, (float) y);
    }

    // ---- geometry and text ---------------------------------------------------------------------

    /** A probability in at most three decimals without trailing zeros, e.g. 0.95, 0.025, 0.224. */
    static String probability(double p) {
        BigDecimal d = BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
    }

    private static void centredText(Graphics2D g, String text, double x, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    private static void arrow(Graphics2D g, Point2D from, Point2D to) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        Point2D shaft = along(to, unit(to, from), 8);
        g.draw(new Line2D.Double(from, shaft));
        arrowHead(g, from, to);
    }

    /** A filled head at {@code tip}, pointing along {@code from → tip}. */
    private static void arrowHead(Graphics2D g, Point2D from, Point2D tip) {
        Point2D u = unit(from, tip);
        double length = 10;
        double half = 4.5;
        double bx = tip.getX() - u.getX() * length;
        double by = tip.getY() - u.getY() * length;
        Path2D head = new Path2D.Double();
        head.moveTo(tip.getX(), tip.getY());
        head.lineTo(bx - u.getY() * half, by + u.getX() * half);
        head.lineTo(bx + u.getY() * half, by - u.getX() * half);
        head.closePath();
        g.setColor(INK);
        g.fill(head);
    }

    private static Point2D unit(Point2D from, Point2D to) {
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        double length = Math.hypot(dx, dy);
        return new Point2D.Double(dx / length, dy / length);
    }

    private static Point2D towards(Point2D from, Point2D to, double distance) {
        return along(from, unit(from, to), distance);
    }

    private static Point2D along(Point2D from, Point2D u, double distance) {
        return new Point2D.Double(from.getX() + u.getX() * distance, from.getY() + u.getY() * distance);
    }

    private static Point2D rotate(Point2D u, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new Point2D.Double(c * u.getX() - s * u.getY(), s * u.getX() + c * u.getY());
    }
}
