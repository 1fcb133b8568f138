package org.phasebook.koopman;

import java.util.Objects;

/**
 * The filtered truncated Fourier series of a spectral measure on the circle (brief §2.6, moment
 * route):
 * <pre>
 *   rho_N(theta) = (1/2 pi) sum_{|n| &lt;= N} phi(|n|/N) mu_n e^{-i n theta},   theta in [-pi, pi),
 * </pre>
 * the convolution of {@code xi_g} with the kernel of the {@link SpectralFilter} {@code phi}.
 * It is a real trigonometric polynomial of degree {@code N - 1} (as {@code phi(1) = 0},
 * {@code mu_N} is not used). Where {@code xi_g} has a smooth density, {@code rho_N} converges
 * to it pointwise at the filter's order; an atom of mass {@code a} becomes a peak of height
 * about {@code a N} and width about {@code 1/N}, and the mass of {@code rho_N} in any arc
 * around it tends to {@code a}.
 *
 * <p>Cost {@code O(N)} per angle. Immutable.
 */
public final class SmoothedSpectralMeasure {

    private final Autocorrelations moments;
    private final int n;
    private final SpectralFilter filter;
    /** {@code phi(k/N) mu_k}, {@code k = 0..N-1}. */
    private final double[] fRe;
    private final double[] fIm;

    private SmoothedSpectralMeasure(Autocorrelations moments, int n, SpectralFilter filter) {
        this.moments = moments;
        this.n = n;
        this.filter = filter;
        double[] w = filter.weights(n);
        this.fRe = new double[n];
        this.fIm = new double[n];
        for (int k = 0; k < n; k++) {
            fRe[k] = w[k] * moments.re(k);
            fIm[k] = w[k] * moments.im(k);
        }
    }

    /**
     * The smoothed measure {@code rho_N} from the moments {@code mu_0..mu_N}.
     *
     * @param moments the moments, with {@link Autocorrelations#maxLag()} {@code >= n}
     * @param n       {@code N >= 1}, the truncation
     * @param filter  the filter {@code phi}
     */
    public static SmoothedSpectralMeasure of(Autocorrelations moments, int n,
            SpectralFilter filter) {
        Objects.requireNonNull(moments, "moments");
        Objects.requireNonNull(filter, "filter");
        if (n < 1 || n > moments.maxLag()) {
            throw new IllegalArgumentException("n must be in [1, " + moments.maxLag()
                    + "] (the largest lag of the moments), got " + n);
        }
        return new SmoothedSpectralMeasure(moments, n, filter);
    }

    /** The moments. */
    public Autocorrelations moments() {
        return moments;
    }

    /** The truncation {@code N}. */
    public int n() {
        return n;
    }

    /** The filter {@code phi}. */
    public SpectralFilter filter() {
        return filter;
    }

    /** The total mass {@code int rho_N = mu_0 = ||g||^2}. */
    public double totalMass() {
        return fRe[0];
    }

    /** The density {@code rho_N(theta)} at a finite angle (any real; periodic). */
    public double density(double theta) {
        requireFinite("theta", theta);
        return evaluate(theta);
    }

    /** The density at each angle of {@code theta} (finite). */
    public double[] density(double[] theta) {
        Objects.requireNonNull(theta, "theta");
        double[] rho = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            requireFinite("theta[" + p + "]", theta[p]);
            rho[p] = evaluate(theta[p]);
        }
        return rho;
    }

    private double evaluate(double theta) {
        // 2 Re(f_k e^{-i k theta}) = 2 (Re f_k cos k theta + Im f_k sin k theta), with the phase
        // e^{i k theta} advanced by multiplication and reset from cos/sin every 64 steps.
        double c1 = Math.cos(theta);
        double s1 = Math.sin(theta);
        double c = 1.0;
        double s = 0.0;
        double sum = 0.0;
        for (int k = 1; k < n; k++) {
            if ((k & 63) == 0) {
                c = Math.cos(k * theta);
                s = Math.sin(k * theta);
            } else {
                double t = c * c1 - s * s1;
                s = s * c1 + c * s1;
                c = t;
            }
            sum += fRe[k] * c + fIm[k] * s;
        }
        return (fRe[0] + 2.0 * sum) / (2.0 * Math.PI);
    }

    /**
     * The mass {@code int_from^to rho_N(theta) d theta} of the smoothed measure between two
     * angles, in closed form; for {@code to - from = 2 pi} it is {@code mu_0}, and for a fixed
     * arc around an atom it tends to the atom's mass (plus the measure's mass elsewhere in the
     * arc) as {@code N} grows. Reversed limits give the negative.
     */
    public double mass(double from, double to) {
        requireFinite("from", from);
        requireFinite("to", to);
        double sum = 0.0;
        for (int k = 1; k < n; k++) {
            // int e^{-i k theta} = i (e^{-i k to} - e^{-i k from}) / k
            double dc = Math.cos(k * to) - Math.cos(k * from);
            double ds = Math.sin(k * to) - Math.sin(k * from);
            // i (dc - i ds) / k = (ds + i dc) / k; 2 Re(f_k (ds + i dc) / k)
            sum += (fRe[k] * ds - fIm[k] * dc) / k;
        }
        return (fRe[0] * (to - from) + 2.0 * sum) / (2.0 * Math.PI);
    }

    /**
     * The cumulative distribution {@code F_N(theta) = mass(-pi, theta)} of the smoothed measure
     * on {@code [-pi, pi]}.
     */
    public double cumulative(double theta) {
        return mass(-Math.PI, theta);
    }

    /** {@code points} equally spaced angles {@code -pi + 2 pi p / points}, a grid for plots. */
    public static double[] grid(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
        double[] theta = new double[points];
        for (int p = 0; p < points; p++) {
            theta[p] = -Math.PI + 2.0 * Math.PI * p / points;
        }
        return theta;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    @Override
    public String toString() {
        return "SmoothedSpectralMeasure[N=" + n + ", filter=" + filter + ", mass=" + fRe[0] + "]";
    }
}
