package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CompleteRunLengthsTest {

    @Test
    void sampleFractionsCountOnlyCompleteRuns() {
        int[][] sample = {
            {2, 0, 0, 2, 0, 2},     // runs of 0: length 2 and length 1, both complete
            {0, 2, 0, 0, 0, 2},     // the first 0 touches the start; the run of 3 is complete
            {0, 0, 0, 0, 0, 0},     // one run touching both ends: not complete
        };
        CompleteRunLengths runs = CompleteRunLengths.of(CategoricalHmm.linearChain(2), sample, 0, 4);
        assertArrayEquals(new double[] {1, 2, 3, 4}, runs.lengths(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, runs.sampleLengths(), 0.0);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, runs.sampleFractions(), 1e-15);
        // symbol 2 has complete runs of length 1 only: {2,0,0,2,0,2} has one at t = 3, {0,2,0,...} one at t = 1
        CompleteRunLengths twos = CompleteRunLengths.of(CategoricalHmm.linearChain(2), sample, 2, 4);
        assertArrayEquals(new double[] {1}, twos.sampleLengths(), 0.0);
        assertArrayEquals(new double[] {1.0}, twos.sampleFractions(), 0.0);
        // kMax cuts the list but not the normalisation
        CompleteRunLengths cut = CompleteRunLengths.of(CategoricalHmm.linearChain(2), sample, 0, 2);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, cut.sampleFractions(), 1e-15);
    }

    @Test
    void exactFractionsAreTheExpectedCompleteRunsNormalisedOverAllLengths() {
        CategoricalHmm hmm = CategoricalHmm.linearChain(3);
        int t = 12;
        int[][] sample = new HmmSampler(hmm).sample(5, t, new SplittableRandom(3));
        ExactStatistics exact = new ExactStatistics(hmm);
        for (int a = 0; a < 3; a++) {
            double total = 0.0;
            for (int k = 1; k <= t - 2; k++) {
                total += exact.expectedCompleteRuns(a, k, t);
            }
            CompleteRunLengths all = CompleteRunLengths.of(hmm, sample, a, t - 2);
            CompleteRunLengths some = CompleteRunLengths.of(hmm, sample, a, 4);
            double sum = 0.0;
            for (int k = 1; k <= t - 2; k++) {
                double expected = exact.expectedCompleteRuns(a, k, t) / total;
                assertEquals(expected, all.exact()[k - 1], 1e-12 * expected, "symbol " + a + ", k = " + k);
                if (k <= 4) {
                    assertEquals(all.exact()[k - 1], some.exact()[k - 1], 0.0);
                }
                sum += all.exact()[k - 1];
            }
            assertEquals(1.0, sum, 1e-12, "fractions over all lengths sum to 1, symbol " + a);
        }
    }

    @Test
    void aLargeHmmSampleMatchesTheExactFractionsWithinMultinomialErrors() {
        CategoricalHmm hmm = CategoricalHmm.linearChain(2);
        int[][] sample = new HmmSampler(hmm).sample(4_000, 60, new SplittableRandom(11));
        CompleteRunLengths runs = CompleteRunLengths.of(hmm, sample, 0, 40);
        long total = 0;
        for (long c : EmpiricalStatistics.completeRunHistogram(sample, 3)[0]) {
            total += c;
        }
        for (int i = 0; i < runs.sampleLengths().length; i++) {
            int k = (int) runs.sampleLengths()[i];
            double p = runs.exact()[k - 1];
            double se = Math.sqrt(p * (1 - p) / total);
            HmmTesting.assertWithinBand("fraction of complete runs of length " + k, p, runs.sampleFractions()[i], se);
        }
        assertEquals(1, (int) runs.sampleLengths()[0], "short runs are the most common, so k = 1 is seen");
    }

    @Test
    void invalidInputsAreRejectedWithTheirValues() {
        CategoricalHmm hmm = CategoricalHmm.linearChain(2);
        int[][] sample = {{0, 2, 0, 2, 0}};
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, sample, 0, 4), "maxLength (kMax) must be in [1, T - 2 = 3], got 4");
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, sample, 0, 0), "got 0");
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, sample, 3, 2), "symbol must be in [0, 2], got 3");
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, new int[][] {{0, 2}}, 0, 1), "length T >= 3");
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, new int[][] {{0, 2, 0}, {0, 2}}, 0, 1),
                "sequence 1 has 2");
        CategoricalHmmTest.assertMessage(() -> CompleteRunLengths.of(hmm, new int[0][], 0, 1), "at least 1 sequence");
    }
}
