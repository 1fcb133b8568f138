package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fourier modes on the torus {@code [0, 2 pi)^d} (the circle for {@code d = 1}): the span of
 * {@code e^{i k . theta}} for wavevectors {@code k} in {@code Z^d} with
 * {@code max_i |k_i| <= K}, {@code N = (2K + 1)^d} functions.
 *
 * <p>Real form, so that all linear algebra stays real: the functions are {@code 1} and, for each
 * {@code k} in the half-lattice {@code H} (first non-zero component positive),
 * {@code sqrt(2) cos(k . theta)} followed by {@code sqrt(2) sin(k . theta)}. They span the same
 * space as the complex modes, so EDMD's eigenvalues, eigenfunctions and residuals are the same,
 * and they are orthonormal for the normalised measure {@code d theta / (2 pi)^d}: with
 * {@link Quadrature#periodicTrapezoid} ({@code M > 2K} nodes per axis) {@code G = I} exactly.
 * {@link #exponential} gives the coefficients of a complex mode.
 *
 * <p>Order: {@code 1}, then {@code H} by {@code max_i |k_i|}, then lexicographically, so that a
 * smaller {@code K} gives a prefix of the dictionary. Immutable.
 */
public final class FourierDictionary implements Dictionary {

    private static final double SQRT2 = Math.sqrt(2.0);
    /** Largest number of functions accepted; more is a mistake in {@code K} or {@code d}. */
    static final int MAX_SIZE = 1 << 20;

    private final int dimension;
    private final int maxWavenumber;
    /** The half-lattice {@code H}: wavevector {@code i} gives functions {@code 2i+1} and {@code 2i+2}. */
    private final int[][] wavevectors;

    private FourierDictionary(int dimension, int maxWavenumber, int[][] wavevectors) {
        this.dimension = dimension;
        this.maxWavenumber = maxWavenumber;
        this.wavevectors = wavevectors;
    }

    /**
     * The modes with {@code max_i |k_i| <= maxWavenumber} on the {@code dimension}-torus.
     *
     * @param dimension     {@code d >= 1}
     * @param maxWavenumber {@code K >= 0}
     */
    public static FourierDictionary of(int dimension, int maxWavenumber) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (maxWavenumber < 0) {
            throw new IllegalArgumentException("maxWavenumber must be >= 0, got " + maxWavenumber);
        }
        double size = Math.pow(2.0 * maxWavenumber + 1, dimension);
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("dimension " + dimension + " and maxWavenumber "
                    + maxWavenumber + " give more than " + MAX_SIZE + " functions");
        }
        List<int[]> half = new ArrayList<>();
        int[] k = new int[dimension];
        Arrays.fill(k, -maxWavenumber);
        for (int n = 0; n < (int) size; n++) {
            if (isInHalfLattice(k)) {
                half.add(k.clone());
            }
            for (int i = dimension - 1; i >= 0 && ++k[i] > maxWavenumber; i--) {
                k[i] = -maxWavenumber;
            }
        }
        half.sort(Comparator.comparingInt(FourierDictionary::maxNorm)
                .thenComparing(Arrays::compare));
        return new FourierDictionary(dimension, maxWavenumber, half.toArray(new int[0][]));
    }

    private static boolean isInHalfLattice(int[] k) {
        for (int value : k) {
            if (value != 0) {
                return value > 0;
            }
        }
        return false;
    }

    private static int maxNorm(int[] k) {
        int max = 0;
        for (int value : k) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    @Override
    public int size() {
        return 2 * wavevectors.length + 1;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The largest wavenumber {@code K}. */
    public int maxWavenumber() {
        return maxWavenumber;
    }

    /**
     * The wavevector of function {@code j}: zero for the constant, {@code k} for both
     * {@code sqrt(2) cos(k . theta)} and {@code sqrt(2) sin(k . theta)}.
     */
    public int[] wavevector(int j) {
        if (j < 0 || j >= size()) {
            throw new IndexOutOfBoundsException("j must be in [0, " + size() + "), got " + j);
        }
        return j == 0 ? new int[dimension] : wavevectors[(j - 1) / 2].clone();
    }

    /**
     * The coefficients {@code c} with {@code sum_j c_j psi_j(theta) = e^{i k . theta}}: for
     * {@code k} in the half-lattice, {@code 1/sqrt(2)} on its cosine and {@code i/sqrt(2)} on
     * its sine; for {@code -k} in it, the complex conjugate.
     *
     * @throws IllegalArgumentException if {@code k} has the wrong length or
     *                                  {@code max_i |k_i| > K}
     */
    public ComplexVector exponential(int... k) {
        if (k.length != dimension) {
            throw new IllegalArgumentException("k must have length d = " + dimension + ", got "
                    + k.length);
        }
        if (maxNorm(k) > maxWavenumber) {
            throw new IllegalArgumentException("k must have max |k_i| <= K = " + maxWavenumber
                    + ", got " + Arrays.toString(k));
        }
        double[] re = new double[size()];
        double[] im = new double[size()];
        if (maxNorm(k) == 0) {
            re[0] = 1.0;
            return new ComplexVector(re, im);
        }
        boolean positive = isInHalfLattice(k);
        int[] h = positive ? k : Arrays.stream(k).map(v -> -v).toArray();
        for (int i = 0; i < wavevectors.length; i++) {
            if (Arrays.equals(wavevectors[i], h)) {
                re[2 * i + 1] = 1.0 / SQRT2;
                im[2 * i + 2] = (positive ? 1.0 : -1.0) / SQRT2;
            }
        }
        return new ComplexVector(re, im);
    }

    @Override
    public void evaluate(double[] theta, double[] values) {
        values[0] = 1.0;
        for (int i = 0; i < wavevectors.length; i++) {
            int[] k = wavevectors[i];
            double phase = 0.0;
            for (int c = 0; c < dimension; c++) {
                phase += k[c] * theta[c];
            }
            values[2 * i + 1] = SQRT2 * Math.cos(phase);
            values[2 * i + 2] = SQRT2 * Math.sin(phase);
        }
    }

    @Override
    public String toString() {
        return "FourierDictionary[d=" + dimension + ", K=" + maxWavenumber + ", N=" + size() + "]";
    }
}
