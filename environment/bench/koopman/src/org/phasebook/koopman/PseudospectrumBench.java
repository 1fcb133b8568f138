package org.phasebook.koopman;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.bytedeco.openblas.global.openblas;
import org.phasebook.systems.Duffing;
import org.phasebook.systems.DormandPrince853;
import org.phasebook.systems.FlowMap;
import org.phasebook.systems.IntegrationSettings;

/**
 * The Java side of {@code environment/bench/koopman/run.sh}: the brief's Duffing example D1
 * (undamped Duffing, time-0.3 map, snapshots from uniform initial points in {@code [-2, 2]^2},
 * radial basis functions with k-means centres from an independent set, pseudospectrum with the
 * isometry clamp), timed stage by stage.
 *
 * <p>It lives in the package {@code org.phasebook.koopman} so that it can time the stages that
 * {@link Edmd#fit} runs in one call (dictionary evaluation, Galerkin products, QR form,
 * eigen-decomposition, residuals) through the same package-private code. It writes the data, the
 * dictionary and its own results as {@code .npy} files for {@code pseudospectrum_numpy.py}, which
 * repeats the stages with NumPy and SciPy on identical inputs.
 *
 * <p>Usage: {@code PseudospectrumBench --out DIR [--scale small|full] [--seed S]}.
 */
public final class PseudospectrumBench {

    private PseudospectrumBench() {
    }

    /** The sizes of one run. */
    private record Scale(String name, int initialPoints, int steps, int n, ComplexGrid grid) {
    }

    private static Scale scale(String name) {
        return switch (name) {
            case "full" -> new Scale(name, 10_000, 5, 500,
                    ComplexGrid.range(-1.5, 0.05, 1.5, -0.04, 0.05, 1.5));
            case "small" -> new Scale(name, 1_000, 5, 100,
                    ComplexGrid.range(-1.5, 0.2, 1.5, -0.04, 0.2, 1.5));
            default -> throw new IllegalArgumentException("--scale must be small or full, got "
                    + name);
        };
    }

