package org.phasebook.koopman;

import java.util.Objects;

/**
 * A dictionary: {@code N} real functions {@code psi_1..psi_N} on {@code R^d} whose span is the
 * subspace in which Koopman estimators approximate eigenfunctions (brief §2.1).
 *
 * <p>Evaluated at points {@code x_1..x_M} it gives the {@code M x N} matrix
 * {@code (Psi_X)_{mj} = psi_j(x_m)}. Dictionaries are real: a complex family such as the
 * Fourier modes {@code e^{i k theta}} is represented by its real and imaginary parts, which span
 * the same space, so the Koopman spectrum and eigenfunctions found are the same while all
 * linear algebra stays real (see {@link FourierDictionary}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Dictionary {

    /** The number of functions {@code N >= 1}. */
    int size();

    /** The dimension {@code d >= 1} of the points the functions take. */
    int dimension();

    /**
     * Writes {@code psi_1(x)..psi_N(x)} into {@code values[0..N-1]}. Called on hot paths: must
     * not allocate per call where avoidable, must not modify or retain {@code x}.
     *
     * @param x      a point, of length {@link #dimension()}
     * @param values receives the {@code N} values
     */
    void evaluate(double[] x, double[] values);

    /**
     * The {@code M x N} matrix {@code Psi} with {@code Psi[m][j] = psi_j(points[m])}.
     *
     * @throws IllegalArgumentException if a point does not have length {@link #dimension()}
     */
    default double[][] evaluate(double[][] points) {
        Objects.requireNonNull(points, "points");
        double[][] psi = new double[points.length][size()];
        for (int m = 0; m < points.length; m++) {
            evaluate(checkPoint(this, points, m), psi[m]);
        }
        return psi;
    }

    private static double[] checkPoint(Dictionary dictionary, double[][] points, int m) {
        double[] x = points[m];
        if (x == null || x.length != dictionary.dimension()) {
            throw new IllegalArgumentException("points[" + m + "] must have length d = "
                    + dictionary.dimension() + ", the dictionary's dimension, got "
                    + (x == null ? "null" : x.length));
        }
        return x;
    }
}
