package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class StatisticsComparisonTest {

    @Test
    void ngramKlOfAHandExample() {
        // Q = (c + 1) / (N + 1 * 2) = (4/6, 2/6); KL(P || Q) with P = (1/2, 1/2)
        double expected = 0.5 * Math.log(0.5 / (4.0 / 6)) + 0.5 * Math.log(0.5 / (2.0 / 6));
        assertEquals(expected, StatisticsComparison.ngramKl(new double[] {0.5, 0.5}, new long[] {3, 1}, 1.0), 1e-15);
        // words of probability 0 cost nothing; matching frequencies give (almost) 0
        assertEquals(0.0, StatisticsComparison.ngramKl(new double[] {0.25, 0.75, 0.0}, new long[] {1000, 3000, 0},
                1e-9), 1e-12);
        assertTrue(StatisticsComparison.ngramKl(new double[] {0.25, 0.75}, new long[] {3000, 1000}, 0.5) > 0.5);
        CategoricalHmmTest.assertMessage(() -> StatisticsComparison.ngramKl(new double[] {1}, new long[] {1, 2}, 1),
                "same length");
    }

    @Test
    void transitionTvIsMarginalWeighted() {
        CategoricalHmm h = CategoricalHmm.cyclic4();
        StatisticsComparison c = new StatisticsComparison(h);
        double[][] exact = c.exact().outputTransitionMatrix();
        assertEquals(0.0, c.transitionTv(exact), 0.0);
        double[][] moved = c.exact().outputTransitionMatrix();
        moved[1][0] += 0.1;
        moved[1][1] -= 0.1;
        assertEquals(c.exact().marginal()[1] * 0.1, c.transitionTv(moved), 1e-15);
        moved[2] = new double[] {Double.NaN, Double.NaN, Double.NaN};  // the sample never left symbol 2
        assertEquals(c.exact().marginal()[1] * 0.1 + c.exact().marginal()[2], c.transitionTv(moved), 1e-15);
    }

    @Test
    void runLengthDistanceOfAHandExample() {
        CategoricalHmm h = CategoricalHmm.fullyConnected3();
        StatisticsComparison c = new StatisticsComparison(h);
        ExactStatistics s = c.exact();
        // complete runs: symbol 0 length 1 (twice), symbol 1 length 2, symbol 2 length 3
        int[][] x = {{0, 1, 1, 0, 2, 2, 2, 0}, {1, 0, 1}};
        double[][] e8 = s.expectedCompleteRunHistogram(8);
        double[][] e3 = s.expectedCompleteRunHistogram(3);
        int[] observedLength = {1, 2, 3};
        double[] marginal = s.marginal();
        double score = 0.0;
        for (int a = 0; a < 3; a++) {
            double[] expected = e8[a].clone();
            for (int len = 1; len < e3[a].length; len++) {
                expected[len] += e3[a][len];
            }
            double total = 0.0;
            for (double v : expected) {
                total += v;
            }
            double cdf = 0.0;
            double w1 = 0.0;
            for (int len = 1; len < expected.length; len++) {
                cdf += expected[len] / total;
                w1 += Math.abs((len >= observedLength[a] ? 1.0 : 0.0) - cdf);
            }
            score += marginal[a] * w1;
        }
        assertEquals(score, c.runLengthDistance(x), 1e-14);
        // no complete run at all: undefined
        assertTrue(Double.isNaN(c.runLengthDistance(new int[][] {{0, 0, 1, 1}})));
    }

    @Test
    void wrongModelsScoreFarAboveTheFloor() {
        // Samples of the 3-state chain scored against the 4-state chain: the marginals agree
        // (brief §2), the temporal statistics do not.
        int count = 2_000;
        int length = 100;
        StatisticsComparison four = new StatisticsComparison(CategoricalHmm.linearChain(4));
        ComparisonScore fourFloor = four.meanNoiseFloor(count, length, 4, new SeedSequence(5));
        int[][] three = CategoricalHmm.linearChain(3).sample(count, length, new SplittableRandom(6));
        ComparisonScore wrong = four.score(three);
        assertFalse(wrong.withinFactorOf(fourFloor, 3.0));
        double[] ratios = wrong.ratiosTo(fourFloor);
        System.out.println("3-state chain samples vs the 4-state chain, distance / floor: "
                + java.util.Arrays.toString(ratios));
        assertTrue(ratios[1] > 3.0 && ratios[3] > 3.0 && ratios[4] > 3.0, java.util.Arrays.toString(ratios));
        // Gibbs: the cross-entropy under the wrong model exceeds that under the right one
        ComparisonScore right = new StatisticsComparison(CategoricalHmm.linearChain(3)).score(three);
        assertTrue(wrong.crossEntropy() > right.crossEntropy());
        // the fully connected and cyclic HMMs are told apart by every statistic but one
        StatisticsComparison cyclic = new StatisticsComparison(CategoricalHmm.cyclic4());
        double[] r2 = cyclic.score(CategoricalHmm.fullyConnected3().sample(count, length, new SplittableRandom(7)))
                .ratiosTo(cyclic.meanNoiseFloor(count, length, 4, new SeedSequence(8)));
        System.out.println("fully connected samples vs the cyclic HMM, distance / floor: "
                + java.util.Arrays.toString(r2));
        assertTrue(r2[0] > 10 && r2[1] > 10 && r2[2] > 10 && r2[3] > 3, java.util.Arrays.toString(r2));
    }

    @Test
    void floorVanishesWithSampleSizeForAllSixHmms() {
        // If an exact statistic were wrong, a distance would level off at a positive value
        // instead of shrinking: 40 times more data must shrink every distance (KL ~ 1/N, the
        // L1-type distances ~ 1/sqrt N) by more than 3, on average over 3 independent floors.
        int repeats = 3;
        long seed = 40;
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            StatisticsComparison c = new StatisticsComparison(h);
            double[] small = new double[5];
            double[] large = new double[5];
            for (int r = 0; r < repeats; r++) {
                double[] s = c.noiseFloor(250, 100, seed++).distances();
                double[] l = c.noiseFloor(10_000, 100, seed++).distances();
                for (int i = 0; i < 5; i++) {
                    small[i] += s[i] / repeats;
                    large[i] += l[i] / repeats;
                }
            }
            System.out.println(h.name() + " floor at 1e6 symbols: " + java.util.Arrays.toString(large));
            for (int i = 0; i < 5; i++) {
                assertTrue(large[i] < small[i] / 3, h.name() + " " + ComparisonScore.DISTANCE_NAMES[i] + ": "
                        + large[i] + " at 1e6 symbols vs " + small[i] + " at 2.5e4");
            }
        }
    }

    @Test
    void floorIsReproducibleAndCrossEntropyIsTheEntropyRate() {
        CategoricalHmm h = CategoricalHmm.linearChain(2);
        StatisticsComparison c = new StatisticsComparison(h);
        ComparisonScore small = c.noiseFloor(500, 100, 9);
        assertEquals(small, c.noiseFloor(500, 100, 9));
        assertEquals(small, c.score(h.sample(500, 100, new SplittableRandom(9))));
        assertEquals(500, small.sequences());
        assertEquals(50_000, small.symbols());
        ComparisonScore mean = c.meanNoiseFloor(500, 100, 3, new SeedSequence(9));
        double expectedTv = 0.0;
        for (int r = 0; r < 3; r++) {
            expectedTv += c.noiseFloor(500, 100, new SeedSequence(9).generator(r)).transitionTv() / 3;
        }
        assertEquals(expectedTv, mean.transitionTv(), 1e-15);
        assertEquals(50_000, mean.symbols());
        CategoricalHmmTest.assertMessage(() -> c.meanNoiseFloor(5, 5, 0, new SeedSequence(1)), "repeats must be >= 1");
        // cross-entropy of the HMM's own samples estimates the entropy rate (with burn-in 0,
        // the same quantity; independent samples)
        MeanSd h2 = new ForwardAlgorithm(h).entropyRate(2_000, 100, 0, new SplittableRandom(30));
        ComparisonScore own = c.noiseFloor(2_000, 100, 31);
        assertEquals(h2.mean(), own.crossEntropy(), 2 * HmmTesting.Z * h2.standardError());
    }

    @Test
    void scoreRecordHelpers() {
        ComparisonScore s = new ComparisonScore(10, 1000, 1, 2, 3, 4, 5, 0.7);
        ComparisonScore floor = new ComparisonScore(10, 1000, 1, 1, 1, 2, 5, 0.7);
        assertEquals(3.0, s.ngramKl(3), 0.0);
        assertEquals(5, s.ratiosTo(floor).length);
        assertEquals(3.0, s.ratiosTo(floor)[2], 0.0);
        assertTrue(s.withinFactorOf(floor, 3.0));
        assertFalse(s.withinFactorOf(floor, 2.9));
        CategoricalHmmTest.assertMessage(() -> s.ngramKl(4), "n must be 1, 2 or 3");
        CategoricalHmmTest.assertMessage(() -> new StatisticsComparison(CategoricalHmm.cyclic4(), 0.0),
                "epsilon (n-gram smoothing) must be finite and > 0");
        StatisticsComparison c = new StatisticsComparison(CategoricalHmm.cyclic4());
        CategoricalHmmTest.assertMessage(() -> c.score(new int[][] {{0, 1}}), "length >= 3");
        CategoricalHmmTest.assertMessage(() -> c.score(new int[][] {{0, 1, 5}}), "sequences[0][2] = 5");
    }
}
