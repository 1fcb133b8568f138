package org.phasebook.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * JShell's execution engine for the kernel: snippets run in the kernel's own JVM (so results
 * stay objects that can be rendered) on one long-lived evaluation thread.
 *
 * <p>One thread, not one per cell as in JShell's {@code LocalExecutionControl}, because state that
 * lives in thread-locals (a per-thread seeded generator, a cached buffer) must survive from one
 * cell to the next. Interrupting stops that thread's current work with {@link Thread#stop()}
 * (the only way to end a CPU-bound {@code while (true) {}} on Java 17) and catches the
 * resulting {@link ThreadDeath}, so the thread itself lives on.
 */
final class EvaluationThreadControl extends LocalExecutionControl {

    /** Stack of the evaluation thread: deep enough for recursive numerics, small enough to overflow fast. */
    private static final long STACK_BYTES = 64L << 20;

    /**
     * Tasks for the evaluation thread, guarded by its own monitor. Deliberately not a
     * java.util.concurrent queue: a {@link ThreadDeath} that lands inside a j.u.c lock leaves the
     * lock broken for good, while a synchronized block always releases its monitor.
     */
    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    /** Guards the decision to stop, so that a stop is only sent while user code runs. */
    private final Object stopLock = new Object();
    private volatile Thread evaluationThread;
    private volatile boolean userCodeRunning;
    private volatile boolean stopRequested;
    /** Whether a cell is being compiled or run: an interrupt then ends it, whichever phase it is in. */
    private volatile boolean cellActive;

    /** What the last invocation produced: its value, or what it threw. */
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;

    EvaluationThreadControl() {
        startThread();
    }

    private synchronized void startThread() {
        Thread t = new Thread(null, this::serve, "phasebook-eval", STACK_BYTES);
        t.setDaemon(true);
        evaluationThread = t;
        t.start();
    }

    private void serve() {
        while (true) {
            try {
                Runnable task;
                synchronized (work) {
                    while (work.isEmpty()) {
                        work.wait();
                    }
                    task = work.poll();
                }
                Thread.interrupted();  // an interrupt meant for the previous cell is not this one's
                task.run();
            } catch (Throwable late) {
                // A stop (ThreadDeath) or interrupt that arrived just after the user code ended,
                // while this thread was back in its own loop: nothing to undo, keep serving.
            }
        }
    }

    private void submit(Runnable task) {
        synchronized (work) {
            work.add(task);
            work.notifyAll();
        }
    }

    /** The thread that runs cells; the kernel's exit guard and output routing recognise it. */
    Thread evaluationThread() {
        return evaluationThread;
    }

    /** Runs arbitrary kernel work (such as rendering a value) on the evaluation thread. */
    <T> T callOnEvaluationThread(java.util.concurrent.Callable<T> task) throws Exception {
        if (Thread.currentThread() == evaluationThread) {
            return task.call();
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        submit(() -> {
            try {
                future.complete(task.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new RuntimeException(cause);
        }
    }

    /**
     * Marks the start of a cell: from now until {@link #endCell} an interrupt stops it, also while
     * JShell is still compiling it (a compilation can take seconds on a busy machine, and an
     * interrupt that arrived then used to be lost, so the cell ran on in full).
     */
    void beginCell() {
        synchronized (stopLock) {
            stopRequested = false;
            cellActive = true;
        }
    }

    /** Marks the end of a cell: an interrupt between cells concerns none. */
    void endCell() {
        synchronized (stopLock) {
            cellActive = false;
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastThrowable = null;
        if (stopRequested) {
            // Interrupted while this snippet was being compiled: do not start it.
            throw new ExecutionControl.StoppedException();
        }
        if (!evaluationThread.isAlive()) {
            startThread();
        }
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        submit(() -> {
            synchronized (stopLock) {
                if (stopRequested) {  // interrupted between the check above and now
                    outcome.completeExceptionally(new ThreadDeath());
                    return;
                }
                userCodeRunning = true;
            }
            try {
                outcome.complete(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                outcome.completeExceptionally(e.getCause());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            } finally {
                synchronized (stopLock) {
                    userCodeRunning = false;
                }
            }
        });
        Object value;
        try {
            value = waitFor(outcome, this);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ThreadDeath || stopRequested) {
                throw new ExecutionControl.StoppedException();
            }
            lastThrowable = cause;
            // Let JShell see an ordinary user exception; the kernel formats lastThrowable itself.
            throw new InvocationTargetException(cause);
        }
        lastValue = value;
        return "";
    }

    private static Object waitFor(CompletableFuture<Object> outcome, EvaluationThreadControl control)
            throws ExecutionException, ExecutionControl.StoppedException {
        long stoppedSince = 0;
        while (true) {
            try {
                return outcome.get(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException(e);
            } catch (java.util.concurrent.TimeoutException e) {
                // Cells may run for days. The one case to give up waiting: a stop landed in the
                // bookkeeping around the user code, so the outcome will never be completed.
                if (control.stopRequested && !control.userCodeRunning) {
                    if (stoppedSince == 0) {
                        stoppedSince = System.nanoTime();
                    } else if (System.nanoTime() - stoppedSince > 1_000_000_000L) {
                        throw new ExecutionControl.StoppedException();
                    }
                }
            }
        }
    }

    /**
     * Stops the running cell. Called from the control thread on {@code interrupt_request}.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        synchronized (stopLock) {
            if (!cellActive) {
                return;
            }
            stopRequested = true;
            if (!userCodeRunning) {
                return;  // still compiling: invoke() refuses to start the snippet
            }
            Thread t = evaluationThread;
            try {
                t.stop();
            } catch (UnsupportedOperationException newerJava) {
                // Java 20+ has no Thread.stop: an interrupt is all that can be done there, which
                // ends sleeping and waiting code but not a busy loop. The kernelspec runs Java 17.
                t.interrupt();
            }
        }
    }

    boolean wasStopped() {
        return stopRequested;
    }

    boolean isUserCodeRunning() {
        return userCodeRunning;
    }

    /** The value of the last snippet that ran, for rendering; {@code null} if none or if it failed. */
    Object lastValue() {
        return lastValue;
    }

    /** What the last snippet threw, exactly as thrown (JShell only keeps a copy of its text). */
    Throwable lastThrowable() {
        return lastThrowable;
    }

    /** Forgets the last value, so that a large result is not kept alive by the kernel. */
    void forgetLastValue() {
        lastValue = null;
        lastThrowable = null;
    }

    @Override
    protected void clientCodeEnter() {
        // userCodeRunning is maintained on the evaluation thread itself, see invoke.
    }

    @Override
    protected void clientCodeLeave() {
    }
}
