package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: comparing eigenvalue multisets and complex products. */
final class Spectra {

    private Spectra() {
    }

    /**
     * Asserts that {@code actual} and {@code expected} are the same multiset up to
     * {@code tolerance}, matching each expected value to the nearest unused actual one.
     */
    static void assertSameSpectrum(Complex[] expected, Complex[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "number of eigenvalues");
        List<Complex> left = new ArrayList<>(Arrays.asList(actual));
        for (Complex e : expected) {
            int best = -1;
            for (int i = 0; i < left.size(); i++) {
                if (best < 0 || left.get(i).minus(e).abs() < left.get(best).minus(e).abs()) {
                    best = i;
                }
            }
            double error = left.get(best).minus(e).abs();
            assertTrue(error <= tolerance, "expected eigenvalue " + e + ", nearest " + left.get(best)
                    + " at distance " + error + " > " + tolerance + "; all: " + Arrays.toString(actual));
            left.remove(best);
        }
    }

    /** The index of the eigenvalue of {@code values} nearest {@code target}. */
    static int nearest(Complex[] values, Complex target) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i].minus(target).abs() < values[best].minus(target).abs()) {
                best = i;
            }
        }
        return best;
    }

    /** {@code a v} for a real matrix {@code a} (rows) and complex {@code v}. */
    static ComplexVector times(double[][] a, ComplexVector v) {
        double[] re = new double[a.length];
        double[] im = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length(); j++) {
                re[i] += a[i][j] * v.re(j);
                im[i] += a[i][j] * v.im(j);
            }
        }
        return new ComplexVector(re, im);
    }

    /** {@code a - b}. */
    static ComplexVector minus(ComplexVector a, ComplexVector b) {
        double[] re = new double[a.length()];
        double[] im = new double[a.length()];
        for (int i = 0; i < re.length; i++) {
            re[i] = a.re(i) - b.re(i);
            im[i] = a.im(i) - b.im(i);
        }
        return new ComplexVector(re, im);
    }

    /** The Frobenius norm. */
    static double frobenius(double[][] a) {
        double sum = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /** {@code max |a_ij - b_ij|}. */
    static double maxDifference(double[][] a, double[][] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    /**
     * How far {@code values} is from a multiple {@code c reference}: with {@code c} the
     * least-squares factor, {@code max_m |values_m - c reference_m| / (|c| max_m |reference_m|)};
     * zero when {@code values} is proportional to {@code reference}.
     */
    static double proportionalityError(ComplexVector values, ComplexVector reference) {
        Complex c = values.dot(reference).divide(Complex.real(reference.dot(reference).re()));
        double error = 0.0;
        double scale = 0.0;
        for (int m = 0; m < values.length(); m++) {
            error = Math.max(error, values.get(m).minus(c.times(reference.get(m))).abs());
            scale = Math.max(scale, reference.get(m).abs());
        }
        return error / (c.abs() * scale);
    }
}
