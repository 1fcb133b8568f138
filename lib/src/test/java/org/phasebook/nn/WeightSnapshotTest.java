package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WeightSnapshot}: validation, defensive copies, the documented file layout, bit-exact
 * file round trips and the rejection of damaged files. Plain Java, no engine.
 */
class WeightSnapshotTest {

    private static final float[] AWKWARD = {
        -0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, 1.0f / 3,
        Float.NaN, -7.25f};

    @TempDir
    Path dir;

    /** "w" 3 x 4 of awkward values, "bias" 2, and a scalar (rank 0) "s", in that order. */
    private static WeightSnapshot sample() {
        Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
        t.put("w", new WeightSnapshot.Tensor(new long[] {3, 4}, AWKWARD));
        t.put("bias", new WeightSnapshot.Tensor(new long[] {2}, new float[] {0.5f, -1.5f}));
        t.put("s", new WeightSnapshot.Tensor(new long[0], new float[] {42f}));
        return new WeightSnapshot(t);
    }

    private static void assertBitsEqual(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                what + " entry " + i);
        }
    }

    private static void assertBitExact(WeightSnapshot expected, WeightSnapshot actual) {
        assertEquals(List.copyOf(expected.tensors().keySet()),
            List.copyOf(actual.tensors().keySet()), "names in order");
        for (String name : expected.tensors().keySet()) {
            assertArrayEquals(expected.tensors().get(name).shape(),
                actual.tensors().get(name).shape(), name);
            assertBitsEqual(expected.values(name), actual.values(name), name);
        }
    }

    private static byte[] bytes(WeightSnapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.write(out);
        return out.toByteArray();
    }

    private static WeightSnapshot readBytes(byte[] b) throws IOException {
        return WeightSnapshot.read(new ByteArrayInputStream(b), "test bytes");
    }

    @Test
    void tensorValidatesItsShapeAndCopiesItsArrays() {
        assertThrows(IllegalArgumentException.class,
            () -> new WeightSnapshot.Tensor(new long[] {2, 3}, new float[5]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new WeightSnapshot.Tensor(new long[] {2, 0}, new float[0]));
        assertTrue(e.getMessage().contains("[2, 0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new WeightSnapshot.Tensor(new long[] {-1, -2}, new float[2]));
        assertThrows(NullPointerException.class, () -> new WeightSnapshot.Tensor(null, new float[1]));

        long[] shape = {2};
        float[] values = {1, 2};
        WeightSnapshot.Tensor t = new WeightSnapshot.Tensor(shape, values);
        shape[0] = 5;
        values[0] = 99;
        assertArrayEquals(new long[] {2}, t.shape());
        assertArrayEquals(new float[] {1, 2}, t.values());
        t.values()[1] = 77;
        t.shape()[0] = 7;
        assertArrayEquals(new float[] {1, 2}, t.values(), "accessors return copies");
        assertArrayEquals(new long[] {2}, t.shape());
    }

    @Test
    void tensorEqualityComparesBitsNotNumbers() {
        WeightSnapshot.Tensor plus = new WeightSnapshot.Tensor(new long[] {1}, new float[] {0f});
        WeightSnapshot.Tensor minus = new WeightSnapshot.Tensor(new long[] {1}, new float[] {-0f});
        assertNotEquals(plus, minus, "0.0 and -0.0 differ bit for bit");
        assertEquals(plus, new WeightSnapshot.Tensor(new long[] {1}, new float[] {0f}));
        assertNotEquals(plus, new WeightSnapshot.Tensor(new long[] {1, 1}, new float[] {0f}),
            "the shape is part of a tensor");
    }

    @Test
    void snapshotRejectsEmptyMapsAndUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> new WeightSnapshot(Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> sample().values("nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("bias"),
            e.getMessage());
    }

    @Test
    void snapshotCopiesTheMapAndKeepsItsOrder() {
        Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
        t.put("z", new WeightSnapshot.Tensor(new long[] {1}, new float[] {1}));
        t.put("a", new WeightSnapshot.Tensor(new long[] {1}, new float[] {2}));
        WeightSnapshot s = new WeightSnapshot(t);
        t.put("m", new WeightSnapshot.Tensor(new long[] {1}, new float[] {3}));
        assertEquals(List.of("z", "a"), List.copyOf(s.tensors().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> s.tensors().remove("z"));
    }

    @Test
    void streamLayoutIsTheDocumentedOne() throws IOException {
        // Written independently with DataOutputStream from the format in the class comment.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.write("PBWTS001".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(3);
        out.writeUTF("w");
        out.writeInt(2);
        out.writeLong(3);
        out.writeLong(4);
        for (float v : AWKWARD) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
        out.writeUTF("bias");
        out.writeInt(1);
        out.writeLong(2);
        out.writeFloat(0.5f);
        out.writeFloat(-1.5f);
        out.writeUTF("s");
        out.writeInt(0);
        out.writeFloat(42f);
        out.flush();
        assertArrayEquals(expected.toByteArray(), bytes(sample()));
    }

    @Test
    void streamRoundTripIsBitExact() throws IOException {
        WeightSnapshot s = sample();
        WeightSnapshot back = readBytes(bytes(s));
        assertBitExact(s, back);
        assertEquals(s, back);
    }

    @Test
    void fileRoundTripIsBitExactAndLeavesNoTemporaryFile() throws IOException {
        WeightSnapshot s = sample();
        Path file = dir.resolve("nested/deeper/weights.pbw");
        s.write(file);
        assertArrayEquals(bytes(s), Files.readAllBytes(file), "the file holds the stream layout");
        assertBitExact(s, WeightSnapshot.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        // Overwriting replaces the content.
        Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
        t.put("only", new WeightSnapshot.Tensor(new long[] {1}, new float[] {-0f}));
        WeightSnapshot other = new WeightSnapshot(t);
        other.write(file);
        assertBitExact(other, WeightSnapshot.read(file));
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] b = bytes(sample());
        b[7] = '2';
        IOException e = assertThrows(IOException.class, () -> readBytes(b));
        assertTrue(e.getMessage().contains("test bytes"), "the message names the source: "
            + e.getMessage());
        Path file = dir.resolve("text.txt");
        Files.writeString(file, "hello, this is not a weight file");
        e = assertThrows(IOException.class, () -> WeightSnapshot.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(IOException.class, () -> readBytes(new byte[0]), "an empty file");
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        byte[] b = bytes(sample());
        for (int length = 0; length < b.length; length++) {
            byte[] cut = Arrays.copyOf(b, length);
            int at = length;
            assertThrows(IOException.class, () -> readBytes(cut), "cut at " + at + " of "
                + b.length);
        }
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] b = bytes(sample());
        for (int extra : new int[] {1, 4, 1000}) {
            byte[] longer = Arrays.copyOf(b, b.length + extra);
            IOException e = assertThrows(IOException.class, () -> readBytes(longer));
            assertTrue(e.getMessage().contains("trailing"), e.getMessage());
        }
        // Two snapshots written back to back are not one snapshot.
        byte[] twice = Arrays.copyOf(b, 2 * b.length);
        System.arraycopy(b, 0, twice, b.length, b.length);
        assertThrows(IOException.class, () -> readBytes(twice));
    }

    @Test
    void implausibleHeadersAreRejected() throws IOException {
        for (int count : new int[] {0, -1, 100_001}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write("PBWTS001".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(count);
            out.flush();
            assertThrows(IOException.class, () -> readBytes(bytes.toByteArray()),
                "count " + count);
        }
        for (long dim : new long[] {0, -3, 1L << 40}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write("PBWTS001".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(1);
            out.writeUTF("t");
            out.writeInt(1);
            out.writeLong(dim);
            out.flush();
            assertThrows(IOException.class, () -> readBytes(bytes.toByteArray()),
                "dimension " + dim);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PBWTS001".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(1);
        out.writeUTF("t");
        out.writeInt(-1);
        out.flush();
        assertThrows(IOException.class, () -> readBytes(bytes.toByteArray()), "negative rank");
    }

    @Test
    void duplicateNamesInAFileAreRejected() throws IOException {
        // A file that names a tensor twice cannot come from write(); reading it must not
        // silently keep only one of the two.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PBWTS001".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(2);
        for (float v : new float[] {1f, 2f}) {
            out.writeUTF("t");
            out.writeInt(1);
            out.writeLong(1);
            out.writeFloat(v);
        }
        out.flush();
        assertThrows(IOException.class, () -> readBytes(bytes.toByteArray()));
    }
}
