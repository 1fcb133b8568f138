package org.phasebook.hmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The state-space subspace of one pair of outputs {@code {a, b}} of a network with three or more
 * outputs (brief {@code hmm-rnn.md} §8, "Subspaces"; figure F7). The paper's claim is that a
 * network emulating a 3-output HMM reuses the 2-state orbit once per pair of outputs: while the
 * argmax output stays in {@code {a, b}}, the state moves on an orbit in a low-dimensional
 * subspace of its own, rotating logit {@code a} against logit {@code b}.
 *
 * <p>For the states of a run whose argmax is {@code a} or {@code b}, this holds:
 * <ul>
 *   <li>{@code pca}: a 3-component PCA fitted on those states only (the authors' per-pair PCA);</li>
 *   <li>{@code occupancy}: the fraction of the run's steps spent in the pair;</li>
 *   <li>{@code planeVariance}: the share of those states' variance in PC1 and PC2, how flat
 *       the pair's orbit is;</li>
 *   <li>{@code readoutAngles}: for every readout row {@code A_k}, the angle (radians) to the
 *       pair's PC1–PC2 plane ({@link ReadoutAngles});</li>
 *   <li>{@code contrastAngle}: the angle of {@code A_a - A_b}, the direction that decides
 *       between the pair's two outputs, to that plane: small when moving in the plane is what
 *       switches the output between {@code a} and {@code b};</li>
 *   <li>{@code segments}: the contiguous stretches of at least {@code minSegment} steps in the
 *       pair, projected on the pair's three PCs ({@code [segment][step][pc]}), what the
 *       authors plot.</li>
 * </ul>
 *
 * @param first         output {@code a}
 * @param second        output {@code b > a}
 * @param pca           the pair's 3-component PCA
 * @param occupancy     fraction of the run's steps whose output is {@code a} or {@code b}
 * @param planeVariance explained-variance share of the pair PCA's first two components
 * @param readoutAngles angle of each readout row to the pair's PC1–PC2 plane, radians
 * @param contrastAngle angle of {@code A_a - A_b} to that plane, radians
 * @param segments      stretches of at least {@code minSegment} steps in the pair, projected
 */
public record PairSubspace(int first, int second, StatePca pca, double occupancy, double planeVariance,
                           double[] readoutAngles, double contrastAngle, double[][][] segments) {

    /** The number of principal components of each pair's PCA, as in the authors' code. */
    public static final int COMPONENTS = 3;

    /** Checks the pair and copies the arrays. */
    public PairSubspace {
        if (first < 0 || second <= first) {
            throw new IllegalArgumentException("need 0 <= first < second, got " + first + ", " + second);
        }
        Objects.requireNonNull(pca, "pca");
        readoutAngles = Objects.requireNonNull(readoutAngles, "readoutAngles").clone();
        segments = Objects.requireNonNull(segments, "segments").clone();
    }

    @Override
    public double[] readoutAngles() {
        return readoutAngles.clone();
    }

    @Override
    public double[][][] segments() {
        return segments.clone();
    }

    /** A label such as {@code "0-2"}. */
    public String label() {
        return first + "-" + second;
    }

    /**
     * The subspace of every pair of outputs {@code a < b} of {@code dynamics}, in the order
     * (0,1), (0,2), (1,2), ..., from the states and outputs of {@code run}; a pair whose outputs
     * win the argmax at {@value #COMPONENTS} steps of the run or fewer has no subspace to fit and
     * is left out (an untrained network may never show an output).
     *
     * @param dynamics   the network (its readout gives the angles)
     * @param run        a run of the network (the authors use 100,000 noisy steps)
     * @param minSegment {@code >= 1}: the shortest stretch kept in {@link #segments()}
     *                   (the authors: 200)
     * @return one subspace per pair
     * @throws IllegalArgumentException if the network has fewer than three outputs
     */
    public static List<PairSubspace> all(RnnDynamics dynamics, RnnTrajectory run, int minSegment) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(run, "run");
        int k = dynamics.outputs();
        if (k < 3) {
            throw new IllegalArgumentException("pair subspaces need a network with at least 3 outputs, got " + k);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("minSegment must be >= 1, got " + minSegment);
        }
        List<PairSubspace> pairs = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (statesIn(run, a, b) > COMPONENTS) {
                    pairs.add(of(dynamics, run, a, b, minSegment));
                }
            }
        }
        return pairs;
    }

    /**
     * The subspace of the pair {@code {a, b}}; see {@link #all}.
     *
     * @param dynamics   the network
     * @param run        a run of the network
     * @param a          an output
     * @param b          another output, {@code a < b < K}
     * @param minSegment {@code >= 1}
     * @return the pair's subspace
     */
    public static PairSubspace of(RnnDynamics dynamics, RnnTrajectory run, int a, int b, int minSegment) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(run, "run");
        if (a < 0 || b <= a || b >= dynamics.outputs()) {
            throw new IllegalArgumentException("need 0 <= a < b < K = " + dynamics.outputs() + ", got a = " + a
                    + ", b = " + b);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("minSegment must be >= 1, got " + minSegment);
        }
        int[] outputs = run.outputs();
        int inPair = statesIn(run, a, b);
        if (inPair <= COMPONENTS) {
            throw new IllegalArgumentException("outputs " + a + " and " + b + " occur at only " + inPair
                    + " steps of the run; a " + COMPONENTS + "-component PCA needs more (use a longer run)");
        }
        StatePca pca = StatePca.fitOnOutputs(run, COMPONENTS, a, b);
        double[] ratio = pca.explainedVarianceRatio();
        double[][] readout = dynamics.weights().readoutWeights();
        double[] angles = ReadoutAngles.toPcPlane(dynamics.weights(), pca, 0, 1);
        double[] contrast = new double[readout[a].length];
        for (int i = 0; i < contrast.length; i++) {
            contrast[i] = readout[a][i] - readout[b][i];
        }
        double contrastAngle = ReadoutAngles.toPlane(new double[][] {contrast}, pca.component(0), pca.component(1))[0];
        return new PairSubspace(a, b, pca, (double) inPair / outputs.length, ratio[0] + ratio[1], angles,
                contrastAngle, segments(run, pca, a, b, minSegment));
    }

    private static int statesIn(RnnTrajectory run, int a, int b) {
        int count = 0;
        for (int o : run.outputs()) {
            count += (o == a || o == b) ? 1 : 0;
        }
        return count;
    }

    /** The maximal runs of consecutive steps with output a or b, at least minSegment long, projected. */
    private static double[][][] segments(RnnTrajectory run, StatePca pca, int a, int b, int minSegment) {
        int[] outputs = run.outputs();
        double[][] states = run.states();
        List<double[][]> kept = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= outputs.length; t++) {
            boolean in = t < outputs.length && (outputs[t] == a || outputs[t] == b);
            if (in && start < 0) {
                start = t;
            } else if (!in && start >= 0) {
                if (t - start >= minSegment) {
                    double[][] projected = new double[t - start][];
                    for (int s = start; s < t; s++) {
                        projected[s - start] = pca.project(states[s]);
                    }
                    kept.add(projected);
                }
                start = -1;
            }
        }
        return kept.toArray(double[][][]::new);
    }
}
