package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Scalars;

/**
 * LFADS-lite, the sequential-VAE baseline of brief {@code langevin-flow.md} §7.3, built from
 * the LFADS papers: Sussillo et al., <i>LFADS — Latent Factor Analysis via Dynamical
 * Systems</i> (arXiv:1608.06315), and Pandarinath et al., <i>Inferring single-trial neural
 * population dynamics using sequential auto-encoders</i> (Nature Methods 15, 805–815, 2018).
 * <ol>
 *   <li><b>Encoder.</b> Two GRU cells ({@code N_in → E}) read the held-in counts of the
 *       observed bins, one over {@code t = 0..T_o−1} ({@code encoder.forward.*}) and one over
 *       {@code t = T_o−1..0} ({@code encoder.backward.*}), both from a zero state. Their final
 *       states, concatenated ({@code 2E}), are dropped out ({@code p}, training only).</li>
 *   <li><b>Initial condition.</b> Two linear maps give the mean {@code μ} and log-variance
 *       {@code log σ²} of {@code g₀ ∈ ℝ^{G₀}} ({@code g0.mean.*}, {@code g0.logvar.*});
 *       {@code g₀ = μ + σ ⊙ ε} with {@code ε ~ N(0, I)} from the {@link TensorNoise}, drawn in
 *       training and in evaluation alike (as {@link LatentModel#forward} asks).</li>
 *   <li><b>Generator.</b> The state starts at a linear map of {@code g₀}
 *       ({@code generator.initial.*}) and evolves autonomously for all {@code T = T_o + T_f}
 *       bins; the state after step {@code t} is bin {@code t}'s state. The cell is PyTorch's
 *       {@code nn.GRUCell} with an empty input: its input gates are the constant
 *       {@code bias_ih}, so it has {@code generator.cell.weight_hh}, {@code .bias_ih} and
 *       {@code .bias_hh} but no {@code weight_ih}. ({@code bias_ih} and {@code bias_hh} are
 *       redundant in the reset and update gates but not in the candidate gate, where
 *       {@code bias_hh} is scaled by the reset gate; both are kept, as in PyTorch.)</li>
 *   <li><b>Readout.</b> The generator states, dropped out ({@code p}, training only, not fed
 *       back into the recurrence, as lfads-torch does), map linearly <i>without bias</i> to
 *       {@code F} factors ({@code factors.weight}, as LFADS), and the factors map linearly with
 *       bias to the log-rates of all {@code N} neurons ({@code readout.*}).</li>
 * </ol>
 * The KL term is {@code Σ_i ½(−log σ²_i − 1 + μ_i² + σ²_i)} of {@code q(g₀)} against the
 * {@code N(0, I)} prior, summed over dimensions and divided by {@code B}; the latents for
 * decoding are the (undropped) generator states, {@code B x T x G}. Trained with
 * {@link #training(LatentTrainingParameters)} the objective is the per-trial ELBO of §7.3.
 *
 * <p><b>Simplified from LFADS:</b> no controller and no inferred inputs (the generator is
 * autonomous, so its trajectory is a function of {@code g₀} alone); zero rather than learned
 * initial encoder states; no input dropout (coordinated dropout already masks the input); a
 * fixed {@code N(0, I)} prior without a learned mean, variance or posterior-variance floor; no
 * clipping of the generator state or the gradient; no separate L2 penalty on the recurrent
 * weights (the trainer's coupled weight decay acts on all weights); PyTorch's default
 * initialisations (no factor-weight normalisation).
 */
public final class LfadsLite implements LatentModel {

    private final LfadsLiteParameters parameters;
    private final LatentShape shape;

    /**
     * The architecture for data of {@code shape}.
     *
     * @param parameters the sizes and the dropout
     * @param shape      the data's bins and neurons
     */
    public LfadsLite(LfadsLiteParameters parameters, LatentShape shape) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /**
     * LFADS's objective on top of {@code base}: KL weight 1 at full ramp and the Poisson NLL
     * summed over bins and neurons and averaged over trials
     * ({@link LatentTrainingParameters.Reconstruction#SUM_PER_TRIAL}), i.e. the negative ELBO
     * per trial with the KL weight ramped in; every other setting (batch, epochs, rate, decay,
     * ramp, coordinated dropout, schedule) is kept, so that the baseline is trained like the
     * model it is compared with (§7.3 "same CD and KL ramp").
     *
     * <p>It lives here rather than on {@link LfadsLiteParameters} because the objective belongs
     * to the method, not to its sizes: the parameters record stays a pure architecture record,
     * like {@link LangevinFlowParameters}, and a caller reads
     * {@code LfadsLite.training(LatentTrainingParameters.defaults())}.
     *
     * @param base the other training settings
     * @return a copy of {@code base} with the LFADS objective
     */
    public static LatentTrainingParameters training(LatentTrainingParameters base) {
        Objects.requireNonNull(base, "base");
        return base.withObjective(1.0, LatentTrainingParameters.Reconstruction.SUM_PER_TRIAL);
    }

    /**
     * The architecture's parameters.
     *
     * @return the parameters
     */
    public LfadsLiteParameters parameters() {
        return parameters;
    }

    @Override
    public String name() {
        return "LFADS-lite";
    }

    @Override
    public LatentShape shape() {
        return shape;
    }

