package org.phasebook.koopman;

/**
 * The result of {@link Rage#fit}: the energies {@code C(n, l) = ||P_n g_l||^2 / M} of the
 * shifted, normalised observable in the span of the first {@code n} delays, for
 * {@code n = 1..N} and {@code l = 0..L}, and their running averages
 * <pre>
 *   A(n, L') = (1/(L' + 1)) sum_{l &lt;= L'} min(C(n, l), 1),   L' = 0..L,
 * </pre>
 * the curves of figure D5 (plotted against {@code L' + 1}, log–log). {@code C} is
 * non-decreasing in {@code n}; the clamp at 1 removes the finite-sample excess of
 * {@code ||g_l||^2 / M} over 1. For large {@code L'} and {@code n} the averages approach the
 * pure-point energy fraction {@code ||P_pp g||^2 / ||g||^2} of the series: a plateau at 1 for a
 * quasi-periodic signal, decay towards 0 for a mixing one.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class RageCurves {

    private final Rage parameters;
    /** {@code energy[n - 1][l] = C(n, l)}. */
    private final double[][] energy;

    RageCurves(Rage parameters, double[][] energy) {
        this.parameters = parameters;
        this.energy = energy;
    }

    /** The estimator's parameters. */
    public Rage parameters() {
        return parameters;
    }

    /** {@code C(n, l)} for {@code 1 <= n <= N}, {@code 0 <= l <= L}. */
    public double energy(int n, int l) {
        checkN(n);
        if (l < 0 || l > parameters.maxLag()) {
            throw new IllegalArgumentException("l must be in [0, " + parameters.maxLag()
                    + "], got " + l);
        }
        return energy[n - 1][l];
    }

    /** {@code C(n, l)} for {@code l = 0..L}. */
    public double[] energies(int n) {
        checkN(n);
        return energy[n - 1].clone();
    }

    /** The running averages {@code A(n, L')} for {@code L' = 0..L}. */
    public double[] runningAverage(int n) {
        checkN(n);
        double[] c = energy[n - 1];
        double[] a = new double[c.length];
        double sum = 0.0;
        for (int l = 0; l < c.length; l++) {
            sum += Math.min(c[l], 1.0);
            a[l] = sum / (l + 1);
        }
        return a;
    }

    /** The last running average {@code A(n, L)}, the curve's value at its right end. */
    public double finalAverage(int n) {
        double[] a = runningAverage(n);
        return a[a.length - 1];
    }

    private void checkN(int n) {
        if (n < 1 || n > parameters.delays()) {
            throw new IllegalArgumentException("n must be in [1, " + parameters.delays()
                    + "] (the number of delays), got " + n);
        }
    }

    @Override
    public String toString() {
        return "RageCurves[" + parameters + "]";
    }
}
