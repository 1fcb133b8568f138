package org.phasebook.koopman;

/**
 * The coordinate functions {@code psi_j(x) = x_j}, {@code j = 1..d}.
 *
 * <p>On delay vectors from {@link DelayEmbedding} these are the delay coordinates of brief §2.1,
 * {@code psi_j(x_m) = u_{m+h(j-1)}}, the dictionary of the Lorenz, Rössler and ECG pipelines.
 * On a linear map's states they span an invariant space (linear DMD).
 *
 * @param dimension the dimension {@code d >= 1}, which is also the size {@code N}
 */
public record CoordinateDictionary(int dimension) implements Dictionary {

    /** Validates the dimension. */
    public CoordinateDictionary {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
    }

    @Override
    public int size() {
        return dimension;
    }

    @Override
    public void evaluate(double[] x, double[] values) {
        System.arraycopy(x, 0, values, 0, dimension);
    }
}
