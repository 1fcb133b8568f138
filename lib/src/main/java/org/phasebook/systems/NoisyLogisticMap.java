package org.phasebook.systems;

import java.util.SplittableRandom;

/**
 * The logistic map with additive bounded noise, taken modulo 1:
 * <pre>
 *   x_{n+1} = wrap(r x_n (1 - x_n) + xi_n),   xi_n = noiseAmplitude * eta_n,
 * </pre>
 * where the {@code eta_n} are independent with density proportional to
 * {@code cos^20(pi eta)} on {@code [-1/2, 1/2]} (a bump of standard deviation about 0.07), and
 * {@code wrap(v)} is {@code v} itself when {@code 0 <= v <= 1} and {@code v - floor(v)} otherwise.
 * The state space is thus the circle {@code [0, 1]} with 0 and 1 identified, every iterate lies
 * in {@code [0, 1]}, and with {@code noiseAmplitude = 0} the map is the deterministic logistic
 * map {@code x -> r x (1 - x)} exactly (on {@code [0, 1]}, which it maps into itself for
 * {@code r <= 4}). With {@code r = 4, noiseAmplitude = 1} ({@link #fullyChaotic}) it is the noisy
 * logistic map of the kooplearn benchmarks (noise order 10), whose stochastic Koopman operator
 * is known exactly (below).
 *
 * <p><b>Random dynamical system.</b> Such a map has no single Koopman operator {@code g -> g o F};
 * we use the stochastic Koopman operator, the conditional expectation over one step of noise,
 * <pre>
 *   (K g)(x) = E[g(x_{n+1}) | x_n = x] = integral over [0, 1] of p(y | x) g(y) dy,
 * </pre>
 * with the transition density {@code p(y | x)} of {@link #transitionDensity}. Snapshot pairs
 * {@code (x, apply(x))} estimate it: {@code g(x_{n+1})} is an unbiased sample of
 * {@code (K g)(x)}. For {@code noiseAmplitude = 1},
 * {@code p(y | x) = c cos^20(pi (y - r x (1 - x)))} with {@code c = 2^20 / binom(20, 10)};
 * expanding {@code cos^20(pi (y - u))} by the binomial theorem shows that {@code K} has rank 21,
 * with range spanned by {@code x -> sin^{20-i}(pi u) cos^i(pi u)}, {@code u = r x (1 - x)},
 * {@code i = 0..20}.
 *
 * <p><b>Reproducibility.</b> The noise comes from a {@link SplittableRandom} seeded with
 * {@code seed} at construction (the uniform draws are turned into {@code eta} by rejection
 * sampling, with {@link StrictMath} so that the values do not depend on the platform). Each call
 * of {@link #apply} advances the generator, so an instance is stateful and not thread-safe; two
 * instances with the same parameters produce bit-identical orbits, and {@link #withSeed} starts
 * a fresh stream. Use one instance, with its own seed, per thread.
 */
public final class NoisyLogisticMap implements DiscreteMap {

    /** The exponent {@code 20} of the noise density {@code cos^20(pi eta)}. */
    public static final int NOISE_EXPONENT = 20;

    /** {@code 1 / integral of cos^20(pi eta) over [-1/2, 1/2] = 2^20 / binom(20, 10)}. */
    private static final double NOISE_NORMALISER = 1048576.0 / 184756.0;

    private final double r;
    private final double noiseAmplitude;
    private final long seed;
    private final SplittableRandom random;

