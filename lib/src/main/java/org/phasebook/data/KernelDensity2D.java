package org.phasebook.data;

import java.util.Objects;

/**
 * Gaussian kernel density estimation of points in the plane, evaluated on a regular grid, as
 * seaborn's {@code kdeplot} does it (through scipy's {@code gaussian_kde}); the paper's F3 panel
 * draws its 95 % contours (brief {@code hmm-rnn.md} §8, "Orbit vs noise").
 *
 * <p><b>Estimate.</b> For points {@code p_1 .. p_n} the density is
 * {@code f(z) = (1/n) sum_i N(z; p_i, K)}, the average of Gaussian kernels with one covariance
 * {@code K} (the bandwidth matrix). {@code f} is the empirical distribution convolved with
 * {@code N(0, K)}: samples of a distribution with covariance {@code S} give, for large {@code n},
 * a density with covariance {@code S + K}.
 *
 * <p><b>Bandwidth: Scott's rule.</b> {@code K = (a h)^2 S_n}, where {@code S_n} is the sample
 * covariance (divisor {@code n - 1}), {@code h = n^(-1/(d+4)) = n^(-1/6)} is Scott's factor in
 * {@code d = 2} dimensions ({@link #scottFactor}) and {@code a} is
 * {@link KernelDensityParameters#bandwidthAdjust()}. This is scipy's and seaborn's default. The
 * kernel has the shape of the data's covariance, so the estimate is affine-equivariant: mapping
 * the points by {@code z -> A z + b} maps the density accordingly.
 *
 * <p><b>Grid.</b> {@code columns x rows} nodes spanning the data's range widened by
 * {@code cut * sqrt(K_xx)} in x and {@code cut * sqrt(K_yy)} in y on each side
 * ({@link KernelDensityParameters}).
 *
 * <p><b>Evaluation.</b> Exact sums, restricted to where a kernel matters: each point adds its
 * kernel to the nodes inside its ellipse {@code (z - p)^T K^-1 (z - p) <= R^2} with
 * {@code R = 10}; outside it a kernel is below {@code e^-50 ~ 2e-22} of its peak, beyond the
 * precision of a double sum. Along each grid column inside the ellipse the exponent is a quadratic
 * in the row index, so the kernel values follow from one {@code exp} and two multiplications per
 * node ({@code E_{r+1} = E_r g_r}, {@code g_{r+1} = g_r e^{-K^-1_yy dy^2}}), with a relative
 * rounding error of order (nodes in the column)^2 x 1e-16 (about 1e-14 of the peak in practice).
 * Cost: {@code n} times the nodes inside an ellipse, at most {@code n} times the grid. With the
 * default margin the ellipse of radius 10 spans most of the grid, so for 10,000 points on a
 * 100 x 100 grid this is close to the 1e8 kernel values of the plain double loop, but at a few
 * multiplications each instead of one {@code exp}: about 0.1 to 0.2 s of CPU on one core against
 * 1.1 to 1.3 s for the plain loop (measured on a shared machine).
 *
 * <p>Immutable and thread-safe; holds only its parameters.
 */
public final class KernelDensity2D {

    /** Kernel cut-off radius in Mahalanobis units; {@code exp(-R^2 / 2)} is below double precision. */
    static final double CUTOFF = 10.0;

    /** Smallest accepted {@code 1 - rho^2} of the sample covariance before the points count as collinear. */
    private static final double COLLINEAR = 1e-12;

    private final KernelDensityParameters parameters;

