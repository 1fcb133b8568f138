package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = Torch.start().newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /**
     * Adam keeps its numbers as 0-d float64 arrays; the update must be, bit for bit in float32,
     * the one written with DJL's {@code mul(Number)} and the like (each of which wraps its
     * number in such an array), with weight decay and a changing learning rate.
     */
    @Test
    void float32StepsEqualTheNumberOperationsBitForBit() {
        AdamParameters p = new AdamParameters(3e-3, 0.9, 0.99, 1e-8);
        float[] x = {0.5f, -1.25f, 2.0f, 0.0f, 3e-5f, -7.5f};
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        NDArray param = manager.create(x.clone());
        NDArray reference = manager.create(x.clone());
        NDArray m = reference.zerosLike();
        NDArray v = reference.zerosLike();
        try (Adam adam = new Adam(p)) {
            for (int t = 1; t <= 5; t++) {
                float[] g = new float[x.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) random.nextGaussian();
                }
                double lr = 1e-3 * t;
                double decay = t % 2 == 0 ? 0.01 : 0;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    adam.step(List.of(param), List.of(manager.create(g)), lr, decay);
                    NDArray grad = manager.create(g);
                    if (decay > 0) {
                        grad = grad.add(reference.mul(decay));
                    }
                    m.muli(0.9).addi(grad.mul(1 - 0.9));
                    v.muli(0.99).addi(grad.mul(grad).muli(1 - 0.99));
                    NDArray denominator = v.sqrt().divi(Math.sqrt(1 - Math.pow(0.99, t)))
                        .addi(p.epsilon());
                    reference.subi(m.div(denominator).muli(lr / (1 - Math.pow(0.9, t))));
                }
                assertArrayEquals(reference.toFloatArray(), param.toFloatArray(), 0f,
                    "step " + t);
            }
        }
    }

    @Test
    void twoStepsFollowTorchsFormula() {
        AdamParameters p = new AdamParameters(0.01, 0.9, 0.9, 1e-8);
        double[] x = {0.5, -1.25, 2.0, 0.0};
        double[] g1 = {0.3, -0.2, 1e-9, 4.0};
        double[] g2 = {-0.1, -0.4, 2e-9, 0.0};
        // torch.optim.Adam, written out by hand for steps t = 1, 2.
        double[] m = new double[4];
        double[] v = new double[4];
        double[] expected = x.clone();
        double[][] grads = {g1, g2};
        for (int t = 1; t <= 2; t++) {
            double stepSize = p.learningRate() / (1 - Math.pow(0.9, t));
            double bc2 = Math.sqrt(1 - Math.pow(0.9, t));
            for (int i = 0; i < 4; i++) {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.9 * v[i] + 0.1 * g * g;
                expected[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2 + p.epsilon());
            }
        }
        NDArray param = manager.create(x);
        try (Adam adam = new Adam(p)) {
            // The first step inside a scope: the moments must survive it.
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                adam.step(List.of(param), List.of(manager.create(g1)));
            }
            NDArray gradient = manager.create(g2);
            adam.step(List.of(param), List.of(gradient));
            assertEquals(2, adam.steps());
            assertArrayEquals(g2, gradient.toDoubleArray(), 0.0, "the gradient is not modified");
        }
        double[] actual = param.toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], actual[i], 1e-15 * Math.max(1, Math.abs(expected[i])),
                "entry " + i);
        }
        assertTrue(Math.abs(actual[1] - x[1] - 0.02) < 1e-3, "two steps of about lr each");
    }

    @Test
    void coupledWeightDecayAndAScheduledRateFollowTorch() {
        // torch.optim.Adam(weight_decay=wd): g <- g + wd p, then the usual update with the
        // learning rate of the step (a scheduler changes param_group["lr"] between steps).
        double wd = 0.05;
        double[] rates = {0.01, 0.004};
        double[] x = {0.5, -1.25, 2.0};
        double[][] grads = {{0.3, -0.2, 0.0}, {-0.1, -0.4, 0.7}};
        double[] m = new double[3];
        double[] v = new double[3];
        double[] expected = x.clone();
        for (int t = 1; t <= 2; t++) {
            double stepSize = rates[t - 1] / (1 - Math.pow(0.9, t));
            double bc2 = Math.sqrt(1 - Math.pow(0.999, t));
            for (int i = 0; i < 3; i++) {
                double g = grads[t - 1][i] + wd * expected[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                expected[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2 + 1e-8);
            }
        }
        NDArray param = manager.create(x);
        try (Adam adam = new Adam(AdamParameters.torchDefaults())) {
            for (int t = 0; t < 2; t++) {
                NDArray g = manager.create(grads[t]);
                adam.step(List.of(param), List.of(g), rates[t], wd);
                assertArrayEquals(grads[t], g.toDoubleArray(), 0.0, "the gradient is kept");
            }
            assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(param), List.of(manager.create(grads[0])), 0, 0));
            assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(param), List.of(manager.create(grads[0])), 0.1, -1));
        }
        double[] actual = param.toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], actual[i], 1e-15 * Math.max(1, Math.abs(expected[i])),
                "entry " + i);
        }
        // The decay acts on the third entry, whose first gradient is 0: without it, no move.
        assertTrue(actual[2] < x[2] - 1e-3);
    }

    @Test
    void updatesParametersThatRequireAGradientAndFloats() {
        NDArray param = manager.create(new float[] {1f, 2f});
        param.setRequiresGradient(true);
        try (Adam adam = new Adam(AdamParameters.paper())) {
            adam.step(List.of(param), List.of(manager.create(new float[] {1f, -1f})));
        }
        float[] v = param.toFloatArray();
        assertEquals(1f - 1e-3f, v[0], 1e-7f);
        assertEquals(2f + 1e-3f, v[1], 1e-7f);
    }

    @Test
    void rejectsMismatchedLists() {
        try (Adam adam = new Adam(AdamParameters.paper())) {
            NDArray a = manager.create(new float[] {1f, 2f});
            NDArray b = manager.create(new float[] {1f, 2f, 3f});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(a), List.of(b)));
            assertTrue(e.getMessage().contains("gradient 0 must match"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> adam.step(List.of(a), List.of()));
            adam.step(List.of(a), List.of(a.zerosLike()));
            e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(a, b), List.of(a, b)));
            assertTrue(e.getMessage().contains("started with 1"), e.getMessage());
        }
    }

    @Test
    void parametersAreValidatedWithTheirNames() {
        assertEquals(new AdamParameters(1e-3, 0.9, 0.9, 1e-8), AdamParameters.paper());
        assertEquals(0.999, AdamParameters.torchDefaults().beta2());
        String[][] cases = {
            {"learningRate", "0", "0.9", "0.9", "1e-8"},
            {"learningRate", "NaN", "0.9", "0.9", "1e-8"},
            {"beta1", "1e-3", "1", "0.9", "1e-8"},
            {"beta2", "1e-3", "0.9", "-0.1", "1e-8"},
            {"epsilon", "1e-3", "0.9", "0.9", "-1"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdamParameters(Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Double.parseDouble(c[4])));
            assertTrue(e.getMessage().startsWith(c[0]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Adam(null));
    }
}
