package org.phasebook.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * Package-private helpers for rectangular nested arrays {@code [trial][bin][channel]}: checked
 * deep copies (errors name the array, the index and the value), slicing, stacking and
 * flattening as numpy would.
 */
final class Tensors {

    private Tensors() {
    }

    /** A finite copy of {@code a}, which must have length {@code n}. */
    static double[] copy(String name, double[] a, int n) {
        Objects.requireNonNull(a, name);
        if (a.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got "
                    + a.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got "
                        + a[i]);
            }
        }
        return a.clone();
    }

    /** A finite copy of {@code a}, which must be {@code rows x cols}. */
    static double[][] copy(String name, double[][] a, int rows, int cols) {
        Objects.requireNonNull(a, name);
        if (a.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows, got "
                    + a.length);
        }
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = copy(name + "[" + i + "]", a[i], cols);
        }
        return out;
    }

    /** A finite copy of {@code a}, which must be {@code d0 x d1 x d2}. */
    static double[][][] copy(String name, double[][][] a, int d0, int d1, int d2) {
        Objects.requireNonNull(a, name);
        if (a.length != d0) {
            throw new IllegalArgumentException(name + " must have " + d0 + " entries along "
                    + "its first axis, got " + a.length);
        }
        double[][][] out = new double[d0][][];
        for (int i = 0; i < d0; i++) {
            out[i] = copy(name + "[" + i + "]", a[i], d1, d2);
        }
        return out;
    }

    /** A copy of counts {@code a}, which must be {@code d0 x d1 x d2} and {@code >= 0}. */
    static int[][][] copyCounts(String name, int[][][] a, int d0, int d1, int d2) {
        Objects.requireNonNull(a, name);
        if (a.length != d0) {
            throw new IllegalArgumentException(name + " must have " + d0 + " trials, got "
                    + a.length);
        }
        int[][][] out = new int[d0][d1][];
        for (int i = 0; i < d0; i++) {
            Objects.requireNonNull(a[i], name + "[" + i + "]");
            if (a[i].length != d1) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + d1
                        + " bins, got " + a[i].length);
            }
            for (int t = 0; t < d1; t++) {
                int[] row = Objects.requireNonNull(a[i][t], name + "[" + i + "][" + t + "]");
                if (row.length != d2) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + t
                            + "] must have " + d2 + " neurons, got " + row.length);
                }
                for (int k = 0; k < d2; k++) {
                    if (row[k] < 0) {
                        throw new IllegalArgumentException(name + "[" + i + "][" + t + "]["
                                + k + "] must be a count >= 0, got " + row[k]);
                    }
                }
                out[i][t] = row.clone();
            }
        }
        return out;
    }

    /** Throws unless every entry is {@code > 0}. */
    static void requirePositive(String name, double[][][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < a[i].length; t++) {
                for (int k = 0; k < a[i][t].length; k++) {
                    if (!(a[i][t][k] > 0.0)) {
                        throw new IllegalArgumentException(name + "[" + i + "][" + t + "][" + k
                                + "] must be > 0, got " + a[i][t][k]);
                    }
                }
            }
        }
    }

    /**
     * The shape {@code {d0, d1, d2}} of a rectangular array, checking every row.
     *
     * @param allowNaN    whether NaN entries are allowed (nlb_tools pads with NaN)
     * @param nonNegative whether entries must be {@code >= 0} (counts, rates)
     */
    static int[] shape(String name, double[][][] a, boolean allowNaN, boolean nonNegative) {
        Objects.requireNonNull(a, name);
        int d1 = a.length == 0 ? 0 : Objects.requireNonNull(a[0], name + "[0]").length;
        int d2 = -1;
        for (int i = 0; i < a.length; i++) {
            double[][] trial = Objects.requireNonNull(a[i], name + "[" + i + "]");
            if (trial.length != d1) {
                throw new IllegalArgumentException(name + " must be rectangular: " + name + "["
                        + i + "] has " + trial.length + " bins, " + name + "[0] has " + d1);
            }
            for (int t = 0; t < d1; t++) {
                double[] row = Objects.requireNonNull(trial[t], name + "[" + i + "][" + t + "]");
                if (d2 < 0) {
                    d2 = row.length;
                } else if (row.length != d2) {
                    throw new IllegalArgumentException(name + " must be rectangular: " + name
                            + "[" + i + "][" + t + "] has " + row.length + " channels, others "
                            + d2);
                }
                for (int k = 0; k < row.length; k++) {
                    double v = row[k];
                    boolean bad = Double.isNaN(v) ? !allowNaN
                            : Double.isInfinite(v) || (nonNegative && v < 0.0);
                    if (bad) {
                        throw new IllegalArgumentException(name + "[" + i + "][" + t + "][" + k
                                + "] must be " + (nonNegative ? "finite and >= 0" : "finite")
                                + (allowNaN ? " (or NaN)" : "") + ", got " + v);
                    }
                }
            }
        }
        return new int[] {a.length, d1, Math.max(d2, 0)};
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    static double[][][] copy(double[][][] a) {
        if (a == null) {
            return null;
        }
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = copy(a[i]);
        }
        return out;
    }

    /** Bins {@code t0 .. t1-1} of every trial, copied. */
    static double[][][] bins(double[][][] a, int t0, int t1) {
        double[][][] out = new double[a.length][t1 - t0][];
        for (int i = 0; i < a.length; i++) {
            for (int t = t0; t < t1; t++) {
                out[i][t - t0] = a[i][t].clone();
            }
        }
        return out;
    }

    /** Channels {@code k0 .. k1-1} of every trial and bin, copied. */
    static double[][][] channels(double[][][] a, int k0, int k1) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length][];
            for (int t = 0; t < a[i].length; t++) {
                out[i][t] = Arrays.copyOfRange(a[i][t], k0, k1);
            }
        }
        return out;
    }

    static double[][][] toDouble(int[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length][];
            for (int t = 0; t < a[i].length; t++) {
                int[] row = a[i][t];
                double[] d = new double[row.length];
                for (int k = 0; k < row.length; k++) {
                    d[k] = row[k];
                }
                out[i][t] = d;
            }
        }
        return out;
    }

    /** numpy's {@code np.dstack([a, b])}: channels of {@code a} then of {@code b}. */
    static double[][][] stackChannels(double[][][] a, double[][][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot stack channels of " + a.length
                    + " and " + b.length + " trials");
        }
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new IllegalArgumentException("cannot stack channels of " + a[i].length
                        + " and " + b[i].length + " bins");
            }
            out[i] = new double[a[i].length][];
            for (int t = 0; t < a[i].length; t++) {
                double[] row = Arrays.copyOf(a[i][t], a[i][t].length + b[i][t].length);
                System.arraycopy(b[i][t], 0, row, a[i][t].length, b[i][t].length);
                out[i][t] = row;
            }
        }
        return out;
    }

    /** numpy's {@code np.concatenate([a, b], axis=1)}: bins of {@code a} then of {@code b}. */
    static double[][][] stackBins(double[][][] a, double[][][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot stack bins of " + a.length + " and "
                    + b.length + " trials");
        }
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length + b[i].length][];
            for (int t = 0; t < a[i].length; t++) {
                out[i][t] = a[i][t].clone();
            }
            for (int t = 0; t < b[i].length; t++) {
                out[i][a[i].length + t] = b[i][t].clone();
            }
        }
        return out;
    }

    /** numpy's {@code x.reshape(-1, x.shape[2])}: rows trial-major, then bin. */
    static double[][] flatten(double[][][] a) {
        int rows = 0;
        for (double[][] trial : a) {
            rows += trial.length;
        }
        double[][] out = new double[rows][];
        int r = 0;
        for (double[][] trial : a) {
            for (double[] row : trial) {
                out[r++] = row.clone();
            }
        }
        return out;
    }

    /** Requires {@code a} and {@code b} to have the same shape, naming both in the error. */
    static void requireSameShape(String nameA, double[][][] a, String nameB, double[][][] b) {
        int[] sa = shape(nameA, a, true, false);
        int[] sb = shape(nameB, b, true, false);
        if (!Arrays.equals(sa, sb)) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same "
                    + "shape, got " + Arrays.toString(sa) + " and " + Arrays.toString(sb));
        }
    }
}
