package org.phasebook.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable {@code lorenz-v1} data set: the spikes of every trial and the ground truth they
 * were drawn from, made by {@link LorenzGenerator#generate(LorenzRecipe)} or read back by
 * {@link LorenzDatasetFiles#read(java.nio.file.Path)}.
 *
 * <p>Trials are stored condition-major within each split: trial {@code i} of split {@code s}
 * is repeat {@code r = i % R_s} (plus {@code trainRepeats()} for validation trials) of condition
 * {@code i / R_s}, with {@code R_s = recipe().repeatsIn(s)}. The truth is per condition (every
 * trial of a condition shares its latent path and rates); the per-trial accessors expand it.
 *
 * <p>Every accessor returns a fresh copy. Spikes are indexed {@code [trial][bin][neuron]}, as
 * nlb_tools' tensors; bins {@code 0 .. T_o-1} are observed, {@code T_o .. T-1} forward;
 * neurons {@code 0 .. heldIn-1} are held in, the rest held out. Rates are expected counts per
 * bin.
 */
public final class LorenzDataset {

    private final LorenzRecipe recipe;
    private final double[][] readout;
    private final double[] mean;
    private final double[] scale;
    private final double[][][] states;
    private final double[][][] normalised;
    private final double[][][] velocity;
    private final double[][][] rates;
    /** In generation order: index {@code c * R + r}. */
    private final int[][][] spikes;

    /**
     * Validates shapes and values and keeps deep copies.
     *
     * @param recipe     sizes and seed
     * @param readout    {@code C_nk}, {@code N x 3}, finite
     * @param mean       {@code mu}, length 3, finite
     * @param scale      {@code M}, length 3, finite and {@code > 0}
     * @param states     {@code x}, {@code [C][T][3]}, finite
     * @param normalised {@code x~}, {@code [C][T][3]}, finite
     * @param velocity   {@code dx~/dt}, {@code [C][T][3]}, finite
     * @param rates      {@code lambda}, {@code [C][T][N]}, finite and {@code > 0}
     * @param spikes     counts in generation order ({@code c}-major, then {@code r}),
     *                   {@code [C R][T][N]}, {@code >= 0}
     */
    LorenzDataset(LorenzRecipe recipe, double[][] readout, double[] mean, double[] scale,
            double[][][] states, double[][][] normalised, double[][][] velocity,
            double[][][] rates, int[][][] spikes) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        int c = recipe.conditions();
        int t = recipe.bins();
        int n = recipe.neurons();
        this.readout = Tensors.copy("readout", readout, n, 3);
        this.mean = Tensors.copy("mean", mean, 3);
        this.scale = Tensors.copy("scale", scale, 3);
        for (int k = 0; k < 3; k++) {
            if (!(this.scale[k] > 0.0)) {
                throw new IllegalArgumentException("scale[" + k + "] must be > 0, got "
                        + this.scale[k]);
            }
        }
        this.states = Tensors.copy("states", states, c, t, 3);
        this.normalised = Tensors.copy("normalised", normalised, c, t, 3);
        this.velocity = Tensors.copy("velocity", velocity, c, t, 3);
        this.rates = Tensors.copy("rates", rates, c, t, n);
        Tensors.requirePositive("rates", this.rates);
        this.spikes = Tensors.copyCounts("spikes", spikes, c * recipe.repeats(), t, n);
    }

    /** Sizes and seed. */
    public LorenzRecipe recipe() {
        return recipe;
    }

    /** The readout {@code C_nk}, {@code N x 3}. */
    public double[][] readout() {
        return Tensors.copy(readout);
    }

    /** {@code mu}, the mean state over all conditions and bins (raw units). */
    public double[] mean() {
        return mean.clone();
    }

    /** {@code M}, the largest deviation from {@link #mean()} per component (raw units). */
    public double[] scale() {
        return scale.clone();
    }

    /** Raw Lorenz states {@code x}, {@code [condition][bin][3]}. */
    public double[][][] conditionStates() {
        return Tensors.copy(states);
    }

    /** Normalised states {@code x~ = (x - mu) / M}, {@code [condition][bin][3]}. */
    public double[][][] conditionNormalisedStates() {
        return Tensors.copy(normalised);
    }

    /** Velocities {@code dx~/dt = f(x) / M}, {@code [condition][bin][3]}. */
    public double[][][] conditionVelocities() {
        return Tensors.copy(velocity);
    }

    /** True rates {@code lambda}, counts per bin, {@code [condition][bin][neuron]}. */
    public double[][][] conditionRates() {
        return Tensors.copy(rates);
    }

    /** The number of trials in a split. */
    public int trials(Split split) {
        return recipe.trials(split);
    }

    /** The condition of each trial of a split. */
    public int[] conditions(Split split) {
        int[] out = new int[trials(split)];
        int per = recipe.repeatsIn(split);
        for (int i = 0; i < out.length; i++) {
            out[i] = i / per;
        }
        return out;
    }

    /** The repeat index {@code r} (within its condition, {@code 0 .. R-1}) of each trial. */
    public int[] repeats(Split split) {
        int[] out = new int[trials(split)];
        int per = recipe.repeatsIn(split);
        int offset = split == Split.TRAIN ? 0 : recipe.trainRepeats();
        for (int i = 0; i < out.length; i++) {
            out[i] = offset + i % per;
        }
        return out;
    }

    /** All counts of a split, {@code [trial][T][N]}. */
    public int[][][] spikes(Split split) {
        return block(split, 0, recipe.bins(), 0, recipe.neurons());
    }

    /** nlb_tools' {@code <split>_spikes_heldin}: observed bins, held-in neurons. */
    public int[][][] heldin(Split split) {
        return block(split, 0, recipe.observedBins(), 0, recipe.heldIn());
    }

    /** nlb_tools' {@code <split>_spikes_heldin_forward}: forward bins, held-in neurons. */
    public int[][][] heldinForward(Split split) {
        return block(split, recipe.observedBins(), recipe.bins(), 0, recipe.heldIn());
    }

    /** nlb_tools' {@code <split>_spikes_heldout}: observed bins, held-out neurons. */
    public int[][][] heldout(Split split) {
        return block(split, 0, recipe.observedBins(), recipe.heldIn(), recipe.neurons());
    }

    /** nlb_tools' {@code <split>_spikes_heldout_forward}: forward bins, held-out neurons. */
    public int[][][] heldoutForward(Split split) {
        return block(split, recipe.observedBins(), recipe.bins(), recipe.heldIn(),
                recipe.neurons());
    }

    /** True rates of every trial of a split, {@code [trial][T][N]}. */
    public double[][][] rates(Split split) {
        return perTrial(split, rates);
    }

    /** Raw states of every trial of a split, {@code [trial][T][3]}. */
    public double[][][] states(Split split) {
        return perTrial(split, states);
    }

    /** Normalised states {@code x~} of every trial of a split, {@code [trial][T][3]}. */
    public double[][][] normalisedStates(Split split) {
        return perTrial(split, normalised);
    }

    /** Velocities {@code dx~/dt} of every trial of a split, {@code [trial][T][3]}. */
    public double[][][] velocities(Split split) {
        return perTrial(split, velocity);
    }

    /**
     * The spikes as an nlb_tools tensor set: all eight spike arrays, and as behaviour the
     * velocity {@code dx~/dt} over the observed bins (the §6 "vel R²" target, no lag).
     */
    public NlbTensors toNlbTensors() {
        double[][][] trainBehavior = Tensors.bins(velocities(Split.TRAIN), 0,
                recipe.observedBins());
        double[][][] evalBehavior = Tensors.bins(velocities(Split.EVAL), 0,
                recipe.observedBins());
        boolean forward = recipe.forwardBins() > 0;
        return new NlbTensors(
                Tensors.toDouble(heldin(Split.TRAIN)),
                Tensors.toDouble(heldout(Split.TRAIN)),
                forward ? Tensors.toDouble(heldinForward(Split.TRAIN)) : null,
                forward ? Tensors.toDouble(heldoutForward(Split.TRAIN)) : null,
                Tensors.toDouble(heldin(Split.EVAL)),
                Tensors.toDouble(heldout(Split.EVAL)),
                forward ? Tensors.toDouble(heldinForward(Split.EVAL)) : null,
                forward ? Tensors.toDouble(heldoutForward(Split.EVAL)) : null,
                trainBehavior, evalBehavior);
    }

    /** Whether two data sets hold bit-identical recipes, truths and spikes. */
    public boolean sameContent(LorenzDataset other) {
        return recipe.equals(other.recipe)
                && Arrays.deepEquals(readout, other.readout)
                && Arrays.equals(mean, other.mean)
                && Arrays.equals(scale, other.scale)
                && Arrays.deepEquals(states, other.states)
                && Arrays.deepEquals(normalised, other.normalised)
                && Arrays.deepEquals(velocity, other.velocity)
                && Arrays.deepEquals(rates, other.rates)
                && Arrays.deepEquals(spikes, other.spikes);
    }

    /** The generation index {@code c R + r} of trial {@code i} of a split. */
    int generationIndex(Split split, int i) {
        int per = recipe.repeatsIn(split);
        int offset = split == Split.TRAIN ? 0 : recipe.trainRepeats();
        return (i / per) * recipe.repeats() + offset + i % per;
    }

    private int[][][] block(Split split, int t0, int t1, int n0, int n1) {
        int trials = trials(split);
        int[][][] out = new int[trials][t1 - t0][];
        for (int i = 0; i < trials; i++) {
            int[][] trial = spikes[generationIndex(split, i)];
            for (int t = t0; t < t1; t++) {
                out[i][t - t0] = Arrays.copyOfRange(trial[t], n0, n1);
            }
        }
        return out;
    }

    private double[][][] perTrial(Split split, double[][][] perCondition) {
        int[] cond = conditions(split);
        double[][][] out = new double[cond.length][][];
        for (int i = 0; i < cond.length; i++) {
            out[i] = Tensors.copy(perCondition[cond[i]]);
        }
        return out;
    }
}
