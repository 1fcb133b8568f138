package org.phasebook.nn;

import java.util.function.DoubleConsumer;

/**
 * Receives progress reports from a training loop: one {@link #onStep} after every optimiser
 * step and one {@link #onEpoch} after every validation. Calls come from the thread that trains,
 * in order; a listener that throws stops the training with that exception.
 *
 * <p>This package knows nothing of notebooks; a notebook adapts its progress bar with, e.g.,
 * {@code TrainingListener.fraction(bar.asFraction())}.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every report. */
    TrainingListener NONE = step -> { };

    /**
     * Called after each optimiser step.
     *
     * @param step what the step did
     */
    void onStep(Step step);

    /**
     * Called after each epoch's validation; does nothing unless overridden.
     *
     * @param epoch the epoch's losses
     */
    default void onEpoch(Epoch epoch) {
    }

    /**
     * A listener that forwards the fraction of the step budget done, {@code step / totalSteps},
     * to {@code fraction}.
     *
     * @param fraction receives values in {@code (0, 1]}
     * @return the adapter
     */
    static TrainingListener fraction(DoubleConsumer fraction) {
        if (fraction == null) {
            throw new IllegalArgumentException("fraction must not be null");
        }
        return s -> fraction.accept((double) s.step() / s.totalSteps());
    }

    /**
     * A listener that drives a progress display: the fraction of the step budget done to
     * {@code fraction}, and a status line with the last step's loss and the last epoch's
     * validation loss to {@code status} (e.g. a notebook progress bar's
     * {@code bar::status}).
     *
     * @param fraction receives values in {@code (0, 1]}
     * @param status   receives texts such as {@code "epoch 3, loss 0.6712, validation 0.6690"}
     * @return the adapter
     */
    static TrainingListener progress(DoubleConsumer fraction, java.util.function.Consumer<String> status) {
        if (fraction == null || status == null) {
            throw new IllegalArgumentException("fraction and status must not be null");
        }
        return new TrainingListener() {
            private String validation = "";

            @Override
            public void onStep(Step s) {
                status.accept(String.format(java.util.Locale.ROOT, "epoch %d, loss %.4g%s", s.epoch(),
                    s.loss(), validation));
                fraction.accept((double) s.step() / s.totalSteps());
            }

            @Override
            public void onEpoch(Epoch e) {
                validation = String.format(java.util.Locale.ROOT, ", validation %.4g", e.validationLoss());
            }
        };
    }

    /**
     * One optimiser step.
     *
     * @param step         the number of steps taken so far, {@code 1..totalSteps}
     * @param totalSteps   the step budget of the run
     * @param epoch        the epoch the step belongs to, from 0
     * @param loss         the training loss of the step's batch
     * @param gradientNorm the global gradient norm before clipping
     */
    record Step(int step, int totalSteps, int epoch, double loss, double gradientNorm) {
    }

    /**
     * One epoch.
     *
     * @param epoch            the epoch, from 0
     * @param steps            the number of steps taken so far
     * @param trainingLoss     the mean training loss of the epoch's batches
     * @param validationLoss   the mean validation loss after the epoch
     * @param improved         whether the validation loss is the best so far
     */
    record Epoch(int epoch, int steps, double trainingLoss, double validationLoss,
                 boolean improved) {
    }
}
