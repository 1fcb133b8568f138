package org.phasebook.systems;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rotation of the {@code d}-torus by the angles {@code omega = (omega_0, ..., omega_{d-1})},
 * <pre>
 *   theta_{n+1} = theta_n + omega  (mod 2 pi, in each coordinate),
 * </pre>
 * on angles represented in {@code [0, 2 pi)^d}; with {@code d = 1} it is the
 * {@link CircleRotation}.
 *
 * <p>Its Koopman operator is unitary with eigenfunctions {@code e^{i <k, theta>}} and
 * eigenvalues {@code e^{i <k, omega>}}, {@code k} in {@code Z^d}. When
 * {@code 1, omega_0 / 2 pi, ..., omega_{d-1} / 2 pi} are rationally independent the rotation is
 * uniquely ergodic: quasi-periodic motion, whose Koopman spectrum is pure point and dense in
 * the unit circle.
 *
 * <p>Immutable: the angles are copied in and out.
 *
 * @param omegas rotation angles in radians, at least one, each finite
 */
public record TorusRotation(double... omegas) implements DiscreteMap {

    /** Validates and copies the angles. */
    public TorusRotation {
        Objects.requireNonNull(omegas, "omegas");
        omegas = omegas.clone();
        if (omegas.length < 1) {
            throw new IllegalArgumentException("omegas must hold at least 1 angle, got 0");
        }
        for (int k = 0; k < omegas.length; k++) {
            if (!Double.isFinite(omegas[k])) {
                throw new IllegalArgumentException(
                        "omegas[" + k + "] must be finite, got " + omegas[k]);
            }
        }
    }

    /** A copy of the rotation angles. */
    @Override
    public double[] omegas() {
        return omegas.clone();
    }

    @Override
    public int dimension() {
        return omegas.length;
    }

    @Override
    public void apply(double[] x, double[] next) {
        for (int k = 0; k < omegas.length; k++) {
            next[k] = PeriodicCoordinate.reduce(x[k] + omegas[k], 2.0 * Math.PI);
        }
    }

    /** {@code theta0, theta1, ...}. */
    @Override
    public String[] variableNames() {
        String[] names = new String[omegas.length];
        for (int k = 0; k < names.length; k++) {
            names[k] = "theta" + k;
        }
        return names;
    }

    /**
     * The closed form of the {@code n}-th iterate, {@code theta0 + n omega (mod 2 pi)}
     * coordinate-wise, as a fresh array; see {@link CircleRotation#exactState}.
     *
     * @param theta0 initial angles, finite, of length {@link #dimension()}
     * @param n      number of iterations, {@code >= 0}
     */
    public double[] exactState(double[] theta0, long n) {
        Objects.requireNonNull(theta0, "theta0");
        if (theta0.length != omegas.length) {
            throw new IllegalArgumentException(
                    "theta0 must have length " + omegas.length + ", got " + theta0.length);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] out = new double[omegas.length];
        for (int k = 0; k < out.length; k++) {
            if (!Double.isFinite(theta0[k])) {
                throw new IllegalArgumentException(
                        "theta0[" + k + "] must be finite, got " + theta0[k]);
            }
            out[k] = PeriodicCoordinate.reduce(theta0[k] + n * omegas[k], 2.0 * Math.PI);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorusRotation other && Arrays.equals(omegas, other.omegas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(omegas);
    }

    @Override
    public String toString() {
        return "TorusRotation[omegas=" + Arrays.toString(omegas) + "]";
    }
}
