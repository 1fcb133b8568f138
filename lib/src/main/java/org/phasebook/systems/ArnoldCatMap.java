package org.phasebook.systems;

/**
 * Arnold's cat map on the 2-torus, V. I. Arnold, A. Avez, <i>Ergodic Problems of Classical
 * Mechanics</i>, Benjamin 1968:
 * <pre>
 *   (x, y) -> (2x + y, x + y)  (mod L, in each coordinate),
 * </pre>
 * with coordinates represented in {@code [0, L)^2}, where {@code L} is the {@code period} of the
 * torus: {@code L = 1} ({@link #unitTorus()}) is the textbook form, {@code L = 2 pi}
 * ({@link #angleTorus()}) the form in which observables are trigonometric polynomials such as
 * {@code sin x}. The two are conjugate by scaling.
 *
 * <p>The matrix {@code A = [[2, 1], [1, 1]]} is integer with determinant 1, so the map is an
 * invertible automorphism of the torus that preserves area (Lebesgue measure). Its eigenvalues
 * {@code (3 ± sqrt 5) / 2} make it uniformly hyperbolic and mixing, hence its Koopman operator on
 * {@code L^2} has the eigenvalue 1 (constants) only, and absolutely continuous spectrum on the
 * orthogonal complement of the constants. Points with rational coordinates of denominator
 * {@code q} are periodic, since {@code A} permutes the grid {@code (Z / q)^2}: for
 * {@code q = 5}, for example, {@code (1/5, 2/5) <-> (4/5, 3/5)} and
 * {@code (2/5, 4/5) <-> (3/5, 1/5)} are the orbits of period 2, and the other 20 non-zero
 * points have period 10, the order of {@code A} modulo 5.
 *
 * @param period the period {@code L} of each coordinate, finite and {@code > 0}
 */
public record ArnoldCatMap(double period) implements DiscreteMap {

    /** Validates that {@code period} is finite and positive. */
    public ArnoldCatMap {
        if (!(period > 0.0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("period must be finite and > 0, got " + period);
        }
    }

    /** The map on {@code [0, 1)^2}; on dyadic rationals {@code k / 2^m} it is exact. */
    public static ArnoldCatMap unitTorus() {
        return new ArnoldCatMap(1.0);
    }

    /** The map on angles in {@code [0, 2 pi)^2}. */
    public static ArnoldCatMap angleTorus() {
        return new ArnoldCatMap(2.0 * Math.PI);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void apply(double[] x, double[] next) {
        double px = x[0];
        double py = x[1];
        next[0] = PeriodicCoordinate.reduce(2.0 * px + py, period);
        next[1] = PeriodicCoordinate.reduce(px + py, period);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"x", "y"};
    }

    /**
     * The Jacobian matrix {@code [[2, 1], [1, 1]]}, the same at every point; a fresh array on
     * each call.
     */
    public double[][] jacobian() {
        return new double[][] {{2.0, 1.0}, {1.0, 1.0}};
    }
}
