package org.phasebook.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of a model as plain {@code float} arrays, by name and in order: a checkpoint in
 * memory, and the file format of trained weights.
 *
 * <p><b>File format</b> (big-endian, {@link DataOutputStream}): the 8 bytes
 * {@code "PBWTS001"}, the tensor count (int), then per tensor its name
 * ({@link DataOutputStream#writeUTF}), its rank (int), its dimensions (longs) and its values
 * (IEEE-754 floats, row-major). Python reads it with {@code struct} ({@code ">f"}). A
 * round trip is bit-exact.
 *
 * @param tensors the tensors by name, in order; copied defensively
 */
public record WeightSnapshot(Map<String, Tensor> tensors) {

    private static final byte[] MAGIC = "PBWTS001".getBytes(StandardCharsets.US_ASCII);

    /**
     * One named array.
     *
     * @param shape  its dimensions, each {@code >= 1}
     * @param values its values, row-major; as many as the shape holds
     */
    public record Tensor(long[] shape, float[] values) {

        /** Validates the shape against the values and copies both. */
        public Tensor {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(values, "values");
            long size = 1;
            for (long d : shape) {
                if (d < 1) {
                    throw new IllegalArgumentException("shape entries must be >= 1, got "
                        + Arrays.toString(shape));
                }
                size *= d;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + size + " values, got " + values.length);
            }
            shape = shape.clone();
            values = values.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Tensor" + Arrays.toString(shape);
        }
    }

    /** Copies the map, keeping its order. */
    public WeightSnapshot {
        Objects.requireNonNull(tensors, "tensors");
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one tensor");
        }
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /**
     * The values of one tensor.
     *
     * @param name the tensor's name
     * @return a copy of its values
     * @throws IllegalArgumentException if there is no such tensor
     */
    public float[] values(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor named '" + name + "'; the snapshot holds "
                + tensors.keySet());
        }
        return t.values();
    }

    /**
     * Writes the file format of the class comment, through a temporary file moved into place
     * (so a failed write leaves no half-written file).
     *
     * @param file the file
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(os);
            }
            // Temporary files are private (rw-------); a weights file is shared like any other.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the file format to a stream (not closed).
     *
     * @param stream the stream
     * @throws IOException if writing fails
     */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.write(MAGIC);
        out.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            out.writeUTF(e.getKey());
            long[] shape = e.getValue().shape;
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            for (float v : e.getValue().values) {
                out.writeFloat(v);
            }
        }
        out.flush();
    }

    /**
     * Reads the file format.
     *
     * @param file the file
     * @return the snapshot
     * @throws IOException if reading fails or the file is not in this format
     */
    public static WeightSnapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads the file format from a stream (not closed).
     *
     * @param stream the stream
     * @param source a name for error messages
     * @return the snapshot
     * @throws IOException if reading fails or the stream is not in this format
     */
    public static WeightSnapshot read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + " is not a Phasebook weight file (no PBWTS001 header)");
        }
        int count = in.readInt();
        if (count < 1 || count > 100_000) {
            throw new IOException(source + ": implausible tensor count " + count);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            if (tensors.containsKey(name)) {
                throw new IOException(source + ": tensor '" + name + "' appears twice");
            }
            int rank = in.readInt();
            if (rank < 0 || rank > 8) {
                throw new IOException(source + ": tensor '" + name + "' has rank " + rank);
            }
            long[] shape = new long[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 1 || shape[d] > Integer.MAX_VALUE) {
                    throw new IOException(source + ": tensor '" + name + "' has dimension "
                        + shape[d]);
                }
                size *= shape[d];
                if (size > Integer.MAX_VALUE) {
                    throw new IOException(source + ": tensor '" + name + "' is too large");
                }
            }
            float[] values = new float[(int) size];
            for (int j = 0; j < values.length; j++) {
                values[j] = in.readFloat();
            }
            tensors.put(name, new Tensor(shape, values));
        }
        if (in.read() != -1) {
            throw new IOException(source + ": trailing bytes after " + count + " tensors");
        }
        return new WeightSnapshot(tensors);
    }
}
