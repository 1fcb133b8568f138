package org.phasebook.latent;

import java.util.Arrays;

/**
 * The losses of a {@link LatentTrainer} run, per step and per epoch. The reconstruction and
 * the KL are logged separately (brief {@code langevin-flow.md} §3: the KL's constant and its
 * effective β would otherwise hide what is learned). Immutable.
 *
 * @param stepLosses              the total loss of every step
 * @param trainReconstruction     per epoch, the mean reconstruction NLL of its batches
 * @param trainKl                 per epoch, the mean KL of its batches (per trial)
 * @param validationReconstruction per epoch, the plain NLL on the validation trials
 * @param validationKl            per epoch, the KL on the validation trials
 * @param learningRates           per epoch, the rate used
 * @param klWeights               per epoch, the KL weight used
 * @param bestEpoch               the epoch with the lowest validation NLL
 * @param stoppedEarly            whether early stopping ended the run
 */
public record LatentHistory(double[] stepLosses, double[] trainReconstruction,
        double[] trainKl, double[] validationReconstruction, double[] validationKl,
        double[] learningRates, double[] klWeights, int bestEpoch, boolean stoppedEarly) {

    /** Copies the arrays and checks that the per-epoch ones have one entry per epoch. */
    public LatentHistory {
        stepLosses = stepLosses.clone();
        trainReconstruction = trainReconstruction.clone();
        trainKl = trainKl.clone();
        validationReconstruction = validationReconstruction.clone();
        validationKl = validationKl.clone();
        learningRates = learningRates.clone();
        klWeights = klWeights.clone();
        int e = trainReconstruction.length;
        for (double[] a : new double[][] {trainKl, validationReconstruction, validationKl,
            learningRates, klWeights}) {
            if (a.length != e) {
                throw new IllegalArgumentException("every per-epoch array must have " + e
                    + " entries, got " + a.length);
            }
        }
        if (bestEpoch < 0 || bestEpoch >= Math.max(e, 1)) {
            throw new IllegalArgumentException("bestEpoch must be in [0, " + (e - 1) + "], got "
                + bestEpoch);
        }
    }

    /**
     * The number of epochs run.
     *
     * @return the epochs
     */
    public int epochs() {
        return trainReconstruction.length;
    }

    @Override
    public double[] stepLosses() {
        return stepLosses.clone();
    }

    @Override
    public double[] trainReconstruction() {
        return trainReconstruction.clone();
    }

    @Override
    public double[] trainKl() {
        return trainKl.clone();
    }

    @Override
    public double[] validationReconstruction() {
        return validationReconstruction.clone();
    }

    @Override
    public double[] validationKl() {
        return validationKl.clone();
    }

    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    @Override
    public double[] klWeights() {
        return klWeights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentHistory h && Arrays.equals(stepLosses, h.stepLosses)
            && Arrays.equals(trainReconstruction, h.trainReconstruction)
            && Arrays.equals(trainKl, h.trainKl)
            && Arrays.equals(validationReconstruction, h.validationReconstruction)
            && Arrays.equals(validationKl, h.validationKl)
            && Arrays.equals(learningRates, h.learningRates)
            && Arrays.equals(klWeights, h.klWeights) && bestEpoch == h.bestEpoch
            && stoppedEarly == h.stoppedEarly;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stepLosses) * 31 + Arrays.hashCode(validationReconstruction);
    }

    @Override
    public String toString() {
        return "LatentHistory[" + epochs() + " epochs, " + stepLosses.length + " steps, best "
            + bestEpoch + (stoppedEarly ? ", stopped early" : "") + "]";
    }
}
