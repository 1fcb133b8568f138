package org.phasebook.lattice;

/**
 * The discrete Fourier transform of any length on split real and imaginary arrays, for the
 * correlation, spectrum and wavelength observables of this package.
 *
 * <p>The forward transform is {@code X_k = sum_j x_j e^{-2 pi i jk/n}}; the inverse carries the
 * factor {@code 1/n}. Power-of-two lengths use an iterative radix-2 transform; other lengths use
 * Bluestein's chirp-z identity {@code jk = (j^2 + k^2 - (k-j)^2)/2}, which turns the transform
 * into a convolution done by radix-2 transforms of length at least {@code 2n - 1}. So lattices
 * and series of any size cost {@code O(n log n)}, and no caller needs a separate direct sum.
 * Twiddle and chirp factors are computed from their angle (the chirp angle reduced modulo
 * {@code 2n} in integers), so rounding errors grow like {@code log n}.
 *
 * <p>Stateless; all methods are thread-safe.
 */
final class DiscreteFourier {

    private DiscreteFourier() {
    }

    /** Overwrites {@code (re, im)} by its forward transform. */
    static void forward(double[] re, double[] im) {
        transform(re, im, -1.0);
    }

    /** Overwrites {@code (re, im)} by its inverse transform, including the factor {@code 1/n}. */
    static void inverse(double[] re, double[] im) {
        transform(re, im, 1.0);
        double scale = 1.0 / re.length;
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    /**
     * Overwrites the {@code side x side} field {@code (re, im)}, stored as {@code x + side * y},
     * by its two-dimensional forward transform (rows, then columns).
     */
    static void forward2d(double[] re, double[] im, int side) {
        transform2d(re, im, side, -1.0);
    }

    /** The two-dimensional inverse of {@link #forward2d}, including the factor {@code 1/side^2}. */
    static void inverse2d(double[] re, double[] im, int side) {
        transform2d(re, im, side, 1.0);
        double scale = 1.0 / re.length;
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private static void transform2d(double[] re, double[] im, int side, double sign) {
        if (re.length != (long) side * side || im.length != re.length) {
            throw new IllegalArgumentException("2d FFT arrays must both have length side^2 = "
                    + (long) side * side + ", got " + re.length + " and " + im.length);
        }
        double[] rowRe = new double[side];
        double[] rowIm = new double[side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(re, y * side, rowRe, 0, side);
            System.arraycopy(im, y * side, rowIm, 0, side);
            transform(rowRe, rowIm, sign);
            System.arraycopy(rowRe, 0, re, y * side, side);
            System.arraycopy(rowIm, 0, im, y * side, side);
        }
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                rowRe[y] = re[x + side * y];
                rowIm[y] = im[x + side * y];
            }
            transform(rowRe, rowIm, sign);
            for (int y = 0; y < side; y++) {
                re[x + side * y] = rowRe[y];
                im[x + side * y] = rowIm[y];
            }
        }
    }

    private static void transform(double[] re, double[] im, double sign) {
        int n = re.length;
        if (im.length != n || n < 1) {
            throw new IllegalArgumentException("FFT arrays must have equal lengths >= 1, got "
                    + re.length + " and " + im.length);
        }
        if (Integer.bitCount(n) == 1) {
            radix2(re, im, sign);
        } else {
            bluestein(re, im, sign);
        }
    }

    private static void bluestein(double[] re, double[] im, double sign) {
        int n = re.length;
        int m = 1;
        while (m < 2 * n - 1) {
            m <<= 1;
        }
        // chirp c_j = exp(sign * i pi j^2 / n); j^2 mod 2n keeps the angle small and exact.
        double[] cRe = new double[n];
        double[] cIm = new double[n];
        long twoN = 2L * n;
        for (int j = 0; j < n; j++) {
            long q = ((long) j * j) % twoN;
            double angle = Math.PI * q / n;
            cRe[j] = Math.cos(angle);
            cIm[j] = sign * Math.sin(angle);
        }
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        for (int j = 0; j < n; j++) {
            aRe[j] = re[j] * cRe[j] - im[j] * cIm[j];
            aIm[j] = re[j] * cIm[j] + im[j] * cRe[j];
        }
        double[] bRe = new double[m];
        double[] bIm = new double[m];
        bRe[0] = cRe[0];
        bIm[0] = -cIm[0];
        for (int j = 1; j < n; j++) {
            bRe[j] = cRe[j];
            bIm[j] = -cIm[j];
            bRe[m - j] = cRe[j];
            bIm[m - j] = -cIm[j];
        }
        radix2(aRe, aIm, -1.0);
        radix2(bRe, bIm, -1.0);
        for (int k = 0; k < m; k++) {
            double r = aRe[k] * bRe[k] - aIm[k] * bIm[k];
            double i = aRe[k] * bIm[k] + aIm[k] * bRe[k];
            aRe[k] = r;
            aIm[k] = i;
        }
        radix2(aRe, aIm, 1.0);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double r = aRe[k] * scale;
            double i = aIm[k] * scale;
            re[k] = r * cRe[k] - i * cIm[k];
            im[k] = r * cIm[k] + i * cRe[k];
        }
    }

    private static void radix2(double[] re, double[] im, double sign) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
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
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double step = sign * 2.0 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                double wRe = Math.cos(step * k);
                double wIm = Math.sin(step * k);
                for (int start = 0; start < n; start += len) {
                    int a = start + k;
                    int b = a + half;
                    double tRe = re[b] * wRe - im[b] * wIm;
                    double tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                }
            }
        }
    }
}
