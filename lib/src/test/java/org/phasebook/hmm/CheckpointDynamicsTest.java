package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CheckpointDynamicsTest {

    @Test
    void measuresTheRunAndTheJacobiansOfEveryEveryThStep() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 1.6, 71));
        for (int every : new int[] {1, 3, 5}) {
            CheckpointDynamics m = CheckpointDynamics.measure(300, d, 101, every, CriticalityCriteria.STANDARD,
                    new SplittableRandom(72));
            // oracle: the same run, the Jacobians of t = 0, every, 2 every, ... <= 99, counted directly
            RnnTrajectory run = d.noisyTrajectory(101, 1.0, new SplittableRandom(72));
            int[] rows = IntStream.range(0, 100).filter(t -> t % every == 0).toArray();
            long hopf = 0;
            long unstable = 0;
            for (int t : rows) {
                JacobianSpectrum s = JacobianSpectrum.of(d, run.states()[t], run.inputs()[t + 1]);
                hopf += s.criticalPairs(CriticalityCriteria.STANDARD) > 0 ? 1 : 0;
                unstable += s.unstableCount() > 0 ? 1 : 0;
            }
            assertEquals(300, m.step());
            assertEquals(LocalStability.transitionRate(run.outputs()), m.transitionRate(), 0.0);
            assertEquals(hopf / (double) rows.length, m.hopfFraction(), 1e-15);
            assertEquals(unstable / (double) rows.length, m.unstableFraction(), 1e-15);
        }
    }

    @Test
    void theBifurcationIsTheFirstJumpOfTheHopfFractionAboveTheThreshold() {
        List<CheckpointDynamics> e = List.of(new CheckpointDynamics(0, 1, 0.0, 0), new CheckpointDynamics(100, 1, 0.01, 0),
                new CheckpointDynamics(200, 1, 0.05, 0), new CheckpointDynamics(300, 1, 0.5, 0));
        assertEquals(2, CheckpointDynamics.bifurcationIndex(e, 0.02));
        assertEquals(3, CheckpointDynamics.bifurcationIndex(e, 0.1));
        assertEquals(-1, CheckpointDynamics.bifurcationIndex(e, 0.5));
        assertEquals(-1, CheckpointDynamics.bifurcationIndex(List.of(), 0.02));
    }

    @Test
    void badArgumentsAreRejected() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(5, 2, 3, 1.0, 73));
        CategoricalHmmTest.assertMessage(() -> CheckpointDynamics.measure(0, d, 1, 5, CriticalityCriteria.STANDARD,
                new SplittableRandom(1)), "runSteps must be >= 2");
        CategoricalHmmTest.assertMessage(() -> CheckpointDynamics.measure(0, d, 10, 0, CriticalityCriteria.STANDARD,
                new SplittableRandom(1)), "every must be >= 1");
        assertThrows(IllegalArgumentException.class, () -> CheckpointDynamics.bifurcationIndex(List.of(), -1));
    }
}
