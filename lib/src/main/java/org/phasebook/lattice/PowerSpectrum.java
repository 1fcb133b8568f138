package org.phasebook.lattice;

import java.util.List;
import java.util.Objects;

/**
 * The power spectrum {@code S(omega)} of sampled time series, such as a population density
 * {@code a(t)} whose erratic oscillations peak near the mean-field frequency (brief §3, F4).
 *
 * <p>Estimator: from each series {@code x_0 .. x_{n+skip-1}} sampled every {@code dt}, drop the
 * first {@code skip} samples (the transient), subtract the mean of the rest, multiply by the Hann
 * window {@code w_j = sin^2(pi j / n)} ({@code j = 0..n-1}, the periodic form), and take
 * <pre>
 *   S_k = dt |sum_j w_j (x_j - mean) e^{-2 pi i jk/n}|^2 / sum_j w_j^2 ,   k = 0 .. floor(n/2),
 * </pre>
 * at the angular frequencies {@code omega_k = 2 pi k / T}, {@code T = n dt}. The spectra of
 * several series of the same length are averaged bin by bin. With this normalisation white noise
 * of variance {@code v} has the flat expected spectrum {@code v dt} (away from {@code k = 0},
 * which the mean subtraction empties), and {@code sum_k S_k domega / pi ~ variance} in the
 * one-sided sense.
 *
 * <p>{@link #peakFrequency()} locates the peak: the largest bin with {@code k >= 1}, refined by
 * the vertex of a parabola through {@code ln S} at that bin and its two neighbours (exact for a
 * Gaussian peak, within a few hundredths of a bin for a Hann-windowed sine).
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * @param omega  angular frequencies {@code 2 pi k / T}, {@code k = 0..n/2}
 * @param power  the averaged spectrum at those frequencies
 * @param series how many series were averaged
 */
public record PowerSpectrum(double[] omega, double[] power, int series) {

    /** Validates and copies the arrays. */
    public PowerSpectrum {
        Objects.requireNonNull(omega, "omega");
        Objects.requireNonNull(power, "power");
        if (omega.length != power.length || omega.length < 2) {
            throw new IllegalArgumentException("omega and power must have equal lengths >= 2, got "
                    + omega.length + " and " + power.length);
        }
        if (series < 1) {
            throw new IllegalArgumentException("series must be >= 1, got " + series);
        }
        omega = omega.clone();
        power = power.clone();
    }

    /**
     * The spectrum of one series.
     *
     * @param samples the series, sampled every {@code dt}
     * @param dt      sampling interval, finite and {@code > 0}
     * @param skip    samples to drop at the start, in {@code [0, samples.length - 4]}
     */
    public static PowerSpectrum of(double[] samples, double dt, int skip) {
        Objects.requireNonNull(samples, "samples");
        return average(List.of(samples), dt, skip);
    }

