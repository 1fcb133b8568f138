package org.phasebook.hmm;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Exact output statistics of a {@link CategoricalHmm} in its stationary regime, the oracles of
 * brief {@code hmm-rnn.md} §7. With the stationary distribution {@code pi} ({@code pi^T A =
 * pi^T}), {@code D_a = diag(B[., a])} and {@code D_!a = I - D_a}:
 * <ul>
 *   <li>n-gram probability: {@code P(o_1..o_n) = pi^T D_{o_1} A D_{o_2} A ... A D_{o_n} 1};</li>
 *   <li>per-step change probability: {@code P(o_{t+1} != o_t) = 1 - sum_a pi^T D_a A D_a 1};
 *       expected changes in a sequence of length {@code T}: {@code (T - 1) P(change)};</li>
 *   <li>output transition matrix: {@code P(o' = b | o = a) = pi^T D_a A D_b 1 / pi^T D_a 1};</li>
 *   <li>run weights {@code w_a(k) = pi^T D_!a (A D_a)^k A D_!a 1}: the probability that, at a
 *       given position, a symbol other than {@code a} is followed by exactly {@code k} symbols
 *       {@code a} and then by another non-{@code a}. The dwell distribution is
 *       {@code p_a(k) = w_a(k) / sum_j w_a(j)}, and a sequence of length {@code T} holds on
 *       average {@code (T - k - 1) w_a(k)} complete runs of length {@code k} (runs with both
 *       neighbours inside the sequence; runs touching either end are censored).</li>
 * </ul>
 * These are the statistics of sequences at every {@code t} only when the model starts in
 * {@code pi}; {@link #startIsStationary(double)} tells. For the paper's six HMMs it does: their
 * transition matrices are symmetric, hence doubly stochastic, and their start is uniform.
 *
 * <p>Two identities tie the run weights to the n-grams and serve as checks:
 * {@code sum_k w_a(k) = sum_{c != a} P(c a)} (every run that starts also ends, when no set of
 * states emits only {@code a} forever) and {@code sum_k k w_a(k) = P(a)} (every symbol
 * {@code a} belongs to one run). The mean dwell time is therefore {@code P(a) / sum_{c != a} P(c a)}.
 *
 * <p>Everything is computed in double precision from the model's matrices; an instance is
 * immutable.
 */
public final class ExactStatistics {

    private final CategoricalHmm hmm;
    private final int m;
    private final int k;
    private final double[] stationary;
    private final double[][] a;
    private final double[][] b;

    /**
     * The statistics of {@code hmm}; solves for its stationary distribution.
     *
     * @throws IllegalArgumentException if the transition matrix has no unique stationary
     *     distribution (a reducible chain)
     */
    public ExactStatistics(CategoricalHmm hmm) {
        this.hmm = Objects.requireNonNull(hmm, "hmm");
        this.m = hmm.states();
        this.k = hmm.symbols();
        this.a = hmm.transitionMatrix();
        this.b = hmm.emissionMatrix();
        this.stationary = solveStationary(hmm.name(), a);
    }

    /** The model. */
    public CategoricalHmm hmm() {
        return hmm;
    }

    /** A copy of the stationary distribution {@code pi} ({@code pi^T A = pi^T, sum pi = 1}). */
    public double[] stationaryDistribution() {
        return stationary.clone();
    }

    /** Whether the model's start distribution equals {@code pi} within {@code tolerance} in every entry. */
    public boolean startIsStationary(double tolerance) {
        for (int i = 0; i < m; i++) {
            if (!(Math.abs(hmm.startProbability(i) - stationary[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** The output marginal {@code P(o = a) = sum_i pi_i B_ia}, length {@code K}. */
    public double[] marginal() {
        return ngramProbabilities(1);
    }

    /** {@code P(o_1..o_n = word)} in the stationary regime; the empty word has probability 1. */
    public double ngramProbability(int... word) {
        Objects.requireNonNull(word, "word");
        hmm.checkSymbols("word", word);
        if (word.length == 0) {
            return 1.0;
        }
        double[] v = new double[m];
        double[] next = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = stationary[i] * b[i][word[0]];
        }
        for (int t = 1; t < word.length; t++) {
            propagate(v, word[t], next);
            double[] swap = v;
            v = next;
            next = swap;
        }
        return sum(v);
    }

    /**
     * All n-gram probabilities, indexed as {@link Ngrams} describes; they sum to 1 and
     * marginalise: summing over the last (or first) symbol gives the (n-1)-gram probabilities.
     *
     * @param n word length, {@code >= 1}, with {@code K^n <= }{@link Ngrams#MAX_WORDS}
     */
    public double[] ngramProbabilities(int n) {
        int words = Ngrams.words(n, k);
        // Forward vectors of every prefix, extended one symbol at a time: K^l * M doubles at level l.
        double[] level = new double[k * m];
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < m; i++) {
                level[o * m + i] = stationary[i] * b[i][o];
            }
        }
        double[] scratch = new double[m];
        double[] next = new double[m];
        for (int l = 2; l <= n; l++) {
            int prefixes = level.length / m;
            double[] longer = new double[prefixes * k * m];
            for (int w = 0; w < prefixes; w++) {
                System.arraycopy(level, w * m, scratch, 0, m);
                for (int o = 0; o < k; o++) {
                    propagate(scratch, o, next);
                    System.arraycopy(next, 0, longer, (w * k + o) * m, m);
                }
            }
            level = longer;
        }
        double[] p = new double[words];
        for (int w = 0; w < words; w++) {
            double s = 0.0;
            for (int i = 0; i < m; i++) {
                s += level[w * m + i];
            }
            p[w] = s;
        }
        return p;
    }

    /** {@code P(o_{t+1} != o_t)} in the stationary regime. */
    public double changeProbability() {
        double same = 0.0;
        for (int o = 0; o < k; o++) {
            same += ngramProbability(o, o);
        }
        return 1.0 - same;
    }

    /** {@code (T - 1) P(change)}: the expected number of output changes in a sequence of length {@code T >= 1}. */
    public double expectedChanges(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length (T) must be >= 1, got " + length);
        }
        return (length - 1) * changeProbability();
    }

    /**
     * The output transition matrix {@code P[a][b] = P(o_{t+1} = b | o_t = a)}; a row whose
     * symbol has stationary probability 0 is NaN.
     */
    public double[][] outputTransitionMatrix() {
        double[] pairs = ngramProbabilities(2);
        double[][] p = new double[k][k];
        for (int x = 0; x < k; x++) {
            double row = 0.0;
            for (int y = 0; y < k; y++) {
                row += pairs[x * k + y];
            }
            for (int y = 0; y < k; y++) {
                p[x][y] = row > 0.0 ? pairs[x * k + y] / row : Double.NaN;
            }
        }
        return p;
    }

    /**
     * The run weights {@code w_a(1..maxLength)}: entry {@code j} is
     * {@code pi^T D_!a (A D_a)^j A D_!a 1}; entry 0 is 0.
     *
     * @param symbol    {@code a}
     * @param maxLength the longest run length, {@code >= 1}
     */
    public double[] runWeights(int symbol, int maxLength) {
        checkSymbol(symbol);
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        double[] w = new double[maxLength + 1];
        double[] r = new double[m];
        double[] next = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = stationary[i] * (1.0 - b[i][symbol]);
        }
        for (int len = 1; len <= maxLength; len++) {
            propagate(r, symbol, next);
            double[] swap = r;
            r = next;
            next = swap;
            // close the run: one more step into a state that emits something other than a
            double closed = 0.0;
            for (int j = 0; j < m; j++) {
                double reach = 0.0;
                for (int i = 0; i < m; i++) {
                    reach += r[i] * a[i][j];
                }
                closed += reach * (1.0 - b[j][symbol]);
            }
            w[len] = closed;
        }
        return w;
    }

    /**
     * The total run weight {@code sum_k w_a(k) = sum_{c != a} P(c a)}: the probability that a
     * run of {@code a} starts at a given position (its left neighbour inside the sequence).
     */
    public double runStartProbability(int symbol) {
        checkSymbol(symbol);
        double z = 0.0;
        for (int c = 0; c < k; c++) {
            if (c != symbol) {
                z += ngramProbability(c, symbol);
            }
        }
        return z;
    }

    /**
     * The dwell distribution {@code p_a(k) = w_a(k) / sum_j w_a(j)} for {@code k = 1..maxLength}
     * (entry 0 is 0); the missing mass is that of runs longer than {@code maxLength}. NaN if
     * runs of {@code a} never start.
     */
    public double[] dwellProbabilities(int symbol, int maxLength) {
        double[] w = runWeights(symbol, maxLength);
        double z = runStartProbability(symbol);
        for (int j = 1; j <= maxLength; j++) {
            w[j] = z > 0.0 ? w[j] / z : Double.NaN;
        }
        return w;
    }

    /** The mean dwell (run length) of symbol {@code a}: {@code P(a) / sum_{c != a} P(c a)}. */
    public double meanDwell(int symbol) {
        double z = runStartProbability(symbol);
        return z > 0.0 ? marginal()[symbol] / z : Double.NaN;
    }

    /**
     * {@code (T - k - 1) w_a(k)}: the expected number of complete runs of {@code a} of length
     * exactly {@code k} in a sequence of length {@code T} (0 when {@code k > T - 2}).
     */
    public double expectedCompleteRuns(int symbol, int runLength, int sequenceLength) {
        if (runLength < 1) {
            throw new IllegalArgumentException("runLength (k) must be >= 1, got " + runLength);
        }
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequenceLength (T) must be >= 1, got " + sequenceLength);
        }
        checkSymbol(symbol);
        if (runLength > sequenceLength - 2) {
            return 0.0;
        }
        return (sequenceLength - runLength - 1) * runWeights(symbol, runLength)[runLength];
    }

    /**
     * The expected histogram of complete runs in one sequence of length {@code T}: entry
     * {@code [a][k]} is {@link #expectedCompleteRuns(int, int, int)} for {@code k = 1..T-2},
     * entry {@code [a][0]} is 0; the array has {@code max(T - 1, 1)} columns, the shape of
     * {@link EmpiricalStatistics#completeRunHistogram(int[][], int)} for sequences of length
     * {@code T}.
     */
    public double[][] expectedCompleteRunHistogram(int sequenceLength) {
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequenceLength (T) must be >= 1, got " + sequenceLength);
        }
        int columns = Math.max(sequenceLength - 1, 1);
        double[][] h = new double[k][columns];
        if (sequenceLength < 3) {
            return h;
        }
        for (int s = 0; s < k; s++) {
            double[] w = runWeights(s, sequenceLength - 2);
            for (int len = 1; len <= sequenceLength - 2; len++) {
                h[s][len] = (sequenceLength - len - 1) * w[len];
            }
        }
        return h;
    }

    /** {@code next = (v A) D_symbol}: one forward step with the emission of {@code symbol}. */
    private void propagate(double[] v, int symbol, double[] next) {
        for (int j = 0; j < m; j++) {
            double s = 0.0;
            for (int i = 0; i < m; i++) {
                s += v[i] * a[i][j];
            }
            next[j] = s * b[j][symbol];
        }
    }

    private void checkSymbol(int symbol) {
        if (symbol < 0 || symbol >= k) {
            throw new IllegalArgumentException("symbol must be in [0, " + k + "), got " + symbol);
        }
    }

    private static double sum(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /**
     * Solves {@code (A^T - I) pi = 0} with {@code sum pi = 1} by replacing one equation with the
     * normalisation: the system is regular exactly when the stationary distribution is unique.
     */
    private static double[] solveStationary(String name, double[][] a) {
        int m = a.length;
        double[][] system = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                system[i][j] = a[j][i] - (i == j ? 1.0 : 0.0);
            }
        }
        for (int j = 0; j < m; j++) {
            system[m - 1][j] = 1.0;
        }
        double[] rhs = new double[m];
        rhs[m - 1] = 1.0;
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(system, false), 1e-12).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("transitions (A) of " + name
                    + " has no unique stationary distribution (the chain is reducible)");
        }
        RealVector x = solver.solve(new ArrayRealVector(rhs, false));
        double[] pi = x.toArray();
        double total = 0.0;
        for (int i = 0; i < m; i++) {
            if (pi[i] < -1e-9) {
                throw new IllegalArgumentException("transitions (A) of " + name
                        + " gave a stationary distribution with negative entry pi[" + i + "] = " + pi[i]);
            }
            pi[i] = Math.max(pi[i], 0.0);
            total += pi[i];
        }
        for (int i = 0; i < m; i++) {
            pi[i] /= total;
        }
        return pi;
    }
}
