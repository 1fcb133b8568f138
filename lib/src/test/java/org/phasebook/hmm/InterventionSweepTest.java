package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.phasebook.random.SeedSequence;

class InterventionSweepTest {

    @Test
    void switchRateCountsChangesPerStep() {
        assertEquals(0.5, InterventionSweep.switchRate(new int[] {0, 0, 2, 2, 0}), 0.0);
        assertEquals(1.0, InterventionSweep.switchRate(new int[] {0, 1}), 0.0);
        assertEquals(0.0, InterventionSweep.switchRate(new int[] {2, 2, 2}), 0.0);
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.switchRate(new int[] {1}), "T >= 2 steps, got 1");
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(10, 3, 3, 1.5, 41));
        int[] outputs = d.noisyTrajectory(400, 1.0, new SplittableRandom(42)).outputs();
        assertEquals(InterventionSweep.switchRate(outputs), InterventionSweep.switchRate(d, 400, new SplittableRandom(42)), 0.0);
    }

    @Test
    void sweepGivesMeanAndSdOverReplicatesForEveryArmAndGain() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(10, 3, 3, 1.5, 43));
        int[] all = IntStream.range(0, 10).toArray();
        List<DoubleFunction<Intervention>> arms = List.of(mu -> Intervention.kick(new int[] {1, 4}, mu),
                mu -> new Intervention(Intervention.Kind.INPUT, mu, all));
        double[] mus = {0, 1};
        SeedSequence seeds = new SeedSequence(44);
        AtomicInteger steps = new AtomicInteger();
        MeanSd[][] rates = InterventionSweep.switchRates(d, arms, mus, 300, 3, seeds, steps::incrementAndGet);
        assertEquals(4, steps.get(), "one step per arm and gain");
        assertEquals(2, rates.length);
        assertEquals(2, rates[0].length);
        double[] intact = IntStream.range(0, 3).mapToDouble(r -> InterventionSweep.switchRate(d, 300, seeds.generator(r))).toArray();
        assertEquals(MeanSd.of(intact), rates[0][1], "mu = 1 is the intact network, replicate r on stream r");
        assertEquals(MeanSd.of(intact), rates[1][1]);
        // without noise input a network without biases stays at h = 0: one output, no switch
        assertEquals(new MeanSd(0.0, 0.0, 3), rates[1][0]);
        RnnDynamics ablated = Intervention.kick(new int[] {1, 4}, 0).applyTo(d);
        double[] manual = IntStream.range(0, 3).mapToDouble(r -> InterventionSweep.switchRate(ablated, 300, seeds.generator(r))).toArray();
        assertEquals(MeanSd.of(manual), rates[0][0]);
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.switchRates(d, arms, mus, 300, 0, seeds, () -> { }),
                "replicas must be >= 1, got 0");
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.switchRates(d, arms, mus, 1, 2, seeds, () -> { }),
                "steps must be >= 2, got 1");
    }

    @Test
    void randomUnitsAreDistinctOutsideTheExcludedAndUniform() {
        int[] excluded = {0, 3, 7};
        int[] first = InterventionSweep.randomUnits(10, excluded, 4, new SplittableRandom(5));
        assertArrayEquals(first, InterventionSweep.randomUnits(10, excluded, 4, new SplittableRandom(5)), "seeded");
        assertEquals(4, Arrays.stream(first).distinct().count());
        int[] counts = new int[10];
        int draws = 20_000;
        SplittableRandom random = new SplittableRandom(6);
        for (int n = 0; n < draws; n++) {
            for (int u : InterventionSweep.randomUnits(10, excluded, 4, random)) {
                counts[u]++;
            }
        }
        for (int u : excluded) {
            assertEquals(0, counts[u], "excluded unit " + u + " is never drawn");
        }
        double p = 4.0 / 7.0;       // each of the 7 other units is in a draw of 4 with probability 4/7
        for (int u : new int[] {1, 2, 4, 5, 6, 8, 9}) {
            HmmTesting.assertWithinBand("draws of unit " + u, p, counts[u] / (double) draws, Math.sqrt(p * (1 - p) / draws));
        }
        assertEquals(0, InterventionSweep.randomUnits(10, excluded, 0, new SplittableRandom(5)).length);
        assertFalse(Arrays.equals(first, InterventionSweep.randomUnits(10, excluded, 4, new SplittableRandom(8))));
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.randomUnits(10, excluded, 8, new SplittableRandom(5)),
                "count must be in [0, 7]");
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.randomUnits(10, new int[] {10}, 1, new SplittableRandom(5)),
                "excluded units must be in [0, 9], got 10");
        assertTrue(Arrays.stream(first).allMatch(u -> u >= 0 && u < 10));
    }

    @Test
    void criticalPairsOfEachArmAndGainAreThoseOfItsOwnRun() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(12, 4, 3, 1.5, 45));
        List<DoubleFunction<Intervention>> arms = List.of(mu -> Intervention.kick(new int[] {2, 5, 7}, mu),
                mu -> Intervention.kick(new int[] {0, 1}, mu));
        double[] mus = {0, 1, 2};
        SeedSequence seeds = new SeedSequence(46);
        AtomicInteger calls = new AtomicInteger();
        MeanSd[][] pairs = InterventionSweep.criticalPairs(d, arms, mus, 400, 5, CriticalityCriteria.ABLATION,
                seeds, calls::incrementAndGet);
        assertEquals(6, calls.get());
        for (int a = 0; a < arms.size(); a++) {
            for (int m = 0; m < mus.length; m++) {
                // oracle: the eager computation over every Jacobian of the same run
                RnnDynamics modified = arms.get(a).apply(mus[m]).applyTo(d);
                RnnTrajectory run = modified.noisyTrajectory(400, InterventionSweep.SIGMA, seeds.generator(0));
                MeanSd expected = LocalStability.criticalPairsAroundSwitches(LocalStability.noisySpectra(modified, run),
                        run.outputs(), 5, CriticalityCriteria.ABLATION);
                assertEquals(expected, pairs[a][m]);
            }
        }
        assertTrue(pairs[0][1].count() > 0, "the intact random network switches");
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.criticalPairs(d, arms, mus, 10, 5,
                CriticalityCriteria.ABLATION, seeds, () -> { }), "steps must be >= 2 halfWindow + 1 = 11");
        CategoricalHmmTest.assertMessage(() -> InterventionSweep.criticalPairs(d, arms, mus, 100, 0,
                CriticalityCriteria.ABLATION, seeds, () -> { }), "halfWindow must be >= 1");
    }
}
