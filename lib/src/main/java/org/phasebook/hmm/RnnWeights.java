package org.phasebook.hmm;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The weights of the paper's noise-driven ReLU RNN (brief {@code hmm-rnn.md} §3, after Torre
 * et al., arXiv:2510.25674): {@code h_t = ReLU(W_ih x_t + W_hh h_{t-1})}, logits
 * {@code l_t = A h_t}, no biases anywhere.
 *
 * <ul>
 *   <li>{@code inputWeights} is {@code W_ih}, {@code H x d} (PyTorch's {@code weight_ih_l0});</li>
 *   <li>{@code recurrentWeights} is {@code W_hh}, {@code H x H} ({@code weight_hh_l0});</li>
 *   <li>{@code readoutWeights} is {@code A}, {@code K x H} ({@code fc.weight}).</li>
 * </ul>
 *
 * <p>Immutable: the constructor validates and copies its arrays (shapes at least 1, rectangular,
 * mutually consistent, every entry finite; errors name the matrix, the entry and the value), and
 * the accessors return copies. {@link #equals} compares entries bit by bit, so a saved and
 * reloaded record equals the original exactly.
 *
 * <p><b>File format</b> ({@link #save}, {@link #load}): UTF-8 text, one header line
 * {@code phasebook-rnn-weights 1}, a line {@code H d K}, then the {@code H} rows of
 * {@code W_ih}, the {@code H} rows of {@code W_hh} and the {@code K} rows of {@code A}, each row
 * one line of space-separated numbers written by {@link Double#toHexString} (C99 {@code %a}
 * notation, e.g. {@code 0x1.999999999999ap-4}): exact by construction, read back bit for bit by
 * {@link Double#parseDouble}, by C's {@code strtod} and by Python's {@code float.fromhex}.
 * Lines starting with {@code #} are comments. A trainer that holds float weights converts each
 * float to the double of the same value, which this format keeps exactly.
 *
 * @param inputWeights     {@code W_ih}, {@code H x d}
 * @param recurrentWeights {@code W_hh}, {@code H x H}
 * @param readoutWeights   {@code A}, {@code K x H}
 */
public record RnnWeights(double[][] inputWeights, double[][] recurrentWeights, double[][] readoutWeights) {

    /** The first line of a weights file; the number is the format version. */
    public static final String FILE_HEADER = "phasebook-rnn-weights 1";

    /** Validates shapes and values, then keeps copies. */
    public RnnWeights {
        int h = rows("recurrentWeights (W_hh)", recurrentWeights);
        checkMatrix("recurrentWeights (W_hh)", recurrentWeights, h, h);
        if (rows("inputWeights (W_ih)", inputWeights) != h) {
            throw new IllegalArgumentException("inputWeights (W_ih) must have H = " + h
                    + " rows (as W_hh is " + h + " x " + h + "), got " + inputWeights.length);
        }
        int d = columns("inputWeights (W_ih)", inputWeights);
        checkMatrix("inputWeights (W_ih)", inputWeights, h, d);
        int k = rows("readoutWeights (A)", readoutWeights);
        checkMatrix("readoutWeights (A)", readoutWeights, k, h);
        inputWeights = copy(inputWeights);
        recurrentWeights = copy(recurrentWeights);
        readoutWeights = copy(readoutWeights);
    }

    /**
     * Weights drawn as PyTorch initialises {@code nn.RNN} and {@code nn.Linear(H, K)} (brief §3):
     * every entry of {@code W_ih}, {@code W_hh} and {@code A} i.i.d. uniform on
     * {@code [-1/sqrt(H), 1/sqrt(H))}, as {@code (2u - 1)/sqrt(H)} from one
     * {@link SplittableRandom#nextDouble()} {@code u} per entry, drawn row by row in the order
     * {@code W_ih}, {@code W_hh}, {@code A}.
     *
     * @param hidden  {@code H >= 1}
     * @param inputs  {@code d >= 1}
     * @param outputs {@code K >= 1}
     * @param random  the generator, advanced by {@code H d + H H + K H} doubles
     * @return the weights
     */
    public static RnnWeights random(int hidden, int inputs, int outputs, SplittableRandom random) {
        positive("hidden (H)", hidden);
        positive("inputs (d)", inputs);
        positive("outputs (K)", outputs);
        Objects.requireNonNull(random, "random");
        double bound = 1.0 / Math.sqrt(hidden);
        double[][] wih = uniform(hidden, inputs, bound, random);
        double[][] whh = uniform(hidden, hidden, bound, random);
        double[][] a = uniform(outputs, hidden, bound, random);
        return new RnnWeights(wih, whh, a);
    }

    /** {@code H}: the number of hidden units. */
    public int hidden() {
        return recurrentWeights.length;
    }

    /** {@code d}: the dimension of the noise input. */
    public int inputs() {
        return inputWeights[0].length;
    }

    /** {@code K}: the number of output symbols (rows of the readout). */
    public int outputs() {
        return readoutWeights.length;
    }

    /** A copy of {@code W_ih}, {@code H x d}. */
    @Override
    public double[][] inputWeights() {
        return copy(inputWeights);
    }

    /** A copy of {@code W_hh}, {@code H x H}. */
    @Override
    public double[][] recurrentWeights() {
        return copy(recurrentWeights);
    }

    /** A copy of {@code A}, {@code K x H}. */
    @Override
    public double[][] readoutWeights() {
        return copy(readoutWeights);
    }

    /** Writes the weights to {@code file} in the format of the class comment (UTF-8). */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        }
    }

    /** Reads weights written by {@link #save}; errors name the line. */
    public static RnnWeights load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** Writes the weights in the format of the class comment; does not close {@code out}. */
    public void write(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(FILE_HEADER + "\n");
        out.write("# H d K, then W_ih (H rows), W_hh (H rows), A (K rows); Double.toHexString values\n");
        out.write(hidden() + " " + inputs() + " " + outputs() + "\n");
        for (double[][] m : new double[][][] {inputWeights, recurrentWeights, readoutWeights}) {
            for (double[] row : m) {
                StringBuilder line = new StringBuilder(row.length * 24);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) {
                        line.append(' ');
                    }
                    line.append(Double.toHexString(row[j]));
                }
                out.write(line.append('\n').toString());
            }
        }
        out.flush();
    }

    /** Reads weights in the format of the class comment; does not close {@code in}. */
    public static RnnWeights read(Reader in) throws IOException {
        Objects.requireNonNull(in, "in");
        LineSource lines = new LineSource(in instanceof BufferedReader b ? b : new BufferedReader(in));
        String header = lines.next("the header");
        if (!header.strip().equals(FILE_HEADER)) {
            throw new IOException("line " + lines.number + ": expected header '" + FILE_HEADER + "', got '"
                    + header + "'");
        }
        double[] sizes = lines.numbers("the sizes H d K", 3);
        int h = size(sizes[0], "H", lines.number);
        int d = size(sizes[1], "d", lines.number);
        int k = size(sizes[2], "K", lines.number);
        double[][] wih = lines.matrix("W_ih", h, d);
        double[][] whh = lines.matrix("W_hh", h, h);
        double[][] a = lines.matrix("A", k, h);
        String rest = lines.nextOrNull();
        if (rest != null) {
            throw new IOException("line " + lines.number + ": unexpected content after A: '" + rest + "'");
        }
        return new RnnWeights(wih, whh, a);
    }

    /** The file text of these weights (see {@link #write}). */
    public String toFileText() {
        StringWriter s = new StringWriter();
        try {
            write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** Parses {@link #toFileText()} output. */
    public static RnnWeights fromFileText(String text) {
        try {
            return read(new StringReader(Objects.requireNonNull(text, "text")));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a weights text: " + e.getMessage(), e);
        }
    }

    /** Bit-for-bit equality of all three matrices ({@link Arrays#deepEquals}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RnnWeights w && Arrays.deepEquals(inputWeights, w.inputWeights)
                && Arrays.deepEquals(recurrentWeights, w.recurrentWeights)
                && Arrays.deepEquals(readoutWeights, w.readoutWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(inputWeights), Arrays.deepHashCode(recurrentWeights),
                Arrays.deepHashCode(readoutWeights));
    }

    @Override
    public String toString() {
        return "RnnWeights[H=" + hidden() + ", d=" + inputs() + ", K=" + outputs() + "]";
    }

    /** Direct access for the classes of this package, which never modify the arrays. */
    double[][] wih() {
        return inputWeights;
    }

    double[][] whh() {
        return recurrentWeights;
    }

    double[][] readout() {
        return readoutWeights;
    }

    private static int rows(String name, double[][] m) {
        Objects.requireNonNull(m, name);
        if (m.length == 0) {
            throw new IllegalArgumentException(name + " must have at least 1 row, got 0");
        }
        return m.length;
    }

    private static int columns(String name, double[][] m) {
        if (m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least 1 column, got 0 in row 0");
        }
        return m[0].length;
    }

    private static void checkMatrix(String name, double[][] m, int rows, int cols) {
        if (m.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows, got " + m.length);
        }
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException(name + " must be " + rows + " x " + cols + ": row " + i
                        + " has length " + (m[i] == null ? "null" : m[i].length));
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, got "
                            + m[i][j]);
                }
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static double[][] uniform(int rows, int cols, double bound, SplittableRandom random) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (2.0 * random.nextDouble() - 1.0) * bound;
            }
        }
        return m;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    private static int size(double v, String name, int line) throws IOException {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new IOException("line " + line + ": " + name + " must be a positive integer, got " + v);
        }
        return (int) v;
    }

    /** Non-comment lines of a reader, with the current line number for error messages. */
    private static final class LineSource {
        private final BufferedReader reader;
        private int number;

        LineSource(BufferedReader reader) {
            this.reader = reader;
        }

        String nextOrNull() throws IOException {
            String line;
            do {
                line = reader.readLine();
                number++;
                if (line == null) {
                    return null;
                }
            } while (line.isBlank() || line.stripLeading().startsWith("#"));
            return line;
        }

        String next(String what) throws IOException {
            String line = nextOrNull();
            if (line == null) {
                throw new IOException("line " + number + ": end of input, expected " + what);
            }
            return line;
        }

        double[] numbers(String what, int count) throws IOException {
            String[] parts = next(what).strip().split("\\s+");
            if (parts.length != count) {
                throw new IOException("line " + number + ": " + what + " must have " + count
                        + " numbers, got " + parts.length);
            }
            double[] v = new double[count];
            for (int j = 0; j < count; j++) {
                try {
                    v[j] = Double.parseDouble(parts[j]);
                } catch (NumberFormatException e) {
                    throw new IOException("line " + number + ": " + what + ", entry " + j + " is not a number: '"
                            + parts[j] + "'", e);
                }
            }
            return v;
        }

        double[][] matrix(String name, int rows, int cols) throws IOException {
            double[][] m = new double[rows][];
            for (int i = 0; i < rows; i++) {
                m[i] = numbers(name + " row " + i, cols);
            }
            return m;
        }
    }
}
