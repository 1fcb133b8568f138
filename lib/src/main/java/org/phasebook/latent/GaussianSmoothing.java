package org.phasebook.latent;

import java.util.Objects;

/**
 * Gaussian smoothing of counts along time, as nlb_tools' smoothing baseline does it: the window
 * is scipy's {@code signal.gaussian(M, std, sym=True)} normalised to sum 1,
 * <pre>
 *   w_j ∝ exp(-(j - (M - 1)/2)² / (2 std²)),   j = 0 .. M-1,
 * </pre>
 * and each series is convolved with numpy's {@code np.convolve(x, w, 'same')}: the full
 * convolution's entries {@code (M-1)/2 .. (M-1)/2 + len(x) - 1} (integer division), i.e.
 * zero-padded outside the series.
 *
 * <p>{@link #nlb(double, double)} makes the window from a kernel width in ms as the baseline
 * does: {@code M = int(6 s / bin)}, {@code std = int(s / bin)} (truncated). Series shorter than
 * the window are rejected (numpy would then return {@code M} samples, not {@code len(x)}).
 *
 * @param length the window length {@code M}, 1 to 10,000
 * @param std    the standard deviation in samples, finite and {@code > 0}
 */
public record GaussianSmoothing(int length, double std) {

    /** Validates the window. */
    public GaussianSmoothing {
        if (length < 1 || length > 10_000) {
            throw new IllegalArgumentException("length must be in [1, 10000], got " + length);
        }
        if (!(std > 0.0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be finite and > 0, got " + std);
        }
    }

    /**
     * nlb_tools' window for a kernel standard deviation of {@code kernelSdMs} on bins of
     * {@code binMs}: {@code M = int(6 kernelSdMs / binMs)}, {@code std = int(kernelSdMs / binMs)}.
     * For the Lorenz recipe (40 ms on 20 ms bins) that is {@code M = 12}, {@code std = 2}.
     *
     * @param kernelSdMs kernel standard deviation, ms, {@code > 0}
     * @param binMs      bin width, ms, {@code > 0}
     * @return the smoothing
     * @throws IllegalArgumentException when the truncated std is 0 (kernel narrower than a bin)
     */
    public static GaussianSmoothing nlb(double kernelSdMs, double binMs) {
        if (!(kernelSdMs > 0.0) || !(binMs > 0.0) || Double.isInfinite(kernelSdMs)
                || Double.isInfinite(binMs)) {
            throw new IllegalArgumentException("kernelSdMs and binMs must be finite and > 0, got "
                    + kernelSdMs + " and " + binMs);
        }
        int m = (int) (6.0 * kernelSdMs / binMs);
        int sd = (int) (kernelSdMs / binMs);
        if (sd < 1) {
            throw new IllegalArgumentException("kernelSdMs / binMs must be >= 1 (nlb_tools "
                    + "truncates it to an integer std), got " + kernelSdMs + " / " + binMs);
        }
        return new GaussianSmoothing(m, sd);
    }

    /** The normalised window {@code w}, length {@link #length()}. */
    public double[] window() {
        double[] w = new double[length];
        double sig2 = 2.0 * std * std;
        double sum = 0.0;
        for (int j = 0; j < length; j++) {
            double n = j - (length - 1.0) / 2.0;
            w[j] = Math.exp(-(n * n) / sig2);
            sum += w[j];
        }
        for (int j = 0; j < length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /**
     * {@code np.convolve(x, w, 'same')}.
     *
     * @param x a series, finite, at least {@link #length()} samples
     * @return the smoothed series, same length
     */
    public double[] smooth(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length < length) {
            throw new IllegalArgumentException("the series must have at least " + length
                    + " samples (the window length), got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
        }
        return convolveSame(x, window());
    }

    /**
     * {@code np.convolve(x, w, 'same')} for {@code x.length >= w.length}: entry {@code i} is
     * {@code sum_j x[j] w[i + (M-1)/2 - j]} over the {@code j} where both exist.
     */
    static double[] convolveSame(double[] x, double[] w) {
        int m = w.length;
        int offset = (m - 1) / 2;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = i + offset;
            int jFrom = Math.max(0, k - m + 1);
            int jTo = Math.min(x.length - 1, k);
            double s = 0.0;
            for (int j = jFrom; j <= jTo; j++) {
                s += x[j] * w[k - j];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * Smooths every channel of every trial along bins ({@code np.apply_along_axis(filt, 1, a)}).
     *
     * @param a {@code [trial][bin][channel]}, finite, at least {@link #length()} bins
     * @return the smoothed array, same shape
     */
    public double[][][] smooth(double[][][] a) {
        int[] shape = Tensors.shape("a", a, false, false);
        double[][][] out = new double[shape[0]][shape[1]][shape[2]];
        double[] series = new double[shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            for (int k = 0; k < shape[2]; k++) {
                for (int t = 0; t < shape[1]; t++) {
                    series[t] = a[i][t][k];
                }
                double[] s = smooth(series);
                for (int t = 0; t < shape[1]; t++) {
                    out[i][t][k] = s[t];
                }
            }
        }
        return out;
    }
}
