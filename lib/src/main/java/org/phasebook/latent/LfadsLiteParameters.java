package org.phasebook.latent;

/**
 * The architecture of {@link LfadsLite}, the LFADS-style baseline of brief
 * {@code langevin-flow.md} §7.3. The training objective is not part of this record: it is set on
 * the {@link LatentTrainingParameters} by {@link LfadsLite#training(LatentTrainingParameters)}.
 *
 * @param encoderHidden        the state size of each direction of the bidirectional GRU
 *                             encoder, 1 to 4096
 * @param initialConditionSize the size of the initial condition {@code g₀}, 1 to 4096
 * @param generatorHidden      the state size of the autonomous GRU generator, 1 to 4096
 * @param factors              the number of linear factors between the generator and the
 *                             log-rates, 1 to 4096
 * @param dropout              the dropout probability of the encoder's final states and of the
 *                             generator states read by the factors, in {@code [0, 1)}
 */
public record LfadsLiteParameters(int encoderHidden, int initialConditionSize,
        int generatorHidden, int factors, double dropout) {

    /** Validates every field; errors name the parameter, its value and the allowed range. */
    public LfadsLiteParameters {
        size("encoderHidden", encoderHidden);
        size("initialConditionSize", initialConditionSize);
        size("generatorHidden", generatorHidden);
        size("factors", factors);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The default scale of §7.3: 64 encoder units per direction, {@code g₀ ∈ ℝ⁶⁴}, 100
     * generator units, 8 factors, dropout 0.05 (LangevinFlow's default dropout).
     *
     * @return the parameters
     */
    public static LfadsLiteParameters defaults() {
        return new LfadsLiteParameters(64, 64, 100, 8, 0.05);
    }

    /**
     * The quick scale for tests: 32 encoder units per direction, {@code g₀ ∈ ℝ³²}, 64 generator
     * units, 8 factors, dropout 0.05.
     *
     * @return the parameters
     */
    public static LfadsLiteParameters quick() {
        return new LfadsLiteParameters(32, 32, 64, 8, 0.05);
    }

    private static void size(String name, int value) {
        if (value < 1 || value > 4096) {
            throw new IllegalArgumentException(name + " must be in [1, 4096], got " + value);
        }
    }
}
