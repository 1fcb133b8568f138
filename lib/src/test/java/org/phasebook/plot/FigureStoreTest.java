package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.phasebook.notebook.Scale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FigureStoreTest {

    @TempDir
    Path temp;

    @Test
    void saveWritesPngSvgCsvAndAManifestWhoseHashesMatchTheFiles() throws IOException, NoSuchAlgorithmException {
        FigureStore figures = new FigureStore("00-tour", temp.resolve("00-tour"), Scale.QUICK);
        assertEquals(10.0, figures.parameter("sigma", 10.0));
        assertEquals(500, figures.parameter("steps", 500));
        assertEquals("RK4", figures.parameter("method", "RK4"));
        assertEquals(42L, figures.seed("initial condition", 42));
        SavedFigure saved = figures.save(chart(0.5), "lorenz-xz", "The \"x-z\" plane\nof Lorenz — σ = 10", "Fig. 2");

        Path folder = temp.resolve("00-tour");
        assertEquals(List.of("lorenz-xz.png", "lorenz-xz.svg", "lorenz-xz.csv"), List.copyOf(saved.files().keySet()));
        for (Map.Entry<String, String> file : saved.files().entrySet()) {
            assertEquals(sha256(Files.readAllBytes(folder.resolve(file.getKey()))), file.getValue(), file.getKey());
        }
        BufferedImage png = ImageIO.read(folder.resolve("lorenz-xz.png").toFile());
        assertEquals(ChartStyle.WIDTH, png.getWidth());
        assertEquals(ChartStyle.HEIGHT, png.getHeight());
        String svg = Files.readString(folder.resolve("lorenz-xz.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, 100));
        assertEquals("series,x,y\n"
                + "trajectory,0.0,1.0\n"
                + "trajectory,0.5,0.5\n"
                + "trajectory,1.0,0.25\n"
                + "\"fixed, stable\",0.5,0.0\n", Files.readString(folder.resolve("lorenz-xz.csv")));

        Map<?, ?> manifest = (Map<?, ?>) MiniJson.parse(Files.readString(folder.resolve(FigureStore.MANIFEST)));
        assertEquals(List.of("notebook", "scale", "seeds", "parameters", "figures"), List.copyOf(manifest.keySet()));
        assertEquals("00-tour", manifest.get("notebook"));
        assertEquals("quick", manifest.get("scale"));
        assertEquals(Map.of("initial condition", 42L), manifest.get("seeds"));
        assertEquals(Map.of("sigma", 10.0, "steps", 500L, "method", "RK4"), manifest.get("parameters"));
        List<?> entries = (List<?>) manifest.get("figures");
        assertEquals(1, entries.size());
        Map<?, ?> entry = (Map<?, ?>) entries.get(0);
        assertEquals(List.of("name", "caption", "paperFigure", "files"), List.copyOf(entry.keySet()));
        assertEquals("lorenz-xz", entry.get("name"));
        assertEquals("The \"x-z\" plane\nof Lorenz — σ = 10", entry.get("caption"));
        assertEquals("Fig. 2", entry.get("paperFigure"));
        assertEquals(saved.files(), entry.get("files"));
        assertEquals(List.of("lorenz-xz.png", "lorenz-xz.svg", "lorenz-xz.csv"),
                List.copyOf(((Map<?, ?>) entry.get("files")).keySet()));
        assertTrue(Files.readString(folder.resolve(FigureStore.MANIFEST)).chars().allMatch(c -> c < 0x80),
                "the manifest is pure ASCII");
        assertNoTemporaryFiles(folder);
    }

    @Test
    void theSameDataGivesByteIdenticalFilesAndOtherDataDoesNot() throws IOException {
        FigureStore first = new FigureStore("n", temp.resolve("first"), Scale.DEFAULT);
        FigureStore second = new FigureStore("n", temp.resolve("second"), Scale.DEFAULT);
        SavedFigure a = first.save(chart(0.5), "fig", "c", "Fig. 1");
        SavedFigure b = second.save(chart(0.5), "fig", "c", "Fig. 1");
        for (String file : List.of("fig.png", "fig.svg", "fig.csv")) {
            assertArrayEquals(Files.readAllBytes(temp.resolve("first").resolve(file)),
                    Files.readAllBytes(temp.resolve("second").resolve(file)), file);
        }
        assertEquals(a, b);
        assertArrayEquals(Files.readAllBytes(temp.resolve("first").resolve(FigureStore.MANIFEST)),
                Files.readAllBytes(temp.resolve("second").resolve(FigureStore.MANIFEST)));

        SavedFigure changed = second.save(chart(0.5000001), "fig", "c", "Fig. 1");
        for (String file : List.of("fig.png", "fig.csv")) {
            assertFalse(a.files().get(file).equals(changed.files().get(file)), file + " must change with the data");
        }
    }

    @Test
    void theFontIsPinnedForChartsNotMadeByPlots() {
        assumeTrue(ChartStyle.fontIsPinned(), "fonts-dejavu-core is not installed");
        XYChart plain = new XYChart(200, 150);
        plain.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        new FigureStore("n", temp, Scale.DEFAULT).save(plain, "plain", "c", "Fig. 1");
        assertEquals("DejaVu Sans", plain.getStyler().getAxisTickLabelsFont().getFamily(Locale.ROOT));
        assertEquals("DejaVu Sans", plain.getStyler().getChartTitleFont().getFamily(Locale.ROOT));
    }

    @Test
    void savingANameAgainReplacesItsEntryInPlace() throws IOException {
        FigureStore figures = new FigureStore("n", temp, Scale.PAPER);
        figures.save(chart(0.1), "a", "first a", "Fig. 1");
        figures.save(chart(0.2), "b", "b", null);
        figures.save(chart(0.3), "a", "second a", "Fig. 1b");
        assertEquals(List.of("a", "b"), figures.figures().stream().map(SavedFigure::name).toList());
        List<?> entries = (List<?>) ((Map<?, ?>) MiniJson.parse(Files.readString(temp.resolve("manifest.json")))).get("figures");
        assertEquals(2, entries.size());
        assertEquals("second a", ((Map<?, ?>) entries.get(0)).get("caption"));
        assertEquals("Fig. 1b", ((Map<?, ?>) entries.get(0)).get("paperFigure"));
        assertEquals(FigureStore.NO_PAPER_FIGURE, ((Map<?, ?>) entries.get(1)).get("paperFigure"));
        assertEquals("—", FigureStore.NO_PAPER_FIGURE);
    }

    @Test
    void anImageIsSavedAsPngOnlyUnlessGivenData() throws IOException {
        BufferedImage lattice = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 4; y++) {
                lattice.setRGB(x, y, (x + y) % 2 == 0 ? Color.BLACK.getRGB() : Color.WHITE.getRGB());
            }
        }
        FigureStore figures = new FigureStore("n", temp, Scale.DEFAULT);
        SavedFigure image = figures.saveImage(lattice, "lattice", "a checkerboard", "Fig. 3a");
        assertEquals(List.of("lattice.png"), List.copyOf(image.files().keySet()));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(temp.resolve("lattice.png"))));
        assertEquals(Color.BLACK.getRGB(), back.getRGB(0, 0));
        assertEquals(Color.WHITE.getRGB(), back.getRGB(1, 0));
        assertFalse(Files.exists(temp.resolve("lattice.svg")));
        assertArrayEquals(FigureStore.png(lattice), Files.readAllBytes(temp.resolve("lattice.png")));

        Table counts = Table.create("counts", IntColumn.create("site", 0, 1), DoubleColumn.create("spin", 1.0, -1.0));
        SavedFigure withData = figures.saveImage(lattice, "lattice-data", "with data", "Fig. 3b", counts);
        assertEquals(List.of("lattice-data.png", "lattice-data.csv"), List.copyOf(withData.files().keySet()));
        assertEquals("site,spin\n0,1.0\n1,-1.0\n", Files.readString(temp.resolve("lattice-data.csv")));
    }

    @Test
    void otherChartsAreSavedWithTheirTable() throws IOException {
        CategoryChart bars = new CategoryChart(300, 200);
        bars.addSeries("counts", List.of("a", "b"), List.of(3, 5));
        DoubleColumn value = DoubleColumn.create("value", 0.1, Double.NaN, 1e-7);
        Table table = Table.create("t", StringColumn.create("label, quoted", "a", "say \"b\"", "c"), value,
                IntColumn.create("n", 1, 2, 3));
        new FigureStore("n", temp, Scale.DEFAULT).save(bars, "bars", "c", "Fig. 4", table);
        assertEquals("\"label, quoted\",value,n\n"
                + "a,0.1,1\n"
                + "\"say \"\"b\"\"\",,2\n"
                + "c,1.0E-7,3\n", Files.readString(temp.resolve("bars.csv"), StandardCharsets.UTF_8));
        assertTrue(Files.exists(temp.resolve("bars.png")));
        assertTrue(Files.exists(temp.resolve("bars.svg")));
    }

    @Test
    void nonFiniteParametersAreStringsInTheManifest() throws IOException {
        FigureStore figures = new FigureStore("n", temp, Scale.DEFAULT);
        figures.parameter("beta", Double.POSITIVE_INFINITY);
        figures.parameter("periodic", true);
        figures.save(chart(0.5), "f", "c", "Fig. 1");
        Map<?, ?> manifest = (Map<?, ?>) MiniJson.parse(Files.readString(temp.resolve("manifest.json")));
        assertEquals(Map.of("beta", "Infinity", "periodic", true), manifest.get("parameters"));
    }

    @Test
    void badNamesAndEmptyChartsAreRefusedWithAdvice() {
        FigureStore figures = new FigureStore("n", temp, Scale.DEFAULT);
        IllegalArgumentException extension = assertThrows(IllegalArgumentException.class,
                () -> figures.save(chart(0.5), "lorenz.png", "c", "Fig. 1"));
        assertTrue(extension.getMessage().contains("\"lorenz\""), extension.getMessage());
        assertThrows(IllegalArgumentException.class, () -> figures.save(chart(0.5), "checks", "c", "Fig. 1"));
        assertThrows(IllegalArgumentException.class, () -> figures.save(chart(0.5), "a b", "c", "Fig. 1"));
        assertThrows(IllegalArgumentException.class, () -> figures.save(chart(0.5), "../up", "c", "Fig. 1"));
        assertThrows(IllegalArgumentException.class, () -> figures.parameter(" ", 1.0));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> figures.save(Plots.line("empty", "x", "y"), "empty", "c", "Fig. 1"));
        assertTrue(empty.getMessage().contains("addSeries"), empty.getMessage());
        assertTrue(figures.figures().isEmpty());
        assertFalse(Files.exists(temp.resolve("manifest.json")));
    }

    @Test
    void theStoreKnowsItsNotebookFolderAndScale() {
        FigureStore figures = new FigureStore("07-ising", temp.resolve("x"), Scale.PAPER);
        assertEquals("07-ising", figures.notebook());
        assertEquals(temp.resolve("x").toAbsolutePath(), figures.folder());
        assertEquals(Scale.PAPER, figures.scale());
        assertNotNull(figures.manifest());
    }

    /** A small chart whose middle point is {@code (0.5, middle)}, with a series name that needs quoting. */
    private static XYChart chart(double middle) {
        XYChart chart = Plots.line("Test σ", "x", "y");
        chart.addSeries("trajectory", new double[] {0, 0.5, 1}, new double[] {1, middle, 0.25});
        Plots.addPoints(chart, "fixed, stable", new double[] {0.5}, new double[] {0});
        return chart;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("lorenz-xz.csv", "lorenz-xz.png", "lorenz-xz.svg", "manifest.json"), names);
        }
    }
}
