package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * The pseudospectrum of an EDMD fit on a grid or at given points (brief §2.4, ResDMD):
 * <pre>
 *   tau_N(z) = min_u res(z, u) = sigma_min([Ahat - zI; B])
 *            = sqrt(lambda_min(Ahat^T Ahat + B^T B - z Ahat^T - conj(z) Ahat + |z|^2 I)),
 * </pre>
 * the smallest residual {@code ||(K - z) g|| / ||g||} over all functions {@code g} in the span of
 * the dictionary, measured by the quadrature, with {@code Ahat, B} from the {@link QrForm}. As
 * the number of snapshots {@code M} grows, {@code tau_N(z)} bounds
 * {@code sigma_inf(K - z) = inf_{||g|| = 1} ||(K - z) g||} from above and decreases to it as the
 * dictionary grows, so {@code {z : tau_N(z) < epsilon}} holds no spurious points: it lies inside
 * the approximate point {@code epsilon}-pseudospectrum of the Koopman operator {@code K}. Exact
 * properties, tested: {@code |tau_N(z) - tau_N(w)| <= |z - w|};
 * {@code tau_N(lambda_j) <= res_j} at the EDMD eigenvalues; {@code tau_N(conj z) = tau_N(z)},
 * since the data are real.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code isometryClamp}: when the map preserves the measure the snapshots sample, {@code K}
 *       is an isometry and {@code sigma_inf(K - z) >= ||z| - 1|}; the values are then
 *       {@code max(tau_N(z), ||z| - 1|)}, as in the paper's code, which guards against finite-M
 *       underestimates away from the unit circle.</li>
 *   <li>{@code mirror}: evaluate at {@code Im z >= 0} only; a point below the real axis takes the
 *       value at its conjugate, and conjugate pairs (and repeated points) are computed once.
 *       Exact by the symmetry above; halves the work on a grid symmetric about the axis.</li>
 *   <li>{@code threads}: points are shared among this many worker threads (default: one per
 *       processor) with OpenBLAS single-threaded meanwhile (see {@link SingleThreadedBlas}).
 *       Each value depends only on the form and its point, so the output is bit-identical for
 *       any thread count and scheduling.</li>
 * </ul>
 *
 * <p>Per point the cost is one complex Cholesky factorisation ({@code N^3/3} complex
 * multiply-adds) plus 10–35 pairs of triangular solves (Lanczos on {@code H(z)^{-1}}): about
 * 11 ms at {@code N = 500} on one core, so the brief's Duffing grid (1891 points) takes 11 s on
 * two. The algorithm, its accuracy and the alternatives measured (LAPACK {@code zheevr} per
 * point is 4 times slower) are described in {@code ShiftInvertLanczos}. The reported value is
 * the residual {@code res(z, u)} of the computed minimiser {@code u}, within about
 * {@code 1e-12} relative of {@code tau_N(z)}, and accurate to rounding near
 * {@code tau_N = 0}, where {@code sqrt(lambda_min)} keeps only half the digits.
 *
 * <p>Long evaluations report the fraction of points done to a {@link DoubleConsumer}, always
 * from the calling thread. Interrupting the calling thread stops the workers and throws
 * {@link CancellationException}.
 *
 * @param isometryClamp whether to report {@code max(tau_N(z), ||z| - 1|)}
 * @param mirror        whether to evaluate at {@code Im z >= 0} only and mirror
 * @param threads       the number of worker threads, {@code >= 1}
 */
public record Pseudospectrum(boolean isometryClamp, boolean mirror, int threads) {

    private static final long PROGRESS_INTERVAL_MS = 100;

