package org.phasebook.nn;

/**
 * A learning-rate schedule that shrinks the rate when a monitored loss stops improving, with the
 * rules of PyTorch's {@code ReduceLROnPlateau(mode="min", threshold_mode="rel", cooldown=0)}:
 * <ul>
 *   <li>a value {@code a} improves on the best so far when {@code a < best · (1 − threshold)};
 *       it then becomes the best and the count of bad epochs returns to 0, otherwise the count
 *       grows by one;</li>
 *   <li>when the count exceeds {@code patience}, the rate becomes
 *       {@code max(rate · factor, minRate)} (ignored if that changes it by less than
 *       {@code 1e-8}, as PyTorch's {@code eps}) and the count returns to 0.</li>
 * </ul>
 * The LangevinFlow release uses factor 0.95, patience 10, threshold 0, min rate 1e-5 (brief
 * {@code langevin-flow.md} §3). Mutable: one schedule per training run.
 */
public final class ReduceLrOnPlateau {

    private final double factor;
    private final int patience;
    private final double threshold;
    private final double minRate;
    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    /**
     * A schedule starting at {@code initialRate}.
     *
     * @param initialRate the first learning rate, finite and {@code > 0}
     * @param factor      the shrink factor, in {@code (0, 1)}
     * @param patience    the bad epochs tolerated before a shrink, {@code >= 0}
     * @param threshold   the relative improvement that counts, in {@code [0, 1)}
     * @param minRate     the floor of the rate, in {@code [0, initialRate]}
     */
    public ReduceLrOnPlateau(double initialRate, double factor, int patience, double threshold,
                             double minRate) {
        if (!(initialRate > 0) || !Double.isFinite(initialRate)) {
            throw new IllegalArgumentException("initialRate must be finite and > 0, got "
                + initialRate);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        if (!(minRate >= 0 && minRate <= initialRate)) {
            throw new IllegalArgumentException("minRate must be in [0, initialRate = "
                + initialRate + "], got " + minRate);
        }
        this.rate = initialRate;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.minRate = minRate;
    }

    /**
     * Reports one epoch's monitored loss and applies the rule.
     *
     * @param loss the loss; NaN never improves
     * @return the learning rate for the next epoch
     */
    public double update(double loss) {
        if (loss < best * (1 - threshold)) {
            best = loss;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (badEpochs > patience) {
            double next = Math.max(rate * factor, minRate);
            if (rate - next > 1e-8) {
                rate = next;
            }
            badEpochs = 0;
        }
        return rate;
    }

    /**
     * The current learning rate.
     *
     * @return the rate
     */
    public double rate() {
        return rate;
    }

    /**
     * The best loss reported so far.
     *
     * @return the best, {@code +∞} before the first report
     */
    public double best() {
        return best;
    }
}
