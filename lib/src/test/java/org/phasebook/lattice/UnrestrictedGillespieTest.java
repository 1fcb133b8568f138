package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;
import org.phasebook.systems.IntegrationSettings;

/**
 * The exact engine of the unrestricted Lotka–Volterra model: invariants, reproducibility, and
 * statistical checks against results that hold exactly for the Markov chain (pure birth and pure
 * death means, the law of the first event) or in the well-mixed limit of many particles.
 */
class UnrestrictedGillespieTest {

    private static final UnrestrictedLotkaVolterra PYMES_2D =
            UnrestrictedLotkaVolterra.square(0.1, 0.1, 0.1, 1.0, 16);

    @Test
    void totalsMatchTheSiteCountsAndTheSamplerStaysExact() {
        for (UnrestrictedLotkaVolterra model : new UnrestrictedLotkaVolterra[] {
            UnrestrictedLotkaVolterra.square(0.7, 0.4, 0.3, 1.0, 12),
            UnrestrictedLotkaVolterra.ring(0.7, 0.4, 0.3, 0.5, 37),
            UnrestrictedLotkaVolterra.square(1.0, 0.5, 2.0, 0.0, 5),
        }) {
            UnrestrictedGillespie sim = UnrestrictedGillespie.poissonStart(model, 1.0, 2.0, 11L);
            assertTrue(sim.consistent());
            long before = sim.events();
            for (int k = 0; k < 200 && sim.totalRate() > 0; k++) {
                sim.runEvents(500);
                assertTrue(sim.consistent(), "counts, totals and rate groups disagree after " + sim.events()
                        + " events of " + model);
                long a = Arrays.stream(sim.predatorCounts()).asLongStream().sum();
                long b = Arrays.stream(sim.preyCounts()).asLongStream().sum();
                assertEquals(a, sim.predators());
                assertEquals(b, sim.prey());
                assertTrue(Arrays.stream(sim.predatorCounts()).allMatch(c -> c >= 0));
                assertTrue(Arrays.stream(sim.preyCounts()).allMatch(c -> c >= 0));
            }
            assertTrue(sim.events() > before + 10_000, "the run should not have died out: " + sim);
        }
    }

