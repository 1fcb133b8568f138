package org.phasebook.latent;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A fitted ridge regression with an unpenalised intercept, as scikit-learn's
 * {@code Ridge(alpha, fit_intercept=True)}: with the column means {@code x̄, ȳ} of the training
 * data and {@code X_c, Y_c} the centred data,
 * <pre>
 *   W = (X_cᵀ X_c + alpha I)⁻¹ X_cᵀ Y_c,   b = ȳ - x̄ᵀ W,   ŷ = xᵀ W + b.
 * </pre>
 * The system is solved by Cholesky; if that fails (only possible for {@code alpha = 0} and
 * collinear inputs) the minimum-norm least-squares solution is used, as sklearn falls back to
 * {@code lstsq}. Immutable.
 */
public final class RidgeRegression {

    private final double alpha;
    private final double[][] coefficients;
    private final double[] intercept;

    private RidgeRegression(double alpha, double[][] coefficients, double[] intercept) {
        this.alpha = alpha;
        this.coefficients = coefficients;
        this.intercept = intercept;
    }

    /**
     * Fits the regression of {@code y} on {@code x}.
     *
     * @param x     inputs {@code [sample][feature]}, finite, at least one sample
     * @param y     targets {@code [sample][output]}, finite, as many samples
     * @param alpha the L2 penalty, finite and {@code >= 0}
     * @return the fitted model
     */
    public static RidgeRegression fit(double[][] x, double[][] y, double alpha) {
        checkAlpha(alpha);
        Gram gram = Gram.of(x, y, null);
        return gram.solve(alpha);
    }

    /** The penalty it was fitted with. */
    public double alpha() {
        return alpha;
    }

    /** {@code W}, {@code [feature][output]}; a copy. */
    public double[][] coefficients() {
        return Tensors.copy(coefficients);
    }

    /** {@code b}, one per output; a copy. */
    public double[] intercept() {
        return intercept.clone();
    }

    /**
     * Predictions {@code xᵀ W + b}.
     *
     * @param x inputs {@code [sample][feature]}
     * @return {@code [sample][output]}
     */
    public double[][] predict(double[][] x) {
        Objects.requireNonNull(x, "x");
        int p = coefficients.length;
        int q = intercept.length;
        double[][] out = new double[x.length][q];
        for (int i = 0; i < x.length; i++) {
            double[] row = Objects.requireNonNull(x[i], "x[" + i + "]");
            if (row.length != p) {
                throw new IllegalArgumentException("x[" + i + "] must have " + p
                        + " features, got " + row.length);
            }
            double[] o = out[i];
            System.arraycopy(intercept, 0, o, 0, q);
            for (int f = 0; f < p; f++) {
                double v = row[f];
                double[] w = coefficients[f];
                for (int j = 0; j < q; j++) {
                    o[j] += v * w[j];
                }
            }
        }
        return out;
    }

    /**
     * sklearn's {@code Ridge.score}: {@link RSquared#score(double[][], double[][])} of
     * {@code y} against the predictions for {@code x}.
     */
    public double score(double[][] x, double[][] y) {
        return RSquared.score(y, predict(x));
    }

    static void checkAlpha(double alpha) {
        if (!(alpha >= 0.0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
    }

    /**
     * The centred normal equations of a subset of rows, reusable for several penalties (as a
     * grid search needs).
     */
    static final class Gram {
        final double[] xMean;
        final double[] yMean;
        /** {@code X_cᵀ X_c}, full symmetric. */
        final double[][] xx;
        /** {@code X_cᵀ Y_c}. */
        final double[][] xy;

        private Gram(double[] xMean, double[] yMean, double[][] xx, double[][] xy) {
            this.xMean = xMean;
            this.yMean = yMean;
            this.xx = xx;
            this.xy = xy;
        }

        /**
         * The equations of the rows {@code i} with {@code use == null || use[i]}.
         */
        static Gram of(double[][] x, double[][] y, boolean[] use) {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y must have the same number of "
                        + "samples, got " + x.length + " and " + y.length);
            }
            if (x.length == 0) {
                throw new IllegalArgumentException("x must hold at least one sample, got 0");
            }
            int p = Objects.requireNonNull(x[0], "x[0]").length;
            int q = Objects.requireNonNull(y[0], "y[0]").length;
            if (p < 1 || q < 1) {
                throw new IllegalArgumentException("x and y need at least one column each, got "
                        + p + " and " + q);
            }
            double[] xMean = new double[p];
            double[] yMean = new double[q];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                checkRow("x", i, x[i], p);
                checkRow("y", i, y[i], q);
                if (use != null && !use[i]) {
                    continue;
                }
                n++;
                for (int f = 0; f < p; f++) {
                    xMean[f] += x[i][f];
                }
                for (int j = 0; j < q; j++) {
                    yMean[j] += y[i][j];
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("no sample selected for fitting");
            }
            for (int f = 0; f < p; f++) {
                xMean[f] /= n;
            }
            for (int j = 0; j < q; j++) {
                yMean[j] /= n;
            }
            double[][] xx = new double[p][p];
            double[][] xy = new double[p][q];
            double[] xc = new double[p];
            double[] yc = new double[q];
            for (int i = 0; i < x.length; i++) {
                if (use != null && !use[i]) {
                    continue;
                }
                for (int f = 0; f < p; f++) {
                    xc[f] = x[i][f] - xMean[f];
                }
                for (int j = 0; j < q; j++) {
                    yc[j] = y[i][j] - yMean[j];
                }
                for (int f = 0; f < p; f++) {
                    double v = xc[f];
                    double[] row = xx[f];
                    for (int g = f; g < p; g++) {
                        row[g] += v * xc[g];
                    }
                    double[] out = xy[f];
                    for (int j = 0; j < q; j++) {
                        out[j] += v * yc[j];
                    }
                }
            }
            for (int f = 0; f < p; f++) {
                for (int g = 0; g < f; g++) {
                    xx[f][g] = xx[g][f];
                }
            }
            return new Gram(xMean, yMean, xx, xy);
        }

        /** The model for penalty {@code alpha}. */
        RidgeRegression solve(double alpha) {
            int p = xMean.length;
            int q = yMean.length;
            double[][] a = new double[p][p];
            for (int f = 0; f < p; f++) {
                a[f] = xx[f].clone();
                a[f][f] += alpha;
            }
            double[][] w = Cholesky.solve(a, xy);
            if (w == null) {
                RealMatrix m = new Array2DRowRealMatrix(a, false);
                w = new SingularValueDecomposition(m).getSolver()
                        .solve(new Array2DRowRealMatrix(xy, false)).getData();
            }
            double[] b = yMean.clone();
            for (int f = 0; f < p; f++) {
                for (int j = 0; j < q; j++) {
                    b[j] -= xMean[f] * w[f][j];
                }
            }
            return new RidgeRegression(alpha, w, b);
        }

        private static void checkRow(String name, int i, double[] row, int width) {
            Objects.requireNonNull(row, name + "[" + i + "]");
            if (row.length != width) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + width
                        + " columns, got " + row.length);
            }
            for (int k = 0; k < width; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + k
                            + "] must be finite, got " + row[k]);
                }
            }
        }
    }
}
