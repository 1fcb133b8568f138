package org.phasebook.hmm;

import java.util.Objects;

/**
 * The eigenvalues {@code lambda = real + i imaginary} of a Jacobian of the RNN, with the local
 * stability counts of the brief {@code hmm-rnn.md} §8.
 *
 * <p><b>Computation.</b> {@link #of(RnnDynamics, double[], double[])} needs no eigenvalue
 * problem of full size: with {@code S} the active units ({@code pre_i > 0}) and {@code N} the
 * rest, {@code J = diag(1_S) W_hh} has zero rows on {@code N}, so after permuting {@code S}
 * first it is block upper triangular, {@code [[W_SS, W_SN], [0, 0]]}; its eigenvalues are
 * those of the principal submatrix {@code W_SS} and {@code |N|} exact zeros. With half the
 * units active that is an eighth of the work of the full {@code dgeev}; measured at
 * {@code H = 150} with about 71 active units, 2,000 spectra take about 2.5 s (about 1.2 ms each,
 * against 2.6 ms for a full {@code 150 x 150} {@code dgeev}) on the 2-core reference machine.
 *
 * <p><b>Counts.</b> {@link #unstableCount()} counts {@code |lambda| > 1}, which is
 * {@code Re w > 0} for the Möbius map {@code w = (lambda - 1)/(lambda + 1)};
 * {@link #criticalPairs(CriticalityCriteria)} counts Hopf-like pairs, once per conjugate pair.
 *
 * <p>The arrays are not copies; treat them as read-only.
 *
 * @param real      real parts, length {@code H}
 * @param imaginary imaginary parts, length {@code H}; conjugate pairs appear as
 *                  {@code (re, +im), (re, -im)}
 */
public record JacobianSpectrum(double[] real, double[] imaginary) {

    /** Checks that the two arrays have the same length. */
    public JacobianSpectrum {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(imaginary, "imaginary");
        if (real.length != imaginary.length) {
            throw new IllegalArgumentException("real and imaginary must have the same length, got "
                    + real.length + " and " + imaginary.length);
        }
    }

    /**
     * The spectrum of {@code J(h, x) = diag(1[pre(h, x) > 0]) W_hh}.
     *
     * @param dynamics the network (the modified one for an intervention)
     * @param state    {@code h}, length {@code H}
     * @param input    {@code x}, length {@code d}, or {@code null} for the noise-free Jacobian
     */
    public static JacobianSpectrum of(RnnDynamics dynamics, double[] state, double[] input) {
        Objects.requireNonNull(dynamics, "dynamics");
        boolean[] on = dynamics.activeUnits(state, input);
        int h = on.length;
        int[] active = new int[h];
        int s = 0;
        for (int i = 0; i < h; i++) {
            if (on[i]) {
                active[s++] = i;
            }
        }
        double[][] w = dynamics.weights().whh();
        double[] block = new double[s * s];
        for (int c = 0; c < s; c++) {
            for (int r = 0; r < s; r++) {
                block[c * s + r] = w[active[r]][active[c]];
            }
        }
        double[][] eig = GeneralEigenvalues.ofColumnMajor(block, s);
        double[] re = new double[h];
        double[] im = new double[h];
        System.arraycopy(eig[0], 0, re, 0, s);
        System.arraycopy(eig[1], 0, im, 0, s);
        return new JacobianSpectrum(re, im);
    }

    /**
     * The spectrum of any real square matrix (rows {@code m[i]}, not modified).
     *
     * @throws IllegalArgumentException if {@code m} is not square with finite entries
     */
    public static JacobianSpectrum ofMatrix(double[][] m) {
        Objects.requireNonNull(m, "m");
        int n = m.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException("m must be square: row " + i + " has length "
                        + (m[i] == null ? "null" : m[i].length) + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException("m[" + i + "][" + j + "] must be finite, got " + m[i][j]);
                }
                a[j * n + i] = m[i][j];
            }
        }
        double[][] eig = GeneralEigenvalues.ofColumnMajor(a, n);
        return new JacobianSpectrum(eig[0], eig[1]);
    }

    /** The number of eigenvalues. */
    public int size() {
        return real.length;
    }

    /** The number of eigenvalues with {@code |lambda| > 1} ({@code Re w > 0}), each conjugate counted. */
    public int unstableCount() {
        int n = 0;
        for (int i = 0; i < real.length; i++) {
            if (real[i] * real[i] + imaginary[i] * imaginary[i] > 1.0) {
                n++;
            }
        }
        return n;
    }

    /** The number of Hopf-like conjugate pairs under {@code criteria}, one per pair. */
    public int criticalPairs(CriticalityCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        int n = 0;
        for (int i = 0; i < real.length; i++) {
            if (criteria.isCritical(real[i], imaginary[i])) {
                n++;
            }
        }
        return n;
    }

    /** The largest {@code |lambda|}, 0 for an empty spectrum. */
    public double spectralRadius() {
        double r = 0.0;
        for (int i = 0; i < real.length; i++) {
            r = Math.max(r, Math.hypot(real[i], imaginary[i]));
        }
        return r;
    }

    /** {@code w = (lambda - 1)/(lambda + 1)} of eigenvalue {@code i}, as {@code {Re w, Im w}}. */
    public double[] mobius(int i) {
        return mobius(real[i], imaginary[i]);
    }

    /** {@code w = (lambda - 1)/(lambda + 1)} of {@code lambda = re + i im}, as {@code {Re w, Im w}}. */
    public static double[] mobius(double re, double im) {
        double denominator = (re + 1.0) * (re + 1.0) + im * im;
        return new double[] {(re * re + im * im - 1.0) / denominator, 2.0 * im / denominator};
    }
}
