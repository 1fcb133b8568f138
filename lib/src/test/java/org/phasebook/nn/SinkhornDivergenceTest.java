package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SinkhornDivergenceTest {

    private static final SinkhornDivergence PAPER =
        new SinkhornDivergence(SinkhornParameters.paper());

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

    @Test
    void gradientSurvivesGarbageCollectionBeforeTheBackwardPass() throws InterruptedException {
        // DJL wraps the numbers of mul(Number), div(Number) and maximum(Number) in arrays over
        // Java direct buffers and closes them at once; if autograd kept one for the backward
        // pass, a GC before backward() would free its memory and the gradient would be NaN or
        // garbage. Collect (and reuse the freed native memory) between forward and backward.
        SplittableRandom random = new SplittableRandom(21);
        double[][] xs = gaussian(random, 40, 5, 0, 1);
        double[][] ys = gaussian(random, 30, 5, 0.3, 1);
        float[] expected = null;
        for (boolean collect : new boolean[] {false, true}) {
            NDArray x = manager.create(xs).toType(DataType.FLOAT32, true);
            x.setRequiresGradient(true);
            NDArray y = manager.create(ys).toType(DataType.FLOAT32, true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray s = PAPER.divergence(x, y);
                if (collect) {
                    java.util.List<java.nio.ByteBuffer> reuse = new java.util.ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        System.gc();
                        Thread.sleep(20);
                        for (int j = 0; j < 500; j++) {
                            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(8);
                            b.putDouble(0, Double.NaN);
                            reuse.add(b);
                        }
                    }
                }
                collector.backward(s);
            }
            float[] g = x.getGradient().toFloatArray();
            if (expected == null) {
                expected = g;
            } else {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, g, 0f);
            }
        }
    }

    @Test
    void matchesThePlainJavaReferenceInDouble() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 4; trial++) {
            int n = 3 + trial * 2;
            int m = 8 - trial;
            double[][] x = gaussian(random, n, 3, 0, 0.5 + trial);
            double[][] y = gaussian(random, m, 3, 0.4, 0.5 + trial);
            SinkhornReference.Result ref = SinkhornReference.geomloss(x, y, 0.2, 0.5);
            NDArray xa = manager.create(x);
            NDArray ya = manager.create(y);
            try (SinkhornDivergence.Potentials p = PAPER.potentials(xa, ya)) {
                assertEquals(ref.diameter(), p.diameter(), 1e-14 * ref.diameter());
                assertClose(ref.fab(), p.fab().toDoubleArray(), 1e-12, "f_ab");
                assertClose(ref.gab(), p.gab().toDoubleArray(), 1e-12, "g_ab");
                assertClose(ref.faa(), p.faa().toDoubleArray(), 1e-12, "f_aa");
                assertClose(ref.gbb(), p.gbb().toDoubleArray(), 1e-12, "g_bb");
            }
            Evaluation e = evaluate(PAPER, xa, ya);
            assertEquals(ref.divergence(), e.value(), 1e-12 * (1 + ref.divergence()));
            assertClose(flatten(ref.gradient()), e.gradient(), 1e-12, "∂S/∂x");
        }
    }

    @Test
    void matchesTheReferenceOnOneHotSequences() {
        // Integer costs: many exact ties in the soft-mins, and most terms underflow at ε = 0.04.
        SplittableRandom random = new SplittableRandom(10);
        double[][] x = oneHot(symbols(random, 24, 12));
        double[][] y = oneHot(symbols(random, 20, 12));
        SinkhornReference.Result ref = SinkhornReference.geomloss(x, y, 0.2, 0.5);
        Evaluation e = evaluate(PAPER, manager.create(x), manager.create(y));
        assertEquals(ref.divergence(), e.value(), 1e-12 * ref.divergence());
        assertClose(flatten(ref.gradient()), e.gradient(), 1e-12, "∂S/∂x");
    }

    @Test
    void gradientIsTheFiniteDifferenceOfTheFinalStepAtFixedPotentials() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] x = gaussian(random, 6, 4, 0, 0.7);
        double[][] y = gaussian(random, 5, 4, 0.3, 0.7);
        NDArray xa = manager.create(x);
        NDArray ya = manager.create(y);
        double[] gab;
        double[] faa;
        double eps;
        try (SinkhornDivergence.Potentials p = PAPER.potentials(xa, ya)) {
            gab = p.gab().toDoubleArray();
            faa = p.faa().toDoubleArray();
            eps = p.epsilon();
        }
        double[] autograd = evaluate(PAPER, xa, ya).gradient();
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < x[0].length; d++) {
                double[][] plus = copy(x);
                double[][] minus = copy(x);
                plus[i][d] += h;
                minus[i][d] -= h;
                // The second copy of x (C(x, x.stopGradient())) stays at x.
                double fd = (SinkhornReference.finalStep(plus, x, y, gab, faa, eps)
                    - SinkhornReference.finalStep(minus, x, y, gab, faa, eps)) / (2 * h);
                assertEquals(fd, autograd[i * x[0].length + d], 1e-8,
                    "∂S/∂x[" + i + "][" + d + "]");
            }
        }
    }

    @Test
    void divergenceOfACloudWithItselfIsZero() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = gaussian(random, 9, 5, 1, 2);
        NDArray xa = manager.create(x);
        Evaluation e = evaluate(PAPER, xa, xa);
        assertEquals(0, e.value(), 1e-12);
        // With y = x the pull towards y and the self-transport push cancel exactly.
        for (double v : e.gradient()) {
            assertEquals(0, v, 1e-12);
        }
        NDArray xf = xa.toType(DataType.FLOAT32, false);
        assertEquals(0, PAPER.divergence(xf, xf).getFloat(), 1e-5);
    }

    @Test
    void divergenceIsNonNegative() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(8);
            int m = 1 + random.nextInt(8);
            int dim = 1 + random.nextInt(4);
            double scale = Math.exp(random.nextDouble(-3, 2));
            double shift = random.nextBoolean() ? 0 : scale * random.nextDouble();
            double[][] x = gaussian(random, n, dim, 0, scale);
            double[][] y = gaussian(random, m, dim, shift, scale);
            double s = SinkhornReference.geomloss(x, y, 0.2, 0.5).divergence();
            assertTrue(s >= -1e-12, "reference S = " + s + " in trial " + trial);
            if (trial % 15 == 0) {
                double d = PAPER.divergence(manager.create(x), manager.create(y)).getDouble();
                assertTrue(d >= -1e-12, "S = " + d + " in trial " + trial);
            }
        }
    }

    @Test
    void approachesConvergedEntropicTransportAsTheScheduleRefines() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = gaussian(random, 6, 2, 0, 1);
        double[][] y = gaussian(random, 5, 2, 0.5, 1);
        double exact = SinkhornReference.debiasedEntropic(x, y, 0.04, 1e-8);
        NDArray xa = manager.create(x);
        NDArray ya = manager.create(y);
        double previous = Double.POSITIVE_INFINITY;
        for (double scaling : new double[] {0.5, 0.9, 0.99}) {
            SinkhornDivergence s = new SinkhornDivergence(new SinkhornParameters(0.2, scaling));
            double error = Math.abs(s.divergence(xa, ya).getDouble() - exact);
            assertTrue(error < previous, "scaling " + scaling + ": error " + error
                + " did not shrink from " + previous);
            previous = error;
        }
        // ε-scaling error is about proportional to 1 − scaling (0.2 of S at 0.5 here).
        assertTrue(previous < 0.03 * exact, "error " + previous + " at scaling 0.99, S " + exact);
    }

    @Test
    void smallBlurGivesTheOptimalAssignment() {
        SplittableRandom random = new SplittableRandom(6);
        SinkhornDivergence sharp = new SinkhornDivergence(new SinkhornParameters(0.01, 0.9));
        for (int n = 2; n <= 6; n++) {
            double[][] x = gaussian(random, n, 2, 0, 1);
            double[][] y = gaussian(random, n, 2, 0.3, 1);
            double assignment = SinkhornReference.assignmentCost(x, y);
            double s = sharp.divergence(manager.create(x), manager.create(y)).getDouble();
            // The entropic bias of each OT term is at most ε log N.
            double bound = 2 * sharp.parameters().epsilon() * Math.log(n);
            assertEquals(assignment, s, bound, "N = " + n);
        }
    }

    @Test
    void valueIsTheDivergenceBitForBit() {
        SplittableRandom random = new SplittableRandom(12);
        NDArray x = manager.create(oneHot(symbols(random, 64, 30))).toType(DataType.FLOAT32, false);
        NDArray y = manager.create(oneHot(symbols(random, 64, 30))).toType(DataType.FLOAT32, false);
        assertEquals(PAPER.divergence(x, y).getFloat(), PAPER.value(x, y).getFloat());
        double[][] a = gaussian(random, 12, 3, 0, 1);
        double[][] b = gaussian(random, 9, 3, 0.5, 1);
        assertEquals(PAPER.divergence(manager.create(a), manager.create(b)).getDouble(),
            PAPER.value(manager.create(a), manager.create(b)).getDouble());
    }

    @Test
    void oneHotCostIsTheHammingDistance() {
        SplittableRandom random = new SplittableRandom(7);
        int steps = 30;
        int[][] a = symbols(random, 40, steps);
        int[][] b = symbols(random, 24, steps);
        NDArray x = manager.create(oneHot(a)).toType(DataType.FLOAT32, false);
        NDArray y = manager.create(oneHot(b)).toType(DataType.FLOAT32, false);
        float[] c = SinkhornDivergence.cost(x, y).toFloatArray();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                int hamming = 0;
                for (int t = 0; t < steps; t++) {
                    hamming += a[i][t] != b[j][t] ? 1 : 0;
                }
                assertEquals(hamming, c[i * b.length + j], 0, "pair " + i + ", " + j);
            }
        }
        // Every coordinate takes both values in 64 uniform sequences (checked), so Δ = √(3T).
        assertTrue(everyCoordinateTakesBothValues(oneHot(a), oneHot(b)));
        assertEquals(Math.sqrt(3 * steps), SinkhornDivergence.diameter(x, y), 1e-6);
    }

    @Test
    void float32AgreesWithFloat64OnOneHotBatches() {
        SplittableRandom random = new SplittableRandom(8);
        double[][] x = oneHot(symbols(random, 64, 30));
        double[][] y = oneHot(symbols(random, 64, 30));
        NDArray x64 = manager.create(x);
        NDArray y64 = manager.create(y);
        Evaluation e64 = evaluate(PAPER, x64, y64);
        Evaluation e32 = evaluate(PAPER, x64.toType(DataType.FLOAT32, false),
            y64.toType(DataType.FLOAT32, false));
        assertEquals(e64.value(), e32.value(), 1e-5 * e64.value());
        double[] grad64 = e64.gradient();
        double[] grad32 = e32.gradient();
        for (int k = 0; k < grad64.length; k++) {
            assertEquals(grad64[k], grad32[k], 1e-4 / 64, "component " + k);
        }
    }

    @Test
    void gradientFlowsThroughTheComputationThatMadeX() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] p = gaussian(random, 5, 3, 0, 1);
        double[][] y = gaussian(random, 4, 3, 0.5, 1);
        NDArray ya = manager.create(y);
        NDArray leaf = manager.create(p);
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getEngine(Torch.ENGINE_NAME)
            .newGradientCollector()) {
            // x = 3·p: a non-leaf array, as the output of a network is.
            collector.backward(PAPER.divergence(leaf.mul(3), ya));
        }
        double[] expected = SinkhornReference.geomloss(scale(p, 3), y, 0.2, 0.5).gradient()[0];
        double[] chained = leaf.getGradient().toDoubleArray();
        for (int d = 0; d < 3; d++) {
            assertEquals(3 * expected[d], chained[d], 1e-12);
        }
    }

    @Test
    void argumentsAreValidated() {
        NDArray x = manager.zeros(new ai.djl.ndarray.types.Shape(4, 3), DataType.FLOAT64);
        NDArray wide = manager.zeros(new ai.djl.ndarray.types.Shape(4, 5), DataType.FLOAT64);
        NDArray flat = manager.zeros(new ai.djl.ndarray.types.Shape(4), DataType.FLOAT64);
        NDArray single = manager.zeros(new ai.djl.ndarray.types.Shape(4, 3), DataType.FLOAT32);
        assertMessage(() -> PAPER.divergence(x, wide), "column");
        assertMessage(() -> PAPER.divergence(flat, x), "x must be 2-D");
        assertMessage(() -> PAPER.divergence(x, single), "data type");
        assertThrows(IllegalArgumentException.class, () -> new SinkhornDivergence(null));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** S and ∂S/∂x. */
    private record Evaluation(double value, double[] gradient) {
    }

    /** S and ∂S/∂x for a fresh leaf copy of x, computed inside a gradient collector. */
    private static Evaluation evaluate(SinkhornDivergence divergence, NDArray x, NDArray y) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        double value;
        try (GradientCollector collector = Engine.getEngine(Torch.ENGINE_NAME)
            .newGradientCollector()) {
            NDArray s = divergence.divergence(leaf, y);
            collector.backward(s);
            value = s.toType(DataType.FLOAT64, false).getDouble();
        }
        return new Evaluation(value,
            leaf.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
    }

    private static void assertMessage(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])),
                what + "[" + i + "]");
        }
    }

    private static double[][] gaussian(SplittableRandom random, int n, int dim, double shift,
                                       double scale) {
        double[][] x = new double[n][dim];
        for (double[] p : x) {
            for (int d = 0; d < dim; d++) {
                p[d] = shift + scale * random.nextGaussian();
            }
        }
        return x;
    }

    private static int[][] symbols(SplittableRandom random, int n, int steps) {
        int[][] s = new int[n][steps];
        for (int[] row : s) {
            for (int t = 0; t < steps; t++) {
                row[t] = random.nextInt(3);
            }
        }
        return s;
    }

    private static double[][] oneHot(int[][] symbols) {
        double[][] x = new double[symbols.length][3 * symbols[0].length];
        for (int i = 0; i < symbols.length; i++) {
            for (int t = 0; t < symbols[i].length; t++) {
                x[i][3 * t + symbols[i][t]] = 1;
            }
        }
        return x;
    }

    private static boolean everyCoordinateTakesBothValues(double[][] a, double[][] b) {
        for (int d = 0; d < a[0].length; d++) {
            boolean zero = false;
            boolean one = false;
            for (double[][] cloud : new double[][][] {a, b}) {
                for (double[] p : cloud) {
                    zero |= p[d] == 0;
                    one |= p[d] == 1;
                }
            }
            if (!zero || !one) {
                return false;
            }
        }
        return true;
    }

    private static double[] flatten(double[][] m) {
        double[] f = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * m[0].length, m[0].length);
        }
        return f;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static double[][] scale(double[][] m, double factor) {
        double[][] c = copy(m);
        for (double[] row : c) {
            for (int d = 0; d < row.length; d++) {
                row[d] *= factor;
            }
        }
        return c;
    }
}
