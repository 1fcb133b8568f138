package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.phasebook.nn.Adam;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.GradientClipping;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Scalars;
import org.phasebook.nn.Torch;

/**
 * One optimiser step of a {@link LatentModel} (brief {@code langevin-flow.md} §3), the building
 * block of {@link LatentTrainer}, usable alone (the benchmark times it):
 * <ol>
 *   <li><b>coordinated dropout</b> with keep probability {@code c}: an input mask
 *       {@code m ~ Bernoulli(c)} on the held-in observed entries (the encoder sees
 *       {@code x ⊙ m / c}) and a pass mask {@code q ~ Bernoulli(1 − c)}; the gradient mask
 *       {@code G = (1 − m) ∨ q} there and 1 on held-out neurons and forward bins;</li>
 *   <li>the forward pass on {@linkplain NamedWeights#trainableCopies() copies} of the weights,
 *       the Poisson NLL {@code e^ℓ − yℓ} of every entry, reduced with the value of all entries
 *       but the gradient of {@code G = 1} entries only
 *       ({@code G ⊙ NLL + stopgrad((1 − G) ⊙ NLL)}), plus {@code κ · KL};</li>
 *   <li>after the collector closes, one {@link Adam} step with the given rate and coupled weight
 *       decay (no clipping, as the release).</li>
 * </ol>
 * Masks, dropout and sampling noise come from the {@link TensorNoise} passed in. Every
 * temporary array is closed before a call returns. Mutable (the optimiser's moments), not
 * thread-safe; close it to free them (the weights stay open).
 */
public final class LatentTrainingStep implements AutoCloseable {

    private final Torch torch;
    private final LatentModel model;
    private final NamedWeights weights;
    private final LatentTrainingParameters training;
    private final Adam adam;

    /**
     * A step that trains {@code weights} of {@code model}.
     *
     * @param torch    the engine
     * @param model    the architecture
     * @param weights  its weights, updated in place
     * @param training the CD keep probability and reconstruction reduction (the rate, decay
     *                 and KL weight are passed per step, since they follow schedules)
     */
    public LatentTrainingStep(Torch torch, LatentModel model, NamedWeights weights,
                              LatentTrainingParameters training) {
        this.torch = Objects.requireNonNull(torch, "torch");
        this.model = Objects.requireNonNull(model, "model");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.training = Objects.requireNonNull(training, "training");
        this.adam = new Adam(AdamParameters.torchDefaults().withLearningRate(
            training.learningRate()));
    }

    /**
     * What one batch measured, before the update.
     *
     * @param loss           the total loss {@code reconstruction + κ · KL}
     * @param reconstruction the reduced Poisson NLL (every entry's value)
     * @param kl             the KL term (per trial)
     * @param gradientNorm   the global norm of the gradient
     */
    public record Result(double loss, double reconstruction, double kl, double gradientNorm) {
    }

