package org.phasebook.latent;

/**
 * The shape of a latent model's data: {@code T_o} observed and {@code T_f} forward bins, and
 * {@code N_in} held-in among {@code N} neurons (brief {@code langevin-flow.md} §2 "Notation").
 * The encoder reads held-in neurons over observed bins; the model emits log-rates for all
 * neurons over all {@code T = T_o + T_f} bins.
 *
 * @param observedBins {@code T_o >= 2}
 * @param forwardBins  {@code T_f >= 0}
 * @param heldIn       {@code N_in >= 1}
 * @param neurons      {@code N >= N_in}
 */
public record LatentShape(int observedBins, int forwardBins, int heldIn, int neurons) {

    /** Validates the sizes. */
    public LatentShape {
        if (observedBins < 2) {
            throw new IllegalArgumentException("observedBins must be >= 2, got " + observedBins);
        }
        if (forwardBins < 0) {
            throw new IllegalArgumentException("forwardBins must be >= 0, got " + forwardBins);
        }
        if (heldIn < 1) {
            throw new IllegalArgumentException("heldIn must be >= 1, got " + heldIn);
        }
        if (neurons < heldIn) {
            throw new IllegalArgumentException("neurons must be >= heldIn = " + heldIn + ", got "
                + neurons);
        }
    }

    /**
     * The shape of a Lorenz data set.
     *
     * @param recipe the recipe
     * @return its shape
     */
    public static LatentShape of(LorenzRecipe recipe) {
        return new LatentShape(recipe.observedBins(), recipe.forwardBins(), recipe.heldIn(),
            recipe.neurons());
    }

    /**
     * All bins, {@code T = T_o + T_f}.
     *
     * @return {@code T}
     */
    public int bins() {
        return observedBins + forwardBins;
    }

    /**
     * The held-out neurons, {@code N − N_in}.
     *
     * @return their number
     */
    public int heldOut() {
        return neurons - heldIn;
    }
}
