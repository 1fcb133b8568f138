package org.phasebook.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A probability density sampled on a regular grid, as {@link KernelDensity2D#estimate} returns it:
 * {@code density[r][c]} is the density at {@code (x[c], y[r])}, one row per y value, as contour
 * routines take them ({@code org.phasebook.plot.IsoLines}).
 *
 * <p><b>Mass on the grid.</b> Every node stands for a cell of area {@link #cellArea()}
 * {@code = dx * dy} around it, so {@link #mass()} is the Riemann sum
 * {@code dx * dy * sum density[r][c]}. For a density that is negligible on the border (a kernel
 * estimate with a margin of a few bandwidths) this equals the trapezoid rule, which is highly
 * accurate for smooth densities.
 *
 * <p><b>Highest-density thresholds.</b> {@link #massThreshold(double) massThreshold(p)} is the
 * density {@code t} whose superlevel set {@code {density > t}} holds the fraction {@code p} of
 * the grid's mass, so the iso-line at {@code t} encloses {@code p} of the probability (seaborn's
 * {@code kdeplot(levels=[q])} draws {@code massThreshold(1 - q)}; the paper's 95 % contours are
 * {@code massThreshold(0.95)}). It is computed from the nodes: sort the node densities in
 * descending order and accumulate them until the running sum reaches {@code p} times their total;
 * between the two nodes where it does, {@code t} is interpolated linearly in the running sum
 * (seaborn takes the node value at which the sum first reaches the target). Fractions are of the
 * grid's mass, not of 1, so that they do not depend on how much of the tails the grid holds.
 * Counting nodes leaves a lattice error: for a standard normal density on a 101 x 101 grid over
 * {@code [-6, 6]^2} the thresholds for 50 % to 99 % are within about 2 % of the exact
 * {@code (1 - p) / (2 pi)}, which moves the contour by less than a tenth of a grid spacing.
 * Because only the ratios of node values enter, scaling the data by {@code c} (which scales the
 * grid by {@code c} and the density by {@code 1 / c^2}) scales the threshold by exactly
 * {@code 1 / c^2}, up to rounding.
 *
 * <p>Invariants: the axes are strictly increasing and evenly spaced, with {@code >= 2} nodes; the
 * densities are finite, {@code >= 0}, of shape {@code y.length x x.length}, and not all 0;
 * {@code kernelCovariance} is a symmetric positive-definite 2 x 2 matrix (the bandwidth matrix of
 * the estimate). Immutable; arrays are copied in and out.
 *
 * @param x                the x value of each column, ascending
 * @param y                the y value of each row, ascending
 * @param density          {@code density[r][c]} at {@code (x[c], y[r])}
 * @param kernelCovariance the covariance of the Gaussian kernel, {@code {{kxx, kxy}, {kxy, kyy}}}
 */
public record DensityGrid(double[] x, double[] y, double[][] density, double[][] kernelCovariance) {

    /** Relative tolerance on the spacing of the axes (a linspace in doubles is uniform to ~1e-15). */
    private static final double SPACING_TOLERANCE = 1e-9;

    /** Validates and copies. */
    public DensityGrid {
        x = checkedAxis("x", x);
        y = checkedAxis("y", y);
        Objects.requireNonNull(density, "density");
        if (density.length != y.length) {
            throw new IllegalArgumentException("density must have y.length = " + y.length + " rows, got "
                    + density.length);
        }
        double[][] copy = new double[y.length][];
        boolean positive = false;
        for (int r = 0; r < y.length; r++) {
            Objects.requireNonNull(density[r], "density[" + r + "]");
            if (density[r].length != x.length) {
                throw new IllegalArgumentException("density[" + r + "] must have x.length = " + x.length
                        + " entries, got " + density[r].length);
            }
            for (int c = 0; c < x.length; c++) {
                double v = density[r][c];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("density[" + r + "][" + c + "] must be finite and >= 0, got " + v);
                }
                positive |= v > 0;
            }
            copy[r] = density[r].clone();
        }
        if (!positive) {
            throw new IllegalArgumentException("density must have an entry > 0, got all 0");
        }
        density = copy;
        kernelCovariance = checkedCovariance(kernelCovariance);
    }

    /** Nodes along x. */
    public int columns() {
        return x.length;
    }

    /** Nodes along y. */
    public int rows() {
        return y.length;
    }

    /** The density at {@code (x[column], y[row])}. */
    public double density(int row, int column) {
        return density[row][column];
    }

    /** A copy of the x axis. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y axis. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** A copy of the densities, {@code density[row][column]}. */
    @Override
    public double[][] density() {
        return deepCopy(density);
    }

    /** A copy of the kernel covariance (the bandwidth matrix). */
    @Override
    public double[][] kernelCovariance() {
        return deepCopy(kernelCovariance);
    }

    /** The x spacing. */
    public double dx() {
        return (x[x.length - 1] - x[0]) / (x.length - 1);
    }

    /** The y spacing. */
    public double dy() {
        return (y[y.length - 1] - y[0]) / (y.length - 1);
    }

    /** The area {@code dx * dy} that each node stands for. */
    public double cellArea() {
        return dx() * dy();
    }

    /** The mass on the grid, {@code dx * dy * sum density}; close to 1 for a kernel estimate with a margin. */
    public double mass() {
        double sum = 0.0;
        for (double[] row : density) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum * cellArea();
    }

    /**
     * The fraction of the grid's mass at nodes whose density is {@code > t}: the discrete
     * counterpart of the probability of the superlevel set {@code {density > t}}.
     *
     * @param t a density, not NaN
     */
    public double massFractionAbove(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        double above = 0.0;
        double total = 0.0;
        for (double[] row : density) {
            for (double v : row) {
                total += v;
                if (v > t) {
                    above += v;
                }
            }
        }
        return above / total;
    }

    /**
     * The density threshold whose superlevel set holds the fraction {@code fraction} of the grid's
     * mass (see the class comment for the discretisation).
     *
     * @param fraction the enclosed mass fraction, in {@code (0, 1)}; 0.95 for a 95 % contour
     * @return a density in {@code (0, max density]}
     */
    public double massThreshold(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        double[] sorted = new double[x.length * y.length];
        int k = 0;
        for (double[] row : density) {
            System.arraycopy(row, 0, sorted, k, row.length);
            k += row.length;
        }
        Arrays.sort(sorted);
        double total = 0.0;
        for (double v : sorted) {
            total += v;
        }
        double target = fraction * total;
        // Walk down from the largest value; before[i] is the running sum of the values above index i.
        double before = 0.0;
        double previous = sorted[sorted.length - 1];
        for (int i = sorted.length - 1; i >= 0; i--) {
            double v = sorted[i];
            double after = before + v;
            if (after >= target) {
                // v > 0 here: target > 0 and the zeros cannot raise the running sum to it.
                double w = (target - before) / v;
                return previous + w * (v - previous);
            }
            before = after;
            previous = v;
        }
        // Rounding only: the full sum is the total, which exceeds the target.
        return sorted[0];
    }

    private static double[] checkedAxis(String name, double[] axis) {
        Objects.requireNonNull(axis, name);
        if (axis.length < 2) {
            throw new IllegalArgumentException(name + " must have >= 2 nodes, got " + axis.length);
        }
        for (int i = 0; i < axis.length; i++) {
            if (!Double.isFinite(axis[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + axis[i]);
            }
        }
        double step = (axis[axis.length - 1] - axis[0]) / (axis.length - 1);
        if (!(step > 0)) {
            throw new IllegalArgumentException(name + " must be increasing, got " + axis[0] + " to " + axis[axis.length - 1]);
        }
        double span = axis[axis.length - 1] - axis[0];
        for (int i = 0; i < axis.length; i++) {
            double expected = axis[0] + i * step;
            if (Math.abs(axis[i] - expected) > SPACING_TOLERANCE * span) {
                throw new IllegalArgumentException(name + " must be evenly spaced (step " + step + "): " + name + "[" + i
                        + "] must be within " + SPACING_TOLERANCE + " x span of " + expected + ", got " + axis[i]);
            }
        }
        return axis.clone();
    }

    private static double[][] checkedCovariance(double[][] k) {
        Objects.requireNonNull(k, "kernelCovariance");
        if (k.length != 2 || k[0] == null || k[1] == null || k[0].length != 2 || k[1].length != 2) {
            throw new IllegalArgumentException("kernelCovariance must be 2 x 2");
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (!Double.isFinite(k[i][j])) {
                    throw new IllegalArgumentException("kernelCovariance[" + i + "][" + j + "] must be finite, got " + k[i][j]);
                }
            }
        }
        if (k[0][1] != k[1][0]) {
            throw new IllegalArgumentException("kernelCovariance must be symmetric, got " + k[0][1] + " and " + k[1][0]);
        }
        double det = k[0][0] * k[1][1] - k[0][1] * k[0][1];
        if (!(k[0][0] > 0 && det > 0)) {
            throw new IllegalArgumentException("kernelCovariance must be positive definite: kxx > 0 and determinant > 0, got kxx "
                    + k[0][0] + ", determinant " + det);
        }
        return deepCopy(k);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