    public static void main(String[] args) throws IOException {
        String scaleName = "full";
        Path out = null;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scaleName = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        Scale scale = scale(scaleName);

        // JIT warm-up of the Java loops (dictionary, residuals, Lanczos) on a tiny problem.
        run(scale("small"), seed + 100, null, false);
        Map<String, Object> results = run(scale, seed, out, true);
        StringBuilder json = new StringBuilder("{\n");
        int k = 0;
        for (Map.Entry<String, Object> e : results.entrySet()) {
            Object v = e.getValue();
            String value = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
            json.append("  \"").append(e.getKey()).append("\": ").append(value)
                    .append(++k < results.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        Files.writeString(out.resolve("java_results.json"), json.toString());
    }

    private static Map<String, Object> run(Scale scale, long seed, Path out, boolean report)
            throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scale", scale.name());
        r.put("java_threads", Runtime.getRuntime().availableProcessors());
        r.put("openblas_java", openblas.OPENBLAS_VERSION.trim());
        r.put("repeats", REPEATS);
        FlowMap map = new FlowMap(new Duffing(0.0), 0.3,
                new DormandPrince853(IntegrationSettings.defaults().withTolerance(1e-12)));

        long t = System.nanoTime();
        SnapshotPairs data = bursts(map, scale.initialPoints(), scale.steps(), seed);
        SnapshotPairs independent = bursts(map, scale.initialPoints(), scale.steps(), seed + 1);
        r.put("time_data", seconds(t));
        t = System.nanoTime();
        RadialBasisDictionary dictionary = RadialBasisDictionary.kMeans(independent, scale.n(),
                seed);
        r.put("time_kmeans", seconds(t));
        int m = data.size();
        int n = dictionary.size();
        r.put("M", m);
        r.put("N", n);
        r.put("grid_points", scale.grid().size());
        r.put("rbf_scale", dictionary.scale());
        if (out != null) {
            writeNpy(out.resolve("x.npy"), data.x());
            writeNpy(out.resolve("y.npy"), data.y());
            writeNpy(out.resolve("centres.npy"), dictionary.centres());
            writeNpy(out.resolve("grid_re.npy"), new double[][] {scale.grid().re()});
            writeNpy(out.resolve("grid_im.npy"), new double[][] {scale.grid().im()});
        }

        // The stages of Edmd.fit, in its order and with its code.
        double[] sqrtW = data.weights().sqrt();
        // As in Edmd.fit: the weighted dictionary matrices are evaluated straight into native
        // memory, where they stay until the QR factorisations.
        t = System.nanoTime();
        GalerkinMatrices galerkin;
        NativeSnapshotMatrices.Factors factors;
        try (NativeSnapshotMatrices snapshots = NativeSnapshotMatrices.evaluate(dictionary,
                data.x(), data.y(), sqrtW)) {
            r.put("time_dictionary", seconds(t));
            galerkin = medianTime(r, "time_gal", snapshots::galerkin);
            t = System.nanoTime();
            factors = snapshots.qr();
        }
        DenseMatrix rFactor = factors.r();
        DenseMatrix aHat = rFactor.rightSolveUpper(factors.qtY());
        DenseMatrix b = rFactor.rightSolveUpper(factors.rPerp());
        QrForm form = new QrForm(rFactor.toArray(), aHat.toArray(), b.toArray());
        r.put("time_qr", seconds(t));
        r.put("checksum_g", DenseMatrix.of(galerkin.g()).frobeniusNorm());
        r.put("checksum_l", DenseMatrix.of(galerkin.l()).frobeniusNorm());
        r.put("checksum_a", DenseMatrix.of(galerkin.a()).frobeniusNorm());

        RealEigensystem eigen = medianTime(r, "time_eig", () -> RealEigensystem.of(aHat));

        t = System.nanoTime();
        double maxResidual = 0.0;
        double[] residuals = form.residuals(eigen);
        for (double res : residuals) {
            maxResidual = Math.max(maxResidual, res);
        }
        r.put("time_residuals", seconds(t));
        r.put("max_residual", maxResidual);
        // The same call again: the first one also pays for compiling its Java loops (the JIT),
        // which NumPy's C loops never do; the median of the next ones shows the steady state.
        medianTime(r, "time_residuals_warm", () -> form.residuals(eigen));

        // The same stages in one call, as notebooks run them (eigenvectors v = R^{-1} u too).
        t = System.nanoTime();
        EdmdModel model = new Edmd(dictionary).fit(data);
        r.put("time_edmd_fit", seconds(t));
        r.put("max_residual_edmd_fit", model.maxResidual());
        model = null;

        t = System.nanoTime();
        Pseudospectrum pseudospectrum = Pseudospectrum.defaults().withIsometryClamp(true);
        PseudospectrumGrid tau = pseudospectrum.evaluate(form, scale.grid(),
                report ? new Progress() : f -> { });
        r.put("time_grid", seconds(t));
        r.put("min_tau", tau.min());

        t = System.nanoTime();
        CertifiedSpectrum gamma = ErrorControlledSpectrum.defaults().fit(tau);
        r.put("time_proposed", seconds(t));
        r.put("proposed_points", gamma.size());
        r.put("er_new", gamma.error());
        r.put("er_edmd", maxResidual);
        if (out != null) {
            writeNpy(out.resolve("tau_java.npy"), tau.tau());
            writeNpy(out.resolve("residuals_java.npy"), new double[][] {residuals});
        }
        return r;
    }

    /** {@code initialPoints} bursts of {@code steps} pairs from uniform points in [-2, 2]^2. */
    private static SnapshotPairs bursts(FlowMap map, int initialPoints, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < initialPoints; i++) {
            double[] state = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            for (int k = 0; k < steps; k++) {
                double[] next = new double[2];
                map.apply(state, next);
                x.add(state);
                y.add(next);
                state = next;
            }
        }
        return SnapshotPairs.of(x.toArray(new double[0][]), y.toArray(new double[0][]));
    }

    /**
     * Stages this short (a second or less) vary by 10–40 % from one run to the next on a shared
     * machine, so each is run {@value} times and its median time reported; NumPy's side does the
     * same.
     */
    private static final int REPEATS = 5;

    /** Runs {@code stage} {@link #REPEATS} times, puts the median time under {@code key}. */
    private static <T> T medianTime(Map<String, Object> r, String key, Supplier<T> stage) {
        double[] times = new double[REPEATS];
        T value = null;
        for (int k = 0; k < REPEATS; k++) {
            long t = System.nanoTime();
            value = stage.get();
            times[k] = seconds(t);
        }
        Arrays.sort(times);
        r.put(key, times[REPEATS / 2]);
        return value;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Prints progress to stderr every 10%. */
    private static final class Progress implements java.util.function.DoubleConsumer {
        private int printed = -1;

        @Override
        public void accept(double fraction) {
            int tenth = (int) Math.floor(fraction * 10);
            if (tenth > printed) {
                printed = tenth;
                System.err.printf(Locale.ROOT, "  java pseudospectrum grid: %3d%%%n", tenth * 10);
            }
        }
    }

    /** Writes {@code a} as a C-ordered little-endian float64 {@code .npy} file (format 1.0). */
    static void writeNpy(Path file, double[][] a) throws IOException {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols
                + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 8 * rows * cols)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII));
        for (double[] row : a) {
            for (double v : row) {
                buffer.putDouble(v);
            }
        }
        buffer.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
