package org.phasebook.systems;

import java.util.SplittableRandom;

/**
 * A synthetic electrocardiogram from the dynamical model of McSharry, Clifford, Tarassenko and
 * Smith ("A dynamical model for generating synthetic electrocardiogram signals", IEEE Trans.
 * Biomed. Eng. 50(3), 2003), the generated substitute for the paper's ECG example (brief §3):
 * <pre>
 *   x' = alpha x - omega y,   y' = alpha y + omega x,   alpha = 1 - sqrt(x^2 + y^2),
 *   z' = - sum_{i in P,Q,R,S,T} a_i dtheta_i exp(-dtheta_i^2 / (2 b_i^2)) - (z - z0(t)),
 * </pre>
 * with {@code theta = atan2(y, x)}, {@code dtheta_i = (theta - theta_i)} wrapped into
 * {@code [-pi, pi)}. The point {@code (x, y)} runs round the unit circle once per beat; each
 * wave of the heart beat (P, Q, R, S, T) is a Gaussian push on {@code z} at the angle
 * {@code theta_i}, and {@code z} is the ECG. The baseline {@code z0(t) = A sin(2 pi f_2 t)}
 * wanders with the breathing.
 *
 * <p>The angular speed is {@code omega = 2 pi / RR}, with the RR interval held for a whole beat
 * and drawn from an RR tachogram with the model's bimodal spectrum: Gaussians of width 0.01 Hz
 * at the Mayer-wave frequency {@code f_1 = 0.1 Hz} and the respiratory frequency
 * {@code f_2 = 0.25 Hz}, their powers in the ratio {@code lfHfRatio}, random phases from the
 * seed. The tachogram is the sum of its Fourier modes on a period of {@code n} seconds
 * ({@code n} the power of two that covers the recording), scaled so that, sampled once a
 * second over that period, its mean is {@code 60 / heartRate} and its standard deviation
 * {@code 60 heartRateStd / heartRate^2} seconds exactly. The wave table is the model's standard
 * one (angles -70, -15, 0, 15, 100 degrees; a = 1.2, -5, 30, -7.5, 0.75; b = 0.25, 0.1, 0.1,
 * 0.1, 0.4), with its angles and widths rescaled for the heart rate as in the authors' code.
 *
 * <p>Integrated by classical Runge–Kutta with {@code substeps} steps per output sample; a
 * 10-second transient is discarded so that {@code z} has forgotten its start. Differences from
 * the authors' generator: no rescaling of the output to millivolts (the Koopman analysis is
 * scale-free) and no added measurement noise. With {@code heartRateStd = 0} and {@code A = 0}
 * the signal is exactly periodic, with period {@code 60 / heartRate} seconds.
 *
 * @param heartRate         the mean heart rate in beats per minute, in {@code [20, 200]}
 * @param heartRateStd      the standard deviation of the heart rate in beats per minute, in
 *                          {@code [0, heartRate / 10]}
 * @param lfHfRatio         the power ratio of the Mayer and respiratory peaks, finite and
 *                          {@code > 0}
 * @param samplingRate      the output samples per second, in {@code [16, 10000]}
 * @param substeps          Runge–Kutta steps per output sample, in {@code [1, 64]}
 * @param baselineAmplitude the amplitude {@code A} of the respiratory baseline wander, in
 *                          {@code [0, 1]}
 */
