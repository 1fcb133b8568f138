package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;
import org.phasebook.random.SeedSequence;

/**
 * How much of a trained model's fit to the held-in spikes comes from being shown them: the
 * Poisson NLL of held-in, observed entries hidden from the encoder, beside that of the entries it
 * was shown. Coordinated dropout (brief §3) exists to keep a model from copying its input to its
 * output; this measures whether it did.
 *
 * <p>Each draw hides every held-in observed entry independently with probability
 * {@code 1 − keep} and scales the shown ones by {@code 1/keep}, as training's coordinated
 * dropout does, runs the model in evaluation mode, and scores each held-in observed entry's
 * Poisson NLL {@code λ − y log λ} (without {@code log y!}, which the two sets share in
 * expectation since they are random halves of the same entries). A model that infers each entry
 * from the rest of the population scores both sets alike, up to sampling noise; one that passes
 * the spikes it sees through to its rates scores the shown entries better, and {@link #gap()} is
 * positive.
 *
 * @param keep         the probability that an entry is shown, in {@code (0, 1)}
 * @param hidden       the mean NLL per hidden entry
 * @param shown        the mean NLL per shown entry
 * @param unmasked     the mean NLL per held-in observed entry with every entry shown, unscaled
 *                     (what the validation loss sees)
 * @param hiddenCount  the number of hidden entries scored, over all draws
 * @param shownCount   the number of shown entries scored, over all draws
 */
public record MaskedReconstruction(double keep, double hidden, double shown, double unmasked,
                                   long hiddenCount, long shownCount) {

    /** Trials per forward pass (only bounds memory). */
    private static final int BATCH = 128;

    /** Validates the fields. */
    public MaskedReconstruction {
        if (!(keep > 0 && keep < 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1), got " + keep);
        }
        if (hiddenCount < 1 || shownCount < 1) {
            throw new IllegalArgumentException("both sets need entries, got " + hiddenCount
                + " hidden and " + shownCount + " shown");
        }
    }

    /**
     * The NLL the hidden entries cost beyond the shown ones: near 0 for a model that does not
     * copy its input, positive for one that does.
     *
     * @return {@code hidden − shown}
     */
    public double gap() {
        return hidden - shown;
    }

    /**
     * Scores a trained model.
     *
     * @param torch   the engine
     * @param model   the architecture
     * @param weights its weights
     * @param data    the trials to score
     * @param keep    the probability that an entry is shown, in {@code (0, 1)}; training's
     *                {@code cdKeep} asks the model what it was trained on
     * @param draws   independent masks per trial, 1 to 1,000
     * @param seed    seeds the masks (stream 0) and the model's sampling noise (stream 1)
     * @return the two NLLs and the unmasked one
     */
    public static MaskedReconstruction of(Torch torch, LatentModel model, WeightSnapshot weights,
                                          LatentData data, double keep, int draws, long seed) {
        Objects.requireNonNull(torch, "torch");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(data, "data");
        if (!(keep > 0 && keep < 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1), got " + keep);
        }
        if (draws < 1 || draws > 1_000) {
            throw new IllegalArgumentException("draws must be in [1, 1000], got " + draws);
        }
        data.requireShapeOf(model);
        LatentShape shape = model.shape();
        SeedSequence seeds = new SeedSequence(seed);
        SplittableRandom masks = seeds.generator(0);
        TensorNoise noise = new TensorNoise(seeds.generator(1));
        double[] sums = new double[3];     // hidden, shown, unmasked
        long[] counts = new long[3];
        try (NDManager manager = torch.newManager();
             NamedWeights w = model.initialise(manager, new SplittableRandom(0))) {
            w.load(weights);
            for (int draw = 0; draw < draws; draw++) {
                for (int from = 0; from < data.trials(); from += BATCH) {
                    int[] batch = range(from, Math.min(BATCH, data.trials() - from));
                    try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                        scope.suppressNotUsedWarning();
                        NDArray input = data.input(m, batch);
                        float[] x = input.toFloatArray();
                        boolean[] shownEntry = new boolean[x.length];
                        float[] masked = new float[x.length];
                        for (int i = 0; i < x.length; i++) {
                            shownEntry[i] = masks.nextDouble() < keep;
                            masked[i] = shownEntry[i] ? (float) (x[i] / keep) : 0f;
                        }
                        float[] logRates = model.forward(w.view(),
                            m.create(masked, input.getShape()), noise, false).logRates().toFloatArray();
                        score(data, shape, batch, logRates, shownEntry, sums, counts);
                        if (draw == 0) {
                            float[] all = model.forward(w.view(), input, noise, false).logRates()
                                .toFloatArray();
                            score(data, shape, batch, all, null, sums, counts);
                        }
                    }
                }
            }
        }
        return new MaskedReconstruction(keep, sums[0] / counts[0], sums[1] / counts[1],
            sums[2] / counts[2], counts[0], counts[1]);
    }

    /**
     * Adds the NLL of every held-in observed entry of a batch to the hidden (0) or shown (1)
     * sum, or to the unmasked one (2) when {@code shownEntry} is null.
     */
    private static void score(LatentData data, LatentShape shape, int[] batch, float[] logRates,
                              boolean[] shownEntry, double[] sums, long[] counts) {
        int t = shape.bins();
        int n = shape.neurons();
        int observed = shape.observedBins();
        int heldIn = shape.heldIn();
        for (int k = 0; k < batch.length; k++) {
            for (int b = 0; b < observed; b++) {
                for (int i = 0; i < heldIn; i++) {
                    double l = logRates[(k * t + b) * n + i];
                    double nll = Math.exp(l) - data.target(batch[k], b, i) * l;
                    int set = shownEntry == null ? 2
                        : shownEntry[(k * observed + b) * heldIn + i] ? 1 : 0;
                    sums[set] += nll;
                    counts[set]++;
                }
            }
        }
    }

    private static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
