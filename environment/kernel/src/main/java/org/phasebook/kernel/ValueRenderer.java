package org.phasebook.kernel;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.phasebook.notebook.MimeBundle;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a cell's value into a Jupyter MIME bundle: XChart charts as PNG (SVG on request),
 * Tablesaw tables as HTML, images as PNG, and everything a stable {@code text/plain} form.
 *
 * <p>Stable means: the same value gives the same text in every run. {@code Object.toString()}
 * prints identity hashes ({@code XYChart@791d73c5}) that change from run to run and say nothing
 * to a reader, so objects without their own {@code toString} are shown by class name, and
 * identity hashes inside other text are removed.
 */
final class ValueRenderer {

    static final String PLAIN = "text/plain";
    static final String HTML = "text/html";
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";

    /** Rows of a table shown in a cell before the middle is elided. */
    private static final int TABLE_ROWS = 40;
    /** Elements of an array shown before the rest is elided. */
    private static final int ARRAY_ELEMENTS = 200;

    private static final Pattern IDENTITY_HASH = Pattern.compile("([A-Za-z_$][\\w$]*)@[0-9a-f]{5,8}\\b");
    private static final Pattern JSHELL_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?\\$");

    private ValueRenderer() {
    }

    /**
     * Renders a value in its preferred forms; with {@code requested} non-empty, in exactly those
     * forms (plus {@code text/plain}, which every bundle carries).
     */
    static Map<String, String> render(Object value, List<String> requested) {
        Map<String, String> data = new LinkedHashMap<>();
        if (value instanceof MimeBundle bundle) {
            data.putAll(bundle.data());
        } else if (value instanceof Chart<?, ?> chart) {
            if (requested.isEmpty() || requested.contains(PNG)) {
                data.put(PNG, base64(pngOf(chart)));
            }
            if (requested.contains(SVG)) {
                data.put(SVG, svgOf(chart));
            }
            data.put(PLAIN, describeChart(chart));
        } else if (value instanceof Table table) {
            data.put(HTML, html(table));
            data.put(PLAIN, table.print(TABLE_ROWS));
        } else if (value instanceof RenderedImage image) {
            data.put(PNG, base64(pngOf(image)));
            data.put(PLAIN, "image " + image.getWidth() + "×" + image.getHeight());
        } else {
            data.put(PLAIN, text(value));
        }
        if (!requested.isEmpty()) {
            data.keySet().removeIf(mime -> !mime.equals(PLAIN) && !requested.contains(mime));
            for (String mime : requested) {
                if (!data.containsKey(mime)) {
                    throw new IllegalArgumentException("cannot show a " + typeName(value) + " as " + mime
                            + "; it can be shown as " + data.keySet());
                }
            }
        }
        return data;
    }

    /** A stable one-line-or-more text form of any value. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value.getClass().isArray()) {
            return arrayText(value);
        }
        if (isLambda(value.getClass())) {
            Class<?>[] interfaces = value.getClass().getInterfaces();
            return "lambda implementing " + (interfaces.length == 0 ? "?" : typeName(interfaces[0]));
        }
        if (!overridesToString(value.getClass())) {
            return typeName(value) + " object";
        }
        return sanitize(String.valueOf(value));
    }

    /** Removes identity hashes and JShell's wrapper class names from text made by toString. */
    static String sanitize(String text) {
        return IDENTITY_HASH.matcher(JSHELL_CLASS.matcher(text).replaceAll("")).replaceAll("$1");
    }

    static String typeName(Object value) {
        return typeName(value.getClass());
    }

    static String typeName(Class<?> type) {
        return cleanClassName(type.getTypeName());
    }

    /**
     * A class name as the user wrote it: JShell's wrappers ({@code REPL.$JShell$12$Point}) are
     * removed, nested classes are written with dots; a bare wrapper gives the empty string.
     */
    static String cleanClassName(String name) {
        String clean = JSHELL_CLASS.matcher(name).replaceAll("");
        if (clean.startsWith("REPL.$JShell$")) {
            return "";
        }
        return clean.replace('$', '.');
    }

    private static boolean isLambda(Class<?> type) {
        return type.isSynthetic() || type.getName().contains("$$Lambda");
    }

    private static boolean overridesToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    private static String arrayText(Object array) {
        int n = Array.getLength(array);
        // Written as Java allocates it: double[2][] for an array of two double[].
        Class<?> base = array.getClass().getComponentType();
        StringBuilder dims = new StringBuilder();
        while (base.isArray()) {
            dims.append("[]");
            base = base.getComponentType();
        }
        StringBuilder sb = new StringBuilder(typeName(base)).append('[').append(n).append(']').append(dims).append(" {");
        for (int i = 0; i < Math.min(n, ARRAY_ELEMENTS); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object element = Array.get(array, i);
            sb.append(element != null && element.getClass().isArray() ? arrayText(element) : text(element));
        }
        if (n > ARRAY_ELEMENTS) {
            sb.append(", … ").append(n - ARRAY_ELEMENTS).append(" more");
        }
        return sb.append('}').toString();
    }

    private static String describeChart(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return typeName(chart.getClass()).replaceFirst("^.*\\.", "")
                + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
                + " (" + chart.getWidth() + "×" + chart.getHeight() + ")";
    }

    static byte[] pngOf(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart as PNG", e);
        }
    }

    private static String svgOf(Chart<?, ?> chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart as SVG", e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] pngOf(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return bytes.toByteArray();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An HTML table: the header, then the first and last rows when there are many. */
    static String html(Table table) {
        int rows = table.rowCount();
        StringBuilder sb = new StringBuilder("<table class=\"phasebook-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            sb.append("<th>").append(escape(column.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int head = rows <= TABLE_ROWS ? rows : TABLE_ROWS / 2;
        for (int r = 0; r < head; r++) {
            row(sb, table, r);
        }
        if (rows > TABLE_ROWS) {
            sb.append("<tr><td colspan=\"").append(table.columnCount()).append("\">… ")
                    .append(rows - TABLE_ROWS).append(" more rows …</td></tr>");
            for (int r = rows - TABLE_ROWS / 2; r < rows; r++) {
                row(sb, table, r);
            }
        }
        return sb.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder sb, Table table, int r) {
        sb.append("<tr>");
        for (Column<?> column : table.columns()) {
            sb.append("<td>").append(escape(column.getString(r))).append("</td>");
        }
        sb.append("</tr>");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
