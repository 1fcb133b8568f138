package org.phasebook.lattice;

import org.apache.commons.math3.complex.Complex;

/**
 * Argument checks and small closed-form algebra shared by the mean-field rate equations of this
 * package, so that every record reports a bad rate or state in the same words.
 */
final class MeanFieldChecks {

    private MeanFieldChecks() {
    }

    /** Requires a finite rate {@code >= 0}. */
    static void requireRate(String name, double value) {
        if (!(value >= 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    /** Requires a finite value {@code > 0}. */
    static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** Requires a state of the given length. */
    static void requireState(double[] x, int dimension) {
        if (x == null || x.length != dimension) {
            throw new IllegalArgumentException("x must have length " + dimension + ", got "
                    + (x == null ? "null" : x.length));
        }
    }

    /**
     * The eigenvalues {@code tr/2 ± sqrt(tr^2/4 - det)} of a real 2 x 2 matrix, the one with the
     * larger real part (or, for a complex pair, the positive imaginary part) first.
     */
    static Complex[] eigenvalues2x2(double[][] m) {
        double tr = m[0][0] + m[1][1];
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return fromTraceAndDeterminant(tr, det);
    }

    /** The roots of {@code z^2 - tr z + det}, ordered as in {@link #eigenvalues2x2}. */
    static Complex[] fromTraceAndDeterminant(double tr, double det) {
        double half = 0.5 * tr;
        double disc = half * half - det;
        if (disc >= 0.0) {
            double s = Math.sqrt(disc);
            return new Complex[] {new Complex(half + s, 0.0), new Complex(half - s, 0.0)};
        }
        double w = Math.sqrt(-disc);
        return new Complex[] {new Complex(half, w), new Complex(half, -w)};
    }
}
