package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Scalars;

/**
 * LangevinFlow (Song et al., arXiv:2507.11531) as released (brief {@code langevin-flow.md} §2):
 * a sequential VAE whose latents follow underdamped Langevin dynamics.
 * <ol>
 *   <li><b>Encoder.</b> A GRU cell ({@code N_in → H}) reads the held-in counts with the
 *       release's one-step lag: {@code u₀ = x₀}, {@code u_t = x_{t−1}} for {@code 1 ≤ t < T_o},
 *       and the last observed bin repeated for the forward bins; the state is dropped out
 *       ({@code p}) after every step and the dropped state recurs.</li>
 *   <li><b>Initial posterior.</b> Four linear maps of {@code h₀} give the means and
 *       log-variances of {@code z₀} and {@code v₀}, sampled by reparameterisation.</li>
 *   <li><b>Langevin latents.</b> For {@code t = 1..T−1}: {@code z_t = z_{t−1} + η v_{t−1}},
 *       {@code v_t = (1 − γ)(v_{t−1} − η ∇U(z_{t−1})) + √(2γ) ξ_t}, with the locally coupled
 *       oscillator potential {@code U} of {@link CoupledOscillatorPotential} (its kernel
 *       {@code K} starts at zero). Because {@code U} is quadratic, {@code ∇U(z) = S z} with a
 *       symmetric {@code S} built once per pass: one matrix product per step instead of the
 *       release's double back-propagation.</li>
 *   <li><b>Decoder.</b> One post-norm transformer layer ({@link PostNormTransformerLayer}) over
 *       {@code [z_t; v_t; h_t]} for all {@code T} bins, no mask and no positions, then a linear
 *       readout to log-rates of all {@code N} neurons (expected counts per bin).</li>
 * </ol>
 * The ablations of brief §7.5 are options of the same class: a decoder on {@code h_t} alone
 * ({@link DecoderInput#STATES_ONLY}), {@code K} frozen at zero ({@link #withPotential}), and
 * sinusoidal positions added to the decoder's input ({@link #withPositions}); {@code γ = 1} is a
 * parameter ({@link LangevinFlowParameters#withGamma}).
 * The KL term is the release's (§3): the Gaussian KL of {@code q(z₀)} and {@code q(v₀)} against
 * {@code N(0, I)}, plus, per step, {@code ½(ln 0.1 − 2γ − 1 + v_t²/0.1 + e^{2γ}/0.1)} summed over
 * units — an L2 penalty {@code 5‖v_t‖²} plus a constant, not the KL of any transition posterior.
 * {@link KlTerm#INITIAL_STATE} keeps only the KL of {@code q(z₀)} and {@code q(v₀)}: the
 * transitions are the prior's own Langevin steps, so their KL is zero, and with the per-trial
 * summed reconstruction ({@link LatentArchitecture#LANGEVIN_FLOW_ELBO}) the objective is then a
 * true negative ELBO, as the paper describes it (brief §4, item 2).
 * Every draw (the posterior's {@code ε}, the forcing {@code ξ}, dropout masks) comes from the
 * {@link TensorNoise} passed in.
 */
public final class LangevinFlow implements LatentModel {

    /** What the decoder reads at each bin. */
    public enum DecoderInput {
        /** {@code [z_t; v_t; h_t]}, width {@code 3H}: the release. */
        LATENTS_AND_STATES,
        /**
         * {@code h_t} only, width {@code H}: ablation (i) of brief §7.5, which asks whether the
         * Langevin latents add anything to the GRU states. The latents, their KL and the
         * objective are unchanged; only the decoder no longer sees them.
         */
        STATES_ONLY
    }

    /** Whether the potential's kernel {@code K} is learned. */
    public enum Potential {
        /** {@code K} is a trained parameter, starting at zero: the release. */
        LEARNED,
        /**
         * {@code K} is held at zero, so {@code U ≡ 0} and the latents move by inertia, damping
         * and forcing alone: ablation (ii) of brief §7.5. {@code K} is then a buffer, not a
         * parameter, and the saved weights do not contain it.
         */
        FROZEN_AT_ZERO
    }

    /** Whether the decoder is told where in the sequence each bin is. */
    public enum Positions {
        /** No position signal: the release, whose decoder is permutation-equivariant in time. */
        NONE,
        /**
         * The fixed sinusoidal encoding of Vaswani et al. added to the decoder's input at every
         * bin ({@link #sinusoidalPositions}): ablation (iv) of brief §7.5.
         */
        SINUSOIDAL
    }

    /** Which KL the forward pass returns for the objective. */
    public enum KlTerm {
        /** The release's: KL of {@code z₀, v₀} plus the per-step velocity "KL" (§3). */
        RELEASED,
        /** KL of {@code z₀, v₀} only: the transitions follow the prior, whose KL is zero. */
        INITIAL_STATE
    }

