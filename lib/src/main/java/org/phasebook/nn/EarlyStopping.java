package org.phasebook.nn;

/**
 * Tracks a validation metric (lower is better) epoch by epoch and says when training should
 * stop: after {@code patience} consecutive epochs without a strict improvement on the best
 * value so far. With {@code patience = 0} it never says stop (the behaviour of the authors'
 * code, which trains for a fixed number of epochs). Mutable, one per training run.
 */
public final class EarlyStopping {

    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int epochs;
    private int sinceBest;

    /**
     * A tracker.
     *
     * @param patience epochs without improvement tolerated before stopping, {@code >= 0};
     *                 0 disables stopping
     */
    public EarlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0 disables early stopping), "
                + "got " + patience);
        }
        this.patience = patience;
    }

    /**
     * Records the metric of the next epoch.
     *
     * @param metric the validation metric; NaN never improves
     * @return whether it is strictly below every earlier value (the first finite value is)
     */
    public boolean update(double metric) {
        epochs++;
        if (metric < best) {
            best = metric;
            bestEpoch = epochs - 1;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /**
     * Whether the last {@code patience} epochs brought no improvement.
     *
     * @return true if training should stop; always false when patience is 0
     */
    public boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    /**
     * The best metric so far.
     *
     * @return the lowest value recorded, or +infinity before any finite value
     */
    public double best() {
        return best;
    }

    /**
     * The epoch of the best metric.
     *
     * @return its index from 0, or -1 before any improvement
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * The patience.
     *
     * @return epochs without improvement tolerated, 0 if stopping is disabled
     */
    public int patience() {
        return patience;
    }
}
