package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.LossHistory;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;

class RnnTrainerTest {

    private static Torch torch;

    @BeforeAll
    static void start() {
        torch = Torch.start();
    }

    /** A few steps on a tiny network: seconds of CPU at most. */
    private static RnnTrainingParameters tiny() {
        return RnnTrainingParameters.quick().withBatchSize(16).withSequences(48, 24).withSteps(7)
            .withCheckpointEvery(2);
    }

    private static final RnnParameters TINY = RnnParameters.paper(8, 3);

    @Test
    void sameSeedsGiveTheSameRunAndOtherSeedsAnother() {
        CategoricalHmm hmm = BenchmarkHmm.LINEAR_CHAIN_3.hmm();
        RnnTrainingSeeds seeds = RnnTrainingSeeds.of(42);
        TrainedRnn a = new RnnTrainer(torch, TINY, tiny(), seeds).train(hmm, 10, TrainingListener.NONE);
        TrainedRnn b = new RnnTrainer(torch, TINY, tiny(), seeds).train(hmm, 10, TrainingListener.NONE);
        assertEquals(a.history(), b.history());
        assertEquals(a.finalWeights(), b.finalWeights());
        assertEquals(a.bestWeights(), b.bestWeights());
        assertEquals(a.checkpoints(), b.checkpoints());
        RnnTrainingSeeds otherNoise = new RnnTrainingSeeds(seeds.weights(), seeds.data(),
            seeds.noise() + 1);
        TrainedRnn c = new RnnTrainer(torch, TINY, tiny(), otherNoise).train(hmm, 10,
            TrainingListener.NONE);
        assertNotEquals(a.history(), c.history());
        assertEquals(a.checkpoints().get(0), c.checkpoints().get(0), "same initial weights");
    }

