package org.phasebook.hmm;

import java.util.Objects;

/**
 * The angles between the readout rows {@code A_k} and a plane of state space (brief
 * {@code hmm-rnn.md} §8, "Subspaces"; figure F7): {@code theta_k = arccos(‖P A_k‖ / ‖A_k‖)},
 * with {@code P} the orthogonal projection onto the plane. {@code theta_k = 0} when
 * {@code A_k} lies in the plane and {@code pi/2} when it is orthogonal to it: a small angle
 * means that rotation in the plane moves logit {@code k}.
 *
 * <p>Stateless; all methods are static.
 */
public final class ReadoutAngles {

    private ReadoutAngles() {
    }

    /** The angles, in radians, between each readout row and the plane of PCs {@code first} and {@code second}. */
    public static double[] toPcPlane(RnnWeights weights, StatePca pca, int first, int second) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(pca, "pca");
        for (int c : new int[] {first, second}) {
            if (c < 0 || c >= pca.components()) {
                throw new IllegalArgumentException("components must be in [0, " + (pca.components() - 1)
                        + "], got " + c);
            }
        }
        if (first == second) {
            throw new IllegalArgumentException("first and second must differ, got " + first + " twice");
        }
        return toPlane(weights.readout(), pca.component(first), pca.component(second));
    }

    /**
     * The angles, in radians, between each row of {@code rows} and the plane spanned by
     * {@code u} and {@code v} (linearly independent, not necessarily orthonormal: they are
     * orthonormalised first). A zero row has angle NaN.
     */
    public static double[] toPlane(double[][] rows, double[] u, double[] v) {
        Objects.requireNonNull(rows, "rows");
        int n = Objects.requireNonNull(u, "u").length;
        RnnDynamics.checkLength("v", v, n);
        double[] e1 = u.clone();
        double n1 = FixedPointAnalysis.norm(e1);
        if (n1 == 0.0) {
            throw new IllegalArgumentException("u must not be zero");
        }
        scale(e1, 1.0 / n1);
        double[] e2 = v.clone();
        double along = dot(e2, e1);
        for (int i = 0; i < n; i++) {
            e2[i] -= along * e1[i];
        }
        double n2 = FixedPointAnalysis.norm(e2);
        if (n2 <= 1e-12 * FixedPointAnalysis.norm(v)) {
            throw new IllegalArgumentException("u and v must span a plane (they are parallel)");
        }
        scale(e2, 1.0 / n2);
        double[] theta = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            RnnDynamics.checkLength("rows[" + k + "]", rows[k], n);
            double length = FixedPointAnalysis.norm(rows[k]);
            double a = dot(rows[k], e1);
            double b = dot(rows[k], e2);
            theta[k] = length == 0.0 ? Double.NaN : Math.acos(Math.min(1.0, Math.hypot(a, b) / length));
        }
        return theta;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }
}
