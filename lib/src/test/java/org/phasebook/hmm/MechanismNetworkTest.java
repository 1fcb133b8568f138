package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;

class MechanismNetworkTest {

    @Test
    void theQuickTrainingIsShortAndCheckpointed() {
        RnnTrainingParameters quick = MechanismNetwork.quickTraining();
        assertEquals(64, quick.batchSize());
        assertEquals(256, quick.trainingSequences());
        assertEquals(64, quick.validationSequences());
        assertEquals(20, quick.steps());
        assertEquals(5, quick.checkpointEvery());
        assertEquals(RnnTrainingParameters.quick().adam(), quick.adam(), "otherwise the quick scale's");
        assertEquals(BenchmarkHmm.LINEAR_CHAIN_2, MechanismNetwork.HMM);
    }

    @Test
    void theLabelOfTheDataSetRunNamesItsSizesAndBestStep(@TempDir Path folder) throws IOException {
        HmmRnnDataset data = new HmmRnnDataset(folder);
        Files.writeString(data.epochs(HmmRnnDataset.MECHANISM), "epoch,end_step,training_loss,validation_loss\n"
                + "0,20,40.0,39.5\n1,40,38.0,37.25\n2,60,37.0,37.25\n3,80,36.0,38.0\n");
        Files.writeString(data.steps(HmmRnnDataset.MECHANISM), "step,epoch,loss,gradient_norm\n1,0,41.0,2.0\n");
        RnnWeights w = RnnWeights.random(12, 5, 3, new SplittableRandom(1));
        TrainNetworks.Run run = TrainNetworks.mechanismRun();
        String label = MechanismNetwork.describe(data, w);
        assertEquals("mechanism network (2-state chain, H = 12, d = 5, T = " + run.length() + ", batch "
                + run.training().batchSize() + ", " + run.training().steps() + " steps, seed " + run.seed()
                + "), best validation loss at step 40", label, "the first epoch of the lowest loss ends at step 40");
        Files.writeString(data.epochs(HmmRnnDataset.MECHANISM), "epoch,end_step,training_loss,validation_loss\n");
        CategoricalHmmTest.assertMessage(() -> MechanismNetwork.describe(data, w), "holds no epoch");
    }

    @Test
    void theQuickNetworkIsTrainedAndLabelled() {
        AtomicInteger steps = new AtomicInteger();
        TrainedRnn quick = MechanismNetwork.trainQuick(Torch.start(), 5L, new TrainingListener() {
            @Override
            public void onStep(Step step) {
                steps.incrementAndGet();
            }
        });
        assertEquals(20, steps.get(), "the listener hears every step");
        assertEquals(20, quick.history().stepLosses().length);
        assertEquals(MechanismNetwork.HMM.trainingLength(), quick.length());
        assertEquals(5, quick.checkpoints().size(), "checkpoints at steps 0, 5, 10, 15, 20");
        assertEquals(RnnParameters.small().hidden(), quick.weights().hidden());
        assertEquals("quick untrained network (2-state chain, H = " + RnnParameters.small().hidden() + ", d = "
                + RnnParameters.small().inputs() + ", T = 100, batch 64, 20 steps)", MechanismNetwork.describe(quick));
    }
}
