package org.phasebook.hmm;

/**
 * The settings of the log-domain Sinkhorn solver that matches two sets of sequences
 * ({@link SinkhornMatching}; brief {@code hmm-rnn.md} §6, metric 1).
 *
 * <p>{@code epsilon} is the entropic regularisation in the units of the cost (here a Euclidean
 * distance between one-hot sequences); the solver stops after the first iteration whose total
 * change of the dual potentials, {@code sum_i |u_i - u_i'| + sum_j |v_j - v_j'|} (also in cost
 * units), is below {@code tolerance}, or after {@code maxIterations} iterations.
 * {@link #PAPER} holds the authors' values.
 *
 * @param epsilon       the regularisation, finite and {@code > 0}
 * @param tolerance     the stopping threshold on the summed potential changes, finite and {@code >= 0}
 *                      (0 runs all {@code maxIterations})
 * @param maxIterations the most iterations, {@code >= 1}
 */
public record SinkhornMatchingParameters(double epsilon, double tolerance, int maxIterations) {

    /** The authors' solver ({@code SinkhornSolver(epsilon=0.1, iterations=1000)}, threshold 0.1). */
    public static final SinkhornMatchingParameters PAPER = new SinkhornMatchingParameters(0.1, 0.1, 1_000);

    /** Checks the ranges. */
    public SinkhornMatchingParameters {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }
}
