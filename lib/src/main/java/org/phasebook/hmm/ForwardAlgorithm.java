package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Likelihoods of output sequences under a {@link CategoricalHmm} by the scaled forward
 * algorithm (Rabiner 1989, §V.A). With the filtered state distribution
 * {@code f_t(j) = P(s_t = j | o_1..o_t)}, each step computes
 * <pre>
 *   c_t = sum_j (f_{t-1} A)_j B[j][o_t]   (f_0 A read as pi),
 *   f_t(j) = (f_{t-1} A)_j B[j][o_t] / c_t,
 * </pre>
 * so that {@code c_t = P(o_t | o_1..o_{t-1})} and {@code log P(o_1..o_T) = sum_t log c_t}
 * without underflow at any length. Logarithms are natural (nats). A sequence the model cannot
 * emit has {@code c_t = 0} at some step and log-likelihood {@code -infinity}.
 *
 * <p>The per-symbol negative log-likelihood of HMM samples estimates the entropy rate; of
 * another generator's samples (an RNN's), it is the cross-entropy that brief §7 reports beside
 * the entropy rate as a one-sided check. An instance is immutable and thread-safe.
 */
public final class ForwardAlgorithm {

    private final CategoricalHmm hmm;
    private final int m;
    private final int k;
    private final double[] start;
    private final double[] a;
    private final double[] b;

    /** The forward algorithm for {@code hmm}. */
    public ForwardAlgorithm(CategoricalHmm hmm) {
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        this.m = hmm.states();
        this.k = hmm.symbols();
        this.start = hmm.startDistribution();
        this.a = new double[m * m];
        this.b = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i * m + j] = hmm.transition(i, j);
            }
            for (int o = 0; o < k; o++) {
                b[i * k + o] = hmm.emission(i, o);
            }
        }
    }

    /** The model. */
    public CategoricalHmm hmm() {
        return hmm;
    }

    /**
     * {@code log P(o_1..o_T)} under the model, starting from its start distribution.
     *
     * @param sequence symbols in {@code 0..K-1}; the empty sequence has log-likelihood 0
     * @return the natural log-likelihood, {@code -infinity} if the model cannot emit it
     */
    public double logLikelihood(int[] sequence) {
        hmm.checkSymbols("sequence", sequence);
        return run(sequence, null, new double[m], new double[m]);
    }

    /**
     * The one-step predictive log-probabilities {@code log P(o_t | o_1..o_{t-1})},
     * {@code t = 1..T}; they sum to {@link #logLikelihood(int[])}. After an impossible step the
     * remaining entries are NaN.
     */
    public double[] conditionalLogProbabilities(int[] sequence) {
        hmm.checkSymbols("sequence", sequence);
        double[] out = new double[sequence.length];
        run(sequence, out, new double[m], new double[m]);
        return out;
    }

    /**
     * The pooled per-symbol negative log-likelihood {@code -sum_n log P(seq_n) / sum_n T_n}.
     *
     * @param sequences at least one symbol in all
     * @return nats per symbol; {@code +infinity} if any sequence is impossible under the model
     */
    public double meanNegativeLogLikelihood(int[][] sequences) {
        Objects.requireNonNull(sequences, "sequences");
        double total = 0.0;
        long symbols = 0;
        double[] f = new double[m];
        double[] next = new double[m];
        for (int n = 0; n < sequences.length; n++) {
            hmm.checkSymbols("sequences[" + n + "]", sequences[n]);
            total -= run(sequences[n], null, f, next);
            symbols += sequences[n].length;
        }
        if (symbols == 0) {
            throw new IllegalArgumentException("sequences must hold at least one symbol, got "
                    + sequences.length + " empty sequences");
        }
        return total / symbols;
    }

    /**
     * The per-symbol negative log-likelihood of each sequence, {@code -log P(seq_n) / T_n};
     * pass the result to {@link MeanSd#of(double[])} for a mean ± sd over sequences.
     */
    public double[] negativeLogLikelihoodPerSymbol(int[][] sequences) {
        Objects.requireNonNull(sequences, "sequences");
        double[] out = new double[sequences.length];
        double[] f = new double[m];
        double[] next = new double[m];
        for (int n = 0; n < sequences.length; n++) {
            hmm.checkSymbols("sequences[" + n + "]", sequences[n]);
            if (sequences[n].length == 0) {
                throw new IllegalArgumentException("sequences[" + n + "] is empty (needs >= 1 symbol)");
            }
            out[n] = -run(sequences[n], null, f, next) / sequences[n].length;
        }
        return out;
    }

    /**
     * A Monte-Carlo estimate of the entropy rate {@code h = lim_T H(o_T | o_1..o_{T-1})} in nats
     * per symbol: {@code count} sequences of {@code length} symbols are drawn, and each
     * contributes the mean of {@code -log P(o_t | o_1..o_{t-1})} over {@code t > burnIn}. The
     * expectation of that mean is {@code (H(o_1..o_T) - H(o_1..o_burnIn)) / (T - burnIn)},
     * which decreases to {@code h} from above as {@code burnIn} grows (the conditional entropies
     * decrease with the conditioning length); with the burn-in a few correlation times long,
     * the bias is far below the statistical error.
     *
     * @param count  sequences, {@code >= 2} (for a standard deviation)
     * @param length symbols per sequence, {@code > burnIn}
     * @param burnIn leading symbols that condition but are not scored, {@code >= 0}
     * @param random the generator used for sampling
     * @return mean ± sd over sequences; {@link MeanSd#standardError()} is the Monte-Carlo error
     */
    public MeanSd entropyRate(int count, int length, int burnIn, SplittableRandom random) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be >= 2, got " + count);
        }
        if (burnIn < 0 || burnIn >= length) {
            throw new IllegalArgumentException("burnIn must be in [0, length) = [0, " + length + "), got " + burnIn);
        }
        int[][] sample = new HmmSampler(hmm).sample(count, length, random);
        double[] perSequence = new double[count];
        double[] conditional = new double[length];
        double[] f = new double[m];
        double[] next = new double[m];
        for (int n = 0; n < count; n++) {
            run(sample[n], conditional, f, next);
            double sum = 0.0;
            for (int t = burnIn; t < length; t++) {
                sum -= conditional[t];
            }
            perSequence[n] = sum / (length - burnIn);
        }
        return MeanSd.of(perSequence);
    }

    /** Runs the scaled recursion; writes {@code log c_t} into {@code logC} when non-null. */
    private double run(int[] o, double[] logC, double[] f, double[] next) {
        double logLikelihood = 0.0;
        for (int t = 0; t < o.length; t++) {
            int symbol = o[t];
            double c = 0.0;
            for (int j = 0; j < m; j++) {
                double predicted;
                if (t == 0) {
                    predicted = start[j];
                } else {
                    predicted = 0.0;
                    for (int i = 0; i < m; i++) {
                        predicted += f[i] * a[i * m + j];
                    }
                }
                double v = predicted * b[j * k + symbol];
                next[j] = v;
                c += v;
            }
            if (!(c > 0.0)) {
                if (logC != null) {
                    logC[t] = Double.NEGATIVE_INFINITY;
                    for (int u = t + 1; u < o.length; u++) {
                        logC[u] = Double.NaN;
                    }
                }
                return Double.NEGATIVE_INFINITY;
            }
            double inverse = 1.0 / c;
            for (int j = 0; j < m; j++) {
                f[j] = next[j] * inverse;
            }
            double logc = Math.log(c);
            if (logC != null) {
                logC[t] = logc;
            }
            logLikelihood += logc;
        }
        return logLikelihood;
    }
}