    /**
     * The map with growth rate {@code r}, noise scale {@code noiseAmplitude} and a generator
     * seeded with {@code seed}.
     *
     * @param r              growth rate, in {@code [0, 4]}
     * @param noiseAmplitude scale of the noise, in {@code [0, 1]}; {@code |xi|} is at most
     *                       {@code noiseAmplitude / 2}
     * @param seed           seed of the noise generator
     */
    public NoisyLogisticMap(double r, double noiseAmplitude, long seed) {
        if (!(r >= 0.0 && r <= 4.0)) {
            throw new IllegalArgumentException("r must be in [0, 4], got " + r);
        }
        if (!(noiseAmplitude >= 0.0 && noiseAmplitude <= 1.0)) {
            throw new IllegalArgumentException(
                    "noiseAmplitude must be in [0, 1], got " + noiseAmplitude);
        }
        this.r = r;
        this.noiseAmplitude = noiseAmplitude;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The kooplearn benchmark: {@code r = 4}, {@code noiseAmplitude = 1}. */
    public static NoisyLogisticMap fullyChaotic(long seed) {
        return new NoisyLogisticMap(4.0, 1.0, seed);
    }

    /** The growth rate {@code r}. */
    public double r() {
        return r;
    }

    /** The noise scale: {@code xi = noiseAmplitude * eta}. */
    public double noiseAmplitude() {
        return noiseAmplitude;
    }

    /** The seed the generator started from. */
    public long seed() {
        return seed;
    }

    /** A map with the same parameters and a fresh generator seeded with {@code seed}. */
    public NoisyLogisticMap withSeed(long seed) {
        return new NoisyLogisticMap(r, noiseAmplitude, seed);
    }

    @Override
    public int dimension() {
        return 1;
    }

    /** Draws one noise value (none when {@code noiseAmplitude} is 0) and applies the map. */
    @Override
    public void apply(double[] x, double[] next) {
        double v = logistic(x[0]);
        if (noiseAmplitude > 0.0) {
            v += noiseAmplitude * nextEta();
        }
        next[0] = (v >= 0.0 && v <= 1.0) ? v : v - Math.floor(v);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x"};
    }

    /** The deterministic part {@code r x (1 - x)}. */
    public double logistic(double x) {
        return r * x * (1.0 - x);
    }

    /**
     * The density of the noise {@code xi = noiseAmplitude * eta}:
     * {@code c cos^20(pi xi / a) / a} for {@code |xi| <= a / 2} and 0 elsewhere, with
     * {@code a = noiseAmplitude} and {@code c = 2^20 / binom(20, 10)}.
     *
     * @throws IllegalStateException when {@code noiseAmplitude} is 0 (the noise is then a point
     *                               mass and has no density)
     */
    public double noiseDensity(double xi) {
        if (noiseAmplitude == 0.0) {
            throw new IllegalStateException("noiseAmplitude is 0: the map is deterministic and"
                    + " its noise has no density");
        }
        double eta = xi / noiseAmplitude;
        if (!(Math.abs(eta) <= 0.5)) {
            return 0.0;
        }
        return NOISE_NORMALISER * cosPower(eta) / noiseAmplitude;
    }

    /**
     * The transition density {@code p(y | x)} of {@code x_{n+1} = y} given {@code x_n = x}, with
     * respect to Lebesgue measure on the circle {@code [0, 1]}: the noise density at the
     * difference {@code y - r x (1 - x)} reduced to {@code [-1/2, 1/2]} (since
     * {@code noiseAmplitude <= 1}, the noise never wraps onto itself).
     *
     * @param x current state, in {@code [0, 1]}
     * @param y next state, in {@code [0, 1]}
     * @throws IllegalStateException when {@code noiseAmplitude} is 0
     */
    public double transitionDensity(double x, double y) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("x must be in [0, 1], got " + x);
        }
        if (!(y >= 0.0 && y <= 1.0)) {
            throw new IllegalArgumentException("y must be in [0, 1], got " + y);
        }
        double d = y - logistic(x);
        return noiseDensity(d - Math.rint(d));
    }

    @Override
    public String toString() {
        return "NoisyLogisticMap[r=" + r + ", noiseAmplitude=" + noiseAmplitude + ", seed="
                + seed + "]";
    }

    /** {@code eta} with density proportional to {@code cos^20(pi eta)} on {@code [-1/2, 1/2]}. */
    private double nextEta() {
        // Rejection from the uniform proposal: accepts about 18% of proposals, and every
        // proposal costs two uniforms, which keeps the stream simple to reproduce.
        while (true) {
            double eta = random.nextDouble() - 0.5;
            if (random.nextDouble() < cosPower(eta)) {
                return eta;
            }
        }
    }

    /** {@code cos^20(pi eta)}. */
    private static double cosPower(double eta) {
        double c = StrictMath.cos(Math.PI * eta);
        double c2 = c * c;
        double c4 = c2 * c2;
        double c8 = c4 * c4;
        return c8 * c8 * c4;
    }
}
