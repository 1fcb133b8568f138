package org.phasebook.hmm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.phasebook.nn.LossHistory;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;
import org.phasebook.notebook.Csv;
import org.phasebook.random.SeedSequence;

/**
 * The command that regenerates {@code datasets/hmm-rnn/} (see its README): trains the
 * default-scale network of each of the paper's six HMMs and the mechanism-scale network of the
 * 2-state chain with {@link RnnTrainer}, and writes the weights, the loss histories, the
 * checkpoints and {@code provenance.json} with the SHA-256 of every file.
 *
 * <pre>
 * java -cp ... org.phasebook.hmm.TrainNetworks [--out DIR] RUN... | provenance
 *   RUN: mechanism | subspaces | default (all six HMMs) | an HMM label or constant (its default-scale run)
 *   provenance: only rewrite provenance.json from the files present
 * </pre>
 *
 * <p>Each run is a fixed function of the constants below: its {@link Run} gives the network,
 * the training parameters, the sequence length and the master seed; the same libtorch build on
 * the same CPU gives the same bytes. Progress goes to standard output, one line per epoch.
 */
public final class TrainNetworks {

    /** The master seed of the default-scale run of HMM number {@code i} is this plus {@code i}. */
    public static final long DEFAULT_SEED = 2_510_256_740L;

    /** The master seed of the mechanism run. */
    public static final long MECHANISM_SEED = 2_510_256_800L;

    /**
     * Validation sequences of the mechanism run: fewer than the default 10,000 so that the run
     * (T = 100, H = 150, d = 100) fits in about a quarter of an hour on two cores; validation only
     * picks the best epoch.
     */
    public static final int MECHANISM_VALIDATION = 2_048;

    /** Steps between the mechanism run's checkpoints (5 epochs of 20 batches). */
    public static final int MECHANISM_CHECKPOINT_EVERY = 100;

    /**
     * One training run: what {@link TrainNetworks} trains under a name.
     *
     * @param name     the file-name stem ({@link HmmRnnDataset})
     * @param hmm      the HMM emulated
     * @param length   the training sequence length
     * @param model    the network
     * @param training the training parameters
     * @param seed     the master seed ({@link RnnTrainingSeeds#of(long)})
     */
    public record Run(String name, BenchmarkHmm hmm, int length, RnnParameters model,
                      RnnTrainingParameters training, long seed) {

        /** Checks for nulls and the length. */
        public Run {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hmm, "hmm");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(training, "training");
            if (length < 1) {
                throw new IllegalArgumentException("length must be >= 1, got " + length);
            }
        }

