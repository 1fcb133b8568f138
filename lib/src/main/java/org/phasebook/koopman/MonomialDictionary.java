package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.List;

/**
 * The monomials {@code x^e = x_1^{e_1} ... x_d^{e_d}} of total degree {@code |e| <= p} in
 * {@code d} variables: {@code N = (d + p)! / (d! p!)} functions.
 *
 * <p>They span the polynomials of degree {@code <= p}, a space every linear map leaves
 * invariant, so EDMD with this dictionary is exact for linear dynamics: the eigenvalues are the
 * products {@code prod mu_k^{n_k}} of the linear map's eigenvalues with {@code sum n_k <= p}
 * (brief §4, oracles 2 and 3).
 *
 * <p>Order: by degree, and within a degree lexicographically by exponent, largest first
 * ({@code 1, x_1, x_2, x_1^2, x_1 x_2, x_2^2, ...}). Immutable.
 */
public final class MonomialDictionary implements Dictionary {

    /** Largest number of functions accepted; more is a mistake in the degree. */
    static final int MAX_SIZE = 1 << 20;

    private final int dimension;
    private final int degree;
    private final int[][] exponents;

    private MonomialDictionary(int dimension, int degree, int[][] exponents) {
        this.dimension = dimension;
        this.degree = degree;
        this.exponents = exponents;
    }

    /**
     * The monomials in {@code dimension >= 1} variables of total degree {@code <= degree}
     * ({@code degree >= 0}).
     */
    public static MonomialDictionary of(int dimension, int degree) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        long count = 1;
        for (int k = 1; k <= dimension && count <= MAX_SIZE; k++) {
            count = count * (degree + k) / k;
        }
        if (count > MAX_SIZE) {
            throw new IllegalArgumentException("dimension " + dimension + " and degree " + degree
                    + " give more than " + MAX_SIZE + " monomials");
        }
        List<int[]> list = new ArrayList<>();
        for (int total = 0; total <= degree; total++) {
            addExponents(new int[dimension], 0, total, list);
        }
        return new MonomialDictionary(dimension, degree, list.toArray(new int[0][]));
    }

    /** Appends the exponents with sum {@code remaining} in positions {@code k..d-1}, largest first. */
    private static void addExponents(int[] e, int k, int remaining, List<int[]> out) {
        if (k == e.length - 1) {
            e[k] = remaining;
            out.add(e.clone());
            return;
        }
        for (int value = remaining; value >= 0; value--) {
            e[k] = value;
            addExponents(e, k + 1, remaining - value, out);
        }
    }

    @Override
    public int size() {
        return exponents.length;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The maximal total degree {@code p}. */
    public int degree() {
        return degree;
    }

    /** The exponent vector {@code e} of function {@code j}, copied. */
    public int[] exponents(int j) {
        return exponents[j].clone();
    }

    @Override
    public void evaluate(double[] x, double[] values) {
        for (int j = 0; j < exponents.length; j++) {
            double value = 1.0;
            int[] e = exponents[j];
            for (int k = 0; k < dimension; k++) {
                for (int power = 0; power < e[k]; power++) {
                    value *= x[k];
                }
            }
            values[j] = value;
        }
    }

    @Override
    public String toString() {
        return "MonomialDictionary[d=" + dimension + ", degree=" + degree + ", N="
                + exponents.length + "]";
    }
}
