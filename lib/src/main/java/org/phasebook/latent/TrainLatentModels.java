package org.phasebook.latent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.phasebook.nn.Torch;
import org.phasebook.nn.TrainingListener;

/**
 * The command that trains the latent models notebook 04 loads at the default scale and writes
 * them to {@code datasets/langevin-flow/} ({@link LatentModelDataset}):
 * <pre>
 *   TrainLatentModels [quick|default] [ARCHITECTURE...] [--seeds 0,1,2] [--out DIR]
 *   TrainLatentModels provenance
 * </pre>
 * Scale {@code default} (the default) trains on the committed {@code lorenz-v1} data set,
 * {@code quick} on a freshly generated quick one. Architectures are {@code langevin-flow} and
 * {@code lfads-lite} (both when none is given), the objective variant {@code langevin-flow-elbo}
 * and the ablations {@code langevin-flow-states-only}, {@code langevin-flow-frozen-potential},
 * {@code langevin-flow-gamma-one} and {@code langevin-flow-positions}; seeds default to each
 * architecture's {@link LatentArchitecture#defaultSeeds()} ({@code 0,1,2}, or {@code 0} for
 * the frozen potential and {@code γ = 1}). Each run prints a
 * line per epoch, writes its weights and epochs file, and the command then rewrites
 * {@code provenance.json} with the parameters, wall times and SHA-256 of every weights file
 * present ({@code provenance} alone only rewrites that file). Runs are independent: separate
 * processes (one per core) give the same files.
 */
public final class TrainLatentModels {

    private TrainLatentModels() {
    }

    /**
     * Runs the command.
     *
     * @param args see the class comment
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("provenance")) {
            writeProvenance(LatentModelDataset.locate());
            return;
        }
        boolean quick = false;
        List<LatentArchitecture> architectures = new ArrayList<>();
        List<Long> seeds = null;  // each architecture's defaultSeeds() unless --seeds is given
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "quick" -> quick = true;
                case "default" -> quick = false;
                case "--seeds" -> {
                    seeds = new ArrayList<>();
                    for (String s : value(args, ++i, a).split(",")) {
                        seeds.add(Long.parseLong(s.trim()));
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> architectures.add(LatentArchitecture.parse(a));
            }
        }
        if (architectures.isEmpty()) {
            architectures.addAll(LatentArchitecture.compared());
        }
        LatentModelDataset dataset = out == null ? LatentModelDataset.locate()
            : new LatentModelDataset(out);
        LorenzDataset data = quick ? LorenzGenerator.generate(LorenzRecipe.quick())
            : LorenzDatasetFiles.read(LorenzDatasetFiles.locate());
        LatentShape shape = LatentShape.of(data.recipe());
        LatentData train = LatentData.of(data, Split.TRAIN);
        LatentData validation = LatentData.of(data, Split.EVAL);
        Torch torch = Torch.start();
        Torch.environmentNotes().forEach(System.out::println);
        PrintStream log = System.out;
        for (LatentArchitecture architecture : architectures) {
            List<Long> runSeeds = seeds != null ? seeds
                : java.util.Arrays.stream(architecture.defaultSeeds()).boxed().toList();
            for (long seed : runSeeds) {
                String run = LatentModelDataset.runName(quick, architecture, seed);
                LatentModel model = architecture.model(quick, shape);
                log.printf(Locale.ROOT, "%s: %s%n", run, model);
                TrainedLatentModel trained = new LatentTrainer(torch, model,
                    architecture.training(quick), seed).train(train, validation, progress(run, log));
                dataset.write(run, trained);
                log.printf(Locale.ROOT, "%s: best epoch %d, validation NLL %.6f, %.1f s%n", run,
                    trained.history().bestEpoch(),
                    trained.history().validationReconstruction()[trained.history().bestEpoch()],
                    trained.seconds());
                writeTiming(dataset, run, trained);
            }
        }
        writeProvenance(dataset);
    }

    private static TrainingListener progress(String run, PrintStream log) {
        return new TrainingListener() {
            @Override
            public void onStep(Step step) {
            }

            @Override
            public void onEpoch(Epoch e) {
                log.printf(Locale.ROOT, "%s epoch %d: train %.5f, validation NLL %.5f%s%n", run,
                    e.epoch(), e.trainingLoss(), e.validationLoss(), e.improved() ? " *" : "");
            }
        };
    }

    /** One line per run: the wall time, kept beside the weights for the provenance. */
    private static void writeTiming(LatentModelDataset dataset, String run,
                                    TrainedLatentModel trained) throws IOException {
        Path file = dataset.folder().resolve(run + ".seconds");
        Files.writeString(file, String.format(Locale.ROOT, "%.1f%n", trained.seconds()));
    }

    /** Rewrites provenance.json from the files present. */
    static void writeProvenance(LatentModelDataset dataset) throws IOException {
        List<String> entries = new ArrayList<>();
        try (var files = Files.list(dataset.folder())) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".weights")) {
                    continue;
                }
                String run = name.substring(0, name.length() - ".weights".length());
                Path seconds = dataset.folder().resolve(run + ".seconds");
                String wall = Files.isRegularFile(seconds) ? Files.readString(seconds).trim() : "null";
                String[] parts = run.split("-");
                boolean quick = parts[0].equals("quick");
                String arch = run.substring(parts[0].length() + 1, run.lastIndexOf("-seed"));
                LatentArchitecture a = LatentArchitecture.parse(arch);
                var sum = LorenzDatasetFiles.FileChecksum.of(f);
                entries.add(String.format(Locale.ROOT,
                    "    {\"run\": \"%s\", \"architecture\": \"%s\", \"model\": \"%s\", "
                        + "\"training\": \"%s\", \"seconds\": %s, \"bytes\": %d, \"sha256\": \"%s\"}",
                    run, a.slug(), a.model(quick, LatentShape.of(quick ? LorenzRecipe.quick()
                        : LorenzRecipe.defaults())).toString()
                        .replace("\"", "'"), a.training(quick).toString().replace("\"", "'"), wall,
                    sum.bytes(), sum.sha256()));
            }
        }
        String json = "{\n  \"command\": \"org.phasebook.latent.TrainLatentModels\",\n"
            + "  \"data\": \"" + LorenzDatasetFiles.RELATIVE_FOLDER + "\",\n"
            + "  \"runs\": [\n" + String.join(",\n", entries) + "\n  ]\n}\n";
        Files.writeString(dataset.folder().resolve("provenance.json"), json);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
