package org.phasebook.koopman;

/**
 * An immutable complex number {@code re + i im}, for eigenvalues and the spectral parameter
 * {@code lambda} or {@code z}.
 *
 * <p>Equality is that of records: component-wise {@link Double#compare}, so {@code 0.0} and
 * {@code -0.0} differ; compare values with {@link #minus} and {@link #abs} instead.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

    /** Zero. */
    public static final Complex ZERO = new Complex(0.0, 0.0);
    /** One. */
    public static final Complex ONE = new Complex(1.0, 0.0);
    /** The imaginary unit. */
    public static final Complex I = new Complex(0.0, 1.0);

    /** The real number {@code re}. */
    public static Complex real(double re) {
        return new Complex(re, 0.0);
    }

    /** {@code r e^{i theta}}. */
    public static Complex polar(double r, double theta) {
        return new Complex(r * Math.cos(theta), r * Math.sin(theta));
    }

    /** {@code e^{i theta}}, a point on the unit circle. */
    public static Complex unit(double theta) {
        return polar(1.0, theta);
    }

    /** {@code this + w}. */
    public Complex plus(Complex w) {
        return new Complex(re + w.re, im + w.im);
    }

    /** {@code this - w}. */
    public Complex minus(Complex w) {
        return new Complex(re - w.re, im - w.im);
    }

    /** {@code this * w}. */
    public Complex times(Complex w) {
        return new Complex(re * w.re - im * w.im, re * w.im + im * w.re);
    }

    /** {@code this * s} for a real {@code s}. */
    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    /** {@code this / w}; infinite or NaN parts when {@code w} is zero. */
    public Complex divide(Complex w) {
        double d = w.re * w.re + w.im * w.im;
        return new Complex((re * w.re + im * w.im) / d, (im * w.re - re * w.im) / d);
    }

    /** {@code this^k} for an integer {@code k >= 0}, by repeated squaring. */
    public Complex pow(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        Complex result = ONE;
        Complex base = this;
        for (int e = k; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result.times(base);
            }
            base = base.times(base);
        }
        return result;
    }

    /** The complex conjugate {@code re - i im}. */
    public Complex conjugate() {
        return new Complex(re, -im);
    }

    /** The modulus {@code |this|}, without overflow. */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** The argument in {@code (-pi, pi]}. */
    public double arg() {
        return Math.atan2(im, re);
    }

    /** Whether both parts are finite. */
    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    /** {@code "a + bi"} or {@code "a - bi"}, with the shortest decimals that round-trip. */
    @Override
    public String toString() {
        return im < 0 || (im == 0 && 1 / im < 0)
                ? re + " - " + (-im) + "i"
                : re + " + " + im + "i";
    }
}
