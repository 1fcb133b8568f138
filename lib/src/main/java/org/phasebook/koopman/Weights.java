package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * Quadrature weights {@code w_1..w_M} for the snapshots, the diagonal of {@code W} in the
 * Galerkin matrices {@code G = Psi_X^* W Psi_X} etc. (brief §2.1).
 *
 * <p>With weights {@code w}, a sum {@code sum_m w_m f(x_m)} approximates {@code int f d omega}
 * for the measure {@code omega} the snapshots sample: the Monte Carlo (ergodic) weights
 * {@code 1/M} a probability measure, a quadrature rule its own measure (see
 * {@link Quadrature}).
 *
 * <p>Invariants: at least one weight; every weight finite and {@code >= 0}; positive sum. The
 * array is copied on the way in and out.
 *
 * @param values the weights
 */
public record Weights(double[] values) {

    /** Validates and copies the weights. */
    public Weights {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("weights must hold at least 1 value, got 0");
        }
        double sum = 0.0;
        for (int m = 0; m < values.length; m++) {
            if (!(values[m] >= 0.0) || values[m] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "weights[" + m + "] must be finite and >= 0, got " + values[m]);
            }
            sum += values[m];
        }
        if (!(sum > 0.0)) {
            throw new IllegalArgumentException("weights must have a positive sum, got " + sum);
        }
        values = values.clone();
    }

    /** The given weights. */
    public static Weights of(double... values) {
        return new Weights(values);
    }

    /** Monte Carlo or ergodic weights {@code w_m = 1/M}, for random or trajectory data. */
    public static Weights monteCarlo(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be >= 1, got " + m);
        }
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        return new Weights(w);
    }

    /** Number of weights {@code M}. */
    public int size() {
        return values.length;
    }

    /** Weight {@code w_m}. */
    public double get(int m) {
        return values[m];
    }

    /** The square roots {@code sqrt(w_m)}, the row scaling of {@code W^{1/2} Psi}. */
    double[] sqrt() {
        double[] s = new double[values.length];
        for (int m = 0; m < s.length; m++) {
            s[m] = Math.sqrt(values[m]);
        }
        return s;
    }

    /** A copy of the weights. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights w && Arrays.equals(values, w.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Weights[M=" + values.length + "]";
    }
}
