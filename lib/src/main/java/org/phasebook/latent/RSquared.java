package org.phasebook.latent;

import java.util.Objects;

/**
 * The coefficient of determination as scikit-learn's
 * {@code r2_score(y_true, y_pred, multioutput='uniform_average')} computes it: per output
 * column {@code j},
 * <pre>
 *   R²_j = 1 - sum_i (y_ij - ŷ_ij)² / sum_i (y_ij - mean_i y_ij)²,
 * </pre>
 * with sklearn's {@code force_finite} convention for a constant column (denominator 0): 1 when
 * the numerator is 0 too, else 0; then the plain mean over columns.
 *
 * <p>The argument order matters: the denominator is the variance of {@code yTrue}. The released
 * LangevinFlow callback passes (prediction, truth), which divides by the variance of the
 * predictions; compute that only as a footnote, by swapping the arguments. With fewer than two
 * samples sklearn returns NaN, and so does this class. Inputs must be finite. Stateless.
 */
public final class RSquared {

    private RSquared() {
    }

    /**
     * R² per output column.
     *
     * @param yTrue the reference, {@code [sample][output]}, finite, rectangular
     * @param yPred the prediction, same shape
     * @return one R² per column
     */
    public static double[] perOutput(double[][] yTrue, double[][] yPred) {
        int[] shape = requireSameShape(yTrue, yPred);
        int n = shape[0];
        int q = shape[1];
        double[] out = new double[q];
        if (n < 2) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int j = 0; j < q; j++) {
            double mean = 0.0;
            for (double[] row : yTrue) {
                mean += row[j];
            }
            mean /= n;
            double numerator = 0.0;
            double denominator = 0.0;
            for (int i = 0; i < n; i++) {
                double e = yTrue[i][j] - yPred[i][j];
                double d = yTrue[i][j] - mean;
                numerator += e * e;
                denominator += d * d;
            }
            if (denominator != 0.0) {
                out[j] = 1.0 - numerator / denominator;
            } else {
                out[j] = numerator == 0.0 ? 1.0 : 0.0;
            }
        }
        return out;
    }

    /**
     * R² averaged uniformly over output columns ({@code multioutput='uniform_average'}).
     *
     * @param yTrue the reference, {@code [sample][output]}
     * @param yPred the prediction, same shape
     * @return the mean R²
     */
    public static double score(double[][] yTrue, double[][] yPred) {
        double[] r2 = perOutput(yTrue, yPred);
        double sum = 0.0;
        for (double v : r2) {
            sum += v;
        }
        return sum / r2.length;
    }

    /**
     * R² of {@code [trial][bin][channel]} arrays flattened over trials and bins (samples) with
     * channels as outputs, as the brief's rate R² is computed.
     *
     * @param yTrue the reference
     * @param yPred the prediction, same shape
     * @return the mean R² over channels
     */
    public static double score(double[][][] yTrue, double[][][] yPred) {
        Tensors.requireSameShape("yTrue", yTrue, "yPred", yPred);
        return score(Tensors.flatten(yTrue), Tensors.flatten(yPred));
    }

    private static int[] requireSameShape(double[][] a, double[][] b) {
        Objects.requireNonNull(a, "yTrue");
        Objects.requireNonNull(b, "yPred");
        if (a.length != b.length) {
            throw new IllegalArgumentException("yTrue and yPred must have the same number of "
                    + "samples, got " + a.length + " and " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("yTrue must hold at least one sample, got 0");
        }
        int q = Objects.requireNonNull(a[0], "yTrue[0]").length;
        if (q == 0) {
            throw new IllegalArgumentException("yTrue must have at least one output column");
        }
        for (int i = 0; i < a.length; i++) {
            check("yTrue", i, a[i], q);
            check("yPred", i, b[i], q);
        }
        return new int[] {a.length, q};
    }

    private static void check(String name, int i, double[] row, int q) {
        Objects.requireNonNull(row, name + "[" + i + "]");
        if (row.length != q) {
            throw new IllegalArgumentException(name + "[" + i + "] must have " + q
                    + " outputs, got " + row.length);
        }
        for (int j = 0; j < q; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException(name + "[" + i + "][" + j
                        + "] must be finite, got " + row[j]);
            }
        }
    }
}
