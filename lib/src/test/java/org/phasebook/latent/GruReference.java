package org.phasebook.latent;

/**
 * One PyTorch {@code GRUCell} step in plain double, written from the gate equations (brief
 * {@code langevin-flow.md} §2), for tests of the DJL encoders: weights row-major as PyTorch
 * stores them, gate blocks (reset, update, new).
 */
final class GruReference {

    private GruReference() {
    }

    /**
     * {@code h′ = (1 − ζ) ⊙ n + ζ ⊙ h} with {@code r = σ(W_ir u + b_ir + W_hr h + b_hr)},
     * {@code ζ = σ(W_iz u + b_iz + W_hz h + b_hz)}, {@code n = tanh(W_in u + b_in + r ⊙ (W_hn h + b_hn))}.
     */
    static double[] step(float[] wih, float[] whh, float[] bih, float[] bhh, double[] u,
                         double[] h) {
        int hidden = h.length;
        int in = u.length;
        double[] gi = new double[3 * hidden];
        double[] gh = new double[3 * hidden];
        for (int r = 0; r < 3 * hidden; r++) {
            gi[r] = bih[r];
            for (int c = 0; c < in; c++) {
                gi[r] += wih[r * in + c] * u[c];
            }
            gh[r] = bhh[r];
            for (int c = 0; c < hidden; c++) {
                gh[r] += whh[r * hidden + c] * h[c];
            }
        }
        double[] next = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            double reset = sigmoid(gi[i] + gh[i]);
            double update = sigmoid(gi[hidden + i] + gh[hidden + i]);
            double n = Math.tanh(gi[2 * hidden + i] + reset * gh[2 * hidden + i]);
            next[i] = (1 - update) * n + update * h[i];
        }
        return next;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
