package org.phasebook.hmm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs an independent body for every index {@code 0..count-1} on a few threads, in contiguous
 * blocks. The bodies must write disjoint outputs and not depend on one another, so the result is
 * the same for every thread count. Package-private: a helper of the matching solvers.
 */
final class RowParallel implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /** A reusable pool of {@code threads} workers (none when {@code threads = 1}). */
    RowParallel(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "phasebook-matching");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** One call on a pool made and closed for it. */
    static void run(int threads, int count, IntConsumer body) {
        try (RowParallel p = new RowParallel(threads)) {
            p.forEach(count, body);
        }
    }

    /** Runs {@code body(i)} for {@code i = 0..count-1} and waits for all of them. */
    void forEach(int count, IntConsumer body) {
        if (pool == null || count < 2 * threads) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        List<Callable<Void>> blocks = new ArrayList<>(threads);
        for (int k = 0; k < threads; k++) {
            int from = (int) ((long) count * k / threads);
            int to = (int) ((long) count * (k + 1) / threads);
            blocks.add(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(blocks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
