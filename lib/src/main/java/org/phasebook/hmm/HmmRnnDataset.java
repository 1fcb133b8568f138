package org.phasebook.hmm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.phasebook.nn.LossHistory;

/**
 * Where the trained networks of {@code datasets/hmm-rnn/} live and what their files are called
 * (written by {@link TrainNetworks}, read by notebook 03).
 *
 * <p>A run named {@code name} leaves {@code name.weights} (the best weights,
 * {@link RnnFloatWeights} binary), {@code name-steps.csv} (loss and gradient norm per Adam step)
 * and {@code name-epochs.csv} (mean training and validation loss per epoch); a run with
 * checkpoints adds {@code name-stepNNNN.weights}. The default-scale runs are named
 * {@code default-<hmm>} with {@code <hmm>} from {@link #slug(BenchmarkHmm)}; the mechanism run
 * is {@value #MECHANISM}.
 *
 * @param folder the data set's folder
 */
public record HmmRnnDataset(Path folder) {

    /** The data set's folder, relative to the repository root. */
    public static final String RELATIVE_FOLDER = "datasets/hmm-rnn";

    /** The name of the mechanism-scale run (2-state linear chain, H = 150, d = 100). */
    public static final String MECHANISM = "mechanism-2state";

    private static final Pattern CHECKPOINT = Pattern.compile("-step(\\d{4,})\\.weights");

    /** Checks for null and makes the folder absolute. */
    public HmmRnnDataset {
        Objects.requireNonNull(folder, "folder");
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * The data set of the repository that holds the working directory: the first folder walking
     * up from it that holds both {@code pom.xml} and {@code datasets/}, plus
     * {@value #RELATIVE_FOLDER}.
     *
     * @return the data set
     * @throws IllegalStateException when no such folder is found
     */
    public static HmmRnnDataset locate() {
        return locate(Path.of(""));
    }

    /**
     * As {@link #locate()}, starting from {@code start}.
     *
     * @param start where to start the walk up
     * @return the data set
     * @throws IllegalStateException when no such folder is found
     */
    public static HmmRnnDataset locate(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("datasets"))) {
                return new HmmRnnDataset(dir.resolve(RELATIVE_FOLDER));
            }
        }
        throw new IllegalStateException("no folder from " + from + " upwards holds both pom.xml "
            + "and datasets/; run from inside the Phasebook repository");
    }

    /**
     * The name of the mechanism-size run of {@code hmm} for the subspace figure F7:
     * {@code mechanism-<slug>}, e.g. {@code mechanism-cyclic-4}.
     *
     * @param hmm the HMM
     * @return the run's name
     */
    public static String mechanismName(BenchmarkHmm hmm) {
        return "mechanism-" + slug(hmm);
    }

    /**
     * The HMM's file-name part: its constant in lower case with hyphens, e.g.
     * {@code linear-chain-3}.
     *
     * @param hmm the HMM
     * @return the slug
     */
    public static String slug(BenchmarkHmm hmm) {
        return hmm.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The name of the default-scale run for {@code hmm}, {@code default-<slug>}.
     *
     * @param hmm the HMM
     * @return the run's name
     */
    public static String defaultName(BenchmarkHmm hmm) {
        return "default-" + slug(hmm);
    }

    /** @param name a run's name @return its best-weights file */
    public Path weights(String name) {
        return folder.resolve(name + ".weights");
    }

    /** @param name a run's name @return its per-step loss file */
    public Path steps(String name) {
        return folder.resolve(name + "-steps.csv");
    }

    /** @param name a run's name @return its per-epoch loss file */
    public Path epochs(String name) {
        return folder.resolve(name + "-epochs.csv");
    }

    /**
     * @param name a run's name
     * @param step the Adam step, {@code >= 0} (0: the initial weights)
     * @return the checkpoint's file
     */
    public Path checkpoint(String name, int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return folder.resolve(String.format(Locale.ROOT, "%s-step%04d.weights", name, step));
    }

    /**
     * The steps of the checkpoints of a run present in the folder, ascending.
     *
     * @param name a run's name
     * @return the steps, empty when there are none (or no folder)
     */
    public int[] checkpointSteps(String name) {
        if (!Files.isDirectory(folder)) {
            return new int[0];
        }
        List<Integer> steps = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(p -> {
                String f = p.getFileName().toString();
                if (f.startsWith(name)) {
                    Matcher m = CHECKPOINT.matcher(f.substring(name.length()));
                    if (m.matches()) {
                        steps.add(Integer.parseInt(m.group(1)));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return steps.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Whether the best-weights file of a run exists.
     *
     * @param name a run's name
     * @return true if it does
     */
    public boolean has(String name) {
        return Files.isRegularFile(weights(name));
    }

    /**
     * Loads the best weights of a run.
     *
     * @param name a run's name
     * @return the weights
     * @throws UncheckedIOException when the file is missing or unreadable
     */
    public RnnFloatWeights load(String name) {
        return read(weights(name));
    }

    /**
     * Loads a checkpoint of a run.
     *
     * @param name a run's name
     * @param step its step
     * @return the weights
     * @throws UncheckedIOException when the file is missing or unreadable
     */
    public RnnFloatWeights loadCheckpoint(String name, int step) {
        return read(checkpoint(name, step));
    }

    /**
     * Reads a run's loss history back from its two CSV files ({@link TrainNetworks#stepsCsv},
     * {@link TrainNetworks#epochsCsv}); the best epoch is the first with the lowest validation
     * loss, and early stopping is recorded as off (the data set's runs use none).
     *
     * @param name a run's name
     * @return the history
     * @throws UncheckedIOException when a file is missing, unreadable or malformed
     */
    public LossHistory lossHistory(String name) {
        double[][] steps = readColumns(steps(name), 4);
        double[][] epochs = readColumns(epochs(name), 4);
        int[] ends = new int[epochs[1].length];
        int best = epochs[3].length > 0 ? 0 : -1;
        for (int e = 0; e < ends.length; e++) {
            ends[e] = (int) epochs[1][e];
            if (epochs[3][e] < epochs[3][best]) {
                best = e;
            }
        }
        return new LossHistory(steps[2], steps[3], epochs[2], epochs[3], ends, best, false);
    }

    /** The numeric columns of a CSV file with a header row, as {@code columns[c][row]}. */
    private static double[][] readColumns(Path file, int count) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (regenerate it with the "
                + "command in " + RELATIVE_FOLDER + "/README.md): " + e.getMessage(), e);
        }
        double[][] columns = new double[count][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",");
            if (fields.length != count) {
                throw new UncheckedIOException(new IOException(file + " line " + (r + 1)
                    + " has " + fields.length + " fields, expected " + count));
            }
            for (int c = 0; c < count; c++) {
                columns[c][r - 1] = Double.parseDouble(fields[c]);
            }
        }
        return columns;
    }

    private static RnnFloatWeights read(Path file) {
        try {
            return RnnFloatWeights.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights " + file + " (regenerate them "
                + "with the command in " + RELATIVE_FOLDER + "/README.md): " + e.getMessage(), e);
        }
    }
}
