package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws sequences from a {@link CategoricalHmm} in the order of hmmlearn's
 * {@code CategoricalHMM.sample}: {@code s_1 ~ pi}, then for {@code t = 1..T} emit
 * {@code o_t ~ B[s_t]} and, unless {@code t = T}, move {@code s_{t+1} ~ A[s_t]}.
 *
 * <p><b>Draws.</b> Every event takes one {@link SplittableRandom#nextDouble()} {@code u} and
 * picks the first index {@code j} whose cumulative probability exceeds {@code u}, which is
 * hmmlearn's {@code (cdf > rand).argmax()}; so a sequence of length {@code T} consumes exactly
 * {@code 2T} doubles, and sequences are drawn one after another. The first {@code n} sequences
 * of a call with {@code count > n} are therefore those of a call with {@code count = n} from an
 * equally seeded generator. Given hmmlearn's uniforms, the same symbols would come out; numpy's
 * stream is of course not {@code SplittableRandom}'s. The last cumulative entry with positive
 * probability is raised to {@code +infinity}, so a row summing to slightly less than 1 never
 * picks a zero-probability symbol (hmmlearn's {@code argmax} would pick index 0 there).
 *
 * <p><b>Cost.</b> The cumulative rows are built once per sampler in flat arrays; the inner loop
 * does a linear search over at most {@code max(M, K)} entries and allocates nothing per symbol
 * (30,000 x 100 symbols take a few tens of milliseconds). A sampler is immutable and may be
 * shared between threads, each with its own generator.
 */
public final class HmmSampler {

    private final CategoricalHmm hmm;
    private final int m;
    private final int k;
    private final double[] startCdf;
    private final double[] transitionCdf;
    private final double[] emissionCdf;

    /** A sampler for {@code hmm}. */
    public HmmSampler(CategoricalHmm hmm) {
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        this.m = hmm.states();
        this.k = hmm.symbols();
        double[][] pi = {hmm.startDistribution()};
        this.startCdf = cumulativeRows(pi, m);
        this.transitionCdf = cumulativeRows(hmm.transitionMatrix(), m);
        this.emissionCdf = cumulativeRows(hmm.emissionMatrix(), k);
    }

    /** The model sampled from. */
    public CategoricalHmm hmm() {
        return hmm;
    }

    /**
     * {@code count} independent sequences of {@code length} symbols.
     *
     * @param count  number of sequences, {@code >= 0}
     * @param length symbols per sequence, {@code >= 1}
     * @param random the generator; advanced by {@code 2 * count * length} doubles
     * @return {@code symbols[n][t]} in {@code 0..K-1}
     */
    public int[][] sample(int count, int length, SplittableRandom random) {
        checkSizes(count, length);
        Objects.requireNonNull(random, "random");
        int[][] symbols = new int[count][length];
        for (int n = 0; n < count; n++) {
            fill(symbols[n], null, random);
        }
        return symbols;
    }

    /**
     * As {@link #sample(int, int, SplittableRandom)}, keeping the hidden states; the symbols are
     * the same as those of {@code sample} from an equally seeded generator.
     */
    public HmmSample sampleWithStates(int count, int length, SplittableRandom random) {
        checkSizes(count, length);
        Objects.requireNonNull(random, "random");
        int[][] symbols = new int[count][length];
        int[][] states = new int[count][length];
        for (int n = 0; n < count; n++) {
            fill(symbols[n], states[n], random);
        }
        return new HmmSample(symbols, states);
    }

    private void fill(int[] symbols, int[] states, SplittableRandom random) {
        int last = symbols.length - 1;
        int s = draw(startCdf, 0, m, random.nextDouble());
        for (int t = 0; ; t++) {
            if (states != null) {
                states[t] = s;
            }
            symbols[t] = draw(emissionCdf, s * k, k, random.nextDouble());
            if (t == last) {
                return;
            }
            s = draw(transitionCdf, s * m, m, random.nextDouble());
        }
    }

    /** The first {@code j} with {@code cdf[offset + j] > u}; the row's last positive entry is infinite. */
    private static int draw(double[] cdf, int offset, int width, double u) {
        int j = 0;
        while (j < width - 1 && !(cdf[offset + j] > u)) {
            j++;
        }
        return j;
    }

    private static double[] cumulativeRows(double[][] rows, int width) {
        double[] cdf = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            int lastPositive = 0;
            double sum = 0.0;
            for (int j = 0; j < width; j++) {
                sum += rows[i][j];
                cdf[i * width + j] = sum;
                if (rows[i][j] > 0.0) {
                    lastPositive = j;
                }
            }
            for (int j = lastPositive; j < width; j++) {
                cdf[i * width + j] = Double.POSITIVE_INFINITY;
            }
        }
        return cdf;
    }

    private static void checkSizes(int count, int length) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
    }
}
