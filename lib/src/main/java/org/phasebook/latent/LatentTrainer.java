package org.phasebook.latent;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.EarlyStopping;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.ReduceLrOnPlateau;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;
import org.phasebook.nn.WeightSnapshot;
import org.phasebook.random.SeedSequence;

/**
 * Trains a {@link LatentModel} on spike counts (brief {@code langevin-flow.md} §3, §9): epochs
 * over the shuffled training trials with {@link LatentTrainingStep}, the KL weight and weight
 * decay ramped, after each epoch the plain Poisson NLL of the validation trials, which drives
 * the plateau schedule, the choice of the best weights and optional early stopping.
 *
 * <p>The run is a function of the model, the parameters, the data and the seed: from
 * {@code new SeedSequence(seed)}, stream 0 draws the initial weights, stream 1 the shuffles,
 * stream 2 the training noise and masks, stream 3 the validation noise. The training noise of
 * the next step is drawn on a second thread while a step computes
 * ({@link TensorNoise#beginPass}), which changes no number. Immutable; {@link #train} leaves no
 * native memory behind.
 */
public final class LatentTrainer {

    private final Torch torch;
    private final LatentModel model;
    private final LatentTrainingParameters training;
    private final long seed;

    /**
     * A trainer.
     *
     * @param torch    the engine
     * @param model    the architecture
     * @param training the parameters
     * @param seed     the master seed
     */
    public LatentTrainer(Torch torch, LatentModel model, LatentTrainingParameters training,
                         long seed) {
        this.torch = Objects.requireNonNull(torch, "torch");
        this.model = Objects.requireNonNull(model, "model");
        this.training = Objects.requireNonNull(training, "training");
        this.seed = seed;
    }

    /**
     * Trains on {@code train}, validating on {@code validation} after every epoch.
     *
     * @param train      training trials, at least one batch of them
     * @param validation validation trials
     * @param listener   progress reports (loss per step; validation NLL per epoch)
     * @return the trained model with its best and last weights
     */
    public TrainedLatentModel train(LatentData train, LatentData validation,
                                    TrainingListener listener) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(listener, "listener");
        if (train.trials() < training.batchSize()) {
            throw new IllegalArgumentException("need at least batchSize = "
                + training.batchSize() + " training trials, got " + train.trials());
        }
        long start = System.nanoTime();
        SeedSequence seeds = new SeedSequence(seed);
        SplittableRandom shuffle = seeds.generator(1);
        TensorNoise trainNoise = new TensorNoise(seeds.generator(2));
        TensorNoise validationNoise = new TensorNoise(seeds.generator(3));
        int b = training.batchSize();
        int perEpoch = (train.trials() + b - 1) / b;
        int budget = perEpoch * training.epochs();
        List<Double> stepLosses = new ArrayList<>();
        int epochs = training.epochs();
        double[] trainRec = new double[epochs];
        double[] trainKl = new double[epochs];
        double[] valRec = new double[epochs];
        double[] valKl = new double[epochs];
        double[] rates = new double[epochs];
        double[] klWeights = new double[epochs];
        ReduceLrOnPlateau schedule = new ReduceLrOnPlateau(training.learningRate(),
            training.plateauFactor(), training.plateauPatience(), 0, training.minLearningRate());
        EarlyStopping stopping = new EarlyStopping(training.stopPatience());
        WeightSnapshot best = null;
        WeightSnapshot last;
        int done = 0;
        boolean stoppedEarly = false;
        try (NDManager manager = torch.newManager();
             NamedWeights weights = model.initialise(manager, seeds.generator(0));
             LatentTrainingStep step = new LatentTrainingStep(torch, model, weights, training)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                double ramp = training.ramp(epoch);
                double kappa = training.klWeight() * ramp;
                double decay = training.weightDecay() * ramp;
                double rate = schedule.rate();
                int[] order = permutation(train.trials(), shuffle);
                double sumRec = 0;
                double sumKl = 0;
                double sumLoss = 0;
                for (int from = 0; from < order.length; from += b) {
                    int[] batch = java.util.Arrays.copyOfRange(order, from,
                        Math.min(from + b, order.length));
                    // The next step's batch size, so that its noise is drawn meanwhile.
                    int next = from + b < order.length ? Math.min(b, order.length - from - b)
                        : epoch + 1 < epochs ? b : -1;
                    trainNoise.beginPass(batch.length, next);
                    LatentTrainingStep.Result r = step.step(train, batch, trainNoise, kappa, rate,
                        decay);
                    stepLosses.add(r.loss());
                    sumRec += r.reconstruction();
                    sumKl += r.kl();
                    sumLoss += r.loss();
                    listener.onStep(new TrainingListener.Step(stepLosses.size(), budget, epoch,
                        r.loss(), r.gradientNorm()));
                }
                trainRec[epoch] = sumRec / perEpoch;
                trainKl[epoch] = sumKl / perEpoch;
                rates[epoch] = rate;
                klWeights[epoch] = kappa;
                double[] val = validate(step, validation, validationNoise);
                valRec[epoch] = val[0];
                valKl[epoch] = val[1];
                schedule.update(val[0]);
                boolean improved = stopping.update(val[0]);
                if (improved) {
                    best = weights.snapshot();
                }
                done = epoch + 1;
                listener.onEpoch(new TrainingListener.Epoch(epoch, stepLosses.size(),
                    sumLoss / perEpoch, val[0], improved));
                if (epoch + 1 < epochs && stopping.shouldStop()) {
                    stoppedEarly = true;
                    break;
                }
            }
            last = weights.snapshot();
        }
        if (best == null) {
            best = last;
        }
        LatentHistory history = new LatentHistory(
            stepLosses.stream().mapToDouble(Double::doubleValue).toArray(),
            java.util.Arrays.copyOf(trainRec, done), java.util.Arrays.copyOf(trainKl, done),
            java.util.Arrays.copyOf(valRec, done), java.util.Arrays.copyOf(valKl, done),
            java.util.Arrays.copyOf(rates, done), java.util.Arrays.copyOf(klWeights, done),
            Math.max(stopping.bestEpoch(), 0), stoppedEarly);
        return new TrainedLatentModel(model, training, seed, best, last, history,
            (System.nanoTime() - start) / 1e9);
    }

    private double[] validate(LatentTrainingStep step, LatentData data, TensorNoise noise) {
        // Batches only bound memory: the NLL is a per-trial average either way.
        int b = Math.max(training.batchSize(), 64);
        double rec = 0;
        double kl = 0;
        for (int from = 0; from < data.trials(); from += b) {
            int n = Math.min(b, data.trials() - from);
            int[] batch = new int[n];
            for (int i = 0; i < n; i++) {
                batch[i] = from + i;
            }
            LatentTrainingStep.Result r = step.evaluate(data, batch, noise);
            rec += r.reconstruction() * n;
            kl += r.kl() * n;
        }
        return new double[] {rec / data.trials(), kl / data.trials()};
    }

    /** A uniform random permutation of {@code 0..n-1} (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
