package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Objects;

/**
 * Trials prepared for a {@link LatentModel}: the encoder's input (held-in counts over observed
 * bins, {@code trials x T_o x N_in}) and the reconstruction target (all neurons over all bins,
 * {@code trials x T x N}: held-in then held-out neurons, observed then forward bins), stored
 * flat as {@code float} for upload. Immutable.
 */
public final class LatentData {

    private final LatentShape shape;
    private final int trials;
    private final float[] input;
    private final float[] targets;

    private LatentData(LatentShape shape, int trials, float[] input, float[] targets) {
        this.shape = shape;
        this.trials = trials;
        this.input = input;
        this.targets = targets;
    }

    /**
     * The trials of one split of a Lorenz data set.
     *
     * @param dataset the data set
     * @param split   which trials
     * @return the trials
     */
    public static LatentData of(LorenzDataset dataset, Split split) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        return of(LatentShape.of(dataset.recipe()), toDouble(dataset.heldin(split)),
            toDouble(dataset.heldout(split)), toDouble(dataset.heldinForward(split)),
            toDouble(dataset.heldoutForward(split)));
    }

    /**
     * The training or evaluation trials of NLB-layout tensors (a real NLB file or a generated
     * one); the forward arrays must be present when the shape has forward bins.
     *
     * @param tensors the tensors
     * @param train   the training trials if true, else the evaluation trials
     * @return the trials
     */
    public static LatentData of(NlbTensors tensors, boolean train) {
        Objects.requireNonNull(tensors, "tensors");
        LatentShape shape = new LatentShape(tensors.observedBins(), tensors.forwardBins(),
            tensors.heldInNeurons(), tensors.heldInNeurons() + tensors.heldOutNeurons());
        return train
            ? of(shape, tensors.trainSpikesHeldin(), tensors.trainSpikesHeldout(),
                tensors.trainSpikesHeldinForward(), tensors.trainSpikesHeldoutForward())
            : of(shape, tensors.evalSpikesHeldin(), tensors.evalSpikesHeldout(),
                tensors.evalSpikesHeldinForward(), tensors.evalSpikesHeldoutForward());
    }

    /**
     * Trials from the four NLB arrays, {@code [trial][bin][neuron]}.
     *
     * @param shape          the shape the arrays must have
     * @param heldin         held-in counts over observed bins
     * @param heldout        held-out counts over observed bins
     * @param heldinForward  held-in counts over forward bins, or null when {@code T_f = 0}
     * @param heldoutForward held-out counts over forward bins, or null when {@code T_f = 0}
     * @return the trials
     * @throws IllegalArgumentException if a shape differs or a count is negative or not finite
     */
    public static LatentData of(LatentShape shape, double[][][] heldin, double[][][] heldout,
                                double[][][] heldinForward, double[][][] heldoutForward) {
        Objects.requireNonNull(shape, "shape");
        int trials = heldin == null ? 0 : heldin.length;
        if (trials < 1) {
            throw new IllegalArgumentException("heldin must hold at least one trial");
        }
        int to = shape.observedBins();
        int tf = shape.forwardBins();
        int t = shape.bins();
        int nin = shape.heldIn();
        int n = shape.neurons();
        check("heldin", heldin, trials, to, nin);
        check("heldout", heldout, trials, to, n - nin);
        if (tf > 0) {
            check("heldinForward", heldinForward, trials, tf, nin);
            check("heldoutForward", heldoutForward, trials, tf, n - nin);
        }
        float[] input = new float[trials * to * nin];
        float[] targets = new float[trials * t * n];
        for (int r = 0; r < trials; r++) {
            for (int b = 0; b < t; b++) {
                boolean observed = b < to;
                double[] in = observed ? heldin[r][b] : heldinForward[r][b - to];
                double[] out = observed ? heldout[r][b] : heldoutForward[r][b - to];
                int base = (r * t + b) * n;
                for (int j = 0; j < nin; j++) {
                    targets[base + j] = (float) in[j];
                    if (observed) {
                        input[(r * to + b) * nin + j] = (float) in[j];
                    }
                }
                for (int j = 0; j < n - nin; j++) {
                    targets[base + nin + j] = (float) out[j];
                }
            }
        }
        return new LatentData(shape, trials, input, targets);
    }

    private static void check(String name, double[][][] a, int trials, int bins, int neurons) {
        if (a == null || a.length != trials) {
            throw new IllegalArgumentException(name + " must hold " + trials + " trials, got "
                + (a == null ? "null" : a.length));
        }
        for (int r = 0; r < trials; r++) {
            if (a[r] == null || a[r].length != bins) {
                throw new IllegalArgumentException(name + " trial " + r + " must have " + bins
                    + " bins");
            }
            for (int b = 0; b < bins; b++) {
                if (a[r][b] == null || a[r][b].length != neurons) {
                    throw new IllegalArgumentException(name + " trial " + r + " bin " + b
                        + " must have " + neurons + " neurons");
                }
                for (double v : a[r][b]) {
                    if (!(v >= 0) || !Double.isFinite(v)) {
                        throw new IllegalArgumentException(name + " trial " + r + " bin " + b
                            + " holds " + v + "; counts must be finite and >= 0");
                    }
                }
            }
        }
    }

    private static double[][][] toDouble(int[][][] counts) {
        if (counts == null) {
            return null;
        }
        double[][][] d = new double[counts.length][][];
        for (int r = 0; r < counts.length; r++) {
            d[r] = new double[counts[r].length][];
            for (int b = 0; b < counts[r].length; b++) {
                d[r][b] = new double[counts[r][b].length];
                for (int j = 0; j < d[r][b].length; j++) {
                    d[r][b][j] = counts[r][b][j];
                }
            }
        }
        return d;
    }

    /**
     * The shape.
     *
     * @return the shape
     */
    public LatentShape shape() {
        return shape;
    }

    /**
     * Refuses data of another shape than the model reads.
     *
     * @param model the model about to read this data
     * @throws IllegalArgumentException naming both shapes
     */
    void requireShapeOf(LatentModel model) {
        if (!shape.equals(model.shape())) {
            throw new IllegalArgumentException("the data's shape " + shape
                + " differs from the model's " + model.shape());
        }
    }

    /**
     * The number of trials.
     *
     * @return the trials
     */
    public int trials() {
        return trials;
    }

    /**
     * The encoder input of the given trials, {@code k x T_o x N_in}.
     *
     * @param manager the manager of the new array
     * @param indices trial indices
     * @return a float32 array
     */
    public NDArray input(NDManager manager, int[] indices) {
        int size = shape.observedBins() * shape.heldIn();
        return manager.create(gather(input, size, indices),
            new Shape(indices.length, shape.observedBins(), shape.heldIn()));
    }

    /**
     * The targets of the given trials, {@code k x T x N}.
     *
     * @param manager the manager of the new array
     * @param indices trial indices
     * @return a float32 array
     */
    public NDArray targets(NDManager manager, int[] indices) {
        int size = shape.bins() * shape.neurons();
        return manager.create(gather(targets, size, indices),
            new Shape(indices.length, shape.bins(), shape.neurons()));
    }

    /**
     * The target count of one entry.
     *
     * @param trial  the trial
     * @param bin    the bin, {@code 0..T-1}
     * @param neuron the neuron, {@code 0..N-1}
     * @return the count
     */
    public double target(int trial, int bin, int neuron) {
        return targets[(trial * shape.bins() + bin) * shape.neurons() + neuron];
    }

    private float[] gather(float[] all, int size, int[] indices) {
        Objects.requireNonNull(indices, "indices");
        if (indices.length < 1) {
            throw new IllegalArgumentException("indices must not be empty");
        }
        float[] out = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= trials) {
                throw new IllegalArgumentException("trial index " + r + " is outside 0.."
                    + (trials - 1));
            }
            System.arraycopy(all, r * size, out, i * size, size);
        }
        return out;
    }
}