        /** @return the seeds derived from {@link #seed()} */
        public RnnTrainingSeeds seeds() {
            return RnnTrainingSeeds.of(seed);
        }
    }

    private TrainNetworks() {
    }

    /**
     * The default-scale HMMs trained with batch {@value #LARGE_BATCH} instead of 512: at batch
     * 512 their networks never left the first loss plateau in 1,500 steps (nor the fully
     * connected one in 3,000), while at batch 2,048 all three left it (the fully connected one
     * after about 980 steps). The paper trains with batch 4,096. The 5-state chain stays at 512:
     * at 2,048 it also stayed on its plateau for all 1,500 steps, so nothing was gained. The
     * 2-state chain and the cyclic HMM left the plateau at 512. The cyclic one was retrained once
     * at 2,048 (same seed, 1,500 steps, 59 min) and then emitted worse sequences: 10.8 changes per
     * sequence of 100 against 14.2 at 512 (exactly 21.2), marginals 0.19 / 0.69 / 0.12 against
     * 0.31 / 0.51 / 0.19 (exactly 0.25 / 0.5 / 0.25), worst distance over its floor 2.8e3 against
     * 2.2e3; so it stays at 512.
     */
    public static final Set<BenchmarkHmm> LARGE_BATCH_HMMS =
        Collections.unmodifiableSet(EnumSet.of(BenchmarkHmm.LINEAR_CHAIN_3, BenchmarkHmm.LINEAR_CHAIN_4,
            BenchmarkHmm.FULLY_CONNECTED_3));

    /** The batch size of the runs in {@link #LARGE_BATCH_HMMS}. */
    public static final int LARGE_BATCH = 2_048;

    /**
     * The batch sizes of the default runs in words, for captions: "batch 2,048 for the 3-state
     * linear chain, 4-state linear chain and 3-state fully connected HMMs, 512 for the others"
     * (or one batch size when all runs share it).
     *
     * @return the description
     */
    public static String defaultBatchesInWords() {
        List<String> large = new ArrayList<>();
        for (BenchmarkHmm h : BenchmarkHmm.values()) {
            if (LARGE_BATCH_HMMS.contains(h)) {
                large.add(h.label());
            }
        }
        int small = RnnTrainingParameters.defaults(BenchmarkHmm.LINEAR_CHAIN_2).batchSize();
        if (large.isEmpty()) {
            return String.format(Locale.ROOT, "batch %,d", small);
        }
        if (large.size() == BenchmarkHmm.values().length) {
            return String.format(Locale.ROOT, "batch %,d", LARGE_BATCH);
        }
        String names = large.size() == 1 ? large.get(0)
            : String.join(", ", large.subList(0, large.size() - 1)) + " and " + large.get(large.size() - 1);
        return String.format(Locale.ROOT, "batch %,d for the %s %s, %,d for the others", LARGE_BATCH,
            names, large.size() > 1 ? "HMMs" : "HMM", small);
    }

    /**
     * The default-scale run of {@code hmm}: H = 50, d = 10, the HMM's training length,
     * {@link RnnTrainingParameters#defaults(BenchmarkHmm)} (batch 512, 10,000 + 10,000
     * sequences, 1,500 steps) with batch {@value #LARGE_BATCH} for the HMMs in
     * {@link #LARGE_BATCH_HMMS}, seed {@code DEFAULT_SEED + hmm.ordinal()}.
     *
     * @param hmm the HMM
     * @return the run
     */
    public static Run defaultRun(BenchmarkHmm hmm) {
        RnnTrainingParameters training = RnnTrainingParameters.defaults(hmm);
        if (LARGE_BATCH_HMMS.contains(hmm)) {
            training = training.withBatchSize(LARGE_BATCH);
        }
        return new Run(HmmRnnDataset.defaultName(hmm), hmm, hmm.trainingLength(),
            RnnParameters.small(), training, DEFAULT_SEED + hmm.ordinal());
    }

    /**
     * The mechanism run: 2-state chain, T = 100, H = 150, d = 100, batch 512, 10,000 training
     * and {@value #MECHANISM_VALIDATION} validation sequences, 1,500 steps, a checkpoint every
     * {@value #MECHANISM_CHECKPOINT_EVERY} steps, seed {@link #MECHANISM_SEED}.
     *
     * @return the run
     */
    public static Run mechanismRun() {
        BenchmarkHmm hmm = BenchmarkHmm.LINEAR_CHAIN_2;
        return new Run(HmmRnnDataset.MECHANISM, hmm, hmm.trainingLength(),
            RnnParameters.mechanism(),
            RnnTrainingParameters.defaults(hmm).withSequences(10_000, MECHANISM_VALIDATION)
                .withCheckpointEvery(MECHANISM_CHECKPOINT_EVERY),
            MECHANISM_SEED);
    }

    /**
     * A mechanism-size run for the subspace figure F7: {@code hmm} (the fully connected 3-state
     * or the cyclic 4-state HMM in the paper) at its own training length, with the network and
     * sequences of {@link #mechanismRun()} but no checkpoints, and the paper's number of Adam
     * steps for that HMM ({@link RnnTrainingParameters#paper}: 3,000 for the fully connected HMM,
     * whose paper run has twice the epochs, 1,500 otherwise), named {@code mechanism-<hmm>} and
     * seeded {@code MECHANISM_SEED + 1 + hmm.ordinal()}. Batch 512, or {@value #LARGE_BATCH}
     * for an HMM in {@link #LARGE_BATCH_SUBSPACE_HMMS}.
     *
     * @param hmm the HMM
     * @return the run
     */
    public static Run subspaceRun(BenchmarkHmm hmm) {
        RnnTrainingParameters training = RnnTrainingParameters.defaults(hmm)
            .withSequences(10_000, MECHANISM_VALIDATION)
            .withSteps(RnnTrainingParameters.paper(hmm).steps());
        if (LARGE_BATCH_SUBSPACE_HMMS.contains(hmm)) {
            training = training.withBatchSize(LARGE_BATCH);
        }
        return new Run(HmmRnnDataset.mechanismName(hmm), hmm, hmm.trainingLength(),
            RnnParameters.mechanism(), training, MECHANISM_SEED + 1 + hmm.ordinal());
    }

    /**
     * The HMMs whose F7 run ({@link #subspaceRun}) uses batch {@value #LARGE_BATCH}: the fully
     * connected one, whose mechanism-size network stayed on the first loss plateau for all 3,000
     * steps at batch 512 and left it after about 300 steps at batch 2,048. The cyclic network
     * learned at 512 and keeps it.
     */
    public static final Set<BenchmarkHmm> LARGE_BATCH_SUBSPACE_HMMS =
        Collections.unmodifiableSet(EnumSet.of(BenchmarkHmm.FULLY_CONNECTED_3));

    /** The HMMs of the subspace figure F7, as in the paper. */
    public static final List<BenchmarkHmm> SUBSPACE_HMMS =
        List.of(BenchmarkHmm.FULLY_CONNECTED_3, BenchmarkHmm.CYCLIC_4);

    private static Run subspaceRunNamed(String name) {
        for (BenchmarkHmm h : SUBSPACE_HMMS) {
            if (HmmRnnDataset.mechanismName(h).equalsIgnoreCase(name)) {
                return subspaceRun(h);
            }
        }
        return null;
    }

    /**
     * The runs named by command-line words, in order, without repeats.
     *
     * @param words "mechanism", "subspaces" (the two F7 runs) or the name of one of them,
     *              "default" (all six) or HMM labels/constants
     * @return the runs
     * @throws IllegalArgumentException for an unknown word
     */
    public static List<Run> runs(List<String> words) {
        Set<String> seen = new LinkedHashSet<>();
        List<Run> runs = new ArrayList<>();
        for (String w : words) {
            List<Run> add = new ArrayList<>();
            if (w.equalsIgnoreCase("mechanism")) {
                add.add(mechanismRun());
            } else if (w.equalsIgnoreCase("subspaces")) {
                for (BenchmarkHmm h : SUBSPACE_HMMS) {
                    add.add(subspaceRun(h));
                }
            } else if (subspaceRunNamed(w) != null) {
                add.add(subspaceRunNamed(w));
            } else if (w.equalsIgnoreCase("default")) {
                for (BenchmarkHmm h : BenchmarkHmm.values()) {
                    add.add(defaultRun(h));
                }
            } else {
                add.add(defaultRun(BenchmarkHmm.fromLabel(w)));
            }
            for (Run r : add) {
                if (seen.add(r.name())) {
                    runs.add(r);
                }
            }
        }
        return runs;
    }

    /**
     * Trains one run and writes its files into {@code dataset}'s folder.
     *
     * @param torch   the engine
     * @param run     the run
     * @param dataset where to write
     * @param out     progress lines
     * @return the trained network
     * @throws IOException if writing fails
     */
    public static TrainedRnn train(Torch torch, Run run, HmmRnnDataset dataset, PrintStream out)
        throws IOException {
        Files.createDirectories(dataset.folder());
        int epochs = (run.training().steps() + run.training().batchesPerEpoch() - 1)
            / run.training().batchesPerEpoch();
        long start = System.nanoTime();
        out.printf(Locale.ROOT, "[%s] %s, T = %d, H = %d, d = %d, batch %d, %d steps (%d epochs), "
                + "%d + %d sequences, seed %d%n", run.name(), run.hmm().label(), run.length(),
            run.model().hidden(), run.model().inputs(), run.training().batchSize(),
            run.training().steps(), epochs, run.training().trainingSequences(),
            run.training().validationSequences(), run.seed());
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onStep(Step step) {
            }

            @Override
            public void onEpoch(Epoch e) {
                out.printf(Locale.ROOT, "[%s] epoch %d/%d step %d: train %.5f, validation %.5f%s,"
                        + " %.0f s%n", run.name(), e.epoch() + 1, epochs, e.steps(),
                    e.trainingLoss(), e.validationLoss(), e.improved() ? " (best)" : "",
                    (System.nanoTime() - start) / 1e9);
                out.flush();
            }
        };
        TrainedRnn trained = new RnnTrainer(torch, run.model(), run.training(), run.seeds())
            .train(run.hmm().hmm(), run.length(), progress);
        trained.bestWeights().save(dataset.weights(run.name()));
        LossHistory h = trained.history();
        Files.writeString(dataset.steps(run.name()), stepsCsv(h), StandardCharsets.UTF_8);
        Files.writeString(dataset.epochs(run.name()), epochsCsv(h), StandardCharsets.UTF_8);
        for (RnnCheckpoint c : trained.checkpoints()) {
            c.weights().save(dataset.checkpoint(run.name(), c.step()));
        }
        out.printf(Locale.ROOT, "[%s] done in %.1f s: best validation loss %.5f at epoch %d; "
                + "wrote %s%n", run.name(), trained.seconds(), h.bestValidationLoss(),
            h.bestEpoch() + 1, dataset.weights(run.name()));
        out.flush();
        return trained;
    }

    /**
     * The per-step CSV: {@code step,epoch,loss,gradient_norm}, steps from 1, epochs from 0.
     *
     * @param h the history
     * @return the CSV text
     */
    public static String stepsCsv(LossHistory h) {
        StringBuilder s = new StringBuilder("step,epoch,loss,gradient_norm\n");
        double[] loss = h.stepLosses();
        double[] norm = h.gradientNorms();
        int[] ends = h.epochEndSteps();
        int epoch = 0;
        for (int i = 0; i < loss.length; i++) {
            while (epoch < ends.length - 1 && i + 1 > ends[epoch]) {
                epoch++;
            }
            s.append(Csv.row(Integer.toString(i + 1), Integer.toString(epoch),
                Csv.number(loss[i]), Csv.number(norm[i])));
        }
        return s.toString();
    }

    /**
     * The per-epoch CSV: {@code epoch,end_step,training_loss,validation_loss}, epochs from 0.
     *
     * @param h the history
     * @return the CSV text
     */
    public static String epochsCsv(LossHistory h) {
        StringBuilder s = new StringBuilder("epoch,end_step,training_loss,validation_loss\n");
        double[] train = h.epochTrainingLosses();
        double[] validation = h.epochValidationLosses();
        int[] ends = h.epochEndSteps();
        for (int e = 0; e < train.length; e++) {
            s.append(Csv.row(Integer.toString(e), Integer.toString(ends[e]),
                Csv.number(train[e]), Csv.number(validation[e])));
        }
        return s.toString();
    }

    /**
     * Rewrites {@code provenance.json}: the generator, the parameters of every known run whose
     * weights are present, and the SHA-256 of every file in the folder but the README and the
     * provenance itself.
     *
     * @param dataset the data set
     * @throws IOException if reading or writing fails
     */
    public static void writeProvenance(HmmRnnDataset dataset) throws IOException {
        writeProvenance(dataset, List.of());
    }

    /**
     * As {@link #writeProvenance(HmmRnnDataset)}, with {@code trained} in place of the known
     * runs of the same names: the runs of this process, which {@code --batch} may have changed.
     *
     * @param dataset the data set
     * @param trained runs whose parameters replace the defined ones
     * @throws IOException if reading or writing fails
     */
    public static void writeProvenance(HmmRnnDataset dataset, List<Run> trained) throws IOException {
        List<Run> known = new ArrayList<>(runs(List.of("mechanism", "subspaces", "default")));
        for (Run t : trained) {
            known.replaceAll(r -> r.name().equals(t.name()) ? t : r);
        }
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"generator\": \"").append(TrainNetworks.class.getName()).append("\",\n");
        String version = TrainNetworks.class.getPackage().getImplementationVersion();
        j.append("  \"phasebook\": \"").append(version == null ? "development build" : version)
            .append("\",\n");
        j.append("  \"runs\": [");
        String sep = "\n";
        for (Run r : known) {
            if (!dataset.has(r.name())) {
                continue;
            }
            RnnTrainingParameters p = r.training();
            RnnTrainingSeeds s = r.seeds();
            j.append(sep).append(String.format(Locale.ROOT,
                "    {\"name\": \"%s\", \"hmm\": \"%s\", \"T\": %d, \"H\": %d, \"d\": %d, "
                    + "\"batch\": %d, \"steps\": %d, \"training_sequences\": %d, "
                    + "\"validation_sequences\": %d, \"clip_norm\": %s, \"blur\": %s, "
                    + "\"scaling\": %s, \"checkpoint_every\": %d, "
                    + "\"master_seed\": %d, \"seeds\": {\"weights\": %d, \"data\": %d, "
                    + "\"noise\": %d}}",
                r.name(), r.hmm().name(), r.length(), r.model().hidden(), r.model().inputs(),
                p.batchSize(), p.steps(), p.trainingSequences(), p.validationSequences(),
                Double.toString(p.clipNorm()), Double.toString(p.sinkhorn().blur()),
                Double.toString(p.sinkhorn().scaling()), p.checkpointEvery(), r.seed(), s.weights(),
                s.data(), s.noise()));
            sep = ",\n";
        }
        j.append("\n  ],\n  \"sha256\": {");
        sep = "\n";
        List<Path> files;
        try (Stream<Path> list = Files.list(dataset.folder())) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (n.equals("README.md") || n.equals("provenance.json") || n.startsWith(".")) {
                continue;
            }
            j.append(sep).append("    \"").append(n).append("\": \"").append(sha256(f))
                .append('"');
            sep = ",\n";
        }
        j.append("\n  }\n}\n");
        Files.writeString(dataset.folder().resolve("provenance.json"), j.toString(),
            StandardCharsets.UTF_8);
    }

    /**
     * The SHA-256 of a file, in lower-case hex.
     *
     * @param file the file
     * @return its digest
     * @throws IOException if reading fails
     */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A command-line whole number, or a message naming the option. */
    private static int wholeNumber(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got \""
                + text + "\"");
        }
    }

    /** A command-line number, or a message naming the option. */
    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got \"" + text + "\"");
        }
    }

    /** Sequences of the network and of each HMM floor sample that {@code score} compares. */
    public static final int SCORE_SEQUENCES = 5_000;

    /** Independent HMM samples whose mean is the floor in {@code score}. */
    public static final int SCORE_FLOORS = 10;

    /** The master seed of {@code score}'s network and HMM samples. */
    public static final long SCORE_SEED = 2_511_300_001L;

    /**
     * A network's output statistics against the exact ones of its HMM, as notebook 03's F2
     * section measures them (its seeds aside): {@code count} sequences of
     * {@link BenchmarkHmm#EVALUATION_LENGTH} at noise std 1, each of the five distances divided
     * by its mean over {@code floors} HMM samples of the same size, with the symbol frequencies
     * and the changes per sequence. For comparing networks trained differently (another batch
     * or blur) without the notebook.
     *
     * @param torch   the engine
     * @param hmm     the HMM the network emulates
     * @param weights the network
     * @param count   sequences per sample, {@code >= 1}
     * @param floors  HMM samples for the floor, {@code >= 1}
     * @return the report's lines
     */
    public static List<String> score(Torch torch, BenchmarkHmm hmm, RnnFloatWeights weights,
                                     int count, int floors) {
        Objects.requireNonNull(hmm, "hmm");
        Objects.requireNonNull(weights, "weights");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        SeedSequence seeds = new SeedSequence(SCORE_SEED);
        int[][] rnn = new RnnOutputSampler(torch, weights, 512).sample(count,
            BenchmarkHmm.EVALUATION_LENGTH, 1.0, seeds.generator(hmm.ordinal()), false);
        FloorComparison c = FloorComparison.score(hmm, rnn, floors,
            seeds.child(1).child(hmm.ordinal()), () -> { });
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s, %,d sequences of %d, %d floor samples, seed %d",
            hmm.label(), count, BenchmarkHmm.EVALUATION_LENGTH, floors, SCORE_SEED));
        double[] ratios = c.ratios();
        for (int i = 0; i < ratios.length; i++) {
            lines.add(String.format(Locale.ROOT, "  %-32s %10.3g x floor",
                ComparisonScore.DISTANCE_NAMES[i], ratios[i]));
        }
        StringBuilder f = new StringBuilder("  symbol frequencies (exact)      ");
        double[] exact = c.exactMarginal();
        double[] freq = c.rnnFrequencies();
        for (int k = 0; k < freq.length; k++) {
            f.append(String.format(Locale.ROOT, " %.4f (%.4f)", freq[k], exact[k]));
        }
        lines.add(f.toString());
        lines.add(String.format(Locale.ROOT, "  changes per sequence (exact)     %.2f (%.2f)",
            c.rnnVolatility().mean(), c.exactChanges()));
        return lines;
    }

    /**
     * The command: {@code [--out DIR] RUN...}.
     *
     * @param args the arguments
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            // a bad option, label or parameter: the message names it
            System.err.println("TrainNetworks: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException {
        Path folder = null;
        Integer batch = null;
        Double blur = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                folder = Path.of(args[++i]);
            } else if (args[i].equals("--batch") && i + 1 < args.length) {
                batch = wholeNumber("--batch", args[++i]);
            } else if (args[i].equals("--blur") && i + 1 < args.length) {
                blur = number("--blur", args[++i]);
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                words.clear();
                break;
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            System.err.println("usage: TrainNetworks [--out DIR] [--batch N] [--blur B] RUN... "
                + "| provenance | score HMM FILE\n"
                + "  RUN: mechanism | subspaces (F7: mechanism-fully-connected-3, "
                + "mechanism-cyclic-4)\n"
                + "       | default (all six HMMs) | an HMM label or constant, e.g. LINEAR_CHAIN_3\n"
                + "  N: another batch size for these runs (recorded in the provenance)\n"
                + "  B: another loss blur for these runs, > 0 (the paper's is 0.2; recorded)\n"
                + "  score: a weights file's output statistics against the exact ones of HMM,\n"
                + "         as distance / mean HMM floor (" + SCORE_SEQUENCES + " x "
                + BenchmarkHmm.EVALUATION_LENGTH + ", " + SCORE_FLOORS + " floors)\n"
                + "  provenance: only rewrite provenance.json from the files present\n"
                + "  DIR: default " + HmmRnnDataset.RELATIVE_FOLDER + " of this repository");
            System.exit(2);
        }
        if (words.size() == 3 && words.get(0).equals("score")) {
            Path file = Path.of(words.get(2));
            if (!Files.isRegularFile(file)) {
                System.err.println("TrainNetworks score: no weights file " + file);
                System.exit(2);
            }
            RnnFloatWeights weights = RnnFloatWeights.load(file);
            score(Torch.start(), BenchmarkHmm.fromLabel(words.get(1)), weights, SCORE_SEQUENCES,
                SCORE_FLOORS).forEach(System.out::println);
            return;
        }
        HmmRnnDataset dataset = folder == null ? HmmRnnDataset.locate() : new HmmRnnDataset(folder);
        if (words.equals(List.of("provenance"))) {
            // runs trained in separate processes each rewrite it; this settles the final state
            writeProvenance(dataset);
            System.out.println("wrote " + dataset.folder().resolve("provenance.json"));
            return;
        }
        List<Run> runs = runs(words);
        if (batch != null) {
            int b = batch;
            runs = runs.stream().map(r -> new Run(r.name(), r.hmm(), r.length(), r.model(),
                r.training().withBatchSize(b), r.seed())).toList();
        }
        if (blur != null) {
            SinkhornParameters loss = new SinkhornParameters(blur,
                SinkhornParameters.paper().scaling());
            runs = runs.stream().map(r -> new Run(r.name(), r.hmm(), r.length(), r.model(),
                r.training().withSinkhorn(loss), r.seed())).toList();
        }
        Torch torch = Torch.start();
        Torch.environmentNotes().forEach(System.out::println);
        System.out.println("writing to " + dataset.folder() + "; " + torch.version() + ", "
            + torch.threads());
        for (Run r : runs) {
            train(torch, r, dataset, System.out);
            writeProvenance(dataset, runs);
        }
    }
}
