package org.phasebook.latent;

/**
 * The architecture of {@link LangevinFlow} (brief {@code langevin-flow.md} §2, §9).
 *
 * @param hidden      {@code H}, the size of the GRU state and of the latents {@code z} and
 *                    {@code v}; a multiple of 4 from 4 to 4096 (the potential couples 4
 *                    channels of {@code H/4} oscillators)
 * @param heads       attention heads, dividing the decoder width {@code d = 3H}
 * @param feedForward the decoder's feed-forward width, 1 to 65,536
 * @param gamma       the damping {@code γ}, in {@code [0, 1]}
 * @param eta         the Langevin step {@code η}, in {@code (0, 1]}
 * @param dropout     the dropout probability {@code p} of the encoder states and the decoder,
 *                    in {@code [0, 1)}
 */
public record LangevinFlowParameters(int hidden, int heads, int feedForward, double gamma,
        double eta, double dropout) {

    /** The release's T-Fixup factor {@code 0.67 · 3^(−1/4)} on the decoder's weights. */
    public static final double TFIXUP_SCALE = 0.67 * Math.pow(3, -0.25);

    /** Validates every field; errors name the parameter, its value and the allowed range. */
    public LangevinFlowParameters {
        if (hidden < 4 || hidden > 4096 || hidden % 4 != 0) {
            throw new IllegalArgumentException("hidden must be a multiple of 4 in [4, 4096], got "
                + hidden);
        }
        if (heads < 1 || (3 * hidden) % heads != 0) {
            throw new IllegalArgumentException("heads must be >= 1 and divide 3 * hidden = "
                + 3 * hidden + ", got " + heads);
        }
        if (feedForward < 1 || feedForward > 65_536) {
            throw new IllegalArgumentException("feedForward must be in [1, 65536], got "
                + feedForward);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in (0, 1], got " + eta);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The default scale of the notebook (§9): {@code H = 64} ({@code d = 192}), 2 heads,
     * feed-forward 512, {@code γ = 0.55}, {@code η = 0.01}, dropout 0.05.
     *
     * @return the parameters
     */
    public static LangevinFlowParameters defaults() {
        return new LangevinFlowParameters(64, 2, 512, 0.55, 0.01, 0.05);
    }

    /**
     * The quick scale (§9): {@code H = 32}, 2 heads, feed-forward 128, otherwise as
     * {@link #defaults()}.
     *
     * @return the parameters
     */
    public static LangevinFlowParameters quick() {
        return new LangevinFlowParameters(32, 2, 128, 0.55, 0.01, 0.05);
    }

    /**
     * The same with another damping (ablation (iii) of §7 uses {@code γ = 1}).
     *
     * @param value the new {@code γ}
     * @return a copy
     */
    public LangevinFlowParameters withGamma(double value) {
        return new LangevinFlowParameters(hidden, heads, feedForward, value, eta, dropout);
    }

    /**
     * The decoder width {@code d = 3H}.
     *
     * @return {@code d}
     */
    public int decoderWidth() {
        return 3 * hidden;
    }
}
