package org.phasebook.plot;

import java.util.Objects;

/**
 * One connected piece of an iso-line {@code {f = level}} of a gridded function
 * ({@link IsoLines#trace}): a polyline through the points {@code (x[i], y[i])}.
 *
 * <p>A piece that closes on itself inside the grid is {@code closed}, and then its last point
 * repeats its first, so that drawing the points in order draws the whole loop. A piece that is
 * not closed starts and ends on the grid's border.
 *
 * <p>Invariants: {@code x} and {@code y} have the same length, {@code >= 2} ({@code >= 4} when
 * closed, with equal first and last points), finite entries. Immutable; arrays are copied in and
 * out.
 *
 * @param level  the function value along the line
 * @param x      x coordinates of the vertices, in order along the line
 * @param y      y coordinates of the vertices
 * @param closed whether the line is a loop
 */
public record IsoLine(double level, double[] x, double[] y, boolean closed) {

    /** Validates and copies. */
    public IsoLine {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be finite, got " + level);
        }
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length) {
            throw new IllegalArgumentException("y must have x.length = " + x.length + " values, got " + y.length);
        }
        int least = closed ? 4 : 2;
        if (x.length < least) {
            throw new IllegalArgumentException("x must have >= " + least + " points for " + (closed ? "a closed" : "an open")
                    + " line, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " must be finite, got (" + x[i] + ", " + y[i] + ")");
            }
        }
        int last = x.length - 1;
        if (closed && (x[0] != x[last] || y[0] != y[last])) {
            throw new IllegalArgumentException("a closed line must end at its first point (" + x[0] + ", " + y[0]
                    + "), got (" + x[last] + ", " + y[last] + ")");
        }
        x = x.clone();
        y = y.clone();
    }

    /** The number of points (a closed line counts its first point twice). */
    public int size() {
        return x.length;
    }

    /** A copy of the x coordinates. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y coordinates. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The x coordinate of point {@code i}. */
    public double x(int i) {
        return x[i];
    }

    /** The y coordinate of point {@code i}. */
    public double y(int i) {
        return y[i];
    }

    /** The length of the polyline. */
    public double length() {
        double sum = 0.0;
        for (int i = 1; i < x.length; i++) {
            sum += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
        }
        return sum;
    }

    /**
     * The area enclosed by a closed line (shoelace formula), positive for an anticlockwise loop.
     *
     * @throws IllegalStateException if the line is not closed
     */
    public double signedArea() {
        if (!closed) {
            throw new IllegalStateException("an open line encloses no area");
        }
        double twice = 0.0;
        for (int i = 1; i < x.length; i++) {
            twice += x[i - 1] * y[i] - x[i] * y[i - 1];
        }
        return 0.5 * twice;
    }
}
