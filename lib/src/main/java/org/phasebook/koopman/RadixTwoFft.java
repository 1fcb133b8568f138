package org.phasebook.koopman;

import java.util.Arrays;

/**
 * The in-place iterative radix-2 fast Fourier transform on split real and imaginary arrays whose
 * length is a power of two, for the autocorrelations and cross-correlations of the spectral
 * measure and RAGE estimators.
 *
 * <p>The forward transform is {@code X_k = sum_j x_j e^{-2 pi i jk/P}}; the inverse carries the
 * factor {@code 1/P}. Twiddle factors are computed directly from their angle, not by repeated
 * multiplication, so the rounding error grows like {@code log P} and not like {@code P}.
 * Split arrays avoid one object per sample (Commons Math's transformer allocates a
 * {@code Complex} per entry).
 */
final class RadixTwoFft {

    private RadixTwoFft() {
    }

    /** The smallest power of two {@code >= n} (for {@code n >= 1}). */
    static int paddedLength(long n) {
        if (n < 1 || n > (1 << 30)) {
            throw new IllegalArgumentException("FFT length must be in [1, 2^30], got " + n);
        }
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /** Overwrites {@code (re, im)} by its discrete Fourier transform. */
    static void forward(double[] re, double[] im) {
        transform(re, im, -1.0);
    }

    /** Overwrites {@code (re, im)} by its inverse discrete Fourier transform, with {@code 1/P}. */
    static void inverse(double[] re, double[] im) {
        transform(re, im, 1.0);
        double scale = 1.0 / re.length;
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private static void transform(double[] re, double[] im, double sign) {
        int p = re.length;
        if (im.length != p || Integer.bitCount(p) != 1) {
            throw new IllegalArgumentException("FFT arrays must have equal power-of-two lengths,"
                    + " got " + re.length + " and " + im.length);
        }
        for (int i = 1, j = 0; i < p; i++) {
            int bit = p >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        // Twiddles for the largest stage; smaller stages use every (p / len)-th of them.
        int half = p / 2;
        double[] cos = new double[half];
        double[] sin = new double[half];
        for (int k = 0; k < half; k++) {
            double angle = 2.0 * Math.PI * k / p;
            cos[k] = Math.cos(angle);
            sin[k] = sign * Math.sin(angle);
        }
        for (int len = 2; len <= p; len <<= 1) {
            int h = len >> 1;
            int stride = p / len;
            for (int start = 0; start < p; start += len) {
                for (int k = 0; k < h; k++) {
                    double wr = cos[k * stride];
                    double wi = sin[k * stride];
                    int a = start + k;
                    int b = a + h;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /**
     * The cross-correlations {@code r_l = sum_{m < |a|} conj(a_m) b_{m+l}}, {@code l = 0..lags},
     * of a short vector {@code a} against a longer one {@code b} (entries of {@code b} beyond its
     * end count as zero), by one zero-padded transform of each.
     *
     * @return {@code {re, im}}, each of length {@code lags + 1}
     */
    static double[][] crossCorrelation(double[] aRe, double[] aIm, double[] bRe, double[] bIm,
            int lags) {
        // Padding to |a| + lags (at least |b|) keeps m + l below P, so nothing wraps around.
        int p = paddedLength(Math.max((long) aRe.length + lags, bRe.length));
        double[] xr = new double[p];
        double[] xi = new double[p];
        double[] yr = new double[p];
        double[] yi = new double[p];
        System.arraycopy(aRe, 0, xr, 0, aRe.length);
        System.arraycopy(bRe, 0, yr, 0, bRe.length);
        if (aIm != null) {
            System.arraycopy(aIm, 0, xi, 0, aIm.length);
        }
        if (bIm != null) {
            System.arraycopy(bIm, 0, yi, 0, bIm.length);
        }
        forward(xr, xi);
        forward(yr, yi);
        for (int k = 0; k < p; k++) {
            // conj(X_k) Y_k
            double r = xr[k] * yr[k] + xi[k] * yi[k];
            double i = xr[k] * yi[k] - xi[k] * yr[k];
            yr[k] = r;
            yi[k] = i;
        }
        inverse(yr, yi);
        double[][] out = new double[2][lags + 1];
        System.arraycopy(yr, 0, out[0], 0, lags + 1);
        System.arraycopy(yi, 0, out[1], 0, lags + 1);
        return out;
    }

    /**
     * The real cross-correlations {@code r_k[l] = sum_{m < |a_k|} a_k[m] b[m + l]},
     * {@code l = 0..lags}, of several short real vectors {@code a_k} of equal length against
     * one real vector {@code b} (zero beyond its end), transforming {@code b} once.
     *
     * @return {@code r[k][l]}
     */
    static double[][] crossCorrelations(double[][] a, double[] b, int lags) {
        int length = a.length == 0 ? 0 : a[0].length;
        int p = paddedLength(Math.max((long) length + lags, b.length));
        double[] br = new double[p];
        double[] bi = new double[p];
        System.arraycopy(b, 0, br, 0, b.length);
        forward(br, bi);
        double[][] r = new double[a.length][];
        double[] xr = new double[p];
        double[] xi = new double[p];
        for (int k = 0; k < a.length; k++) {
            Arrays.fill(xr, 0.0);
            Arrays.fill(xi, 0.0);
            System.arraycopy(a[k], 0, xr, 0, length);
            forward(xr, xi);
            for (int j = 0; j < p; j++) {
                // conj(X_j) B_j
                double re = xr[j] * br[j] + xi[j] * bi[j];
                double im = xr[j] * bi[j] - xi[j] * br[j];
                xr[j] = re;
                xi[j] = im;
            }
            inverse(xr, xi);
            r[k] = Arrays.copyOf(xr, lags + 1);
        }
        return r;
    }
}