    private final LangevinFlowParameters parameters;
    private final LatentShape shape;
    private final DecoderInput decoderInput;
    private final KlTerm klTerm;
    private final Potential potential;
    private final Positions positions;

    /**
     * The released architecture for data of {@code shape}.
     *
     * @param parameters the sizes and constants
     * @param shape      the data's bins and neurons
     */
    public LangevinFlow(LangevinFlowParameters parameters, LatentShape shape) {
        this(parameters, shape, DecoderInput.LATENTS_AND_STATES);
    }

    /**
     * The architecture with a chosen decoder input.
     *
     * @param parameters   the sizes and constants ({@code heads} must divide the decoder width)
     * @param shape        the data's bins and neurons
     * @param decoderInput what the decoder reads
     */
    public LangevinFlow(LangevinFlowParameters parameters, LatentShape shape,
                        DecoderInput decoderInput) {
        this(parameters, shape, decoderInput, KlTerm.RELEASED);
    }

    /**
     * The architecture with a chosen decoder input and KL term.
     *
     * @param parameters   the sizes and constants ({@code heads} must divide the decoder width)
     * @param shape        the data's bins and neurons
     * @param decoderInput what the decoder reads
     * @param klTerm       which KL the objective gets
     */
    public LangevinFlow(LangevinFlowParameters parameters, LatentShape shape,
                        DecoderInput decoderInput, KlTerm klTerm) {
        this(parameters, shape, decoderInput, klTerm, Potential.LEARNED, Positions.NONE);
    }

    private LangevinFlow(LangevinFlowParameters parameters, LatentShape shape,
                         DecoderInput decoderInput, KlTerm klTerm, Potential potential,
                         Positions positions) {
        this.potential = Objects.requireNonNull(potential, "potential");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.decoderInput = Objects.requireNonNull(decoderInput, "decoderInput");
        this.klTerm = Objects.requireNonNull(klTerm, "klTerm");
        if (decoderWidth() % parameters.heads() != 0) {
            throw new IllegalArgumentException("heads = " + parameters.heads()
                + " must divide the decoder width " + decoderWidth());
        }
    }

    /**
     * The same architecture with the potential learned or frozen at zero.
     *
     * @param value how {@code K} is treated
     * @return a copy
     */
    public LangevinFlow withPotential(Potential value) {
        return new LangevinFlow(parameters, shape, decoderInput, klTerm, value, positions);
    }

    /**
     * The same architecture with or without a position encoding in the decoder.
     *
     * @param value the position signal
     * @return a copy
     */
    public LangevinFlow withPositions(Positions value) {
        return new LangevinFlow(parameters, shape, decoderInput, klTerm, potential, value);
    }

    /**
     * Whether {@code K} is learned.
     *
     * @return the potential's treatment
     */
    public Potential potential() {
        return potential;
    }

    /**
     * The decoder's position signal.
     *
     * @return the positions
     */
    public Positions positions() {
        return positions;
    }

    /**
     * What the decoder reads.
     *
     * @return the decoder input
     */
    public DecoderInput decoderInput() {
        return decoderInput;
    }

    /**
     * Which KL the objective gets.
     *
     * @return the KL term
     */
    public KlTerm klTerm() {
        return klTerm;
    }

    /**
     * The decoder's width: {@code 3H}, or {@code H} when it reads the GRU states only.
     *
     * @return the width {@code d}
     */
    public int decoderWidth() {
        return decoderInput == DecoderInput.STATES_ONLY ? parameters.hidden()
            : parameters.decoderWidth();
    }

    /**
     * The architecture's parameters.
     *
     * @return the parameters
     */
    public LangevinFlowParameters parameters() {
        return parameters;
    }

    @Override
    public String name() {
        String name = decoderInput == DecoderInput.STATES_ONLY ? "LangevinFlow, decoder on h only"
            : "LangevinFlow";
        if (potential == Potential.FROZEN_AT_ZERO) {
            name += ", K frozen at 0";
        }
        if (positions == Positions.SINUSOIDAL) {
            name += ", sinusoidal positions";
        }
        return klTerm == KlTerm.INITIAL_STATE ? name + " (ELBO)" : name;
    }

    @Override
    public LatentShape shape() {
        return shape;
    }

