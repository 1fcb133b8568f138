package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The length distribution of the complete runs of one symbol {@code a}, exact and in a sample,
 * for run lengths {@code k = 1..kMax} (brief {@code hmm-rnn.md} §7, "Dwell (run-length)
 * distribution"). A run is a maximal block of equal symbols; it is complete when a different
 * symbol lies on both sides of it inside the sequence. In a sequence of length {@code T} the
 * expected number of complete runs of length {@code k} is {@code (T - k - 1) w_a(k)} with
 * {@code w_a(k) = pi^T D_{not a} (A D_a)^k A D_{not a} 1}
 * ({@link ExactStatistics#expectedCompleteRunHistogram(int)}); counting complete runs only is
 * what makes that prediction exact, since runs cut by the ends of a sequence are biased short.
 *
 * <p>Both sides are fractions of all complete runs of {@code a}: the exact fraction of length
 * {@code k} is {@code (T - k - 1) w_a(k)} divided by its sum over {@code k = 1..T-2}, the sample
 * fraction is the number of complete runs of length {@code k} divided by the number of complete
 * runs of any length. The sample arrays list only the lengths seen at least once, so that a
 * logarithmic axis can show every point. Arrays are not copied.
 *
 * @param symbol          the symbol {@code a}
 * @param lengths         {@code k = 1..kMax}
 * @param exact           the exact fraction of complete runs of each length in {@code lengths}
 * @param sampleLengths   the lengths in {@code 1..kMax} with at least one complete run in the
 *                        sample, ascending
 * @param sampleFractions the sample fraction of complete runs of each length in
 *                        {@code sampleLengths}
 */
public record CompleteRunLengths(int symbol, double[] lengths, double[] exact, double[] sampleLengths,
                                 double[] sampleFractions) {

    /** Checks that the arrays are present and pair up. */
    public CompleteRunLengths {
        Objects.requireNonNull(lengths, "lengths");
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(sampleLengths, "sampleLengths");
        Objects.requireNonNull(sampleFractions, "sampleFractions");
        if (exact.length != lengths.length) {
            throw new IllegalArgumentException("exact must have one value per length (" + lengths.length
                    + "), got " + exact.length);
        }
        if (sampleFractions.length != sampleLengths.length) {
            throw new IllegalArgumentException("sampleFractions must have one value per sample length ("
                    + sampleLengths.length + "), got " + sampleFractions.length);
        }
    }

    /**
     * The exact and the sample length distribution of the complete runs of {@code symbol}.
     *
     * @param hmm       the model, started from its stationary distribution (as every
     *                  {@link BenchmarkHmm} is)
     * @param sample    sequences of the model, all of the same length {@code T >= 3}
     * @param symbol    the symbol {@code a}, in {@code 0..K-1}
     * @param maxLength {@code kMax}, in {@code 1..T-2} (a complete run is at most {@code T - 2} long)
     */
    public static CompleteRunLengths of(CategoricalHmm hmm, int[][] sample, int symbol, int maxLength) {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(sample, "sample");
        if (sample.length == 0) {
            throw new IllegalArgumentException("sample must hold at least 1 sequence, got 0");
        }
        int length = Objects.requireNonNull(sample[0], "sample[0]").length;
        for (int n = 1; n < sample.length; n++) {
            if (Objects.requireNonNull(sample[n], "sample[" + n + "]").length != length) {
                throw new IllegalArgumentException("sample sequences must all have length T = " + length
                        + ", sequence " + n + " has " + sample[n].length);
            }
        }
        if (length < 3) {
            throw new IllegalArgumentException("sample sequences must have length T >= 3 (to hold a complete run), got "
                    + length);
        }
        if (symbol < 0 || symbol >= hmm.symbols()) {
            throw new IllegalArgumentException("symbol must be in [0, " + (hmm.symbols() - 1) + "], got " + symbol);
        }
        if (maxLength < 1 || maxLength > length - 2) {
            throw new IllegalArgumentException("maxLength (kMax) must be in [1, T - 2 = " + (length - 2) + "], got "
                    + maxLength);
        }
        double[] expected = new ExactStatistics(hmm).expectedCompleteRunHistogram(length)[symbol];
        long[] counts = EmpiricalStatistics.completeRunHistogram(sample, hmm.symbols())[symbol];
        double expectedRuns = Arrays.stream(expected).sum();
        double seenRuns = Arrays.stream(counts).sum();
        double[] lengths = IntStream.rangeClosed(1, maxLength).asDoubleStream().toArray();
        double[] exact = IntStream.rangeClosed(1, maxLength).mapToDouble(k -> expected[k] / expectedRuns).toArray();
        int[] seen = IntStream.rangeClosed(1, maxLength).filter(k -> counts[k] > 0).toArray();
        return new CompleteRunLengths(symbol, lengths, exact, Arrays.stream(seen).asDoubleStream().toArray(),
                Arrays.stream(seen).mapToDouble(k -> counts[k] / seenRuns).toArray());
    }
}
