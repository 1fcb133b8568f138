package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.Lorenz;

class LorenzGeneratorTest {

    private static LorenzDataset quick;

    @BeforeAll
    static void generate() {
        quick = LorenzGenerator.generate(LorenzRecipe.quick());
    }

    /**
     * SplittableRandom(seed) written out by hand (SplitMix64: the seed advances by the golden
     * gamma, the output is Stafford's mix 13, doubles take the top 53 bits), so that the draw
     * order is checked against the recipe rather than against the class under test.
     */
    private static final class HandSplitMix {
        private long state;

        HandSplitMix(long seed) {
            state = seed;
        }

        double nextDouble() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }

    /** The recipe's count for one draw, written independently: scan the CDF term by term. */
    private static int count(double lambda, double u) {
        double term = Math.exp(-lambda);
        double cdf = term;
        for (int k = 0; k < 100; k++) {
            if (u <= cdf) {
                return k;
            }
            term = term * lambda / (k + 1);
            cdf += term;
        }
        return 100;
    }

    @Test
    void theHandWrittenStreamIsJavasSplittableRandom() {
        HandSplitMix hand = new HandSplitMix(0L);
        SplittableRandom jdk = new SplittableRandom(0L);
        for (int i = 0; i < 1000; i++) {
            assertEquals(jdk.nextDouble(), hand.nextDouble());
        }
    }

