package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The noise-free fixed points of the RNN, {@code h = F(h) = ReLU(W_hh h)} (brief
 * {@code hmm-rnn.md} §8, "Fixed point").
 *
 * <ul>
 *   <li>{@link #iterate}: the authors' method, iterating {@code F} from seed states (sampled on a
 *   noisy run by {@link #seedsFromNoisyRun}) and reporting each final state's norm as well as
 *   the norm of their mean;</li>
 *   <li>{@link #minimise}: a FixedPointFinder-style cross-check that minimises
 *   {@code q(h) = ½‖F(h) - h‖²} by gradient descent from the same seeds, and also the
 *   scale-free residual {@code ½‖F(u) - u‖²} over unit vectors {@code u}.</li>
 * </ul>
 *
 * <p><b>Why the scale-free residual.</b> Without biases {@code F(c h) = c F(h)} for
 * {@code c > 0}, so {@code q(c h) = c² q(h)}: any descent can lower {@code q} just by shrinking
 * {@code h}, and a small final {@code q} near the origin says nothing about other fixed points.
 * Fixed points other than 0 come as rays {@code {c u}}, and they exist exactly when
 * {@code min_u ‖F(u) - u‖ = 0} over the unit sphere; a residual clearly above 0 from every seed
 * is evidence (not proof: the search is local) that the origin is the only fixed point.
 *
 * <p><b>Descent.</b> Inside a region of fixed activity pattern {@code D}, {@code F(h) = D W h};
 * the gradient used is {@code W^T D r - r} with {@code r = F(h) - h} (a kink counts as inactive).
 * Steps use Armijo backtracking (sufficient decrease {@code 1e-4}), doubling the step after each
 * accepted one; on the sphere the gradient is projected on the tangent plane and the point
 * renormalised. A descent stops at {@code maxIterations}, when the objective falls below the
 * tolerance, when no step decreases it, or when an iteration lowers it by less than a relative
 * {@code 1e-12} (stagnation at a non-zero minimum). Cost at {@code H = 150}: about 0.25 s per
 * seed for both descents with the defaults, mostly in the sphere descent, which runs until it
 * stagnates (the residuals of different seeds differ: the minima found are local).
 *
 * <p>Stateless; all methods are static.
 */
public final class FixedPointAnalysis {

    /** FixedPointFinder's default tolerance on {@code q}. */
    public static final double DEFAULT_TOLERANCE_Q = 1e-12;

    /** FixedPointFinder's default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 5000;

    private FixedPointAnalysis() {
    }

    /**
     * The authors' method, result: the final states of {@code iterations} applications of
     * {@code F} from each seed, their norms, the seeds' norms, and the mean final state (the
     * authors report only this mean) with its norm. Arrays are not copies.
     *
     * @param finalStates   {@code n x H}
     * @param finalNorms    {@code ‖h‖} of each final state
     * @param seedNorms     {@code ‖h‖} of each seed
     * @param meanState     the mean of the final states
     * @param meanStateNorm its norm
     */
    public record Iteration(double[][] finalStates, double[] finalNorms, double[] seedNorms, double[] meanState,
                            double meanStateNorm) {

        /** The largest final norm (0 for no seeds). */
        public double maxFinalNorm() {
            double m = 0.0;
            for (double v : finalNorms) {
                m = Math.max(m, v);
            }
            return m;
        }
    }

    /**
     * The cross-check, result, per seed: the end point of descent on {@code q}, its {@code q}
     * and norm; the end point of descent on the unit sphere and its residual
     * {@code ‖F(u) - u‖} (not squared). Arrays are not copies.
     *
     * @param finalStates        end points of descent on {@code q}
     * @param q                  {@code q} at those points
     * @param norms              their norms
     * @param directions         end points on the unit sphere
     * @param directionResiduals {@code ‖F(u) - u‖} at those points
     */
    public record Minimisation(double[][] finalStates, double[] q, double[] norms, double[][] directions,
                               double[] directionResiduals) {

        /** The smallest scale-free residual over seeds ({@code +infinity} for no seeds). */
        public double minDirectionResidual() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : directionResiduals) {
                m = Math.min(m, v);
            }
            return m;
        }
    }

    /**
     * {@code count} states drawn uniformly without replacement from a noisy run of
     * {@code steps} steps from {@code h_0 = 0} (the authors: 100 of 30,000, {@code sigma = 1}).
     * The run uses the first {@code steps d} Gaussians of {@code new SplittableRandom(seed)};
     * the choice of rows continues with the same generator.
     */
    public static double[][] seedsFromNoisyRun(RnnDynamics dynamics, int steps, int count, double sigma, long seed) {
        Objects.requireNonNull(dynamics, "dynamics");
        if (count < 0 || count > steps) {
            throw new IllegalArgumentException("count must be in [0, steps = " + steps + "], got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] states = dynamics.noisyTrajectory(steps, sigma, random).states();
        int[] index = new int[steps];
        for (int i = 0; i < steps; i++) {
            index[i] = i;
        }
        double[][] seeds = new double[count][];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(steps - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
            seeds[i] = states[index[i]].clone();
        }
        return seeds;
    }

    /** Iterates {@code h <- ReLU(W_hh h)} {@code iterations >= 0} times from each seed (the authors: 500). */
    public static Iteration iterate(RnnDynamics dynamics, double[][] seeds, int iterations) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(seeds, "seeds");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        int h = dynamics.hidden();
        double[][] finals = new double[seeds.length][];
        double[] finalNorms = new double[seeds.length];
        double[] seedNorms = new double[seeds.length];
        double[] mean = new double[h];
        double[] next = new double[h];
        for (int n = 0; n < seeds.length; n++) {
            RnnDynamics.checkLength("seeds[" + n + "]", seeds[n], h);
            double[] state = seeds[n].clone();
            for (int i = 0; i < iterations; i++) {
                dynamics.step(state, null, next);
                double[] swap = state;
                state = next;
                next = swap;
            }
            finals[n] = state;
            next = new double[h];
            finalNorms[n] = norm(state);
            seedNorms[n] = norm(seeds[n]);
            for (int i = 0; i < h; i++) {
                mean[i] += state[i] / seeds.length;
            }
        }
        return new Iteration(finals, finalNorms, seedNorms, mean, norm(mean));
    }

    /**
     * Descends {@code q} and the scale-free residual from each seed, each for at most
     * {@code maxIterations} steps, stopping early when {@code q} (or the residual) falls below
     * {@code toleranceQ} or the gradient vanishes.
     *
     * @param maxIterations {@code >= 0} (FixedPointFinder: {@link #DEFAULT_MAX_ITERATIONS})
     * @param toleranceQ    {@code >= 0} ({@link #DEFAULT_TOLERANCE_Q})
     */
    public static Minimisation minimise(RnnDynamics dynamics, double[][] seeds, int maxIterations,
                                        double toleranceQ) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(seeds, "seeds");
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        if (!(toleranceQ >= 0.0)) {
            throw new IllegalArgumentException("toleranceQ must be >= 0, got " + toleranceQ);
        }
        int n = seeds.length;
        double[][] finals = new double[n][];
        double[] q = new double[n];
        double[] norms = new double[n];
        double[][] directions = new double[n][];
        double[] residuals = new double[n];
        double[][] w = dynamics.weights().whh();
        for (int s = 0; s < n; s++) {
            RnnDynamics.checkLength("seeds[" + s + "]", seeds[s], dynamics.hidden());
            finals[s] = descend(w, seeds[s].clone(), maxIterations, toleranceQ, false);
            q[s] = objective(w, finals[s], null);
            norms[s] = norm(finals[s]);
            double[] u = seeds[s].clone();
            double un = norm(u);
            if (un == 0.0) {
                u[0] = 1.0;
            } else {
                scale(u, 1.0 / un);
            }
            directions[s] = descend(w, u, maxIterations, toleranceQ, true);
            residuals[s] = Math.sqrt(2.0 * objective(w, directions[s], null));
        }
        return new Minimisation(finals, q, norms, directions, residuals);
    }

    /** {@code q(h) = ½‖F(h) - h‖²}, and its gradient into {@code gradient} when not null. */
    static double objective(double[][] w, double[] h, double[] gradient) {
        int n = h.length;
        double[] masked = new double[n];
        double q = 0.0;
        for (int i = 0; i < n; i++) {
            double pre = RnnDynamics.dot(w[i], h, n);
            double f = pre > 0.0 ? pre : 0.0;
            double r = f - h[i];
            q += 0.5 * r * r;
            masked[i] = pre > 0.0 ? r : 0.0;
            if (gradient != null) {
                gradient[i] = -r;
            }
        }
        if (gradient != null) {
            for (int i = 0; i < n; i++) {
                if (masked[i] != 0.0) {
                    double[] row = w[i];
                    for (int j = 0; j < n; j++) {
                        gradient[j] += row[j] * masked[i];
                    }
                }
            }
        }
        return q;
    }

    private static double[] descend(double[][] w, double[] x, int maxIterations, double toleranceQ,
                                    boolean onSphere) {
        int n = x.length;
        double[] g = new double[n];
        double[] trial = new double[n];
        double step = 1.0;
        double value = objective(w, x, g);
        for (int it = 0; it < maxIterations && value > toleranceQ; it++) {
            if (onSphere) {
                double radial = dot(g, x);
                for (int i = 0; i < n; i++) {
                    g[i] -= radial * x[i];
                }
            }
            double g2 = dot(g, g);
            if (g2 == 0.0) {
                break;
            }
            boolean accepted = false;
            while (step > 1e-20) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - step * g[i];
                }
                if (onSphere) {
                    scale(trial, 1.0 / norm(trial));
                }
                double v = objective(w, trial, null);
                if (v <= value - 1e-4 * step * g2) {
                    accepted = true;
                    System.arraycopy(trial, 0, x, 0, n);
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            step *= 2.0;
            double previous = value;
            value = objective(w, x, g);
            if (previous - value <= 1e-12 * previous) {
                // Stagnation at a non-zero minimum (the usual case on the sphere).
                break;
            }
        }
        return x;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static void scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
    }
}
