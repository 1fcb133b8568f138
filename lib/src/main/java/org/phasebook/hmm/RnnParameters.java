package org.phasebook.hmm;

/**
 * The shape of the paper's noise-driven ReLU RNN and the strength of its noise (brief
 * {@code hmm-rnn.md} §3, after Torre et al., arXiv:2510.25674):
 * {@code h_t = ReLU(W_ih x_t + W_hh h_{t-1})}, {@code h_0 = 0}, logits {@code A h_t}, with
 * {@code x_t ~ N(0, sigma² I_d)} i.i.d.
 *
 * @param hidden   {@code H}, the number of hidden units, {@code >= 1}
 * @param inputs   {@code d}, the dimension of the noise input, {@code >= 1}
 * @param outputs  {@code K}, the number of output symbols, {@code >= 2}; 3 for the paper's
 *                 HMMs
 * @param noiseStd {@code sigma}, the standard deviation of each input entry; finite,
 *                 {@code > 0}; 1 in training. By homogeneity (no biases, {@code h_0 = 0}) the
 *                 states under {@code sigma} are exactly {@code sigma} times those under 1.
 */
public record RnnParameters(int hidden, int inputs, int outputs, double noiseStd) {

    /** The paper's number of output symbols. */
    public static final int PAPER_OUTPUTS = 3;

    /** Checks every parameter. */
    public RnnParameters {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden (H) must be >= 1, got " + hidden);
        }
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs (d) must be >= 1, got " + inputs);
        }
        if (outputs < 2) {
            throw new IllegalArgumentException("outputs (K) must be >= 2, got " + outputs);
        }
        if (!(noiseStd > 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd (sigma) must be finite and > 0, got "
                + noiseStd);
        }
    }

    /**
     * The paper's RNN with {@code H} hidden units and {@code d} inputs: {@code K = 3},
     * {@code sigma = 1}.
     *
     * @param hidden {@code H >= 1}
     * @param inputs {@code d >= 1}
     * @return the parameters
     */
    public static RnnParameters paper(int hidden, int inputs) {
        return new RnnParameters(hidden, inputs, PAPER_OUTPUTS, 1.0);
    }

    /**
     * Phasebook's "quick" and "default" size, a corner of the paper's grid: {@code H = 50},
     * {@code d = 10} (brief §5).
     *
     * @return {@code paper(50, 10)}
     */
    public static RnnParameters small() {
        return paper(50, 10);
    }

    /**
     * The paper's analysed "main" configuration, Phasebook's "mechanism" size: {@code H = 150},
     * {@code d = 100}.
     *
     * @return {@code paper(150, 100)}
     */
    public static RnnParameters mechanism() {
        return paper(150, 100);
    }

    /**
     * The same network with another noise strength.
     *
     * @param sigma the new noise std, finite and {@code > 0}
     * @return a copy with {@code noiseStd = sigma}
     */
    public RnnParameters withNoiseStd(double sigma) {
        return new RnnParameters(hidden, inputs, outputs, sigma);
    }

    /**
     * The number of trainable weights, {@code H d + H H + K H}.
     *
     * @return the parameter count
     */
    public long weightCount() {
        return (long) hidden * inputs + (long) hidden * hidden + (long) outputs * hidden;
    }
}
