package org.phasebook.koopman;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The output {@code Gamma} of the paper's convergent spectral method
 * ({@link ErrorControlledSpectrum}, brief §2.5): points {@code z} with their values
 * {@code tau(z)}, and the error bound {@code er_new = max_{z in Gamma} tau(z)}.
 *
 * <p>Meaning: as {@code M -> infinity}, every point lies in the approximate point
 * {@code er}-pseudospectrum of the Koopman operator, that is within {@code er} of its spectrum
 * when the operator is normal (for example unitary); and {@code Gamma} converges to the spectrum
 * as the dictionary grows, in the paper's classes.
 *
 * <p>Invariants: {@code indices} strictly increasing and {@code >= 0}; {@code points} and
 * {@code tau} of the same length, {@code tau} finite and {@code >= 0}. Immutable; the arrays are
 * copied in and out.
 *
 * @param indices the candidates' positions in the input, ascending
 * @param points  the points of {@code Gamma}
 * @param tau     {@code tau} at each point
 */
public record CertifiedSpectrum(int[] indices, List<Complex> points, double[] tau) {

    /** Validates and copies. */
    public CertifiedSpectrum {
        Objects.requireNonNull(indices, "indices");
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        Objects.requireNonNull(tau, "tau");
        if (points.size() != indices.length || tau.length != indices.length) {
            throw new IllegalArgumentException("indices, points and tau must have equal lengths,"
                    + " got " + indices.length + ", " + points.size() + " and " + tau.length);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must be >= 0 and strictly increasing,"
                        + " got " + Arrays.toString(indices));
            }
            if (!(tau[i] >= 0.0) || tau[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("tau[" + i + "] must be finite and >= 0, got "
                        + tau[i]);
            }
        }
        indices = indices.clone();
        tau = tau.clone();
    }

    /** The number of points in {@code Gamma}. */
    public int size() {
        return indices.length;
    }

    /** Whether {@code Gamma} is empty (no candidate had {@code tau < 1}). */
    public boolean isEmpty() {
        return indices.length == 0;
    }

    /**
     * The error bound {@code er_new = max tau} over {@code Gamma}; NaN when {@code Gamma} is
     * empty, so that an error curve shows a gap rather than a false zero.
     */
    public double error() {
        double max = Double.NaN;
        for (double t : tau) {
            max = Double.isNaN(max) ? t : Math.max(max, t);
        }
        return max;
    }

    /** A copy of the candidate positions. */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] tau() {
        return tau.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertifiedSpectrum s && Arrays.equals(indices, s.indices)
                && points.equals(s.points) && Arrays.equals(tau, s.tau);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(indices) + points.hashCode()) + Arrays.hashCode(tau);
    }

    @Override
    public String toString() {
        return "CertifiedSpectrum[" + indices.length + " points, error = " + error() + "]";
    }
}