    @Test
    void sameSeedSameRunAndSlicingDoesNotMatter() {
        UnrestrictedGillespie one = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 42L);
        UnrestrictedGillespie two = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 42L);
        DensitySeries s1 = one.record(0.5, 30.0);
        DensitySeries s2 = two.record(0.5, 30.0);
        assertEquals(s1, s2);
        assertArrayEquals(one.predatorCounts(), two.predatorCounts());
        assertArrayEquals(one.preyCounts(), two.preyCounts());

        // the pending event time survives advanceTo: one call or 300 give the same trajectory
        UnrestrictedGillespie whole = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 7L);
        UnrestrictedGillespie sliced = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 7L);
        whole.advanceTo(30.0);
        for (int k = 1; k <= 300; k++) {
            sliced.advanceTo(0.1 * k);
        }
        sliced.advanceTo(30.0);
        assertEquals(whole.events(), sliced.events());
        assertArrayEquals(whole.predatorCounts(), sliced.predatorCounts());
        assertArrayEquals(whole.preyCounts(), sliced.preyCounts());
        assertEquals(30.0, whole.time());

        UnrestrictedGillespie other = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 43L);
        assertNotEquals(s1, other.record(0.5, 30.0));
    }

    @Test
    void recordSamplesTheRunningDensities() {
        UnrestrictedGillespie sim = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.5, 1.0, 5L);
        double a0 = sim.predatorDensity();
        DensitySeries s = sim.record(2.0, 10.0);
        assertEquals(6, s.size());
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, s.times(), 0.0);
        assertEquals(a0, s.density(LotkaVolterra.PREDATOR, 0));
        assertEquals(sim.predators() / 256.0, s.density(LotkaVolterra.PREDATOR, 5));
        assertEquals(sim.prey() / 256.0, s.density(LotkaVolterra.PREY, 5));
        assertEquals(10.0, sim.time());
    }

    @Test
    void recordingCanStopAtAnExtinction() {
        // pure predator death, no prey: the prey are extinct from the start
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(0.5, 1.0, 0.2, 1.0, 8);
        int[] one = new int[8];
        Arrays.fill(one, 1);
        UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, one, new int[8], 3L);
        DensitySeries cut = sim.record(1.0, 50.0, true);
        assertEquals(1, cut.size(), "prey extinct at the first sample");
        // predators die out within a few units of 1/mu; prey alone would then grow forever
        UnrestrictedGillespie both = UnrestrictedGillespie.fromCounts(model, one, one, 4L);
        DensitySeries series = both.record(1.0, 1e6, true);
        assertTrue(series.size() < 1e6, "stopped at " + series.size());
        int last = series.size() - 1;
        assertTrue(series.density(1, last) == 0 || series.density(2, last) == 0);
        assertTrue(series.density(1, last - 1) > 0 && series.density(2, last - 1) > 0);
        assertEquals(series.times()[last], both.time());
        // without the stop, a full-length run of a coexisting pair keeps every sample
        UnrestrictedGillespie full = UnrestrictedGillespie.fromCounts(model, one, one, 4L);
        assertEquals(11, full.record(1.0, 10.0, false).size());
    }

    /** Pure birth (Yule process): E[B(t)] = B0 e^(sigma t) exactly, whatever the hopping. */
    @Test
    void pureBirthGrowsAsTheExponentialOnAverage() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.square(1.0, 0.0, 0.0, 1.0, 16);
        int runs = 200;
        int b0 = 256;
        double t = 1.0;
        double sum = 0;
        for (int r = 0; r < runs; r++) {
            int[] prey = new int[256];
            Arrays.fill(prey, 1);
            UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, new int[256], prey, 100L + r);
            sim.advanceTo(t);
            sum += sim.prey();
        }
        double expected = b0 * Math.exp(t);
        // Var B(t) = B0 e^(sigma t) (e^(sigma t) - 1) for a Yule process
        double se = Math.sqrt(b0 * Math.exp(t) * (Math.exp(t) - 1) / runs);
        assertEquals(expected, sum / runs, 4.5 * se, "a rate off by 2% would be ~4 se away");
    }

    /** Pure death: E[A(t)] = A0 e^(-mu t), binomial thinning. */
    @Test
    void pureDeathDecaysAsTheExponentialOnAverage() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(0.0, 1.0, 0.0, 1.0, 64);
        int runs = 200;
        double t = 1.0;
        double sum = 0;
        for (int r = 0; r < runs; r++) {
            int[] predators = new int[64];
            Arrays.fill(predators, 8);
            UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, predators, new int[64], 900L + r);
            sim.advanceTo(t);
            sum += sim.predators();
        }
        double p = Math.exp(-t);
        double se = Math.sqrt(512 * p * (1 - p) / runs);
        assertEquals(512 * p, sum / runs, 4.5 * se);
    }

    /**
     * The first event of a fixed state: its kind has probability (rate of that channel) / R, and
     * its time has mean 1/R. Predation is per on-site pair, lambda sum_i a_i b_i; a rate per site
     * instead (lambda times the number of sites holding both species) would be 25 times the
     * standard error away.
     */
    @Test
    void firstEventFollowsTheChannelRatesWithPredationPerPair() {
        double sigma = 0.7;
        double mu = 0.4;
        double lambda = 0.3;
        double hop = 0.5;
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(sigma, mu, lambda, hop, 5);
        int[] a = {3, 0, 2, 5, 1};
        int[] b = {4, 6, 0, 2, 3};
        long sumA = 11;
        long sumB = 15;
        long pairs = 3 * 4 + 5 * 2 + 1 * 3;
        double total = mu * sumA + sigma * sumB + lambda * pairs + hop * (sumA + sumB);
        int trials = 40_000;
        long[] kinds = new long[4]; // death, birth, predation, hop
        double meanTime = 0;
        for (int k = 0; k < trials; k++) {
            UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, a, b, 5000L + k);
            assertEquals(total, sim.totalRate(), 1e-12);
            sim.runEvents(1);
            meanTime += sim.time() / trials;
            long dA = sim.predators() - sumA;
            long dB = sim.prey() - sumB;
            if (dA == -1 && dB == 0) {
                kinds[0]++;
            } else if (dA == 0 && dB == 1) {
                kinds[1]++;
            } else if (dA == 1 && dB == -1) {
                kinds[2]++;
            } else {
                assertEquals(0, dA);
                assertEquals(0, dB);
                kinds[3]++;
            }
        }
        double[] p = {mu * sumA / total, sigma * sumB / total, lambda * pairs / total,
            hop * (sumA + sumB) / total};
        for (int c = 0; c < 4; c++) {
            double se = Math.sqrt(p[c] * (1 - p[c]) / trials);
            assertEquals(p[c], (double) kinds[c] / trials, 4.5 * se, "channel " + c);
        }
        double perSite = lambda * 3 / (total - lambda * pairs + lambda * 3);
        double se = Math.sqrt(p[2] * (1 - p[2]) / trials);
        assertTrue(Math.abs(perSite - (double) kinds[2] / trials) > 25 * se,
                "the test must be able to tell a per-site predation rate from a per-pair one");
        assertEquals(1 / total, meanTime, 4.5 / (total * Math.sqrt(trials)), "mean waiting time 1/R");
    }

    /** Without hopping, the site of the first event is drawn with probability r_i / R. */
    @Test
    void firstEventSiteFollowsTheSiteRates() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.square(0.7, 0.4, 0.3, 0.0, 3);
        int[] a = {3, 0, 2, 5, 1, 0, 0, 4, 1};
        int[] b = {4, 6, 0, 2, 3, 0, 1, 0, 9};
        double total = 0;
        for (int i = 0; i < 9; i++) {
            total += model.siteRate(a[i], b[i]);
        }
        int trials = 30_000;
        long[] hits = new long[9];
        for (int k = 0; k < trials; k++) {
            UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, a, b, 77_000L + k);
            sim.runEvents(1);
            int changed = -1;
            for (int i = 0; i < 9; i++) {
                if (sim.predatorsAt(i) != a[i] || sim.preyAt(i) != b[i]) {
                    assertEquals(-1, changed, "one reaction changes one site");
                    changed = i;
                }
            }
            hits[changed]++;
        }
        double chi2 = 0;
        int dof = -1;
        for (int i = 0; i < 9; i++) {
            double expected = trials * model.siteRate(a[i], b[i]) / total;
            if (expected == 0) {
                assertEquals(0, hits[i], "an empty site never reacts");
            } else {
                chi2 += (hits[i] - expected) * (hits[i] - expected) / expected;
                dof++;
            }
        }
        assertEquals(7, dof);
        // 7 degrees of freedom: the 1e-5 quantile is about 33
        assertTrue(chi2 < 35, "chi^2 = " + chi2 + " with " + dof + " degrees of freedom");
    }

    /**
     * A single site with thousands of particles is well mixed, and over a short time (a sixth of
     * a cycle) its mean follows the rate equations up to O(1/n): the covariance of A and B shifts
     * the predation term by about lambda Cov(A, B) t, a few tenths of a percent here.
     */
    @Test
    void aLargeWellMixedSiteFollowsTheRateEquations() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(1.0, 1.0, 0.001, 0.0, 1);
        double t = 1.0;
        double[] ode = new DormandPrince853(IntegrationSettings.defaults())
                .advance(model.meanField(), 0.0, new double[] {500, 1000}, t);
        int runs = 300;
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        for (int r = 0; r < runs; r++) {
            UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, new int[] {500},
                    new int[] {1000}, 31L * r + 1);
            sim.advanceTo(t);
            double[] x = {sim.predators(), sim.prey()};
            for (int k = 0; k < 2; k++) {
                sum[k] += x[k];
                sumSq[k] += x[k] * x[k];
            }
        }
        for (int k = 0; k < 2; k++) {
            double mean = sum[k] / runs;
            double se = Math.sqrt((sumSq[k] / runs - mean * mean) / (runs - 1));
            assertEquals(ode[k], mean, 4.5 * se + 0.005 * ode[k], (k == 0 ? "A" : "B") + "(t = 1)");
        }
        // the ODE moved far from the start, so the band is a real test
        assertTrue(ode[0] > 600 && ode[1] > 1300, Arrays.toString(ode));
    }

    @Test
    void aSiteThatWouldOverflowFailsClearly() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(1.0, 0.0, 0.0, 0.0, 1);
        UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, new int[] {0},
                new int[] {UnrestrictedGillespie.MAX_OCCUPANCY}, 1L);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runEvents(1));
        assertTrue(e.getMessage().contains("MAX_OCCUPANCY"), e.getMessage());
    }

    @Test
    void frozenSystemsAndSingleSitesWork() {
        UnrestrictedLotkaVolterra frozen = UnrestrictedLotkaVolterra.square(0, 0, 0, 0, 4);
        UnrestrictedGillespie sim = UnrestrictedGillespie.poissonStart(frozen, 1, 1, 3L);
        assertEquals(0.0, sim.totalRate());
        sim.advanceTo(100);
        assertEquals(0, sim.events());
        assertEquals(100.0, sim.time());
        assertEquals(0, sim.runEvents(10));
        // L = 1: hops return to the site and change nothing, but count as events
        UnrestrictedLotkaVolterra hopOnly = UnrestrictedLotkaVolterra.square(0, 0, 0, 2.0, 1);
        UnrestrictedGillespie one = UnrestrictedGillespie.fromCounts(hopOnly, new int[] {3}, new int[] {4}, 9L);
        one.runEvents(1000);
        assertEquals(1000, one.events());
        assertEquals(3, one.predators());
        assertEquals(4, one.prey());
        assertTrue(one.consistent());
        // 1000 events at rate 14: the time is close to 1000/14
        assertEquals(1000 / 14.0, one.time(), 5 * Math.sqrt(1000) / 14.0);
    }

    @Test
    void poissonStartHasTheRequestedMeans() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.square(0.1, 0.1, 0.1, 1.0, 200);
        UnrestrictedGillespie sim = UnrestrictedGillespie.poissonStart(model, 0.01, 45.0, 8L);
        int n = 40_000;
        assertEquals(0.01, sim.predatorDensity(), 4.5 * Math.sqrt(0.01 / n));
        assertEquals(45.0, sim.preyDensity(), 4.5 * Math.sqrt(45.0 / n));
        // Poisson: variance = mean, per site
        double mean = sim.preyDensity();
        double var = Arrays.stream(sim.preyCounts()).mapToDouble(c -> (c - mean) * (c - mean)).sum() / (n - 1);
        assertEquals(45.0, var, 45.0 * 4.5 * Math.sqrt(2.0 / n));
    }

    @Test
    void snapshotsMarkTheSpecies() {
        UnrestrictedLotkaVolterra model = UnrestrictedLotkaVolterra.ring(1, 1, 1, 1, 5);
        UnrestrictedGillespie sim = UnrestrictedGillespie.fromCounts(model, new int[] {0, 2, 0, 3, 1},
                new int[] {0, 0, 4, 3, 2}, 1L);
        assertArrayEquals(new byte[] {0, 1, 2, 1, 2}, sim.dominantSpecies());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 3}, sim.presence());
        assertArrayEquals(new int[] {0, 2, 0, 3, 1}, sim.predatorCounts());
        assertEquals(4, sim.preyAt(2));
        assertThrows(IllegalArgumentException.class, () -> sim.preyAt(5));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnrestrictedGillespie.poissonStart(PYMES_2D, -0.1, 1, 1L));
        assertTrue(e.getMessage().contains("predatorDensity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UnrestrictedGillespie.poissonStart(PYMES_2D, 0.1, Double.NaN, 1L));
        assertTrue(e.getMessage().contains("preyDensity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UnrestrictedGillespie.fromCounts(PYMES_2D, new int[3], new int[256], 1L));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
        int[] negative = new int[256];
        negative[7] = -1;
        e = assertThrows(IllegalArgumentException.class,
                () -> UnrestrictedGillespie.fromCounts(PYMES_2D, negative, new int[256], 1L));
        assertTrue(e.getMessage().contains("predators[7] = -1"), e.getMessage());
        UnrestrictedGillespie sim = UnrestrictedGillespie.poissonStart(PYMES_2D, 0.1, 1, 1L);
        assertThrows(IllegalArgumentException.class, () -> sim.advanceTo(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sim.record(0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> sim.record(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> sim.runEvents(-1));
    }
}
