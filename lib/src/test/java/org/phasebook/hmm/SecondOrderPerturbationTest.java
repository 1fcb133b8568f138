package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.hmm.SecondOrderPerturbation.Parameters;
import org.phasebook.hmm.SecondOrderPerturbation.ReferenceStarts;

/**
 * The second-order perturbation heuristic: closed forms computed here independently (linear
 * regime, explicit products of masked Jacobians, the exact expectation), exact {@code sigma²}
 * scaling, determinism, validation, and units that are never active.
 */
class SecondOrderPerturbationTest {

    // ---- oracles: independent matrix arithmetic ----

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[] apply(double[][] a, double[] v) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += a[i][j] * v[j];
            }
        }
        return r;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    private static double[][] power(double[][] w, int p) {
        double[][] r = identity(w.length);
        for (int k = 0; k < p; k++) {
            r = multiply(w, r);
        }
        return r;
    }

    /** {@code W diag(mask)}. */
    private static double[][] masked(double[][] w, boolean[] mask) {
        double[][] r = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                r[i][j] = mask[j] ? w[i][j] : 0.0;
            }
        }
        return r;
    }

    /** The masks {@code 1[h_k > 0]} of the reference, by a plain ReLU loop (not RnnDynamics). */
    private static boolean[][] masks(double[][] w, double[] start, int steps) {
        boolean[][] m = new boolean[steps][];
        double[] h = start.clone();
        for (int k = 0; k < steps; k++) {
            m[k] = new boolean[h.length];
            for (int i = 0; i < h.length; i++) {
                m[k][i] = h[i] > 0;
            }
            double[] pre = apply(w, h);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(pre[i], 0.0);
            }
        }
        return m;
    }

    private static double[][] deterministicNoise(int steps, int d, double scale) {
        double[][] noise = new double[steps][d];
        for (int k = 0; k < steps; k++) {
            for (int j = 0; j < d; j++) {
                noise[k][j] = scale * Math.sin(1.3 * k + 0.7 * j + 0.4) + 0.1 * (j - k);
            }
        }
        return noise;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.max(1.0, Math.abs(expected[i])), what + ", unit " + i);
        }
    }

    /** A 3-unit network with a positive {@code W_hh}: from a positive start every unit stays active. */
    private static RnnWeights positiveNetwork() {
        double[][] wih = {{0.8, -0.3}, {-0.5, 0.9}, {0.2, 0.4}};
        double[][] whh = {{0.30, 0.20, 0.10}, {0.15, 0.25, 0.30}, {0.20, 0.10, 0.35}};
        double[][] a = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        return new RnnWeights(wih, whh, a);
    }

    // ---- (a) closed forms ----

    @Test
    void linearRegimeMatchesTheClosedFormWithMatrixPowers() {
        RnnWeights w = positiveNetwork();
        RnnDynamics dyn = new RnnDynamics(w);
        double[] start = {0.4, 0.7, 0.2};
        int steps = 6;
        double[][] noise = deterministicNoise(steps, 2, 1.5);
        double[][] whh = w.recurrentWeights();
        double[][] wih = w.inputWeights();
        for (boolean[] mask : masks(whh, start, steps)) {
            assertArrayEquals(new boolean[] {true, true, true}, mask, "D = I along the reference");
        }
        // With D = I: δ1_u = Σ_{j<=u} W^{u-j} B ω_j and δ2_K = ½ Σ_{u<K} W^{K-u} (δ1_u)².
        double[] expected = new double[3];
        for (int u = 0; u < steps; u++) {
            double[] first = new double[3];
            for (int j = 0; j <= u; j++) {
                double[] term = apply(power(whh, u - j), apply(wih, noise[j]));
                for (int i = 0; i < 3; i++) {
                    first[i] += term[i];
                }
            }
            double[] half = new double[3];
            for (int i = 0; i < 3; i++) {
                half[i] = 0.5 * first[i] * first[i];
            }
            double[] term = apply(power(whh, steps - u), half);
            for (int i = 0; i < 3; i++) {
                expected[i] += term[i];
            }
        }
        double[] actual = SecondOrderPerturbation.secondOrder(dyn, start, noise);
        assertClose(expected, actual, 1e-12, "linear regime");
        assertTrue(Arrays.stream(expected).allMatch(v -> v > 0.01), "the oracle is not trivially small");
    }

    @Test
    void oneStepIsHalfOfWhhTimesTheSquaredInputResponseOfActiveUnits() {
        RnnWeights w = positiveNetwork();
        double[] start = {0.4, 0.0, 0.2};
        double[][] noise = {{0.9, -1.1}};
        double[] b = apply(w.inputWeights(), noise[0]);
        // K = 1: δ2_1 = W_hh D_0 ½ (W_ih ω_0)², D_0 = diag(1[h_0 > 0]) = diag(1, 0, 1).
        double[] half = {0.5 * b[0] * b[0], 0.0, 0.5 * b[2] * b[2]};
        double[] expected = apply(w.recurrentWeights(), half);
        assertClose(expected, SecondOrderPerturbation.secondOrder(new RnnDynamics(w), start, noise), 1e-15, "K = 1");
    }

    @Test
    void maskedRegimeMatchesExplicitProductsOfMaskedJacobians() {
        RnnWeights w = RnnDynamicsTest.weights(7, 3, 3, 2.5, 21);
        RnnDynamics dyn = new RnnDynamics(w);
        double[][] whh = w.recurrentWeights();
        double[][] wih = w.inputWeights();
        double[] start = dyn.noisyTrajectory(15, 1.0, new SplittableRandom(3)).states()[14];
        int steps = 5;
        boolean[][] d = masks(whh, start, steps);
        int on = 0;
        for (boolean[] mask : d) {
            for (boolean b : mask) {
                on += b ? 1 : 0;
            }
        }
        assertTrue(on > 0 && on < 7 * steps, "the masks must be neither all on nor all off, got " + on + " on");
        double[][] noise = deterministicNoise(steps, 3, 1.0);
        // P(u, j) = W D_{u-1} ... W D_j (P(u, u) = I); δ1_u = Σ_{j<=u} P(u, j) B ω_j;
        // δ2_K = Σ_{u<K} P(K, u) ½ (δ1_u)².
        double[] expected = new double[7];
        for (int u = 0; u < steps; u++) {
            double[] first = new double[7];
            for (int j = 0; j <= u; j++) {
                double[][] p = identity(7);
                for (int k = j; k < u; k++) {
                    p = multiply(masked(whh, d[k]), p);
                }
                double[] term = apply(p, apply(wih, noise[j]));
                for (int i = 0; i < 7; i++) {
                    first[i] += term[i];
                }
            }
            double[][] q = identity(7);
            for (int k = u; k < steps; k++) {
                q = multiply(masked(whh, d[k]), q);
            }
            double[] half = new double[7];
            for (int i = 0; i < 7; i++) {
                half[i] = 0.5 * first[i] * first[i];
            }
            double[] term = apply(q, half);
            for (int i = 0; i < 7; i++) {
                expected[i] += term[i];
            }
        }
        assertClose(expected, SecondOrderPerturbation.secondOrder(dyn, start, noise), 1e-12, "masked regime");
    }

    @Test
    void meanOverManyTrialsApproachesTheExactExpectationInTheLinearRegime() {
        RnnWeights w = positiveNetwork();
        double[][] whh = w.recurrentWeights();
        double[][] wih = w.inputWeights();
        int steps = 4;
        double sigma = 0.7;
        // E[(δ1_u)_i²] = sigma² Σ_{j<=u} Σ_m ((W^{u-j} B)_{im})², then E δ2_K = ½ Σ_u W^{K-u} E[(δ1_u)²].
        double[] exact = new double[3];
        for (int u = 0; u < steps; u++) {
            double[] variance = new double[3];
            for (int j = 0; j <= u; j++) {
                double[][] g = multiply(power(whh, u - j), wih);
                for (int i = 0; i < 3; i++) {
                    for (double x : g[i]) {
                        variance[i] += sigma * sigma * x * x;
                    }
                }
            }
            double[] half = new double[3];
            for (int i = 0; i < 3; i++) {
                half[i] = 0.5 * variance[i];
            }
            double[] term = apply(power(whh, steps - u), half);
            for (int i = 0; i < 3; i++) {
                exact[i] += term[i];
            }
        }
        SecondOrderPerturbation p = new SecondOrderPerturbation(new Parameters(steps, 40_000, sigma));
        double[] mean = p.expectedSecondOrder(new RnnDynamics(w), new double[] {0.4, 0.7, 0.2}, new SplittableRandom(8));
        for (int i = 0; i < 3; i++) {
            // 40,000 trials: a standard error below 1 %; 3 % is a wide margin.
            assertEquals(exact[i], mean[i], 0.03 * exact[i], "unit " + i);
        }
    }

    @Test
    void randomTrialsDrawTheDocumentedStandardNormalsTimesSigma() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(9, 4, 3, 2.0, 5));
        double[] start = dyn.noisyTrajectory(12, 1.0, new SplittableRandom(1)).states()[11];
        double sigma = 1.7;
        SecondOrderPerturbation p = new SecondOrderPerturbation(new Parameters(3, 2, sigma));
        SplittableRandom draws = new SplittableRandom(44);
        double[] mean = new double[9];
        for (int trial = 0; trial < 2; trial++) {
            double[][] noise = new double[3][4];
            for (double[] row : noise) {
                for (int j = 0; j < 4; j++) {
                    row[j] = sigma * draws.nextGaussian();
                }
            }
            double[] one = SecondOrderPerturbation.secondOrder(dyn, start, noise);
            for (int i = 0; i < 9; i++) {
                mean[i] += one[i] / 2;
            }
        }
        assertArrayEquals(mean, p.expectedSecondOrder(dyn, start, new SplittableRandom(44)), 1e-15);
    }

    @Test
    void pooledStartsAreTheMeanOfTheSingleStartExpectations() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(10, 4, 3, 2.2, 6));
        SecondOrderPerturbation p = new SecondOrderPerturbation(new Parameters(5, 3, 1.0));
        ReferenceStarts starts = new ReferenceStarts(3, 10, 4);
        SplittableRandom random = new SplittableRandom(12);
        double[][] s = p.noisyStarts(dyn, starts, random);
        RnnTrajectory run = dyn.noisyTrajectory(18, 1.0, new SplittableRandom(12));
        assertArrayEquals(run.states()[9], s[0], 0.0, "first start after the warm-up: h_10");
        assertArrayEquals(run.states()[13], s[1], 0.0, "h_14");
        assertArrayEquals(run.states()[17], s[2], 0.0, "h_18");
        double[] pooled = p.expectedSecondOrder(dyn, s, random);
        SplittableRandom again = new SplittableRandom(12);
        p.noisyStarts(dyn, starts, again);
        double[] mean = new double[10];
        for (double[] start : s) {
            double[] one = p.expectedSecondOrder(dyn, start, again);
            for (int i = 0; i < 10; i++) {
                mean[i] += one[i] / 3;
            }
        }
        assertArrayEquals(mean, pooled, 1e-14);
        assertArrayEquals(SecondOrderPerturbation.magnitude(pooled),
                p.map(dyn, starts, new SplittableRandom(12)), 0.0, "map(starts) = sqrt|pooled E|");
    }

    // ---- (b) scaling with sigma; the reference's scale does not matter ----

    @Test
    void expectationScalesAsSigmaSquaredExactlyForAPowerOfTwo() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 2.2, 7));
        double[] start = dyn.noisyTrajectory(30, 1.0, new SplittableRandom(2)).states()[29];
        double[] unit = new SecondOrderPerturbation(new Parameters(10, 20, 1.0))
                .expectedSecondOrder(dyn, start, new SplittableRandom(9));
        double[] four = new SecondOrderPerturbation(new Parameters(10, 20, 4.0))
                .expectedSecondOrder(dyn, start, new SplittableRandom(9));
        double[] odd = new SecondOrderPerturbation(new Parameters(10, 20, 0.3))
                .expectedSecondOrder(dyn, start, new SplittableRandom(9));
        assertTrue(Arrays.stream(unit).anyMatch(v -> Math.abs(v) > 1e-3), "not trivially zero");
        for (int i = 0; i < 12; i++) {
            assertEquals(16.0 * unit[i], four[i], 0.0, "sigma 4: exactly 16x, unit " + i);
            assertEquals(0.09 * unit[i], odd[i], 1e-12 * Math.max(1.0, Math.abs(unit[i])), "sigma 0.3, unit " + i);
        }
    }

    @Test
    void noisyStartsScaleWithSigmaAndLeaveTheSigmaSquaredLawExact() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 2.2, 8));
        ReferenceStarts starts = new ReferenceStarts(4, 15, 6);
        double[] one = new SecondOrderPerturbation(new Parameters(10, 5, 1.0))
                .map(dyn, starts, new SplittableRandom(10));
        double[] two = new SecondOrderPerturbation(new Parameters(10, 5, 2.0))
                .map(dyn, starts, new SplittableRandom(10));
        for (int i = 0; i < 12; i++) {
            assertEquals(2.0 * one[i], two[i], 0.0, "sqrt|E δ2| scales as sigma, unit " + i);
        }
    }

    @Test
    void onlyTheMasksOfTheReferenceMatterNotItsScale() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 2.2, 9));
        double[] start = dyn.noisyTrajectory(30, 1.0, new SplittableRandom(4)).states()[29];
        double[] scaled = start.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 37.5;
        }
        SecondOrderPerturbation p = new SecondOrderPerturbation(Parameters.PAPER);
        assertArrayEquals(p.expectedSecondOrder(dyn, start, new SplittableRandom(5)),
                p.expectedSecondOrder(dyn, scaled, new SplittableRandom(5)), 0.0);
    }

    // ---- (c) determinism ----

    @Test
    void sameSeedSameMapAndCheckpointsShareTheirDraws() {
        RnnWeights a = RnnDynamicsTest.weights(10, 4, 3, 2.0, 11);
        RnnWeights b = RnnDynamicsTest.weights(10, 4, 3, 2.4, 12);
        RnnWeights c = RnnDynamicsTest.weights(10, 4, 3, 1.6, 13);
        SecondOrderPerturbation p = new SecondOrderPerturbation(new Parameters(10, 6, 1.0));
        ReferenceStarts starts = new ReferenceStarts(3, 20, 5);
        double[] first = p.map(new RnnDynamics(a), starts, new SplittableRandom(77));
        assertArrayEquals(first, p.map(new RnnDynamics(a), starts, new SplittableRandom(77)), 0.0);
        assertFalse(Arrays.equals(first, p.map(new RnnDynamics(a), starts, new SplittableRandom(78))),
                "another seed gives another map");
        List<RnnWeights> checkpoints = List.of(a, b, c, a, b);
        double[][] serial = p.checkpointMaps(checkpoints, starts, 77, 1);
        double[][] parallel = p.checkpointMaps(checkpoints, starts, 77, 2);
        assertEquals(5, serial.length);
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(serial[k], parallel[k], 0.0, "threads do not change row " + k);
            double[] alone = p.map(new RnnDynamics(checkpoints.get(k)), starts, new SplittableRandom(77));
            assertArrayEquals(alone, serial[k], 0.0, "row " + k + " is the checkpoint's map with the seed");
        }
        assertArrayEquals(first, serial[0], 0.0);
        assertArrayEquals(serial[0], serial[3], 0.0, "the same weights give the same column");
        assertFalse(Arrays.equals(serial[0], serial[1]), "other weights give another column");
    }

    // ---- (d) validation ----

    @Test
    void badParametersAreRejectedWithTheirNameAndValue() {
        assertMessage(() -> new Parameters(0, 20, 1.0), "steps", "0");
        assertMessage(() -> new Parameters(10, -3, 1.0), "trials", "-3");
        assertMessage(() -> new Parameters(10, 20, -0.5), "sigma", "-0.5");
        assertMessage(() -> new Parameters(10, 20, Double.NaN), "sigma", "NaN");
        assertMessage(() -> new Parameters(10, 20, Double.POSITIVE_INFINITY), "sigma", "Infinity");
        assertMessage(() -> new ReferenceStarts(0, 20, 5), "count", "0");
        assertMessage(() -> new ReferenceStarts(3, 0, 5), "warmup", "0");
        assertMessage(() -> new ReferenceStarts(3, 20, -1), "spacing", "-1");
        assertMessage(() -> new ReferenceStarts(Integer.MAX_VALUE, 20, 5), "count", "spacing");

        RnnDynamics dyn = new RnnDynamics(positiveNetwork());
        SecondOrderPerturbation p = new SecondOrderPerturbation(Parameters.PAPER);
        SplittableRandom r = new SplittableRandom(1);
        assertMessage(() -> p.map(dyn, new double[] {1, 2}, r), "start", "length 3", "2");
        assertMessage(() -> p.map(dyn, new double[] {1, -2, 0}, r), "start[1]", ">= 0", "-2.0");
        assertMessage(() -> p.map(dyn, new double[] {1, Double.NaN, 0}, r), "start[1]", "NaN");
        assertMessage(() -> p.map(dyn, new double[0][], r), "starts", "0");
        assertMessage(() -> p.map(dyn, new double[][] {{1, 1, 1}, {1, 1}}, r), "starts[1]", "2");
        assertMessage(() -> p.checkpointMaps(List.of(positiveNetwork()), ReferenceStarts.SINGLE, 1, 0),
                "threads", "0");
        assertMessage(() -> SecondOrderPerturbation.secondOrder(dyn, new double[3], new double[][] {{1, 2, 3}}),
                "noise[0]", "length 2", "3");
        assertMessage(() -> SecondOrderPerturbation.secondOrder(dyn, new double[3], new double[0][]), "noise", "0");
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should name " + part);
        }
    }

    // ---- (e) units that are never active ----

    /**
     * Units 0, 1 and 3 excite one another; unit 2 receives {@code -1} from each of them and,
     * from a start with {@code h_0,2 = 0}, stays silent all along the reference.
     */
    private static double[][] silencedUnitRecurrence() {
        return new double[][] {
            {0.30, 0.20, 0.40, 0.10},
            {0.25, 0.15, -0.30, 0.20},
            {-1.0, -1.0, 0.30, -1.0},
            {0.10, 0.30, 0.50, 0.20},
        };
    }

    private static double[][] inputs4x3() {
        return new double[][] {{0.5, -0.2, 0.3}, {-0.4, 0.6, 0.1}, {0.7, 0.2, -0.5}, {0.1, -0.3, 0.8}};
    }

    private static RnnWeights network(double[][] wih, double[][] whh) {
        return new RnnWeights(wih, whh, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
    }

    @Test
    void aUnitSilentAlongTheReferencePassesNoneOfItsPerturbationOn() {
        double[] start = {0.5, 0.3, 0.0, 0.4};
        double[][] whh = silencedUnitRecurrence();
        for (boolean[] mask : masks(whh, start, 10)) {
            assertFalse(mask[2], "unit 2 is silent");
            assertTrue(mask[0] && mask[1] && mask[3], "the others are active");
        }
        SecondOrderPerturbation p = new SecondOrderPerturbation(Parameters.PAPER);
        double[] base = p.map(new RnnDynamics(network(inputs4x3(), whh)), start, new SplittableRandom(3));
        // The heuristic puts no curvature on unit 2 and D masks its column of W_hh out, so neither
        // its noise input (row 2 of W_ih) nor its outgoing weights (column 2 of W_hh) can matter.
        double[][] louderInput = inputs4x3();
        for (int j = 0; j < 3; j++) {
            louderInput[2][j] *= 10.0;
        }
        double[][] otherOutgoing = silencedUnitRecurrence();
        for (int i = 0; i < 4; i++) {
            otherOutgoing[i][2] = -3.0 + i;
        }
        assertArrayEquals(base, p.map(new RnnDynamics(network(louderInput, whh)), start, new SplittableRandom(3)), 0.0,
                "unit 2's noise input does not matter");
        assertArrayEquals(base, p.map(new RnnDynamics(network(inputs4x3(), otherOutgoing)), start,
                new SplittableRandom(3)), 0.0, "unit 2's outgoing weights do not matter");
        // Unit 2 itself still collects W_hh[2, ·] of the others' terms: the formula does not zero its row.
        assertTrue(base[2] > 0.01, "unit 2's own entry is " + base[2]);
        // Control: the same change on an active unit does change the map, so the test can fail.
        double[][] louderActive = inputs4x3();
        for (int j = 0; j < 3; j++) {
            louderActive[0][j] *= 10.0;
        }
        assertNotEquals(base[1], p.map(new RnnDynamics(network(louderActive, whh)), start,
                new SplittableRandom(3))[1], "unit 0's noise input matters");
    }

    @Test
    void aUnitWithoutRecurrentInputIsSilentAndHasExactlyZeroMap() {
        double[][] whh = silencedUnitRecurrence();
        Arrays.fill(whh[2], 0.0);
        double[] start = {0.5, 0.3, 0.0, 0.4};
        double[] map = new SecondOrderPerturbation(Parameters.PAPER)
                .map(new RnnDynamics(network(inputs4x3(), whh)), start, new SplittableRandom(6));
        // pre_2 = 0 along the reference, so unit 2 is never active, and δ2_K,2 = W_hh[2, ·] (...) = 0.
        assertEquals(0.0, map[2], 0.0);
        assertTrue(map[0] > 0.01 && map[1] > 0.01 && map[3] > 0.01, Arrays.toString(map));
    }
}
