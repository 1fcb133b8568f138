package org.phasebook.hmm;

import java.util.Locale;
import java.util.Objects;

import org.phasebook.nn.LossHistory;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;

/**
 * The network that figures F3–F6 open up, as the paper does for its main example: an RNN trained
 * on the 2-state linear chain ({@link #HMM}). Two sources:
 * <ul>
 *   <li>the "mechanism" run of {@code datasets/hmm-rnn} ({@link TrainNetworks#mechanismRun()}:
 *   {@code H = 150} units, {@code d = 100} noise inputs, {@code T = 100}, batch 512), whose
 *   weights file holds the epoch of lowest validation loss ({@link #describe(HmmRnnDataset, RnnWeights)});</li>
 *   <li>at the quick scale, a small network ({@link RnnParameters#small()}) trained here for
 *   {@link #quickTraining()}: far too briefly to learn the HMM, so that the analyses run on an
 *   untrained-looking network and only show that the code works ({@link #trainQuick}).</li>
 * </ul>
 * The descriptions are the labels that the notebook's figures and manifest carry.
 *
 * <p>Stateless; all methods are static.
 */
public final class MechanismNetwork {

    /** The HMM the network emulates: two hidden states that swap with probability 0.05 per step. */
    public static final BenchmarkHmm HMM = BenchmarkHmm.LINEAR_CHAIN_2;

    private MechanismNetwork() {
    }

    /**
     * The training of the quick network: {@link RnnTrainingParameters#quick()} with batch 64,
     * 256 training and 64 validation sequences, 20 Adam steps and a checkpoint every 5 steps.
     */
    public static RnnTrainingParameters quickTraining() {
        return RnnTrainingParameters.quick().withBatchSize(64).withSequences(256, 64).withSteps(20)
                .withCheckpointEvery(5);
    }

    /**
     * Trains the quick network: {@link RnnParameters#small()} ({@code H = 50}, {@code d = 10}) on
     * sequences of {@link #HMM} of its training length, with {@link #quickTraining()} and
     * {@link RnnTrainingSeeds#of(long) RnnTrainingSeeds.of(seed)}.
     *
     * @param torch    the engine
     * @param seed     the master seed of the run
     * @param listener told of every step and epoch
     * @return the run, with its checkpoints
     */
    public static TrainedRnn trainQuick(Torch torch, long seed, TrainingListener listener) {
        Objects.requireNonNull(torch, "torch");
        Objects.requireNonNull(listener, "listener");
        return new RnnTrainer(torch, RnnParameters.small(), quickTraining(), RnnTrainingSeeds.of(seed))
                .train(HMM.hmm(), HMM.trainingLength(), listener);
    }

    /**
     * The label of the quick network, e.g. "quick untrained network (2-state chain, H = 50,
     * d = 10, T = 100, batch 64, 20 steps)".
     */
    public static String describe(TrainedRnn quick) {
        Objects.requireNonNull(quick, "quick");
        RnnWeights w = quick.weights();
        return String.format(Locale.ROOT, "quick untrained network (2-state chain, H = %d, d = %d, T = %d, batch %d, %d steps)",
                w.hidden(), w.inputs(), quick.length(), quick.training().batchSize(), quick.training().steps());
    }

    /**
     * The label of the mechanism network of {@code data}, e.g. "mechanism network (2-state chain,
     * H = 150, d = 100, T = 100, batch 512, 1500 steps, seed 2510256800), best validation loss at
     * step 720": the sizes of {@code weights}, the training of
     * {@link TrainNetworks#mechanismRun()}, and the end step of the first epoch with the lowest
     * validation loss in the run's epochs file (the epoch whose weights the file holds).
     *
     * @param data    the data set holding the run
     * @param weights the weights loaded from it
     */
    public static String describe(HmmRnnDataset data, RnnWeights weights) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(weights, "weights");
        TrainNetworks.Run run = TrainNetworks.mechanismRun();
        LossHistory history = data.lossHistory(HmmRnnDataset.MECHANISM);
        if (history.bestEpoch() < 0) {
            throw new IllegalArgumentException("the epochs file " + data.epochs(HmmRnnDataset.MECHANISM)
                    + " holds no epoch (needs >= 1 row)");
        }
        return String.format(Locale.ROOT, "mechanism network (2-state chain, H = %d, d = %d, T = %d, batch %d, %d steps, seed %d)",
                weights.hidden(), weights.inputs(), run.length(), run.training().batchSize(), run.training().steps(),
                run.seed()) + ", best validation loss at step " + history.epochEndSteps()[history.bestEpoch()];
    }
}
