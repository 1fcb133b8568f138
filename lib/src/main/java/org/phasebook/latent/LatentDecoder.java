package org.phasebook.latent;

import java.util.Objects;

/**
 * A linear read-out of a known quantity (the normalised Lorenz state {@code x̃}, or its
 * velocity) from a model's latents, the "latent R²" of brief {@code langevin-flow.md} §6: ridge
 * regression with an intercept from the latents of every bin of the training trials, its
 * penalty chosen by nlb_tools' grid search ({@link RidgeGridSearch}: logspace(−4, 0, 9), five
 * contiguous folds), scored by R² (mean over outputs) on the evaluation trials. Immutable.
 *
 * @param alpha       the chosen penalty
 * @param r2          the R² on the evaluation trials, averaged over the outputs
 * @param predictions the decoded quantity on the evaluation trials, {@code [trial][bin][output]}
 */
public record LatentDecoder(double alpha, double r2, double[][][] predictions) {

    /**
     * Fits the read-out on training trials and scores it on evaluation trials.
     *
     * @param trainLatents {@code [trial][bin][D]}
     * @param trainTarget  {@code [trial][bin][K]}, the same trials and bins
     * @param evalLatents  {@code [trial][bin][D]}
     * @param evalTarget   {@code [trial][bin][K]}
     * @return the decoder's penalty, R² and predictions
     */
    public static LatentDecoder fit(double[][][] trainLatents, double[][][] trainTarget,
                                    double[][][] evalLatents, double[][][] evalTarget) {
        double[][] xTrain = rows("trainLatents", trainLatents, trainTarget);
        double[][] yTrain = rows("trainTarget", trainTarget, trainLatents);
        double[][] xEval = rows("evalLatents", evalLatents, evalTarget);
        double[][] yEval = rows("evalTarget", evalTarget, evalLatents);
        RidgeGridSearch search = RidgeGridSearch.fit(xTrain, yTrain, RidgeGridSearch.nlbAlphas(),
            RidgeGridSearch.DEFAULT_FOLDS);
        RidgeRegression model = search.model();
        double[][] flat = model.predict(xEval);
        int bins = evalLatents[0].length;
        double[][][] predictions = new double[evalLatents.length][bins][];
        for (int r = 0; r < evalLatents.length; r++) {
            for (int b = 0; b < bins; b++) {
                predictions[r][b] = flat[r * bins + b];
            }
        }
        return new LatentDecoder(model.alpha(), model.score(xEval, yEval), predictions);
    }

    /** Flattens {@code [trial][bin][·]} to rows, checking it matches {@code other}'s trials and bins. */
    private static double[][] rows(String name, double[][][] a, double[][][] other) {
        Objects.requireNonNull(a, name);
        Objects.requireNonNull(other, name + "'s partner");
        if (a.length == 0 || a.length != other.length) {
            throw new IllegalArgumentException(name + " must hold as many trials (>= 1) as its "
                + "partner, got " + a.length + " and " + other.length);
        }
        int bins = a[0].length;
        double[][] out = new double[a.length * bins][];
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != bins || other[r].length != bins) {
                throw new IllegalArgumentException(name + " trial " + r + " must have " + bins
                    + " bins, like trial 0 and its partner");
            }
            for (int b = 0; b < bins; b++) {
                out[r * bins + b] = a[r][b];
            }
        }
        return out;
    }
}
