package org.phasebook.latent;

import java.util.Objects;

/**
 * nlb_tools' spike-smoothing baseline (brief §7.1; {@code examples/baselines/smoothing}):
 *
 * <ol>
 *   <li>smooth the held-in counts of every trial along time with
 *       {@link GaussianSmoothing#nlb(double, double)}; these are the held-in rates;</li>
 *   <li>for each held-out neuron fit a {@link PoissonGlm} with intercept and penalty
 *       {@code alpha} from {@code log(smoothed held-in + logOffset)} to its counts, on every
 *       (training trial, observed bin); its predictions, clipped to {@code [1e-9, 1e20]}, are
 *       the held-out rates;</li>
 *   <li>no forward prediction: fp-bps is "n/a" (the rates carry no forward arrays).</li>
 * </ol>
 * The penalty is chosen from {@link SmoothingParameters#alphas()} by co-bps in
 * cross-validation over training trials, folds interleaved (trial {@code i} in fold
 * {@code i % folds}), mean over folds, first best in grid order, the way nlb_tools'
 * {@code smoothing_cv_sweep.py} chooses it; then the GLMs are refitted on all training trials.
 * The evaluation trials are never used for the choice. Stateless.
 */
public final class SmoothingBaseline {

    /** nlb_tools' clip of GLM rates. */
    public static final double MIN_RATE = 1e-9;
    /** nlb_tools' clip of GLM rates. */
    public static final double MAX_RATE = 1e20;

    private SmoothingBaseline() {
    }

    /**
     * The fitted baseline.
     *
     * @param parameters the parameters
     * @param alpha      the chosen penalty
     * @param cvCoBps    mean cross-validated co-bps per penalty, in grid order
     * @param rates      its rates (observed bins only)
     */
    public record Result(SmoothingParameters parameters, double alpha, double[] cvCoBps,
            NlbRates rates) {

        /** Copies {@code cvCoBps}. */
        public Result {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(rates, "rates");
            cvCoBps = cvCoBps.clone();
        }

        @Override
        public double[] cvCoBps() {
            return cvCoBps.clone();
        }
    }

    /**
     * Fits the baseline.
     *
     * @param data       the tensors; held-in and held-out counts must be finite (no NaN
     *                   padding) and the observed bins at least the window length
     * @param parameters kernel, penalties, folds
     * @return the chosen penalty, the CV scores and the rates
     */
    public static Result fit(NlbTensors data, SmoothingParameters parameters) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(parameters, "parameters");
        GaussianSmoothing smoothing = parameters.smoothing();
        if (data.observedBins() < smoothing.length()) {
            throw new IllegalArgumentException("the smoothing baseline needs at least "
                    + smoothing.length() + " observed bins (the window length for "
                    + parameters.kernelSdMs() + " ms on " + parameters.binMs() + " ms bins), got "
                    + data.observedBins());
        }
        int trials = data.trainTrials();
        int folds = parameters.folds();
        if (trials < folds) {
            throw new IllegalArgumentException("the smoothing baseline needs at least " + folds
                    + " training trials (one per fold), got " + trials);
        }
        int bins = data.observedBins();
        double[][][] trainSmooth = smoothing.smooth(data.trainSpikesHeldin());
        double[][][] evalSmooth = smoothing.smooth(data.evalSpikesHeldin());
        double[][] trainX = logFeatures(trainSmooth, parameters.logOffset());
        double[][] evalX = logFeatures(evalSmooth, parameters.logOffset());
        double[][][] heldout = data.trainSpikesHeldout();
        Tensors.shape("train_spikes_heldout", heldout, false, true);
        double[][] trainY = Tensors.flatten(heldout);

        double[] alphas = parameters.alphas();
        double[] cv = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            double sum = 0.0;
            for (int f = 0; f < folds; f++) {
                int[] fit = trialsOf(trials, folds, f, false);
                int[] test = trialsOf(trials, folds, f, true);
                double[][] rates = predict(rows(trainX, fit, bins), rows(trainY, fit, bins),
                        rows(trainX, test, bins), alphas[a]);
                double[][][] spikes = new double[test.length][][];
                for (int i = 0; i < test.length; i++) {
                    spikes[i] = heldout[test[i]];
                }
                sum += SpikeMetrics.coBps(reshape(rates, test.length, bins), spikes);
            }
            cv[a] = sum / folds;
        }
        int best = 0;
        for (int a = 1; a < alphas.length; a++) {
            if (cv[a] > cv[best]) {
                best = a;
            }
        }
        double[][] both = concat(trainX, evalX);
        double[][] rates = predict(trainX, trainY, both, alphas[best]);
        double[][] trainRates = java.util.Arrays.copyOfRange(rates, 0, trainX.length);
        double[][] evalRates = java.util.Arrays.copyOfRange(rates, trainX.length, rates.length);
        NlbRates out = new NlbRates(trainSmooth, reshape(trainRates, trials, bins), evalSmooth,
                reshape(evalRates, data.evalTrials(), bins), null, null);
        return new Result(parameters, alphas[best], cv, out);
    }

    /** One GLM per output column, fitted on (x, y), predicting {@code at}, clipped. */
    private static double[][] predict(double[][] x, double[][] y, double[][] at, double alpha) {
        int outputs = y[0].length;
        double[][] out = new double[at.length][outputs];
        double[] column = new double[y.length];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < y.length; i++) {
                column[i] = y[i][k];
            }
            double[] r = PoissonGlm.fit(x, column, alpha).predict(at);
            for (int i = 0; i < at.length; i++) {
                out[i][k] = Math.min(MAX_RATE, Math.max(MIN_RATE, r[i]));
            }
        }
        return out;
    }

    private static double[][] logFeatures(double[][][] smoothed, double offset) {
        double[][] rows = Tensors.flatten(smoothed);
        for (double[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.log(row[k] + offset);
            }
        }
        return rows;
    }

    /** Trials in ({@code in}) or out of fold {@code f}. */
    private static int[] trialsOf(int trials, int folds, int f, boolean in) {
        int count = 0;
        for (int i = 0; i < trials; i++) {
            if ((i % folds == f) == in) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < trials; i++) {
            if ((i % folds == f) == in) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The flattened rows of the given trials (shared, not copied). */
    private static double[][] rows(double[][] flat, int[] trials, int bins) {
        double[][] out = new double[trials.length * bins][];
        for (int i = 0; i < trials.length; i++) {
            System.arraycopy(flat, trials[i] * bins, out, i * bins, bins);
        }
        return out;
    }

    private static double[][][] reshape(double[][] rows, int trials, int bins) {
        double[][][] out = new double[trials][bins][];
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < bins; t++) {
                out[i][t] = rows[i * bins + t];
            }
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
