package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

class LatentModelDatasetTest {

    @Test
    void committedRunsMatchTheirProvenanceArchitecturesAndTraining() throws IOException {
        LatentModelDataset dataset = LatentModelDataset.locate();
        String provenance = Files.readString(dataset.folder().resolve("provenance.json"));
        LatentShape shape = LatentShape.of(LorenzRecipe.defaults());
        Torch torch = Torch.start();
        for (LatentArchitecture a : LatentArchitecture.values()) {
            for (long seed : a.defaultSeeds()) {
                String run = LatentModelDataset.runName(false, a, seed);
                assertTrue(dataset.has(run), run + " is committed");
                String sha = LorenzDatasetFiles.FileChecksum.of(dataset.weightsFile(run)).sha256();
                assertTrue(provenance.contains("\"run\": \"" + run + "\"") && provenance.contains(sha),
                    run + ": provenance.json records SHA-256 " + sha);
                String training = "\"training\": \"" + a.training(false).toString().replace("\"", "'");
                assertTrue(provenance.contains("\"run\": \"" + run + "\"") && provenance.contains(training),
                    run + ": provenance.json records the training parameters " + a.training(false));
                WeightSnapshot w = dataset.load(run);
                try (NDManager m = torch.newManager();
                     NamedWeights weights = a.model(false, shape).initialise(m, new SplittableRandom(0))) {
                    weights.load(w);     // throws if a name or shape differs
                }
                double[][] epochs = dataset.epochs(run);
                assertEquals(a.training(false).epochs(), epochs[0].length, run + " epochs");
            }
        }
    }

    @Test
    void writesAndReadsARun(@TempDir Path dir) throws IOException {
        LatentModelDataset dataset = new LatentModelDataset(dir);
        LatentHistory history = new LatentHistory(new double[] {3, 2}, new double[] {1.5},
            new double[] {0.5}, new double[] {1.25}, new double[] {0.25}, new double[] {3e-3},
            new double[] {0}, 0, false);
        WeightSnapshot w = new WeightSnapshot(java.util.Map.of("a",
            new WeightSnapshot.Tensor(new long[] {2}, new float[] {1f, -0f})));
        LatentModel model = LatentArchitecture.LANGEVIN_FLOW.model(true,
            LatentShape.of(LorenzRecipe.quick()));
        dataset.write("quick-x-seed0", new TrainedLatentModel(model,
            LatentTrainingParameters.quick(), 0, w, w, history, 1.0));
        assertEquals(w, dataset.load("quick-x-seed0"));
        double[][] e = dataset.epochs("quick-x-seed0");
        assertEquals(0, e[0][0]);
        assertEquals(1.5, e[1][0]);
        assertEquals(1.25, e[3][0]);
        assertEquals(3e-3, e[5][0]);
        assertThrows(UncheckedIOException.class, () -> dataset.load("missing"));
        assertEquals("default-lfads-lite-seed2",
            LatentModelDataset.runName(false, LatentArchitecture.LFADS_LITE, 2));
        assertEquals(LatentArchitecture.LFADS_LITE, LatentArchitecture.parse("LFADS lite"));
        assertThrows(IllegalArgumentException.class, () -> LatentArchitecture.parse("gru"));
    }
}
