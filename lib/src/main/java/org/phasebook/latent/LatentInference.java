package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

import java.util.Objects;

import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

/**
 * Rates and latents of a trained {@link LatentModel} for given trials, as the release's
 * submission computes them (brief {@code langevin-flow.md} §2 "Inference"): evaluation mode
 * (no dropout, sampling noise on), the log-rates averaged over {@code samples} passes and then
 * exponentiated (geometric-mean rates, expected counts per bin); the latents are averaged over
 * the same passes.
 *
 * @param rates   {@code [trial][T][N]}, counts per bin
 * @param latents {@code [trial][T][D]}, the decoder's inputs
 */
public record LatentInference(double[][][] rates, double[][][] latents) {

    /**
     * Runs the model.
     *
     * @param torch   the engine
     * @param model   the architecture
     * @param weights its weights
     * @param data    the trials
     * @param samples passes to average, 1 to 10,000
     * @param seed    the seed of the sampling noise
     * @return rates and latents of every trial
     */
    public static LatentInference of(Torch torch, LatentModel model, WeightSnapshot weights,
                                     LatentData data, int samples, long seed) {
        Objects.requireNonNull(torch, "torch");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(data, "data");
        if (samples < 1 || samples > 10_000) {
            throw new IllegalArgumentException("samples must be in [1, 10000], got " + samples);
        }
        data.requireShapeOf(model);
        LatentShape shape = model.shape();
        int trials = data.trials();
        int t = shape.bins();
        int n = shape.neurons();
        double[][][] rates = new double[trials][t][n];
        double[][][] latents = null;
        TensorNoise noise = TensorNoise.seeded(seed);
        try (NDManager manager = torch.newManager();
             NamedWeights w = model.initialise(manager, new java.util.SplittableRandom(0))) {
            w.load(weights);
            int batchSize = 128;
            for (int from = 0; from < trials; from += batchSize) {
                int count = Math.min(batchSize, trials - from);
                int[] batch = new int[count];
                for (int i = 0; i < count; i++) {
                    batch[i] = from + i;
                }
                try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                    scope.suppressNotUsedWarning();
                    NDArray input = data.input(m, batch);
                    NDArray logSum = null;
                    NDArray latentSum = null;
                    for (int s = 0; s < samples; s++) {
                        LatentForward f = model.forward(w.view(), input, noise, false);
                        NDArray l = f.logRates().toType(DataType.FLOAT64, false);
                        NDArray z = f.latents().toType(DataType.FLOAT64, false);
                        logSum = logSum == null ? l : logSum.add(l);
                        latentSum = latentSum == null ? z : latentSum.add(z);
                    }
                    double[] r = logSum.div(samples).exp().toDoubleArray();
                    double[] z = latentSum.div(samples).toDoubleArray();
                    int d = Math.toIntExact(latentSum.getShape().get(2));
                    if (latents == null) {
                        latents = new double[trials][t][d];
                    }
                    for (int i = 0; i < count; i++) {
                        for (int b = 0; b < t; b++) {
                            System.arraycopy(r, (i * t + b) * n, rates[from + i][b], 0, n);
                            System.arraycopy(z, (i * t + b) * d, latents[from + i][b], 0, d);
                        }
                    }
                }
            }
        }
        return new LatentInference(rates, latents);
    }

    /**
     * The rates as an NLB submission: training trials' observed bins and evaluation trials'
     * observed and forward bins, split into held-in and held-out neurons.
     *
     * @param train the inference on the training trials
     * @param eval  the inference on the evaluation trials
     * @param shape the data shape
     * @return the submission
     */
    public static NlbRates submission(LatentInference train, LatentInference eval,
                                      LatentShape shape) {
        return NlbRates.fromFull(train.rates(), eval.rates(), shape.heldIn(),
            shape.observedBins());
    }
}