    /**
     * One training step on the given trials.
     *
     * @param data         the trials
     * @param indices      the batch's trial indices
     * @param noise        the source of masks and noise
     * @param klWeight     {@code κ} of this epoch, {@code >= 0}
     * @param learningRate the rate of this epoch
     * @param weightDecay  the coupled decay of this epoch
     * @return the batch's losses and gradient norm
     */
    public Result step(LatentData data, int[] indices, TensorNoise noise, double klWeight,
                       double learningRate, double weightDecay) {
        check(data);
        Objects.requireNonNull(noise, "noise");
        if (!(klWeight >= 0) || !Double.isFinite(klWeight)) {
            throw new IllegalArgumentException("klWeight must be finite and >= 0, got "
                + klWeight);
        }
        try (NDScope scope = new NDScope(); NDManager m = weights.manager().newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray x = data.input(m, indices);
            NDArray y = data.targets(m, indices);
            NDArray gradientMask = null;
            double keep = training.cdKeep();
            if (keep < 1) {
                Shape in = x.getShape();
                NDArray inputMask = noise.bernoulli(m, in, keep);
                x = Scalars.mul(x.mul(inputMask), 1 / keep);
                // G = (1 − m) ∨ q: the release's pass mask q ~ Bernoulli(1 − c) lets the gradient
                // through on part of the shown entries. Blocked CD has q = 0 and draws no pass
                // mask; the leaky variant draws it where it always did, so its runs are unchanged.
                boolean leaky = training.cdGradient() == LatentTrainingParameters.CdGradient.LEAKY;
                NDArray shownAndBlocked = leaky
                    ? inputMask.mul(Scalars.rsub(1, noise.bernoulli(m, in, 1 - keep)))
                    : inputMask;
                gradientMask = pad(Scalars.rsub(1, shownAndBlocked), data.shape());
            }
            Map<String, NDArray> copies = weights.trainableCopies();
            double total;
            double reconstruction;
            double kl;
            try (GradientCollector collector = torch.engine().newGradientCollector()) {
                LatentForward f = model.forward(copies, x, noise, true);
                NDArray nll = f.logRates().exp().sub(y.mul(f.logRates()));
                NDArray rec = reduce(nll, gradientMask);
                NDArray loss = rec.add(Scalars.mul(f.kl(), klWeight));
                collector.backward(loss);
                total = scalar(loss);
                reconstruction = scalar(rec);
                kl = scalar(f.kl());
            }
            List<NDArray> gradients = new ArrayList<>();
            for (String name : weights.parameterNames()) {
                gradients.add(copies.get(name).getGradient());
            }
            double norm = GradientClipping.globalNorm(gradients);
            adam.step(weights.parameters(), gradients, learningRate, weightDecay);
            return new Result(total, reconstruction, kl, norm);
        }
    }

    /**
     * The losses of the current weights on the given trials in evaluation mode (no dropout, no
     * coordinated dropout; sampling noise on), without gradients.
     *
     * @param data    the trials
     * @param indices the trial indices
     * @param noise   the sampling noise
     * @return the plain reduced Poisson NLL and the KL (loss = NLL + KL, gradient norm NaN)
     */
    public Result evaluate(LatentData data, int[] indices, TensorNoise noise) {
        check(data);
        Objects.requireNonNull(noise, "noise");
        try (NDScope scope = new NDScope(); NDManager m = weights.manager().newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray y = data.targets(m, indices);
            LatentForward f = model.forward(weights.view(), data.input(m, indices), noise, false);
            NDArray nll = f.logRates().exp().sub(y.mul(f.logRates()));
            double rec = scalar(reduce(nll, null));
            double kl = scalar(f.kl());
            return new Result(rec + kl, rec, kl, Double.NaN);
        }
    }

    /**
     * The number of optimiser steps taken.
     *
     * @return the count
     */
    public int steps() {
        return adam.steps();
    }

    /** Frees the optimiser's moments. */
    @Override
    public void close() {
        adam.close();
    }

    private NDArray reduce(NDArray nll, NDArray gradientMask) {
        NDArray kept = nll;
        if (gradientMask != null) {
            // The value of every entry, the gradient of the G = 1 entries only.
            kept = nll.mul(gradientMask).add(nll.mul(Scalars.rsub(1, gradientMask)).stopGradient());
        }
        if (training.reconstruction() == LatentTrainingParameters.Reconstruction.MEAN_PER_ENTRY) {
            return kept.mean();
        }
        return Scalars.mul(kept.sum(), 1.0 / nll.getShape().get(0));
    }

    /** Pads the held-in observed mask with ones to {@code B x T x N}. */
    private static NDArray pad(NDArray heldInObserved, LatentShape shape) {
        NDManager m = heldInObserved.getManager();
        long b = heldInObserved.getShape().get(0);
        NDArray observed = shape.heldOut() > 0
            ? NDArrays.concat(new NDList(heldInObserved,
                m.ones(new Shape(b, shape.observedBins(), shape.heldOut()))), 2)
            : heldInObserved;
        if (shape.forwardBins() == 0) {
            return observed;
        }
        return NDArrays.concat(new NDList(observed,
            m.ones(new Shape(b, shape.forwardBins(), shape.neurons()))), 1);
    }

    private void check(LatentData data) {
        Objects.requireNonNull(data, "data");
        data.requireShapeOf(model);
    }

    private static double scalar(NDArray a) {
        return a.toType(DataType.FLOAT64, false).getDouble();
    }
}
