package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The composition–rejection site sampler against brute-force sums. */
class RateBinsTest {

    @Test
    void bookkeepingSurvivesRandomChanges() {
        SplittableRandom random = new SplittableRandom(1);
        for (double[] c : new double[][] {{1.1, 1.1, 0.1}, {0.0, 0.5, 3.0}, {1e-3, 7.0, 0.0}, {0, 0, 0}}) {
            int sites = 37;
            int[] counts = new int[2 * sites];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = random.nextInt(4);
            }
            RateBins bins = new RateBins(counts, c[0], c[1], c[2], Integer.MAX_VALUE);
            assertTrue(bins.consistent());
            for (int step = 0; step < 3000; step++) {
                int i = random.nextInt(sites);
                int a = counts[2 * i];
                int b = counts[2 * i + 1];
                // include large jumps, so that sites cross several octaves and groups empty
                counts[2 * i] = random.nextInt(8) == 0 ? random.nextInt(5000) : random.nextInt(3);
                counts[2 * i + 1] = random.nextInt(8) == 0 ? random.nextInt(5000) : random.nextInt(3);
                bins.changed(i, a, b);
                assertTrue(bins.consistent(), "step " + step);
            }
            double sum = 0;
            for (int i = 0; i < sites; i++) {
                sum += bins.rate(counts[2 * i], counts[2 * i + 1]);
            }
            assertEquals(sum, bins.totalRate(), 1e-12 * sum);
        }
    }

    @Test
    void drawsSitesInProportionToTheirRatesWithAUniformResidual() {
        // rates spanning four octaves, one empty site, one zero-rate site (predators only, cA = 0)
        int[] counts = {0, 0, 3, 0, 0, 1, 2, 5, 0, 9, 1, 1, 7, 2};
        RateBins bins = new RateBins(counts, 0.0, 0.75, 0.4, Integer.MAX_VALUE);
        int sites = counts.length / 2;
        double total = bins.totalRate();
        SplittableRandom random = new SplittableRandom(5);
        int trials = 300_000;
        long[] hits = new long[sites];
        long lowerHalf = 0;
        for (int k = 0; k < trials; k++) {
            int i = bins.draw(random);
            hits[i]++;
            double r = bins.rate(counts[2 * i], counts[2 * i + 1]);
            assertTrue(bins.residual >= 0 && bins.residual < r);
            if (bins.residual < r / 2) {
                lowerHalf++;
            }
        }
        double chi2 = 0;
        int dof = -1;
        for (int i = 0; i < sites; i++) {
            double expected = trials * bins.rate(counts[2 * i], counts[2 * i + 1]) / total;
            if (expected == 0) {
                assertEquals(0, hits[i], "a zero-rate site is never drawn");
            } else {
                chi2 += (hits[i] - expected) * (hits[i] - expected) / expected;
                dof++;
            }
        }
        assertEquals(4, dof);
        // 4 degrees of freedom: the 1e-5 quantile is about 25
        assertTrue(chi2 < 27, "chi^2 = " + chi2);
        // the residual is uniform in [0, r_i): half of it below r_i / 2
        assertEquals(0.5, (double) lowerHalf / trials, 4.5 * Math.sqrt(0.25 / trials));
    }
}
