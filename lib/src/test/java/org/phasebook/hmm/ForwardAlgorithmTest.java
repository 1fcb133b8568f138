package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForwardAlgorithmTest {

    @Test
    void logLikelihoodEqualsTheSumOverAllHiddenPaths() {
        SplittableRandom r = new SplittableRandom(3);
        CategoricalHmm[] models = {CategoricalHmm.linearChain(5), CategoricalHmm.cyclic4(),
            HmmTesting.randomHmm(3, 3, 21), HmmTesting.randomHmm(4, 2, 22), HmmTesting.randomHmm(2, 4, 23)};
        for (CategoricalHmm h : models) {
            ForwardAlgorithm f = new ForwardAlgorithm(h);
            double[] start = h.startDistribution();
            for (int trial = 0; trial < 40; trial++) {
                int[] o = new int[1 + r.nextInt(6)];
                for (int t = 0; t < o.length; t++) {
                    o[t] = r.nextInt(h.symbols());
                }
                double brute = HmmTesting.bruteForceProbability(h, start, o);
                double ll = f.logLikelihood(o);
                if (brute == 0.0) {
                    assertEquals(Double.NEGATIVE_INFINITY, ll, h.name());
                } else {
                    assertEquals(Math.log(brute), ll, 1e-12, h.name() + " " + java.util.Arrays.toString(o));
                }
                double[] conditional = f.conditionalLogProbabilities(o);
                if (brute > 0.0) {
                    double sum = 0.0;
                    for (double c : conditional) {
                        sum += c;
                    }
                    assertEquals(ll, sum, 1e-12);
                }
            }
            assertEquals(0.0, f.logLikelihood(new int[0]), 0.0);
        }
    }

    @Test
    void impossibleSequencesHaveZeroProbability() {
        // state 0 emits only 0 and stays; state 1 emits only 1 and stays
        CategoricalHmm h = new CategoricalHmm(new double[] {1.0, 0.0}, new double[][] {{1.0, 0.0}, {0.0, 1.0}},
                new double[][] {{1.0, 0.0}, {0.0, 1.0}});
        ForwardAlgorithm f = new ForwardAlgorithm(h);
        assertEquals(0.0, f.logLikelihood(new int[] {0, 0, 0}), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, f.logLikelihood(new int[] {0, 1, 0}));
        double[] c = f.conditionalLogProbabilities(new int[] {0, 1, 0});
        assertEquals(0.0, c[0], 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, c[1]);
        assertTrue(Double.isNaN(c[2]));
        assertEquals(Double.POSITIVE_INFINITY, f.meanNegativeLogLikelihood(new int[][] {{0, 0}, {1}}));
    }

    @Test
    void scalingKeepsLongSequencesFinite() {
        CategoricalHmm h = CategoricalHmm.linearChain(3);
        int[] o = h.sample(1, 100_000, new SplittableRandom(4))[0];
        ForwardAlgorithm f = new ForwardAlgorithm(h);
        double ll = f.logLikelihood(o);
        assertTrue(Double.isFinite(ll) && ll < -1000.0, "log-likelihood " + ll);
        // additivity over a split point, via the conditional probabilities
        double[] c = f.conditionalLogProbabilities(o);
        double sum = 0.0;
        for (double v : c) {
            sum += v;
        }
        assertEquals(ll, sum, 1e-9 * Math.abs(ll));
        assertEquals(-ll / o.length, f.meanNegativeLogLikelihood(new int[][] {o}), 1e-12);
    }

    @Test
    void meanAndPerSequenceNegativeLogLikelihoodAgree() {
        CategoricalHmm h = CategoricalHmm.fullyConnected3();
        int[][] x = h.sample(50, 30, new SplittableRandom(8));
        ForwardAlgorithm f = new ForwardAlgorithm(h);
        double[] per = f.negativeLogLikelihoodPerSymbol(x);
        double mean = MeanSd.of(per).mean();
        // equal lengths: the pooled mean is the mean of the per-sequence values
        assertEquals(mean, f.meanNegativeLogLikelihood(x), 1e-12);
        assertEquals(-f.logLikelihood(x[7]) / 30, per[7], 1e-15);
    }

    @Test
    void entropyRateOfAnObservedMarkovChainIsItsConditionalEntropy() {
        // With B = I the output is the chain itself: h = -sum_i pi_i sum_j A_ij log A_ij exactly,
        // and -log P(o_t | o_<t) = -log A(o_{t-1}, o_t) for t >= 2, so a burn-in of 1 is unbiased.
        double[][] a = {{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}, {0.05, 0.15, 0.8}};
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        CategoricalHmm chain = new CategoricalHmm(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, a, identity);
        double[] pi = new ExactStatistics(chain).stationaryDistribution();
        chain = new CategoricalHmm(pi, a, identity);  // stationary start
        double h = 0.0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                h -= pi[i] * a[i][j] * Math.log(a[i][j]);
            }
        }
        MeanSd est = new ForwardAlgorithm(chain).entropyRate(2000, 200, 1, new SplittableRandom(5));
        HmmTesting.assertWithinBand("entropy rate", h, est.mean(), est.standardError());
        assertTrue(est.standardError() < 0.005);
    }

    @Test
    void entropyRateOfPaperHmmsLiesBetweenItsBounds() {
        // H(o_t | s_t) <= h <= H(o_t | o_{t-1}) <= H(o_t)
        for (CategoricalHmm hmm : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(hmm);
            double lower = 0.0;
            for (int i = 0; i < hmm.states(); i++) {
                for (int o = 0; o < 3; o++) {
                    double b = hmm.emission(i, o);
                    lower -= b > 0 ? s.stationaryDistribution()[i] * b * Math.log(b) : 0.0;
                }
            }
            double[] pairs = s.ngramProbabilities(2);
            double[] marginal = s.marginal();
            double upper = 0.0;
            for (int x = 0; x < 3; x++) {
                for (int y = 0; y < 3; y++) {
                    double p = pairs[x * 3 + y];
                    upper -= p > 0 ? p * Math.log(p / marginal[x]) : 0.0;
                }
            }
            MeanSd est = new ForwardAlgorithm(hmm).entropyRate(400, 200, 50, new SplittableRandom(6));
            double margin = HmmTesting.Z * est.standardError();
            assertTrue(est.mean() > lower - margin && est.mean() < upper + margin,
                    hmm.name() + ": " + lower + " <= " + est + " <= " + upper);
        }
    }

    @Test
    void rejectsBadArguments() {
        ForwardAlgorithm f = new ForwardAlgorithm(CategoricalHmm.linearChain(2));
        CategoricalHmmTest.assertMessage(() -> f.logLikelihood(new int[] {0, 3}), "sequence[1] = 3 is not a symbol");
        CategoricalHmmTest.assertMessage(() -> f.meanNegativeLogLikelihood(new int[][] {{0}, {-1}}),
                "sequences[1][0] = -1");
        CategoricalHmmTest.assertMessage(() -> f.meanNegativeLogLikelihood(new int[][] {{}}), "at least one symbol");
        CategoricalHmmTest.assertMessage(() -> f.entropyRate(10, 5, 5, new SplittableRandom(1)),
                "burnIn must be in [0, length)");
        CategoricalHmmTest.assertMessage(() -> f.entropyRate(1, 5, 0, new SplittableRandom(1)), "count must be >= 2");
    }
}
