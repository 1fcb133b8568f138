package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = Torch.start().newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void scalesAllGradientsByTorchsCoefficient() {
        double[] a = {3.0, 0.0, -1.0};
        double[][] b = {{2.0, -2.0}, {0.5, 1.5}};
        double norm = Math.sqrt(9 + 1 + 4 + 4 + 0.25 + 2.25);
        NDArray ga = manager.create(a);
        NDArray gb = manager.create(b);
        double maxNorm = 0.9;
        double returned = GradientClipping.clipByGlobalNorm(List.of(ga, gb), maxNorm);
        assertEquals(norm, returned, 1e-15 * norm);
        double c = maxNorm / (norm + 1e-6);
        assertEquals(c, GradientClipping.coefficient(norm, maxNorm), 0.0);
        double[] ca = ga.toDoubleArray();
        double[] cb = gb.toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(c * a[i], ca[i], 1e-16);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(c * b[i / 2][i % 2], cb[i], 1e-16);
        }
        // The clipped norm is max_norm·‖g‖/(‖g‖ + 1e-6), a hair below max_norm.
        double after = GradientClipping.globalNorm(List.of(ga, gb));
        assertEquals(maxNorm * norm / (norm + 1e-6), after, 1e-14);
        assertTrue(after < maxNorm);
    }

    /** Float32 gradients scaled as {@code muli(Number)} would, and the norm of the stacked norms. */
    @Test
    void float32ClippingEqualsTheNumberOperationBitForBit() {
        float[] a = {3.25f, 0.0f, -1.5f, 1e-3f};
        float[][] b = {{2.0f, -2.5f, 0.75f}, {0.5f, 1.5f, -4.0f}};
        NDArray ga = manager.create(a);
        NDArray gb = manager.create(b);
        NDArray ra = manager.create(a);
        NDArray rb = manager.create(b);
        double norm = GradientClipping.clipByGlobalNorm(List.of(ga, gb), 0.9);
        NDArray norms = ra.norm().expandDims(0).concat(rb.norm().expandDims(0));
        assertEquals(norms.norm().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble(),
            norm, 0.0);
        double c = GradientClipping.coefficient(norm, 0.9);
        assertArrayEquals(ra.muli(c).toFloatArray(), ga.toFloatArray(), 0f);
        assertArrayEquals(rb.muli(c).toFloatArray(), gb.toFloatArray(), 0f);
    }

    @Test
    void leavesSmallGradientsAlone() {
        float[] g = {0.1f, -0.2f, 0.05f};
        NDArray ga = manager.create(g);
        double norm = GradientClipping.clipByGlobalNorm(List.of(ga), 0.3);
        assertEquals(Math.sqrt(0.01 + 0.04 + 0.0025), norm, 1e-7);
        assertArrayEquals(g, ga.toFloatArray(), 0f);
        assertEquals(1.0, GradientClipping.coefficient(0.0, 0.3));
    }

    @Test
    void rejectsBadArguments() {
        NDArray g = manager.create(new float[] {1f});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GradientClipping.clipByGlobalNorm(List.of(g), 0));
        assertTrue(e.getMessage().contains("maxNorm"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> GradientClipping.clipByGlobalNorm(List.of(), 1));
        NDArray nan = manager.create(new float[] {Float.NaN});
        assertThrows(IllegalStateException.class,
            () -> GradientClipping.clipByGlobalNorm(List.of(nan), 1));
    }
}
