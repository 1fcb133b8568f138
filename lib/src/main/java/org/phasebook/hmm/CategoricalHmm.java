package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A hidden Markov model with {@code M} hidden states and {@code K} categorical output symbols:
 * start distribution {@code pi} (length {@code M}), transition matrix {@code A}
 * ({@code A[i][j] = P(s_{t+1} = j | s_t = i)}, {@code M x M}) and emission matrix {@code B}
 * ({@code B[i][a] = P(o_t = a | s_t = i)}, {@code M x K}); the notation of hmmlearn's
 * {@code CategoricalHMM} and of the brief {@code hmm-rnn.md} §2.
 *
 * <p>Immutable: the constructor copies its arrays and the accessors return copies (or single
 * entries). The constructor rejects wrong shapes, NaN, infinite or negative entries and rows
 * that do not sum to 1 within {@link #ROW_SUM_TOLERANCE}, naming the matrix, the row and the
 * value. Rows are kept as given, not renormalised, so that a model built from another
 * program's matrices is the same model.
 *
 * <p>The six HMMs of Torre et al., arXiv:2510.25674, are {@link #linearChain(int)},
 * {@link #fullyConnected3()} and {@link #cyclic4()} (also listed by {@link BenchmarkHmm}).
 * Sampling is in {@link HmmSampler}, likelihoods in {@link ForwardAlgorithm}, exact sequence
 * statistics in {@link ExactStatistics}: the model does not know how it is used.
 */
public final class CategoricalHmm {

    /** How far a probability row may sum from 1: the brief's 1e-9. */
    public static final double ROW_SUM_TOLERANCE = 1e-9;

    /** The {@code target_prob} of the paper's linear chains: the end-to-end hop probability. */
    public static final double LINEAR_CHAIN_TARGET_PROB = 0.05;

    private final String name;
    private final double[] start;
    private final double[][] transitions;
    private final double[][] emissions;

    /**
     * A validated model.
     *
     * @param name        a label for tables and legends, non-blank (e.g. "2-state linear chain")
     * @param start       start distribution {@code pi}, length {@code M >= 1}, summing to 1
     * @param transitions {@code A}, {@code M x M}, rows summing to 1
     * @param emissions   {@code B}, {@code M x K} with {@code K >= 1}, rows summing to 1
     * @throws IllegalArgumentException naming the matrix, row and value that is wrong
     */
    public CategoricalHmm(String name, double[] start, double[][] transitions, double[][] emissions) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(emissions, "emissions");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        int m = start.length;
        if (m < 1) {
            throw new IllegalArgumentException("start (pi) must have at least 1 state, got length 0");
        }
        checkRow("start (pi)", -1, start, m);
        checkMatrix("transitions (A)", transitions, m, m);
        if (emissions.length != m) {
            throw new IllegalArgumentException("emissions (B) must have " + m
                    + " rows (one per state, as start has length " + m + "), got " + emissions.length);
        }
        if (emissions[0] == null || emissions[0].length < 1) {
            throw new IllegalArgumentException("emissions (B) must have at least 1 column (symbol)");
        }
        checkMatrix("emissions (B)", emissions, m, emissions[0].length);
        this.name = name;
        this.start = start.clone();
        this.transitions = deepCopy(transitions);
        this.emissions = deepCopy(emissions);
    }

    /**
     * As {@link #CategoricalHmm(String, double[], double[][], double[][])} with the name
     * "M-state HMM".
     */
    public CategoricalHmm(double[] start, double[][] transitions, double[][] emissions) {
        this(Objects.requireNonNull(start, "start").length + "-state HMM", start, transitions, emissions);
    }

    /**
     * The paper's linear chain of {@code M} states ({@code target_prob} transitions, "linear"
     * emissions), brief §2: with {@code q = 0.05^(1/(M-1))}, the end states stay with
     * probability {@code 1 - q} and step inwards with {@code q}; an interior state stays with
     * {@code 1 - 2q} and steps to each neighbour with {@code q}; state {@code i} emits
     * {@code [0.99 (1 - alpha_i), 0.01, 0.99 alpha_i]} with {@code alpha_i = i / (M - 1)}; the
     * start distribution is uniform. {@code q} is chosen so that {@code q^(M-1) = 0.05}: the
     * product of hops along the chain from one end to the other.
     *
     * @param states {@code M}, from 2 to 5: the paper's range, and the whole range where the
     *               rule gives probabilities ({@code 1 - 2q < 0} from {@code M = 6} on)
     * @return the model, named "M-state linear chain"
     */
    public static CategoricalHmm linearChain(int states) {
        if (states < 2 || states > 5) {
            throw new IllegalArgumentException("states (M) of a linear chain must be in [2, 5] (the paper's"
                    + " chains), got " + states);
        }
        double q = Math.pow(LINEAR_CHAIN_TARGET_PROB, 1.0 / (states - 1));
        double[][] a = new double[states][states];
        a[0][0] = 1.0 - q;
        a[0][1] = q;
        a[states - 1][states - 1] = 1.0 - q;
        a[states - 1][states - 2] = q;
        for (int i = 1; i < states - 1; i++) {
            a[i][i] = 1.0 - 2.0 * q;
            a[i][i - 1] = q;
            a[i][i + 1] = q;
        }
        double[][] b = new double[states][];
        for (int i = 0; i < states; i++) {
            double alpha = (double) i / (states - 1);
            b[i] = new double[] {0.99 * (1.0 - alpha), 0.01, 0.99 * alpha};
        }
        return new CategoricalHmm(states + "-state linear chain", uniform(states), a, b);
    }

    /**
     * The paper's fully connected 3-state HMM, brief §2: {@code A_ii = 0.95},
     * {@code A_ij = 0.025} for {@code i != j}; "triangular" emissions, state {@code i} emits
     * symbol {@code i} with probability 0.98 and each other symbol with 0.01; uniform start.
     *
     * @return the model, named "3-state fully connected"
     */
    public static CategoricalHmm fullyConnected3() {
        double[][] a = {
            {0.95, 0.025, 0.025},
            {0.025, 0.95, 0.025},
            {0.025, 0.025, 0.95},
        };
        double[][] b = {
            {0.98, 0.01, 0.01},
            {0.01, 0.98, 0.01},
            {0.01, 0.01, 0.98},
        };
        return new CategoricalHmm("3-state fully connected", uniform(3), a, b);
    }

    /**
     * The paper's cyclic 4-state HMM, brief §2: a ring {@code 0-1-2-3-0} with stay probability
     * 0.95 and 0.025 to each ring neighbour; emissions
     * {@code [[.9,.1,0],[.1,.9,0],[0,.1,.9],[0,.9,.1]]}; uniform start.
     *
     * @return the model, named "4-state cyclic"
     */
    public static CategoricalHmm cyclic4() {
        double[][] a = {
            {0.95, 0.025, 0.0, 0.025},
            {0.025, 0.95, 0.025, 0.0},
            {0.0, 0.025, 0.95, 0.025},
            {0.025, 0.0, 0.025, 0.95},
        };
        double[][] b = {
            {0.9, 0.1, 0.0},
            {0.1, 0.9, 0.0},
            {0.0, 0.1, 0.9},
            {0.0, 0.9, 0.1},
        };
        return new CategoricalHmm("4-state cyclic", uniform(4), a, b);
    }

    /** The label given at construction, e.g. "2-state linear chain". */
    public String name() {
        return name;
    }

    /** A copy of this model under another label. */
    public CategoricalHmm withName(String newName) {
        return new CategoricalHmm(newName, start, transitions, emissions);
    }

    /**
     * This model with its rare emissions removed: every emission probability {@code B_ia} in
     * {@code (0, threshold]} is set to 0 and each row renormalised; transitions and start stay.
     * It is the "denoised" model of {@link LossPreference}: with threshold 0.01 the linear chains
     * lose their rare symbol 1 and the fully connected HMM its 1 % off-state symbols.
     *
     * @param threshold the largest probability removed, in {@code [0, 1)}
     * @return the model, named "NAME without emissions <= threshold"
     * @throws IllegalArgumentException if the threshold is outside {@code [0, 1)} or would
     *     remove every emission of a state
     */
    public CategoricalHmm withoutRareEmissions(double threshold) {
        if (!(threshold >= 0.0 && threshold < 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        double[][] b = deepCopy(emissions);
        for (int i = 0; i < b.length; i++) {
            double kept = 0.0;
            for (int a = 0; a < b[i].length; a++) {
                if (b[i][a] <= threshold) {
                    b[i][a] = 0.0;
                }
                kept += b[i][a];
            }
            if (kept == 0.0) {
                throw new IllegalArgumentException("threshold " + threshold + " would remove every"
                        + " emission of state " + i + " of " + name);
            }
            for (int a = 0; a < b[i].length; a++) {
                b[i][a] /= kept;
            }
        }
        return new CategoricalHmm(name + " without emissions <= " + threshold, start, transitions,
                b);
    }

    /** The number of hidden states {@code M}. */
    public int states() {
        return start.length;
    }

    /** The number of output symbols {@code K}; symbols are {@code 0 .. K-1}. */
    public int symbols() {
        return emissions[0].length;
    }

    /** {@code pi_i}, the probability of starting in state {@code i}. */
    public double startProbability(int i) {
        return start[i];
    }

    /** {@code A_ij = P(s_{t+1} = j | s_t = i)}. */
    public double transition(int i, int j) {
        return transitions[i][j];
    }

    /** {@code B_ia = P(o_t = a | s_t = i)}. */
    public double emission(int i, int a) {
        return emissions[i][a];
    }

    /** A copy of {@code pi}. */
    public double[] startDistribution() {
        return start.clone();
    }

    /** A copy of {@code A}. */
    public double[][] transitionMatrix() {
        return deepCopy(transitions);
    }

    /** A copy of {@code B}. */
    public double[][] emissionMatrix() {
        return deepCopy(emissions);
    }

    /**
     * {@code count} sequences of {@code length} symbols, drawn as {@link HmmSampler} describes
     * (a shorthand for {@code new HmmSampler(this).sample(count, length, random)}).
     */
    public int[][] sample(int count, int length, SplittableRandom random) {
        return new HmmSampler(this).sample(count, length, random);
    }

    /**
     * Checks that every symbol of {@code sequence} is in {@code [0, K)}.
     *
     * @param parameter the name used in the error message
     * @throws IllegalArgumentException naming the position and the symbol otherwise
     */
    void checkSymbols(String parameter, int[] sequence) {
        Objects.requireNonNull(sequence, parameter);
        int k = symbols();
        for (int t = 0; t < sequence.length; t++) {
            if (sequence[t] < 0 || sequence[t] >= k) {
                throw new IllegalArgumentException(parameter + "[" + t + "] = " + sequence[t]
                        + " is not a symbol of " + name + " (allowed 0.." + (k - 1) + ")");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoricalHmm h && name.equals(h.name) && Arrays.equals(start, h.start)
                && Arrays.deepEquals(transitions, h.transitions) && Arrays.deepEquals(emissions, h.emissions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(start), Arrays.deepHashCode(transitions),
                Arrays.deepHashCode(emissions));
    }

    @Override
    public String toString() {
        return name + " (M = " + states() + ", K = " + symbols() + ", pi = " + Arrays.toString(start)
                + ", A = " + Arrays.deepToString(transitions) + ", B = " + Arrays.deepToString(emissions) + ")";
    }

    private static double[] uniform(int m) {
        double[] p = new double[m];
        Arrays.fill(p, 1.0 / m);
        return p;
    }

    private static double[][] deepCopy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    private static void checkMatrix(String matrix, double[][] x, int rows, int columns) {
        if (x.length != rows) {
            throw new IllegalArgumentException(matrix + " must have " + rows + " rows, got " + x.length);
        }
        for (int i = 0; i < rows; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException(matrix + " row " + i + " is null");
            }
            checkRow(matrix, i, x[i], columns);
        }
    }

    /** Validates one probability row; {@code row < 0} means a vector (the start distribution). */
    private static void checkRow(String matrix, int row, double[] p, int columns) {
        String where = row < 0 ? matrix : matrix + " row " + row;
        if (p.length != columns) {
            throw new IllegalArgumentException(where + " must have " + columns + " entries, got " + p.length);
        }
        double sum = 0.0;
        for (int j = 0; j < columns; j++) {
            double v = p[j];
            String entry = row < 0 ? matrix + "[" + j + "]" : matrix + "[" + row + "][" + j + "]";
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(entry + " is NaN (must be a probability in [0, 1])");
            }
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException(entry + " = " + v + " is not a probability in [0, 1]");
            }
            sum += v;
        }
        if (!(Math.abs(sum - 1.0) <= ROW_SUM_TOLERANCE)) {
            throw new IllegalArgumentException(where + " sums to " + sum + " (must be 1 within "
                    + ROW_SUM_TOLERANCE + "): " + Arrays.toString(p));
        }
    }
}
