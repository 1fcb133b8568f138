package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phasebook.latent.LatentTrainingParameters.CdGradient.LEAKY;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;

/**
 * {@link LatentTrainer} end to end on the quick Lorenz set (brief §9 "quick"): the validation
 * NLL improves, a seed fixes the run, the KL ramp and the plateau schedule are what the history
 * records, and early stopping ends a run.
 */
class LatentTrainerTest {

    private static Torch torch;
    private static LorenzDataset lorenz;
    private static LatentData train;
    private static LatentData validation;
    private static LangevinFlow model;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        lorenz = LorenzGenerator.generate(LorenzRecipe.quick());
        train = LatentData.of(lorenz, Split.TRAIN);
        validation = LatentData.of(lorenz, Split.EVAL);
        model = new LangevinFlow(LangevinFlowParameters.quick(), LatentShape.of(lorenz.recipe()));
    }

    /** Records every report of a run. */
    private static final class Recorder implements TrainingListener {
        final List<Step> steps = new ArrayList<>();
        final List<Epoch> epochs = new ArrayList<>();

        @Override
        public void onStep(Step step) {
            steps.add(step);
        }

        @Override
        public void onEpoch(Epoch epoch) {
            epochs.add(epoch);
        }
    }

    /**
     * The rates PyTorch's {@code ReduceLROnPlateau(mode="min", threshold=0)} would use, epoch by
     * epoch, given the validation losses: written out here independently of the trainer.
     */
    private static double[] plateauRates(double[] losses, LatentTrainingParameters p) {
        double[] rates = new double[losses.length];
        double rate = p.learningRate();
        double best = Double.POSITIVE_INFINITY;
        int bad = 0;
        for (int e = 0; e < losses.length; e++) {
            rates[e] = rate;
            if (losses[e] < best) {
                best = losses[e];
                bad = 0;
            } else {
                bad++;
            }
            if (bad > p.plateauPatience()) {
                double next = Math.max(rate * p.plateauFactor(), p.minLearningRate());
                if (rate - next > 1e-8) {
                    rate = next;
                }
                bad = 0;
            }
        }
        return rates;
    }

    private static int argmin(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void quickRunImprovesAndASeedFixesIt() {
        LatentTrainingParameters p = LatentTrainingParameters.quick().withEpochs(6);
        Recorder recorder = new Recorder();
        TrainedLatentModel first = new LatentTrainer(torch, model, p, 1).train(train, validation,
            recorder);
        LatentHistory h = first.history();

        assertEquals(6, h.epochs());
        assertFalse(h.stoppedEarly());
        int perEpoch = (train.trials() + p.batchSize() - 1) / p.batchSize();
        assertEquals(6 * perEpoch, h.stepLosses().length);
        for (double v : h.stepLosses()) {
            assertTrue(Double.isFinite(v));
        }
        double[] val = h.validationReconstruction();
        assertEquals(argmin(val), h.bestEpoch(), "the best epoch has the lowest validation NLL");
        assertTrue(val[h.bestEpoch()] < val[0], "the validation NLL improves on the first epoch: "
            + java.util.Arrays.toString(val));
        // KL ramp: κ(e) = klWeight · min(e / rampEpochs, 1).
        double[] kappa = h.klWeights();
        assertEquals(0.0, kappa[0], 0.0);
        for (int e = 0; e < 6; e++) {
            assertEquals(p.klWeight() * Math.min((double) e / p.rampEpochs(), 1), kappa[e], 1e-15,
                "κ at epoch " + e);
        }
        assertEquals(0.05, kappa[1], 1e-15);
        assertEquals(0.1, kappa[5], 1e-15);
        assertArrayEquals(plateauRates(val, p), h.learningRates(), 0.0);
        assertArrayEquals(new double[] {3e-3, 3e-3, 3e-3, 3e-3, 3e-3, 3e-3}, h.learningRates(),
            0.0, "patience 10 cannot shrink the rate within 6 epochs");

        // The listener saw every step and epoch, consistent with the history.
        assertEquals(h.stepLosses().length, recorder.steps.size());
        for (int i = 0; i < recorder.steps.size(); i++) {
            TrainingListener.Step s = recorder.steps.get(i);
            assertEquals(i + 1, s.step());
            assertEquals(6 * perEpoch, s.totalSteps());
            assertEquals(i / perEpoch, s.epoch());
            assertEquals(h.stepLosses()[i], s.loss(), 0.0);
        }
        assertEquals(6, recorder.epochs.size());
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < 6; e++) {
            TrainingListener.Epoch ep = recorder.epochs.get(e);
            assertEquals(val[e], ep.validationLoss(), 0.0);
            assertEquals(val[e] < best, ep.improved(), "improved at epoch " + e);
            best = Math.min(best, val[e]);
        }
        if (h.bestEpoch() == 5) {
            assertEquals(first.last(), first.best());
        } else {
            assertNotEquals(first.last(), first.best());
        }

        TrainedLatentModel again = new LatentTrainer(torch, model, p, 1).train(train, validation,
            TrainingListener.NONE);
        assertEquals(h, again.history(), "same seed, same history bit for bit");
        assertEquals(first.best(), again.best(), "same seed, same best weights");
        assertEquals(first.last(), again.last(), "same seed, same last weights");

        TrainedLatentModel other = new LatentTrainer(torch, model, p.withEpochs(1), 2).train(train,
            validation, TrainingListener.NONE);
        assertNotEquals(h.stepLosses()[0], other.history().stepLosses()[0],
            "another seed, another run");
    }

    @Test
    void aFrozenPotentialStaysAtZeroWhileTheLearnedOneTakesUnitKernels() {
        LatentTrainingParameters p = LatentTrainingParameters.quick().withEpochs(1);
        LatentModel frozen = LatentArchitecture.LANGEVIN_FLOW_FROZEN_POTENTIAL.model(true,
            LatentShape.of(lorenz.recipe()));
        TrainedLatentModel a = new LatentTrainer(torch, frozen, p, 1).train(train, validation,
            TrainingListener.NONE);
        assertFalse(a.last().tensors().containsKey("potential.K"), "no K among the trained weights");
        TrainedLatentModel b = new LatentTrainer(torch, model, p, 1).train(train, validation,
            TrainingListener.NONE);
        // The learned K leaves zero on the first Adam step, after which each 3-tap kernel has
        // unit norm once normalised (brief §2, "initialisation gotcha"): it is being trained.
        float[] k = b.last().values("potential.K");
        double norm = 0;
        for (float v : k) {
            norm += v * v;
        }
        assertTrue(norm > 0, "the learned K moved");
        assertNotEquals(a.history().stepLosses()[a.history().stepLosses().length - 1],
            b.history().stepLosses()[b.history().stepLosses().length - 1],
            "the two runs differ once K has moved");
    }

    @Test
    void plateauScheduleAndEarlyStoppingAreRecorded() {
        // A small rate, so that the validation NLL soon stalls within its sampling noise: the rate
        // shrinks after every epoch without improvement (patience 0, factor 0.3, floor 2e-4/8)
        // and the run stops after stopPatience = 2 epochs without improvement.
        LatentTrainingParameters p = new LatentTrainingParameters(32, 30, 2e-4, 0, 0.1, 2, 0.5, 0,
            0.3, 2e-4 / 8, 2, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY);
        TrainedLatentModel run = new LatentTrainer(torch, model, p, 3).train(train, validation,
            TrainingListener.NONE);
        LatentHistory h = run.history();
        double[] val = h.validationReconstruction();
        assertArrayEquals(plateauRates(val, p), h.learningRates(), 0.0);
        assertTrue(h.stoppedEarly(), "stopped early");
        assertTrue(h.epochs() < 30);
        assertEquals(argmin(val), h.bestEpoch());
        // Early stopping replayed: the first epoch after which stopPatience epochs in a row
        // brought no strict improvement ends the run.
        double best = Double.POSITIVE_INFINITY;
        int since = 0;
        int stop = -1;
        for (int e = 0; e < val.length && stop < 0; e++) {
            if (val[e] < best) {
                best = val[e];
                since = 0;
            } else {
                since++;
            }
            if (since >= p.stopPatience()) {
                stop = e;
            }
        }
        assertEquals(h.epochs() - 1, stop, "the run ends at the first stopping epoch");
        double[] rates = h.learningRates();
        assertTrue(rates[rates.length - 1] < p.learningRate(), "the rate shrank");
        assertEquals(p.minLearningRate(), rates[rates.length - 1], 0.0,
            "the rate reached its floor: " + java.util.Arrays.toString(rates));
        assertEquals(h.epochs() * 3, h.stepLosses().length);
    }

    @Test
    void tooFewTrainingTrialsAreRejected() {
        LatentTrainingParameters p = LatentTrainingParameters.quick().withBatchSize(200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new LatentTrainer(torch, model, p, 0).train(train, validation,
                TrainingListener.NONE));
        assertTrue(e.getMessage().contains("batchSize = 200"), e.getMessage());
    }

    @Test
    void trainingParametersAreValidatedAndRampLinearly() {
        LatentTrainingParameters q = LatentTrainingParameters.quick();
        assertEquals(32, q.batchSize());
        assertEquals(5, q.epochs());
        assertEquals(2, q.rampEpochs());
        assertEquals(0.0, q.ramp(0), 0.0);
        assertEquals(0.5, q.ramp(1), 0.0);
        assertEquals(1.0, q.ramp(2), 0.0);
        assertEquals(1.0, q.ramp(50), 0.0);
        assertEquals(0.02, LatentTrainingParameters.defaults().ramp(1), 1e-15);
        LatentTrainingParameters d = LatentTrainingParameters.defaults();
        expect("batchSize", () -> d.withBatchSize(0));
        expect("epochs", () -> d.withEpochs(0));
        expect("rampEpochs", () -> d.withRampEpochs(0));
        expect("cdKeep", () -> d.withCdKeep(0));
        expect("cdKeep", () -> d.withCdKeep(1.5));
        expect("klWeight", () -> d.withObjective(-1,
            LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY));
        expect("reconstruction", () -> d.withObjective(1, null));
        expect("learningRate", () -> new LatentTrainingParameters(32, 5, 0, 0, 0.1, 2, 0.5, 10,
            0.95, 0, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("weightDecay", () -> new LatentTrainingParameters(32, 5, 1e-3, Double.NaN, 0.1, 2,
            0.5, 10, 0.95, 0, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("plateauFactor", () -> new LatentTrainingParameters(32, 5, 1e-3, 0, 0.1, 2, 0.5,
            10, 1, 0, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("minLearningRate", () -> new LatentTrainingParameters(32, 5, 1e-3, 0, 0.1, 2, 0.5,
            10, 0.95, 2e-3, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("stopPatience", () -> new LatentTrainingParameters(32, 5, 1e-3, 0, 0.1, 2, 0.5,
            10, 0.95, 0, -1, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("plateauPatience", () -> new LatentTrainingParameters(32, 5, 1e-3, 0, 0.1, 2, 0.5,
            -1, 0.95, 0, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY,
            LEAKY));
        expect("cdGradient", () -> new LatentTrainingParameters(32, 5, 1e-3, 0, 0.1, 2, 0.5,
            10, 0.95, 0, 0, LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY, null));
    }

    private static void expect(String name, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, name);
        assertTrue(e.getMessage().startsWith(name + " "), "expected a message about " + name
            + ", got: " + e.getMessage());
    }
}
