package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sampler against the exact statistics. Two designs: (1) many sequences of length 3 from the
 * stationary start, so that each sequence is one independent draw of a 3-gram and the
 * multinomial standard errors are exact; (2) long sequences, where windows are correlated and
 * the standard errors come from the spread between independent sequences (never below the
 * multinomial ones). Every band is {@link HmmTesting#Z} standard errors; seeds are fixed.
 */
class HmmSamplerTest {

    @Test
    void independentTrigramsMatchTheExactMultinomial() {
        int count = 200_000;
        long seed = 100;
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(h);
            int[][] x = h.sample(count, 3, new SplittableRandom(seed++));
            int k = h.symbols();
            long[] first = new long[k];
            long[] pairs = new long[k * k];
            long[] triples = new long[k * k * k];
            long changes = 0;
            for (int[] o : x) {
                first[o[0]]++;
                pairs[o[0] * k + o[1]]++;
                triples[(o[0] * k + o[1]) * k + o[2]]++;
                changes += o[1] != o[0] ? 1 : 0;
            }
            assertMultinomial(h.name() + " marginal", s.ngramProbabilities(1), first, count);
            assertMultinomial(h.name() + " 2-gram", s.ngramProbabilities(2), pairs, count);
            assertMultinomial(h.name() + " 3-gram", s.ngramProbabilities(3), triples, count);
            double pc = s.changeProbability();
            HmmTesting.assertWithinBand(h.name() + " P(change)", pc, changes / (double) count,
                    Math.sqrt(pc * (1 - pc) / count));
            double[][] p = s.outputTransitionMatrix();
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double q = p[a][b];
                    HmmTesting.assertWithinBand(h.name() + " P(" + b + "|" + a + ")", q,
                            pairs[a * k + b] / (double) first[a], Math.sqrt(q * (1 - q) / first[a]) + 1e-12);
                }
            }
        }
    }

    @Test
    void longSequenceStatisticsMatchTheExactOnes() {
        int count = 10_000;
        int length = 100;
        long seed = 200;
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            ExactStatistics s = new ExactStatistics(h);
            int k = h.symbols();
            int[][] x = h.sample(count, length, new SplittableRandom(seed++));
            String name = h.name();

            // n-grams: per-sequence counts give the spread between independent sequences
            for (int n = 1; n <= 3; n++) {
                double[] exact = s.ngramProbabilities(n);
                double[] pooled = EmpiricalStatistics.ngramFrequencies(x, k, n);
                int windows = length - n + 1;
                double[] sum = new double[exact.length];
                double[] squares = new double[exact.length];
                for (int i = 0; i < count; i++) {
                    long[] c = EmpiricalStatistics.ngramCounts(new int[][] {x[i]}, k, n);
                    for (int w = 0; w < exact.length; w++) {
                        sum[w] += c[w];
                        squares[w] += (double) c[w] * c[w];
                    }
                }
                for (int w = 0; w < exact.length; w++) {
                    double spread = standardErrorOfSum(sum[w], squares[w], count) / ((double) count * windows);
                    double multinomial = Math.sqrt(exact[w] * (1 - exact[w]) / ((double) count * windows));
                    HmmTesting.assertWithinBand(name + " " + n + "-gram " + Ngrams.label(w, n, k), exact[w],
                            pooled[w], Math.max(spread, multinomial));
                }
            }

            // symbol frequencies (§6 metric 3): the mean of per-sequence frequencies
            MeanSd[] freq = EmpiricalStatistics.symbolFrequencySummary(x, k);
            double[] marginal = s.marginal();
            for (int a = 0; a < k; a++) {
                HmmTesting.assertWithinBand(name + " frequency of " + a, marginal[a], freq[a].mean(),
                        Math.max(freq[a].standardError(), Math.sqrt(marginal[a] * (1 - marginal[a]) / (count * length))));
            }

            // volatility (§6 metric 2) and P(change)
            MeanSd vol = EmpiricalStatistics.volatility(x);
            HmmTesting.assertWithinBand(name + " changes per sequence", s.expectedChanges(length), vol.mean(),
                    vol.standardError());
            assertEquals(vol.mean() / (length - 1), EmpiricalStatistics.changeFrequency(x), 1e-12);

            // pooled transition matrix: a ratio estimator N_ab / N_a, linearised around the exact
            // value, so its error is that of the sum of residuals N_ab - P(b|a) N_a per sequence
            double[][] exactP = s.outputTransitionMatrix();
            double[][] pooledP = EmpiricalStatistics.outputTransitionMatrix(x, k);
            double[][] residualSum = new double[k][k];
            double[][] residualSquares = new double[k][k];
            double[] from = new double[k];
            for (int i = 0; i < count; i++) {
                long[][] c = EmpiricalStatistics.transitionCounts(new int[][] {x[i]}, k);
                for (int a = 0; a < k; a++) {
                    long row = 0;
                    for (int b = 0; b < k; b++) {
                        row += c[a][b];
                    }
                    from[a] += row;
                    for (int b = 0; b < k; b++) {
                        double r = c[a][b] - exactP[a][b] * row;
                        residualSum[a][b] += r;
                        residualSquares[a][b] += r * r;
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double se = standardErrorOfSum(residualSum[a][b], residualSquares[a][b], count) / from[a];
                    double multinomial = Math.sqrt(exactP[a][b] * (1 - exactP[a][b]) / from[a]);
                    HmmTesting.assertWithinBand(name + " P(" + b + "|" + a + ")", exactP[a][b], pooledP[a][b],
                            Math.max(se, multinomial));
                }
            }

            // complete-run histogram against (T - k - 1) w_a(k) per sequence
            long[][] observed = EmpiricalStatistics.completeRunHistogram(x, k);
            double[][] expected = s.expectedCompleteRunHistogram(length);
            double[][] runSquares = new double[k][length - 1];
            double[] totals = new double[k];
            double[] totalSquares = new double[k];
            for (int i = 0; i < count; i++) {
                long[][] c = EmpiricalStatistics.completeRunHistogram(new int[][] {x[i]}, k);
                for (int a = 0; a < k; a++) {
                    long total = 0;
                    for (int len = 1; len < length - 1; len++) {
                        runSquares[a][len] += (double) c[a][len] * c[a][len];
                        total += c[a][len];
                    }
                    totals[a] += total;
                    totalSquares[a] += (double) total * total;
                }
            }
            int bins = 0;
            for (int a = 0; a < k; a++) {
                double expectedTotal = 0.0;
                for (int len = 1; len < length - 1; len++) {
                    double e = count * expected[a][len];
                    expectedTotal += e;
                    if (e >= 5.0) {
                        bins++;
                        double se = Math.max(standardErrorOfSum(observed[a][len], runSquares[a][len], count),
                                Math.sqrt(e));
                        HmmTesting.assertWithinBand(name + " complete runs of " + a + " of length " + len, e,
                                observed[a][len], se);
                    }
                }
                HmmTesting.assertWithinBand(name + " complete runs of " + a, expectedTotal, totals[a],
                        Math.max(standardErrorOfSum(totals[a], totalSquares[a], count), Math.sqrt(expectedTotal)));
            }
            assertTrue(bins >= 20, name + ": only " + bins + " run-length bins were tested");
        }
    }

    @Test
    void bandsRejectTheWrongModel() {
        // The same test against a neighbouring chain fails: the bands have power.
        int count = 10_000;
        int length = 100;
        int[][] x = CategoricalHmm.linearChain(3).sample(count, length, new SplittableRandom(300));
        MeanSd vol = EmpiricalStatistics.volatility(x);
        double right = HmmTesting.zScore(new ExactStatistics(CategoricalHmm.linearChain(3)).expectedChanges(length),
                vol.mean(), vol.standardError());
        double wrong = HmmTesting.zScore(new ExactStatistics(CategoricalHmm.linearChain(4)).expectedChanges(length),
                vol.mean(), vol.standardError());
        assertTrue(Math.abs(right) < HmmTesting.Z, "right model z = " + right);
        assertTrue(Math.abs(wrong) > 3 * HmmTesting.Z, "wrong model z = " + wrong);
        // the marginals cannot tell the chains apart (brief §2): all are 0.495 / 0.01 / 0.495
        assertArrayEquals(new ExactStatistics(CategoricalHmm.linearChain(3)).marginal(),
                new ExactStatistics(CategoricalHmm.linearChain(4)).marginal(), 1e-14);
    }

    @Test
    void hiddenStatesAreConsistentWithTheModel() {
        for (CategoricalHmm h : HmmTesting.paperHmms()) {
            HmmSample sample = new HmmSampler(h).sampleWithStates(2_000, 50, new SplittableRandom(7));
            long[] occupancy = new long[h.states()];
            for (int n = 0; n < 2_000; n++) {
                int[] s = sample.states()[n];
                int[] o = sample.symbols()[n];
                for (int t = 0; t < 50; t++) {
                    occupancy[s[t]]++;
                    assertTrue(h.emission(s[t], o[t]) > 0.0, h.name() + ": state " + s[t] + " emitted " + o[t]);
                    if (t > 0) {
                        assertTrue(h.transition(s[t - 1], s[t]) > 0.0, h.name() + ": " + s[t - 1] + " -> " + s[t]);
                    }
                }
            }
            // the uniform start is stationary, so the state occupancy is uniform; states are
            // correlated along a sequence, hence the loose (but still informative) 25 % band
            for (long c : occupancy) {
                assertEquals(1.0 / h.states(), c / 100_000.0, 0.25 / h.states(), h.name());
            }
        }
    }

    @Test
    void seededSamplingIsReproducibleAndPrefixStable() {
        CategoricalHmm h = CategoricalHmm.cyclic4();
        HmmSampler sampler = new HmmSampler(h);
        int[][] a = sampler.sample(20, 40, new SplittableRandom(42));
        int[][] b = sampler.sample(20, 40, new SplittableRandom(42));
        int[][] c = sampler.sample(20, 40, new SplittableRandom(43));
        int[][] longer = sampler.sample(30, 40, new SplittableRandom(42));
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.deepEquals(a, c));
        assertTrue(Arrays.deepEquals(a, Arrays.copyOf(longer, 20)));
        HmmSample withStates = sampler.sampleWithStates(20, 40, new SplittableRandom(42));
        assertTrue(Arrays.deepEquals(a, withStates.symbols()));
        // exactly 2 T doubles per sequence
        SplittableRandom used = new SplittableRandom(42);
        sampler.sample(20, 40, used);
        SplittableRandom reference = new SplittableRandom(42);
        for (int i = 0; i < 2 * 20 * 40; i++) {
            reference.nextDouble();
        }
        assertEquals(reference.nextLong(), used.nextLong());
        assertEquals(0, sampler.sample(0, 5, new SplittableRandom(1)).length);
    }

    @Test
    void drawsFollowHmmlearnsInverseCdfOrder() {
        // A deterministic check of the event order: with a known uniform stream the symbols are
        // determined. Replay the stream by hand: s1 from pi, emit, move, emit, ...
        CategoricalHmm h = HmmTesting.randomHmm(3, 3, 77);
        int length = 12;
        int[] o = new HmmSampler(h).sample(1, length, new SplittableRandom(5))[0];
        SplittableRandom r = new SplittableRandom(5);
        int s = inverseCdf(h.startDistribution(), r.nextDouble());
        for (int t = 0; t < length; t++) {
            assertEquals(inverseCdf(h.emissionMatrix()[s], r.nextDouble()), o[t], "t = " + t);
            if (t < length - 1) {
                s = inverseCdf(h.transitionMatrix()[s], r.nextDouble());
            }
        }
    }

    @Test
    void samplesThePapersDataSetSizeQuickly() {
        HmmSampler sampler = new HmmSampler(CategoricalHmm.linearChain(5));
        sampler.sample(3_000, 100, new SplittableRandom(1));  // warm-up
        long t0 = System.nanoTime();
        int[][] x = sampler.sample(30_000, 100, new SplittableRandom(2));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("HmmSampler: 30,000 x 100 symbols in %.3f s%n", seconds);
        assertEquals(30_000, x.length);
        assertTrue(seconds < 3.0, "sampling 3e6 symbols took " + seconds + " s");
    }

    @Test
    void rejectsBadArguments() {
        HmmSampler sampler = new HmmSampler(CategoricalHmm.linearChain(2));
        CategoricalHmmTest.assertMessage(() -> sampler.sample(-1, 5, new SplittableRandom(1)), "count must be >= 0");
        CategoricalHmmTest.assertMessage(() -> sampler.sample(1, 0, new SplittableRandom(1)), "length must be >= 1");
    }

    /**
     * The standard error of a sum of {@code n} independent values, from their sum and sum of
     * squares: {@code sqrt(n * var)} with the sample variance.
     */
    private static double standardErrorOfSum(double sum, double squares, int n) {
        double mean = sum / n;
        double variance = Math.max(squares - n * mean * mean, 0.0) / (n - 1);
        return Math.sqrt(n * variance);
    }

    private static int inverseCdf(double[] p, double u) {
        double c = 0.0;
        for (int j = 0; j < p.length; j++) {
            c += p[j];
            if (c > u) {
                return j;
            }
        }
        throw new AssertionError("u = " + u + " beyond the row sum " + c);
    }

    private static void assertMultinomial(String what, double[] p, long[] counts, long n) {
        for (int w = 0; w < p.length; w++) {
            double se = Math.sqrt(p[w] * (1 - p[w]) / n);
            HmmTesting.assertWithinBand(what + " " + w, p[w], counts[w] / (double) n, se);
        }
    }
}