    /** An estimator with the given grid and bandwidth settings. */
    public KernelDensity2D(KernelDensityParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** An estimator with {@link KernelDensityParameters#DEFAULT}: 100 x 100 grid, cut 3, Scott's bandwidth. */
    public KernelDensity2D() {
        this(KernelDensityParameters.DEFAULT);
    }

    /** The settings. */
    public KernelDensityParameters parameters() {
        return parameters;
    }

    /**
     * Scott's bandwidth factor in two dimensions, {@code n^(-1/6)}.
     *
     * @param n the number of points, {@code >= 1}
     */
    public static double scottFactor(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return Math.pow(n, -1.0 / 6.0);
    }

    /**
     * The sample covariance {@code {{sxx, sxy}, {sxy, syy}}} with divisor {@code n - 1}.
     *
     * @param x x coordinates, {@code >= 2} finite values
     * @param y y coordinates, as many as {@code x}, finite
     */
    public static double[][] sampleCovariance(double[] x, double[] y) {
        checkPoints(x, y, 2);
        int n = x.length;
        double mx = 0.0;
        double my = 0.0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0.0;
        double sxy = 0.0;
        double syy = 0.0;
        for (int i = 0; i < n; i++) {
            double u = x[i] - mx;
            double v = y[i] - my;
            sxx += u * u;
            sxy += u * v;
            syy += v * v;
        }
        return new double[][] {{sxx / (n - 1), sxy / (n - 1)}, {sxy / (n - 1), syy / (n - 1)}};
    }

    /**
     * The kernel covariance (bandwidth matrix) that this estimator uses for the points:
     * {@code (bandwidthAdjust * n^(-1/6))^2} times the sample covariance.
     *
     * @throws IllegalArgumentException for fewer than 3 points, non-finite coordinates, or points
     *                                  on one line (a singular covariance has no 2-D kernel)
     */
    public double[][] kernelCovariance(double[] x, double[] y) {
        checkPoints(x, y, 3);
        double[][] s = sampleCovariance(x, y);
        double sxx = s[0][0];
        double syy = s[1][1];
        double sxy = s[0][1];
        if (!(sxx > 0 && syy > 0) || sxx * syy - sxy * sxy <= COLLINEAR * sxx * syy) {
            throw new IllegalArgumentException("points must not lie on one line (the sample covariance must be "
                    + "positive definite with 1 - correlation^2 > " + COLLINEAR + "), got sxx " + sxx + ", syy " + syy
                    + ", sxy " + sxy);
        }
        double f = parameters.bandwidthAdjust() * scottFactor(x.length);
        double f2 = f * f;
        return new double[][] {{f2 * sxx, f2 * sxy}, {f2 * sxy, f2 * syy}};
    }

    /**
     * The density of points given as rows whose columns 0 and 1 are the plane's coordinates (such
     * as states projected on the first principal components); further columns are ignored.
     */
    public DensityGrid estimate(double[][] points) {
        Objects.requireNonNull(points, "points");
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            Objects.requireNonNull(points[i], "points[" + i + "]");
            if (points[i].length < 2) {
                throw new IllegalArgumentException("points[" + i + "] must hold >= 2 coordinates (the plane's), got "
                        + points[i].length);
            }
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        return estimate(x, y);
    }

    /**
     * The density of the points {@code (x[i], y[i])} on this estimator's grid.
     *
     * @param x x coordinates, {@code >= 3} finite values
     * @param y y coordinates, as many as {@code x}, finite; the points must not lie on one line
     */
    public DensityGrid estimate(double[] x, double[] y) {
        double[][] k = kernelCovariance(x, y);
        int n = x.length;
        int columns = parameters.columns();
        int rows = parameters.rows();
        double sx = Math.sqrt(k[0][0]);
        double sy = Math.sqrt(k[1][1]);
        double[] xs = axis(min(x) - parameters.cut() * sx, max(x) + parameters.cut() * sx, columns);
        double[] ys = axis(min(y) - parameters.cut() * sy, max(y) + parameters.cut() * sy, rows);
        double x0 = xs[0];
        double y0 = ys[0];
        double dx = (xs[columns - 1] - x0) / (columns - 1);
        double dy = (ys[rows - 1] - y0) / (rows - 1);

        double det = k[0][0] * k[1][1] - k[0][1] * k[0][1];
        double pa = k[1][1] / det;              // K^-1 = {{pa, pb}, {pb, pc}}
        double pb = -k[0][1] / det;
        double pc = k[0][0] / det;
        double r2 = CUTOFF * CUTOFF;
        double reachX = CUTOFF * sx;
        double curvature = Math.exp(-pc * dy * dy);

        // Column-major accumulator, so that the inner loop over rows runs through memory in order.
        double[] sum = new double[columns * rows];
        for (int i = 0; i < n; i++) {
            double px = x[i];
            double py = y[i];
            int cLo = Math.max(0, (int) Math.ceil((px - reachX - x0) / dx));
            int cHi = Math.min(columns - 1, (int) Math.floor((px + reachX - x0) / dx));
            for (int c = cLo; c <= cHi; c++) {
                double u = xs[c] - px;
                // The ellipse's chord at this column: pa u^2 + 2 pb u v + pc v^2 <= R^2, solved for v.
                double disc = pc * r2 - u * u / det;
                if (disc < 0) {
                    continue;
                }
                double half = Math.sqrt(disc) / pc;
                double centre = -pb * u / pc;
                int rLo = Math.max(0, (int) Math.ceil((py + centre - half - y0) / dy));
                int rHi = Math.min(rows - 1, (int) Math.floor((py + centre + half - y0) / dy));
                if (rLo > rHi) {
                    continue;
                }
                double v = ys[rLo] - py;
                double kernel = Math.exp(-0.5 * (pa * u * u + 2 * pb * u * v + pc * v * v));
                double ratio = Math.exp(-(pb * u * dy + pc * v * dy + 0.5 * pc * dy * dy));
                int base = c * rows;
                for (int r = rLo; r <= rHi; r++) {
                    sum[base + r] += kernel;
                    kernel *= ratio;
                    ratio *= curvature;
                }
            }
        }

        double norm = 1.0 / (n * 2 * Math.PI * Math.sqrt(det));
        double[][] density = new double[rows][columns];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                density[r][c] = norm * sum[c * rows + r];
            }
        }
        return new DensityGrid(xs, ys, density, k);
    }

    private static double[] axis(double lo, double hi, int nodes) {
        double[] axis = new double[nodes];
        double step = (hi - lo) / (nodes - 1);
        for (int i = 0; i < nodes - 1; i++) {
            axis[i] = lo + i * step;
        }
        axis[nodes - 1] = hi;
        return axis;
    }

    private static double min(double[] a) {
        double m = a[0];
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = a[0];
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void checkPoints(double[] x, double[] y, int least) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("y must have x.length = " + x.length + " values, got " + y.length);
        }
        if (x.length < least) {
            throw new IllegalArgumentException("points must number >= " + least + ", got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
            }
        }
    }
}
