package org.phasebook.hmm;

import java.util.Objects;

/**
 * The paper's F2 metric, the <b>Sinkhorn-matched Euclidean distance</b> between two sets of
 * symbol sequences (brief {@code hmm-rnn.md} §6, metric 1; Torre et al., arXiv:2510.25674).
 *
 * <p><b>Definition.</b> Sequences are compared as flattened one-hot vectors, so the cost is
 * {@code C_ij = sqrt(2 * Hamming(x_i, y_j))}. With uniform weights {@code a_i = 1/n},
 * {@code b_j = 1/m} and potentials {@code u, v} in cost units (both start at 0), one iteration is
 * <pre>
 *   u_i = eps * log(a_i + 1e-8) - eps * log sum_j exp((v_j - C_ij) / eps)
 *   v_j = eps * log(b_j + 1e-8) - eps * log sum_i exp((u_i - C_ij) / eps)   (with the new u)
 * </pre>
 * and the solver stops after the first iteration with
 * {@code sum_i |Δu_i| + sum_j |Δv_j| < tolerance}, or after {@code maxIterations}. The plan is
 * {@code pi_ij = exp((u_i + v_j - C_ij) / eps)}; sequence {@code j} of the second set is matched to
 * {@code argmax_i pi_ij} of the first (the first such {@code i} on ties), and the result is the
 * mean and sd of the matched distances ({@link MatchedDistances}).
 *
 * <p><b>What was matched to the authors' code</b> ({@code EliaTorre/hmmrnn},
 * {@code scripts/sinkhorn.py}, used by {@code scripts/metrics.py} and {@code scripts/test.py};
 * read, not copied). Their solver keeps {@code u, v} in cost units and updates
 * {@code u <- u + eps * (log(a + 1e-8) - logsumexp((-C + u + v) / eps))}, which is algebraically
 * the update above; the change {@code sum|Δu| + sum|Δv|} is therefore in cost units, <i>not</i>
 * divided by {@code eps}, and is compared with 0.1 after both half-steps; {@code a + 1e-8} is
 * kept. Their cost is {@code torch.cdist}, the plain Euclidean distance (the constructor's
 * squared ground metric is never used). {@code metrics.py} matches with
 * {@code plan.argmax(0)}: for every column {@code j} (second set, the RNN's) the row of the first
 * set (the HMM's) with the largest plan entry, as here.
 *
 * <p><b>Where the brief or the code was ambiguous, and what we chose.</b> (1) The authors work in
 * float32 and take the argmax of {@code exp(K)}; we work in double and take the argmax of
 * {@code u_i - C_ij} (the same order, without underflow to equal zeros), so near-ties may differ.
 * (2) {@code scripts/test.py} indexes the returned plan as {@code tp[1].argmax(0)}, which is the
 * argmax of the plan's <i>second row</i>: every sequence is compared with one single sequence.
 * We take this for a slip and follow {@code metrics.py}, whose tuple indexing selects the plan.
 * (3) "sd" is our sample sd of the matched distances of one solve ({@code n - 1}); the authors'
 * grid figure reports {@code np.std} of per-model means over seeds, a different quantity.
 * (4) Sets may differ in size ({@code n != m}); the paper's are equal.
 *
 * <p><b>Speed.</b> Hamming distances take only {@code T + 1} values, so the kernel
 * {@code exp(-C/eps)} is a table; each half-step is {@code sum_j w_j K[H_ij]} with
 * {@code w_j = exp((v_j - max v) / eps)}, one multiply-add per pair from a byte matrix
 * ({@link HammingMatrix}), over rows in parallel. A row whose sum underflows (below
 * {@code 1e-280}; only for very long sequences or extreme potentials) is recomputed by an exact
 * max-shifted log-sum-exp. Every row is summed in a fixed order, so the result is bit-identical
 * for any thread count.
 */
public final class SinkhornMatching {

    /** The offset the authors add to the weights before the logarithm. */
    public static final double WEIGHT_OFFSET = 1e-8;

    private static final double UNDERFLOW = 1e-280;

    private final SinkhornMatchingParameters parameters;
    private final int threads;

    /**
     * A solver.
     *
     * @param parameters {@code epsilon}, tolerance and iteration limit ({@link SinkhornMatchingParameters#PAPER})
     * @param threads    worker threads, {@code >= 1}; results do not depend on it
     */
    public SinkhornMatching(SinkhornMatchingParameters parameters, int threads) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** The paper's solver on as many threads as the machine has processors. */
    public static SinkhornMatching paper() {
        return new SinkhornMatching(SinkhornMatchingParameters.PAPER, Runtime.getRuntime().availableProcessors());
    }

    /** The solver's settings. */
    public SinkhornMatchingParameters parameters() {
        return parameters;
    }

    /**
     * Matches every sequence of {@code second} to one of {@code first}.
     *
     * @param first   {@code n >= 1} sequences of one length {@code T} (1..255)
     * @param second  {@code m >= 1} sequences of the same length
     * @param symbols the alphabet size; symbols must lie in {@code 0..symbols-1}
     */
    public MatchedDistances match(int[][] first, int[][] second, int symbols) {
        return match(HammingMatrix.of(first, second, symbols, threads));
    }

