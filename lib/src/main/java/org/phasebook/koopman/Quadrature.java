package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A quadrature rule: nodes {@code x_1..x_M} in {@code R^d} and weights {@code w_1..w_M} with
 * {@code sum_m w_m f(x_m) ~ int f d omega}. Used when the initial points can be chosen
 * (brief §2.1): Gauss–Legendre converges spectrally for smooth integrands, the periodic
 * trapezoid rule is exact for trigonometric polynomials below the grid's resolution, the
 * trapezoid rule converges like {@code M^-2} and the Riemann sum like {@code M^-1}.
 *
 * <p>Each factory states its measure {@code omega}: the rules on an interval {@code [a, b]}
 * integrate against Lebesgue measure (weights summing to {@code b - a}), matching
 * {@link LegendreDictionary}; the periodic trapezoid rule integrates against the normalised
 * measure {@code d theta / (2 pi)} on the circle (weights summing to 1), matching
 * {@link FourierDictionary}. {@link #tensor} builds rules on boxes and tori.
 *
 * <p>Invariants: {@code points} non-empty, rows of one length {@code d >= 1}, finite; one weight
 * per point. Arrays are copied on the way in and out.
 *
 * @param points  nodes, one row per node
 * @param weights weights, one per node
 */
public record Quadrature(double[][] points, Weights weights) {

    /** Validates and copies the nodes. */
    public Quadrature {
        Objects.requireNonNull(weights, "weights");
        points = SnapshotPairs.checkedCopy("points", points);
        if (points.length != weights.size()) {
            throw new IllegalArgumentException("weights must have one entry per point, "
                    + points.length + ", got " + weights.size());
        }
    }

    /**
     * The {@code m}-point Gauss–Legendre rule on {@code [a, b]}: exact for polynomials of degree
     * {@code <= 2m - 1}. Nodes by Newton's method on the Legendre polynomial {@code P_m}, in
     * {@code O(m^2)} operations; ascending.
     */
    public static Quadrature gaussLegendre(int m, double a, double b) {
        checkInterval(m, a, b);
        double[] t = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < (m + 1) / 2; i++) {
            // Tricomi's estimate of the (i+1)-th largest root; Newton converges in a few steps.
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] pd = legendreAndDerivative(m, x);
                double dx = pd[0] / pd[1];
                x -= dx;
                if (Math.abs(dx) <= 2 * Math.ulp(x)) {
                    break;
                }
            }
            double dp = legendreAndDerivative(m, x)[1];
            double weight = 2.0 / ((1.0 - x * x) * dp * dp);
            t[m - 1 - i] = x;
            t[i] = -x;
            w[m - 1 - i] = weight;
            w[i] = weight;
        }
        double[][] nodes = new double[m][1];
        double half = 0.5 * (b - a);
        for (int i = 0; i < m; i++) {
            nodes[i][0] = a + half * (1.0 + t[i]);
            w[i] *= half;
        }
        return new Quadrature(nodes, new Weights(w));
    }

    /** {@code {P_m(x), P_m'(x)}} by the three-term recurrence. */
    private static double[] legendreAndDerivative(int m, double x) {
        double previous = 1.0;
        double p = x;
        for (int k = 2; k <= m; k++) {
            double next = ((2 * k - 1) * x * p - (k - 1) * previous) / k;
            previous = p;
            p = next;
        }
        if (m == 0) {
            return new double[] {1.0, 0.0};
        }
        return new double[] {p, m * (x * p - previous) / (x * x - 1.0)};
    }

    /**
     * The periodic trapezoid rule on the circle: nodes {@code theta_m = 2 pi m / M},
     * {@code m = 0..M-1}, weights {@code 1/M}, for the measure {@code d theta / (2 pi)}. Exact
     * for {@code e^{i k theta}} with {@code |k| < M}.
     */
    public static Quadrature periodicTrapezoid(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be >= 1, got " + m);
        }
        double[][] nodes = new double[m][1];
        for (int i = 0; i < m; i++) {
            nodes[i][0] = 2.0 * Math.PI * i / m;
        }
        return new Quadrature(nodes, Weights.monteCarlo(m));
    }

    /** The composite trapezoid rule on {@code [a, b]} with {@code m >= 2} equispaced nodes. */
    public static Quadrature trapezoid(int m, double a, double b) {
        checkInterval(m, a, b);
        if (m < 2) {
            throw new IllegalArgumentException("M must be >= 2 for the trapezoid rule, got " + m);
        }
        double h = (b - a) / (m - 1);
        double[][] nodes = new double[m][1];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            nodes[i][0] = i == m - 1 ? b : a + i * h;
            w[i] = i == 0 || i == m - 1 ? 0.5 * h : h;
        }
        return new Quadrature(nodes, new Weights(w));
    }

    /** The left Riemann sum on {@code [a, b]}: nodes {@code a + i h}, {@code h = (b - a)/m}. */
    public static Quadrature riemann(int m, double a, double b) {
        checkInterval(m, a, b);
        double h = (b - a) / m;
        double[][] nodes = new double[m][1];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            nodes[i][0] = a + i * h;
            w[i] = h;
        }
        return new Quadrature(nodes, new Weights(w));
    }

    /**
     * {@code m} independent points uniform in the box {@code [lower_k, upper_k]}, with Monte
     * Carlo weights {@code 1/m}: the rule of the paper's Duffing examples (initial points uniform
     * in {@code [-2, 2]^2}). Unlike the interval rules above it integrates against the
     * <em>normalised</em> uniform measure (weights sum to 1, not to the box's volume), which is
     * what {@code w = 1/M} means in the brief; errors decrease like {@code m^{-1/2}}.
     *
     * @param m     number of points, {@code >= 1}
     * @param lower the box's lower corner, finite
     * @param upper the box's upper corner, finite, {@code > lower} in every coordinate
     * @param seed  seed of the generator: the same seed gives the same points
     */
    public static Quadrature monteCarlo(int m, double[] lower, double[] upper, long seed) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (m < 1) {
            throw new IllegalArgumentException("m must be >= 1 point, got " + m);
        }
        if (lower.length == 0 || lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper must have the same length >= 1, got "
                    + lower.length + " and " + upper.length);
        }
        for (int k = 0; k < lower.length; k++) {
            if (!Double.isFinite(lower[k]) || !Double.isFinite(upper[k]) || !(upper[k] > lower[k])) {
                throw new IllegalArgumentException("the box must be finite with upper > lower in"
                        + " every coordinate, got [" + lower[k] + ", " + upper[k] + "] in coordinate " + k);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] nodes = new double[m][lower.length];
        for (double[] node : nodes) {
            for (int k = 0; k < lower.length; k++) {
                node[k] = lower[k] + (upper[k] - lower[k]) * random.nextDouble();
            }
        }
        return new Quadrature(nodes, Weights.monteCarlo(m));
    }

    /**
     * The tensor-product rule of {@code rules} on the product domain (for example a
     * Gauss–Legendre grid on a box, or the periodic trapezoid rule on a torus): node
     * {@code (x, y, ...)} for every combination, weight the product of the factors' weights.
     * The first rule's index varies slowest.
     */
    public static Quadrature tensor(Quadrature... rules) {
        if (rules.length == 0) {
            throw new IllegalArgumentException("rules must hold at least 1 rule, got 0");
        }
        long count = 1;
        int dimension = 0;
        for (Quadrature r : rules) {
            count *= r.size();
            dimension += r.dimension();
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("tensor rule would have more than "
                        + (Integer.MAX_VALUE - 8) + " nodes");
            }
        }
        double[][] nodes = new double[(int) count][dimension];
        double[] w = new double[(int) count];
        int[] index = new int[rules.length];
        for (int n = 0; n < count; n++) {
            double weight = 1.0;
            int offset = 0;
            for (int r = 0; r < rules.length; r++) {
                System.arraycopy(rules[r].points[index[r]], 0, nodes[n], offset,
                        rules[r].dimension());
                offset += rules[r].dimension();
                weight *= rules[r].weights.get(index[r]);
            }
            w[n] = weight;
            for (int r = rules.length - 1; r >= 0 && ++index[r] == rules[r].size(); r--) {
                index[r] = 0;
            }
        }
        return new Quadrature(nodes, new Weights(w));
    }

    private static void checkInterval(int m, double a, double b) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be >= 1, got " + m);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || !(a < b)) {
            throw new IllegalArgumentException("the interval [a, b] must be finite with a < b,"
                    + " got [" + a + ", " + b + "]");
        }
    }

    /** Number of nodes {@code M}. */
    public int size() {
        return points.length;
    }

    /** Dimension {@code d} of the nodes. */
    public int dimension() {
        return points[0].length;
    }

    /** Node {@code m}, copied. */
    public double[] point(int m) {
        return points[m].clone();
    }

    /** {@code sum_m w_m f(x_m)}. */
    public double integrate(ToDoubleFunction<double[]> f) {
        double sum = 0.0;
        for (int m = 0; m < points.length; m++) {
            sum += weights.get(m) * f.applyAsDouble(points[m].clone());
        }
        return sum;
    }

    /** A copy of the nodes. */
    @Override
    public double[][] points() {
        return SnapshotPairs.deepCopy(points);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quadrature q && Arrays.deepEquals(points, q.points)
                && weights.equals(q.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(points) + weights.hashCode();
    }

    @Override
    public String toString() {
        return "Quadrature[M=" + points.length + ", d=" + points[0].length + "]";
    }
}