public record SyntheticEcg(double heartRate, double heartRateStd, double lfHfRatio, double samplingRate,
        int substeps, double baselineAmplitude) {

    private static final double[] ANGLES_DEGREES = {-70.0, -15.0, 0.0, 15.0, 100.0};
    private static final double[] AMPLITUDES = {1.2, -5.0, 30.0, -7.5, 0.75};
    private static final double[] WIDTHS = {0.25, 0.1, 0.1, 0.1, 0.4};
    private static final double MAYER_HZ = 0.1;
    private static final double RESPIRATORY_HZ = 0.25;
    private static final double PEAK_WIDTH_HZ = 0.01;
    private static final double TRANSIENT_SECONDS = 10.0;
    private static final double TWO_PI = 2.0 * Math.PI;

    /** Validates the ranges. */
    public SyntheticEcg {
        if (!(heartRate >= 20.0 && heartRate <= 200.0)) {
            throw new IllegalArgumentException("heartRate must be in [20, 200] beats per minute, got " + heartRate);
        }
        if (!(heartRateStd >= 0.0 && heartRateStd <= heartRate / 10.0)) {
            throw new IllegalArgumentException("heartRateStd must be in [0, heartRate / 10] = [0, "
                    + heartRate / 10.0 + "] beats per minute, got " + heartRateStd);
        }
        if (!(lfHfRatio > 0.0) || !Double.isFinite(lfHfRatio)) {
            throw new IllegalArgumentException("lfHfRatio must be finite and > 0, got " + lfHfRatio);
        }
        if (!(samplingRate >= 16.0 && samplingRate <= 10_000.0)) {
            throw new IllegalArgumentException("samplingRate must be in [16, 10000] Hz, got " + samplingRate);
        }
        if (substeps < 1 || substeps > 64) {
            throw new IllegalArgumentException("substeps must be in [1, 64], got " + substeps);
        }
        if (!(baselineAmplitude >= 0.0 && baselineAmplitude <= 1.0)) {
            throw new IllegalArgumentException("baselineAmplitude must be in [0, 1], got " + baselineAmplitude);
        }
    }

    /**
     * The defaults of the authors' generator where it has them (60 beats per minute with a
     * standard deviation of 1, LF/HF ratio 0.5, baseline amplitude 0.005), sampled at 128 Hz
     * with 4 Runge–Kutta steps per sample (512 Hz inside).
     */
    public static SyntheticEcg defaults() {
        return new SyntheticEcg(60.0, 1.0, 0.5, 128.0, 4, 0.005);
    }

    /** This model with another heart-rate standard deviation (0 for a periodic heart). */
    public SyntheticEcg withHeartRateStd(double std) {
        return new SyntheticEcg(heartRate, std, lfHfRatio, samplingRate, substeps, baselineAmplitude);
    }

    /** This model with another baseline amplitude (0 for none). */
    public SyntheticEcg withBaselineAmplitude(double amplitude) {
        return new SyntheticEcg(heartRate, heartRateStd, lfHfRatio, samplingRate, substeps, amplitude);
    }

    /** The sampling interval {@code 1 / samplingRate} in seconds. */
    public double dt() {
        return 1.0 / samplingRate;
    }

    /**
     * {@code count} samples of the ECG {@code z}, {@code dt()} apart, after the transient.
     *
     * @param count the number of samples, in {@code [1, 10^8]}
     * @param seed  the seed of the RR tachogram's phases
     */
    public double[] sample(int count, long seed) {
        if (count < 1 || count > 100_000_000) {
            throw new IllegalArgumentException("count must be in [1, 100000000], got " + count);
        }
        double seconds = TRANSIENT_SECONDS + count * dt();
        Tachogram rr = new Tachogram(tachogramPeriod(seconds), seed);
        double hrFactor = Math.sqrt(heartRate / 60.0);
        double hrFactor2 = Math.sqrt(hrFactor);
        double[] angleFactors = {hrFactor2, hrFactor, 1.0, hrFactor, hrFactor2};
        double[] theta = new double[5];
        double[] b = new double[5];
        for (int i = 0; i < 5; i++) {
            theta[i] = Math.toRadians(ANGLES_DEGREES[i]) * angleFactors[i];
            b[i] = WIDTHS[i] * hrFactor;
        }
        Waves waves = new Waves(theta, AMPLITUDES, b, baselineAmplitude);

        double h = dt() / substeps;
        int transientSteps = (int) Math.round(TRANSIENT_SECONDS * samplingRate) * substeps;
        double[] state = {1.0, 0.0, 0.04};
        double t = 0.0;
        double beatEnd = rr.at(0.0);
        double omega = TWO_PI / beatEnd;
        double[] z = new double[count];
        long step = 0;
        long totalSteps = transientSteps + (long) count * substeps;
        int out = 0;
        while (step < totalSteps) {
            if (t >= beatEnd) {
                // the next beat: its RR interval is held until it ends
                double interval = rr.at(beatEnd);
                omega = TWO_PI / interval;
                beatEnd += interval;
            }
            waves.rungeKutta(state, t, h, omega);
            step++;
            t = step * h;
            if (step > transientSteps && (step - transientSteps) % substeps == 0) {
                z[out++] = state[2];
            }
        }
        return z;
    }

    /**
     * The RR tachogram sampled once a second for its whole period {@code n} (the power of two
     * covering {@code seconds}), in seconds: the intervals {@link #sample} draws from.
     */
    public double[] tachogram(double seconds, long seed) {
        if (!(seconds > 0.0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and > 0, got " + seconds);
        }
        Tachogram rr = new Tachogram(tachogramPeriod(seconds), seed);
        double[] values = new double[rr.period];
        for (int s = 0; s < values.length; s++) {
            values[s] = rr.at(s);
        }
        return values;
    }

    private static int tachogramPeriod(double seconds) {
        int n = 16;
        while (n < seconds) {
            n *= 2;
        }
        return n;
    }

    /** The RR process: a sum of seeded-phase Fourier modes, periodic with {@code period} seconds. */
    private final class Tachogram {
        private final int period;
        private final double[] frequency;
        private final double[] amplitude;
        private final double[] phase;
        private final double mean;

        Tachogram(int period, long seed) {
            this.period = period;
            int modes = period / 2 - 1;
            frequency = new double[modes];
            amplitude = new double[modes];
            phase = new double[modes];
            SplittableRandom random = new SplittableRandom(seed);
            double hfPower = 1.0;
            double lfPower = lfHfRatio;
            double variance = 0.0;
            for (int j = 0; j < modes; j++) {
                double f = (j + 1.0) / period;
                double power = lfPower * gaussian(f, MAYER_HZ) + hfPower * gaussian(f, RESPIRATORY_HZ);
                frequency[j] = f;
                amplitude[j] = Math.sqrt(power);
                phase[j] = TWO_PI * random.nextDouble();
                // the mean of cos^2 over whole periods sampled once a second is exactly 1/2
                variance += 0.5 * power;
            }
            double rrMean = 60.0 / heartRate;
            double rrStd = 60.0 * heartRateStd / (heartRate * heartRate);
            double scale = variance > 0.0 ? rrStd / Math.sqrt(variance) : 0.0;
            for (int j = 0; j < modes; j++) {
                amplitude[j] *= scale;
            }
            this.mean = rrMean;
        }

        double at(double t) {
            double rr = mean;
            for (int j = 0; j < frequency.length; j++) {
                rr += amplitude[j] * Math.cos(TWO_PI * frequency[j] * t + phase[j]);
            }
            return rr;
        }

        private static double gaussian(double f, double centre) {
            double u = (f - centre) / PEAK_WIDTH_HZ;
            return Math.exp(-0.5 * u * u) / Math.sqrt(TWO_PI * PEAK_WIDTH_HZ * PEAK_WIDTH_HZ);
        }
    }

    /** The vector field with its wave table, and one Runge–Kutta step (stage buffers reused: one call per step). */
    private record Waves(double[] theta, double[] a, double[] b, double baseline, double[][] stages) {

        Waves(double[] theta, double[] a, double[] b, double baseline) {
            this(theta, a, b, baseline, new double[5][3]);
        }

        void derivative(double[] s, double t, double omega, double[] ds) {
            double x = s[0];
            double y = s[1];
            double alpha = 1.0 - Math.sqrt(x * x + y * y);
            double angle = Math.atan2(y, x);
            double push = 0.0;
            for (int i = 0; i < theta.length; i++) {
                double d = Math.IEEEremainder(angle - theta[i], TWO_PI);
                push += a[i] * d * Math.exp(-d * d / (2.0 * b[i] * b[i]));
            }
            double z0 = baseline * Math.sin(TWO_PI * RESPIRATORY_HZ * t);
            ds[0] = alpha * x - omega * y;
            ds[1] = alpha * y + omega * x;
            ds[2] = -push - (s[2] - z0);
        }

        void rungeKutta(double[] s, double t, double h, double omega) {
            double[] k1 = stages[0];
            double[] k2 = stages[1];
            double[] k3 = stages[2];
            double[] k4 = stages[3];
            double[] tmp = stages[4];
            derivative(s, t, omega, k1);
            for (int i = 0; i < 3; i++) {
                tmp[i] = s[i] + 0.5 * h * k1[i];
            }
            derivative(tmp, t + 0.5 * h, omega, k2);
            for (int i = 0; i < 3; i++) {
                tmp[i] = s[i] + 0.5 * h * k2[i];
            }
            derivative(tmp, t + 0.5 * h, omega, k3);
            for (int i = 0; i < 3; i++) {
                tmp[i] = s[i] + h * k3[i];
            }
            derivative(tmp, t + h, omega, k4);
            for (int i = 0; i < 3; i++) {
                s[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }
    }
}
