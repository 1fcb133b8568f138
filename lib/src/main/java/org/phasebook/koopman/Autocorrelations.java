package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The moments {@code mu_0..mu_N} of the spectral measure {@code xi_g} of an observable
 * {@code g} under an isometric Koopman operator {@code K} (brief §2.6, moment route):
 * <pre>
 *   mu_n = &lt;K^n g, g&gt; = int_{[-pi, pi)} e^{i n theta} d xi_g(theta),   mu_{-n} = conj(mu_n),
 * </pre>
 * with {@code <f, h> = int f conj(h)} against the invariant measure. {@code mu_0 = ||g||^2} is
 * the total mass of {@code xi_g}; an eigenfunction of {@code K} with eigenvalue
 * {@code e^{i theta}} in {@code g} shows as an atom of {@code xi_g} at {@code theta}, and the
 * constant part of {@code g} as an atom at {@code 0} of mass {@code |mean g|^2} (subtract the
 * mean first to remove it).
 *
 * <p>From one trajectory {@code x_0..x_{M-1}} of an ergodic map the moments are the
 * autocorrelations {@code mu_n ~ (1/(M - n)) sum_{m < M - n} g(x_{m+n}) conj(g(x_m))}
 * ({@link #ofSeries}), computed by one zero-padded FFT in {@code O(M log M)}; for an exactly
 * known measure they can be given directly ({@link #of}).
 *
 * <p>Immutable; arrays are copied in and out.
 *
 * @param re real parts of {@code mu_0..mu_N}
 * @param im imaginary parts of {@code mu_0..mu_N}; {@code im[0]} must be 0
 */
public record Autocorrelations(double[] re, double[] im) {

    /** Validates (equal lengths, at least {@code mu_0}, finite, {@code mu_0} real and >= 0). */
    public Autocorrelations {
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        if (re.length == 0) {
            throw new IllegalArgumentException("re must hold at least mu_0, got length 0");
        }
        if (im.length != re.length) {
            throw new IllegalArgumentException("im must have the length of re, " + re.length
                    + ", got " + im.length);
        }
        for (int n = 0; n < re.length; n++) {
            if (!Double.isFinite(re[n]) || !Double.isFinite(im[n])) {
                throw new IllegalArgumentException("mu_" + n + " must be finite, got " + re[n]
                        + " + " + im[n] + "i");
            }
        }
        if (!(re[0] >= 0.0) || im[0] != 0.0) {
            throw new IllegalArgumentException("mu_0 = ||g||^2 must be real and >= 0, got "
                    + re[0] + " + " + im[0] + "i");
        }
        re = re.clone();
        im = im.clone();
    }

    /**
     * Exactly known moments: {@code mu_n = moment.apply(n)} for {@code n = 0..maxLag}; the
     * imaginary part of {@code mu_0} must be 0 (it is not rounded away).
     */
    public static Autocorrelations of(int maxLag, IntFunction<Complex> moment) {
        checkMaxLag(maxLag);
        Objects.requireNonNull(moment, "moment");
        double[] re = new double[maxLag + 1];
        double[] im = new double[maxLag + 1];
        for (int n = 0; n <= maxLag; n++) {
            Complex mu = Objects.requireNonNull(moment.apply(n), "moment(" + n + ")");
            re[n] = mu.re();
            im[n] = mu.im();
        }
        return new Autocorrelations(re, im);
    }

    /** The autocorrelations of a real series {@code g(x_0)..g(x_{M-1})}; see the other form. */
    public static Autocorrelations ofSeries(double[] g, int maxLag) {
        Objects.requireNonNull(g, "g");
        return ofSeries(g, new double[g.length], maxLag);
    }

    /**
     * The ergodic autocorrelations {@code mu_n = (1/(M - n)) sum_{m < M - n} g_{m+n} conj(g_m)},
     * {@code n = 0..maxLag}, of the complex series {@code g_m = gRe[m] + i gIm[m]} sampled along
     * one trajectory, by FFT in {@code O(M log M)}. The estimate of {@code mu_n} averages
     * {@code M - n} products, so keep {@code maxLag} well below {@code M}.
     *
     * @param gRe    real parts, finite, length {@code M >= 1}
     * @param gIm    imaginary parts, finite, length {@code M}
     * @param maxLag {@code N}, in {@code [0, M - 1]}
     */
    public static Autocorrelations ofSeries(double[] gRe, double[] gIm, int maxLag) {
        int m = checkSeries(gRe, gIm, maxLag);
        double[][] sums = RadixTwoFft.crossCorrelation(gRe, gIm, gRe, gIm, maxLag);
        double[] re = sums[0];
        double[] im = sums[1];
        for (int n = 0; n <= maxLag; n++) {
            re[n] /= m - n;
            im[n] /= m - n;
        }
        // The lag-0 sum is a sum of squares: take it exactly, so mu_0 is real and >= 0.
        double energy = 0.0;
        for (int k = 0; k < m; k++) {
            energy += gRe[k] * gRe[k] + gIm[k] * gIm[k];
        }
        re[0] = energy / m;
        im[0] = 0.0;
        return new Autocorrelations(re, im);
    }

    /** The same estimate as {@link #ofSeries}, by the direct {@code O(M N)} sum; for tests. */
    static Autocorrelations ofSeriesDirect(double[] gRe, double[] gIm, int maxLag) {
        int m = checkSeries(gRe, gIm, maxLag);
        double[] re = new double[maxLag + 1];
        double[] im = new double[maxLag + 1];
        for (int n = 0; n <= maxLag; n++) {
            double r = 0.0;
            double i = 0.0;
            for (int k = 0; k + n < m; k++) {
                // g_{k+n} conj(g_k)
                r += gRe[k + n] * gRe[k] + gIm[k + n] * gIm[k];
                i += gIm[k + n] * gRe[k] - gRe[k + n] * gIm[k];
            }
            re[n] = r / (m - n);
            im[n] = i / (m - n);
        }
        im[0] = 0.0;
        return new Autocorrelations(re, im);
    }

    private static int checkSeries(double[] gRe, double[] gIm, int maxLag) {
        Objects.requireNonNull(gRe, "gRe");
        Objects.requireNonNull(gIm, "gIm");
        int m = gRe.length;
        if (m == 0) {
            throw new IllegalArgumentException("the series g must have length M >= 1, got 0");
        }
        if (gIm.length != m) {
            throw new IllegalArgumentException("gIm must have the length of gRe, " + m + ", got "
                    + gIm.length);
        }
        for (int k = 0; k < m; k++) {
            if (!Double.isFinite(gRe[k]) || !Double.isFinite(gIm[k])) {
                throw new IllegalArgumentException("g[" + k + "] must be finite, got " + gRe[k]
                        + " + " + gIm[k] + "i");
            }
        }
        checkMaxLag(maxLag);
        if (maxLag > m - 1) {
            throw new IllegalArgumentException("maxLag must be in [0, M - 1 = " + (m - 1)
                    + "] for a series of length M = " + m + ", got " + maxLag);
        }
        return m;
    }

    private static void checkMaxLag(int maxLag) {
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must be >= 0, got " + maxLag);
        }
    }

    /** The largest lag {@code N} held. */
    public int maxLag() {
        return re.length - 1;
    }

    /** The total mass {@code mu_0 = ||g||^2} of the spectral measure. */
    public double mass() {
        return re[0];
    }

    /**
     * The moment {@code mu_n} for {@code |n| <= N}, with {@code mu_{-n} = conj(mu_n)}.
     *
     * @throws IllegalArgumentException if {@code |n| > N}
     */
    public Complex moment(int n) {
        int k = Math.abs(n);
        if (k > maxLag()) {
            throw new IllegalArgumentException("n must be in [-" + maxLag() + ", " + maxLag()
                    + "], got " + n);
        }
        return new Complex(re[k], n < 0 ? -im[k] : im[k]);
    }

    /** Real part of {@code mu_n}, {@code 0 <= n <= N}, without copying. */
    double re(int n) {
        return re[n];
    }

    /** Imaginary part of {@code mu_n}, {@code 0 <= n <= N}, without copying. */
    double im(int n) {
        return im[n];
    }

    /**
     * The Cesàro estimate of the atom of {@code xi_g} at {@code theta},
     * {@code (1/(2n + 1)) sum_{|k| <= n} mu_k e^{-i k theta}}, which tends to
     * {@code xi_g({theta})} as {@code n -> infinity} (Wiener's lemma): to the squared norm of the
     * projection of {@code g} onto the eigenspace of {@code e^{i theta}}, and to 0 where there is
     * no eigenvalue. Atoms at distance {@code d} from {@code theta} leak into it by at most their
     * mass over {@code (2n + 1) |sin(d/2)|}.
     *
     * @param theta an angle, finite
     * @param lags  {@code n}, in {@code [0, N]}
     */
    public double atomMass(double theta, int lags) {
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite, got " + theta);
        }
        if (lags < 0 || lags > maxLag()) {
            throw new IllegalArgumentException("lags must be in [0, " + maxLag() + "], got "
                    + lags);
        }
        double sum = re[0];
        for (int k = 1; k <= lags; k++) {
            // 2 Re(mu_k e^{-i k theta}); angles recomputed, not accumulated
            double a = k * theta;
            sum += 2.0 * (re[k] * Math.cos(a) + im[k] * Math.sin(a));
        }
        return sum / (2 * lags + 1);
    }

    /** A copy of the real parts. */
    @Override
    public double[] re() {
        return re.clone();
    }

    /** A copy of the imaginary parts. */
    @Override
    public double[] im() {
        return im.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Autocorrelations a && Arrays.equals(re, a.re)
                && Arrays.equals(im, a.im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "Autocorrelations[N=" + maxLag() + ", mu_0=" + re[0] + "]";
    }
}
