package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rectangular grid of points {@code z = x_c + i y_r} of the complex plane, where a
 * pseudospectrum is evaluated (brief §2.4): the real parts {@code x_0 < x_1 < ...} label the
 * columns, the imaginary parts {@code y_0 < y_1 < ...} the rows.
 *
 * <p>Points are numbered row by row: point {@code k = r * columns() + c} is
 * {@code x_c + i y_r}, the order of {@link #points()} and of every flattened array of values on
 * the grid.
 *
 * <p>Invariants: each axis holds at least one finite value and is strictly increasing; the grid
 * holds at most {@link #MAX_POINTS} points. Arrays are copied on the way in and out.
 *
 * @param re the real parts {@code x_c}, one per column
 * @param im the imaginary parts {@code y_r}, one per row
 */
public record ComplexGrid(double[] re, double[] im) {

    /** The largest number of points accepted; more is a mistake in a range's step. */
    public static final int MAX_POINTS = 1 << 24;

    /** Validates and copies the axes. */
    public ComplexGrid {
        re = checkedAxis("re", re);
        im = checkedAxis("im", im);
        if ((long) re.length * im.length > MAX_POINTS) {
            throw new IllegalArgumentException("the grid must hold at most " + MAX_POINTS
                    + " points, got " + re.length + " x " + im.length);
        }
    }

    /** The grid with the given axes. */
    public static ComplexGrid of(double[] re, double[] im) {
        return new ComplexGrid(re, im);
    }

    /**
     * The grid {@code reMin:reStep:reMax x imMin:imStep:imMax} in MATLAB's colon notation (see
     * {@link #axis}); for example the brief's Duffing grid is
     * {@code range(-1.5, 0.05, 1.5, -0.04, 0.05, 1.5)}, 61 x 31 points.
     */
    public static ComplexGrid range(double reMin, double reStep, double reMax,
            double imMin, double imStep, double imMax) {
        return new ComplexGrid(axis("re", reMin, reStep, reMax), axis("im", imMin, imStep, imMax));
    }

    /**
     * The values {@code min, min + step, min + 2 step, ...} up to {@code max}, as MATLAB's
     * {@code min:step:max}: the count is {@code floor((max - min) / step) + 1}, computed with a
     * relative tolerance of {@code 1e-10} so that rounding in the quotient neither drops nor adds
     * the end point; value {@code k} is {@code min + k step}, and a last value within
     * {@code 1e-10 step} of {@code max} is set to {@code max} exactly.
     *
     * @param name the axis name for error messages
     * @param min  the first value, finite
     * @param step the spacing, finite and {@code > 0}
     * @param max  the upper bound, finite and {@code >= min}
     * @throws IllegalArgumentException if an argument is out of range or the axis would exceed
     *     {@link #MAX_POINTS} values
     */
    public static double[] axis(String name, double min, double step, double max) {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(min)) {
            throw new IllegalArgumentException(name + "Min must be finite, got " + min);
        }
        if (!(step > 0.0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(name + "Step must be finite and > 0, got " + step);
        }
        if (!Double.isFinite(max)) {
            throw new IllegalArgumentException(name + "Max must be finite, got " + max);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException(name + "Max must be >= " + name + "Min = " + min
                    + " (an empty range), got " + max);
        }
        double intervals = (max - min) / step;
        double count = Math.floor(intervals * (1.0 + 1e-10) + 1e-10) + 1.0;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException(name + "Step = " + step + " gives " + count
                    + " values from " + min + " to " + max + ", more than " + MAX_POINTS);
        }
        double[] values = new double[(int) count];
        for (int k = 0; k < values.length; k++) {
            values[k] = min + k * step;
        }
        int last = values.length - 1;
        if (Math.abs(values[last] - max) <= 1e-10 * step) {
            values[last] = max;
        }
        return values;
    }

    private static double[] checkedAxis(String name, double[] axis) {
        Objects.requireNonNull(axis, name);
        if (axis.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least 1 value, got 0");
        }
        for (int k = 0; k < axis.length; k++) {
            if (!Double.isFinite(axis[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite, got "
                        + axis[k]);
            }
            if (k > 0 && !(axis[k] > axis[k - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing: " + name
                        + "[" + k + "] = " + axis[k] + " <= " + name + "[" + (k - 1) + "] = "
                        + axis[k - 1]);
            }
        }
        return axis.clone();
    }

    /** The number of columns, values of the real part. */
    public int columns() {
        return re.length;
    }

    /** The number of rows, values of the imaginary part. */
    public int rows() {
        return im.length;
    }

    /** The number of points, {@code rows() * columns()}. */
    public int size() {
        return re.length * im.length;
    }

    /** The point {@code x_column + i y_row}. */
    public Complex point(int row, int column) {
        Objects.checkIndex(row, im.length);
        Objects.checkIndex(column, re.length);
        return new Complex(re[column], im[row]);
    }

    /** All points, row by row (point {@code r * columns() + c} is {@code x_c + i y_r}). */
    public Complex[] points() {
        Complex[] points = new Complex[size()];
        for (int r = 0; r < im.length; r++) {
            for (int c = 0; c < re.length; c++) {
                points[r * re.length + c] = new Complex(re[c], im[r]);
            }
        }
        return points;
    }

    /** A copy of the real parts, one per column. */
    @Override
    public double[] re() {
        return re.clone();
    }

    /** A copy of the imaginary parts, one per row. */
    @Override
    public double[] im() {
        return im.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexGrid g && Arrays.equals(re, g.re) && Arrays.equals(im, g.im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "ComplexGrid[re " + re[0] + ".." + re[re.length - 1] + " (" + re.length
                + "), im " + im[0] + ".." + im[im.length - 1] + " (" + im.length + ")]";
    }
}
