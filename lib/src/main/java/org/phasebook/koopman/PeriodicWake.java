package org.phasebook.koopman;

import java.util.SplittableRandom;

/**
 * The generated substitute for the paper's cylinder-wake data (brief §3, "out of reach": 120
 * vorticity snapshots behind an external link): a periodic field in {@code R^D},
 * <pre>
 *   x_t = sum_{k=1}^{K} r^{k-1} (a_k cos(k omega t) + b_k sin(k omega t)),   t = 0, 1, 2, ...
 * </pre>
 * in units of the sampling interval, with fixed random directions {@code a_k, b_k} (entries
 * standard normal over {@code sqrt(D)}, drawn from {@code seed}) and amplitudes decaying by
 * {@code r} per harmonic, as a wake's shedding harmonics do. The orbit is a circle traversed at
 * the constant angle {@code omega dt} per sample, so its Koopman eigenvalues are known exactly:
 * {@code e^{+- i k omega dt}}, {@code k = 1..K}, together with 1 for the constants. The field
 * spans {@code 2K} directions, so a POD dictionary of {@code N = 2K} modes is invariant and EDMD
 * recovers those eigenvalues exactly; smaller {@code N} truncates the harmonics, which is where
 * EDMD's eigenvalues go wrong and residuals tell.
 *
 * @param dimension the dimension {@code D} of a snapshot, at least {@code 2K} (so that the
 *                  {@code 2K} directions are independent)
 * @param harmonics the number {@code K >= 1} of harmonics
 * @param omegaDt   the angle {@code omega dt} per sample, in {@code (0, pi / K)}: then the
 *                  angles {@code k omega dt} stay below {@code pi} and the {@code 2K}
 *                  eigenvalues are distinct (no aliasing)
 * @param decay     the amplitude ratio {@code r} between consecutive harmonics, in {@code (0, 1]}
 * @param seed      the seed of the directions {@code a_k, b_k}
 */
public record PeriodicWake(int dimension, int harmonics, double omegaDt, double decay, long seed) {

    /** Validates the ranges. */
    public PeriodicWake {
        if (harmonics < 1) {
            throw new IllegalArgumentException("harmonics must be >= 1, got " + harmonics);
        }
        if (dimension < 2 * harmonics) {
            throw new IllegalArgumentException("dimension must be >= 2 * harmonics = " + 2 * harmonics
                    + ", got " + dimension);
        }
        if (!(omegaDt > 0.0 && omegaDt < Math.PI / harmonics)) {
            throw new IllegalArgumentException("omegaDt must be in (0, pi / harmonics) = (0, "
                    + Math.PI / harmonics + "), got " + omegaDt);
        }
        if (!(decay > 0.0 && decay <= 1.0)) {
            throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
        }
    }

    /**
     * The sizes of the paper's example where the brief gives them: {@code D = 2000},
     * {@code K = 25} (so that the POD sizes {@code N = 1..50} reach the invariant space exactly
     * at 50), {@code r = 0.8}; our choice {@code omega dt = pi / 26}, 52 samples per period, so
     * that 120 snapshots hold 2.3 periods.
     */
    public static PeriodicWake defaults(long seed) {
        return new PeriodicWake(2000, 25, Math.PI / 26.0, 0.8, seed);
    }

    /** The snapshots {@code x_0 .. x_{count-1}}, one per row, {@code count x D}. */
    public double[][] snapshots(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double[][] a = new double[harmonics][dimension];
        double[][] b = new double[harmonics][dimension];
        SplittableRandom random = new SplittableRandom(seed);
        double scale = 1.0 / Math.sqrt(dimension);
        for (int k = 0; k < harmonics; k++) {
            double amplitude = scale * Math.pow(decay, k);
            for (int i = 0; i < dimension; i++) {
                a[k][i] = amplitude * random.nextGaussian();
                b[k][i] = amplitude * random.nextGaussian();
            }
        }
        double[][] x = new double[count][dimension];
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < harmonics; k++) {
                double angle = (k + 1) * omegaDt * t;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                double[] row = x[t];
                for (int i = 0; i < dimension; i++) {
                    row[i] += c * a[k][i] + s * b[k][i];
                }
            }
        }
        return x;
    }

    /** The {@code 2K} exact eigenvalues, {@code e^{i k omega dt}} then {@code e^{-i k omega dt}}, k = 1..K. */
    public Complex[] exactEigenvalues() {
        Complex[] lambda = new Complex[2 * harmonics];
        for (int k = 0; k < harmonics; k++) {
            double angle = (k + 1) * omegaDt;
            lambda[2 * k] = new Complex(Math.cos(angle), Math.sin(angle));
            lambda[2 * k + 1] = new Complex(Math.cos(angle), -Math.sin(angle));
        }
        return lambda;
    }
}
