package org.phasebook.plot;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.phasebook.notebook.Csv;
import org.phasebook.notebook.OutputFolder;
import org.phasebook.notebook.Scale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Saves the figures of one notebook run, with the numbers they plot and a manifest that ties them
 * to the run's scale, seeds and parameters.
 *
 * <pre>{@code
 * var figures = FigureStore.forNotebook("01-lorenz");
 * double sigma = figures.parameter("sigma", 10.0);
 * long seed = figures.seed("initial condition", 42);
 * ...
 * figures.save(chart, "lorenz-xz", "The Lorenz attractor, x-z projection.", "Fig. 1");
 * }</pre>
 *
 * <h2>Files</h2>
 * {@link #save(XYChart, String, String, String)} writes, in the notebook's {@link OutputFolder}
 * ({@code figures/<notebook>/}):
 * <ul>
 *   <li>{@code <name>.png}, drawn by {@link ChartStyle#render};</li>
 *   <li>{@code <name>.svg}, through XChart's VectorGraphics2D encoder (text as outlines);</li>
 *   <li>{@code <name>.csv}, the plotted numbers: for an {@link XYChart} the long format
 *       {@code series,x,y} with one row per point, series in the chart's order; for other charts
 *       the table passed to {@link #save(Chart, String, String, String, Table)};</li>
 * </ul>
 * and then rewrites {@value #MANIFEST}. {@link #saveImage} writes a PNG (and a CSV only if a table
 * is given). Every file is written to a temporary file in the same folder and moved into place
 * atomically. The same chart or image, with the same data, gives byte-identical PNG, SVG and CSV
 * files on every run on the same platform (same JDK, same font file); the font is pinned by
 * {@link ChartStyle#pinFonts}, which {@code save} applies to every chart it is given. Numbers in CSV
 * files are written with {@link Double#toString(double)} (see {@link Csv}).
 *
 * <h2>{@code manifest.json}</h2>
 * One JSON object, pretty-printed, pure ASCII (non-ASCII characters as {@code \\uXXXX}):
 * <pre>{@code
 * {
 *   "notebook": "01-lorenz",                  // the notebook's name, without .ipynb
 *   "scale": "default",                       // quick | default | paper, see Scale
 *   "seeds": {"initial condition": 42},       // name -> integer, in the order first recorded
 *   "parameters": {"sigma": 10.0, "n": 500},  // name -> number, string or boolean
 *   "figures": [                              // in the order first saved in this run
 *     {
 *       "name": "lorenz-xz",                  // stem of the figure's files
 *       "caption": "The Lorenz attractor, x-z projection.",
 *       "paperFigure": "Fig. 1",              // or "\u2014" (an em dash) when none
 *       "files": {                            // file name -> lower-case hex SHA-256 of its bytes
 *         "lorenz-xz.png": "9f86d0...",
 *         "lorenz-xz.svg": "...",
 *         "lorenz-xz.csv": "..."
 *       }
 *     }
 *   ]
 * }
 * }</pre>
 * Keys appear in exactly this order. {@code files} lists only the files written for the figure
 * (a {@link #saveImage} figure has only the PNG unless given a table). File names are relative to
 * the manifest's folder. Double parameters are JSON numbers as {@link Double#toString(double)}
 * writes them (for instance {@code 10.0}, {@code 1.0E-5}); a NaN or infinite one is written as the
 * string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}. The manifest lists the figures
 * saved through this {@code FigureStore} (one notebook run); saving a figure name again replaces its
 * entry in place; figures of earlier runs that this run did not save are not listed, though their
 * files are left in the folder. Seeds and parameters are those recorded when the manifest was last
 * written.
 *
 * <p>Not thread-safe: a notebook saves its figures from its one evaluation thread.
 */
public final class FigureStore {

    /** The manifest's file name in the notebook's folder. */
    public static final String MANIFEST = "manifest.json";

    /** The {@code paperFigure} of a figure that reproduces none of the paper's: an em dash. */
    public static final String NO_PAPER_FIGURE = "\u2014";

    private final OutputFolder folder;
    private final Scale scale;
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, SavedFigure> figures = new LinkedHashMap<>();

    /**
     * A store writing to {@code folder}, recording {@code scale} in the manifest.
     */
    public FigureStore(OutputFolder folder, Scale scale) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    /** A store for notebook {@code notebook} writing to the explicit {@code folder}, for tests and tools. */
    public FigureStore(String notebook, Path folder, Scale scale) {
        this(new OutputFolder(notebook, folder), scale);
    }

    /**
     * The store of a notebook: its folder from {@link OutputFolder#forNotebook(String)}, its scale
     * from {@link Scale#current()}.
     *
     * @param notebook the notebook's name without {@code .ipynb}, such as {@code 00-tour}
     */
    public static FigureStore forNotebook(String notebook) {
        return new FigureStore(OutputFolder.forNotebook(notebook), Scale.current());
    }

    /** The notebook's name. */
    public String notebook() {
        return folder.notebook();
    }

    /** Where the files go. */
    public Path folder() {
        return folder.path();
    }

    /** The scale recorded in the manifest. */
    public Scale scale() {
        return scale;
    }

    /** Records a parameter of the run for the manifest and returns its value, so it can be declared and recorded at once. */
    public double parameter(String name, double value) {
        parameters.put(requireKey("parameter name", name), value);
        return value;
    }

    /** Records an integer parameter of the run and returns its value. */
    public int parameter(String name, int value) {
        parameters.put(requireKey("parameter name", name), value);
        return value;
    }

    /** Records an integer parameter of the run and returns its value. */
    public long parameter(String name, long value) {
        parameters.put(requireKey("parameter name", name), value);
        return value;
    }

    /** Records a parameter of the run that is a word (a method's name, a boundary condition) and returns it. */
    public String parameter(String name, String value) {
        parameters.put(requireKey("parameter name", name), Objects.requireNonNull(value, "value"));
        return value;
    }

    /** Records a yes/no parameter of the run and returns it. */
    public boolean parameter(String name, boolean value) {
        parameters.put(requireKey("parameter name", name), value);
        return value;
    }

    /** Records a random seed of the run for the manifest and returns it. */
    public long seed(String name, long seed) {
        seeds.put(requireKey("seed name", name), seed);
        return seed;
    }

    /**
     * Saves an XY chart as PNG, SVG and CSV (the chart's series in long format {@code series,x,y}),
     * then rewrites the manifest. The chart's fonts are pinned first ({@link ChartStyle#pinFonts}).
     *
     * @param name        the files' stem: letters, digits, '.', '_', '-', such as {@code lorenz-xz}
     * @param caption     what the figure shows, for the gallery
     * @param paperFigure the paper's figure it reproduces, such as {@code "Fig. 2"}; {@code null} or
     *                    blank means {@link #NO_PAPER_FIGURE}
     * @return the manifest entry written
     */
    public SavedFigure save(XYChart chart, String name, String caption, String paperFigure) {
        Objects.requireNonNull(chart, "chart");
        return saveChart(chart, name, caption, paperFigure, seriesCsv(chart));
    }

    /**
     * Saves any XChart chart as PNG and SVG with {@code data} as its CSV, then rewrites the manifest.
     * Use it for charts other than {@link XYChart}, or to store other numbers than the plotted
     * points (for instance a table with one column per quantity).
     *
     * @param data the numbers behind the figure; written with a header of its column names
     */
    public SavedFigure save(Chart<?, ?> chart, String name, String caption, String paperFigure, Table data) {
        Objects.requireNonNull(chart, "chart");
        return saveChart(chart, name, caption, paperFigure, tableCsv(Objects.requireNonNull(data, "data")));
    }

    /**
     * Saves an image, such as a lattice snapshot, as PNG only, then rewrites the manifest.
     */
    public SavedFigure saveImage(BufferedImage image, String name, String caption, String paperFigure) {
        return saveImage(image, name, caption, paperFigure, null);
    }

    /**
     * Saves an image as PNG with {@code data} (if not {@code null}) as its CSV, then rewrites the manifest.
     */
    public SavedFigure saveImage(BufferedImage image, String name, String caption, String paperFigure, Table data) {
        Objects.requireNonNull(image, "image");
        requireFigureName(name);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name + ".png", png(image));
        if (data != null) {
            files.put(name + ".csv", tableCsv(data).getBytes(StandardCharsets.UTF_8));
        }
        return store(name, caption, paperFigure, files);
    }

    /** The figures saved through this store, in the order first saved. */
    public List<SavedFigure> figures() {
        return List.copyOf(figures.values());
    }

    private SavedFigure saveChart(Chart<?, ?> chart, String name, String caption, String paperFigure, String csv) {
        requireFigureName(name);
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("chart \"" + chart.getTitle() + "\" has no series to draw; add one, "
                    + "for example with chart.addSeries(\"name\", x, y), before saving figure " + name);
        }
        ChartStyle.pinFonts(chart);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name + ".png", png(ChartStyle.render(chart)));
        files.put(name + ".svg", svg(chart));
        files.put(name + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        return store(name, caption, paperFigure, files);
    }

    private SavedFigure store(String name, String caption, String paperFigure, Map<String, byte[]> files) {
        Objects.requireNonNull(caption, "caption");
        String paper = paperFigure == null || paperFigure.isBlank() ? NO_PAPER_FIGURE : paperFigure.strip();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            folder.write(file.getKey(), file.getValue());
            hashes.put(file.getKey(), sha256(file.getValue()));
        }
        SavedFigure saved = new SavedFigure(name, caption, paper, hashes);
        figures.put(name, saved);
        folder.write(MANIFEST, manifest().getBytes(StandardCharsets.UTF_8));
        return saved;
    }

    /** The manifest's text, as documented in the class comment. */
    String manifest() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("notebook", folder.notebook());
        root.put("scale", scale.id());
        root.put("seeds", new LinkedHashMap<>(seeds));
        root.put("parameters", new LinkedHashMap<>(parameters));
        List<Object> entries = new ArrayList<>();
        for (SavedFigure figure : figures.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", figure.name());
            entry.put("caption", figure.caption());
            entry.put("paperFigure", figure.paperFigure());
            entry.put("files", new LinkedHashMap<>(figure.files()));
            entries.add(entry);
        }
        root.put("figures", entries);
        return Json.write(root);
    }

    /** The series of an XY chart in long format, {@code series,x,y}. */
    static String seriesCsv(XYChart chart) {
        StringBuilder csv = new StringBuilder(Csv.row("series", "x", "y"));
        for (XYSeries series : chart.getSeriesMap().values()) {
            String name = Csv.field(series.getName());
            double[] x = series.getXData();
            double[] y = series.getYData();
            for (int i = 0; i < x.length; i++) {
                csv.append(name).append(',').append(Csv.number(x[i])).append(',').append(Csv.number(y[i])).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * A Tablesaw table as CSV: floating-point columns with {@link Double#toString(double)} (floats
     * with {@link Float#toString(float)}), integer columns as integers, other columns as Tablesaw
     * prints them; missing values as empty fields.
     */
    static String tableCsv(Table table) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (String column : table.columnNames()) {
            header.add(Csv.field(column));
        }
        csv.append(Csv.row(header));
        List<Column<?>> columns = table.columns();
        List<String> fields = new ArrayList<>(columns.size());
        for (int row = 0; row < table.rowCount(); row++) {
            fields.clear();
            for (Column<?> column : columns) {
                fields.add(cell(column, row));
            }
            csv.append(Csv.row(fields));
        }
        return csv.toString();
    }

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof DoubleColumn d) {
            return Csv.number(d.getDouble(row));
        }
        if (column instanceof FloatColumn f) {
            return Float.toString(f.getFloat(row));
        }
        if (column instanceof IntColumn i) {
            return Integer.toString(i.getInt(row));
        }
        if (column instanceof LongColumn l) {
            return Long.toString(l.getLong(row));
        }
        if (column instanceof ShortColumn s) {
            return Short.toString(s.getShort(row));
        }
        return Csv.field(column.getString(row));
    }

    /** PNG bytes of an image, encoded in memory (no cache files) by the JDK's PNG writer. */
    static byte[] png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG image: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] svg(Chart<?, ?> chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart \"" + chart.getTitle() + "\" as SVG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Lower-case hex SHA-256 of some bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void requireFigureName(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png") || lower.endsWith(".svg") || lower.endsWith(".csv")) {
            throw new IllegalArgumentException("figure name is the files' stem, without extension: use \""
                    + name.substring(0, name.length() - 4) + "\" instead of \"" + name + "\"");
        }
        if (lower.equals("checks") || lower.equals("manifest")) {
            throw new IllegalArgumentException("figure name \"" + name + "\" is taken by the notebook's own "
                    + "checks.csv or manifest.json; choose another name");
        }
        if (!OutputFolder.isPlainName(name)) {
            throw new IllegalArgumentException("figure name must be letters, digits, '.', '_' and '-', starting with "
                    + "a letter or digit, such as lorenz-xz; got \"" + name + "\"");
        }
    }

    private static String requireKey(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty text, got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        return name;
    }
}
