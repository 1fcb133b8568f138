package org.phasebook.latent;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads and writes {@link NlbTensors} as a folder of CSV files, one per nlb_tools array: the
 * "nlb-tensors CSV" layout. It is how real Neural Latents Benchmark data reach Phasebook, and it
 * is also the layout of the spike files of {@code datasets/lorenz-v1/}.
 *
 * <h2>Why CSV and not NWB/HDF5</h2>
 * NLB ships NWB (HDF5) files on DANDI (000127–000130, 000138–000140), and nlb_tools saves its
 * tensors as HDF5 too. Reading HDF5 from Java needs a native library or a dependency Phasebook
 * does not have, so the tensors are exported once, in Python, into this plain layout.
 *
 * <h2>The layout</h2>
 * <ul>
 *   <li>The folder holds {@code <name>.csv} or {@code <name>.csv.gz} (gzip) for each array
 *       present, {@code <name>} one of {@link NlbTensors#KEYS}; the four of
 *       {@link NlbTensors#REQUIRED} must be there. Other files are ignored; a name present both
 *       plain and gzipped is an error.</li>
 *   <li>First line: the header {@code trial,bin,c0,c1,...,c<K-1>} for an array of {@code K}
 *       channels (neurons, or behaviour dimensions), each channel numbered from 0 within its
 *       array.</li>
 *   <li>Then one line per (trial, bin), trial-major and then bin, both counted from 0, so the
 *       array {@code [trials][bins][K]} is {@code numpy}'s {@code a.reshape(-1, K)} with the two
 *       index columns in front. Every trial has the same number of bins; an array with zero
 *       bins cannot be written (leave it out).</li>
 *   <li>Values: decimal numbers as {@link Double#parseDouble} reads them (the writer uses
 *       {@link Double#toString}, or a plain integer for integral values, so doubles round-trip
 *       exactly); {@code nan} (any case) or an empty field is NaN, which nlb_tools uses for
 *       padding. Infinite values are rejected. Comma separated, {@code \n} line ends, UTF-8.</li>
 * </ul>
 *
 * <h2>What a user runs to get there</h2>
 * With nlb_tools installed and a DANDI download of, say, MC_Maze (dandiset 000128), in Python:
 * <pre>{@code
 * import os, numpy as np
 * from nlb_tools.nwb_interface import NWBDataset
 * from nlb_tools.make_tensors import (make_train_input_tensors, make_eval_input_tensors,
 *                                     make_eval_target_tensors)
 * ds = NWBDataset('000128/sub-Jenkins/', 'full'); ds.resample(20)
 * arrays = {}
 * arrays.update(make_train_input_tensors(ds, 'mc_maze', 'train', save_file=False,
 *                                        include_behavior=True, include_forward_pred=True))
 * arrays.update(make_eval_input_tensors(ds, 'mc_maze', 'val', save_file=False))
 * arrays.update(make_eval_target_tensors(ds, 'mc_maze', 'train', 'val',
 *                                        save_file=False)['mc_maze_20'])
 * os.makedirs('mc_maze_20', exist_ok=True)
 * for name, a in arrays.items():
 *     if a.ndim != 3 or not name.startswith(('train_', 'eval_')) or '_mask' in name:
 *         continue
 *     t, b, k = a.shape
 *     idx = np.indices((t, b)).reshape(2, -1).T
 *     np.savetxt(f'mc_maze_20/{name}.csv', np.hstack([idx, a.reshape(t * b, k)]),
 *                delimiter=',', fmt='%.17g', comments='',
 *                header='trial,bin,' + ','.join(f'c{i}' for i in range(k)))
 * }</pre>
 * and then, in Java, {@code NlbTensorFiles.read(Path.of("mc_maze_20"))}. (The key
 * {@code 'mc_maze_20'} carries the bin width in ms; at 5 ms it is {@code 'mc_maze'}.)
 * Limits: DMFC_RSG's behaviour is a per-trial table, not a {@code [trial][bin][dim]} array, and
 * Area2_Bump's two decode masks are not represented, so vel R² for those is not computed the
 * NLB way; the arrays left out by the loop above ({@code psth}, masks) are not read.
 */
public final class NlbTensorFiles {

    /** The suffix of a plain file. */
    public static final String CSV = ".csv";
    /** The suffix of a gzipped file. */
    public static final String CSV_GZ = ".csv.gz";

    private NlbTensorFiles() {
    }

    /**
     * Reads the tensors of a folder.
     *
     * @param folder the folder
     * @return the checked tensors
     * @throws UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException when a file is malformed (the message names the file and
     *                                  line) or the arrays do not fit together
     */
    public static NlbTensors read(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("no such folder: " + folder));
        }
        Map<String, double[][][]> arrays = new LinkedHashMap<>();
        for (String key : NlbTensors.KEYS) {
            Path plain = folder.resolve(key + CSV);
            Path gz = folder.resolve(key + CSV_GZ);
            boolean hasPlain = Files.isRegularFile(plain);
            boolean hasGz = Files.isRegularFile(gz);
            if (hasPlain && hasGz) {
                throw new IllegalArgumentException("both " + plain.getFileName() + " and "
                        + gz.getFileName() + " exist in " + folder + "; keep one");
            }
            if (hasPlain || hasGz) {
                arrays.put(key, readArray(hasGz ? gz : plain));
            } else if (NlbTensors.REQUIRED.contains(key)) {
                throw new IllegalArgumentException("the required array " + key + " is missing: "
                        + "neither " + plain + " nor " + gz + " exists");
            }
        }
        return NlbTensors.fromMap(arrays);
    }

    /**
     * Writes every array present as {@code <name>.csv} or {@code <name>.csv.gz}.
     *
     * @param tensors the tensors
     * @param folder  the folder, created if missing; existing files of the same names are
     *                replaced
     * @param gzip    whether to gzip
     * @return the files written, in {@link NlbTensors#KEYS} order
     * @throws UncheckedIOException when writing fails
     */
    public static List<Path> write(NlbTensors tensors, Path folder, boolean gzip) {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(folder, "folder");
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        for (Map.Entry<String, double[][][]> e : tensors.toMap().entrySet()) {
            Path file = folder.resolve(e.getKey() + (gzip ? CSV_GZ : CSV));
            Path other = folder.resolve(e.getKey() + (gzip ? CSV : CSV_GZ));
            try {
                // A stale twin would make the folder ambiguous for read().
                Files.deleteIfExists(other);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot delete " + other, ex);
            }
            writeArray(file, e.getValue());
            written.add(file);
        }
        return written;
    }

    /**
     * Writes one array in the layout above, gzipped when the name ends in {@code .gz}. The
     * bytes depend only on the values (and, for gzip, on the JDK's zlib).
     *
     * @param file  the file
     * @param array {@code [trials][bins][K]}, rectangular, at least one bin
     * @throws UncheckedIOException when writing fails
     */
    public static void writeArray(Path file, double[][][] array) {
        Objects.requireNonNull(file, "file");
        int[] shape = Tensors.shape(file.getFileName().toString(), array, true, false);
        if (shape[1] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException("cannot write " + file.getFileName() + " with "
                    + shape[1] + " bins and " + shape[2] + " channels: the layout needs at "
                    + "least one of each");
        }
        try (Writer w = writer(file)) {
            StringBuilder line = new StringBuilder("trial,bin");
            for (int k = 0; k < shape[2]; k++) {
                line.append(",c").append(k);
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < shape[0]; i++) {
                for (int t = 0; t < shape[1]; t++) {
                    line.setLength(0);
                    line.append(i).append(',').append(t);
                    for (double v : array[i][t]) {
                        line.append(',').append(number(v));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads one array file (gzip when the name ends in {@code .gz}).
     *
     * @param file the file
     * @return the array {@code [trials][bins][K]}
     * @throws UncheckedIOException when reading fails
     * @throws IllegalArgumentException when the file is malformed; the message names the file
     *                                  and line
     */
    public static double[][][] readArray(Path file) {
        Objects.requireNonNull(file, "file");
        try (BufferedReader r = reader(file)) {
            String header = r.readLine();
            if (header == null) {
                throw malformed(file, 1, "the file is empty; expected the header trial,bin,c0,...");
            }
            String[] names = header.split(",", -1);
            if (names.length < 3 || !names[0].trim().equals("trial")
                    || !names[1].trim().equals("bin")) {
                throw malformed(file, 1, "the header must be trial,bin,c0,...; got '"
                        + abbreviate(header) + "'");
            }
            int k = names.length - 2;
            List<double[]> rows = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != k + 2) {
                    throw malformed(file, lineNo, "expected " + (k + 2) + " fields, got "
                            + f.length);
                }
                index.add(new int[] {index(file, lineNo, f[0], "trial"),
                    index(file, lineNo, f[1], "bin")});
                double[] row = new double[k];
                for (int j = 0; j < k; j++) {
                    row[j] = value(file, lineNo, f[j + 2], names[j + 2]);
                }
                rows.add(row);
            }
            return assemble(file, index, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * One array file as a Tablesaw table (gzip when the name ends in {@code .gz}), for display
     * and exploration; use {@link #readArray(Path)} for exact values.
     *
     * @param file the file
     * @return the table, named after the file
     * @throws UncheckedIOException when reading fails
     */
    public static Table table(Path file) {
        try (InputStream in = input(file)) {
            return Table.read().csv(CsvReadOptions.builder(in)
                    .tableName(file.getFileName().toString()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** An integral value as a plain integer, anything else as {@link Double#toString}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15
                && !(v == 0.0 && Double.doubleToRawLongBits(v) != 0L)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * A writer for {@code file}: gzip when the name ends in {@code .gz}, at zlib's default level
     * (level 9 is 13 times slower here for 3 % smaller files).
     */
    static Writer writer(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** A reader for {@code file}, decompressing when the name ends in {@code .gz}. */
    static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(input(file), StandardCharsets.UTF_8),
                1 << 16);
    }

    static InputStream input(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    static IllegalArgumentException malformed(Path file, int line, String what) {
        return new IllegalArgumentException(file + ", line " + line + ": " + what);
    }

    private static double[][][] assemble(Path file, List<int[]> index, List<double[]> rows) {
        if (rows.isEmpty()) {
            throw malformed(file, 2, "no data rows; the layout cannot hold an empty array");
        }
        int bins = 0;
        while (bins < index.size() && index.get(bins)[0] == 0) {
            bins++;
        }
        if (bins == 0) {
            throw malformed(file, 2, "the first row must be trial 0, bin 0; got trial "
                    + index.get(0)[0] + ", bin " + index.get(0)[1]);
        }
        if (rows.size() % bins != 0) {
            throw new IllegalArgumentException(file + ": " + rows.size() + " rows do not "
                    + "divide into trials of " + bins + " bins (trial 0 has " + bins + ")");
        }
        int trials = rows.size() / bins;
        double[][][] out = new double[trials][bins][];
        for (int r = 0; r < rows.size(); r++) {
            int i = r / bins;
            int t = r % bins;
            int[] at = index.get(r);
            if (at[0] != i || at[1] != t) {
                throw malformed(file, r + 2, "expected trial " + i + ", bin " + t + " (rows "
                        + "trial-major, bins counted from 0, every trial " + bins
                        + " bins), got trial " + at[0] + ", bin " + at[1]);
            }
            out[i][t] = rows.get(r);
        }
        return out;
    }

    private static int index(Path file, int line, String field, String what) {
        String s = field.trim();
        try {
            double d = Double.parseDouble(s);
            if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                throw malformed(file, line, what + " must be an integer >= 0, got '" + s + "'");
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw malformed(file, line, what + " must be an integer >= 0, got '" + s + "'");
        }
    }

    private static double value(Path file, int line, String field, String column) {
        String s = field.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        // Counts are small integers: skip the general parser for them.
        if (s.length() <= 9) {
            int v = 0;
            boolean digits = true;
            for (int i = 0; i < s.length() && digits; i++) {
                char ch = s.charAt(i);
                digits = ch >= '0' && ch <= '9';
                v = v * 10 + (ch - '0');
            }
            if (digits) {
                return v;
            }
        }
        String bare = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity")) {
            throw malformed(file, line, "column " + column + " must be finite or NaN, got " + s);
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw malformed(file, line, "column " + column + " is not a number: '"
                    + abbreviate(s) + "'");
        }
        if (Double.isInfinite(d)) {
            throw malformed(file, line, "column " + column + " must be finite or NaN, got "
                    + s);
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
