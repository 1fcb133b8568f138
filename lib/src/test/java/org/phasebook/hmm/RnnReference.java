package org.phasebook.hmm;

/**
 * A plain-Java, double-precision reference of {@link NoiseDrivenRnn}'s forward pass and of the
 * brief's explicit straight-through and BPTT formulas (hmm-rnn.md §4), for the tests.
 */
final class RnnReference {

    final int h;
    final int d;
    final int k;
    final int t;
    final int b;
    /** pre[s][n][i], hidden[s][n][i], logits[s][n][c], soft[s][n][c], x[s][n][j]. */
    final double[][][] pre;
    final double[][][] hidden;
    final double[][][] logits;
    final double[][][] soft;
    final double[][][] x;
    private final double[][] wih;
    private final double[][] whh;
    private final double[][] a;

    RnnReference(double[][] wih, double[][] whh, double[][] a, double sigma, RnnNoise noise) {
        this.wih = wih;
        this.whh = whh;
        this.a = a;
        h = whh.length;
        d = noise.inputs();
        k = noise.outputs();
        t = noise.length();
        b = noise.batch();
        pre = new double[t][b][h];
        hidden = new double[t][b][h];
        logits = new double[t][b][k];
        soft = new double[t][b][k];
        x = new double[t][b][d];
        for (int s = 0; s < t; s++) {
            for (int n = 0; n < b; n++) {
                for (int j = 0; j < d; j++) {
                    x[s][n][j] = sigma * noise.normals()[(s * b + n) * d + j];
                }
                for (int i = 0; i < h; i++) {
                    double v = 0;
                    for (int j = 0; j < d; j++) {
                        v += wih[i][j] * x[s][n][j];
                    }
                    if (s > 0) {
                        for (int j = 0; j < h; j++) {
                            v += whh[i][j] * hidden[s - 1][n][j];
                        }
                    }
                    pre[s][n][i] = v;
                    hidden[s][n][i] = Math.max(0, v);
                }
                double max = Double.NEGATIVE_INFINITY;
                double[] z = new double[k];
                for (int c = 0; c < k; c++) {
                    double l = 0;
                    for (int i = 0; i < h; i++) {
                        l += a[c][i] * hidden[s][n][i];
                    }
                    logits[s][n][c] = l;
                    z[c] = l + noise.gumbels()[(s * b + n) * k + c];
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    soft[s][n][c] = Math.exp(z[c] - max);
                    sum += soft[s][n][c];
                }
                for (int c = 0; c < k; c++) {
                    soft[s][n][c] /= sum;
                }
            }
        }
    }

    /** {@code Σ G ⊙ s} with {@code g[n][s K + c]} (the layout of the flattened outputs). */
    double surrogate(double[][] g) {
        double v = 0;
        for (int s = 0; s < t; s++) {
            for (int n = 0; n < b; n++) {
                for (int c = 0; c < k; c++) {
                    v += g[n][s * k + c] * soft[s][n][c];
                }
            }
        }
        return v;
    }

    /**
     * The brief's gradient of a loss with {@code ∂L/∂y = g} through the straight-through
     * estimator and BPTT: {@code [∂W_ih, ∂W_hh, ∂A]}.
     */
    double[][][] gradients(double[][] g) {
        double[][] dWih = new double[h][d];
        double[][] dWhh = new double[h][h];
        double[][] dA = new double[k][h];
        for (int n = 0; n < b; n++) {
            double[] dpreNext = new double[h];
            for (int s = t - 1; s >= 0; s--) {
                double[] sv = soft[s][n];
                double inner = 0;
                for (int c = 0; c < k; c++) {
                    inner += sv[c] * g[n][s * k + c];
                }
                double[] dl = new double[k];
                for (int c = 0; c < k; c++) {
                    dl[c] = sv[c] * (g[n][s * k + c] - inner);
                }
                double[] dpre = new double[h];
                for (int i = 0; i < h; i++) {
                    double dh = 0;
                    for (int c = 0; c < k; c++) {
                        dh += a[c][i] * dl[c];
                    }
                    if (s < t - 1) {
                        for (int j = 0; j < h; j++) {
                            dh += whh[j][i] * dpreNext[j];
                        }
                    }
                    dpre[i] = pre[s][n][i] > 0 ? dh : 0;
                }
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < h; i++) {
                        dA[c][i] += dl[c] * hidden[s][n][i];
                    }
                }
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < d; j++) {
                        dWih[i][j] += dpre[i] * x[s][n][j];
                    }
                    if (s > 0) {
                        for (int j = 0; j < h; j++) {
                            dWhh[i][j] += dpre[i] * hidden[s - 1][n][j];
                        }
                    }
                }
                dpreNext = dpre;
            }
        }
        return new double[][][] {dWih, dWhh, dA};
    }
}