    /**
     * Welch's estimate: every series, after its first {@code skip} samples, is cut into
     * consecutive segments of {@code segment} samples (a shorter remainder is dropped), and the
     * spectra of all segments are averaged ({@link #average}). Shorter segments give a coarser
     * frequency resolution {@code 2 pi / (segment dt)} but average away more of the scatter of a
     * single periodogram, which does not shrink with the length of the series.
     *
     * @param samples at least one series
     * @param skip    samples to drop at the start of each series, {@code >= 0}
     * @param segment samples per segment, {@code >= 4}; at least one segment must fit
     */
    public static PowerSpectrum welch(List<double[]> samples, double dt, int skip, int segment) {
        Objects.requireNonNull(samples, "samples");
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be >= 0, got " + skip);
        }
        if (segment < 4) {
            throw new IllegalArgumentException("segment must be >= 4 samples, got " + segment);
        }
        List<double[]> segments = new java.util.ArrayList<>();
        for (int m = 0; m < samples.size(); m++) {
            double[] x = Objects.requireNonNull(samples.get(m), "samples[" + m + "]");
            for (int start = skip; start + segment <= x.length; start += segment) {
                segments.add(java.util.Arrays.copyOfRange(x, start, start + segment));
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segment of " + segment + " samples fits after skipping "
                    + skip + " samples; use shorter segments or longer series");
        }
        return average(segments, dt, 0);
    }

    /**
     * The bin-by-bin mean of the spectra of several series (replicas) of the same length.
     *
     * @param samples at least one series, all of the same length
     * @param dt      sampling interval, finite and {@code > 0}
     * @param skip    samples to drop at the start of each, leaving at least 4
     */
    public static PowerSpectrum average(List<double[]> samples, double dt, int skip) {
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 series, got 0");
        }
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        int length = Objects.requireNonNull(samples.get(0), "samples[0]").length;
        if (skip < 0 || skip > length - 4) {
            throw new IllegalArgumentException("skip must be in [0, length - 4] = [0, " + (length - 4)
                    + "] so that at least 4 samples remain, got " + skip);
        }
        int n = length - skip;
        double[] window = new double[n];
        double windowPower = 0.0;
        for (int j = 0; j < n; j++) {
            double s = Math.sin(Math.PI * j / n);
            window[j] = s * s;
            windowPower += window[j] * window[j];
        }
        int bins = n / 2 + 1;
        double[] power = new double[bins];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int m = 0; m < samples.size(); m++) {
            double[] x = Objects.requireNonNull(samples.get(m), "samples[" + m + "]");
            if (x.length != length) {
                throw new IllegalArgumentException("samples[" + m + "] has length " + x.length
                        + " but samples[0] has " + length + "; all series must have the same length");
            }
            double mean = 0.0;
            for (int j = 0; j < n; j++) {
                double v = x[skip + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("samples[" + m + "][" + (skip + j) + "] = " + v
                            + " must be finite");
                }
                mean += v;
            }
            mean /= n;
            for (int j = 0; j < n; j++) {
                re[j] = (x[skip + j] - mean) * window[j];
                im[j] = 0.0;
            }
            DiscreteFourier.forward(re, im);
            for (int k = 0; k < bins; k++) {
                power[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        double scale = dt / (windowPower * samples.size());
        double[] omega = new double[bins];
        double span = n * dt;
        for (int k = 0; k < bins; k++) {
            power[k] *= scale;
            omega[k] = 2.0 * Math.PI * k / span;
        }
        return new PowerSpectrum(omega, power, samples.size());
    }

    @Override
    public double[] omega() {
        return omega.clone();
    }

    @Override
    public double[] power() {
        return power.clone();
    }

    /** The frequency resolution {@code 2 pi / T}, the spacing of the bins. */
    public double resolution() {
        return omega[1] - omega[0];
    }

    /** The peak frequency over all bins {@code k >= 1} (see the class comment). */
    public double peakFrequency() {
        return peakFrequency(omega[1], omega[omega.length - 1]);
    }

    /**
     * The peak frequency among the bins with {@code omegaMin <= omega_k <= omegaMax} and
     * {@code k >= 1}, refined by the log-parabolic fit through its neighbours.
     *
     * @throws IllegalArgumentException if no bin lies in the range
     */
    public double peakFrequency(double omegaMin, double omegaMax) {
        int best = -1;
        for (int k = 1; k < power.length; k++) {
            if (omega[k] >= omegaMin && omega[k] <= omegaMax && (best < 0 || power[k] > power[best])) {
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no frequency bin in [omegaMin, omegaMax] = [" + omegaMin + ", "
                    + omegaMax + "]; bins run from " + omega[1] + " to " + omega[omega.length - 1]);
        }
        if (best == power.length - 1) {
            return omega[best];
        }
        double offset = Peaks.logParabolicOffset(power[best - 1], power[best], power[best + 1]);
        return omega[best] + offset * resolution();
    }
}