    @Test
    void historyCheckpointsAndListenerAgree() {
        CategoricalHmm hmm = BenchmarkHmm.LINEAR_CHAIN_2.hmm();
        List<TrainingListener.Step> steps = new ArrayList<>();
        List<TrainingListener.Epoch> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(Step step) {
                steps.add(step);
            }

            @Override
            public void onEpoch(Epoch epoch) {
                epochs.add(epoch);
            }
        };
        RnnTrainingSeeds seeds = RnnTrainingSeeds.of(7);
        TrainedRnn r = new RnnTrainer(torch, TINY, tiny(), seeds).train(hmm, 6, listener);
        LossHistory h = r.history();
        // 48 sequences in batches of 16: 3 steps per epoch, so 7 steps end inside epoch 2,
        // which is still validated.
        assertEquals(7, h.steps());
        assertEquals(3, h.epochs());
        assertEquals(List.of(3, 6, 7), java.util.Arrays.stream(h.epochEndSteps()).boxed().toList());
        assertEquals(7, steps.size());
        assertEquals(3, epochs.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(i + 1, steps.get(i).step());
            assertEquals(h.stepLosses()[i], steps.get(i).loss());
            assertEquals(i / 3, steps.get(i).epoch());
            assertTrue(h.gradientNorms()[i] > 0);
        }
        assertEquals(h.meanStepLoss(0, 3), h.epochTrainingLosses()[0], 1e-12);
        assertEquals(h.epochValidationLosses()[1], epochs.get(1).validationLoss());
        // Checkpoints at steps 0, 2, 4, 6 and the final step 7; step 0 is the initialisation.
        assertEquals(List.of(0, 2, 4, 6, 7), r.checkpoints().stream().map(RnnCheckpoint::step).toList());
        try (NDManager m = torch.newManager();
             NoiseDrivenRnn init = NoiseDrivenRnn.initialise(TINY, m, DataType.FLOAT32,
                 new SplittableRandom(seeds.weights()))) {
            assertEquals(init.floatWeights(), r.checkpoints().get(0).weights());
        }
        assertEquals(r.finalWeights(), r.checkpoints().get(4).weights());
        assertNotEquals(r.checkpoints().get(0).weights(), r.finalWeights());
    }

    @Test
    void bestWeightsAreARealCopyUnlessTheQuirkIsAsked() {
        CategoricalHmm hmm = BenchmarkHmm.LINEAR_CHAIN_3.hmm();
        // Checkpoints at every epoch end (4 steps per epoch) to see the weights of each epoch.
        // A large learning rate makes the validation loss wander, so the best epoch is not the
        // last one with this seed (checked below, so that the test means something).
        RnnTrainingParameters p = tiny().withSequences(64, 32).withSteps(24).withCheckpointEvery(4)
            .withAdam(AdamParameters.paper().withLearningRate(0.05));
        RnnTrainingSeeds seeds = RnnTrainingSeeds.of(3);
        TrainedRnn real = new RnnTrainer(torch, TINY, p, seeds).train(hmm, 8, TrainingListener.NONE);
        LossHistory h = real.history();
        int best = h.bestEpoch();
        assertTrue(best < h.epochs() - 1, "the best epoch should not be the last one here: "
            + java.util.Arrays.toString(h.epochValidationLosses()));
        for (int e = 0; e < h.epochs(); e++) {
            assertTrue(h.epochValidationLosses()[e] >= h.bestValidationLoss());
        }
        int bestStep = h.epochEndSteps()[best];
        RnnFloatWeights atBest = real.checkpoints().stream().filter(c -> c.step() == bestStep)
            .findFirst().orElseThrow().weights();
        assertEquals(atBest, real.bestWeights());
        assertNotEquals(real.finalWeights(), real.bestWeights());
        assertEquals(real.bestWeights().toRnnWeights(), real.weights());

        TrainedRnn quirk = new RnnTrainer(torch, TINY, p.withFinalWeightsAsBest(true), seeds)
            .train(hmm, 8, TrainingListener.NONE);
        assertEquals(h, quirk.history(), "the flag changes which weights are kept, nothing else");
        assertEquals(quirk.finalWeights(), quirk.bestWeights());
        assertEquals(real.finalWeights(), quirk.finalWeights());
    }

    @Test
    void earlyStoppingEndsARunThatStopsImproving() {
        // With a negligible learning rate the weights do not move and the validation loss only
        // fluctuates with the fresh noise: with patience 2 the run must stop long before its
        // budget of 40 epochs, right after two epochs without a new best.
        RnnTrainingParameters p = tiny().withSteps(120).withPatience(2).withCheckpointEvery(0)
            .withAdam(AdamParameters.paper().withLearningRate(1e-12));
        TrainedRnn r = new RnnTrainer(torch, TINY, p, RnnTrainingSeeds.of(5))
            .train(BenchmarkHmm.LINEAR_CHAIN_3.hmm(), 6, TrainingListener.NONE);
        LossHistory h = r.history();
        assertTrue(h.stoppedEarly());
        assertTrue(h.epochs() < 40);
        assertEquals(h.epochs() - 3, h.bestEpoch());
        assertTrue(r.checkpoints().isEmpty());
        TrainedRnn noStop = new RnnTrainer(torch, TINY, p.withPatience(0).withSteps(30),
            RnnTrainingSeeds.of(5)).train(BenchmarkHmm.LINEAR_CHAIN_3.hmm(), 6,
            TrainingListener.NONE);
        assertFalse(noStop.history().stoppedEarly());
        assertEquals(30, noStop.history().steps());
    }

    @Test
    void quickTrainingLowersTheLoss() {
        // The "quick" scale: 3-state chain, T = 30, H = 50, d = 10, batch 256, 40 steps.
        RnnTrainingParameters p = RnnTrainingParameters.quick();
        TrainedRnn r = new RnnTrainer(torch, RnnParameters.small(), p, RnnTrainingSeeds.of(1))
            .train(BenchmarkHmm.LINEAR_CHAIN_3.hmm(), 30, TrainingListener.NONE);
        LossHistory h = r.history();
        assertEquals(40, h.steps());
        double[] loss = h.stepLosses();
        // Each step loss is the trend plus batch noise (fresh inputs, another HMM batch). The
        // noise variance is estimated from successive differences, which a slow trend hardly
        // affects: sigma² ≈ mean((l_{i+1} − l_i)²)/2. The mean of the last 5 steps must lie
        // below that of the first 5 by more than 5 standard errors of their difference,
        // sigma·sqrt(2/5): a run that does not learn fails this with near certainty.
        double sumSq = 0;
        for (int i = 1; i < loss.length; i++) {
            sumSq += (loss[i] - loss[i - 1]) * (loss[i] - loss[i - 1]);
        }
        double sigma = Math.sqrt(sumSq / (loss.length - 1) / 2);
        double first = h.meanStepLoss(0, 5);
        double last = h.meanStepLoss(35, 40);
        double margin = 5 * sigma * Math.sqrt(2.0 / 5);
        assertTrue(first - last > margin, () -> String.format(java.util.Locale.ROOT,
            "first 5 steps %.3f, last 5 %.3f, margin %.3f (sigma %.3f): %s", first, last, margin,
            sigma, java.util.Arrays.toString(loss)));
        double[] validation = h.epochValidationLosses();
        assertEquals(5, validation.length);
        assertTrue(validation[4] < validation[0] - margin,
            () -> java.util.Arrays.toString(validation));
    }

    @Test
    void rejectsDataThatDoesNotFit() {
        RnnTrainer trainer = new RnnTrainer(torch, TINY, tiny(), RnnTrainingSeeds.of(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> trainer.train(new RnnTrainingData(new int[8][5], new int[4][5]),
                TrainingListener.NONE));
        assertTrue(e.getMessage().contains("batchSize = 16"), e.getMessage());
        int[][] bad = new int[16][5];
        bad[3][2] = 3;
        e = assertThrows(IllegalArgumentException.class,
            () -> trainer.train(new RnnTrainingData(bad, new int[4][5]), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("symbol 3 at sequence 3, step 2"), e.getMessage());
        CategoricalHmm fourSymbols = new CategoricalHmm("four", new double[] {1},
            new double[][] {{1}}, new double[][] {{0.25, 0.25, 0.25, 0.25}});
        e = assertThrows(IllegalArgumentException.class,
            () -> trainer.train(fourSymbols, 5, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("4 symbols"), e.getMessage());
    }
}
