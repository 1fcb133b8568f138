package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class FloorComparisonTest {

    private static final BenchmarkHmm B = BenchmarkHmm.LINEAR_CHAIN_2;

    @Test
    void floorsAreTheNoiseFloorsOfStatisticsComparisonAndTheirMean() {
        int count = 150;
        int length = 40;
        int[][] rnn = new HmmSampler(B.hmm()).sample(count, length, new SplittableRandom(5));
        SeedSequence seeds = new SeedSequence(99).child(B.ordinal());
        AtomicInteger steps = new AtomicInteger();
        FloorComparison f = FloorComparison.score(B, rnn, 3, seeds, steps::incrementAndGet);
        StatisticsComparison comparison = new StatisticsComparison(B.hmm());
        assertEquals(4, steps.get(), "one step for the network and one per floor");
        assertEquals(comparison.score(rnn), f.rnnScore());
        for (int r = 0; r < 3; r++) {
            assertEquals(comparison.noiseFloor(count, length, seeds.generator(r)), f.floors()[r], "floor " + r);
        }
        assertEquals(comparison.meanNoiseFloor(count, length, 3, seeds), f.meanFloor(), "the same mean, to the last bit");
        int[][] first = new HmmSampler(B.hmm()).sample(count, length, seeds.generator(0));
        for (int n = 0; n < count; n++) {
            assertArrayEquals(first[n], f.floorSample()[n], "floor sample, sequence " + n);
        }
        assertEquals(length, f.length());
        assertArrayEquals(f.rnnScore().ratiosTo(f.meanFloor()), f.ratios(), 0.0);
        double[][] floorRatios = f.floorRatios();
        for (int i = 0; i < 5; i++) {
            double mean = (floorRatios[0][i] + floorRatios[1][i] + floorRatios[2][i]) / 3;
            assertEquals(1.0, mean, 1e-12, "the floors' ratios average to 1, distance " + i);
        }
        double[] ratio = f.ratios();
        for (int i = 0; i < 5; i++) {
            assertTrue(ratio[f.worstDistance()] >= ratio[i], "worst distance is the largest ratio");
        }
    }

    @Test
    void summariesAreThoseOfTheSequencesAndTheExactModel() {
        int[][] rnn = new HmmSampler(B.hmm()).sample(80, 30, new SplittableRandom(6));
        FloorComparison f = FloorComparison.score(B, rnn, 1, new SeedSequence(7), () -> { });
        ExactStatistics exact = new ExactStatistics(B.hmm());
        assertEquals(EmpiricalStatistics.volatility(rnn), f.rnnVolatility());
        assertEquals(EmpiricalStatistics.volatility(f.floorSample()), f.floorVolatility());
        assertEquals(29 * exact.changeProbability(), f.exactChanges(), 1e-12);
        assertArrayEquals(exact.marginal(), f.exactMarginal(), 0.0);
        MeanSd[] frequencies = EmpiricalStatistics.symbolFrequencySummary(rnn, 3);
        for (int a = 0; a < 3; a++) {
            assertEquals(frequencies[a].mean(), f.rnnFrequencies()[a], 0.0);
        }
    }

    @Test
    void transitionErrorsAreTheLargestEntryErrorsOfTheOutputTransitionMatrix() {
        // the 2-state chain keeps its output with probability about 0.95; a generator that
        // alternates 0, 2, 0, 2 has P(2 | 0) = P(0 | 2) = 1, and no estimate for the row of
        // symbol 1, which it never emits (skipped)
        int[][] alternating = new int[50][20];
        for (int[] s : alternating) {
            for (int t = 0; t < s.length; t++) {
                s[t] = t % 2 == 0 ? 0 : 2;
            }
        }
        FloorComparison f = FloorComparison.score(B, alternating, 1, new SeedSequence(11), () -> { });
        double[][] exact = new ExactStatistics(B.hmm()).outputTransitionMatrix();
        double[][] alternation = {{0, 0, 1}, {Double.NaN, Double.NaN, Double.NaN}, {1, 0, 0}};
        double expected = 0;
        for (int a : new int[] {0, 2}) {
            for (int b = 0; b < 3; b++) {
                expected = Math.max(expected, Math.abs(exact[a][b] - alternation[a][b]));
            }
        }
        assertEquals(expected, f.rnnTransitionError(), 1e-12);
        assertTrue(f.rnnTransitionError() > 0.9, "alternation is far from the chain");
        assertTrue(f.floorTransitionError() < 0.1, "an HMM sample of 1,000 transitions is close: "
                + f.floorTransitionError());
        int[][] sample = f.floorSample();
        double[][] counted = EmpiricalStatistics.outputTransitionMatrix(sample, 3);
        double largest = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                largest = Math.max(largest, Math.abs(exact[a][b] - counted[a][b]));
            }
        }
        assertEquals(largest, f.floorTransitionError(), 0.0);
    }

    @Test
    void aGeneratorThatIgnoresTheHiddenStateLiesManyFloorsAway() {
        // independent fair choices between 0 and 2: the right marginal almost, no slow switching
        SplittableRandom random = new SplittableRandom(8);
        int[][] iid = new int[300][60];
        for (int[] s : iid) {
            for (int t = 0; t < s.length; t++) {
                s[t] = random.nextBoolean() ? 0 : 2;
            }
        }
        FloorComparison bad = FloorComparison.score(B, iid, 4, new SeedSequence(9), () -> { });
        assertTrue(bad.ratios()[bad.worstDistance()] > 20, "worst ratio " + bad.ratios()[bad.worstDistance()]);
        int[][] good = new HmmSampler(B.hmm()).sample(300, 60, new SplittableRandom(10));
        FloorComparison perfect = FloorComparison.score(B, good, 4, new SeedSequence(9), () -> { });
        assertTrue(perfect.ratios()[perfect.worstDistance()] < bad.ratios()[bad.worstDistance()] / 5,
                "an HMM sample scores like the floors: " + perfect.ratios()[perfect.worstDistance()]);
    }

    @Test
    void invalidInputsAreRejected() {
        int[][] rnn = {{0, 2, 0, 2}, {2, 2, 0, 0}};
        CategoricalHmmTest.assertMessage(() -> FloorComparison.score(B, rnn, 0, new SeedSequence(1), () -> { }),
                "floorCount must be >= 1, got 0");
        CategoricalHmmTest.assertMessage(() -> FloorComparison.score(B, new int[0][], 1, new SeedSequence(1), () -> { }),
                "at least 1 sequence");
        CategoricalHmmTest.assertMessage(() -> FloorComparison.score(B, new int[][] {{0, 2, 0}, {0, 2, 0, 2}}, 1,
                new SeedSequence(1), () -> { }), "sequence 1 has 4");
    }
}
