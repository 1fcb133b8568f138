package org.phasebook.kernel;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.phasebook.notebook.MimeBundle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueRendererTest {

    private static final Pattern HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private static final class NoToString {
    }

    private static XYChart chart() {
        XYChart c = new XYChartBuilder().width(120).height(90).title("Lorenz").build();
        c.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return c;
    }

    @Test
    void plainValuesHaveTheirUsualText() {
        assertEquals("42", ValueRenderer.text(42));
        assertEquals("abc", ValueRenderer.text("abc"));
        assertEquals("null", ValueRenderer.text(null));
        assertEquals("[1, 2]", ValueRenderer.text(List.of(1, 2)));
    }

    @Test
    void objectsWithoutToStringAreShownByTypeNotIdentityHash() {
        String text = ValueRenderer.text(new NoToString());
        assertFalse(HASH.matcher(text).find(), text);
        assertTrue(text.contains("NoToString"), text);
        Object[] nested = {new Object(), new NoToString()};
        assertFalse(HASH.matcher(ValueRenderer.text(nested)).find());
    }

    @Test
    void identityHashesInsideOtherTextAreRemoved() {
        assertEquals("[XYChart, Foo]", ValueRenderer.sanitize("[XYChart@791d73c5, Foo@1a2b3c]"));
        assertEquals("Point", ValueRenderer.sanitize("REPL.$JShell$12$Point"));
    }

    @Test
    void lambdasAreNamedByTheirInterface() {
        Runnable r = () -> { };
        assertEquals("lambda implementing java.lang.Runnable", ValueRenderer.text(r));
    }

    @Test
    void arraysShowTheirElementsAndElideLongOnes() {
        assertEquals("int[3] {1, 2, 3}", ValueRenderer.text(new int[] {1, 2, 3}));
        assertEquals("double[2][] {double[1] {0.5}, double[0] {}}",
                ValueRenderer.text(new double[][] {{0.5}, {}}));
        String big = ValueRenderer.text(new int[1000]);
        assertTrue(big.endsWith(", … 800 more}"), big);
    }

    @Test
    void chartsRenderAsPngWithAStableTextForm() {
        Map<String, String> data = ValueRenderer.render(chart(), List.of());
        assertEquals(List.of(ValueRenderer.PNG, ValueRenderer.PLAIN), List.copyOf(data.keySet()));
        byte[] png = Base64.getDecoder().decode(data.get(ValueRenderer.PNG));
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
        assertEquals("XYChart \"Lorenz\" (120×90)", data.get(ValueRenderer.PLAIN));
    }

    @Test
    void chartsRenderAsSvgOnRequest() {
        Map<String, String> data = ValueRenderer.render(chart(), List.of(ValueRenderer.SVG));
        assertTrue(data.get(ValueRenderer.SVG).contains("<svg"), "svg markup");
        assertFalse(data.containsKey(ValueRenderer.PNG));
        assertTrue(data.containsKey(ValueRenderer.PLAIN));
    }

    @Test
    void aMimeTypeTheValueCannotTakeIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ValueRenderer.render(42, List.of("image/png")));
        assertTrue(e.getMessage().contains("cannot show a java.lang.Integer as image/png"), e.getMessage());
    }

    @Test
    void tablesRenderAsEscapedHtml() {
        Table t = Table.create("summary", StringColumn.create("name", "a<b", "c&d"), DoubleColumn.create("v", 1.5, 2.0));
        Map<String, String> data = ValueRenderer.render(t, List.of());
        String html = data.get(ValueRenderer.HTML);
        assertTrue(html.contains("<caption>summary</caption>"), html);
        assertTrue(html.contains("<th>name</th><th>v</th>"), html);
        assertTrue(html.contains("<td>a&lt;b</td>"), html);
        assertTrue(html.contains("<td>c&amp;d</td>"), html);
        assertTrue(data.get(ValueRenderer.PLAIN).contains("a<b"));
    }

    @Test
    void longTablesKeepHeadAndTail() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        String html = ValueRenderer.html(Table.create("t", DoubleColumn.create("v", v)));
        assertTrue(html.contains("… 60 more rows …"), html);
        assertTrue(html.contains("<td>99</td>") || html.contains("<td>99.0</td>"), "last row kept");
    }

    @Test
    void imagesRenderAsPng() {
        Map<String, String> data = ValueRenderer.render(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), List.of());
        byte[] png = Base64.getDecoder().decode(data.get(ValueRenderer.PNG));
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
        assertEquals("image 4×3", data.get(ValueRenderer.PLAIN));
    }

    @Test
    void mimeBundlesPassThrough() {
        Map<String, String> data = ValueRenderer.render(MimeBundle.html("<b>x</b>", "x"), List.of());
        assertEquals(Map.of("text/html", "<b>x</b>", "text/plain", "x"), data);
    }
}