    @Test
    void readoutAndFirstTrialsReproduceTheDrawOrder() {
        LorenzRecipe r = LorenzRecipe.quick();
        HandSplitMix u = new HandSplitMix(r.seed());
        double[][] readout = quick.readout();
        for (int n = 0; n < r.neurons(); n++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(2.0 * u.nextDouble() - 1.0, readout[n][k], "C[" + n + "][" + k + "]");
            }
        }
        double[][][] rates = quick.conditionRates();
        int[][][] train = quick.spikes(Split.TRAIN);
        int[][][] eval = quick.spikes(Split.EVAL);
        // Condition 0: repeats 0..5 are train trials 0..5, repeats 6..7 eval trials 0..1.
        for (int rep = 0; rep < r.repeats(); rep++) {
            int[][] trial = rep < r.trainRepeats() ? train[rep] : eval[rep - r.trainRepeats()];
            for (int t = 0; t < r.bins(); t++) {
                for (int n = 0; n < r.neurons(); n++) {
                    assertEquals(count(rates[0][t][n], u.nextDouble()), trial[t][n],
                            "condition 0, repeat " + rep + ", bin " + t + ", neuron " + n);
                }
            }
        }
        // Condition 1 follows condition 0 in the same stream.
        int[][] first = train[r.trainRepeats()];
        for (int n = 0; n < r.neurons(); n++) {
            assertEquals(count(rates[1][0][n], u.nextDouble()), first[0][n]);
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherSpikesSameLatents() {
        assertTrue(quick.sameContent(LorenzGenerator.generate(LorenzRecipe.quick())));
        LorenzDataset other = LorenzGenerator.generate(LorenzRecipe.quick().withSeed(1L));
        assertFalse(quick.sameContent(other));
        assertFalse(Arrays.deepEquals(quick.spikes(Split.TRAIN), other.spikes(Split.TRAIN)));
        assertTrue(Arrays.deepEquals(quick.conditionStates(), other.conditionStates()));
    }

    @Test
    void conditionsAreStretchesOfOneOrbitAfterTheTransient() {
        Lorenz flow = Lorenz.classical();
        double[][] orbit = new RungeKutta4(0.01).orbit(flow, 0.0, new double[] {0.0, 1.0, 1.05},
                2000 + 50 * 2 + 2 * 49);
        double[][][] x = quick.conditionStates();
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 50; t++) {
                assertArrayEquals(orbit[2000 + 50 * c + 2 * t], x[c][t], "c " + c + ", t " + t);
            }
        }
        // Consecutive conditions overlap by 25 bins (50 steps apart, 2 steps per bin).
        assertArrayEquals(x[4][25], x[5][0]);
    }

    @Test
    void normalisationAndVelocityFollowTheirDefinitions() {
        LorenzRecipe r = LorenzRecipe.quick();
        double[][][] x = quick.conditionStates();
        double[][][] xn = quick.conditionNormalisedStates();
        double[][][] v = quick.conditionVelocities();
        double[] mean = new double[3];
        for (double[][] cond : x) {
            for (double[] s : cond) {
                for (int k = 0; k < 3; k++) {
                    mean[k] += s[k];
                }
            }
        }
        double[] f = new double[3];
        double[] maxAbs = new double[3];
        for (int k = 0; k < 3; k++) {
            mean[k] /= r.conditions() * r.bins();
            assertEquals(mean[k], quick.mean()[k], 1e-12 * Math.abs(mean[k]) + 1e-12);
        }
        double[] scale = quick.scale();
        for (int c = 0; c < r.conditions(); c++) {
            for (int t = 0; t < r.bins(); t++) {
                Lorenz.classical().derivative(0.0, x[c][t], f);
                for (int k = 0; k < 3; k++) {
                    assertEquals((x[c][t][k] - quick.mean()[k]) / scale[k], xn[c][t][k]);
                    assertEquals(f[k] / scale[k], v[c][t][k]);
                    maxAbs[k] = Math.max(maxAbs[k], Math.abs(xn[c][t][k]));
                }
            }
        }
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, maxAbs, "extremes of x~ attained");
    }

    @Test
    void ratesFollowTheReadoutFormulaAndStayInTheirBounds() {
        double[][] readout = quick.readout();
        double[][][] xn = quick.conditionNormalisedStates();
        double[][][] rates = quick.conditionRates();
        double lo = 0.3 * Math.exp(-3.0);
        double hi = 0.3 * Math.exp(3.0);
        for (int c = 0; c < rates.length; c++) {
            for (int t = 0; t < rates[c].length; t++) {
                for (int n = 0; n < readout.length; n++) {
                    double s = readout[n][0] * xn[c][t][0] + readout[n][1] * xn[c][t][1]
                            + readout[n][2] * xn[c][t][2];
                    double expected = Math.exp(Math.log(0.3) + s);
                    assertEquals(expected, rates[c][t][n]);
                    assertTrue(rates[c][t][n] >= lo && rates[c][t][n] <= hi);
                }
            }
        }
        for (double[] row : readout) {
            for (double cnk : row) {
                assertTrue(cnk >= -1.0 && cnk < 1.0);
            }
        }
        // Per-trial rates repeat the condition's rates.
        int[] cond = quick.conditions(Split.EVAL);
        double[][][] evalRates = quick.rates(Split.EVAL);
        assertArrayEquals(rates[cond[5]][7], evalRates[5][7]);
    }

    @Test
    void countsHavePoissonMeansAndVariancesInEveryRateBand() {
        // A bespoke recipe with many repeats gives each band enough counts for a sharp test.
        LorenzDataset d = LorenzGenerator.generate(new LorenzRecipe(16, 40, 32, 24, 40, 10, 7L));
        double[] edges = {0.0, 0.15, 0.25, 0.35, 0.5, 0.8, 100.0};
        int bands = edges.length - 1;
        double[] sumDiff = new double[bands];
        double[] sumLambda = new double[bands];
        double[] sumSqDiff = new double[bands];
        double[] varOfSq = new double[bands];
        long[] n = new long[bands];
        for (Split split : Split.values()) {
            int[][][] spikes = d.spikes(split);
            double[][][] rates = d.rates(split);
            for (int i = 0; i < spikes.length; i++) {
                for (int t = 0; t < spikes[i].length; t++) {
                    for (int k = 0; k < spikes[i][t].length; k++) {
                        double lambda = rates[i][t][k];
                        int b = 0;
                        while (lambda >= edges[b + 1]) {
                            b++;
                        }
                        double e = spikes[i][t][k] - lambda;
                        sumDiff[b] += e;
                        sumLambda[b] += lambda;
                        // E[(k - l)^2] = l, Var[(k - l)^2] = l + 2 l^2 for Poisson(l).
                        sumSqDiff[b] += e * e - lambda;
                        varOfSq[b] += lambda + 2 * lambda * lambda;
                        n[b]++;
                    }
                }
            }
        }
        for (int b = 0; b < bands; b++) {
            if (n[b] < 2000) {
                continue;
            }
            double zMean = sumDiff[b] / Math.sqrt(sumLambda[b]);
            double zVar = sumSqDiff[b] / Math.sqrt(varOfSq[b]);
            assertTrue(Math.abs(zMean) < 4.5, "band " + b + ": mean z = " + zMean);
            assertTrue(Math.abs(zVar) < 4.5, "band " + b + ": variance z = " + zVar);
        }
    }

    @Test
    void inverseCdfHandlesTheEdges() {
        double lambda = 0.7;
        double p0 = Math.exp(-lambda);
        assertEquals(0, LorenzGenerator.poissonInverseCdf(lambda, 0.0));
        assertEquals(0, LorenzGenerator.poissonInverseCdf(lambda, p0));
        assertEquals(1, LorenzGenerator.poissonInverseCdf(lambda, Math.nextUp(p0)));
        assertEquals(0, LorenzGenerator.poissonInverseCdf(0.0, 0.999));
        assertEquals(100, LorenzGenerator.poissonInverseCdf(1000.0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> LorenzGenerator.poissonInverseCdf(-0.1, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> LorenzGenerator.poissonInverseCdf(1.0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> LorenzGenerator.poissonInverseCdf(Double.NaN, 0.5));
    }

    @Test
    void nlbViewsAreSlicesOfTheSpikes() {
        LorenzRecipe r = LorenzRecipe.quick();
        int[][][] all = quick.spikes(Split.EVAL);
        int[][][] heldout = quick.heldout(Split.EVAL);
        int[][][] heldinForward = quick.heldinForward(Split.EVAL);
        assertEquals(r.evalTrials(), heldout.length);
        assertEquals(r.observedBins(), heldout[0].length);
        assertEquals(r.heldOut(), heldout[0][0].length);
        assertEquals(r.forwardBins(), heldinForward[0].length);
        assertEquals(all[3][12][r.heldIn() + 2], heldout[3][12][2]);
        assertEquals(all[3][r.observedBins() + 4][5], heldinForward[3][4][5]);
        assertEquals(all[0][r.bins() - 1][r.neurons() - 1],
                quick.heldoutForward(Split.EVAL)[0][r.forwardBins() - 1][r.heldOut() - 1]);
        assertEquals(all[9][0][0], quick.heldin(Split.EVAL)[9][0][0]);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, Arrays.copyOf(quick.conditions(Split.EVAL), 5));
        assertArrayEquals(new int[] {6, 7, 6, 7}, Arrays.copyOf(quick.repeats(Split.EVAL), 4));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 0}, Arrays.copyOf(quick.repeats(Split.TRAIN), 7));
        NlbTensors tensors = quick.toNlbTensors();
        assertEquals(r.trainTrials(), tensors.trainTrials());
        assertEquals(r.forwardBins(), tensors.forwardBins());
        assertEquals(3, tensors.trainBehavior()[0][0].length);
        assertEquals(quick.velocities(Split.TRAIN)[5][39][2], tensors.trainBehavior()[5][39][2]);
    }

    @Test
    void accessorsReturnCopies() {
        int[][][] s = quick.spikes(Split.TRAIN);
        s[0][0][0] = 999;
        assertTrue(quick.spikes(Split.TRAIN)[0][0][0] != 999);
        double[][] c = quick.readout();
        c[0][0] = 99.0;
        assertTrue(quick.readout()[0][0] != 99.0);
    }
}
