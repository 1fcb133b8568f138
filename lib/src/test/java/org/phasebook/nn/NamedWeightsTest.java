package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NamedWeights}: order and kinds of weights, bit-exact snapshots and loads, failed loads
 * that change nothing, and gradient recording on copies only.
 */
class NamedWeightsTest {

    /** Values a float round trip must keep bit for bit: signed zeros, subnormals, extremes. */
    private static final float[] AWKWARD = {
        -0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -3.5e-39f, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f / 3, (float) Math.PI, -123456.79f};

    private static Torch torch;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        manager = torch.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** Two parameters ("a" 3 x 4, "b" 4) and one buffer ("basis" 2 x 2), with distinct values. */
    private static NamedWeights sample() {
        NamedWeights w = new NamedWeights(manager);
        float[] a = new float[12];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.25f * i - 1.1f;
        }
        w.addParameter("a", w.manager().create(a, new Shape(3, 4)));
        w.addBuffer("basis", w.manager().create(new float[] {1, 0, 0, 1}, new Shape(2, 2)));
        w.addParameter("b", w.manager().create(new float[] {7, -8, 9.5f, 0.125f}));
        return w;
    }

    private static void assertBitsEqual(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                what + " entry " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @Test
    void namesOrderAndCountCoverParametersOnly() {
        try (NamedWeights w = sample()) {
            assertEquals(List.of("a", "b"), w.parameterNames());
            assertEquals(2, w.parameters().size());
            assertEquals(12 + 4, w.count(), "the buffer's 4 entries are not counted");
            assertEquals(List.of("a", "b", "basis"), List.copyOf(w.view().keySet()),
                "the view holds parameters, then buffers");
            assertThrows(UnsupportedOperationException.class,
                () -> w.view().put("c", w.manager().zeros(new Shape(1))));
        }
    }

    @Test
    void snapshotHoldsParametersButNotBuffers() {
        try (NamedWeights w = sample()) {
            WeightSnapshot s = w.snapshot();
            assertEquals(List.of("a", "b"), List.copyOf(s.tensors().keySet()));
            assertArrayEquals(new long[] {3, 4}, s.tensors().get("a").shape());
            assertArrayEquals(new float[] {7, -8, 9.5f, 0.125f}, s.values("b"));
            assertThrows(IllegalArgumentException.class, () -> s.values("basis"));
        }
    }

    @Test
    void snapshotAndLoadAreBitExactForAwkwardValues() {
        try (NamedWeights w = new NamedWeights(manager)) {
            w.addParameter("x", w.manager().create(AWKWARD, new Shape(3, 4)));
            w.addParameter("y", w.manager().zeros(new Shape(AWKWARD.length)));
            WeightSnapshot first = w.snapshot();
            assertBitsEqual(AWKWARD, first.values("x"), "snapshot of x");

            // Load the awkward values into y as well (x reversed) and read them back.
            float[] reversed = new float[AWKWARD.length];
            for (int i = 0; i < reversed.length; i++) {
                reversed[i] = AWKWARD[AWKWARD.length - 1 - i];
            }
            Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
            t.put("x", new WeightSnapshot.Tensor(new long[] {3, 4}, reversed));
            t.put("y", new WeightSnapshot.Tensor(new long[] {AWKWARD.length}, AWKWARD));
            w.load(new WeightSnapshot(t));
            assertBitsEqual(reversed, w.parameters().get(0).toFloatArray(), "loaded x");
            assertBitsEqual(AWKWARD, w.parameters().get(1).toFloatArray(), "loaded y");
            assertEquals(new Shape(3, 4), w.parameters().get(0).getShape());
            assertBitsEqual(AWKWARD, w.snapshot().values("y"), "snapshot after load");
        }
    }

    @Test
    void loadKeepsTheDataTypeOfEachParameter() {
        try (NamedWeights w = new NamedWeights(manager)) {
            w.addParameter("d", w.manager().create(new double[] {0.5, -2.0, 3.0}));
            WeightSnapshot s = w.snapshot();
            assertArrayEquals(new float[] {0.5f, -2f, 3f}, s.values("d"));
            Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
            t.put("d", new WeightSnapshot.Tensor(new long[] {3}, new float[] {-0.0f, 1e-40f, 1.5f}));
            w.load(new WeightSnapshot(t));
            NDArray d = w.parameters().get(0);
            assertEquals(DataType.FLOAT64, d.getDataType());
            double[] v = d.toDoubleArray();
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v[0]));
            assertEquals((double) 1e-40f, v[1], 0.0, "a float subnormal is exact in double");
            assertEquals(1.5, v[2], 0.0);
        }
    }

    @Test
    void loadedValuesSurviveGarbageCollectionOfTheSnapshot() {
        // load must copy into memory libtorch owns, not keep an array over a Java buffer.
        try (NamedWeights w = sample()) {
            float[] expected = new float[12];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (float) Math.sin(i + 0.5);
            }
            Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
            t.put("a", new WeightSnapshot.Tensor(new long[] {3, 4}, expected));
            t.put("b", new WeightSnapshot.Tensor(new long[] {4}, new float[] {1, 2, 3, 4}));
            w.load(new WeightSnapshot(t));
            t = null;
            for (int i = 0; i < 3; i++) {
                byte[][] garbage = new byte[64][];
                for (int j = 0; j < garbage.length; j++) {
                    garbage[j] = new byte[1 << 16];
                }
                System.gc();
            }
            assertBitsEqual(expected, w.parameters().get(0).toFloatArray(), "a after GC");
        }
    }

    @Test
    void loadWithWrongNamesIsRejectedAndChangesNothing() {
        try (NamedWeights w = sample()) {
            WeightSnapshot before = w.snapshot();
            NDArray a = w.parameters().get(0);
            Map<String, WeightSnapshot.Tensor> missing = new LinkedHashMap<>();
            missing.put("a", new WeightSnapshot.Tensor(new long[] {3, 4}, new float[12]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.load(new WeightSnapshot(missing)));
            assertTrue(e.getMessage().contains("b"), e.getMessage());

            Map<String, WeightSnapshot.Tensor> extra = new LinkedHashMap<>(missing);
            extra.put("b", new WeightSnapshot.Tensor(new long[] {4}, new float[4]));
            extra.put("c", new WeightSnapshot.Tensor(new long[] {1}, new float[1]));
            e = assertThrows(IllegalArgumentException.class,
                () -> w.load(new WeightSnapshot(extra)));
            assertTrue(e.getMessage().contains("c"), e.getMessage());

            Map<String, WeightSnapshot.Tensor> renamed = new LinkedHashMap<>(missing);
            renamed.put("basis", new WeightSnapshot.Tensor(new long[] {2, 2}, new float[4]));
            assertThrows(IllegalArgumentException.class,
                () -> w.load(new WeightSnapshot(renamed)), "buffers cannot be loaded");

            assertEquals(before, w.snapshot());
            assertSame(a, w.parameters().get(0), "no parameter was replaced");
            assertBitsEqual(before.values("a"), a.toFloatArray(), "the old array is still open");
        }
    }

    @Test
    void loadWithAWrongShapeIsRejectedAndChangesNothing() {
        try (NamedWeights w = sample()) {
            WeightSnapshot before = w.snapshot();
            // The first tensor is fine, the second has the right size but the wrong shape: a
            // load that replaced parameters one by one before checking would change "a".
            Map<String, WeightSnapshot.Tensor> t = new LinkedHashMap<>();
            t.put("a", new WeightSnapshot.Tensor(new long[] {3, 4}, new float[12]));
            t.put("b", new WeightSnapshot.Tensor(new long[] {2, 2}, new float[4]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.load(new WeightSnapshot(t)));
            assertTrue(e.getMessage().contains("'b'"), e.getMessage());
            Map<String, WeightSnapshot.Tensor> transposed = new LinkedHashMap<>();
            transposed.put("a", new WeightSnapshot.Tensor(new long[] {4, 3}, new float[12]));
            transposed.put("b", new WeightSnapshot.Tensor(new long[] {4}, new float[4]));
            e = assertThrows(IllegalArgumentException.class,
                () -> w.load(new WeightSnapshot(transposed)));
            assertTrue(e.getMessage().contains("'a'"), e.getMessage());
            assertEquals(before, w.snapshot());
        }
    }

    @Test
    void addingADuplicateOrANonFloatingWeightIsRejected() {
        try (NamedWeights w = sample()) {
            NDManager m = w.manager();
            assertThrows(IllegalArgumentException.class,
                () -> w.addParameter("a", m.zeros(new Shape(1))));
            assertThrows(IllegalArgumentException.class,
                () -> w.addBuffer("b", m.zeros(new Shape(1))));
            assertThrows(IllegalArgumentException.class,
                () -> w.addParameter("basis", m.zeros(new Shape(1))));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.addParameter("ints", m.create(new int[] {1, 2})));
            assertTrue(e.getMessage().contains("ints"), e.getMessage());
            assertEquals(List.of("a", "b"), w.parameterNames());
        }
    }

    @Test
    void trainableCopiesRecordGradientsWhileParametersDoNot() {
        try (NamedWeights w = sample(); NDManager scratch = manager.newSubManager()) {
            Map<String, NDArray> copies = w.trainableCopies();
            assertEquals(List.of("a", "b", "basis"), List.copyOf(copies.keySet()));
            NDArray a = copies.get("a");
            NDArray b = copies.get("b");
            assertNotSame(w.parameters().get(0), a);
            assertTrue(a.hasGradient() && b.hasGradient(), "copies record gradients");
            assertSame(w.view().get("basis"), copies.get("basis"), "buffers are shared, not copied");
            assertFalse(copies.get("basis").hasGradient(), "buffers are constants");
            for (NDArray p : w.parameters()) {
                assertFalse(p.hasGradient(), "parameters themselves do not record");
            }
            assertBitsEqual(w.parameters().get(0).toFloatArray(), a.toFloatArray(), "copy of a");

            // loss = Σ a² + Σ (b ⊙ 3): ∂/∂a = 2a, ∂/∂b = 3.
            try (GradientCollector collector = torch.engine().newGradientCollector()) {
                NDArray loss = a.square().sum().add(Scalars.mul(b, 3).sum());
                collector.backward(loss);
            }
            float[] av = a.toFloatArray();
            float[] ga = a.getGradient().toFloatArray();
            for (int i = 0; i < av.length; i++) {
                assertEquals(2 * av[i], ga[i], 1e-6f, "∂/∂a " + i);
            }
            assertArrayEquals(new float[] {3, 3, 3, 3}, b.getGradient().toFloatArray(), 0f);
            for (NDArray p : w.parameters()) {
                assertFalse(p.hasGradient(), "the backward pass did not reach the parameters");
            }
            // Changing a copy leaves the parameter alone.
            WeightSnapshot before = w.snapshot();
            a.stopGradient().muli(scratch.create(0f));
            assertEquals(before, w.snapshot());
        }
    }

    @Test
    void closingFreesEveryArray() {
        NamedWeights w = sample();
        NDArray a = w.parameters().get(0);
        NDArray basis = w.view().get("basis");
        w.close();
        assertTrue(a.isReleased() && basis.isReleased());
    }
}
