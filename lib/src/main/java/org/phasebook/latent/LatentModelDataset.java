package org.phasebook.latent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.phasebook.nn.WeightSnapshot;

/**
 * Where the trained latent models of {@code datasets/langevin-flow/} live and what their files
 * are called (written by {@link TrainLatentModels}, read by notebook 04).
 *
 * <p>A run of architecture {@code a} with seed {@code s} at scale {@code c} is named
 * {@code c-a-seed<s>} (e.g. {@code default-langevin-flow-seed0}) and leaves
 * {@code name.weights} (the weights after the epoch with the lowest validation NLL,
 * {@link WeightSnapshot} format) and {@code name-epochs.csv} (per epoch: training
 * reconstruction and KL, validation NLL and KL, learning rate, KL weight).
 *
 * @param folder the data set's folder
 */
public record LatentModelDataset(Path folder) {

    /** The data set's folder, relative to the repository root. */
    public static final String RELATIVE_FOLDER = "datasets/langevin-flow";

    /** The header of the epochs file. */
    public static final String EPOCHS_HEADER =
        "epoch,train_reconstruction,train_kl,validation_nll,validation_kl,learning_rate,kl_weight";

    /** Checks for null and makes the folder absolute. */
    public LatentModelDataset {
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
    public static LatentModelDataset locate() {
        Path from = Path.of("").toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("datasets"))) {
                return new LatentModelDataset(dir.resolve(RELATIVE_FOLDER));
            }
        }
        throw new IllegalStateException("no folder from " + from + " upwards holds both pom.xml "
            + "and datasets/; run from inside the Phasebook repository");
    }

    /**
     * The name of a run.
     *
     * @param quick        the quick scale if true, else the default
     * @param architecture the architecture
     * @param seed         the master seed
     * @return e.g. {@code default-langevin-flow-seed0}
     */
    public static String runName(boolean quick, LatentArchitecture architecture, long seed) {
        return (quick ? "quick" : "default") + "-" + architecture.slug() + "-seed" + seed;
    }

    /**
     * The weights file of a run.
     *
     * @param run the run's name
     * @return the path
     */
    public Path weightsFile(String run) {
        return folder.resolve(run + ".weights");
    }

    /**
     * The epochs file of a run.
     *
     * @param run the run's name
     * @return the path
     */
    public Path epochsFile(String run) {
        return folder.resolve(run + "-epochs.csv");
    }

    /**
     * Whether a run's weights are present.
     *
     * @param run the run's name
     * @return true if its weights file exists
     */
    public boolean has(String run) {
        return Files.isRegularFile(weightsFile(run));
    }

    /**
     * The best weights of a run.
     *
     * @param run the run's name
     * @return the weights
     * @throws UncheckedIOException if the file is missing or unreadable, saying how to make it
     */
    public WeightSnapshot load(String run) {
        Path file = weightsFile(run);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no trained weights " + file
                + "; regenerate them with the command in " + RELATIVE_FOLDER + "/README.md"));
        }
        try {
            return WeightSnapshot.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a run's best weights and its epochs file.
     *
     * @param run     the run's name
     * @param trained the run
     * @throws IOException if writing fails
     */
    public void write(String run, TrainedLatentModel trained) throws IOException {
        Files.createDirectories(folder);
        trained.writeBest(weightsFile(run));
        LatentHistory h = trained.history();
        List<String> lines = new ArrayList<>();
        lines.add(EPOCHS_HEADER);
        double[] tr = h.trainReconstruction();
        double[] tk = h.trainKl();
        double[] vr = h.validationReconstruction();
        double[] vk = h.validationKl();
        double[] lr = h.learningRates();
        double[] kw = h.klWeights();
        for (int e = 0; e < h.epochs(); e++) {
            lines.add(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s", e, tr[e], tk[e], vr[e],
                vk[e], lr[e], kw[e]));
        }
        Path tmp = epochsFile(run).resolveSibling(run + "-epochs.csv.tmp");
        Files.write(tmp, lines);
        Files.move(tmp, epochsFile(run), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A run's epochs file as columns: {@code [column][epoch]} in the order of
     * {@link #EPOCHS_HEADER} (the first column is the epoch).
     *
     * @param run the run's name
     * @return the columns
     */
    public double[][] epochs(String run) {
        try {
            List<String> lines = Files.readAllLines(epochsFile(run));
            if (lines.isEmpty() || !lines.get(0).equals(EPOCHS_HEADER)) {
                throw new IOException(epochsFile(run) + " does not start with " + EPOCHS_HEADER);
            }
            int columns = EPOCHS_HEADER.split(",").length;
            double[][] out = new double[columns][lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length != columns) {
                    throw new IOException(epochsFile(run) + " line " + (i + 1) + " has "
                        + f.length + " fields, expected " + columns);
                }
                for (int c = 0; c < columns; c++) {
                    out[c][i - 1] = Double.parseDouble(f[c]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
