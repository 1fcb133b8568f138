package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

class SingleThreadedBlasTest {

    @Test
    void nestedUsersRestoreTheThreadCountOnlyAtTheEnd() {
        // The count last set through JavaCPP, or -1 if none was: then OpenBLAS' default.
        int before = openblas.blas_get_num_threads();
        int expected = before > 0 ? before : SingleThreadedBlas.defaultThreads();
        SingleThreadedBlas.enter();
        SingleThreadedBlas.enter();
        assertEquals(1, openblas.blas_get_num_threads());
        SingleThreadedBlas.exit();
        assertEquals(1, openblas.blas_get_num_threads(), "one user is still inside");
        SingleThreadedBlas.exit();
        assertEquals(expected, openblas.blas_get_num_threads());
    }

    @Test
    void exitWithoutEnterIsAnError() {
        assertThrows(IllegalStateException.class, SingleThreadedBlas::exit);
    }

    @Test
    void defaultIsAtLeastOneThread() {
        assertTrue(SingleThreadedBlas.defaultThreads() >= 1);
    }
}