    @Override
    public NamedWeights initialise(NDManager manager, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        int e = parameters.encoderHidden();
        int g0 = parameters.initialConditionSize();
        int g = parameters.generatorHidden();
        int f = parameters.factors();
        NamedWeights w = new NamedWeights(manager);
        try {
            Layers.gru(w, "encoder.forward", shape.heldIn(), e, random);
            Layers.gru(w, "encoder.backward", shape.heldIn(), e, random);
            Layers.linear(w, "g0.mean", 2 * e, g0, random);
            Layers.linear(w, "g0.logvar", 2 * e, g0, random);
            Layers.linear(w, "generator.initial", g0, g, random);
            // nn.GRUCell(0, G) without its empty weight_ih; PyTorch's bound 1/√G.
            double bound = 1 / Math.sqrt(g);
            NDManager m = w.manager();
            w.addParameter("generator.cell.weight_hh",
                Layers.uniform(m, new Shape(3L * g, g), bound, random));
            w.addParameter("generator.cell.bias_ih",
                Layers.uniform(m, new Shape(3L * g), bound, random));
            w.addParameter("generator.cell.bias_hh",
                Layers.uniform(m, new Shape(3L * g), bound, random));
            // nn.Linear(G, F, bias=False): weight uniform on ±1/√G.
            w.addParameter("factors.weight",
                Layers.uniform(m, new Shape(f, g), 1 / Math.sqrt(g), random));
            Layers.linear(w, "readout", f, shape.neurons(), random);
            return w;
        } catch (RuntimeException ex) {
            w.close();
            throw ex;
        }
    }

    @Override
    public LatentForward forward(Map<String, NDArray> w, NDArray input, TensorNoise noise,
                                 boolean training) {
        Objects.requireNonNull(w, "weights");
        Objects.requireNonNull(noise, "noise");
        LangevinFlow.checkInput(input, shape);
        NDManager m = input.getManager();
        int b = Math.toIntExact(input.getShape().get(0));
        int t = shape.bins();
        int g = parameters.generatorHidden();
        double p = training ? parameters.dropout() : 0;

        NDArray encoded = encode(w, input);
        if (p > 0) {
            encoded = encoded.mul(noise.dropout(m, encoded.getShape(), p));
        }
        NDArray mu = Layers.linear(w, "g0.mean", encoded);
        NDArray logVar = Layers.linear(w, "g0.logvar", encoded);
        NDArray g0 = mu.add(Scalars.mul(logVar, 0.5).exp()
            .mul(noise.normal(m, new Shape(b, parameters.initialConditionSize()))));

        NDArray state = Layers.linear(w, "generator.initial", g0);
        // The empty input's gates: bias_ih alone, broadcast over the batch by gruStep's adds.
        NDArray inputGates = w.get("generator.cell.bias_ih").reshape(1, 3L * g);
        List<NDArray> states = new ArrayList<>(t);
        for (int step = 0; step < t; step++) {
            state = Layers.gruStep(w, "generator.cell", inputGates, state);
            states.add(state);
        }
        NDArray generator = NDArrays.stack(new NDList(states), 1);
        NDArray read = p > 0 ? generator.mul(noise.dropout(m, new Shape(b, t, g), p)) : generator;
        NDArray factors = read.matMul(w.get("factors.weight").transpose());
        NDArray logRates = Layers.linear(w, "readout", factors);
        return new LatentForward(logRates, gaussianKl(mu, logVar), generator);
    }

    /**
     * The bidirectional encoder's final states: the forward GRU after reading
     * {@code t = 0..T_o−1} and the backward GRU after reading {@code t = T_o−1..0}, both from
     * zero, concatenated.
     *
     * @param w     the weights
     * @param input {@code B x T_o x N_in}
     * @return {@code B x 2E}, forward state first
     */
    NDArray encode(Map<String, NDArray> w, NDArray input) {
        int to = Math.toIntExact(input.getShape().get(1));
        long b = input.getShape().get(0);
        int e = parameters.encoderHidden();
        // Input gates of every step at once, then time-major for per-step slicing.
        NDArray forwardGates = Layers.gruInputs(w, "encoder.forward", input).transpose(1, 0, 2);
        NDArray backwardGates = Layers.gruInputs(w, "encoder.backward", input)
            .transpose(1, 0, 2);
        NDManager m = input.getManager();
        NDArray forward = m.zeros(new Shape(b, e));
        NDArray backward = m.zeros(new Shape(b, e));
        for (int step = 0; step < to; step++) {
            forward = Layers.gruStep(w, "encoder.forward", forwardGates.get(step), forward);
            backward = Layers.gruStep(w, "encoder.backward", backwardGates.get(to - 1 - step),
                backward);
        }
        return NDArrays.concat(new NDList(forward, backward), 1);
    }

    /**
     * The KL of {@code N(μ, diag σ²)} from {@code N(0, I)} per trial:
     * {@code Σ ½(−log σ² − 1 + μ² + σ²)} over all entries, divided by the batch size (the
     * first axis).
     *
     * @param mu     {@code B x D}
     * @param logVar {@code B x D}
     * @return a scalar
     */
    static NDArray gaussianKl(NDArray mu, NDArray logVar) {
        NDArray sum = Scalars.add(mu.square().add(logVar.exp()).sub(logVar), -1).sum();
        return Scalars.mul(sum, 0.5 / mu.getShape().get(0));
    }

    @Override
    public String toString() {
        return "LFADS-lite: " + parameters + " on " + shape;
    }
}
