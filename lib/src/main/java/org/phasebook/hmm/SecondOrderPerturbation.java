package org.phasebook.hmm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The authors' second-order perturbation <b>heuristic</b> behind the heat map of the
 * training-evolution figure F4 (brief {@code hmm-rnn.md} §8, "Training evolution"; Torre et al.,
 * arXiv:2510.25674, code {@code expected_deltah2} in {@code scripts/mechint.py}): per hidden unit,
 * {@code sqrt(|E δh⁽²⁾|)} after {@code K} steps of noise around a noise-free reference run.
 *
 * <p><b>A heuristic, not a Taylor expansion.</b> {@code ReLU} is piecewise linear: its second
 * derivative is zero everywhere off the kink, so the true second-order term of a ReLU network
 * is zero wherever no pre-activation sits exactly at 0. The authors nevertheless give every
 * <em>active</em> unit a curvature term {@code ½ δ²}, as if the nonlinearity were bent on the
 * active side. The map therefore measures how strongly squared first-order noise responses of
 * active units are fed back through {@code W_hh}; it is implemented exactly as specified, and
 * figures must call it a heuristic.
 *
 * <h2>Definition and indices</h2>
 * Notation of {@link RnnDynamics}: {@code W_hh} ({@code H x H}), {@code W_ih} ({@code H x d}).
 * Every perturbation below lives in <em>pre-activation</em> space: {@code δ⁽ⁱ⁾_k} is the
 * {@code i}-th order perturbation of {@code pre_k}, whose ReLU is the reference state
 * {@code h_k}.
 * <ul>
 *   <li><b>Reference.</b> {@code h_0} is the given start (a state of the network, entries
 *       {@code >= 0}); {@code h_k = ReLU(W_hh h_{k-1})} for {@code k = 1..K-1}, without input.
 *       {@code D_k = diag(1[h_k > 0])} for {@code k = 0..K-1}. For {@code k >= 1} this is the
 *       ReLU derivative at {@code pre_k = W_hh h_{k-1}} (a unit is active iff its
 *       pre-activation is {@code > 0}; at the kink, {@code pre = 0}, it counts as inactive, as
 *       in {@link RnnDynamics#jacobian}). For {@code k = 0} it is the activity of the start
 *       itself: for a state taken from a run, the derivative at the pre-activation that
 *       produced it.</li>
 *   <li><b>Noise.</b> {@code ω_k = sigma ξ_k}, {@code ξ_k} standard normal of dimension
 *       {@code d}, for {@code k = 0..K-1}: {@code sigma} multiplies the standard normals as in
 *       {@link RnnDynamics#noisyTrajectory}. {@code ω_k} perturbs {@code pre_k}.</li>
 *   <li><b>First order.</b> {@code δ⁽¹⁾_0 = W_ih ω_0};
 *       {@code δ⁽¹⁾_k = W_hh D_{k-1} δ⁽¹⁾_{k-1} + W_ih ω_k} for {@code k = 1..K-1}.</li>
 *   <li><b>Second order (heuristic).</b> {@code δ⁽²⁾_0 = 0};
 *       {@code δ⁽²⁾_{u+1} = W_hh D_u δ⁽²⁾_u + ½ W_hh (δ⁽¹⁾_u ⊙ δ⁽¹⁾_u ⊙ 1[h_u > 0])} for
 *       {@code u = 0..K-1}. Since {@code 1[h_u > 0]} is the diagonal of {@code D_u}, this is
 *       {@code W_hh D_u (δ⁽²⁾_u + ½ (δ⁽¹⁾_u)²)}. The result of one trial is {@code δ⁽²⁾_K}:
 *       {@code K} updates, {@code K} noise vectors, {@code K - 1} reference steps.</li>
 *   <li><b>Map.</b> {@code E} is the mean of {@code δ⁽²⁾_K} over the trials (and over the
 *       reference starts, when several are given); unit {@code i} of the map is
 *       {@code sqrt(|E δ⁽²⁾_K|_i)}: the absolute value is taken after averaging.</li>
 * </ul>
 * These are the indices of the authors' code ({@code tf = 10} states {@code h_0..h_9}, ten
 * noise vectors, ten updates of {@code δ⁽²⁾}, masks {@code 1[h_u > 0]}).
 *
 * <p><b>Consequences of the definition</b>, which the tests check: {@code δ⁽¹⁾} is linear and
 * {@code δ⁽²⁾} quadratic in the noise, so with the same standard normals {@code E δ⁽²⁾} scales
 * exactly as {@code sigma²} (bit for bit when the factor is a power of 2); the reference enters
 * only through its masks, which ReLU homogeneity makes independent of the scale of {@code h_0};
 * a unit that is inactive all along the reference never passes its own perturbation on.
 *
 * <h2>Reference starts</h2>
 * The brief's single reference corresponds to {@link #map(RnnDynamics, double[], SplittableRandom)}.
 * One noise-free reference of {@code K} steps makes a noisy map, so {@link ReferenceStarts}
 * also offers several starts taken from one noisy run from {@code h_0 = 0}, pooling all their
 * trials in {@code E}. (The authors' code, too, gives each of its 20 trials its own start: a
 * jittered copy of the current state advanced by 9 noisy steps.)
 *
 * <h2>Random numbers</h2>
 * A generator is consumed in this order: first the noisy run for the starts, if any
 * ({@link RnnDynamics#noisyTrajectory(int, double, SplittableRandom)}); then, for each start in
 * turn, for each trial, for {@code k = 0..K-1}, {@code d} calls of
 * {@link SplittableRandom#nextGaussian()} ({@link RnnDynamics#standardNormals}) for
 * {@code ξ_k}. {@link #checkpointMaps} seeds every checkpoint's generator with the same seed:
 * the checkpoints are compared on common random numbers, so that differences between columns of
 * the map come from the weights, not from the draws, and the result does not depend on the
 * number of threads.
 *
 * <p>Immutable and safe to share between threads; each thread needs its own generator.
 */
public final class SecondOrderPerturbation {

    /**
     * The perturbation run (brief §8: 10 steps, 20 trials; the authors' noise std 1).
     *
     * @param steps  {@code K}, the number of updates of {@code δ⁽²⁾} (and of noise vectors),
     *               {@code >= 1}
     * @param trials noise realisations per reference start, {@code >= 1}
     * @param sigma  the noise std, finite and {@code >= 0}
     */
    public record Parameters(int steps, int trials, double sigma) {

        /** The brief's values: 10 steps, 20 trials, {@code sigma = 1}. */
        public static final Parameters PAPER = new Parameters(10, 20, 1.0);

        /**
         * 10 steps, 4 trials per start, {@code sigma = 1}: with {@link ReferenceStarts#DEFAULT}
         * the same 400 trials as 20 starts of 20 trials, spent where the spread is (see there).
         */
        public static final Parameters POOLED = new Parameters(10, 4, 1.0);

        /** Checks the ranges. */
        public Parameters {
            if (steps < 1) {
                throw new IllegalArgumentException("steps (K) must be >= 1, got " + steps);
            }
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be >= 1, got " + trials);
            }
            RnnDynamics.checkSigma(sigma);
        }
    }

    /**
     * Where the references start: {@code count} states of one noisy run from {@code h_0 = 0}
     * (noise std {@link Parameters#sigma}), the first after {@code warmup} steps and then every
     * {@code spacing} steps, i.e. the states {@code h_t} of that run with
     * {@code t = warmup + j spacing}, {@code j = 0..count-1}.
     *
     * @param count   reference starts, {@code >= 1}
     * @param warmup  steps before the first start, {@code >= 1}
     * @param spacing steps between starts, {@code >= 1}
     */
    public record ReferenceStarts(int count, int warmup, int spacing) {

        /** One start after 20 steps from the origin: the brief's single reference. */
        public static final ReferenceStarts SINGLE = new ReferenceStarts(1, 20, 1);

        /**
         * Phasebook's default: 100 starts, 25 steps apart after 20 steps of warm-up (a run of
         * 2,495 steps, many passes along the orbit), meant for {@link Parameters#POOLED}. Why
         * many starts and few trials: on the mechanism network's checkpoints after the switch to
         * the orbit, the map changes far more from one start to the next than from one noise
         * draw to the next. Measured there (steps 1200 and 1400, two seeds), the correlation
         * between the maps of two seeds was 0.45 and 0.51 with 20 starts x 20 trials, but 0.99
         * and 0.95 with 100 starts x 4 trials, at the same cost.
         */
        public static final ReferenceStarts DEFAULT = new ReferenceStarts(100, 20, 25);

        /** Checks the ranges. */
        public ReferenceStarts {
            if (count < 1) {
                throw new IllegalArgumentException("count (reference starts) must be >= 1, got " + count);
            }
            if (warmup < 1) {
                throw new IllegalArgumentException("warmup must be >= 1, got " + warmup);
            }
            if (spacing < 1) {
                throw new IllegalArgumentException("spacing must be >= 1, got " + spacing);
            }
            if (warmup + (long) (count - 1) * spacing > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("warmup + (count - 1) spacing must fit in an int, got "
                        + (warmup + (long) (count - 1) * spacing));
            }
        }

        /** The length of the noisy run, {@code warmup + (count - 1) spacing}. */
        public int runLength() {
            return warmup + (count - 1) * spacing;
        }
    }

    private final Parameters parameters;

    /** The heuristic with these parameters. */
    public SecondOrderPerturbation(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The reference starts of {@code starts}: the states of one noisy run from the origin, in
     * run order.
     *
     * @param random advanced by {@code starts.runLength() d} Gaussians
     * @return {@code count x H}
     * @throws IllegalStateException when the run leaves the finite numbers (a diverging network)
     */
    public double[][] noisyStarts(RnnDynamics dynamics, ReferenceStarts starts, SplittableRandom random) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(random, "random");
        RnnTrajectory run = dynamics.noisyTrajectory(starts.runLength(), parameters.sigma(), random);
        double[][] picked = new double[starts.count()][];
        for (int j = 0; j < picked.length; j++) {
            int row = starts.warmup() + j * starts.spacing() - 1;
            picked[j] = run.states()[row].clone();
            for (double v : picked[j]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("the noisy run diverged: state h_" + (row + 1)
                            + " has a non-finite entry " + v);
                }
            }
        }
        return picked;
    }

    /**
     * {@code E δ⁽²⁾_K} (signed) around one reference from {@code start}: the mean over
     * {@link Parameters#trials} trials.
     *
     * @param start  {@code h_0}, length {@code H}, finite entries {@code >= 0}
     * @param random advanced by {@code trials K d} Gaussians
     * @return length {@code H}
     */
    public double[] expectedSecondOrder(RnnDynamics dynamics, double[] start, SplittableRandom random) {
        Objects.requireNonNull(start, "start");
        return expectedSecondOrder(dynamics, new double[][] {start}, random);
    }

    /**
     * {@code E δ⁽²⁾_K} (signed) pooled over several references: the mean over all
     * {@code starts.length x trials} trials, the starts taken in order.
     *
     * @param starts one or more states {@code h_0}, each of length {@code H} with finite
     *               entries {@code >= 0}
     * @param random advanced by {@code starts.length trials K d} Gaussians
     * @return length {@code H}
     */
    public double[] expectedSecondOrder(RnnDynamics dynamics, double[][] starts, SplittableRandom random) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(random, "random");
        checkStarts(dynamics, starts);
        int h = dynamics.hidden();
        int d = dynamics.inputs();
        int steps = parameters.steps();
        double sigma = parameters.sigma();
        Workspace work = new Workspace(h, d, steps);
        double[] sum = new double[h];
        for (double[] start : starts) {
            boolean[][] active = referenceActivity(dynamics, start, steps);
            for (int trial = 0; trial < parameters.trials(); trial++) {
                for (double[] omega : work.noise) {
                    RnnDynamics.standardNormals(omega, random);
                    for (int j = 0; j < d; j++) {
                        omega[j] *= sigma;
                    }
                }
                double[] second = propagate(dynamics, active, work.noise, work);
                for (int i = 0; i < h; i++) {
                    sum[i] += second[i];
                }
            }
        }
        double n = (double) starts.length * parameters.trials();
        for (int i = 0; i < h; i++) {
            sum[i] /= n;
        }
        return sum;
    }

    /**
     * The map around one reference: {@code sqrt(|E δ⁽²⁾_K|)} per unit, from
     * {@link #expectedSecondOrder(RnnDynamics, double[], SplittableRandom)}.
     */
    public double[] map(RnnDynamics dynamics, double[] start, SplittableRandom random) {
        return magnitude(expectedSecondOrder(dynamics, start, random));
    }

    /**
     * The map pooled over several references: {@code sqrt(|E δ⁽²⁾_K|)} per unit, from
     * {@link #expectedSecondOrder(RnnDynamics, double[][], SplittableRandom)}.
     */
    public double[] map(RnnDynamics dynamics, double[][] starts, SplittableRandom random) {
        return magnitude(expectedSecondOrder(dynamics, starts, random));
    }

    /**
     * The map pooled over the references of {@link #noisyStarts}, drawn from the same generator
     * first.
     */
    public double[] map(RnnDynamics dynamics, ReferenceStarts starts, SplittableRandom random) {
        return map(dynamics, noisyStarts(dynamics, starts, random), random);
    }

    /**
     * The figure's matrix: row {@code c} is
     * {@code map(new RnnDynamics(checkpoints.get(c)), starts, new SplittableRandom(seed))}, so
     * every checkpoint uses the same draws (see the class comment); rows are computed on up to
     * {@code threads} threads with identical results for any thread count.
     *
     * @param checkpoints the weights, in the order of the map's columns (training steps)
     * @param threads     {@code >= 1}
     * @return {@code checkpoints x H}
     */
    public double[][] checkpointMaps(List<RnnWeights> checkpoints, ReferenceStarts starts, long seed, int threads) {
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(starts, "starts");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        RnnWeights[] weights = checkpoints.toArray(new RnnWeights[0]);
        for (int c = 0; c < weights.length; c++) {
            Objects.requireNonNull(weights[c], "checkpoints[" + c + "]");
        }
        double[][] rows = new double[weights.length][];
        RowParallel.run(threads, weights.length,
                c -> rows[c] = map(new RnnDynamics(weights[c]), starts, new SplittableRandom(seed)));
        return rows;
    }

    /** {@code sqrt(|v_i|)} for each entry: the map's colour from {@code E δ⁽²⁾}. */
    public static double[] magnitude(double[] expected) {
        Objects.requireNonNull(expected, "expected");
        double[] m = new double[expected.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(Math.abs(expected[i]));
        }
        return m;
    }

    /**
     * One trial with given noise: {@code δ⁽²⁾_K} around the reference from {@code start}, with
     * {@code K = noise.length} and row {@code k} of {@code noise} being {@code ω_k} as applied
     * (already multiplied by {@code sigma}). For tests that feed their own noise.
     */
    static double[] secondOrder(RnnDynamics dynamics, double[] start, double[][] noise) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(noise, "noise");
        if (noise.length < 1) {
            throw new IllegalArgumentException("noise must have at least 1 row (K >= 1), got 0");
        }
        checkStarts(dynamics, new double[][] {start});
        for (int k = 0; k < noise.length; k++) {
            RnnDynamics.checkLength("noise[" + k + "]", noise[k], dynamics.inputs());
        }
        Workspace work = new Workspace(dynamics.hidden(), dynamics.inputs(), noise.length);
        return propagate(dynamics, referenceActivity(dynamics, start, noise.length), noise, work).clone();
    }

    /**
     * {@code active[k][i] = h_k,i > 0} along the noise-free reference {@code h_0..h_{K-1}}. Only
     * the masks are kept: they are all the recursion needs of the reference.
     */
    static boolean[][] referenceActivity(RnnDynamics dynamics, double[] start, int steps) {
        int h = dynamics.hidden();
        boolean[][] active = new boolean[steps][h];
        double[] state = start.clone();
        double[] next = new double[h];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < h; i++) {
                active[k][i] = state[i] > 0.0;
            }
            if (k + 1 < steps) {
                dynamics.step(state, null, next);
                double[] swap = state;
                state = next;
                next = swap;
            }
        }
        return active;
    }

    /**
     * The recursion of the class comment for one trial; returns {@code work.second}
     * ({@code δ⁽²⁾_K}), overwritten by the next call.
     */
    private static double[] propagate(RnnDynamics dynamics, boolean[][] active, double[][] noise, Workspace work) {
        int h = dynamics.hidden();
        int d = dynamics.inputs();
        double[][] whh = dynamics.weights().whh();
        double[][] wih = dynamics.weights().wih();
        double[] first = work.first;
        double[] second = work.second;
        double[] masked = work.masked;
        Arrays.fill(first, 0.0);
        Arrays.fill(second, 0.0);
        for (int u = 0; u < noise.length; u++) {
            // δ⁽¹⁾_u = W_hh D_{u-1} δ⁽¹⁾_{u-1} + W_ih ω_u; at u = 0 there is no earlier term.
            // Inactive entries are set to 0 rather than multiplied, so that they drop out exactly
            // whatever the weights that would multiply them.
            if (u > 0) {
                boolean[] on = active[u - 1];
                for (int j = 0; j < h; j++) {
                    masked[j] = on[j] ? first[j] : 0.0;
                }
            }
            for (int i = 0; i < h; i++) {
                double input = RnnDynamics.dot(wih[i], noise[u], d);
                first[i] = u > 0 ? RnnDynamics.dot(whh[i], masked, h) + input : input;
            }
            // δ⁽²⁾_{u+1} = W_hh D_u (δ⁽²⁾_u + ½ (δ⁽¹⁾_u)²): the heuristic's curvature on active units.
            boolean[] on = active[u];
            for (int j = 0; j < h; j++) {
                masked[j] = on[j] ? second[j] + 0.5 * first[j] * first[j] : 0.0;
            }
            for (int i = 0; i < h; i++) {
                second[i] = RnnDynamics.dot(whh[i], masked, h);
            }
        }
        return second;
    }

    private static void checkStarts(RnnDynamics dynamics, double[][] starts) {
        Objects.requireNonNull(starts, "starts");
        if (starts.length == 0) {
            throw new IllegalArgumentException("starts must hold at least 1 state, got 0");
        }
        for (int s = 0; s < starts.length; s++) {
            String name = starts.length == 1 ? "start" : "starts[" + s + "]";
            RnnDynamics.checkLength(name, starts[s], dynamics.hidden());
            for (int i = 0; i < starts[s].length; i++) {
                double v = starts[s][i];
                if (!(v >= 0.0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + "[" + i + "] must be a state entry, finite and >= 0, got "
                            + v);
                }
            }
        }
    }

    /** Buffers of one thread's trials, reused so that a trial allocates nothing. */
    private static final class Workspace {
        final double[] first;
        final double[] second;
        final double[] masked;
        final double[][] noise;

        Workspace(int h, int d, int steps) {
            first = new double[h];
            second = new double[h];
            masked = new double[h];
            noise = new double[steps][d];
        }
    }
}
