package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShiftInvertLanczosTest {

    @Test
    void valuesDoNotDependOnWhatTheKernelComputedBefore() {
        ShiftInvertLanczos.Operators ops =
                new ShiftInvertLanczos.Operators(KoopmanExamples.nonlinear(30).qrForm());
        SingleThreadedBlas.enter();
        try (ShiftInvertLanczos fresh = new ShiftInvertLanczos(ops, ShiftInvertLanczos.MAX_STEPS);
                ShiftInvertLanczos used = new ShiftInvertLanczos(ops,
                        ShiftInvertLanczos.MAX_STEPS)) {
            used.tau(0.9, 0.4);
            used.tau(-0.2, 1.3);
            assertEquals(fresh.tau(0.3, 0.1), used.tau(0.3, 0.1));
            int steps = fresh.lastSteps();
            assertTrue(steps >= 2 && steps <= 30, "Lanczos steps " + steps);
        } finally {
            SingleThreadedBlas.exit();
        }
    }

    @Test
    void fallsBackOnZheevrWhenLanczosIsCappedAndAgrees() {
        ShiftInvertLanczos.Operators ops =
                new ShiftInvertLanczos.Operators(KoopmanExamples.nonlinear(30).qrForm());
        SingleThreadedBlas.enter();
        try (ShiftInvertLanczos lanczos = new ShiftInvertLanczos(ops, 100);
                ShiftInvertLanczos capped = new ShiftInvertLanczos(ops, 2)) {
            double expected = lanczos.tau(-0.4, 0.7);
            double fallback = capped.tau(-0.4, 0.7);
            assertEquals(0, capped.lastSteps(), "took the fallback");
            assertEquals(expected, fallback, 1e-11 * expected);
        } finally {
            SingleThreadedBlas.exit();
        }
    }

    @Test
    void oneFunctionDictionaryGivesTheScalarResidual() {
        // N = 1: tau(z) = sqrt(|a - z|^2 + b^2).
        QrForm form = new QrForm(new double[][] {{1}}, new double[][] {{0.6}},
                new double[][] {{0.3}});
        SingleThreadedBlas.enter();
        try (ShiftInvertLanczos kernel = new ShiftInvertLanczos(
                new ShiftInvertLanczos.Operators(form), 10)) {
            assertEquals(Math.hypot(Math.hypot(0.6 - 0.1, 0.2), 0.3), kernel.tau(0.1, 0.2),
                    1e-15);
        } finally {
            SingleThreadedBlas.exit();
        }
    }
}
