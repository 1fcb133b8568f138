package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RnnFloatWeightsTest {

    private static RnnFloatWeights sample(int h, int d, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] a = {new float[h * d], new float[h * h], new float[k * h]};
        for (float[] v : a) {
            for (int i = 0; i < v.length; i++) {
                // Raw bit patterns: every finite float, subnormals and -0 included.
                float f;
                do {
                    f = Float.intBitsToFloat(r.nextInt());
                } while (!Float.isFinite(f));
                v[i] = f;
            }
        }
        a[0][0] = -0.0f;
        a[1][0] = Float.MIN_VALUE;
        return new RnnFloatWeights(h, d, k, a[0], a[1], a[2]);
    }

    @Test
    void fileRoundTripIsBitExact(@TempDir Path dir) throws IOException {
        RnnFloatWeights w = sample(6, 4, 3, 1);
        Path file = dir.resolve("w.bin");
        w.save(file);
        assertEquals(24 + 4L * (24 + 36 + 18), Files.size(file));
        RnnFloatWeights back = RnnFloatWeights.load(file);
        assertEquals(w, back);
        assertEquals(Float.floatToRawIntBits(-0.0f),
            Float.floatToRawIntBits(back.inputWeights()[0]));
        // The layout is what the class comment promises: magic, version, sizes, big-endian floats.
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[8];
        bytes.get(magic);
        assertEquals("PBRNNF32", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, bytes.getInt());
        assertEquals(6, bytes.getInt());
        assertEquals(4, bytes.getInt());
        assertEquals(3, bytes.getInt());
        assertEquals(Float.floatToRawIntBits(w.inputWeights()[1]),
            Float.floatToRawIntBits(bytes.getFloat(28)));
        assertNotEquals(w, sample(6, 4, 3, 2));
    }

    @Test
    void doubleConversionIsExactBothWays() {
        RnnFloatWeights w = sample(5, 2, 3, 3);
        RnnWeights d = w.toRnnWeights();
        assertEquals(5, d.hidden());
        assertEquals(2, d.inputs());
        assertEquals(3, d.outputs());
        assertEquals((double) w.recurrentWeights()[7], d.recurrentWeights()[1][2], 0.0);
        assertEquals(w, RnnFloatWeights.of(d));
        RnnWeights random = RnnWeights.random(5, 2, 3, new SplittableRandom(4));
        RnnFloatWeights rounded = RnnFloatWeights.of(random);
        assertEquals((float) random.readoutWeights()[2][4], rounded.readoutWeights()[14], 0f);
    }

    @Test
    void accessorsReturnCopies() {
        RnnFloatWeights w = sample(3, 2, 3, 5);
        float[] copy = w.inputWeights();
        copy[0] = 42f;
        assertNotEquals(42f, w.inputWeights()[0]);
        float[] source = new float[9];
        RnnFloatWeights z = new RnnFloatWeights(3, 1, 3, new float[3], source, new float[9]);
        source[0] = 1f;
        assertArrayEquals(new float[9], z.recurrentWeights(), 0f);
    }

    @Test
    void rejectsBadShapesValuesAndFiles() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new RnnFloatWeights(3, 2, 3, new float[5], new float[9], new float[9]));
        assertTrue(e.getMessage().contains("inputWeights (W_ih) must hold 3 x 2 = 6 values, got 5"),
            e.getMessage());
        float[] nan = new float[9];
        nan[4] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class,
            () -> new RnnFloatWeights(3, 2, 3, new float[6], nan, new float[9]));
        assertTrue(e.getMessage().contains("recurrentWeights (W_hh)[1][1] must be finite"),
            e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> new RnnFloatWeights(0, 2, 3, new float[0], new float[0], new float[0]));
        assertTrue(e.getMessage().contains("hidden (H) must be >= 1, got 0"), e.getMessage());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample(3, 2, 3, 6).write(out);
        byte[] good = out.toByteArray();
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        IOException io = assertThrows(IOException.class,
            () -> RnnFloatWeights.read(new ByteArrayInputStream(truncated)));
        assertTrue(io.getMessage().contains("ends early"), io.getMessage());
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 'X';
        io = assertThrows(IOException.class,
            () -> RnnFloatWeights.read(new ByteArrayInputStream(wrongMagic)));
        assertTrue(io.getMessage().contains("magic"), io.getMessage());
        byte[] wrongVersion = good.clone();
        wrongVersion[11] = 9;
        io = assertThrows(IOException.class,
            () -> RnnFloatWeights.read(new ByteArrayInputStream(wrongVersion)));
        assertTrue(io.getMessage().contains("version 9"), io.getMessage());
    }
}
