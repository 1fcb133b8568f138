package org.phasebook.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The choice of the ridge penalty as scikit-learn's {@code GridSearchCV(Ridge(), {'alpha':
 * grid})} makes it with its defaults, and nlb_tools' behaviour decoder built on it.
 *
 * <ul>
 *   <li>Folds: {@code KFold(5)} without shuffling, i.e. contiguous blocks of rows; the first
 *       {@code n % k} folds have {@code n / k + 1} rows, the others {@code n / k}.</li>
 *   <li>Score: {@link RidgeRegression#score}, R² averaged over outputs, on the left-out fold;
 *       the mean over folds (unweighted) ranks the penalties; the first best in grid order wins,
 *       as {@code rank_test_score.argmin()} does.</li>
 *   <li>Refit: the best penalty on all rows.</li>
 * </ul>
 *
 * @param alphas     the grid, in the order given
 * @param meanScores mean R² over folds, one per penalty
 * @param foldScores R² per penalty (first index) and fold
 * @param bestAlpha  the chosen penalty
 * @param model      the model refitted on all rows with {@code bestAlpha}
 */
public record RidgeGridSearch(double[] alphas, double[] meanScores, double[][] foldScores,
        double bestAlpha, RidgeRegression model) {

    /** nlb_tools' grid, {@code np.logspace(-4, 0, 9)}: {@code 10^(-4 + i/2)}, i = 0..8. */
    public static double[] nlbAlphas() {
        double[] a = new double[9];
        for (int i = 0; i < 9; i++) {
            a[i] = Math.pow(10.0, -4.0 + 0.5 * i);
        }
        return a;
    }

    /** sklearn's default number of folds. */
    public static final int DEFAULT_FOLDS = 5;

    /** Copies the arrays. */
    public RidgeGridSearch {
        alphas = alphas.clone();
        meanScores = meanScores.clone();
        foldScores = Tensors.copy(foldScores);
        Objects.requireNonNull(model, "model");
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    @Override
    public double[] meanScores() {
        return meanScores.clone();
    }

    @Override
    public double[][] foldScores() {
        return Tensors.copy(foldScores);
    }

    /**
     * Runs the grid search.
     *
     * @param x      inputs {@code [sample][feature]}, finite
     * @param y      targets {@code [sample][output]}, finite
     * @param alphas penalties, each finite and {@code >= 0}, at least one
     * @param folds  number of contiguous folds, 2 to the number of samples
     * @return the scores and the refitted model
     */
    public static RidgeGridSearch fit(double[][] x, double[][] y, double[] alphas, int folds) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(alphas, "alphas");
        if (alphas.length == 0) {
            throw new IllegalArgumentException("alphas must hold at least one penalty, got 0");
        }
        for (double a : alphas) {
            RidgeRegression.checkAlpha(a);
        }
        int n = x.length;
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds must be in [2, " + n + "] (the number of "
                    + "samples), got " + folds);
        }
        double[][] scores = new double[alphas.length][folds];
        int start = 0;
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            boolean[] train = new boolean[n];
            java.util.Arrays.fill(train, true);
            java.util.Arrays.fill(train, start, start + size, false);
            double[][] testX = java.util.Arrays.copyOfRange(x, start, start + size);
            double[][] testY = java.util.Arrays.copyOfRange(y, start, start + size);
            RidgeRegression.Gram gram = RidgeRegression.Gram.of(x, y, train);
            for (int a = 0; a < alphas.length; a++) {
                scores[a][f] = gram.solve(alphas[a]).score(testX, testY);
            }
            start += size;
        }
        double[] mean = new double[alphas.length];
        int best = 0;
        for (int a = 0; a < alphas.length; a++) {
            double s = 0.0;
            for (double v : scores[a]) {
                s += v;
            }
            mean[a] = s / folds;
            if (mean[a] > mean[best]) {
                best = a;
            }
        }
        RidgeRegression model = RidgeRegression.Gram.of(x, y, null).solve(alphas[best]);
        return new RidgeGridSearch(alphas, mean, scores, alphas[best], model);
    }

    /**
     * nlb_tools' {@code fit_and_eval_decoder}: drops the rows whose first behaviour entry is
     * NaN (in train and in eval separately), requires the remaining rates to be finite, runs
     * the grid search over {@link #nlbAlphas()} with {@value #DEFAULT_FOLDS} folds on the
     * training rows and returns the R² (mean over outputs) on the evaluation rows.
     *
     * @param trainRates    {@code [sample][neuron]}
     * @param trainBehavior {@code [sample][output]}
     * @param evalRates     {@code [sample][neuron]}
     * @param evalBehavior  {@code [sample][output]}
     * @return the decoding R²
     */
    public static double decodingR2(double[][] trainRates, double[][] trainBehavior,
            double[][] evalRates, double[][] evalBehavior) {
        double[][][] train = keepFinite(trainRates, trainBehavior, "train");
        double[][][] eval = keepFinite(evalRates, evalBehavior, "eval");
        RidgeGridSearch search = fit(train[0], train[1], nlbAlphas(), DEFAULT_FOLDS);
        return search.model().score(eval[0], eval[1]);
    }

    /** Rates and behaviour without the rows whose behaviour starts with NaN. */
    private static double[][][] keepFinite(double[][] rates, double[][] behavior, String split) {
        Objects.requireNonNull(rates, split + " rates");
        Objects.requireNonNull(behavior, split + " behaviour");
        if (rates.length != behavior.length) {
            throw new IllegalArgumentException(split + " rates and behaviour must have the "
                    + "same number of samples, got " + rates.length + " and " + behavior.length);
        }
        List<double[]> r = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            if (behavior[i].length > 0 && Double.isNaN(behavior[i][0])) {
                continue;
            }
            for (double v : rates[i]) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("NaN " + split + " rate at sample " + i
                            + ", where the behaviour is defined");
                }
            }
            r.add(rates[i]);
            b.add(behavior[i]);
        }
        return new double[][][] {r.toArray(new double[0][]), b.toArray(new double[0][])};
    }
}
