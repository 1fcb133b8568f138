package org.phasebook.nn;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One background thread that computes tasks in the order they were submitted. Trainers draw
 * the next step's noise on it in Java while libtorch computes the current step on the calling
 * thread; since the tasks run one after another, a generator that only they touch gives the same
 * numbers as drawing inline. The thread ends after a second without work, so an instance that is
 * dropped holds no thread and needs no closing.
 */
public final class DrawAhead {

    private final ThreadPoolExecutor thread;

    /**
     * A drawer whose thread has the given name.
     *
     * @param name the thread's name, shown in thread dumps
     */
    public DrawAhead(String name) {
        // At most one worker, with an unbounded queue: tasks run in submission order.
        thread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
    }

    /**
     * Queues a task after those already submitted.
     *
     * @param task the task
     * @param <T>  its result type
     * @return its future result
     */
    public <T> Future<T> submit(Callable<T> task) {
        return thread.submit(task);
    }

    /**
     * Waits for a result.
     *
     * @param result the future result
     * @param <T>    its type
     * @return the value
     * @throws IllegalStateException if the task failed or the wait was interrupted
     */
    public static <T> T join(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a draw made ahead", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a draw made ahead failed: " + e.getCause(),
                e.getCause());
        }
    }
}
