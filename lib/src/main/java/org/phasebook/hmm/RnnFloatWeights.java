package org.phasebook.hmm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The weights of the RNN generator in single precision, as the trainer holds them: row-major
 * {@code W_ih} ({@code H x d}), {@code W_hh} ({@code H x H}) and {@code A} ({@code K x H}),
 * the layout of PyTorch's {@code weight_ih_l0}, {@code weight_hh_l0} and {@code fc.weight}.
 *
 * <p>Immutable: arrays are validated (lengths, finite entries) and copied in and out.
 * {@link #equals} compares bit patterns. {@link #toRnnWeights()} converts to the double
 * matrices of {@link RnnWeights} (every float is a double exactly), which the plain-Java
 * analyses use; {@link #of(RnnWeights)} rounds back to float.
 *
 * <p><b>Binary file</b> ({@link #save}, {@link #load}), big-endian: the 8 ASCII bytes
 * {@code PBRNNF32}, the int32 format version 1, the int32s {@code H}, {@code d}, {@code K},
 * then {@code H d + H H + K H} IEEE-754 single-precision bit patterns, {@code W_ih}, {@code W_hh}
 * and {@code A} row by row; nothing after. NumPy reads it with
 * {@code numpy.fromfile(f, '>f4', offset=24)}. Round trips are bit exact.
 *
 * @param hidden           {@code H >= 1}
 * @param inputs           {@code d >= 1}
 * @param outputs          {@code K >= 1}
 * @param inputWeights     {@code W_ih}, {@code H d} values, row-major
 * @param recurrentWeights {@code W_hh}, {@code H H} values, row-major
 * @param readoutWeights   {@code A}, {@code K H} values, row-major
 */
public record RnnFloatWeights(int hidden, int inputs, int outputs, float[] inputWeights,
                              float[] recurrentWeights, float[] readoutWeights) {

    /** The file's first 8 bytes. */
    public static final String MAGIC = "PBRNNF32";

    /** The format version written after the magic bytes. */
    public static final int VERSION = 1;

    /** Validates sizes and values, then keeps copies. */
    public RnnFloatWeights {
        positive("hidden (H)", hidden);
        positive("inputs (d)", inputs);
        positive("outputs (K)", outputs);
        inputWeights = checked("inputWeights (W_ih)", inputWeights, hidden, inputs);
        recurrentWeights = checked("recurrentWeights (W_hh)", recurrentWeights, hidden, hidden);
        readoutWeights = checked("readoutWeights (A)", readoutWeights, outputs, hidden);
    }

    /**
     * The weights of {@code w} rounded to the nearest floats.
     *
     * @param w double weights
     * @return float weights; {@code of(w).toRnnWeights().equals(w)} when every entry of
     *     {@code w} is a float
     * @throws IllegalArgumentException if an entry overflows the float range
     */
    public static RnnFloatWeights of(RnnWeights w) {
        Objects.requireNonNull(w, "w");
        return new RnnFloatWeights(w.hidden(), w.inputs(), w.outputs(), flat(w.wih()),
            flat(w.whh()), flat(w.readout()));
    }

    /**
     * The same weights as doubles (exactly).
     *
     * @return the weights as {@link RnnWeights}
     */
    public RnnWeights toRnnWeights() {
        return new RnnWeights(matrix(inputWeights, hidden, inputs),
            matrix(recurrentWeights, hidden, hidden), matrix(readoutWeights, outputs, hidden));
    }

    /**
     * The shape and the given noise strength as parameters.
     *
     * @param noiseStd the noise std, finite and {@code > 0}
     * @return {@code new RnnParameters(hidden, inputs, outputs, noiseStd)}
     */
    public RnnParameters parameters(double noiseStd) {
        return new RnnParameters(hidden, inputs, outputs, noiseStd);
    }

    /** @return a copy of {@code W_ih}, row-major */
    @Override
    public float[] inputWeights() {
        return inputWeights.clone();
    }

    /** @return a copy of {@code W_hh}, row-major */
    @Override
    public float[] recurrentWeights() {
        return recurrentWeights.clone();
    }

    /** @return a copy of {@code A}, row-major */
    @Override
    public float[] readoutWeights() {
        return readoutWeights.clone();
    }

    /** Direct access for this package, which never modifies the arrays. */
    float[] wih() {
        return inputWeights;
    }

    float[] whh() {
        return recurrentWeights;
    }

    float[] readout() {
        return readoutWeights;
    }

    /**
     * Writes the binary format of the class comment to {@code file}.
     *
     * @param file the file, created or replaced
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out);
        }
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @param file the file
     * @return the weights, bit for bit as saved
     * @throws IOException if reading fails or the file is not in this format
     */
    public static RnnFloatWeights load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    /**
     * Writes the binary format; does not close {@code out}.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void write(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        data.writeInt(VERSION);
        data.writeInt(hidden);
        data.writeInt(inputs);
        data.writeInt(outputs);
        for (float[] a : new float[][] {inputWeights, recurrentWeights, readoutWeights}) {
            for (float v : a) {
                data.writeInt(Float.floatToRawIntBits(v));
            }
        }
        data.flush();
    }

    /**
     * Reads the binary format; does not close {@code in}, and reads nothing past the weights.
     *
     * @param in the stream
     * @return the weights
     * @throws IOException if reading fails or the data is not in this format
     */
    public static RnnFloatWeights read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length()];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
                throw new IOException("not an RNN weights file: expected the magic bytes " + MAGIC
                    + ", got " + Arrays.toString(magic));
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported weights format version " + version
                    + " (this reader knows " + VERSION + ")");
            }
            int h = data.readInt();
            int d = data.readInt();
            int k = data.readInt();
            if (h < 1 || d < 1 || k < 1 || (long) h * Math.max(h, d) > Integer.MAX_VALUE) {
                throw new IOException("bad sizes in the header: H = " + h + ", d = " + d
                    + ", K = " + k);
            }
            float[] wih = readFloats(data, h * d);
            float[] whh = readFloats(data, h * h);
            float[] a = readFloats(data, k * h);
            try {
                return new RnnFloatWeights(h, d, k, wih, whh, a);
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid weights: " + e.getMessage(), e);
            }
        } catch (EOFException e) {
            throw new IOException("the weights file ends early", e);
        }
    }

    /** Bitwise equality of the sizes and all three arrays. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RnnFloatWeights w && hidden == w.hidden && inputs == w.inputs
            && outputs == w.outputs && bitsEqual(inputWeights, w.inputWeights)
            && bitsEqual(recurrentWeights, w.recurrentWeights)
            && bitsEqual(readoutWeights, w.readoutWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hidden, inputs, outputs, Arrays.hashCode(inputWeights),
            Arrays.hashCode(recurrentWeights), Arrays.hashCode(readoutWeights));
    }

    @Override
    public String toString() {
        return "RnnFloatWeights[H=" + hidden + ", d=" + inputs + ", K=" + outputs + "]";
    }

    private static boolean bitsEqual(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static float[] readFloats(DataInputStream data, int count) throws IOException {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = Float.intBitsToFloat(data.readInt());
        }
        return v;
    }

    private static float[] checked(String name, float[] values, int rows, int cols) {
        Objects.requireNonNull(values, name);
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException(name + " must hold " + rows + " x " + cols + " = "
                + (long) rows * cols + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i / cols + "][" + i % cols
                    + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }

    private static float[] flat(double[][] m) {
        int cols = m[0].length;
        float[] v = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = (float) m[i][j];
            }
        }
        return v;
    }

    private static double[][] matrix(float[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = v[i * cols + j];
            }
        }
        return m;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
