package org.phasebook.latent;

import java.util.Locale;
import java.util.Objects;

/**
 * The trained latent models of notebook 04 at its two scales: which architecture, with which
 * sizes and which training parameters (brief {@code langevin-flow.md} §7, §9). The training
 * command ({@link TrainLatentModels}) and the notebook both build their models here, so the two
 * cannot drift apart.
 */
public enum LatentArchitecture {

    /** LangevinFlow as released, trained with the release's objective (§3). */
    LANGEVIN_FLOW(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return released(quick, shape);
        }
    },

    /**
     * Ablation (i) of §7.5: LangevinFlow whose decoder reads the GRU states {@code h_t} only,
     * trained exactly as {@link #LANGEVIN_FLOW}. Not one of the {@link #compared()} methods.
     */
    LANGEVIN_FLOW_STATES_ONLY(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return new LangevinFlow(parameters(quick), shape, LangevinFlow.DecoderInput.STATES_ONLY);
        }
    },

    /**
     * Ablation (ii) of §7.5: LangevinFlow with the potential's kernel {@code K} held at zero,
     * so that {@code U ≡ 0}; otherwise trained exactly as {@link #LANGEVIN_FLOW}.
     */
    LANGEVIN_FLOW_FROZEN_POTENTIAL(1) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return released(quick, shape).withPotential(LangevinFlow.Potential.FROZEN_AT_ZERO);
        }
    },

    /**
     * Ablation (iii) of §7.5: LangevinFlow with damping {@code γ = 1}, so that each velocity is
     * fresh forcing {@code √2 ξ_t} and the position a random walk; otherwise as
     * {@link #LANGEVIN_FLOW}.
     */
    LANGEVIN_FLOW_GAMMA_ONE(1) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return new LangevinFlow(parameters(quick).withGamma(1.0), shape);
        }
    },

    /**
     * Ablation (iv) of §7.5: LangevinFlow whose decoder input gets the sinusoidal position
     * encoding, so that the decoder knows each bin's place in the trial; otherwise as
     * {@link #LANGEVIN_FLOW}.
     */
    LANGEVIN_FLOW_POSITIONS(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return released(quick, shape).withPositions(LangevinFlow.Positions.SINUSOIDAL);
        }
    },

    /**
     * LangevinFlow trained with coordinated dropout as it was proposed: no gradient on the
     * entries the encoder saw ({@link LatentTrainingParameters.CdGradient#BLOCKED}), where the
     * release lets half of them through (brief §3). Otherwise as {@link #LANGEVIN_FLOW}.
     */
    LANGEVIN_FLOW_BLOCKED_CD(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return released(quick, shape);
        }

        @Override
        public LatentTrainingParameters training(boolean quick) {
            return blockedCd(quick);
        }
    },

    /**
     * Ablation (iv), {@link #LANGEVIN_FLOW_POSITIONS}, trained with blocked coordinated dropout
     * as {@link #LANGEVIN_FLOW_BLOCKED_CD}: does a decoder that knows the time copy the shown
     * spikes only because the release's dropout lets it?
     */
    LANGEVIN_FLOW_POSITIONS_BLOCKED_CD(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return LANGEVIN_FLOW_POSITIONS.model(quick, shape);
        }

        @Override
        public LatentTrainingParameters training(boolean quick) {
            return blockedCd(quick);
        }
    },

    /**
     * LangevinFlow trained on a true negative ELBO, as the paper describes its objective (brief
     * §4, item 2), where the release is not a bound: the Poisson NLL summed over bins and neurons
     * per trial, plus the KL of {@code q(z₀, v₀)} with weight 1 at full ramp and no per-step
     * velocity penalty ({@link LangevinFlow.KlTerm#INITIAL_STATE}). Architecture, data, schedule
     * and coordinated dropout are those of {@link #LANGEVIN_FLOW}.
     */
    LANGEVIN_FLOW_ELBO(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return new LangevinFlow(parameters(quick), shape,
                LangevinFlow.DecoderInput.LATENTS_AND_STATES, LangevinFlow.KlTerm.INITIAL_STATE);
        }

        @Override
        public LatentTrainingParameters training(boolean quick) {
            return LANGEVIN_FLOW.training(quick).withObjective(1.0,
                LatentTrainingParameters.Reconstruction.SUM_PER_TRIAL);
        }
    },

    /** The GRU sequential VAE baseline (§7.3), trained as a per-trial ELBO with the same CD. */
    LFADS_LITE(3) {
        @Override
        public LatentModel model(boolean quick, LatentShape shape) {
            return new LfadsLite(quick ? LfadsLiteParameters.quick()
                : LfadsLiteParameters.defaults(), shape);
        }

        @Override
        public LatentTrainingParameters training(boolean quick) {
            return LfadsLite.training(quick ? LatentTrainingParameters.quick()
                : LatentTrainingParameters.defaults());
        }
    };

    /** How many seeds, {@code 0, 1, ...}, are committed at the default scale. */
    private final int committedSeeds;

    LatentArchitecture(int committedSeeds) {
        this.committedSeeds = committedSeeds;
    }

    /** LangevinFlow's sizes at a scale. */
    private static LangevinFlowParameters parameters(boolean quick) {
        return quick ? LangevinFlowParameters.quick() : LangevinFlowParameters.defaults();
    }

    /** The released LangevinFlow at a scale, which the ablations modify. */
    private static LangevinFlow released(boolean quick, LatentShape shape) {
        return new LangevinFlow(parameters(quick), shape);
    }

    /** The release's training with coordinated dropout's gradient blocked on shown entries. */
    private static LatentTrainingParameters blockedCd(boolean quick) {
        return LANGEVIN_FLOW.training(quick).withCdGradient(
            LatentTrainingParameters.CdGradient.BLOCKED);
    }

    /**
     * The methods the notebook compares over seeds: LangevinFlow and LFADS-lite (ablations are
     * trained and shown separately).
     *
     * @return the two architectures
     */
    public static java.util.List<LatentArchitecture> compared() {
        return java.util.List.of(LANGEVIN_FLOW, LFADS_LITE);
    }

    /**
     * The seeds whose default-scale weights are committed in {@code datasets/langevin-flow}:
     * {@code 0, 1, 2}, except {@code 0} alone for ablations (ii) and (iii) (a quarter of an hour
     * of training each), which the notebook compares against the spread of LangevinFlow's seeds.
     *
     * @return a fresh array of seeds
     */
    public long[] defaultSeeds() {
        return java.util.stream.LongStream.range(0, committedSeeds).toArray();
    }

    /**
     * The model for data of {@code shape}.
     *
     * @param quick the quick scale if true, else the default scale
     * @param shape the data shape
     * @return the model
     */
    public abstract LatentModel model(boolean quick, LatentShape shape);

    /**
     * How it is trained: by default as the release trains LangevinFlow (its objective, the
     * brief's schedule), which every ablation keeps.
     *
     * @param quick the quick scale if true, else the default scale
     * @return the parameters
     */
    public LatentTrainingParameters training(boolean quick) {
        return quick ? LatentTrainingParameters.quick() : LatentTrainingParameters.defaults();
    }

    /**
     * The file-name part: the constant in lower case with hyphens ({@code langevin-flow}).
     *
     * @return the slug
     */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The architecture of a slug or constant name, case and separators ignored.
     *
     * @param text e.g. {@code langevin-flow} or {@code LFADS_LITE}
     * @return the architecture
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LatentArchitecture parse(String text) {
        Objects.requireNonNull(text, "text");
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (LatentArchitecture a : values()) {
            if (a.name().equals(key)) {
                return a;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (LatentArchitecture a : values()) {
            expected.append(expected.length() == 0 ? "" : ", ").append(a.slug());
        }
        throw new IllegalArgumentException("unknown architecture '" + text + "'; expected one of "
            + expected);
    }
}