    /** Matches on precomputed distances (rows: the first set, columns: the second). */
    public MatchedDistances match(HammingMatrix hamming) {
        Objects.requireNonNull(hamming, "hamming");
        int n = hamming.rows();
        int m = hamming.columns();
        int length = hamming.length();
        double eps = parameters.epsilon();
        double[] cost = new double[length + 1];
        double[] kernel = new double[length + 1];
        for (int h = 0; h <= length; h++) {
            cost[h] = Math.sqrt(2.0 * h);
            kernel[h] = Math.exp(-cost[h] / eps);
        }
        double logA = Math.log(1.0 / n + WEIGHT_OFFSET);
        double logB = Math.log(1.0 / m + WEIGHT_OFFSET);
        double[] u = new double[n];
        double[] v = new double[m];
        double[] uNew = new double[n];
        double[] vNew = new double[m];
        double[] weights = new double[Math.max(n, m)];
        int iterations = 0;
        boolean converged = false;
        try (RowParallel pool = new RowParallel(threads)) {
            while (iterations < parameters.maxIterations()) {
                iterations++;
                halfStep(hamming.byRow(), n, m, v, uNew, weights, cost, kernel, eps, logA, pool);
                halfStep(hamming.byColumn(), m, n, uNew, vNew, weights, cost, kernel, eps, logB, pool);
                double change = 0.0;
                for (int i = 0; i < n; i++) {
                    change += Math.abs(uNew[i] - u[i]);
                }
                for (int j = 0; j < m; j++) {
                    change += Math.abs(vNew[j] - v[j]);
                }
                double[] t = u;
                u = uNew;
                uNew = t;
                t = v;
                v = vNew;
                vNew = t;
                if (change < parameters.tolerance()) {
                    converged = true;
                    break;
                }
            }
            int[] matches = new int[m];
            double[] distances = new double[m];
            double[] uFinal = u;
            byte[] byColumn = hamming.byColumn();
            pool.forEach(m, j -> {
                int offset = j * n;
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double value = uFinal[i] - cost[byColumn[offset + i] & 0xFF];
                    if (value > bestValue) {
                        bestValue = value;
                        best = i;
                    }
                }
                matches[j] = best;
                distances[j] = cost[byColumn[offset + best] & 0xFF];
            });
            return new MatchedDistances(matches, distances, MeanSd.of(distances), iterations, converged, u, v);
        }
    }

    /**
     * {@code out_r = eps * logWeight - eps * log sum_c exp((other_c - C_rc) / eps)} for every row
     * {@code r} of {@code distances} ({@code rows x columns}, row-major).
     */
    private static void halfStep(byte[] distances, int rows, int columns, double[] other, double[] out,
                                 double[] weights, double[] cost, double[] kernel, double eps, double logWeight,
                                 RowParallel pool) {
        double shift = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            shift = Math.max(shift, other[c]);
        }
        for (int c = 0; c < columns; c++) {
            weights[c] = Math.exp((other[c] - shift) / eps);
        }
        double base = eps * logWeight - shift;
        pool.forEach(rows, r -> {
            int offset = r * columns;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;   // four chains, always combined in this order
            int c = 0;
            for (; c + 3 < columns; c += 4) {
                s0 += weights[c] * kernel[distances[offset + c] & 0xFF];
                s1 += weights[c + 1] * kernel[distances[offset + c + 1] & 0xFF];
                s2 += weights[c + 2] * kernel[distances[offset + c + 2] & 0xFF];
                s3 += weights[c + 3] * kernel[distances[offset + c + 3] & 0xFF];
            }
            for (; c < columns; c++) {
                s0 += weights[c] * kernel[distances[offset + c] & 0xFF];
            }
            double sum = (s0 + s1) + (s2 + s3);
            if (sum > UNDERFLOW) {
                out[r] = base - eps * Math.log(sum);
            } else {
                out[r] = eps * logWeight - eps * exactLogSumExp(distances, offset, columns, other, cost, eps);
            }
        });
    }

    /** {@code log sum_c exp((other_c - C_rc) / eps)} with its own maximum taken out. */
    private static double exactLogSumExp(byte[] distances, int offset, int columns, double[] other, double[] cost,
                                         double eps) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            max = Math.max(max, (other[c] - cost[distances[offset + c] & 0xFF]) / eps);
        }
        double sum = 0.0;
        for (int c = 0; c < columns; c++) {
            sum += Math.exp((other[c] - cost[distances[offset + c] & 0xFF]) / eps - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The row sums of the plan {@code pi_ij = exp((u_i + v_j - C_ij) / eps)} of a result, for
     * checking the first marginal (the second is exact after the last half-step, up to the
     * {@code 1e-8} offset).
     */
    public double[] rowSums(HammingMatrix hamming, MatchedDistances result) {
        return planSums(hamming.byRow(), hamming.rows(), hamming.columns(), result.u(), result.v());
    }

    /** The column sums of the plan of a result. */
    public double[] columnSums(HammingMatrix hamming, MatchedDistances result) {
        return planSums(hamming.byColumn(), hamming.columns(), hamming.rows(), result.v(), result.u());
    }

    private double[] planSums(byte[] distances, int rows, int columns, double[] own, double[] other) {
        double eps = parameters.epsilon();
        double[] sums = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0.0;
            for (int c = 0; c < columns; c++) {
                s += Math.exp((own[r] + other[c] - Math.sqrt(2.0 * (distances[r * columns + c] & 0xFF))) / eps);
            }
            sums[r] = s;
        }
        return sums;
    }
}
