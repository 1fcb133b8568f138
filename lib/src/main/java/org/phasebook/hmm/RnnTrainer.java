package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Future;

import org.phasebook.nn.DrawAhead;
import org.phasebook.nn.EarlyStopping;
import org.phasebook.nn.LossHistory;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;
import org.phasebook.random.SeedSequence;

/**
 * Trains the paper's noise-driven RNN to emit sequences that look like an HMM's (brief
 * {@code hmm-rnn.md} §3–§5, after Torre et al., arXiv:2510.25674): Sinkhorn divergence between
 * batches of RNN and HMM sequences, straight-through hard Gumbel-softmax, Adam with global-norm
 * clipping, per-epoch validation, optional early stopping and checkpoints.
 *
 * <p>The estimator is immutable; {@link #train} returns a {@link TrainedRnn} and leaves no
 * native memory behind. The run is a function of the parameters, the seeds and the data: the
 * initial weights come from {@code seeds.weights()}, the noise of training batches from stream
 * 0 and that of validation batches from stream 1 of {@code new SeedSequence(seeds.noise())},
 * drawn batch after batch ({@link RnnNoise#draw}), so every epoch sees fresh noise. The next
 * batch's noise is drawn on a second thread while a step computes ({@link DrawAhead}), in the
 * same order, so the numbers are those of drawing inline. Training batches are consecutive
 * slices of the training sequences in their given order.
 */
public final class RnnTrainer {

    private final Torch torch;
    private final RnnParameters model;
    private final RnnTrainingParameters training;
    private final RnnTrainingSeeds seeds;

