package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.LossHistory;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

class TrainNetworksTest {

    private static Torch torch;

    @BeforeAll
    static void start() {
        torch = Torch.start();
    }

    @Test
    void defaultRunsFollowTheBriefsDefaultScale() {
        List<TrainNetworks.Run> runs = TrainNetworks.runs(List.of("default"));
        assertEquals(6, runs.size());
        for (TrainNetworks.Run r : runs) {
            assertEquals(50, r.model().hidden());
            assertEquals(10, r.model().inputs());
            assertEquals(r.hmm().trainingLength(), r.length());
            assertEquals(TrainNetworks.LARGE_BATCH_HMMS.contains(r.hmm()) ? 2_048 : 512,
                r.training().batchSize());
            assertEquals(1_500, r.training().steps());
            assertEquals(10_000, r.training().trainingSequences());
            assertEquals(10_000, r.training().validationSequences());
            assertEquals(RnnTrainingParameters.clipNormFor(r.hmm()), r.training().clipNorm());
            assertEquals("default-" + HmmRnnDataset.slug(r.hmm()), r.name());
        }
        assertEquals(6, runs.stream().map(TrainNetworks.Run::seed).distinct().count());
        assertEquals("batch 2,048 for the 3-state linear chain, 4-state linear chain and 3-state fully connected HMMs, "
            + "512 for the others",
            TrainNetworks.defaultBatchesInWords());
    }

    @Test
    void mechanismRunIsTheTwoStateChainAtTheMainSize() {
        TrainNetworks.Run m = TrainNetworks.mechanismRun();
        assertEquals(BenchmarkHmm.LINEAR_CHAIN_2, m.hmm());
        assertEquals(100, m.length());
        assertEquals(150, m.model().hidden());
        assertEquals(100, m.model().inputs());
        assertEquals(TrainNetworks.MECHANISM_CHECKPOINT_EVERY, m.training().checkpointEvery());
        assertEquals(HmmRnnDataset.MECHANISM, m.name());
    }

    @Test
    void subspaceRunsAreTheFullyConnectedAndCyclicHmmsAtTheMechanismSize() {
        List<TrainNetworks.Run> runs = TrainNetworks.runs(List.of("subspaces", "mechanism-cyclic-4"));
        assertEquals(List.of("mechanism-fully-connected-3", "mechanism-cyclic-4"),
            runs.stream().map(TrainNetworks.Run::name).toList());
        for (TrainNetworks.Run r : runs) {
            assertEquals(150, r.model().hidden());
            assertEquals(100, r.model().inputs());
            assertEquals(r.hmm().trainingLength(), r.length());
            assertEquals(TrainNetworks.MECHANISM_VALIDATION, r.training().validationSequences());
            assertEquals(TrainNetworks.MECHANISM_SEED + 1 + r.hmm().ordinal(), r.seed());
        }
        assertEquals(BenchmarkHmm.FULLY_CONNECTED_3, runs.get(0).hmm());
        assertEquals(BenchmarkHmm.CYCLIC_4, runs.get(1).hmm());
        // the paper's Adam steps: twice the epochs for the fully connected HMM
        assertEquals(3_000, runs.get(0).training().steps());
        assertEquals(1_500, runs.get(1).training().steps());
        // the fully connected network only leaves its first plateau at the larger batch
        assertEquals(TrainNetworks.LARGE_BATCH, runs.get(0).training().batchSize());
        assertEquals(512, runs.get(1).training().batchSize());
    }

    @Test
    void wordsSelectRunsWithoutRepeatsAndRejectUnknownOnes() {
        List<TrainNetworks.Run> runs = TrainNetworks.runs(List.of("mechanism", "cyclic 4",
            "default", "LINEAR_CHAIN_3"));
        assertEquals(7, runs.size());
        assertEquals(HmmRnnDataset.MECHANISM, runs.get(0).name());
        assertEquals("default-cyclic-4", runs.get(1).name());
        assertThrows(IllegalArgumentException.class, () -> TrainNetworks.runs(List.of("nope")));
    }

