package org.phasebook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A filled contour map of a positive function on a rectangle of the complex plane, drawn with
 * plain Java2D: the figure of a Koopman pseudospectrum, as in Colbrook and Townsend's code for
 * "Limits and Powers of Koopman Learning" (MATLAB {@code contourf} of {@code log10(tau)}).
 *
 * <pre>{@code
 * ComplexPlaneMap map = ComplexPlaneMap.of("Pseudospectrum", re, im, tau)
 *         .withRange(-1.5, 1.5, -1.5, 1.5)
 *         .withUnitCircle()
 *         .withPoints("EDMD", edmdRe, edmdIm, Color.BLUE, ComplexPlaneMap.Marker.DOT)
 *         .withPoints("proposed", keptRe, keptIm, Color.RED, ComplexPlaneMap.Marker.CROSS);
 * figures.saveImage(map.render(), "pseudospectrum", "...", "Fig. 3", map.data());
 * }</pre>
 *
 * <h2>What it draws</h2>
 * <ul>
 *   <li>The grid: axis values {@code re[]} (the columns) and {@code im[]} (the rows), both strictly
 *       increasing, and {@code values[row][col] >= 0} at the node {@code re[col] + i im[row]}
 *       ({@code tau}, the pseudospectrum function: the smallest residual over unit vectors at
 *       that point). A NaN value means "not computed" and is left white.</li>
 *   <li>The bands: given contour levels {@code L[0] < ... < L[n-1]} (default
 *       {@code 10^(-2 : 0.1 : -0.5)}, see {@link #defaultLevels()}), values are first floored at
 *       {@code L[0]}, then each pixel gets the value of the bilinear interpolation of
 *       {@code log10(value)} between the four grid nodes around its centre, and is painted the
 *       colour of the band that value lies in: band {@code k} is {@code [L[k], L[k+1])}, and band
 *       {@code n-1} is everything from {@code L[n-1]} up. Band {@code k} has the colour
 *       {@link #inferno(double) inferno}{@code (k / (n-1))}: dark where {@code tau} is small, near
 *       the spectrum, pale yellow far from it. Bilinear interpolation in {@code log10} gives the
 *       same smooth band edges as {@code contourf}. A pixel whose nearest node is NaN is white;
 *       one next to a NaN node takes its nearest node's value; pixels outside the grid are white.</li>
 *   <li>A vertical colour bar at the right, one block per band on a log scale, from {@code L[0]}
 *       up to the larger of the largest tick and one band step above {@code L[n-1]}; ticks (default
 *       0.01, 0.1, 1) labelled in plain decimals, ticks below {@code L[0]} left out.</li>
 *   <li>Axes with equal aspect (one unit of {@code Re} is as many pixels as one unit of
 *       {@code Im}), default range the grid's extent, titles {@code "Re λ"} and {@code "Im λ"},
 *       ticks at 1, 2 or 5 times a power of ten with labels formatted in {@link Locale#ROOT}, and a
 *       title on top. All text is in {@link ChartStyle#font(float)}, the pinned font.</li>
 *   <li>Optional circles (such as the unit circle) as thin dashed grey lines, and point sets
 *       (eigenvalues) as markers with a legend of their names inside the axes.</li>
 * </ul>
 *
 * <p>{@link #render()} is deterministic: the same map gives the same pixels on the same platform
 * (same JDK, same font file), because the colours are written pixel by pixel and the rendering
 * hints for lines and text are fixed as in {@link ChartStyle#render}. {@link #data()} and
 * {@link #points()} are the numbers behind the figure, for
 * {@link FigureStore#saveImage(BufferedImage, String, String, String, Table)}.
 *
 * <p>Instances are immutable; every {@code with...} method returns a new map. The class takes plain
 * arrays and knows nothing of how {@code tau} was computed. {@link #mirrorLowerHalf} builds the full
 * plane from the upper half for real-valued systems, whose pseudospectrum is symmetric under
 * conjugation.
 */
public final class ComplexPlaneMap {

    /** Default width of the image, in pixels. */
    public static final int WIDTH = 640;
    /** Default height of the image, in pixels. */
    public static final int HEIGHT = 560;

    /** How overlaid points are drawn. */
    public enum Marker {
        /** A filled disc with a thin white rim, so it shows on dark bands too. */
        DOT,
        /** An open circle. */
        CIRCLE,
        /** A diagonal cross, "x". */
        CROSS
    }

    /** The corner of the axes in which the legend of the overlaid points sits. */
    public enum LegendCorner {
        /** Upper right, the default. */
        UPPER_RIGHT,
        /** Upper left. */
        UPPER_LEFT,
        /** Lower left. */
        LOWER_LEFT,
        /** Lower right. */
        LOWER_RIGHT
    }

    /**
     * The samples of the grid: {@code values[row][col]} at {@code re[col] + i im[row]}.
     *
     * <p>Validated on construction: at least two values on each axis, each axis finite and strictly
     * increasing, one row per {@code im} value and one column per {@code re} value, every value
     * finite and {@code >= 0}, or NaN. (A zero, such as {@code tau} exactly at an eigenvalue, is
     * floored to the lowest level like any small value.) The arrays are copied in and out, so a grid
     * cannot change.
     */
    public record Grid(double[] re, double[] im, double[][] values) {

        /** Validates and copies the arrays. */
        public Grid {
            re = axis("re", re);
            im = axis("im", im);
            Objects.requireNonNull(values, "values");
            if (values.length != im.length) {
                throw new IllegalArgumentException("values has " + values.length + " rows but im has " + im.length
                        + " values; values needs one row per im value");
            }
            double[][] copy = new double[values.length][];
            for (int row = 0; row < values.length; row++) {
                if (values[row] == null || values[row].length != re.length) {
                    throw new IllegalArgumentException("values[" + row + "] has "
                            + (values[row] == null ? "no array" : values[row].length + " values") + " but re has "
                            + re.length + "; each row of values needs one value per re value");
                }
                copy[row] = values[row].clone();
                for (int col = 0; col < re.length; col++) {
                    double v = copy[row][col];
                    if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException("values[" + row + "][" + col + "] = " + v
                                + " is out of range: values must be finite and not negative, in [0, inf), or NaN");
                    }
                }
            }
            values = copy;
        }

        @Override
        public double[] re() {
            return re.clone();
        }

        @Override
        public double[] im() {
            return im.clone();
        }

        @Override
        public double[][] values() {
            double[][] copy = new double[values.length][];
            for (int row = 0; row < values.length; row++) {
                copy[row] = values[row].clone();
            }
            return copy;
        }

        private static double[] axis(String name, double[] axis) {
            Objects.requireNonNull(axis, name);
            if (axis.length < 2) {
                throw new IllegalArgumentException(name + " has " + axis.length
                        + " values; it needs at least 2 to span a grid");
            }
            for (int k = 0; k < axis.length; k++) {
                if (!Double.isFinite(axis[k])) {
                    throw new IllegalArgumentException(name + "[" + k + "] = " + axis[k]
                            + " is out of range: axis values must be finite");
                }
                if (k > 0 && !(axis[k] > axis[k - 1])) {
                    throw new IllegalArgumentException(name + "[" + k + "] = " + axis[k] + " is not greater than "
                            + name + "[" + (k - 1) + "] = " + axis[k - 1] + ": axis values must strictly increase");
                }
            }
            return axis.clone();
        }
    }

    /** A circle drawn over the map, centre {@code centreRe + i centreIm}. */
    private record Circle(double centreRe, double centreIm, double radius) {
    }

    /** A named set of points drawn over the map. The arrays are never exposed. */
    private record Overlay(String name, double[] re, double[] im, Color colour, Marker marker, double size) {
    }

    /**
     * Where the axes lie in the image: the rectangle {@code [left, left + width) x [top, top + height)}
     * in pixels, and the scale, the same for both axes.
     *
     * @param reMin         the real part at the left edge, {@code x = left}
     * @param imMax         the imaginary part at the top edge, {@code y = top}
     * @param pixelsPerUnit pixels per unit of both {@code Re} and {@code Im}
     */
    public record PlotArea(int left, int top, int width, int height, double reMin, double imMax,
                           double pixelsPerUnit) {

        /** The horizontal pixel coordinate of {@code re} (pixel column {@code floor(x(re))}). */
        public double x(double re) {
            return left + (re - reMin) * pixelsPerUnit;
        }

        /** The vertical pixel coordinate of {@code im} (pixel row {@code floor(y(im))}), growing downwards. */
        public double y(double im) {
            return top + (imMax - im) * pixelsPerUnit;
        }

        /** The real part at the centre of pixel column {@code column} of the image. */
        public double re(int column) {
            return reMin + (column - left + 0.5) / pixelsPerUnit;
        }

        /** The imaginary part at the centre of pixel row {@code row} of the image. */
        public double im(int row) {
            return imMax - (row - top + 0.5) / pixelsPerUnit;
        }
    }

    /**
     * The matplotlib colour map "inferno" sampled at 17 equally spaced points, from 0 (near-black
     * purple) to 1 (pale yellow). Linear interpolation between them stays within 7 of 255 per channel
     * of the full map.
     */
    private static final int[] INFERNO = {
        0x000004, 0x0B0724, 0x210C4A, 0x3D0965, 0x57106E, 0x71196E, 0x8A226A, 0xA32C61, 0xBC3754,
        0xD24644, 0xE45A31, 0xF1731D, 0xF98E09, 0xFCAC11, 0xF9CB35, 0xF2EA69, 0xFCFFA4,
    };

    private static final double[] DEFAULT_TICKS = {0.01, 0.1, 1.0};
    private static final int WHITE = 0xFFFFFF;
    private static final Color AXES = new Color(0x333333);
    private static final Color CIRCLE_COLOUR = new Color(0x9A9A9A);
    private static final Color LEGEND_BACKGROUND = new Color(255, 255, 255, 210);
    private static final Color LEGEND_BORDER = new Color(0xBBBBBB);
    private static final double DEFAULT_MARKER_SIZE = 7;
    private static final int MIN_SIZE = 200;
    private static final int MAX_SIZE = 8000;
    private static final int PAD = 10;
    private static final int TICK = 5;
    private static final int BAR_GAP = 16;
    private static final int BAR_WIDTH = 16;

    private final String title;
    private final Grid grid;
    private final double[] levels;
    private final double reMin;
    private final double reMax;
    private final double imMin;
    private final double imMax;
    private final String xLabel;
    private final String yLabel;
    private final double[] ticks;
    private final int width;
    private final int height;
    private final List<Circle> circles;
    private final List<Overlay> overlays;
    private final LegendCorner legend;

    private ComplexPlaneMap(String title, Grid grid, double[] levels, double reMin, double reMax, double imMin,
                            double imMax, String xLabel, String yLabel, double[] ticks, int width, int height,
                            List<Circle> circles, List<Overlay> overlays, LegendCorner legend) {
        this.title = title;
        this.grid = grid;
        this.levels = levels;
        this.reMin = reMin;
        this.reMax = reMax;
        this.imMin = imMin;
        this.imMax = imMax;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.ticks = ticks;
        this.width = width;
        this.height = height;
        this.circles = List.copyOf(circles);
        this.overlays = List.copyOf(overlays);
        this.legend = legend;
    }

    /**
     * A map of {@code values[row][col]} at {@code re[col] + i im[row]} with the defaults: levels
     * {@link #defaultLevels()}, the grid's extent as range, axis titles "Re λ" and "Im λ", colour
     * bar ticks 0.01, 0.1, 1, {@value #WIDTH} × {@value #HEIGHT} pixels, nothing overlaid.
     *
     * @throws IllegalArgumentException if the grid is invalid, see {@link Grid}
     */
    public static ComplexPlaneMap of(String title, double[] re, double[] im, double[][] values) {
        return of(title, new Grid(re, im, values));
    }

    /** A map of a grid with the defaults of {@link #of(String, double[], double[], double[][])}. */
    public static ComplexPlaneMap of(String title, Grid grid) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grid, "grid");
        double[] re = grid.re;
        double[] im = grid.im;
        return new ComplexPlaneMap(title, grid, defaultLevels(), re[0], re[re.length - 1], im[0], im[im.length - 1],
                "Re λ", "Im λ", DEFAULT_TICKS.clone(), WIDTH, HEIGHT, List.of(), List.of(), LegendCorner.UPPER_RIGHT);
    }

    /**
     * The paper's contour levels, {@code 10^(-2 : 0.1 : -0.5)}: 16 levels from 0.01 to about 0.316.
     */
    public static double[] defaultLevels() {
        double[] levels = new double[16];
        for (int k = 0; k < levels.length; k++) {
            // From integer tenths, so that the exponents are exact (-2.0, -1.9, ...), not accumulated sums.
            levels[k] = Math.pow(10, (k - 20) / 10.0);
        }
        return levels;
    }

    /**
     * The full grid from its upper half, by {@code tau(conj z) = tau(z)}: row {@code im} of the result is
     * the given row {@code |im|}. A row at {@code im == 0} is kept once, not duplicated. Rows below the
     * real axis (the paper's grids start at {@code im = -0.04}, so that the convergent method sees both
     * sides of the axis) are dropped: their mirror images replace them.
     *
     * @param im the rows' imaginary parts, strictly increasing, at least one {@code >= 0}
     * @throws IllegalArgumentException if no row has {@code im >= 0} or the grid is invalid
     */
    public static Grid mirrorLowerHalf(double[] re, double[] im, double[][] values) {
        Grid given = new Grid(re, im, values);
        int first = 0;
        while (first < given.im.length && given.im[first] < 0) {
            first++;
        }
        if (first == given.im.length) {
            throw new IllegalArgumentException("im[" + (given.im.length - 1) + "] = " + given.im[given.im.length - 1]
                    + " is out of range: mirrorLowerHalf needs at least one row with im >= 0");
        }
        double[] halfIm = Arrays.copyOfRange(given.im, first, given.im.length);
        double[][] halfValues = Arrays.copyOfRange(given.values, first, given.values.length);
        int n = halfIm.length;
        int shared = halfIm[0] == 0 ? 1 : 0;
        int below = n - shared;
        double[] fullIm = new double[below + n];
        double[][] fullValues = new double[below + n][];
        for (int k = 0; k < below; k++) {
            int source = n - 1 - k;
            fullIm[k] = -halfIm[source];
            fullValues[k] = halfValues[source];
        }
        for (int k = 0; k < n; k++) {
            fullIm[below + k] = halfIm[k];
            fullValues[below + k] = halfValues[k];
        }
        return new Grid(given.re, fullIm, fullValues);
    }

    /**
     * The same map with other contour levels; values are floored at the lowest.
     *
     * @param levels positive, finite and strictly increasing, at least one
     */
    public ComplexPlaneMap withLevels(double... levels) {
        Objects.requireNonNull(levels, "levels");
        if (levels.length == 0) {
            throw new IllegalArgumentException("levels is empty; it needs at least 1 level");
        }
        positiveIncreasing("levels", levels);
        return new ComplexPlaneMap(title, grid, levels.clone(), reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, overlays, legend);
    }

    /**
     * The same map showing the rectangle {@code [reMin, reMax] x [imMin, imMax]}; the part of the
     * grid outside is cut off and the part of the rectangle outside the grid is white.
     */
    public ComplexPlaneMap withRange(double reMin, double reMax, double imMin, double imMax) {
        range("reMin", reMin, "reMax", reMax);
        range("imMin", imMin, "imMax", imMax);
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, overlays, legend);
    }

    /** The same map with other axis titles (defaults "Re λ" and "Im λ"). */
    public ComplexPlaneMap withAxisTitles(String xLabel, String yLabel) {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, overlays, legend);
    }

    /**
     * The same map with other colour bar ticks (default 0.01, 0.1, 1), values of {@code tau}, labelled
     * in plain decimals; ticks below the lowest level are left out.
     *
     * @param ticks positive, finite and strictly increasing; may be empty
     */
    public ComplexPlaneMap withColourBarTicks(double... ticks) {
        Objects.requireNonNull(ticks, "ticks");
        positiveIncreasing("ticks", ticks);
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks.clone(),
                width, height, circles, overlays, legend);
    }

    /**
     * The same map at another image size; the axes keep equal aspect and are centred in the room left.
     *
     * @param width  in [200, 8000] pixels
     * @param height in [200, 8000] pixels
     */
    public ComplexPlaneMap withSize(int width, int height) {
        size("width", width);
        size("height", height);
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, overlays, legend);
    }

    /** The same map with the unit circle drawn as a thin dashed grey line. */
    public ComplexPlaneMap withUnitCircle() {
        return withCircle(0, 0, 1);
    }

    /**
     * The same map with a circle of {@code radius} around {@code centreRe + i centreIm}, a thin dashed
     * grey line.
     *
     * @param radius positive and finite
     */
    public ComplexPlaneMap withCircle(double centreRe, double centreIm, double radius) {
        finite("centreRe", centreRe);
        finite("centreIm", centreIm);
        if (!(radius > 0 && radius < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("radius = " + radius + " is out of range (0, inf)");
        }
        List<Circle> more = new ArrayList<>(circles);
        more.add(new Circle(centreRe, centreIm, radius));
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, more, overlays, legend);
    }

    /** {@link #withPoints(String, double[], double[], Color, Marker, double)} with markers 7 pixels wide. */
    public ComplexPlaneMap withPoints(String name, double[] re, double[] im, Color colour, Marker marker) {
        return withPoints(name, re, im, colour, marker, DEFAULT_MARKER_SIZE);
    }

    /**
     * The same map with the points {@code re[k] + i im[k]} drawn over it as markers of one colour, listed
     * in the legend under {@code name}. Point sets are drawn in the order added; points outside the
     * range are cut off.
     *
     * @param name a non-blank name, different from those of the point sets already added
     * @param re   finite, as many as {@code im}
     * @param size the marker's width in pixels, in (0, 100]
     */
    public ComplexPlaneMap withPoints(String name, double[] re, double[] im, Color colour, Marker marker,
                                      double size) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(marker, "marker");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank; a point set needs a name for the legend");
        }
        for (Overlay overlay : overlays) {
            if (overlay.name.equals(name)) {
                throw new IllegalArgumentException("name = \"" + name + "\" is already taken by another point set");
            }
        }
        if (re.length != im.length) {
            throw new IllegalArgumentException("re has " + re.length + " values but im has " + im.length
                    + "; a point set needs as many of each");
        }
        for (int k = 0; k < re.length; k++) {
            finite("re[" + k + "]", re[k]);
            finite("im[" + k + "]", im[k]);
        }
        if (!(size > 0 && size <= 100)) {
            throw new IllegalArgumentException("size = " + size + " is out of range (0, 100] pixels");
        }
        List<Overlay> more = new ArrayList<>(overlays);
        more.add(new Overlay(name, re.clone(), im.clone(), colour, marker, size));
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, more, legend);
    }

    /** The same map with the legend in another corner of the axes (default upper right). */
    public ComplexPlaneMap withLegend(LegendCorner corner) {
        Objects.requireNonNull(corner, "corner");
        return new ComplexPlaneMap(title, grid, levels, reMin, reMax, imMin, imMax, xLabel, yLabel, ticks,
                width, height, circles, overlays, corner);
    }

    /** The grid drawn. */
    public Grid grid() {
        return grid;
    }

    /** The contour levels, lowest first. */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * The band of a value: the largest {@code k} with {@code levels[k] <= value}, or 0 for values below
     * the lowest level (which are floored to it).
     *
     * @param value positive
     */
    public int band(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("value = " + value + " is out of range (0, inf)");
        }
        return bandOfLog(Math.log10(value), logLevels());
    }

    /**
     * The colour a value is painted in: that of its {@link #band(double) band} {@code k},
     * {@code inferno(k / (n-1))} for {@code n} levels (the middle of the map when there is one level).
     */
    public Color colourOf(double value) {
        return new Color(bandColours()[band(value)]);
    }

    /**
     * The matplotlib colour map "inferno" at {@code t} in [0, 1] (clamped outside): near-black purple
     * at 0, through red and orange, to pale yellow at 1, with lightness increasing evenly.
     */
    public static Color inferno(double t) {
        return new Color(infernoRgb(t));
    }

    /** Where the axes lie in the rendered image, for tests and for drawing more over the image. */
    public PlotArea plotArea() {
        return layout(measure()).area;
    }

    /**
     * Draws the map on a white RGB image of the map's size (see the class comment for what it shows).
     * The same map gives the same pixels every time.
     */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartStyle.fixHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Layout layout = layout(new Measures(g));
            PlotArea area = layout.area;
            fill(image, area);
            drawOverlays(g, area);
            drawAxes(g, layout);
            drawColourBar(g, layout);
            drawTitles(g, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The grid behind the figure in long format: columns {@code re}, {@code im}, {@code value}, one row
     * per grid node, row by row ({@code im} increasing) and within a row by {@code re} increasing;
     * values as given (not floored). A NaN value is a missing value of the Tablesaw column, an empty
     * field in the CSV that {@link FigureStore} writes.
     */
    public Table data() {
        int rows = grid.im.length;
        int cols = grid.re.length;
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        double[] value = new double[rows * cols];
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                int k = row * cols + col;
                re[k] = grid.re[col];
                im[k] = grid.im[row];
                value[k] = grid.values[row][col];
            }
        }
        return Table.create(title, DoubleColumn.create("re", re), DoubleColumn.create("im", im),
                DoubleColumn.create("value", value));
    }

    /**
     * The overlaid points: columns {@code series} (the point set's name), {@code re}, {@code im}, point
     * sets in the order added, points in the order given; all points, including those outside the range.
     */
    public Table points() {
        List<String> series = new ArrayList<>();
        List<Double> re = new ArrayList<>();
        List<Double> im = new ArrayList<>();
        for (Overlay overlay : overlays) {
            for (int k = 0; k < overlay.re.length; k++) {
                series.add(overlay.name);
                re.add(overlay.re[k]);
                im.add(overlay.im[k]);
            }
        }
        return Table.create(title + " points", StringColumn.create("series", series),
                DoubleColumn.create("re", re.stream().mapToDouble(Double::doubleValue).toArray()),
                DoubleColumn.create("im", im.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    // ---------------------------------------------------------------- colours and bands

    private static int infernoRgb(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (INFERNO.length - 1);
        int k = Math.min((int) position, INFERNO.length - 2);
        double f = position - k;
        int a = INFERNO[k];
        int b = INFERNO[k + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }

    private double[] logLevels() {
        double[] logs = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            logs[k] = Math.log10(levels[k]);
        }
        return logs;
    }

    private int[] bandColours() {
        int n = levels.length;
        int[] colours = new int[n];
        for (int k = 0; k < n; k++) {
            colours[k] = infernoRgb(n == 1 ? 0.5 : k / (double) (n - 1));
        }
        return colours;
    }

    private static int bandOfLog(double logValue, double[] logLevels) {
        int lo = 0;
        int hi = logLevels.length - 1;
        // The largest k with logLevels[k] <= logValue; band 0 also takes everything below.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (logLevels[mid] <= logValue) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------- the filled contours

    private void fill(BufferedImage image, PlotArea area) {
        double[] logLevels = logLevels();
        int[] colours = bandColours();
        double floor = logLevels[0];
        double[] re = grid.re;
        double[] im = grid.im;
        int cols = re.length;
        int rows = im.length;
        double[][] logs = new double[rows][cols];
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                double v = grid.values[row][col];
                logs[row][col] = Double.isNaN(v) ? Double.NaN : Math.max(floor, Math.log10(v));
            }
        }
        int[] line = new int[area.width];
        for (int py = area.top; py < area.top + area.height; py++) {
            double y = area.im(py);
            int row = cell(im, y);
            for (int px = area.left; px < area.left + area.width; px++) {
                double x = area.re(px);
                int col = cell(re, x);
                int rgb = WHITE;
                if (row >= 0 && col >= 0) {
                    double fx = (x - re[col]) / (re[col + 1] - re[col]);
                    double fy = (y - im[row]) / (im[row + 1] - im[row]);
                    double value = interpolate(logs, row, col, fx, fy);
                    if (!Double.isNaN(value)) {
                        rgb = colours[bandOfLog(value, logLevels)];
                    }
                }
                line[px - area.left] = rgb;
            }
            image.setRGB(area.left, py, area.width, 1, line, 0, area.width);
        }
    }

    /** The cell {@code k} with {@code axis[k] <= v <= axis[k+1]}, or -1 outside the axis. */
    private static int cell(double[] axis, double v) {
        if (!(v >= axis[0] && v <= axis[axis.length - 1])) {
            return -1;
        }
        int k = Arrays.binarySearch(axis, v);
        if (k < 0) {
            k = -k - 2;
        }
        return Math.min(k, axis.length - 2);
    }

    /**
     * Bilinear interpolation in a cell; where a corner is NaN, the nearest corner's value instead, so
     * that a missing node blanks the pixels nearest to it and no more.
     */
    private static double interpolate(double[][] logs, int row, int col, double fx, double fy) {
        double q00 = logs[row][col];
        double q10 = logs[row][col + 1];
        double q01 = logs[row + 1][col];
        double q11 = logs[row + 1][col + 1];
        if (Double.isNaN(q00) || Double.isNaN(q10) || Double.isNaN(q01) || Double.isNaN(q11)) {
            return logs[fy < 0.5 ? row : row + 1][fx < 0.5 ? col : col + 1];
        }
        return (1 - fy) * ((1 - fx) * q00 + fx * q10) + fy * ((1 - fx) * q01 + fx * q11);
    }

    // ---------------------------------------------------------------- layout

    /** Text sizes, measured with the pinned fonts. */
    private static final class Measures {
        final FontMetrics titleFont;
        final FontMetrics axisFont;
        final FontMetrics labelFont;

        Measures(Graphics2D g) {
            titleFont = g.getFontMetrics(ChartStyle.font(ChartStyle.TITLE_SIZE));
            axisFont = g.getFontMetrics(ChartStyle.font(ChartStyle.AXIS_TITLE_SIZE));
            labelFont = g.getFontMetrics(ChartStyle.font(ChartStyle.LABEL_SIZE));
        }

        double width(FontMetrics metrics, String text) {
            return metrics.getStringBounds(text, null).getWidth();
        }
    }

    private Measures measure() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            ChartStyle.fixHints(g);
            return new Measures(g);
        } finally {
            g.dispose();
        }
    }

    private record Layout(PlotArea area, Measures measures, double[] xTicks, double[] yTicks, double xStep,
                          double yStep, double barMin, double barMax) {
    }

    private Layout layout(Measures m) {
        // The tick values depend on the axes' length in pixels, which depends on the labels' width;
        // a first guess from the image size settles it, since a label's width barely changes.
        double yStep = niceStep(imMax - imMin, height / 70.0);
        double[] yTicks = ticks(imMin, imMax, yStep);
        double yLabelWidth = 0;
        for (double t : yTicks) {
            yLabelWidth = Math.max(yLabelWidth, m.width(m.labelFont, axisLabel(t, yStep)));
        }
        double barLabelWidth = 0;
        for (double t : ticks) {
            barLabelWidth = Math.max(barLabelWidth, m.width(m.labelFont, barLabel(t)));
        }
        int left = PAD + m.axisFont.getHeight() + 6 + (int) Math.ceil(yLabelWidth) + 4 + TICK;
        int right = BAR_GAP + BAR_WIDTH + 4 + (int) Math.ceil(barLabelWidth) + PAD;
        int top = PAD + (title.isEmpty() ? 0 : m.titleFont.getHeight() + 6);
        int bottom = TICK + 4 + m.labelFont.getHeight() + 4 + m.axisFont.getHeight() + PAD;
        int roomX = width - left - right;
        int roomY = height - top - bottom;
        if (roomX < 20 || roomY < 20) {
            throw new IllegalArgumentException("width = " + width + ", height = " + height
                    + " leave no room for the axes beside the labels; use a larger size");
        }
        double dx = reMax - reMin;
        double dy = imMax - imMin;
        double scale = Math.min(roomX / dx, roomY / dy);
        int w = Math.max(1, (int) Math.round(dx * scale));
        int h = Math.max(1, (int) Math.round(dy * scale));
        PlotArea area = new PlotArea(left + (roomX - w) / 2, top + (roomY - h) / 2, w, h, reMin, imMax, scale);
        double xStep = niceStep(dx, w / 80.0);
        double[] logLevels = logLevels();
        double barMin = logLevels[0];
        double lastStep = logLevels.length > 1 ? logLevels[logLevels.length - 1] - logLevels[logLevels.length - 2] : 1;
        double barMax = logLevels[logLevels.length - 1] + lastStep;
        if (ticks.length > 0) {
            barMax = Math.max(barMax, Math.log10(ticks[ticks.length - 1]));
        }
        return new Layout(area, m, ticks(reMin, reMax, xStep), yTicks, xStep, yStep, barMin, barMax);
    }

    /** A step of 1, 2 or 5 times a power of ten giving about {@code count} ticks over {@code span}. */
    private static double niceStep(double span, double count) {
        double raw = span / Math.max(2, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] multiples = {1, 2, 5, 10};
        for (double multiple : multiples) {
            if (multiple * power >= raw) {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    private static double[] ticks(double min, double max, double step) {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] values = new double[(int) Math.max(0, last - first + 1)];
        for (int k = 0; k < values.length; k++) {
            values[k] = (first + k) * step;
        }
        return values;
    }

    /** A tick label with as many decimals as the step needs and no trailing zeros, in Locale.ROOT. */
    static String axisLabel(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }

    /** A colour bar label: the tick in plain decimals, {@code 0.01}, {@code 0.1}, {@code 1}. */
    static String barLabel(double tick) {
        return new BigDecimal(Double.toString(tick)).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- drawing

    private void drawOverlays(Graphics2D g, PlotArea area) {
        Shape oldClip = g.getClip();
        g.clip(new Rectangle2D.Double(area.left, area.top, area.width, area.height));
        float[] dash = {4f, 3f};
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.setColor(CIRCLE_COLOUR);
        for (Circle c : circles) {
            double r = c.radius * area.pixelsPerUnit;
            g.draw(new Ellipse2D.Double(area.x(c.centreRe) - r, area.y(c.centreIm) - r, 2 * r, 2 * r));
        }
        for (Overlay overlay : overlays) {
            for (int k = 0; k < overlay.re.length; k++) {
                drawMarker(g, overlay.marker, overlay.colour, overlay.size, area.x(overlay.re[k]), area.y(overlay.im[k]));
            }
        }
        g.setClip(oldClip);
        if (!overlays.isEmpty()) {
            drawLegend(g, area);
        }
    }

    private static void drawMarker(Graphics2D g, Marker marker, Color colour, double size, double x, double y) {
        double r = size / 2;
        switch (marker) {
            case DOT -> {
                Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, size, size);
                g.setColor(colour);
                g.fill(disc);
                g.setStroke(new BasicStroke(0.8f));
                g.setColor(Color.WHITE);
                g.draw(disc);
            }
            case CIRCLE -> {
                g.setStroke(new BasicStroke(1.5f));
                g.setColor(colour);
                g.draw(new Ellipse2D.Double(x - r, y - r, size, size));
            }
            case CROSS -> {
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(colour);
                g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
                g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
            }
            default -> throw new IllegalStateException("marker " + marker);
        }
    }

    private void drawLegend(Graphics2D g, PlotArea area) {
        Font font = ChartStyle.font(ChartStyle.LABEL_SIZE);
        FontMetrics metrics = g.getFontMetrics(font);
        double textWidth = 0;
        for (Overlay overlay : overlays) {
            textWidth = Math.max(textWidth, metrics.getStringBounds(overlay.name, g).getWidth());
        }
        int lineHeight = metrics.getHeight() + 2;
        double boxWidth = 8 + 14 + 6 + textWidth + 8;
        double boxHeight = 6 + lineHeight * overlays.size() + 4;
        double inset = 8;
        boolean rightSide = legend == LegendCorner.UPPER_RIGHT || legend == LegendCorner.LOWER_RIGHT;
        boolean upper = legend == LegendCorner.UPPER_RIGHT || legend == LegendCorner.UPPER_LEFT;
        double bx = rightSide ? area.left + area.width - inset - boxWidth : area.left + inset;
        double by = upper ? area.top + inset : area.top + area.height - inset - boxHeight;
        Rectangle2D box = new Rectangle2D.Double(bx, by, boxWidth, boxHeight);
        g.setColor(LEGEND_BACKGROUND);
        g.fill(box);
        g.setColor(LEGEND_BORDER);
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        g.setFont(font);
        for (int k = 0; k < overlays.size(); k++) {
            Overlay overlay = overlays.get(k);
            double centreY = by + 6 + lineHeight * (k + 0.5);
            drawMarker(g, overlay.marker, overlay.colour, Math.min(overlay.size, 12), bx + 8 + 7, centreY);
            g.setColor(Color.BLACK);
            g.drawString(overlay.name, (float) (bx + 8 + 14 + 6),
                    (float) (centreY + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
    }

    private void drawAxes(Graphics2D g, Layout layout) {
        PlotArea area = layout.area;
        Measures m = layout.measures;
        g.setStroke(new BasicStroke(1f));
        g.setColor(AXES);
        g.draw(new Rectangle2D.Double(area.left - 0.5, area.top - 0.5, area.width + 1, area.height + 1));
        g.setFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        FontMetrics metrics = m.labelFont;
        double bottom = area.top + area.height + 0.5;
        for (double t : layout.xTicks) {
            double x = area.x(t);
            g.draw(new Line2D.Double(x, bottom, x, bottom + TICK));
            String label = axisLabel(t, layout.xStep);
            g.drawString(label, (float) (x - m.width(metrics, label) / 2), (float) (bottom + TICK + 4 + metrics.getAscent()));
        }
        double leftEdge = area.left - 0.5;
        for (double t : layout.yTicks) {
            double y = area.y(t);
            g.draw(new Line2D.Double(leftEdge - TICK, y, leftEdge, y));
            String label = axisLabel(t, layout.yStep);
            g.drawString(label, (float) (leftEdge - TICK - 4 - m.width(metrics, label)),
                    (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
    }

    private void drawColourBar(Graphics2D g, Layout layout) {
        PlotArea area = layout.area;
        Measures m = layout.measures;
        int x0 = area.left + area.width + BAR_GAP;
        int top = area.top;
        int h = area.height;
        double span = layout.barMax - layout.barMin;
        double[] logLevels = logLevels();
        int[] colours = bandColours();
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        // Whole-pixel blocks without antialiasing, so that neighbouring bands meet without a seam.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int k = 0; k < logLevels.length; k++) {
            double upper = k + 1 < logLevels.length ? logLevels[k + 1] : layout.barMax;
            int yTop = top + (int) Math.round(h * (layout.barMax - upper) / span);
            int yBottom = top + (int) Math.round(h * (layout.barMax - logLevels[k]) / span);
            g.setColor(new Color(colours[k]));
            g.fillRect(x0, yTop, BAR_WIDTH, yBottom - yTop);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        g.setColor(AXES);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0 - 0.5, top - 0.5, BAR_WIDTH + 1, h + 1));
        g.setFont(ChartStyle.font(ChartStyle.LABEL_SIZE));
        FontMetrics metrics = m.labelFont;
        double right = x0 + BAR_WIDTH + 0.5;
        for (double t : ticks) {
            double u = Math.log10(t);
            if (u < layout.barMin - 1e-9 || u > layout.barMax + 1e-9) {
                continue;
            }
            double y = top + h * (layout.barMax - u) / span;
            g.draw(new Line2D.Double(right - 4, y, right, y));
            g.drawString(barLabel(t), (float) (right + 4),
                    (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
    }

    private void drawTitles(Graphics2D g, Layout layout) {
        PlotArea area = layout.area;
        Measures m = layout.measures;
        g.setColor(Color.BLACK);
        double centreX = area.left + area.width / 2.0;
        if (!title.isEmpty()) {
            g.setFont(ChartStyle.font(ChartStyle.TITLE_SIZE));
            g.drawString(title, (float) (centreX - m.width(m.titleFont, title) / 2),
                    (float) (area.top - 8 - m.titleFont.getDescent()));
        }
        g.setFont(ChartStyle.font(ChartStyle.AXIS_TITLE_SIZE));
        FontMetrics labels = m.labelFont;
        FontMetrics axis = m.axisFont;
        g.drawString(xLabel, (float) (centreX - m.width(axis, xLabel) / 2),
                (float) (area.top + area.height + TICK + 4 + labels.getHeight() + 4 + axis.getAscent()));
        double yLabelWidth = 0;
        for (double t : layout.yTicks) {
            yLabelWidth = Math.max(yLabelWidth, m.width(labels, axisLabel(t, layout.yStep)));
        }
        double baseline = area.left - TICK - 4 - yLabelWidth - 6 - axis.getDescent();
        double centreY = area.top + area.height / 2.0;
        AffineTransform old = g.getTransform();
        g.translate(baseline, centreY);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) (-m.width(axis, yLabel) / 2), 0f);
        g.setTransform(old);
    }

    // ---------------------------------------------------------------- validation

    private static void positiveIncreasing(String name, double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!(values[k] > 0 && values[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + values[k]
                        + " is out of range: " + name + " must be positive and finite, in (0, inf)");
            }
            if (k > 0 && !(values[k] > values[k - 1])) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + values[k] + " is not greater than "
                        + name + "[" + (k - 1) + "] = " + values[k - 1] + ": " + name + " must strictly increase");
            }
        }
    }

    private static void range(String minName, double min, String maxName, double max) {
        finite(minName, min);
        finite(maxName, max);
        if (!(max > min)) {
            throw new IllegalArgumentException(minName + " = " + min + " and " + maxName + " = " + max
                    + ": " + maxName + " must be greater than " + minName);
        }
    }

    private static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: it must be finite");
        }
    }

    private static void size(String name, int pixels) {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new IllegalArgumentException(name + " = " + pixels + " is out of range [" + MIN_SIZE + ", "
                    + MAX_SIZE + "] pixels");
        }
    }
}
