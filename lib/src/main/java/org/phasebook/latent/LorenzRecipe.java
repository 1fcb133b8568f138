package org.phasebook.latent;

/**
 * The sizes and seed of the synthetic data recipe {@code lorenz-v1} (brief
 * {@code shared/papers/langevin-flow.md} §5): {@code C} conditions, each a 50-bin stretch of one
 * Lorenz trajectory, observed through {@code N} Poisson neurons with a random log-linear readout,
 * {@code R} repeated trials per condition. Every other constant of the recipe (the flow, the
 * integrator, the spacing of the conditions, the base rate) is fixed in {@link LorenzGenerator}.
 *
 * <p>Trials {@code r < trainRepeats()} of each condition are training trials, the rest
 * validation ("eval" in nlb_tools' names); see {@link #trainRepeats()} for the rounding.
 *
 * @param conditions   {@code C}, the number of conditions (initial states), 1 to 10,000
 * @param repeats      {@code R}, trials per condition, 2 to 10,000 (at least one training and
 *                     one validation trial each)
 * @param neurons      {@code N}, neurons in all, 2 to 10,000
 * @param heldIn       neurons {@code 0 .. heldIn-1} are held in (model input), the rest held
 *                     out; 1 to {@code neurons - 1}
 * @param observedBins {@code T_o}, bins the model sees, 1 to 10,000
 * @param forwardBins  {@code T_f}, bins after them to forecast, 0 to 10,000
 * @param seed         seed of the one {@link java.util.SplittableRandom} that draws the readout
 *                     and then every spike count
 */
public record LorenzRecipe(int conditions, int repeats, int neurons, int heldIn,
        int observedBins, int forwardBins, long seed) {

    /** The recipe's name, as used for its folder {@code datasets/lorenz-v1/}. */
    public static final String NAME = "lorenz-v1";

    private static final int MAX_SIZE = 10_000;

    /** Validates every size; errors name the parameter, its value and the allowed range. */
    public LorenzRecipe {
        requireRange("conditions", conditions, 1, MAX_SIZE);
        requireRange("repeats", repeats, 2, MAX_SIZE);
        requireRange("neurons", neurons, 2, MAX_SIZE);
        requireRange("heldIn", heldIn, 1, neurons - 1);
        requireRange("observedBins", observedBins, 1, MAX_SIZE);
        requireRange("forwardBins", forwardBins, 0, MAX_SIZE);
        long entries = (long) conditions * repeats * (observedBins + forwardBins) * neurons;
        if (entries > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("conditions * repeats * (observedBins + "
                    + "forwardBins) * neurons must be at most " + Integer.MAX_VALUE
                    + " spike counts, got " + entries);
        }
    }

    /**
     * The §5.8 default: {@code C = 65, R = 20} (1,300 trials, 1,040 train / 260 validation),
     * {@code N = 32} with 24 held in, {@code T_o = 40, T_f = 10}, seed 0.
     */
    public static LorenzRecipe defaults() {
        return new LorenzRecipe(65, 20, 32, 24, 40, 10, 0L);
    }

    /** The §5.8 quick scale: {@code C = 16, R = 8} (96 train / 32 validation), otherwise as
     *  {@link #defaults()}. */
    public static LorenzRecipe quick() {
        return new LorenzRecipe(16, 8, 32, 24, 40, 10, 0L);
    }

    /** This recipe with another seed. */
    public LorenzRecipe withSeed(long newSeed) {
        return new LorenzRecipe(conditions, repeats, neurons, heldIn, observedBins, forwardBins,
                newSeed);
    }

    /** {@code T = T_o + T_f}, the bins of a trial. */
    public int bins() {
        return observedBins + forwardBins;
    }

    /** {@code N - heldIn}, the held-out neurons. */
    public int heldOut() {
        return neurons - heldIn;
    }

    /**
     * Training trials per condition, {@code floor(0.8 R)} (16 of 20; 6 of 8).
     *
     * <p>§5.9 writes the rule as "r &lt; 0.8R" and states the counts 1,040/260 (default) and
     * 96/32 (quick). For {@code R = 8} the literal inequality would admit {@code r = 6} (7 of 8
     * trials); the floor is what gives the stated counts, so the floor is used.
     */
    public int trainRepeats() {
        return (4 * repeats) / 5;
    }

    /** Validation trials per condition, {@code R - trainRepeats()}. */
    public int evalRepeats() {
        return repeats - trainRepeats();
    }

    /** Training trials in all, {@code C * trainRepeats()}. */
    public int trainTrials() {
        return conditions * trainRepeats();
    }

    /** Validation trials in all, {@code C * evalRepeats()}. */
    public int evalTrials() {
        return conditions * evalRepeats();
    }

    /** The trials of a split, {@link #trainTrials()} or {@link #evalTrials()}. */
    public int trials(Split split) {
        return split == Split.TRAIN ? trainTrials() : evalTrials();
    }

    /** Trials per condition in a split. */
    public int repeatsIn(Split split) {
        return split == Split.TRAIN ? trainRepeats() : evalRepeats();
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max
                    + "], got " + value);
        }
    }
}
