package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, PyTorch-style initialisation, validation, immutability and the bit-exact file format. */
class RnnWeightsTest {

    @Test
    void randomWeightsHaveTheShapesAndThePyTorchBound() {
        RnnWeights w = RnnWeights.random(50, 10, 3, new SplittableRandom(1));
        assertEquals(50, w.hidden());
        assertEquals(10, w.inputs());
        assertEquals(3, w.outputs());
        double bound = 1.0 / Math.sqrt(50);
        double sum = 0.0;
        double squares = 0.0;
        int n = 0;
        for (double[][] m : new double[][][] {w.inputWeights(), w.recurrentWeights(), w.readoutWeights()}) {
            for (double[] row : m) {
                for (double v : row) {
                    assertTrue(v >= -bound && v < bound, "entry " + v + " outside the bound " + bound);
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
        }
        // U(-b, b): mean 0, variance b^2/3; 3,150 entries give standard errors of about 2 %.
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        assertEquals(0.0, mean, 4 * bound / Math.sqrt(3 * n));
        assertEquals(bound * bound / 3, variance, 0.1 * bound * bound / 3);
        assertEquals(w, RnnWeights.random(50, 10, 3, new SplittableRandom(1)), "same seed, same weights");
        assertNotEquals(w, RnnWeights.random(50, 10, 3, new SplittableRandom(2)));
    }

    @Test
    void accessorsReturnCopiesAndTheConstructorCopiesItsArguments() {
        double[][] wih = {{1.0}, {2.0}};
        double[][] whh = {{0.1, 0.2}, {0.3, 0.4}};
        double[][] a = {{1.0, -1.0}};
        RnnWeights w = new RnnWeights(wih, whh, a);
        wih[0][0] = 99.0;
        w.recurrentWeights()[0][0] = 99.0;
        w.readoutWeights()[0][1] = 99.0;
        assertEquals(1.0, w.inputWeights()[0][0]);
        assertEquals(0.1, w.recurrentWeights()[0][0]);
        assertEquals(-1.0, w.readoutWeights()[0][1]);
    }

    @Test
    void badShapesAndValuesAreRejectedNamingTheMatrix() {
        double[][] whh = {{0.1, 0.2}, {0.3, 0.4}};
        double[][] a = {{1.0, -1.0}};
        assertMessage("W_ih", () -> new RnnWeights(new double[][] {{1.0}}, whh, a));
        assertMessage("W_ih", () -> new RnnWeights(new double[][] {{1.0}, {1.0, 2.0}}, whh, a));
        assertMessage("W_hh", () -> new RnnWeights(new double[][] {{1.0}, {1.0}}, new double[][] {{0.1, 0.2}}, a));
        assertMessage("A", () -> new RnnWeights(new double[][] {{1.0}, {1.0}}, whh, new double[][] {{1.0}}));
        assertMessage("W_hh", "[1][0]", () -> new RnnWeights(new double[][] {{1.0}, {1.0}},
                new double[][] {{0.1, 0.2}, {Double.NaN, 0.4}}, a));
        assertMessage("(A)", "[0][1]", () -> new RnnWeights(new double[][] {{1.0}, {1.0}}, whh,
                new double[][] {{1.0, Double.POSITIVE_INFINITY}}));
        assertMessage("W_ih", () -> new RnnWeights(new double[][] {{}, {}}, whh, a));
        assertMessage("hidden", () -> RnnWeights.random(0, 1, 1, new SplittableRandom(1)));
        assertMessage("outputs", () -> RnnWeights.random(2, 1, 0, new SplittableRandom(1)));
    }

    @Test
    void saveAndLoadRoundTripBitForBit(@TempDir Path dir) throws IOException {
        RnnWeights random = RnnWeights.random(20, 7, 3, new SplittableRandom(3));
        Path file = dir.resolve("w.txt");
        random.save(file);
        RnnWeights back = RnnWeights.load(file);
        assertEquals(random, back);
        assertBitsEqual(random.recurrentWeights(), back.recurrentWeights());
        assertBitsEqual(random.inputWeights(), back.inputWeights());
        assertBitsEqual(random.readoutWeights(), back.readoutWeights());
        // Awkward values: signed zero, subnormals, extremes, and a float widened to double.
        double[][] wih = {{-0.0, Double.MIN_VALUE}, {Double.MAX_VALUE, -Double.MIN_NORMAL}};
        double[][] whh = {{0.1, (double) 0.1f}, {-1.0 / 3.0, Math.nextUp(1.0)}};
        double[][] a = {{Math.PI, -Math.E}, {1e-300, -7.0}, {0.0, 123456.789}};
        RnnWeights odd = new RnnWeights(wih, whh, a);
        RnnWeights oddBack = RnnWeights.fromFileText(odd.toFileText());
        assertBitsEqual(odd.inputWeights(), oddBack.inputWeights());
        assertBitsEqual(odd.recurrentWeights(), oddBack.recurrentWeights());
        assertBitsEqual(odd.readoutWeights(), oddBack.readoutWeights());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(oddBack.inputWeights()[0][0]));
        assertTrue(Files.readString(file).startsWith(RnnWeights.FILE_HEADER + "\n"));
    }

    @Test
    void malformedFilesAreRejectedNamingTheLine() {
        String good = RnnWeights.random(2, 1, 1, new SplittableRandom(4)).toFileText();
        assertThrows(IOException.class, () -> RnnWeights.read(new StringReader("not-a-header\n1 1 1\n")));
        IOException truncated = assertThrows(IOException.class,
                () -> RnnWeights.read(new StringReader(good.substring(0, good.lastIndexOf('\n', good.length() - 2)))));
        assertTrue(truncated.getMessage().contains("A row 0"), truncated.getMessage());
        IOException extra = assertThrows(IOException.class, () -> RnnWeights.read(new StringReader(good + "1.0\n")));
        assertTrue(extra.getMessage().contains("after A"), extra.getMessage());
        IOException longRow = assertThrows(IOException.class, () -> RnnWeights.read(
                new StringReader(RnnWeights.FILE_HEADER + "\n1 1 1\n0x1p0 0x1p0\n0x1p0\n0x1p0\n")));
        assertTrue(longRow.getMessage().contains("W_ih row 0"), longRow.getMessage());
        IOException notNumber = assertThrows(IOException.class,
                () -> RnnWeights.read(new StringReader(RnnWeights.FILE_HEADER + "\n1 1 1\nabc\n0x1p0\n0x1p0\n")));
        assertTrue(notNumber.getMessage().contains("line 3"), notNumber.getMessage());
    }

    private static void assertBitsEqual(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            long[] e = new long[expected[i].length];
            long[] a = new long[actual[i].length];
            for (int j = 0; j < e.length; j++) {
                e[j] = Double.doubleToRawLongBits(expected[i][j]);
                a[j] = Double.doubleToRawLongBits(actual[i][j]);
            }
            assertArrayEquals(e, a, "row " + i);
        }
    }

    private static void assertMessage(String fragment, Executable call) {
        assertMessage(fragment, "", call);
    }

    private static void assertMessage(String fragment, String other, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains(other),
                "message '" + e.getMessage() + "' should name " + fragment + " " + other);
    }
}