    /** Validates the thread count. */
    public Pseudospectrum {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** No clamp, mirroring on, one worker per processor. */
    public static Pseudospectrum defaults() {
        return new Pseudospectrum(false, true, Runtime.getRuntime().availableProcessors());
    }

    /** These settings with the isometry clamp on or off. */
    public Pseudospectrum withIsometryClamp(boolean clamp) {
        return new Pseudospectrum(clamp, mirror, threads);
    }

    /** These settings with mirroring on or off. */
    public Pseudospectrum withMirror(boolean on) {
        return new Pseudospectrum(isometryClamp, on, threads);
    }

    /** These settings with {@code n} worker threads. */
    public Pseudospectrum withThreads(int n) {
        return new Pseudospectrum(isometryClamp, mirror, n);
    }

    /**
     * {@code tau_N} on every point of {@code grid}.
     *
     * @param form     the QR form of an EDMD fit ({@link EdmdModel#qrForm()})
     * @param grid     the grid
     * @param progress receives fractions of points done, in [0, 1], ending with 1
     * @throws CancellationException if the calling thread is interrupted
     */
    public PseudospectrumGrid evaluate(QrForm form, ComplexGrid grid, DoubleConsumer progress) {
        Objects.requireNonNull(grid, "grid");
        double[] values = at(form, grid.points(), progress);
        double[][] tau = new double[grid.rows()][grid.columns()];
        for (int r = 0; r < tau.length; r++) {
            System.arraycopy(values, r * grid.columns(), tau[r], 0, grid.columns());
        }
        return new PseudospectrumGrid(grid, tau);
    }

    /** As {@link #evaluate(QrForm, ComplexGrid, DoubleConsumer)}, without progress. */
    public PseudospectrumGrid evaluate(QrForm form, ComplexGrid grid) {
        return evaluate(form, grid, fraction -> { });
    }

    /**
     * {@code tau_N} at each of {@code points}, in their order: for example at the EDMD
     * eigenvalues, as candidates of {@link ErrorControlledSpectrum}.
     *
     * @param form     the QR form of an EDMD fit
     * @param points   finite points (may be empty)
     * @param progress receives fractions of points done, in [0, 1], ending with 1
     * @throws CancellationException if the calling thread is interrupted
     */
    public double[] at(QrForm form, Complex[] points, DoubleConsumer progress) {
        return at(form, points, progress, ShiftInvertLanczos.MAX_STEPS);
    }

    /** As {@link #at(QrForm, Complex[], DoubleConsumer)}, without progress. */
    public double[] at(QrForm form, Complex... points) {
        return at(form, points, fraction -> { });
    }

    /** With a cap on the Lanczos steps, so that tests can force the zheevr fallback. */
    double[] at(QrForm form, Complex[] points, DoubleConsumer progress, int maxSteps) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(progress, "progress");
        for (int i = 0; i < points.length; i++) {
            Objects.requireNonNull(points[i], "points[" + i + "]");
            if (!points[i].isFinite()) {
                throw new IllegalArgumentException("points[" + i + "] must be finite, got "
                        + points[i]);
            }
        }
        // The distinct points to evaluate, and where each input point takes its value from.
        int[] source = new int[points.length];
        List<Complex> distinct = new ArrayList<>();
        Map<Complex, Integer> seen = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            // Adding 0.0 turns -0.0 into 0.0, so that z and its conjugate meet on the real axis.
            Complex z = mirror
                    ? new Complex(points[i].re() + 0.0, Math.abs(points[i].im()))
                    : points[i];
            if (mirror) {
                Integer index = seen.putIfAbsent(z, distinct.size());
                source[i] = index == null ? distinct.size() : index;
                if (index == null) {
                    distinct.add(z);
                }
            } else {
                source[i] = distinct.size();
                distinct.add(z);
            }
        }
        double[] computed = distinct.isEmpty()
                ? new double[0]
                : compute(new ShiftInvertLanczos.Operators(form), distinct, maxSteps, progress);
        double[] tau = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            tau[i] = computed[source[i]];
            if (isometryClamp) {
                tau[i] = Math.max(tau[i], Math.abs(points[i].abs() - 1.0));
            }
        }
        progress.accept(1.0);
        return tau;
    }

    private double[] compute(ShiftInvertLanczos.Operators ops, List<Complex> points,
            int maxSteps, DoubleConsumer progress) {
        int count = points.size();
        double[] tau = new double[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int workers = Math.min(threads, count);
        progress.accept(0.0);
        SingleThreadedBlas.enter();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "phasebook-pseudospectrum");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try (ShiftInvertLanczos kernel = new ShiftInvertLanczos(ops, maxSteps)) {
                        for (int i = next.getAndIncrement(); i < count && !stop.get();
                                i = next.getAndIncrement()) {
                            Complex z = points.get(i);
                            tau[i] = kernel.tau(z.re(), z.im());
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        progress.accept((double) done.get() / count);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("pseudospectrum evaluation interrupted after "
                    + done.get() + " of " + count + " points");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            stop.set(true);
            pool.shutdown();
            awaitWorkers(pool);
            SingleThreadedBlas.exit();
        }
        return tau;
    }

    /** Waits for the workers to finish their current point, keeping an interrupt for later. */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
