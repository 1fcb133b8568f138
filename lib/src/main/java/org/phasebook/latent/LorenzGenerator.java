package org.phasebook.latent;

import java.util.Objects;
import java.util.SplittableRandom;
import org.phasebook.systems.Lorenz;

/**
 * The generator of the synthetic recipe {@code lorenz-v1} (brief
 * {@code shared/papers/langevin-flow.md} §5), step by step and draw by draw; everything in double
 * precision.
 *
 * <ol>
 *   <li>Flow: {@link Lorenz#classical()} ({@code sigma = 10, rho = 28, beta = 8/3}).</li>
 *   <li>Integrator: {@link RungeKutta4} with {@code h = }{@value #STEP}.</li>
 *   <li>Condition initial states: from {@code (0, 1, 1.05)} discard {@value #DISCARD_STEPS}
 *       steps; {@code IC_c} is the state {@value #CONDITION_SPACING}{@code  c} steps further on
 *       the same trajectory.</li>
 *   <li>Trajectories: bin {@code t} of condition {@code c} is the state
 *       {@value #STEPS_PER_BIN}{@code  t} steps after {@code IC_c}, {@code t = 0 .. T-1}
 *       (bin = 0.02 time units). All conditions lie on one long orbit, computed once: bin
 *       {@code t} of condition {@code c} is orbit state
 *       {@code 2000 + 50 c + 2 t}. (So consecutive conditions overlap: bin {@code t + 25} of
 *       condition {@code c} is bin {@code t} of condition {@code c + 1}.)</li>
 *   <li>Normalisation: {@code mu_k} is the mean of {@code x_k} over all {@code (c, t)} (summed
 *       {@code c}-major), {@code M_k = max |x_k - mu_k|}, {@code x~ = (x - mu) / M}; the
 *       velocity is {@code dx~/dt = f(x) / M} in time units.</li>
 *   <li>Readout: one {@code new SplittableRandom(seed)}, {@code nextDouble()} only; first
 *       {@code C_nk = 2u - 1} for {@code n = 0 .. N-1}, {@code k = 0 .. 2} ({@code k} fastest);
 *       {@code log lambda = ln 0.3 + ((C_n0 x~_0 + C_n1 x~_1) + C_n2 x~_2)},
 *       {@code lambda = exp(log lambda)} counts per bin, so
 *       {@code lambda in [0.3 e^-3, 0.3 e^3]}.</li>
 *   <li>Spikes: with the same generator, in the loop order condition {@code c}, trial
 *       {@code r}, bin {@code t}, neuron {@code n}, one {@code u = nextDouble()} per count, turned
 *       into a count by {@link #poissonInverseCdf(double, double)}.</li>
 * </ol>
 *
 * <p>Stateless; {@link #generate(LorenzRecipe)} depends on nothing but its argument.
 */
public final class LorenzGenerator {

    /** The RK4 step, in Lorenz time units. */
    public static final double STEP = 0.01;
    /** Steps discarded from {@link #START} before the first condition's initial state. */
    public static final int DISCARD_STEPS = 2000;
    /** Steps between the initial states of consecutive conditions. */
    public static final int CONDITION_SPACING = 50;
    /** Steps per bin (bin = 0.02 time units). */
    public static final int STEPS_PER_BIN = 2;
    /** The base rate {@code exp(intercept)} of every neuron, counts per bin. */
    public static final double BASE_RATE = 0.3;
    /** The largest count the inverse-CDF sampler returns. */
    public static final int MAX_COUNT = 100;

    private static final double[] START = {0.0, 1.0, 1.05};

    private LorenzGenerator() {
    }

    /** The initial state {@code (0, 1, 1.05)} of the orbit; a fresh array. */
    public static double[] start() {
        return START.clone();
    }