    @Override
    public NamedWeights initialise(NDManager manager, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        int h = parameters.hidden();
        NamedWeights w = new NamedWeights(manager);
        try {
            Layers.gru(w, "encoder", shape.heldIn(), h, random);
            for (String head : new String[] {"mu_z", "logvar_z", "mu_v", "logvar_v"}) {
                Layers.linear(w, "posterior." + head, h, h, random);
            }
            NDArray k = w.manager().zeros(new Shape(4, 4, 3));
            if (potential == Potential.LEARNED) {
                w.addParameter("potential.K", k);
            } else {
                w.addBuffer("potential.K", k);
            }
            w.addBuffer("potential.basis",
                CoupledOscillatorPotential.basis(w.manager(), h, DataType.FLOAT32));
            PostNormTransformerLayer.initialise(w, "decoder", decoderWidth(),
                parameters.feedForward(), LangevinFlowParameters.TFIXUP_SCALE, random);
            Layers.linear(w, "readout", decoderWidth(), shape.neurons(), random);
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    @Override
    public LatentForward forward(Map<String, NDArray> w, NDArray input, TensorNoise noise,
                                 boolean training) {
        Objects.requireNonNull(w, "weights");
        Objects.requireNonNull(noise, "noise");
        checkInput(input, shape);
        NDManager m = input.getManager();
        int b = Math.toIntExact(input.getShape().get(0));
        int t = shape.bins();
        int h = parameters.hidden();
        double p = training ? parameters.dropout() : 0;

        NDArray states = encode(w, input, noise, m, b, p);
        NDArray h0 = states.get(":, 0, :");
        NDArray muZ = Layers.linear(w, "posterior.mu_z", h0);
        NDArray logVarZ = Layers.linear(w, "posterior.logvar_z", h0);
        NDArray muV = Layers.linear(w, "posterior.mu_v", h0);
        NDArray logVarV = Layers.linear(w, "posterior.logvar_v", h0);
        NDArray z = muZ.add(Scalars.mul(logVarZ, 0.5).exp().mul(noise.normal(m, new Shape(b, h))));
        NDArray v = muV.add(Scalars.mul(logVarV, 0.5).exp().mul(noise.normal(m, new Shape(b, h))));

        NDArray hessian = CoupledOscillatorPotential.hessian(
            CoupledOscillatorPotential.normalise(w.get("potential.K")), w.get("potential.basis"));
        NDArray xi = t > 1 ? noise.normal(m, new Shape(t - 1, b, h)) : null;
        NDList path = integrate(z, v, hessian, xi, t, parameters.eta(), parameters.gamma());
        NDArray zAll = path.get(0);
        NDArray vAll = path.get(1);

        double gamma = parameters.gamma();
        NDArray kl = gaussianKl(muZ, logVarZ).add(gaussianKl(muV, logVarV));
        if (klTerm == KlTerm.INITIAL_STATE) {
            kl = Scalars.mul(kl, 1.0 / b);
        } else {
            if (t > 1) {
                NDArray later = vAll.get(":, 1:, :");
                kl = kl.add(Scalars.mul(later.square().sum(), 5.0));
            }
            kl = Scalars.add(Scalars.mul(kl, 1.0 / b), stepKlConstant(gamma) * (t - 1) * h);
        }

        NDArray latents = decoderInput == DecoderInput.STATES_ONLY ? states
            : NDArrays.concat(new NDList(zAll, vAll, states), 2);
        var masks = training
            ? PostNormTransformerLayer.Masks.draw(noise, m, b, t, decoderWidth(),
                parameters.feedForward(), parameters.heads(), p)
            : PostNormTransformerLayer.Masks.NONE;
        NDArray decoderIn = latents;
        if (positions == Positions.SINUSOIDAL) {
            // Broadcast over the batch; the returned latents stay the model's own state.
            decoderIn = latents.add(m.create(sinusoidalPositions(t, decoderWidth()),
                new Shape(t, decoderWidth())));
        }
        NDArray decoded = PostNormTransformerLayer.apply(w, "decoder", decoderIn,
            parameters.heads(), masks);
        NDArray logRates = Layers.linear(w, "readout", decoded);
        return new LatentForward(logRates, kl, latents);
    }

    /**
     * The release's Langevin recursion (explicit Euler, damping and noise not scaled by
     * {@code η}): for {@code t = 1..T−1},
     * {@code z_t = z_{t−1} + η v_{t−1}} and
     * {@code v_t = (1 − γ)(v_{t−1} − η S z_{t−1}) + √(2γ) ξ_t}, where {@code S z = ∇U(z)}.
     *
     * @param z0      {@code B x H}
     * @param v0      {@code B x H}
     * @param hessian the symmetric {@code S}, {@code H x H}
     * @param xi      the forcing, {@code (T−1) x B x H}, or null when {@code T = 1}
     * @param bins    {@code T >= 1}
     * @param eta     the step {@code η}
     * @param gamma   the damping {@code γ}
     * @return {@code z} and {@code v} for every bin, each {@code B x T x H}
     */
    static NDList integrate(NDArray z0, NDArray v0, NDArray hessian, NDArray xi, int bins,
                            double eta, double gamma) {
        // The recursion is linear in x = [z v]: x_t = x_{t−1} A + [0, √(2γ) ξ_t] with
        // A = [[I, −(1−γ)η S], [η I, (1−γ) I]] (S symmetric), one product and one sum per step.
        NDManager m = z0.getManager();
        long h = z0.getShape().get(1);
        long b = z0.getShape().get(0);
        NDArray identity = m.eye(Math.toIntExact(h));
        NDArray top = NDArrays.concat(new NDList(identity, Scalars.mul(hessian,
            -(1 - gamma) * eta)), 1);
        NDArray bottom = NDArrays.concat(new NDList(Scalars.mul(identity, eta),
            Scalars.mul(identity, 1 - gamma)), 1);
        NDArray a = NDArrays.concat(new NDList(top, bottom), 0);
        NDArray x = NDArrays.concat(new NDList(z0, v0), 1);
        NDArray forcing = bins > 1
            ? NDArrays.concat(new NDList(m.zeros(new Shape(bins - 1, b, h)),
                Scalars.mul(xi, Math.sqrt(2 * gamma))), 2)
            : null;
        List<NDArray> xs = new ArrayList<>(bins);
        xs.add(x);
        for (int step = 1; step < bins; step++) {
            x = x.matMul(a).add(forcing.get(step - 1));
            xs.add(x);
        }
        NDArray all = NDArrays.stack(new NDList(xs), 1);
        return new NDList(all.get(":, :, :{}", h), all.get(":, :, {}:", h));
    }

    /**
     * The sinusoidal position encoding of the original transformer (Vaswani et al. 2017),
     * {@code P[t][2i] = sin(t / 10000^(2i/d))} and {@code P[t][2i+1] = cos(t / 10000^(2i/d))},
     * row-major {@code bins x width}: bin {@code t} gets a distinct, bounded signature that a
     * linear map can turn into relative offsets.
     *
     * @param bins  {@code T >= 1}
     * @param width {@code d >= 1}
     * @return {@code bins * width} values in {@code [-1, 1]}
     */
    public static float[] sinusoidalPositions(int bins, int width) {
        if (bins < 1 || width < 1) {
            throw new IllegalArgumentException("bins and width must be >= 1, got " + bins + " and "
                + width);
        }
        float[] p = new float[Math.multiplyExact(bins, width)];
        for (int t = 0; t < bins; t++) {
            for (int j = 0; j < width; j++) {
                double angle = t / Math.pow(10_000, (j - j % 2) / (double) width);
                p[t * width + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return p;
    }

    /**
     * The constant of the release's per-step, per-unit "KL",
     * {@code ½(ln 0.1 − 2γ − 1 + e^{2γ}/0.1)} (≈ 12.8 at {@code γ = 0.55}); it has no gradient.
     *
     * @param gamma the damping
     * @return the constant
     */
    public static double stepKlConstant(double gamma) {
        return 0.5 * (Math.log(0.1) - 2 * gamma - 1 + Math.exp(2 * gamma) / 0.1);
    }

    /** {@code Σ ½(−log σ² − 1 + μ² + σ²)} over all entries. */
    private static NDArray gaussianKl(NDArray mu, NDArray logVar) {
        return Scalars.mul(Scalars.add(mu.square().add(logVar.exp()).sub(logVar), -1).sum(), 0.5);
    }

    /**
     * The GRU encoder over the lagged input schedule; returns {@code B x T x H}.
     */
    private NDArray encode(Map<String, NDArray> w, NDArray x, TensorNoise noise, NDManager m,
                           int b, double p) {
        int to = shape.observedBins();
        int t = shape.bins();
        int h = parameters.hidden();
        NDList parts = new NDList(x.get(":, 0:1, :"), x.get(":, 0:{}, :", to - 1));
        if (shape.forwardBins() > 0) {
            parts.add(x.get(":, {}:, :", to - 1).repeat(1, shape.forwardBins()));
        }
        NDArray u = NDArrays.concat(parts, 1);
        NDArray masks = p > 0 ? noise.dropout(m, new Shape(t, b, h), p) : null;
        return Layers.gruSequence(w, "encoder", u, m.zeros(new Shape(b, h)), masks);
    }

    static void checkInput(NDArray input, LatentShape shape) {
        Objects.requireNonNull(input, "input");
        Shape s = input.getShape();
        if (s.dimension() != 3 || s.get(0) < 1 || s.get(1) != shape.observedBins()
            || s.get(2) != shape.heldIn()) {
            throw new IllegalArgumentException("input must be B x T_o x N_in = B x "
                + shape.observedBins() + " x " + shape.heldIn() + ", got " + s);
        }
        if (input.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("input must be float32, got "
                + input.getDataType());
        }
    }

    @Override
    public String toString() {
        return name() + ": " + parameters + " on " + shape;
    }
}