    @Test
    void lossCsvFilesReadBackToTheSameHistory(@TempDir Path dir) throws IOException {
        LossHistory h = new LossHistory(new double[] {3.5, 2.25, 1e-3, 0.1, 0.2},
            new double[] {1, 2, 3, 4, 5}, new double[] {2.875, 0.05, 0.2},
            new double[] {2.0, 0.125, 0.5}, new int[] {2, 4, 5}, 1, false);
        HmmRnnDataset data = new HmmRnnDataset(dir);
        Files.writeString(data.steps("x"), TrainNetworks.stepsCsv(h));
        Files.writeString(data.epochs("x"), TrainNetworks.epochsCsv(h));
        assertEquals(h, data.lossHistory("x"));
        // the epoch column of the step file assigns steps 1-2 to epoch 0, 3-4 to 1, 5 to 2
        List<String> lines = Files.readAllLines(data.steps("x"));
        assertEquals("step,epoch,loss,gradient_norm", lines.get(0));
        assertTrue(lines.get(2).startsWith("2,0,"));
        assertTrue(lines.get(3).startsWith("3,1,"));
        assertTrue(lines.get(5).startsWith("5,2,"));
    }

    @Test
    void aTinyRunWritesItsFilesReproducibly(@TempDir Path dir) throws IOException {
        RnnTrainingParameters p = new RnnTrainingParameters(4, 8, 4, 5, AdamParameters.paper(),
            0.9, SinkhornParameters.paper(), 0, 2, false, DataType.FLOAT32);
        TrainNetworks.Run run = new TrainNetworks.Run("tiny", BenchmarkHmm.LINEAR_CHAIN_3, 6,
            RnnParameters.paper(4, 2), p, 7L);
        HmmRnnDataset first = new HmmRnnDataset(dir.resolve("a"));
        HmmRnnDataset second = new HmmRnnDataset(dir.resolve("b"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        TrainedRnn trained = TrainNetworks.train(torch, run, first, out);
        TrainNetworks.train(torch, run, second, out);

        assertEquals(trained.bestWeights(), first.load("tiny"));
        assertEquals(trained.history(), first.lossHistory("tiny"));
        // checkpoints at steps 0, 2, 4 and the final step 5
        assertArrayEquals(new int[] {0, 2, 4, 5}, first.checkpointSteps("tiny"));
        assertEquals(trained.checkpoints().get(1).weights(), first.loadCheckpoint("tiny", 2));
        assertNotEquals(first.loadCheckpoint("tiny", 0), first.loadCheckpoint("tiny", 5));
        for (String f : List.of("tiny.weights", "tiny-steps.csv", "tiny-epochs.csv",
            "tiny-step0004.weights")) {
            assertEquals(TrainNetworks.sha256(first.folder().resolve(f)),
                TrainNetworks.sha256(second.folder().resolve(f)), f);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[tiny] epoch 3/3 step 5"), text);
        assertTrue(text.contains("[tiny] done"), text);
    }

    @Test
    void provenanceListsEveryFileWithItsDigest(@TempDir Path dir) throws IOException {
        HmmRnnDataset data = new HmmRnnDataset(dir);
        Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        Files.writeString(dir.resolve("README.md"), "readme");
        TrainNetworks.writeProvenance(data);
        String json = Files.readString(dir.resolve("provenance.json"));
        assertTrue(json.contains("\"a.csv\": \"" + TrainNetworks.sha256(dir.resolve("a.csv"))
            + "\""), json);
        assertFalse(json.contains("README.md"), json);
        // the SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1)
        Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            TrainNetworks.sha256(dir.resolve("abc.txt")));
    }

    @Test
    void provenanceRecordsTheBatchARunWasTrainedWith(@TempDir Path dir) throws IOException {
        TrainNetworks.Run run = TrainNetworks.defaultRun(BenchmarkHmm.LINEAR_CHAIN_5);
        String[] json = definedAndChanged(dir, run, run.training().withBatchSize(1_024));
        assertTrue(json[0].contains("\"name\": \"" + run.name() + "\", \"hmm\": \"LINEAR_CHAIN_5\", \"T\": "
            + run.length() + ", \"H\": 50, \"d\": 10, \"batch\": " + run.training().batchSize() + ","), json[0]);
        assertTrue(json[1].contains("\"batch\": 1024,"), json[1]);
        assertFalse(json[1].contains("\"batch\": " + run.training().batchSize() + ","), json[1]);
    }

    @Test
    void provenanceRecordsTheBlurARunWasTrainedWith(@TempDir Path dir) throws IOException {
        TrainNetworks.Run run = TrainNetworks.defaultRun(BenchmarkHmm.CYCLIC_4);
        RnnTrainingParameters smooth = run.training().withSinkhorn(new SinkhornParameters(5, 0.5));
        assertEquals(new SinkhornParameters(5, 0.5), smooth.sinkhorn());
        assertEquals(run.training().withSinkhorn(SinkhornParameters.paper()), run.training());
        String[] json = definedAndChanged(dir, run, smooth);
        assertTrue(json[0].contains("\"clip_norm\": 0.3, \"blur\": 0.2, \"scaling\": 0.5,"), json[0]);
        assertTrue(json[1].contains("\"blur\": 5.0,"), json[1]);
        assertFalse(json[1].contains("\"blur\": 0.2,"), json[1]);
    }

    /**
     * The provenance of a folder that holds only {@code run}'s weights: as the run is defined,
     * then with {@code changed} training parameters.
     */
    private static String[] definedAndChanged(Path dir, TrainNetworks.Run run,
                                              RnnTrainingParameters changed) throws IOException {
        HmmRnnDataset data = new HmmRnnDataset(dir);
        Files.write(dir.resolve(run.name() + ".weights"), new byte[] {1});
        TrainNetworks.writeProvenance(data);
        String defined = Files.readString(dir.resolve("provenance.json"));
        TrainNetworks.writeProvenance(data, List.of(new TrainNetworks.Run(run.name(), run.hmm(),
            run.length(), run.model(), changed, run.seed())));
        return new String[] {defined, Files.readString(dir.resolve("provenance.json"))};
    }

    @Test
    void scoreReportsTheFiveDistancesOverTheFloor() {
        BenchmarkHmm hmm = BenchmarkHmm.LINEAR_CHAIN_2;
        RnnFloatWeights untrained = RnnFloatWeights.of(RnnWeights.random(8, 3, 3,
            new java.util.SplittableRandom(5)));
        List<String> lines = TrainNetworks.score(torch, hmm, untrained, 300, 3);
        assertEquals(8, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith(hmm.label() + ", 300 sequences of 100, 3 floor samples"),
            lines.get(0));
        // an untrained network is far from the slow-switching chain: every ratio well above 1
        for (int i = 1; i <= 5; i++) {
            String[] words = lines.get(i).trim().split("\\s+");
            double ratio = Double.parseDouble(words[words.length - 3]);
            assertTrue(ratio > 3, lines.get(i));
        }
        assertEquals(lines, TrainNetworks.score(torch, hmm, untrained, 300, 3), "seeded");
        assertThrows(IllegalArgumentException.class,
            () -> TrainNetworks.score(torch, hmm, untrained, 0, 3));
    }

    @Test
    void locateWalksUpToTheRepository(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("datasets"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path deep = Files.createDirectories(dir.resolve("notebooks/sub"));
        assertEquals(dir.resolve("datasets/hmm-rnn").toAbsolutePath().normalize(),
            HmmRnnDataset.locate(deep).folder());
        assertEquals("default-fully-connected-3",
            HmmRnnDataset.defaultName(BenchmarkHmm.FULLY_CONNECTED_3));
        assertEquals(dir.resolve("datasets/hmm-rnn/default-cyclic-4.weights").toAbsolutePath()
            .normalize(), HmmRnnDataset.locate(deep).weights("default-cyclic-4"));
    }

    @Test
    void theCommittedDataSetMatchesItsProvenanceAndShapes() throws IOException {
        HmmRnnDataset data = HmmRnnDataset.locate();
        String json = Files.readString(data.folder().resolve("provenance.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("\"([^\"]+)\": \"([0-9a-f]{64})\"").matcher(json);
        int files = 0;
        while (m.find()) {
            assertEquals(m.group(2), TrainNetworks.sha256(data.folder().resolve(m.group(1))),
                m.group(1));
            files++;
        }
        // six default runs, the mechanism run and the two F7 runs with 3 files each, plus 16
        // checkpoints
        assertEquals(9 * 3 + 16, files);
        for (BenchmarkHmm h : BenchmarkHmm.values()) {
            RnnFloatWeights w = data.load(HmmRnnDataset.defaultName(h));
            assertEquals(List.of(50, 10, 3), List.of(w.hidden(), w.inputs(), w.outputs()));
            assertEquals(1_500, data.lossHistory(HmmRnnDataset.defaultName(h)).steps());
        }
        RnnFloatWeights mechanism = data.load(HmmRnnDataset.MECHANISM);
        assertEquals(List.of(150, 100, 3),
            List.of(mechanism.hidden(), mechanism.inputs(), mechanism.outputs()));
        assertEquals(16, data.checkpointSteps(HmmRnnDataset.MECHANISM).length);
        for (BenchmarkHmm h : TrainNetworks.SUBSPACE_HMMS) {
            String name = HmmRnnDataset.mechanismName(h);
            RnnFloatWeights w = data.load(name);
            assertEquals(List.of(150, 100, 3), List.of(w.hidden(), w.inputs(), w.outputs()));
            assertEquals(TrainNetworks.subspaceRun(h).training().steps(), data.lossHistory(name).steps());
        }
    }
}
