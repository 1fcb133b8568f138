package org.phasebook.koopman;

import java.util.Objects;

/**
 * One EDMD eigenpair with its residual: the eigenvalue {@code lambda}, the coefficients
 * {@code v} of the eigenfunction {@code phi = sum_j v_j psi_j} in the dictionary (normalised so
 * that {@code ||phi||_W = 1}), and {@code res(lambda, v)}, the relative error
 * {@code ||(K - lambda) phi|| / ||phi||} measured by the quadrature (brief §2.3). A pair with
 * residual {@code <= epsilon} is <em>verified</em>: as {@code M} grows, {@code lambda} lies in the
 * {@code epsilon}-pseudospectrum of {@code K} (within {@code epsilon} of the spectrum for normal
 * {@code K}).
 *
 * @param index       the pair's position in the model, from 0
 * @param eigenvalue  {@code lambda}
 * @param eigenvector the coefficients {@code v}
 * @param residual    {@code res(lambda, v) >= 0}
 */
public record Eigenpair(int index, Complex eigenvalue, ComplexVector eigenvector,
        double residual) {

    /** Validates the fields. */
    public Eigenpair {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(eigenvalue, "eigenvalue");
        Objects.requireNonNull(eigenvector, "eigenvector");
        if (!(residual >= 0.0)) {
            throw new IllegalArgumentException("residual must be >= 0, got " + residual);
        }
    }
}
