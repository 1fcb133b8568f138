package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CategoricalHmmTest {

    @Test
    void linearChainsFollowTheTargetProbRule() {
        for (int m = 2; m <= 5; m++) {
            CategoricalHmm h = CategoricalHmm.linearChain(m);
            assertEquals(m + "-state linear chain", h.name());
            assertEquals(m, h.states());
            assertEquals(3, h.symbols());
            // q is defined by q^(M-1) = target_prob: hopping from end to end has probability 0.05
            double q = h.transition(0, 1);
            assertEquals(0.05, Math.pow(q, m - 1), 1e-14);
            assertEquals(1.0 - q, h.transition(0, 0), 1e-15);
            assertEquals(1.0 - q, h.transition(m - 1, m - 1), 1e-15);
            assertEquals(q, h.transition(m - 1, m - 2), 1e-15);
            for (int i = 0; i < m; i++) {
                assertEquals(1.0 / m, h.startProbability(i), 1e-15);
                for (int j = 0; j < m; j++) {
                    boolean interior = i > 0 && i < m - 1;
                    double expected = Math.abs(i - j) > 1 ? 0.0
                            : i == j ? (interior ? 1.0 - 2.0 * q : 1.0 - q) : q;
                    assertEquals(expected, h.transition(i, j), 1e-15, "A[" + i + "][" + j + "] for M = " + m);
                    // symmetric, hence doubly stochastic (brief §2 derived facts)
                    assertEquals(h.transition(i, j), h.transition(j, i), 1e-15);
                }
                double alpha = i / (double) (m - 1);
                assertEquals(0.99 * (1.0 - alpha), h.emission(i, 0), 1e-15);
                assertEquals(0.01, h.emission(i, 1), 1e-15);
                assertEquals(0.99 * alpha, h.emission(i, 2), 1e-15);
            }
        }
    }

    @Test
    void fullyConnectedAndCyclicMatchTheConfig() {
        CategoricalHmm f = CategoricalHmm.fullyConnected3();
        CategoricalHmm c = CategoricalHmm.cyclic4();
        assertEquals("3-state fully connected", f.name());
        assertEquals("4-state cyclic", c.name());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 0.95 : 0.025, f.transition(i, j), 0.0);
                assertEquals(i == j ? 0.98 : 0.01, f.emission(i, j), 0.0);
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                int ringDistance = Math.min(Math.abs(i - j), 4 - Math.abs(i - j));
                double expected = ringDistance == 0 ? 0.95 : ringDistance == 1 ? 0.025 : 0.0;
                assertEquals(expected, c.transition(i, j), 0.0);
            }
        }
        assertEquals(0.9, c.emission(3, 1), 0.0);
        assertEquals(0.0, c.emission(3, 0), 0.0);
        assertEquals(0.9, c.emission(2, 2), 0.0);
    }

    @Test
    void isImmutable() {
        double[] pi = {0.5, 0.5};
        double[][] a = {{0.9, 0.1}, {0.2, 0.8}};
        double[][] b = {{1.0, 0.0}, {0.3, 0.7}};
        CategoricalHmm h = new CategoricalHmm(pi, a, b);
        assertEquals("2-state HMM", h.name());
        pi[0] = 0.9;
        a[0][0] = 0.0;
        h.transitionMatrix()[1][1] = 7.0;
        h.emissionMatrix()[0][0] = 7.0;
        h.startDistribution()[0] = 7.0;
        assertEquals(0.5, h.startProbability(0), 0.0);
        assertEquals(0.9, h.transition(0, 0), 0.0);
        assertEquals(0.8, h.transition(1, 1), 0.0);
        assertEquals(1.0, h.emission(0, 0), 0.0);
        assertEquals(h, new CategoricalHmm(new double[] {0.5, 0.5}, new double[][] {{0.9, 0.1}, {0.2, 0.8}},
                new double[][] {{1.0, 0.0}, {0.3, 0.7}}));
        assertNotEquals(h, h.withName("other"));
        assertEquals(CategoricalHmm.cyclic4(), CategoricalHmm.cyclic4());
        assertEquals(CategoricalHmm.cyclic4().hashCode(), CategoricalHmm.cyclic4().hashCode());
    }

    @Test
    void rejectsBadMatricesNamingMatrixRowAndValue() {
        double[] pi = {0.5, 0.5};
        double[][] a = {{0.9, 0.1}, {0.2, 0.8}};
        double[][] b = {{0.5, 0.5}, {0.3, 0.7}};
        assertMessage(() -> new CategoricalHmm(pi, new double[][] {{0.9, 0.1}, {0.2, 0.6}}, b),
                "transitions (A) row 1 sums to 0.8 (must be 1 within 1.0E-9)");
        assertMessage(() -> new CategoricalHmm(pi, a, new double[][] {{0.5, 0.5}, {1.1, -0.1}}),
                "emissions (B)[1][0] = 1.1");
        assertMessage(() -> new CategoricalHmm(pi, a, new double[][] {{0.5, 0.5}, {-0.1, 1.1}}),
                "emissions (B)[1][0] = -0.1 is not a probability");
        assertMessage(() -> new CategoricalHmm(pi, new double[][] {{Double.NaN, 1.0}, {0.2, 0.8}}, b),
                "transitions (A)[0][0] is NaN");
        assertMessage(() -> new CategoricalHmm(new double[] {0.6, 0.6}, a, b), "start (pi) sums to 1.2");
        assertMessage(() -> new CategoricalHmm(new double[] {1.0}, a, b), "transitions (A) must have 1 rows, got 2");
        assertMessage(() -> new CategoricalHmm(pi, new double[][] {{0.9, 0.1}, {1.0}}, b),
                "transitions (A) row 1 must have 2 entries, got 1");
        assertMessage(() -> new CategoricalHmm(pi, a, new double[][] {{0.5, 0.5}}),
                "emissions (B) must have 2 rows");
        assertMessage(() -> new CategoricalHmm(pi, a, new double[][] {{0.5, 0.5}, {1.0}}),
                "emissions (B) row 1 must have 2 entries");
        assertMessage(() -> new CategoricalHmm(pi, a, new double[][] {{0.5, 0.5}, {Double.POSITIVE_INFINITY, 0.0}}),
                "emissions (B)[1][0] = Infinity");
        assertMessage(() -> new CategoricalHmm(" ", pi, a, b), "name must not be blank");
        assertMessage(() -> CategoricalHmm.linearChain(6), "states (M) of a linear chain must be in [2, 5]");
        assertMessage(() -> CategoricalHmm.linearChain(1), "got 1");
        // within the 1e-9 tolerance a row is accepted as given
        new CategoricalHmm(pi, new double[][] {{0.9, 0.1 + 5e-10}, {0.2, 0.8}}, b);
        assertThrows(IllegalArgumentException.class,
                () -> new CategoricalHmm(pi, new double[][] {{0.9, 0.1 + 5e-9}, {0.2, 0.8}}, b));
        assertThrows(NullPointerException.class, () -> new CategoricalHmm(pi, null, b));
    }

    @Test
    void sampleShorthandEqualsTheSampler() {
        CategoricalHmm h = CategoricalHmm.linearChain(3);
        int[][] x = h.sample(5, 20, new java.util.SplittableRandom(9));
        int[][] y = new HmmSampler(h).sample(5, 20, new java.util.SplittableRandom(9));
        assertTrue(java.util.Arrays.deepEquals(x, y));
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(fragment), "message \"" + x.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void rareEmissionsAreRemovedAndRowsRenormalised() {
        CategoricalHmm chain = CategoricalHmm.linearChain(3).withoutRareEmissions(0.01);
        assertEquals("3-state linear chain without emissions <= 0.01", chain.name());
        double[][] expected = {{1, 0, 0}, {0.5, 0, 0.5}, {0, 0, 1}};
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(expected[i][a], chain.emission(i, a), 1e-15, "B[" + i + "][" + a + "]");
                assertEquals(CategoricalHmm.linearChain(3).transition(i, a), chain.transition(i, a));
            }
        }
        CategoricalHmm full = CategoricalHmm.fullyConnected3().withoutRareEmissions(0.01);
        assertEquals(1.0, full.emission(1, 1));
        assertEquals(0.0, full.emission(1, 0));
        // threshold 0 removes nothing
        assertEquals(0.01, CategoricalHmm.linearChain(2).withoutRareEmissions(0).emission(0, 1));
    }

    @Test
    void rareEmissionThresholdsAreChecked() {
        assertEquals("threshold must be in [0, 1), got 1.0", assertThrows(
                IllegalArgumentException.class,
                () -> CategoricalHmm.cyclic4().withoutRareEmissions(1.0)).getMessage());
        assertEquals("threshold 0.95 would remove every emission of state 0 of 4-state cyclic",
                assertThrows(IllegalArgumentException.class,
                        () -> CategoricalHmm.cyclic4().withoutRareEmissions(0.95)).getMessage());
    }
}
