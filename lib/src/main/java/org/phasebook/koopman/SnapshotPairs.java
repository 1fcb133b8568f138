package org.phasebook.koopman;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.phasebook.systems.DiscreteMap;
import org.phasebook.systems.Trajectory;

/**
 * Snapshot data for Koopman estimators (brief §2.1): states {@code x_1..x_M} in {@code R^d},
 * their images {@code y_m = F(x_m)} one step later, and quadrature weights {@code w_m}.
 *
 * <p>{@code x[m]} and {@code y[m]} are rows, so {@code x} and {@code y} are {@code M x d}
 * matrices. Invariants, checked by the constructor: at least one pair; {@code x} and {@code y}
 * of one shape with rows of equal length {@code d >= 1}; every entry finite (a NaN or infinity is
 * refused with its row and column named); one weight per pair. Arrays are copied on the way in
 * and out.
 *
 * @param x       the states {@code x_m}, {@code M x d}
 * @param y       the images {@code y_m = F(x_m)}, {@code M x d}
 * @param weights the weights {@code w_m}
 */
public record SnapshotPairs(double[][] x, double[][] y, Weights weights) {

    /** Validates and copies the data. */
    public SnapshotPairs {
        Objects.requireNonNull(weights, "weights");
        x = checkedCopy("x", x);
        Objects.requireNonNull(y, "y");
        if (y.length != x.length) {
            throw new IllegalArgumentException("y must have as many rows as x, M = " + x.length
                    + ", got " + y.length);
        }
        y = checkedCopy("y", y);
        if (y[0].length != x[0].length) {
            throw new IllegalArgumentException("y must have the shape of x, " + x.length + " x "
                    + x[0].length + ", got " + y.length + " x " + y[0].length);
        }
        if (weights.size() != x.length) {
            throw new IllegalArgumentException("weights must have one entry per snapshot pair, M = "
                    + x.length + ", got " + weights.size());
        }
    }

    /** Pairs with Monte Carlo weights {@code 1/M}. */
    public static SnapshotPairs of(double[][] x, double[][] y) {
        Objects.requireNonNull(x, "x");
        return new SnapshotPairs(x, y, Weights.monteCarlo(Math.max(x.length, 1)));
    }

    /**
     * The pairs {@code (x_m, F(x_m))} at the given points: {@code map.accept(x, next)} writes
     * {@code F(x)} into {@code next} (for a {@code DiscreteMap f}, pass {@code f::apply}).
     *
     * @throws IllegalArgumentException if an image is not finite (the map left its domain)
     */
    public static SnapshotPairs ofMap(BiConsumer<double[], double[]> map, double[][] points,
            Weights weights) {
        Objects.requireNonNull(map, "map");
        double[][] x = checkedCopy("points", points);
        double[][] y = new double[x.length][x[0].length];
        for (int m = 0; m < x.length; m++) {
            map.accept(x[m].clone(), y[m]);
        }
        return new SnapshotPairs(x, y, weights);
    }

    /** The pairs {@code (x_m, F(x_m))} at the nodes of {@code rule}, with its weights. */
    public static SnapshotPairs ofMap(BiConsumer<double[], double[]> map, Quadrature rule) {
        return ofMap(map, rule.points(), rule.weights());
    }

