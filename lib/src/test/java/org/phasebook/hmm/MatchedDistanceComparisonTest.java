package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class MatchedDistanceComparisonTest {

    private static final SinkhornMatching SOLVER = new SinkhornMatching(SinkhornMatchingParameters.PAPER, 2);

    @Test
    void hmmAgainstItselfIsInsideTheBandAndIndependentSymbolsAreNot() {
        BenchmarkHmm b = BenchmarkHmm.LINEAR_CHAIN_2;
        int n = 150, length = 60;
        int[][] fromHmm = new HmmSampler(b.hmm()).sample(n, length, new SeedSequence(5).generator(0));
        AtomicInteger steps = new AtomicInteger();
        MatchedDistanceComparison same = MatchedDistanceComparison.compare(b, fromHmm, n, new SeedSequence(6), SOLVER,
                steps::incrementAndGet);
        assertEquals(4, steps.get());
        assertEquals(n, same.count());
        assertTrue(same.bandLow() > 0, "a finite HMM sample is not at distance 0 from another");
        assertTrue(same.bandLow() <= same.bandHigh());
        // a fourth HMM sample is a perfect generator: within 15 % of the baseline at this size
        assertEquals(1.0, same.ratioToBaseline(), 0.15);
        // independent fair symbols 0/2 switch about every other step: far from a chain that stays 20 steps
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int[][] noise = new int[n][length];
        for (int[] s : noise) for (int t = 0; t < length; t++) s[t] = r.nextBoolean() ? 0 : 2;
        MatchedDistanceComparison bad = MatchedDistanceComparison.compare(b, noise, n, new SeedSequence(6), SOLVER, () -> { });
        assertTrue(bad.ratioToBaseline() > 1.5, "ratio " + bad.ratioToBaseline());
        assertArrayEquals(same.baselineMeans(), bad.baselineMeans(), 0.0);     // same seeds, same HMM sets
        // a copy of HMM set 1 matches itself exactly
        MatchedDistanceComparison copy = MatchedDistanceComparison.compare(b, same.hmmSets()[0], n, new SeedSequence(6), SOLVER, () -> { });
        assertEquals(0.0, copy.rnn().mean(), 0.0);
        CategoricalHmmTest.assertMessage(() -> MatchedDistanceComparison.compare(b, fromHmm, n + 1, new SeedSequence(6), SOLVER, () -> { }),
                "count must be in 1..150");
    }

    private static MatchedDistances withMean(double mean) {
        return new MatchedDistances(new int[1], new double[] {mean}, MeanSd.of(new double[] {mean}), 1, true,
                new double[1], new double[1]);
    }

    private static MatchedDistanceComparison.BandPosition position(double rnn) {
        // the band [10, 12] from three baselines
        return new MatchedDistanceComparison(BenchmarkHmm.LINEAR_CHAIN_2, withMean(rnn),
                new MatchedDistances[] {withMean(12), withMean(10), withMean(11)}, new int[3][][], new int[0][])
                .bandPosition();
    }

    @Test
    void theBandPositionFollowsTheLabelsFixedBeforeTheDefaultRun() {
        MatchedDistanceComparison.BandPosition within = MatchedDistanceComparison.BandPosition.WITHIN;
        MatchedDistanceComparison.BandPosition near = MatchedDistanceComparison.BandPosition.NEAR;
        assertEquals(within, position(10));
        assertEquals(within, position(12));
        assertEquals(near, position(12.0001));
        assertEquals(near, position(13.2));                 // 1.1 x 12
        assertEquals(MatchedDistanceComparison.BandPosition.ABOVE, position(13.21));
        assertEquals(near, position(9.0));                  // 0.9 x 10
        assertEquals(MatchedDistanceComparison.BandPosition.BELOW, position(8.99));
        assertEquals("outside (above)", MatchedDistanceComparison.BandPosition.ABOVE.label());
    }
}
