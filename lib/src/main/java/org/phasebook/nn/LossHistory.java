package org.phasebook.nn;

import java.util.Arrays;

/**
 * The losses of one training run, per optimiser step and per epoch. Arrays are copied in and
 * out, so the record is immutable.
 *
 * @param stepLosses            the training loss of each step's batch, in step order
 * @param gradientNorms         the global gradient norm of each step, before clipping
 * @param epochTrainingLosses   the mean of the epoch's step losses, per epoch
 * @param epochValidationLosses the mean validation loss after each epoch
 * @param epochEndSteps         the number of steps taken at the end of each epoch
 * @param bestEpoch             the epoch with the lowest validation loss (the first of ties)
 * @param stoppedEarly          whether early stopping ended the run before its step budget
 */
public record LossHistory(double[] stepLosses, double[] gradientNorms,
                          double[] epochTrainingLosses, double[] epochValidationLosses,
                          int[] epochEndSteps, int bestEpoch, boolean stoppedEarly) {

    /** Checks lengths and copies the arrays. */
    public LossHistory {
        if (stepLosses == null || gradientNorms == null || epochTrainingLosses == null
            || epochValidationLosses == null || epochEndSteps == null) {
            throw new IllegalArgumentException("the arrays must not be null");
        }
        if (gradientNorms.length != stepLosses.length) {
            throw new IllegalArgumentException("gradientNorms must have one entry per step ("
                + stepLosses.length + "), got " + gradientNorms.length);
        }
        int epochs = epochTrainingLosses.length;
        if (epochValidationLosses.length != epochs || epochEndSteps.length != epochs) {
            throw new IllegalArgumentException("the per-epoch arrays must have equal lengths, got "
                + epochs + ", " + epochValidationLosses.length + " and " + epochEndSteps.length);
        }
        if (epochs > 0 ? bestEpoch < -1 || bestEpoch >= epochs : bestEpoch != -1) {
            throw new IllegalArgumentException("bestEpoch must be in [-1, " + epochs + "), got "
                + bestEpoch);
        }
        stepLosses = stepLosses.clone();
        gradientNorms = gradientNorms.clone();
        epochTrainingLosses = epochTrainingLosses.clone();
        epochValidationLosses = epochValidationLosses.clone();
        epochEndSteps = epochEndSteps.clone();
    }

    /** @return a copy of the per-step losses */
    @Override
    public double[] stepLosses() {
        return stepLosses.clone();
    }

    /** @return a copy of the per-step gradient norms */
    @Override
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    /** @return a copy of the per-epoch training losses */
    @Override
    public double[] epochTrainingLosses() {
        return epochTrainingLosses.clone();
    }

    /** @return a copy of the per-epoch validation losses */
    @Override
    public double[] epochValidationLosses() {
        return epochValidationLosses.clone();
    }

    /** @return a copy of the step counts at the end of each epoch */
    @Override
    public int[] epochEndSteps() {
        return epochEndSteps.clone();
    }

    /**
     * The number of optimiser steps taken.
     *
     * @return {@code stepLosses().length}
     */
    public int steps() {
        return stepLosses.length;
    }

    /**
     * The number of epochs validated.
     *
     * @return {@code epochValidationLosses().length}
     */
    public int epochs() {
        return epochValidationLosses.length;
    }

    /**
     * The lowest validation loss.
     *
     * @return the validation loss of {@link #bestEpoch()}, or NaN if there is none
     */
    public double bestValidationLoss() {
        return bestEpoch < 0 ? Double.NaN : epochValidationLosses[bestEpoch];
    }

    /**
     * The mean of the step losses in {@code [from, to)}.
     *
     * @param from first step index, {@code >= 0}
     * @param to   one past the last, {@code <= steps()}, {@code > from}
     * @return their mean
     */
    public double meanStepLoss(int from, int to) {
        if (from < 0 || to > stepLosses.length || to <= from) {
            throw new IllegalArgumentException("need 0 <= from < to <= " + stepLosses.length
                + ", got from = " + from + ", to = " + to);
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += stepLosses[i];
        }
        return s / (to - from);
    }

    /** Bitwise equality of every array and field. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LossHistory h && Arrays.equals(stepLosses, h.stepLosses)
            && Arrays.equals(gradientNorms, h.gradientNorms)
            && Arrays.equals(epochTrainingLosses, h.epochTrainingLosses)
            && Arrays.equals(epochValidationLosses, h.epochValidationLosses)
            && Arrays.equals(epochEndSteps, h.epochEndSteps) && bestEpoch == h.bestEpoch
            && stoppedEarly == h.stoppedEarly;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stepLosses) * 31 + Arrays.hashCode(epochValidationLosses);
    }

    @Override
    public String toString() {
        return "LossHistory[" + steps() + " steps, " + epochs() + " epochs, best epoch "
            + bestEpoch + " (" + bestValidationLoss() + ")" + (stoppedEarly ? ", stopped early"
            : "") + "]";
    }
}