    /**
     * A trainer.
     *
     * @param torch    the engine
     * @param model    the network's shape and noise strength
     * @param training the training parameters
     * @param seeds    the seeds
     */
    public RnnTrainer(Torch torch, RnnParameters model, RnnTrainingParameters training,
                      RnnTrainingSeeds seeds) {
        this.torch = Objects.requireNonNull(torch, "torch");
        this.model = Objects.requireNonNull(model, "model");
        this.training = Objects.requireNonNull(training, "training");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    /**
     * Samples {@code trainingSequences + validationSequences} sequences of length
     * {@code length} from {@code hmm} with {@code seeds.data()} (split in order, see
     * {@link RnnTrainingData#sample}) and trains on them.
     *
     * @param hmm      the HMM to emulate, with {@code K} symbols
     * @param length   the training sequence length {@code T >= 1}
     * @param listener progress reports, or {@link TrainingListener#NONE}
     * @return the trained model
     */
    public TrainedRnn train(CategoricalHmm hmm, int length, TrainingListener listener) {
        Objects.requireNonNull(hmm, "hmm");
        if (hmm.symbols() != model.outputs()) {
            throw new IllegalArgumentException("the HMM has " + hmm.symbols()
                + " symbols but the RNN has K = " + model.outputs() + " outputs");
        }
        return train(RnnTrainingData.sample(hmm, length, training.trainingSequences(),
            training.validationSequences(), seeds.data()), listener);
    }

    /**
     * Trains on the given sequences, all of them (the sequence counts of the training
     * parameters are used only when sampling).
     *
     * @param data     training and validation sequences, symbols in {@code 0..K-1}; at least
     *                 {@code batchSize} training sequences
     * @param listener progress reports, or {@link TrainingListener#NONE}
     * @return the trained model
     */
    public TrainedRnn train(RnnTrainingData data, TrainingListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(listener, "listener");
        int[][] train = data.trainingView();
        int[][] validation = data.validationView();
        if (train.length < training.batchSize()) {
            throw new IllegalArgumentException("need at least batchSize = "
                + training.batchSize() + " training sequences, got " + train.length);
        }
        if (validation.length < 2) {
            throw new IllegalArgumentException("need at least 2 validation sequences, got "
                + validation.length);
        }
        long start = System.nanoTime();
        int t = data.length();
        int k = model.outputs();
        int d = model.inputs();
        int b = training.batchSize();
        int budget = training.steps();
        SeedSequence noiseSeeds = new SeedSequence(seeds.noise());
        SplittableRandom trainNoise = noiseSeeds.generator(0);
        SplittableRandom validationNoise = noiseSeeds.generator(1);
        double[] stepLosses = new double[budget];
        double[] norms = new double[budget];
        List<Double> epochTrain = new ArrayList<>();
        List<Double> epochValidation = new ArrayList<>();
        List<Integer> epochEnds = new ArrayList<>();
        List<RnnCheckpoint> checkpoints = new ArrayList<>();
        EarlyStopping stopping = new EarlyStopping(training.patience());
        RnnFloatWeights best = null;
        RnnFloatWeights last;
        int steps = 0;
        boolean stoppedEarly = false;
        DrawAhead drawer = new DrawAhead("phasebook-rnn-noise-ahead");
        Future<RnnNoise> ahead = null;
        try (NDManager manager = torch.newManager();
             NoiseDrivenRnn rnn = NoiseDrivenRnn.initialise(model, manager, training.dataType(),
                 new SplittableRandom(seeds.weights()));
             RnnTrainingStep step = new RnnTrainingStep(torch, rnn, training.adam(),
                 training.clipNorm(), training.sinkhorn())) {
            NDArray trainTargets = RnnTrainingStep.oneHot(manager, train, 0, train.length, k,
                training.dataType());
            NDArray validationTargets = RnnTrainingStep.oneHot(manager, validation, 0,
                validation.length, k, training.dataType());
            int every = training.checkpointEvery();
            if (every > 0) {
                checkpoints.add(new RnnCheckpoint(0, -1, rnn.floatWeights()));
            }
            for (int epoch = 0; steps < budget; epoch++) {
                double sum = 0;
                int batches = 0;
                for (int from = 0; from < train.length && steps < budget; from += b) {
                    int count = Math.min(b, train.length - from);
                    RnnNoise noise = ahead != null ? DrawAhead.join(ahead)
                        : RnnNoise.draw(count, t, d, k, trainNoise);
                    if (noise.batch() != count) {
                        throw new IllegalStateException("noise drawn ahead for a batch of "
                            + noise.batch() + ", the step has " + count);
                    }
                    // The next step's noise, drawn on the drawer's thread while this one runs;
                    // only that thread touches trainNoise from here on.
                    int next = steps + 1 >= budget ? 0 : from + b < train.length
                        ? Math.min(b, train.length - from - b) : Math.min(b, train.length);
                    ahead = next == 0 ? null
                        : drawer.submit(() -> RnnNoise.draw(next, t, d, k, trainNoise));
                    RnnTrainingStep.Result r;
                    try (NDArray targets = slice(trainTargets, from, count)) {
                        r = step.step(noise, targets);
                    }
                    stepLosses[steps] = r.loss();
                    norms[steps] = r.gradientNorm();
                    steps++;
                    sum += r.loss();
                    batches++;
                    if (every > 0 && steps % every == 0) {
                        checkpoints.add(new RnnCheckpoint(steps, epoch, rnn.floatWeights()));
                    }
                    listener.onStep(new TrainingListener.Step(steps, budget, epoch, r.loss(),
                        r.gradientNorm()));
                }
                double validationLoss = validate(step, validationTargets, validation.length, t,
                    validationNoise);
                boolean improved = stopping.update(validationLoss);
                if (improved && !training.finalWeightsAsBest()) {
                    best = rnn.floatWeights();
                }
                double trainLoss = sum / batches;
                epochTrain.add(trainLoss);
                epochValidation.add(validationLoss);
                epochEnds.add(steps);
                listener.onEpoch(new TrainingListener.Epoch(epoch, steps, trainLoss,
                    validationLoss, improved));
                if (steps < budget && stopping.shouldStop()) {
                    stoppedEarly = true;
                    break;
                }
            }
            last = rnn.floatWeights();
            if (every > 0 && steps % every != 0) {
                checkpoints.add(new RnnCheckpoint(steps, epochEnds.size() - 1, last));
            }
        }
        if (best == null || training.finalWeightsAsBest()) {
            best = last;
        }
        LossHistory history = new LossHistory(java.util.Arrays.copyOf(stepLosses, steps),
            java.util.Arrays.copyOf(norms, steps), toDoubles(epochTrain),
            toDoubles(epochValidation), epochEnds.stream().mapToInt(Integer::intValue).toArray(),
            stopping.bestEpoch(), stoppedEarly);
        return new TrainedRnn(model, training, seeds, t, last, best, history, checkpoints,
            (System.nanoTime() - start) / 1e9);
    }

    private double validate(RnnTrainingStep step, NDArray targets, int count, int t,
                            SplittableRandom random) {
        int b = training.batchSize();
        double sum = 0;
        int batches = 0;
        for (int from = 0; from < count; from += b) {
            int n = Math.min(b, count - from);
            RnnNoise noise = RnnNoise.draw(n, t, model.inputs(), model.outputs(), random);
            try (NDArray slice = slice(targets, from, n)) {
                sum += step.loss(noise, slice);
            }
            batches++;
        }
        return sum / batches;
    }

    private static NDArray slice(NDArray all, int from, int count) {
        return all.get(new NDIndex("{}:{}", from, from + count));
    }

    private static double[] toDoubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
