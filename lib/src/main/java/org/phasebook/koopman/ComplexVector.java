package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable complex vector stored as its real and imaginary parts: an eigenvector, the values
 * of an eigenfunction at points, or a Koopman mode.
 *
 * <p>Split storage is what LAPACK's real routines produce and consume, so no complex arithmetic
 * library is needed. Both arrays are copied on the way in and out. (A class rather than a
 * record so that code of this package can hand over arrays it has just filled without a second
 * copy: unpacking the 500 eigenvectors of a 500 x 500 matrix copied 4 MB twice, about 4 ms
 * beside the 115 ms of LAPACK's dgeev.)
 */
public final class ComplexVector {

    private final double[] re;
    private final double[] im;

    /**
     * Validates and copies the parts.
     *
     * @param re real parts
     * @param im imaginary parts, the same length as {@code re}
     */
    public ComplexVector(double[] re, double[] im) {
        this(checked(re, im).clone(), im.clone(), null);
    }

    /** Takes the arrays as they are; the last parameter only tells this constructor apart. */
    private ComplexVector(double[] re, double[] im, Void owned) {
        this.re = re;
        this.im = im;
    }

    /**
     * The vector with these parts, which it keeps without copying: for arrays just filled by
     * code of this package and held by nothing else.
     */
    static ComplexVector adopt(double[] re, double[] im) {
        return new ComplexVector(checked(re, im), im, null);
    }

    private static double[] checked(double[] re, double[] im) {
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        if (re.length != im.length) {
            throw new IllegalArgumentException("im must have the length of re, " + re.length
                    + ", got " + im.length);
        }
        return re;
    }

    /** The real vector {@code re} (imaginary parts zero). */
    public static ComplexVector real(double[] re) {
        return adopt(re.clone(), new double[re.length]);
    }

    /** The vector with the given entries. */
    public static ComplexVector of(Complex... entries) {
        double[] re = new double[entries.length];
        double[] im = new double[entries.length];
        for (int i = 0; i < entries.length; i++) {
            re[i] = entries[i].re();
            im[i] = entries[i].im();
        }
        return adopt(re, im);
    }

    /** Number of entries. */
    public int length() {
        return re.length;
    }

    /** Entry {@code i}. */
    public Complex get(int i) {
        return new Complex(re[i], im[i]);
    }

    /** Real part of entry {@code i}, without copying. */
    public double re(int i) {
        return re[i];
    }

    /** Imaginary part of entry {@code i}, without copying. */
    public double im(int i) {
        return im[i];
    }

    /** The Euclidean norm {@code sqrt(sum |v_i|^2)}. */
    public double norm() {
        return norm(re, 0, im, 0, re.length);
    }

    /**
     * The Euclidean norm of the vector with real parts {@code re[reFrom..reFrom+n-1]} and
     * imaginary parts {@code im[imFrom..imFrom+n-1]}, or none if {@code im} is null; computed
     * as {@link #norm()} computes it, so the two agree bit for bit. Scaled by the largest part,
     * so that squaring neither overflows nor underflows.
     */
    static double norm(double[] re, int reFrom, double[] im, int imFrom, int n) {
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            double b = im == null ? 0.0 : Math.abs(im[imFrom + i]);
            scale = Math.max(scale, Math.max(Math.abs(re[reFrom + i]), b));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double a = re[reFrom + i] / scale;
            double b = im == null ? 0.0 : im[imFrom + i] / scale;
            sum += a * a + b * b;
        }
        return scale * Math.sqrt(sum);
    }

    /** {@code s * this} for a complex scalar {@code s}. */
    public ComplexVector times(Complex s) {
        double[] r = new double[re.length];
        double[] m = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            r[i] = s.re() * re[i] - s.im() * im[i];
            m[i] = s.re() * im[i] + s.im() * re[i];
        }
        return adopt(r, m);
    }

    /** The Hermitian inner product {@code w* this = sum conj(w_i) this_i}. */
    public Complex dot(ComplexVector w) {
        if (w.length() != re.length) {
            throw new IllegalArgumentException("w must have length " + re.length + ", got "
                    + w.length());
        }
        double r = 0.0;
        double m = 0.0;
        for (int i = 0; i < re.length; i++) {
            r += w.re[i] * re[i] + w.im[i] * im[i];
            m += w.re[i] * im[i] - w.im[i] * re[i];
        }
        return new Complex(r, m);
    }

    /** Copies the real parts to {@code re[reFrom..]} and the imaginary parts to {@code im[imFrom..]}. */
    void copyTo(double[] re, int reFrom, double[] im, int imFrom) {
        System.arraycopy(this.re, 0, re, reFrom, this.re.length);
        System.arraycopy(this.im, 0, im, imFrom, this.im.length);
    }

    /** A copy of the real parts. */
    public double[] re() {
        return re.clone();
    }

    /** A copy of the imaginary parts. */
    public double[] im() {
        return im.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexVector v && Arrays.equals(re, v.re) && Arrays.equals(im, v.im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < re.length; i++) {
            s.append(i == 0 ? "" : ", ").append(get(i));
        }
        return s.append(']').toString();
    }
}
