package org.phasebook.lattice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.phasebook.random.SeedSequence;

/**
 * Independent replicas of a stochastic computation run on a fixed number of threads, with
 * results that do not depend on that number.
 *
 * <p>Replica {@code r} gets the generator {@code seeds.generator(r)} and its own state; its
 * result is stored at index {@code r}. Since nothing is shared between replicas and the order of
 * the results is the order of the indices, the output is bit-identical for 1 or 2 threads (or
 * any other number). Parallelism is over replicas only: the random-sequential kinetics of each
 * replica stays sequential (brief §7: checkerboard or multispin updates would change it).
 */
public final class Ensemble {

    /** One replica's work. */
    @FunctionalInterface
    public interface Replica<T> {
        /**
         * Runs replica {@code replica}.
         *
         * @param replica index in {@code [0, replicas)}
         * @param random  the replica's own generator
         * @return its result
         */
        T run(int replica, SplittableRandom random);
    }

    private final int threads;

    /**
     * An ensemble runner with a fixed pool of {@code threads} threads per call.
     *
     * @param threads number of worker threads, {@code >= 1}
     */
    public Ensemble(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** One thread per available processor. */
    public static Ensemble allCores() {
        return new Ensemble(Runtime.getRuntime().availableProcessors());
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code replicas} replicas of {@code task} and returns their results by index.
     *
     * @param replicas number of replicas, {@code >= 1}
     * @param seeds    the seed sequence; replica {@code r} uses {@code seeds.generator(r)}
     * @param task     the work of one replica
     * @return the results, element {@code r} from replica {@code r}
     * @throws IllegalStateException wrapping the first failure of a replica
     */
    public <T> List<T> map(int replicas, SeedSequence seeds, Replica<T> task) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        List<T> results = new ArrayList<>(replicas);
        int workers = Math.min(threads, replicas);
        if (workers == 1) {
            for (int r = 0; r < replicas; r++) {
                results.add(task.run(r, seeds.generator(r)));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread t = new Thread(runnable, "phasebook-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(replicas);
            for (int r = 0; r < replicas; r++) {
                final int replica = r;
                futures.add(pool.submit(() -> task.run(replica, seeds.generator(replica))));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ensemble interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a replica failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Density series of {@code replicas} replicas of {@code model} on {@code lattice}, each
     * started from {@code initial} (drawn from the replica's generator) and recorded every
     * {@code interval} for {@code duration} (see {@link RandomSequential#record}), with their
     * mean and standard error.
     *
     * @param model    the model
     * @param lattice  the geometry
     * @param initial  the initial condition
     * @param interval sampling interval, {@code > 0}
     * @param duration run time, {@code >= 0}
     * @param replicas number of replicas, {@code >= 1}
     * @param seeds    the seed sequence
     * @return the replicas' series and their statistics
     */
    public EnsembleSeries densities(SiteModel model, Lattice lattice, InitialCondition initial,
            double interval, double duration, int replicas, SeedSequence seeds) {
        RandomSequential engine = new RandomSequential(model, lattice);
        List<DensitySeries> runs = map(replicas, seeds, (r, random) -> {
            LatticeState state = engine.newState(initial, random);
            return engine.record(state, interval, duration, random);
        });
        return EnsembleSeries.of(runs);
    }

    @Override
    public String toString() {
        return "Ensemble[threads=" + threads + "]";
    }
}
