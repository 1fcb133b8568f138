package org.phasebook.latent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a {@code lorenz-v1} data set ({@code datasets/lorenz-v1/} in the repository):
 * writes a {@link LorenzDataset} and reads it back bit for bit, checking every file against the
 * SHA-256 recorded in {@value #PROVENANCE}.
 *
 * <p>The folder holds:
 * <ul>
 *   <li>the eight spike arrays under nlb_tools' names, {@code <split>_spikes_<part>.csv.gz},
 *       in the {@link NlbTensorFiles} layout (counts as integers), so that
 *       {@link NlbTensorFiles#read(Path)} reads the folder as an NLB tensor set (without
 *       behaviour, which {@link LorenzDataset#toNlbTensors()} derives from the latents);</li>
 *   <li>{@value #RATES}: {@code condition,bin,n0..n<N-1>}, the true rates {@code lambda}
 *       (counts per bin);</li>
 *   <li>{@value #LATENTS}: {@code condition,bin,x,y,z,x_tilde,y_tilde,z_tilde,dx_tilde,dy_tilde,
 *       dz_tilde}: raw state, normalised state and its velocity;</li>
 *   <li>{@value #READOUT}: {@code neuron,c_x,c_y,c_z}; {@value #NORMALISATION}:
 *       {@code component,mean,scale};</li>
 *   <li>{@value #TRIALS}: {@code split,trial,condition,repeat}, the condition of every
 *       trial;</li>
 *   <li>{@value #PROVENANCE}: generator, recipe parameters and seed, and per file its size, the
 *       SHA-256 of its bytes and the SHA-256 of its decompressed text;</li>
 *   <li>{@value #README}: the same for people.</li>
 * </ul>
 * Doubles are written with {@link Double#toString} and so read back exactly. The decompressed
 * text is the stable identity of a file (gzip output may differ between zlib versions), so
 * regeneration is checked on {@code content_sha256}.
 */
public final class LorenzDatasetFiles {

    /** The folder of the committed data set, relative to the repository root. */
    public static final String RELATIVE_FOLDER = "datasets/" + LorenzRecipe.NAME;
    /** True rates per condition. */
    public static final String RATES = "rates.csv.gz";
    /** Latent states and velocities per condition. */
    public static final String LATENTS = "latents.csv.gz";
    /** The readout matrix. */
    public static final String READOUT = "readout.csv";
    /** Normalisation constants. */
    public static final String NORMALISATION = "normalisation.csv";
    /** Condition and repeat of every trial. */
    public static final String TRIALS = "trials.csv";
    /** Machine-readable provenance. */
    public static final String PROVENANCE = "provenance.json";
    /** Human-readable description. */
    public static final String README = "README.md";

    private static final String[] AXES = {"x", "y", "z"};
    private static final Pattern FILE_ENTRY = Pattern.compile(
            "\"([A-Za-z0-9_.-]+)\": \\{\"bytes\": (\\d+), \"sha256\": \"([0-9a-f]{64})\", "
            + "\"content_sha256\": \"([0-9a-f]{64})\"\\}");

    private LorenzDatasetFiles() {
    }

    /**
     * The committed folder of the repository that holds the working directory: the first folder
     * walking up that holds both {@code pom.xml} and {@code datasets/}, plus
     * {@value #RELATIVE_FOLDER}.
     *
     * @throws IllegalStateException when no such folder is found
     */
    public static Path locate() {
        Path from = Path.of("").toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("datasets"))) {
                return dir.resolve(RELATIVE_FOLDER);
            }
        }
        throw new IllegalStateException("no folder from " + from + " upwards holds both pom.xml "
                + "and datasets/; run from inside the Phasebook repository");
    }

    /** {@link #locate()}, or null outside a repository. */
    static Path locateOrNull() {
        try {
            return locate();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The names of the files a recipe's folder holds, provenance and README excluded. */
    public static List<String> dataFiles(LorenzRecipe recipe) {
        List<String> names = new ArrayList<>();
        for (String key : NlbTensors.KEYS) {
            boolean forward = key.endsWith("_forward");
            if (key.contains("_spikes_") && (!forward || recipe.forwardBins() > 0)) {
                names.add(key + NlbTensorFiles.CSV_GZ);
            }
        }
        names.addAll(List.of(RATES, LATENTS, READOUT, NORMALISATION, TRIALS));
        return names;
    }

    /**
     * Writes a data set into {@code folder} (created if missing; files of the same names are
     * replaced), then its provenance and README.
     *
     * @param dataset the data set
     * @param folder  the folder
     * @param command the command that regenerates it, for the README
     * @return the checksums of the data files, by name
     * @throws UncheckedIOException when writing fails
     */
    public static Map<String, FileChecksum> write(LorenzDataset dataset, Path folder,
            String command) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(command, "command");
        LorenzRecipe recipe = dataset.recipe();
        try {
            Files.createDirectories(folder);
            for (Split s : Split.values()) {
                String p = s.prefix() + "_spikes_";
                NlbTensorFiles.writeArray(folder.resolve(p + "heldin.csv.gz"),
                        Tensors.toDouble(dataset.heldin(s)));
                NlbTensorFiles.writeArray(folder.resolve(p + "heldout.csv.gz"),
                        Tensors.toDouble(dataset.heldout(s)));
                if (recipe.forwardBins() > 0) {
                    NlbTensorFiles.writeArray(folder.resolve(p + "heldin_forward.csv.gz"),
                            Tensors.toDouble(dataset.heldinForward(s)));
                    NlbTensorFiles.writeArray(folder.resolve(p + "heldout_forward.csv.gz"),
                            Tensors.toDouble(dataset.heldoutForward(s)));
                }
            }
            writeRates(folder.resolve(RATES), dataset.conditionRates());
            writeLatents(folder.resolve(LATENTS), dataset);
            writeReadout(folder.resolve(READOUT), dataset.readout());
            writeNormalisation(folder.resolve(NORMALISATION), dataset);
            writeTrials(folder.resolve(TRIALS), dataset);
            Map<String, FileChecksum> sums = new LinkedHashMap<>();
            for (String name : dataFiles(recipe)) {
                sums.put(name, FileChecksum.of(folder.resolve(name)));
            }
            Files.writeString(folder.resolve(PROVENANCE), provenance(recipe, sums, command),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(README), readme(recipe, sums, command),
                    StandardCharsets.UTF_8);
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data set into " + folder, e);
        }
    }

    /**
     * Reads a data set back, after checking every data file against {@value #PROVENANCE}
     * (size, SHA-256 of the bytes and of the decompressed text).
     *
     * @param folder the folder
     * @return the data set, bit-identical to the one written
     * @throws UncheckedIOException     when a file is missing or unreadable
     * @throws IllegalStateException    when a checksum does not match (the message names the
     *                                  file and both digests)
     * @throws IllegalArgumentException when a file is malformed or the parts do not fit
     */
    public static LorenzDataset read(Path folder) {
        Objects.requireNonNull(folder, "folder");
        String json;
        try {
            json = Files.readString(folder.resolve(PROVENANCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(PROVENANCE)
                    + "; is this a " + LorenzRecipe.NAME + " folder?", e);
        }
        LorenzRecipe recipe = recipe(json);
        Map<String, FileChecksum> recorded = checksums(json);
        for (String name : dataFiles(recipe)) {
            FileChecksum want = recorded.get(name);
            if (want == null) {
                throw new IllegalArgumentException(PROVENANCE + " in " + folder
                        + " records no checksum for " + name);
            }
            FileChecksum got = FileChecksum.of(folder.resolve(name));
            if (!want.equals(got)) {
                throw new IllegalStateException("checksum mismatch for " + folder.resolve(name)
                        + ": " + PROVENANCE + " records " + want + ", the file has " + got);
            }
        }
        int c = recipe.conditions();
        int t = recipe.bins();
        int n = recipe.neurons();
        double[][][] rates = perCondition(folder.resolve(RATES), "n", n, c, t, 0, n);
        double[][][] latents = perCondition(folder.resolve(LATENTS), null, 9, c, t, 0, 9);
        double[][][] states = slice(latents, 0);
        double[][][] normalised = slice(latents, 3);
        double[][][] velocity = slice(latents, 6);
        double[][] readout = table(folder.resolve(READOUT), "neuron", n, 3);
        double[][] norm = table(folder.resolve(NORMALISATION), "component", 3, 2);
        double[] mean = {norm[0][0], norm[1][0], norm[2][0]};
        double[] scale = {norm[0][1], norm[1][1], norm[2][1]};
        checkTrials(folder.resolve(TRIALS), recipe);
        int[][][] spikes = new int[c * recipe.repeats()][t][n];
        for (Split s : Split.values()) {
            String p = s.prefix() + "_spikes_";
            place(spikes, recipe, s, folder.resolve(p + "heldin.csv.gz"), 0, 0);
            place(spikes, recipe, s, folder.resolve(p + "heldout.csv.gz"), 0, recipe.heldIn());
            if (recipe.forwardBins() > 0) {
                place(spikes, recipe, s, folder.resolve(p + "heldin_forward.csv.gz"),
                        recipe.observedBins(), 0);
                place(spikes, recipe, s, folder.resolve(p + "heldout_forward.csv.gz"),
                        recipe.observedBins(), recipe.heldIn());
            }
        }
        return new LorenzDataset(recipe, readout, mean, scale, states, normalised, velocity,
                rates, spikes);
    }

    /** The recipe recorded in a provenance text. */
    static LorenzRecipe recipe(String json) {
        return new LorenzRecipe(
                (int) field(json, "conditions"), (int) field(json, "repeats"),
                (int) field(json, "neurons"), (int) field(json, "held_in"),
                (int) field(json, "observed_bins"), (int) field(json, "forward_bins"),
                field(json, "seed"));
    }

    /** The checksums recorded in a provenance text, by file name. */
    static Map<String, FileChecksum> checksums(String json) {
        Map<String, FileChecksum> out = new LinkedHashMap<>();
        Matcher m = FILE_ENTRY.matcher(json);
        while (m.find()) {
            out.put(m.group(1), new FileChecksum(Long.parseLong(m.group(2)), m.group(3),
                    m.group(4)));
        }
        return out;
    }

    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException(PROVENANCE + " has no integer field \"" + name
                    + "\"");
        }
        return Long.parseLong(m.group(1));
    }

    private static String provenance(LorenzRecipe r, Map<String, FileChecksum> sums,
            String command) {
        String version = LorenzDatasetFiles.class.getPackage().getImplementationVersion();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"dataset\": \"").append(LorenzRecipe.NAME).append("\",\n");
        j.append("  \"generator\": \"").append(GenerateLorenzDataset.class.getName())
                .append("\",\n");
        j.append("  \"command\": \"").append(command.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\",\n");
        j.append("  \"phasebook\": \"").append(version == null ? "development build" : version)
                .append("\",\n");
        j.append("  \"recipe\": \"shared/papers/langevin-flow.md section 5\",\n");
        j.append(String.format(Locale.ROOT, "  \"parameters\": {\"conditions\": %d, "
                + "\"repeats\": %d, \"neurons\": %d, \"held_in\": %d, \"observed_bins\": %d, "
                + "\"forward_bins\": %d, \"seed\": %d},%n", r.conditions(), r.repeats(),
                r.neurons(), r.heldIn(), r.observedBins(), r.forwardBins(), r.seed())
                .replace(System.lineSeparator(), "\n"));
        j.append("  \"files\": {");
        String sep = "\n";
        for (Map.Entry<String, FileChecksum> e : sums.entrySet()) {
            FileChecksum s = e.getValue();
            j.append(sep).append(String.format(Locale.ROOT, "    \"%s\": {\"bytes\": %d, "
                    + "\"sha256\": \"%s\", \"content_sha256\": \"%s\"}", e.getKey(), s.bytes(),
                    s.sha256(), s.contentSha256()));
            sep = ",\n";
        }
        return j.append("\n  }\n}\n").toString();
    }

    private static String readme(LorenzRecipe r, Map<String, FileChecksum> sums,
            String command) {
        StringBuilder s = new StringBuilder();
        s.append("# lorenz-v1: Lorenz-driven Poisson population, NLB layout\n\n");
        s.append("Synthetic spiking data for notebook LangevinFlow (brief "
                + "`shared/papers/langevin-flow.md` §5, recipe `lorenz-v1`): `C` conditions, each a "
                + "stretch of one Lorenz orbit (RK4, h = 0.01), read out by `N` neurons with "
                + "log-rates `ln 0.3 + C x~`, `R` Poisson trials per condition. Generated by "
                + "`org.phasebook.latent.LorenzGenerator`; written and checked by "
                + "`org.phasebook.latent.LorenzDatasetFiles` (Java: "
                + "`LorenzDatasetFiles.read(LorenzDatasetFiles.locate())`).\n\n");
        s.append("## Regenerate\n\nFrom the repository root:\n\n```bash\n")
                .append("mvn -B -q -pl lib compile dependency:build-classpath "
                        + "-Dmdep.outputFile=lib/target/classpath.txt\n")
                .append(command).append("\n```\n\n");
        s.append("Regenerating gives the same decompressed text (`content_sha256`) on any JVM; "
                + "the gzip bytes (`sha256`) may differ with the zlib version, and then "
                + "`provenance.json` is rewritten to match.\n\n");
        s.append("## Parameters\n\n| parameter | value |\n|---|---|\n");
        s.append(String.format(Locale.ROOT, "| conditions C | %d |%n| repeats R | %d (train %d, "
                + "validation %d per condition) |%n| trials | %d train, %d validation |%n"
                + "| neurons N | %d (held in 0-%d, held out %d-%d) |%n| bins | T_o = %d observed"
                + " + T_f = %d forward (20 ms each nominally; 0.02 Lorenz time units) |%n"
                + "| seed | %d (`java.util.SplittableRandom`) |%n", r.conditions(), r.repeats(),
                r.trainRepeats(), r.evalRepeats(), r.trainTrials(), r.evalTrials(), r.neurons(),
                r.heldIn() - 1, r.heldIn(), r.neurons() - 1, r.observedBins(), r.forwardBins(),
                r.seed()).replace(System.lineSeparator(), "\n"));
        s.append("\n## Files\n\n");
        s.append("Spike files follow the nlb_tools tensor layout (`NlbTensorFiles`): header "
                + "`trial,bin,c0,...`, one row per (trial, bin), channels numbered within the "
                + "array (held-out channel `c0` is neuron ").append(r.heldIn()).append("). "
                + "Trials are condition-major; `trials.csv` gives each trial's condition and "
                + "repeat. Truth files are per condition. Gzipped files open with "
                + "`pandas.read_csv` directly and with Tablesaw through a `GZIPInputStream` "
                + "(`NlbTensorFiles.table(path)`).\n\n");
        s.append("| file | bytes | SHA-256 (file) | SHA-256 (decompressed text) |\n"
                + "|---|---|---|---|\n");
        long total = 0;
        for (Map.Entry<String, FileChecksum> e : sums.entrySet()) {
            FileChecksum c = e.getValue();
            total += c.bytes();
            s.append("| `").append(e.getKey()).append("` | ").append(c.bytes()).append(" | `")
                    .append(c.sha256()).append("` | `").append(c.contentSha256()).append("` |\n");
        }
        s.append("\nTotal ").append(total).append(" bytes.\n\n");
        s.append("Columns: `rates.csv.gz` `condition,bin,n0..n").append(r.neurons() - 1)
                .append("` (true rate, counts per bin); `latents.csv.gz` `condition,bin,x,y,z,"
                        + "x_tilde,y_tilde,z_tilde,dx_tilde,dy_tilde,dz_tilde` (raw state, "
                        + "normalised state (x - mean) / scale, and its time derivative f(x) / "
                        + "scale); `readout.csv` `neuron,c_x,c_y,c_z`; `normalisation.csv` "
                        + "`component,mean,scale`; `trials.csv` `split,trial,condition,repeat`.\n");
        return s.toString();
    }

    private static void writeRates(Path file, double[][][] rates) throws IOException {
        try (Writer w = NlbTensorFiles.writer(file)) {
            StringBuilder line = new StringBuilder("condition,bin");
            for (int k = 0; k < rates[0][0].length; k++) {
                line.append(",n").append(k);
            }
            w.write(line.append('\n').toString());
            for (int c = 0; c < rates.length; c++) {
                for (int t = 0; t < rates[c].length; t++) {
                    line.setLength(0);
                    line.append(c).append(',').append(t);
                    for (double v : rates[c][t]) {
                        line.append(',').append(Double.toString(v));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }

    private static void writeLatents(Path file, LorenzDataset d) throws IOException {
        double[][][] x = d.conditionStates();
        double[][][] xn = d.conditionNormalisedStates();
        double[][][] v = d.conditionVelocities();
        try (Writer w = NlbTensorFiles.writer(file)) {
            w.write("condition,bin,x,y,z,x_tilde,y_tilde,z_tilde,dx_tilde,dy_tilde,dz_tilde\n");
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < x.length; c++) {
                for (int t = 0; t < x[c].length; t++) {
                    line.setLength(0);
                    line.append(c).append(',').append(t);
                    for (double[] part : new double[][] {x[c][t], xn[c][t], v[c][t]}) {
                        for (double value : part) {
                            line.append(',').append(Double.toString(value));
                        }
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }

    private static void writeReadout(Path file, double[][] readout) throws IOException {
        StringBuilder s = new StringBuilder("neuron,c_x,c_y,c_z\n");
        for (int n = 0; n < readout.length; n++) {
            s.append(n);
            for (double v : readout[n]) {
                s.append(',').append(Double.toString(v));
            }
            s.append('\n');
        }
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private static void writeNormalisation(Path file, LorenzDataset d) throws IOException {
        double[] mean = d.mean();
        double[] scale = d.scale();
        StringBuilder s = new StringBuilder("component,mean,scale\n");
        for (int k = 0; k < 3; k++) {
            s.append(AXES[k]).append(',').append(Double.toString(mean[k])).append(',')
                    .append(Double.toString(scale[k])).append('\n');
        }
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private static void writeTrials(Path file, LorenzDataset d) throws IOException {
        StringBuilder s = new StringBuilder("split,trial,condition,repeat\n");
        for (Split split : Split.values()) {
            int[] cond = d.conditions(split);
            int[] rep = d.repeats(split);
            for (int i = 0; i < cond.length; i++) {
                s.append(split.prefix()).append(',').append(i).append(',').append(cond[i])
                        .append(',').append(rep[i]).append('\n');
            }
        }
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a per-condition file {@code condition,bin,<cols>} into {@code [C][T][cols]}. */
    private static double[][][] perCondition(Path file, String prefix, int cols, int c, int t,
            int from, int to) {
        double[][][] out = new double[c][t][];
        try (BufferedReader r = NlbTensorFiles.reader(file)) {
            String header = r.readLine();
            String[] names = header == null ? new String[0] : header.split(",", -1);
            if (names.length != cols + 2 || !names[0].equals("condition")
                    || !names[1].equals("bin")
                    || (prefix != null && !names[2].equals(prefix + "0"))) {
                throw NlbTensorFiles.malformed(file, 1, "expected a header condition,bin and "
                        + cols + " value columns, got '" + header + "'");
            }
            for (int ci = 0; ci < c; ci++) {
                for (int ti = 0; ti < t; ti++) {
                    int lineNo = 2 + ci * t + ti;
                    String line = r.readLine();
                    if (line == null) {
                        throw NlbTensorFiles.malformed(file, lineNo, "the file ends early; "
                                + "expected " + c * t + " rows");
                    }
                    String[] f = line.split(",", -1);
                    if (f.length != cols + 2 || !f[0].equals(Integer.toString(ci))
                            || !f[1].equals(Integer.toString(ti))) {
                        throw NlbTensorFiles.malformed(file, lineNo, "expected condition " + ci
                                + ", bin " + ti + " and " + cols + " values");
                    }
                    double[] row = new double[to - from];
                    for (int k = from; k < to; k++) {
                        row[k - from] = finite(file, lineNo, f[k + 2]);
                    }
                    out[ci][ti] = row;
                }
            }
            if (r.readLine() != null) {
                throw NlbTensorFiles.malformed(file, 2 + c * t, "more rows than the "
                        + c * t + " the recipe gives");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** Reads a small table {@code key,<cols>} with rows keyed 0.. or x,y,z. */
    private static double[][] table(Path file, String key, int rows, int cols) {
        try (BufferedReader r = NlbTensorFiles.reader(file)) {
            String header = r.readLine();
            if (header == null || !header.startsWith(key + ",")
                    || header.split(",", -1).length != cols + 1) {
                throw NlbTensorFiles.malformed(file, 1, "expected a header starting " + key
                        + " with " + cols + " value columns, got '" + header + "'");
            }
            double[][] out = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                String line = r.readLine();
                String[] f = line == null ? new String[0] : line.split(",", -1);
                String want = key.equals("component") ? AXES[i] : Integer.toString(i);
                if (f.length != cols + 1 || !f[0].equals(want)) {
                    throw NlbTensorFiles.malformed(file, i + 2, "expected row " + want
                            + " with " + cols + " values");
                }
                for (int k = 0; k < cols; k++) {
                    out[i][k] = finite(file, i + 2, f[k + 1]);
                }
            }
            if (r.readLine() != null) {
                throw NlbTensorFiles.malformed(file, rows + 2, "more than " + rows + " rows");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void checkTrials(Path file, LorenzRecipe recipe) {
        try (BufferedReader r = NlbTensorFiles.reader(file)) {
            if (!"split,trial,condition,repeat".equals(r.readLine())) {
                throw NlbTensorFiles.malformed(file, 1, "expected the header "
                        + "split,trial,condition,repeat");
            }
            int lineNo = 1;
            for (Split s : Split.values()) {
                int per = recipe.repeatsIn(s);
                int offset = s == Split.TRAIN ? 0 : recipe.trainRepeats();
                for (int i = 0; i < recipe.trials(s); i++) {
                    lineNo++;
                    String want = s.prefix() + "," + i + "," + (i / per) + ","
                            + (offset + i % per);
                    String got = r.readLine();
                    if (!want.equals(got)) {
                        throw NlbTensorFiles.malformed(file, lineNo, "expected '" + want
                                + "' (trials condition-major), got '" + got + "'");
                    }
                }
            }
            if (r.readLine() != null) {
                throw NlbTensorFiles.malformed(file, lineNo + 1, "more trials than the recipe "
                        + "gives");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Copies one spike file of a split into {@code spikes} at bin and neuron offsets. */
    private static void place(int[][][] spikes, LorenzRecipe recipe, Split split, Path file,
            int t0, int n0) {
        double[][][] a = NlbTensorFiles.readArray(file);
        boolean forward = t0 > 0;
        int bins = forward ? recipe.forwardBins() : recipe.observedBins();
        int neurons = n0 > 0 ? recipe.heldOut() : recipe.heldIn();
        int[] shape = Tensors.shape(file.getFileName().toString(), a, true, true);
        if (shape[0] != recipe.trials(split) || shape[1] != bins || shape[2] != neurons) {
            throw new IllegalArgumentException(file + " must hold [" + recipe.trials(split)
                    + ", " + bins + ", " + neurons + "] counts, got " + shape[0] + ", "
                    + shape[1] + ", " + shape[2]);
        }
        int per = recipe.repeatsIn(split);
        int offset = split == Split.TRAIN ? 0 : recipe.trainRepeats();
        for (int i = 0; i < a.length; i++) {
            int g = (i / per) * recipe.repeats() + offset + i % per;
            for (int t = 0; t < bins; t++) {
                for (int k = 0; k < neurons; k++) {
                    double v = a[i][t][k];
                    if (Double.isNaN(v) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(file + ": trial " + i + ", bin " + t
                                + ", channel " + k + " must be an integer count, got " + v);
                    }
                    spikes[g][t0 + t][n0 + k] = (int) v;
                }
            }
        }
    }

    private static double[][][] slice(double[][][] a, int from) {
        return Tensors.channels(a, from, from + 3);
    }

    private static double finite(Path file, int line, String s) {
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw NlbTensorFiles.malformed(file, line, "not a number: '" + s + "'");
        }
        if (!Double.isFinite(d)) {
            throw NlbTensorFiles.malformed(file, line, "values must be finite, got " + s);
        }
        return d;
    }

    /**
     * The size and digests of one file.
     *
     * @param bytes         the file's size
     * @param sha256        SHA-256 of its bytes, lower-case hex
     * @param contentSha256 SHA-256 of its decompressed bytes (equal to {@code sha256} for a
     *                      plain file)
     */
    public record FileChecksum(long bytes, String sha256, String contentSha256) {

        /** Checks the digests' form. */
        public FileChecksum {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
            }
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(contentSha256, "contentSha256");
        }

        /**
         * Measures a file.
         *
         * @param file the file
         * @return its checksum
         * @throws UncheckedIOException when it cannot be read
         */
        public static FileChecksum of(Path file) {
            try {
                byte[] raw = Files.readAllBytes(file);
                String sha = sha256(raw);
                String content = sha;
                if (file.getFileName().toString().endsWith(".gz")) {
                    try (InputStream in = NlbTensorFiles.input(file)) {
                        content = sha256(in.readAllBytes());
                    }
                }
                return new FileChecksum(raw.length, sha, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String toString() {
            return bytes + " bytes, sha256 " + sha256 + ", content_sha256 " + contentSha256;
        }

        private static String sha256(byte[] data) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(data));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }
    }
}
