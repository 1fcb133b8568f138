package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** {@link NativeStaging}: the values arrive, and results outlive the reused buffer. */
class NativeStagingTest {

    @Test
    void resultsHoldTheValuesAfterTheBufferIsReused() {
        try (NDManager m = Torch.start().newManager()) {
            NDArray doubled = NativeStaging.apply(m, new float[] {1, 2, 3, 4, 5, 6},
                new Shape(2, 3), v -> v.mul(2));
            // The op returns the view itself: the result must be a copy.
            NDArray same = NativeStaging.apply(m, new float[] {7, 8}, new Shape(2),
                v -> v.toType(DataType.FLOAT32, false));
            NDArray wide = NativeStaging.apply(m, new float[] {0.1f}, new Shape(1, 1),
                v -> v.toType(DataType.FLOAT64, false));
            // Overwrite the buffer with other, longer data.
            NativeStaging.apply(m, new float[64], new Shape(8, 8), v -> v.add(1)).close();
            assertEquals(new Shape(2, 3), doubled.getShape());
            assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, doubled.toFloatArray());
            assertArrayEquals(new float[] {7, 8}, same.toFloatArray());
            assertEquals(DataType.FLOAT64, wide.getDataType());
            assertArrayEquals(new double[] {0.1f}, wide.toDoubleArray());
        }
    }

    @Test
    void valuesThatDoNotFillTheShapeAreRejected() {
        try (NDManager m = Torch.start().newManager()) {
            assertEquals("values must fill the shape (2, 3) (6 entries), got 5",
                assertThrows(IllegalArgumentException.class, () -> NativeStaging.apply(m,
                    new float[5], new Shape(2, 3), v -> v.mul(2))).getMessage());
        }
    }
}
