package org.phasebook.koopman;

import org.bytedeco.openblas.global.openblas;

/**
 * Runs OpenBLAS on one thread while Java threads call it in parallel.
 *
 * <p>OpenBLAS keeps one process-wide thread count (by default one thread per core). When two Java
 * workers each call a threaded OpenBLAS routine, the routines compete for the same OpenBLAS
 * threads: measured on 2 cores at {@code N = 500}, 2 workers took 140 ms per Hermitian
 * eigenvalue problem with OpenBLAS' default and 31 ms with one OpenBLAS thread. A one-thread
 * routine also gives results that do not depend on how OpenBLAS splits its work.
 *
 * <p>{@link #enter} sets the count to 1; the matching {@link #exit} of the last concurrent user
 * restores the count set before through JavaCPP, or OpenBLAS' own default when none was (the
 * environment variables {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS},
 * {@code OMP_NUM_THREADS}, else the number of processors), so that the GEMMs of EDMD run
 * threaded again afterwards. This touches state of the native library shared by the whole
 * process: other code calling OpenBLAS meanwhile also runs on one thread.
 */
final class SingleThreadedBlas {

    private static final Object LOCK = new Object();
    private static int users;
    private static int restore;

    private SingleThreadedBlas() {
    }

    /** Sets OpenBLAS to one thread; every call must be followed by one {@link #exit}. */
    static void enter() {
        synchronized (LOCK) {
            if (users == 0) {
                int previous = openblas.blas_get_num_threads();
                restore = previous > 0 ? previous : defaultThreads();
                openblas.blas_set_num_threads(1);
            }
            users++;
        }
    }

    /** Ends one {@link #enter}; the last one restores the thread count. */
    static void exit() {
        synchronized (LOCK) {
            if (users <= 0) {
                throw new IllegalStateException("exit() without enter()");
            }
            users--;
            if (users == 0) {
                openblas.blas_set_num_threads(restore);
            }
        }
    }

    /** OpenBLAS' default thread count, by its own rules. */
    static int defaultThreads() {
        for (String variable : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
            "OMP_NUM_THREADS"}) {
            String value = System.getenv(variable);
            if (value != null) {
                try {
                    int n = Integer.parseInt(value.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException ignored) {
                    // OpenBLAS ignores a value it cannot read, and so do we.
                }
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
