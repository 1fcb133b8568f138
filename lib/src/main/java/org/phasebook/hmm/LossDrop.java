package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a training loss leaves its plateau, by the rule the notebook fixes for figure F4: the
 * plateau is the median of the first {@code window} batch losses, the end the median of the last
 * {@code window}, and the drop is the first step whose loss is below the midpoint of the two (the
 * last step if none is). Medians of an even count take the upper middle value, so that they are
 * observed losses.
 *
 * @param plateau  median of the first losses
 * @param end      median of the last losses
 * @param midpoint {@code (plateau + end) / 2}
 * @param step     the step of the first loss below the midpoint
 */
public record LossDrop(double plateau, double end, double midpoint, int step) {

    /**
     * Locates the drop.
     *
     * @param steps  the Adam step of each loss, ascending
     * @param losses one loss per step, at least one, finite
     * @param window {@code >= 1}: losses in each median (fewer if there are fewer losses)
     * @return the drop
     */
    public static LossDrop locate(double[] steps, double[] losses, int window) {
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(losses, "losses");
        if (losses.length == 0 || steps.length != losses.length) {
            throw new IllegalArgumentException("need one step per loss and at least one loss, got "
                    + steps.length + " steps and " + losses.length + " losses");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        for (double l : losses) {
            if (!Double.isFinite(l)) {
                throw new IllegalArgumentException("losses must be finite, got " + l);
            }
        }
        int n = losses.length;
        double plateau = upperMedian(Arrays.copyOf(losses, Math.min(window, n)));
        double end = upperMedian(Arrays.copyOfRange(losses, Math.max(0, n - window), n));
        double midpoint = (plateau + end) / 2;
        int first = n - 1;
        for (int i = 0; i < n; i++) {
            if (losses[i] < midpoint) {
                first = i;
                break;
            }
        }
        return new LossDrop(plateau, end, midpoint, (int) steps[first]);
    }

    private static double upperMedian(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