    /**
     * The pairs along short orbits of {@code map}: from each start {@code x_0}, the pairs
     * {@code (x_k, x_{k+1})} for {@code k = 0..steps-1}, orbit after orbit, with weights
     * {@code 1/M} over all {@code M = starts.length * steps} pairs. This is the data of the
     * paper's Duffing examples: {@code 10^4} uniform starts, five steps of the time-0.3 map.
     *
     * <p>The orbits are computed in parallel when the map is deterministic (a flow map is
     * expensive); the pairs are in the same order, with the same values, whatever the number of
     * threads. A random map (whose generator is shared state) is iterated on the calling thread.
     *
     * @param map    the map {@code F}
     * @param starts the initial points, finite, of the map's dimension
     * @param steps  steps per orbit, {@code >= 1}
     * @param random whether {@code map} draws random numbers (then it is run sequentially)
     * @throws ArithmeticException if an orbit is not finite
     */
    public static SnapshotPairs ofOrbits(DiscreteMap map, double[][] starts, int steps, boolean random) {
        Objects.requireNonNull(map, "map");
        double[][] x0 = checkedCopy("starts", starts);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1 per orbit, got " + steps);
        }
        if (x0[0].length != map.dimension()) {
            throw new IllegalArgumentException("starts must have the dimension of the map, "
                    + map.dimension() + ", got " + x0[0].length);
        }
        if ((long) x0.length * steps > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("starts.length * steps must fit in an array, got "
                    + x0.length + " * " + steps);
        }
        Trajectory[] orbits = new Trajectory[x0.length];
        IntStream indices = IntStream.range(0, x0.length);
        (random ? indices : indices.parallel()).forEach(i -> orbits[i] = map.orbit(x0[i], steps));
        return fromTrajectories(List.of(orbits));
    }

    /**
     * Consecutive samples of a trajectory as pairs ({@code x_m = } sample {@code m},
     * {@code y_m = } sample {@code m + 1}), with ergodic weights {@code 1/M}; for an ODE the
     * samples must be equally spaced in time, so that each pair is one step of the same
     * time-{@code dt} map.
     */
    public static SnapshotPairs fromTrajectory(Trajectory trajectory) {
        return fromTrajectories(List.of(trajectory));
    }

    /**
     * The consecutive-sample pairs of several trajectories (for example short bursts from many
     * initial points), concatenated, with weights {@code 1/M} over all {@code M} pairs.
     */
    public static SnapshotPairs fromTrajectories(List<Trajectory> trajectories) {
        Objects.requireNonNull(trajectories, "trajectories");
        int total = 0;
        for (int t = 0; t < trajectories.size(); t++) {
            Trajectory tr = Objects.requireNonNull(trajectories.get(t), "trajectories[" + t + "]");
            if (tr.size() < 2) {
                throw new IllegalArgumentException("trajectories[" + t
                        + "] must hold at least 2 samples to give a pair, got " + tr.size());
            }
            if (tr.dimension() != trajectories.get(0).dimension()) {
                throw new IllegalArgumentException("trajectories[" + t + "] has dimension "
                        + tr.dimension() + ", expected " + trajectories.get(0).dimension());
            }
            total += tr.size() - 1;
        }
        if (total == 0) {
            throw new IllegalArgumentException("trajectories must hold at least 1 trajectory, got 0");
        }
        double[][] x = new double[total][];
        double[][] y = new double[total][];
        int m = 0;
        for (Trajectory tr : trajectories) {
            double[] previous = tr.state(0);
            for (int i = 1; i < tr.size(); i++, m++) {
                double[] next = tr.state(i);
                x[m] = previous;
                y[m] = next;
                previous = next;
            }
        }
        return new SnapshotPairs(x, y, Weights.monteCarlo(total));
    }

    /** Number of pairs {@code M}. */
    public int size() {
        return x.length;
    }

    /** Dimension {@code d} of the states. */
    public int dimension() {
        return x[0].length;
    }

    /** A copy of the states {@code x_m}. */
    @Override
    public double[][] x() {
        return deepCopy(x);
    }

    /** A copy of the images {@code y_m}. */
    @Override
    public double[][] y() {
        return deepCopy(y);
    }

    /** {@code x} and {@code y} stacked ({@code 2M x d}), for example for k-means centres. */
    public double[][] xAndY() {
        double[][] both = new double[2 * x.length][];
        for (int m = 0; m < x.length; m++) {
            both[m] = x[m].clone();
            both[x.length + m] = y[m].clone();
        }
        return both;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotPairs p && Arrays.deepEquals(x, p.x)
                && Arrays.deepEquals(y, p.y) && weights.equals(p.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(x), Arrays.deepHashCode(y), weights);
    }

    @Override
    public String toString() {
        return "SnapshotPairs[M=" + x.length + ", d=" + x[0].length + "]";
    }

    /**
     * A deep copy of {@code a} after checking that it is a non-empty matrix of finite numbers
     * with rows of equal length {@code >= 1}; errors name {@code name}, the row and the column.
     */
    static double[][] checkedCopy(String name, double[][] a) {
        Objects.requireNonNull(a, name);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least 1 row, got 0");
        }
        if (a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] must hold at least 1 coordinate, got "
                    + (a[0] == null ? "null" : "0"));
        }
        int d = a[0].length;
        double[][] copy = new double[a.length][];
        for (int m = 0; m < a.length; m++) {
            if (a[m] == null || a[m].length != d) {
                throw new IllegalArgumentException(name + "[" + m + "] must have length " + d
                        + " like " + name + "[0], got " + (a[m] == null ? "null" : a[m].length));
            }
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(a[m][k])) {
                    throw new IllegalArgumentException(name + "[" + m + "][" + k
                            + "] must be finite, got " + a[m][k]);
                }
            }
            copy[m] = a[m].clone();
        }
        return copy;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int m = 0; m < a.length; m++) {
            copy[m] = a[m].clone();
        }
        return copy;
    }
}
