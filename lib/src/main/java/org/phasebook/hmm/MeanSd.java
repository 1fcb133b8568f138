package org.phasebook.hmm;

/**
 * The mean and sample standard deviation of {@code count} values, as the paper's metrics
 * report them ("mean ± sd"). The standard deviation uses the {@code n - 1} denominator and is 0
 * for a single value; {@link #standardError()} is {@code sd / sqrt(count)}, the uncertainty of
 * the mean when the values are independent (as separate sequences of an HMM are).
 *
 * @param mean  the mean, NaN when {@code count = 0}
 * @param sd    the sample standard deviation, {@code >= 0} or NaN when {@code count = 0}
 * @param count the number of values, {@code >= 0}
 */
public record MeanSd(double mean, double sd, long count) {

    /** Checks that the count is non-negative and the spread is not negative. */
    public MeanSd {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (sd < 0.0) {
            throw new IllegalArgumentException("sd must be >= 0 (or NaN), got " + sd);
        }
    }

    /** The mean and sample standard deviation of {@code values} (two-pass, so it stays accurate). */
    public static MeanSd of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new MeanSd(Double.NaN, Double.NaN, 0);
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanSd(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0, n);
    }

    /** The mean and sample standard deviation of {@code values}. */
    public static MeanSd of(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return of(d);
    }

    /** {@code sd / sqrt(count)}: the standard error of the mean of independent values. */
    public double standardError() {
        return sd / Math.sqrt(count);
    }

    @Override
    public String toString() {
        return mean + " ± " + sd + " (n = " + count + ")";
    }
}
