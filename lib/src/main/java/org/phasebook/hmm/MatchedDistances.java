package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of matching a second set of sequences to a first by the Sinkhorn transport plan
 * ({@link SinkhornMatching}): sequence {@code j} of the second set is matched to sequence
 * {@code matches[j]} of the first, at Euclidean (one-hot) distance {@code distances[j]}.
 * {@link #summary()} is the paper's "mean ± sd" of the matched distances (sample sd, {@code n - 1}).
 *
 * <p>Arrays are not copied; treat them as read-only.
 *
 * @param matches    for each sequence {@code j} of the second set, the index {@code i} of the first
 *                   set that maximises the plan {@code pi_ij}
 * @param distances  {@code sqrt(2 * Hamming(first[matches[j]], second[j]))}
 * @param summary    mean and sd of {@code distances}
 * @param iterations the Sinkhorn iterations run, {@code >= 1}
 * @param converged  whether the stopping rule was met within the iteration limit
 * @param u          the final dual potential of the first set, in cost units
 *                   ({@code pi_ij = exp((u_i + v_j - C_ij) / epsilon)})
 * @param v          the final dual potential of the second set, in cost units
 */
public record MatchedDistances(int[] matches, double[] distances, MeanSd summary, int iterations, boolean converged,
                               double[] u, double[] v) {

    /** Checks for nulls and matching lengths. */
    public MatchedDistances {
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(distances, "distances");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
        if (distances.length != matches.length || v.length != matches.length) {
            throw new IllegalArgumentException("matches, distances and v must have one entry per sequence of the second set, got "
                    + matches.length + ", " + distances.length + " and " + v.length);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }

    /** The mean matched distance. */
    public double mean() {
        return summary.mean();
    }

    /** How many sequences of the first set are the match of at least one sequence of the second. */
    public int distinctMatches() {
        return (int) Arrays.stream(matches).distinct().count();
    }

    /**
     * {@code mean_j u[matches[j]] - mean_i u_i}: the slack of the bound
     * {@code mean() <= A + potentialSlack()}, where {@code A} is the mean distance of <i>any</i>
     * one-to-one assignment of two sets of equal size (so also of the optimal one). Proof: the
     * match {@code i*} of column {@code j} maximises {@code u_i - C_ij}, so
     * {@code C_{i*j} <= C_{s(j)j} + u_{i*} - u_{s(j)}} for the assignment's row {@code s(j)};
     * averaging over {@code j}, a bijection {@code s} averages {@code u_{s(j)}} to {@code mean u}.
     *
     * @throws IllegalStateException when the sets differ in size
     */
    public double potentialSlack() {
        if (u.length != v.length) {
            throw new IllegalStateException("the assignment bound needs sets of equal size, got " + u.length + " and " + v.length);
        }
        double matched = 0.0;
        for (int i : matches) {
            matched += u[i];
        }
        return matched / matches.length - Arrays.stream(u).sum() / u.length;
    }
}