    /**
     * Generates the data set of a recipe, exactly as the class comment says.
     *
     * @param recipe sizes and seed
     * @return the immutable data set
     */
    public static LorenzDataset generate(LorenzRecipe recipe) {
        Objects.requireNonNull(recipe, "recipe");
        int c = recipe.conditions();
        int bins = recipe.bins();
        int n = recipe.neurons();
        Lorenz flow = Lorenz.classical();

        // Steps 2-4: one orbit holds every condition's bins.
        double[][] orbit = orbit(flow, c, bins);
        double[][][] states = new double[c][bins][];
        for (int ci = 0; ci < c; ci++) {
            for (int t = 0; t < bins; t++) {
                states[ci][t] = orbit[CONDITION_SPACING * ci + STEPS_PER_BIN * t].clone();
            }
        }

        // Step 5: normalisation over all (c, t).
        double[] mean = new double[3];
        for (int ci = 0; ci < c; ci++) {
            for (int t = 0; t < bins; t++) {
                for (int k = 0; k < 3; k++) {
                    mean[k] += states[ci][t][k];
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            mean[k] /= (double) c * bins;
        }
        double[] scale = new double[3];
        for (int ci = 0; ci < c; ci++) {
            for (int t = 0; t < bins; t++) {
                for (int k = 0; k < 3; k++) {
                    scale[k] = Math.max(scale[k], Math.abs(states[ci][t][k] - mean[k]));
                }
            }
        }
        double[][][] normalised = new double[c][bins][3];
        double[][][] velocity = new double[c][bins][3];
        double[] f = new double[3];
        for (int ci = 0; ci < c; ci++) {
            for (int t = 0; t < bins; t++) {
                flow.derivative(0.0, states[ci][t], f);
                for (int k = 0; k < 3; k++) {
                    normalised[ci][t][k] = (states[ci][t][k] - mean[k]) / scale[k];
                    velocity[ci][t][k] = f[k] / scale[k];
                }
            }
        }

        // Step 6: the readout, the first N * 3 draws.
        SplittableRandom random = new SplittableRandom(recipe.seed());
        double[][] readout = new double[n][3];
        for (int ni = 0; ni < n; ni++) {
            for (int k = 0; k < 3; k++) {
                readout[ni][k] = 2.0 * random.nextDouble() - 1.0;
            }
        }
        double[][][] rates = rates(readout, normalised);

        // Step 7: spikes, loop order c, r, t, n.
        int repeats = recipe.repeats();
        int[][][] spikes = new int[c * repeats][bins][n];
        for (int ci = 0; ci < c; ci++) {
            for (int r = 0; r < repeats; r++) {
                int[][] trial = spikes[ci * repeats + r];
                for (int t = 0; t < bins; t++) {
                    for (int ni = 0; ni < n; ni++) {
                        trial[t][ni] = poissonInverseCdf(rates[ci][t][ni], random.nextDouble());
                    }
                }
            }
        }
        return new LorenzDataset(recipe, readout, mean, scale, states, normalised, velocity,
                rates, spikes);
    }

    /**
     * The rates {@code lambda[c][t][n] = exp(ln 0.3 + ((C_n0 x~_0 + C_n1 x~_1) + C_n2 x~_2))}
     * of step 6.
     *
     * @param readout    {@code C}, {@code N x 3}
     * @param normalised {@code x~}, {@code [condition][bin][3]}
     * @return fresh rates {@code [condition][bin][neuron]}
     */
    public static double[][][] rates(double[][] readout, double[][][] normalised) {
        double logBase = Math.log(BASE_RATE);
        double[][][] rates = new double[normalised.length][][];
        for (int ci = 0; ci < normalised.length; ci++) {
            rates[ci] = new double[normalised[ci].length][readout.length];
            for (int t = 0; t < normalised[ci].length; t++) {
                double[] z = normalised[ci][t];
                for (int ni = 0; ni < readout.length; ni++) {
                    double s = readout[ni][0] * z[0] + readout[ni][1] * z[1]
                            + readout[ni][2] * z[2];
                    rates[ci][t][ni] = Math.exp(logBase + s);
                }
            }
        }
        return rates;
    }

    /**
     * The count of step 7: the smallest {@code k} with {@code u <= F(k)}, where {@code F} is the
     * Poisson CDF accumulated as {@code p_0 = exp(-lambda)}, {@code p_k = (p_{k-1} lambda) / k},
     * {@code F(k) = F(k-1) + p_k}; the search stops at {@value #MAX_COUNT}.
     *
     * @param lambda the mean, finite and {@code >= 0}
     * @param u      a uniform draw in {@code [0, 1)}
     * @return the count, {@code 0 .. 100}
     */
    public static int poissonInverseCdf(double lambda, double u) {
        if (!(lambda >= 0.0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (!(u >= 0.0 && u < 1.0)) {
            throw new IllegalArgumentException("u must be in [0, 1), got " + u);
        }
        double p = Math.exp(-lambda);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < MAX_COUNT) {
            k++;
            p = p * lambda / k;
            cdf += p;
        }
        return k;
    }

    /** The orbit states 0 .. 50 (C-1) + 2 (T-1) after the discarded transient. */
    private static double[][] orbit(Lorenz flow, int conditions, int bins) {
        RungeKutta4 rk4 = new RungeKutta4(STEP);
        double[] ic0 = rk4.orbit(flow, 0.0, START, DISCARD_STEPS)[DISCARD_STEPS];
        int last = CONDITION_SPACING * (conditions - 1) + STEPS_PER_BIN * (bins - 1);
        // The flow is autonomous, so the time argument never matters.
        return rk4.orbit(flow, 0.0, ic0, last);
    }
}
