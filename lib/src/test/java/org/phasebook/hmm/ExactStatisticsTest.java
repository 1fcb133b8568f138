package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactStatisticsTest {

    @Test
    void stationaryDistributionIsUniformForAllSixPaperHmms() {
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(h);
            double[] pi = s.stationaryDistribution();
            for (int i = 0; i < h.states(); i++) {
                assertEquals(1.0 / h.states(), pi[i], 1e-13, h.name() + " pi[" + i + "]");
            }
            assertTrue(s.startIsStationary(1e-12), h.name());
        }
    }

    @Test
    void stationaryDistributionSolvesPiAEqualsPiForRandomChains() {
        for (long seed = 1; seed <= 20; seed++) {
            CategoricalHmm h = HmmTesting.randomHmm(2 + (int) (seed % 4), 3, seed);
            double[] pi = new ExactStatistics(h).stationaryDistribution();
            double total = 0.0;
            for (int j = 0; j < h.states(); j++) {
                double piA = 0.0;
                for (int i = 0; i < h.states(); i++) {
                    piA += pi[i] * h.transition(i, j);
                }
                assertEquals(pi[j], piA, 1e-13, h.name());
                assertTrue(pi[j] >= 0.0);
                total += pi[j];
            }
            assertEquals(1.0, total, 1e-13);
        }
        // a non-stationary start is reported as such
        CategoricalHmm h = new CategoricalHmm(new double[] {1.0, 0.0}, new double[][] {{0.9, 0.1}, {0.3, 0.7}},
                new double[][] {{1.0}, {1.0}});
        ExactStatistics s = new ExactStatistics(h);
        assertFalse(s.startIsStationary(1e-6));
        assertEquals(0.75, s.stationaryDistribution()[0], 1e-14);  // 0.1 pi_0 = 0.3 pi_1
    }

    @Test
    void rejectsReducibleChains() {
        CategoricalHmm reducible = new CategoricalHmm(new double[] {0.5, 0.5},
                new double[][] {{1.0, 0.0}, {0.0, 1.0}}, new double[][] {{1.0, 0.0}, {0.0, 1.0}});
        CategoricalHmmTest.assertMessage(() -> new ExactStatistics(reducible), "no unique stationary distribution");
    }

    @Test
    void linearChainMarginalsFollowFromTheEmissionFormula() {
        for (int m = 2; m <= 5; m++) {
            double[] marginal = new ExactStatistics(CategoricalHmm.linearChain(m)).marginal();
            // P(o = a) = sum_i (1/M) B_ia with B_i = [0.99 (1 - alpha_i), 0.01, 0.99 alpha_i]
            double meanAlpha = 0.0;
            for (int i = 0; i < m; i++) {
                meanAlpha += (i / (double) (m - 1)) / m;
            }
            assertEquals(0.5, meanAlpha, 1e-15);  // alpha_i = i/(M-1) is symmetric about 1/2
            assertEquals(0.99 * (1.0 - meanAlpha), marginal[0], 1e-14);
            assertEquals(0.01, marginal[1], 1e-14);
            assertEquals(0.99 * meanAlpha, marginal[2], 1e-14);
        }
        // fully connected: uniform; cyclic: column means of B
        double[] f = new ExactStatistics(CategoricalHmm.fullyConnected3()).marginal();
        double[] c = new ExactStatistics(CategoricalHmm.cyclic4()).marginal();
        CategoricalHmm cyclic = CategoricalHmm.cyclic4();
        for (int a = 0; a < 3; a++) {
            assertEquals(1.0 / 3.0, f[a], 1e-14);
            double columnMean = 0.0;
            for (int i = 0; i < 4; i++) {
                columnMean += cyclic.emission(i, a) / 4.0;
            }
            assertEquals(columnMean, c[a], 1e-14);
        }
    }

    @Test
    void ngramsSumToOneAndMarginaliseOnBothSides() {
        CategoricalHmm[] models = {CategoricalHmm.linearChain(2), CategoricalHmm.linearChain(5),
            CategoricalHmm.fullyConnected3(), CategoricalHmm.cyclic4(), HmmTesting.randomHmm(4, 3, 7),
            HmmTesting.randomHmm(3, 4, 8)};
        for (CategoricalHmm h : models) {
            ExactStatistics s = new ExactStatistics(h);
            int k = h.symbols();
            double[] previous = null;
            for (int n = 1; n <= 4; n++) {
                double[] p = s.ngramProbabilities(n);
                double total = 0.0;
                for (double v : p) {
                    total += v;
                    assertTrue(v >= 0.0);
                }
                assertEquals(1.0, total, 1e-13, h.name() + " n = " + n);
                if (previous != null) {
                    for (int w = 0; w < previous.length; w++) {
                        double lastSummed = 0.0;   // sum_c P(w c) = P(w)
                        double firstSummed = 0.0;  // sum_c P(c w) = P(w), by stationarity
                        for (int c = 0; c < k; c++) {
                            lastSummed += p[w * k + c];
                            firstSummed += p[c * previous.length + w];
                        }
                        assertEquals(previous[w], lastSummed, 1e-14, h.name());
                        assertEquals(previous[w], firstSummed, 1e-14, h.name());
                    }
                }
                for (int w = 0; w < p.length; w++) {
                    assertEquals(p[w], s.ngramProbability(Ngrams.word(w, n, k)), 1e-16);
                }
                previous = p;
            }
            assertEquals(1.0, s.ngramProbability(), 0.0);
        }
    }

    @Test
    void ngramsEqualTheSumOverHiddenPathsFromTheStationaryStart() {
        for (long seed = 11; seed <= 16; seed++) {
            CategoricalHmm h = HmmTesting.randomHmm(3 + (int) (seed % 2), 3, seed);
            ExactStatistics s = new ExactStatistics(h);
            double[] pi = s.stationaryDistribution();
            for (int n = 1; n <= 4; n++) {
                double[] p = s.ngramProbabilities(n);
                int[][] words = HmmTesting.allWords(n, 3);
                for (int w = 0; w < words.length; w++) {
                    assertEquals(HmmTesting.bruteForceProbability(h, pi, words[w]), p[w], 1e-15,
                            h.name() + " word " + Ngrams.label(w, n, 3));
                }
            }
        }
    }

    @Test
    void sequenceStatisticsEqualExpectationsOverAllOutputSequences() {
        // Enumerate every output sequence of length T with its probability (forward algorithm,
        // checked against path sums in ForwardAlgorithmTest) and average the sample statistics.
        int t = 8;
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(h);
            ForwardAlgorithm f = new ForwardAlgorithm(h);
            int k = h.symbols();
            double changes = 0.0;
            double[][] runs = new double[k][t - 1];
            double[][] transitions = new double[k][k];
            double total = 0.0;
            for (int[] o : HmmTesting.allWords(t, k)) {
                double p = Math.exp(f.logLikelihood(o));
                total += p;
                changes += p * EmpiricalStatistics.changeCounts(new int[][] {o})[0];
                long[][] h1 = EmpiricalStatistics.completeRunHistogram(new int[][] {o}, k);
                long[][] c = EmpiricalStatistics.transitionCounts(new int[][] {o}, k);
                for (int a = 0; a < k; a++) {
                    for (int len = 1; len < t - 1; len++) {
                        runs[a][len] += p * h1[a][len];
                    }
                    for (int b = 0; b < k; b++) {
                        transitions[a][b] += p * c[a][b];
                    }
                }
            }
            assertEquals(1.0, total, 1e-12, h.name());
            assertEquals(s.expectedChanges(t), changes, 1e-12, h.name());
            double[][] expectedRuns = s.expectedCompleteRunHistogram(t);
            for (int a = 0; a < k; a++) {
                for (int len = 1; len < t - 1; len++) {
                    assertEquals(expectedRuns[a][len], runs[a][len], 1e-12, h.name() + " a=" + a + " k=" + len);
                    assertEquals(expectedRuns[a][len], s.expectedCompleteRuns(a, len, t), 1e-15);
                }
            }
            // E[pair counts] = (T - 1) P(a b), hence P(b | a) after normalising each row
            double[][] p = s.outputTransitionMatrix();
            for (int a = 0; a < k; a++) {
                double row = 0.0;
                for (int b = 0; b < k; b++) {
                    row += transitions[a][b];
                }
                for (int b = 0; b < k; b++) {
                    assertEquals(p[a][b], transitions[a][b] / row, 1e-12, h.name());
                }
            }
        }
    }

    @Test
    void runWeightsObeyTheCountingIdentities() {
        CategoricalHmm[] models = {CategoricalHmm.linearChain(2), CategoricalHmm.linearChain(4),
            CategoricalHmm.fullyConnected3(), CategoricalHmm.cyclic4(), HmmTesting.randomHmm(3, 3, 5)};
        for (CategoricalHmm h : models) {
            ExactStatistics s = new ExactStatistics(h);
            double[] marginal = s.marginal();
            for (int a = 0; a < h.symbols(); a++) {
                double[] w = s.runWeights(a, 20_000);
                double runs = 0.0;
                double symbols = 0.0;
                for (int len = 1; len < w.length; len++) {
                    runs += w[len];
                    symbols += len * w[len];
                }
                // every run that starts ends; every symbol a lies in exactly one run
                assertEquals(s.runStartProbability(a), runs, 1e-12, h.name() + " a = " + a);
                assertEquals(marginal[a], symbols, 1e-10, h.name() + " a = " + a);
                assertEquals(marginal[a] / runs, s.meanDwell(a), 1e-8);
                double[] p = s.dwellProbabilities(a, 20_000);
                double sum = 0.0;
                for (double v : p) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-10);
            }
        }
    }

    @Test
    void changeProbabilityAndTransitionRowsAreConsistent() {
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(h);
            double[][] p = s.outputTransitionMatrix();
            double[] marginal = s.marginal();
            double stay = 0.0;
            for (int a = 0; a < 3; a++) {
                double row = 0.0;
                for (int b = 0; b < 3; b++) {
                    row += p[a][b];
                }
                assertEquals(1.0, row, 1e-14);
                stay += marginal[a] * p[a][a];
            }
            assertEquals(1.0 - stay, s.changeProbability(), 1e-14);
            assertEquals(99 * s.changeProbability(), s.expectedChanges(100), 1e-12);
        }
    }

    @Test
    void rejectsBadArguments() {
        ExactStatistics s = new ExactStatistics(CategoricalHmm.cyclic4());
        CategoricalHmmTest.assertMessage(() -> s.ngramProbability(0, 3), "word[1] = 3 is not a symbol");
        CategoricalHmmTest.assertMessage(() -> s.ngramProbabilities(0), "n (word length) must be >= 1");
        CategoricalHmmTest.assertMessage(() -> s.ngramProbabilities(20), "exceeds");
        CategoricalHmmTest.assertMessage(() -> s.runWeights(-1, 3), "symbol must be in [0, 3), got -1");
        CategoricalHmmTest.assertMessage(() -> s.expectedChanges(0), "length (T) must be >= 1");
        CategoricalHmmTest.assertMessage(() -> s.expectedCompleteRuns(0, 0, 10), "runLength (k) must be >= 1");
        assertEquals(0.0, s.expectedCompleteRuns(0, 9, 10), 0.0);
    }
}
