package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.phasebook.systems.DormandPrince853;
import org.phasebook.systems.IntegrationSettings;
import org.phasebook.systems.Lorenz;
import org.phasebook.systems.OutputGrid;

/**
 * A sampled scalar series whose spectral type is known by construction: the generated
 * substitutes for the lid-driven-cavity data of figure D5 (brief §3), on which {@link Rage}
 * should find a plateau at {@code pointFraction}.
 *
 * <ul>
 *   <li>{@link #quasiPeriodic}: {@code u(t) = sum_k a_k cos(omega_k t + phi_k)} with
 *       {@code a = (1, 0.7, 0.5)}, {@code omega = (1, sqrt 2, (1 + sqrt 5)/2)} (rationally
 *       independent) and seeded phases; a Koopman eigenfunction expansion with six eigenvalues
 *       {@code e^{+- i omega_k dt}}: pure point, {@code pointFraction = 1}.</li>
 *   <li>{@link #lorenzX}: the {@code x} coordinate of the classical {@link Lorenz} system along
 *       one orbit on the attractor, whose invariant measure is mixing: apart from the constants
 *       the spectrum is continuous, {@code pointFraction = 0} (the mean of {@code x} vanishes
 *       by the symmetry {@code (x, y, z) -> (-x, -y, z)}).</li>
 *   <li>{@link #mixture}: {@code q(t) + s x(t)}, the two above with {@code s} set so that the
 *       quasi-periodic part carries the fraction {@code f} of the energy: the energy
 *       {@code sum_k a_k^2 / 2} of {@code q} (its exact time average) against
 *       {@code s^2} times the sample variance of {@code x}. The cross term
 *       {@code 2 s <q, x>} averages to 0 over the orbit (the parts have disjoint spectral
 *       types), so {@code pointFraction = f} up to sampling error.</li>
 * </ul>
 * The same arguments give the same values, bit for bit.
 *
 * @param values        the samples {@code u(t_0 + i dt)}, finite, at least 2
 * @param dt            the sampling interval, finite and {@code > 0}
 * @param pointFraction the share of the energy of the mean-free series in the eigenfunctions,
 *                      in {@code [0, 1]}
 * @param description   what the series is, for captions
 */
public record KnownSpectrumSeries(double[] values, double dt, double pointFraction,
        String description) {

    private static final double[] AMPLITUDES = {1.0, 0.7, 0.5};
    private static final double[] FREQUENCIES = {1.0, Math.sqrt(2.0), 0.5 * (1.0 + Math.sqrt(5.0))};
    /** Transient before sampling Lorenz, long enough to land on the attractor. */
    private static final double LORENZ_TRANSIENT = 100.0;

    /** Validates and copies. */
    public KnownSpectrumSeries {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(description, "description");
        if (values.length < 2) {
            throw new IllegalArgumentException("values must hold at least 2 samples, got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, got "
                        + values[i]);
            }
        }
        checkDt(dt);
        if (!(pointFraction >= 0.0 && pointFraction <= 1.0)) {
            throw new IllegalArgumentException("pointFraction must be in [0, 1], got "
                    + pointFraction);
        }
        values = values.clone();
    }

    /**
     * The quasi-periodic series {@code sum_k a_k cos(omega_k i dt + phi_k)}, {@code i = 0..n-1},
     * with phases {@code phi_k} uniform in {@code [0, 2 pi)} from {@code seed}.
     *
     * @param length number of samples, {@code >= 2}
     * @param dt     sampling interval, finite and {@code > 0}
     * @param seed   seed of the phases
     */
    public static KnownSpectrumSeries quasiPeriodic(int length, double dt, long seed) {
        checkLength(length);
        checkDt(dt);
        double[] phases = phases(seed);
        double[] u = new double[length];
        for (int i = 0; i < length; i++) {
            double t = i * dt;
            double sum = 0.0;
            for (int k = 0; k < AMPLITUDES.length; k++) {
                sum += AMPLITUDES[k] * Math.cos(FREQUENCIES[k] * t + phases[k]);
            }
            u[i] = sum;
        }
        return new KnownSpectrumSeries(u, dt, 1.0, "quasi-periodic: amplitudes "
                + Arrays.toString(AMPLITUDES) + ", frequencies " + Arrays.toString(FREQUENCIES)
                + ", seed " + seed);
    }

    /**
     * {@code x(t)} of the classical Lorenz system, from a start uniform in {@code [-2, 2]^3}
     * (from {@code seed}) after a transient of 100 time units, integrated by
     * {@link DormandPrince853} at tolerance {@code 1e-10}.
     *
     * @param length number of samples, {@code >= 2}
     * @param dt     sampling interval, finite and {@code > 0}
     * @param seed   seed of the initial state
     */
    public static KnownSpectrumSeries lorenzX(int length, double dt, long seed) {
        checkLength(length);
        checkDt(dt);
        SplittableRandom random = new SplittableRandom(seed);
        double[] start = new double[3];
        for (int k = 0; k < 3; k++) {
            start[k] = random.nextDouble(-2.0, 2.0);
        }
        double[] x = new DormandPrince853(IntegrationSettings.defaults())
                .integrate(Lorenz.classical(), start,
                        new OutputGrid(0.0, LORENZ_TRANSIENT, dt, length))
                .component(0);
        return new KnownSpectrumSeries(x, dt, 0.0, "Lorenz x(t), sigma = 10, rho = 28,"
                + " beta = 8/3, seed " + seed);
    }

    /**
     * The sum of {@link #quasiPeriodic} and a scaled {@link #lorenzX} (same {@code seed}) in
     * which the quasi-periodic part carries the energy fraction {@code pointFraction}.
     *
     * @param pointFraction {@code f}, in {@code (0, 1)}
     */
    public static KnownSpectrumSeries mixture(int length, double dt, double pointFraction,
            long seed) {
        if (!(pointFraction > 0.0 && pointFraction < 1.0)) {
            throw new IllegalArgumentException("pointFraction must be in (0, 1), got "
                    + pointFraction);
        }
        double[] q = quasiPeriodic(length, dt, seed).values;
        double[] x = lorenzX(length, dt, seed).values;
        double pointEnergy = 0.0;
        for (double a : AMPLITUDES) {
            pointEnergy += 0.5 * a * a;
        }
        double scale = Math.sqrt(pointEnergy * (1.0 - pointFraction)
                / (pointFraction * variance(x)));
        double[] u = new double[length];
        for (int i = 0; i < length; i++) {
            u[i] = q[i] + scale * x[i];
        }
        return new KnownSpectrumSeries(u, dt, pointFraction, "quasi-periodic + " + scale
                + " Lorenz x(t), point fraction " + pointFraction + ", seed " + seed);
    }

    private static double[] phases(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] phases = new double[AMPLITUDES.length];
        for (int k = 0; k < phases.length; k++) {
            phases[k] = random.nextDouble(0.0, 2.0 * Math.PI);
        }
        return phases;
    }

    private static double variance(double[] x) {
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0.0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / x.length;
    }

    private static void checkLength(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("length must be >= 2, got " + length);
        }
    }

    private static void checkDt(double dt) {
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
    }

    /** The number of samples. */
    public int length() {
        return values.length;
    }

    /** A copy of the samples. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownSpectrumSeries s && Arrays.equals(values, s.values)
                && Double.compare(dt, s.dt) == 0
                && Double.compare(pointFraction, s.pointFraction) == 0
                && description.equals(s.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), dt, pointFraction, description);
    }

    @Override
    public String toString() {
        return "KnownSpectrumSeries[" + description + ", " + values.length + " samples, dt = "
                + dt + "]";
    }
}
