package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.phasebook.nn.Adam;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.GradientClipping;
import org.phasebook.nn.SinkhornDivergence;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

/**
 * One optimiser step of the paper's training (brief {@code hmm-rnn.md} §4–§5), the building
 * block of {@link RnnTrainer}, usable alone (the benchmark times it):
 * <ol>
 *   <li>a forward pass of the {@link NoiseDrivenRnn} on the given noise, inside a
 *       {@code GradientCollector}, with respect to {@linkplain NoiseDrivenRnn#trainableCopies()
 *       fresh copies} of the weights;</li>
 *   <li>the loss {@code S(outputs, targets)}, the debiased {@link SinkhornDivergence} between the
 *       {@code B x (K T)} one-hot outputs and a batch of one-hot HMM sequences, and its
 *       backward pass;</li>
 *   <li>after the collector is closed: clipping of the three gradients by their global norm
 *       ({@link GradientClipping}, PyTorch's {@code clip_grad_norm_}) and one {@link Adam} step
 *       on the model's weights.</li>
 * </ol>
 * Every array the step makes is closed before it returns. Mutable (the optimiser's state) and
 * not thread-safe; close it to free the optimiser's moments (the model stays open).
 */
public final class RnnTrainingStep implements AutoCloseable {

    private final Torch torch;
    private final NoiseDrivenRnn model;
    private final SinkhornDivergence loss;
    private final Adam adam;
    private final double clipNorm;

    /**
     * A step for {@code model}.
     *
     * @param torch    the engine (for the gradient collector)
     * @param model    the model to train; its weights are updated in place
     * @param adam     the optimiser's hyper-parameters
     * @param clipNorm the largest global gradient norm, finite and {@code > 0}
     * @param sinkhorn the loss's blur and scaling
     */
    public RnnTrainingStep(Torch torch, NoiseDrivenRnn model, AdamParameters adam, double clipNorm,
                           SinkhornParameters sinkhorn) {
        this.torch = Objects.requireNonNull(torch, "torch");
        this.model = Objects.requireNonNull(model, "model");
        this.adam = new Adam(Objects.requireNonNull(adam, "adam"));
        this.loss = new SinkhornDivergence(Objects.requireNonNull(sinkhorn, "sinkhorn"));
        if (!(clipNorm > 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and > 0, got " + clipNorm);
        }
        this.clipNorm = clipNorm;
    }

    /**
     * What a step measured.
     *
     * @param loss         the Sinkhorn loss of the batch, before the update
     * @param gradientNorm the global gradient norm before clipping
     */
    public record Result(double loss, double gradientNorm) {
    }

    /**
     * One training step on one batch.
     *
     * @param noise   the batch's inputs and Gumbel noise ({@code B} sequences of {@code T} steps)
     * @param targets the HMM batch, {@code M x (K T)} one-hot, of the model's data type
     * @return the loss before the update and the gradient norm
     */
    public Result step(RnnNoise noise, NDArray targets) {
        checkTargets(noise, targets);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> copies = model.trainableCopies();
            double value;
            try (GradientCollector collector = torch.engine().newGradientCollector()) {
                RnnBatch batch = NoiseDrivenRnn.forward(copies, model.parameters().noiseStd(),
                    noise, false);
                NDArray s = loss.divergence(batch.outputs(), targets);
                collector.backward(s);
                value = s.toType(DataType.FLOAT64, false).getDouble();
            }
            List<NDArray> gradients = new ArrayList<>(3);
            for (NDArray c : copies) {
                gradients.add(c.getGradient());
            }
            double norm = GradientClipping.clipByGlobalNorm(gradients, clipNorm);
            adam.step(model.weights(), gradients);
            return new Result(value, norm);
        }
    }

    /**
     * The loss of the current weights on one batch, without a gradient or an update (the
     * validation loss).
     *
     * @param noise   the batch's noise
     * @param targets the HMM batch, {@code M x (K T)} one-hot, of the model's data type
     * @return the Sinkhorn loss
     */
    public double loss(RnnNoise noise, NDArray targets) {
        checkTargets(noise, targets);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            RnnBatch batch = NoiseDrivenRnn.forward(model.weights(), model.parameters().noiseStd(),
                noise, false);
            return loss.value(batch.outputs(), targets).toType(DataType.FLOAT64, false)
                .getDouble();
        }
    }

    /**
     * The model trained.
     *
     * @return the model
     */
    public NoiseDrivenRnn model() {
        return model;
    }

    /**
     * The number of steps taken.
     *
     * @return the optimiser's step count
     */
    public int steps() {
        return adam.steps();
    }

    /** Frees the optimiser's moments. */
    @Override
    public void close() {
        adam.close();
    }

    /**
     * One-hot encodes sequences {@code from .. from + count - 1} of {@code symbols} into a
     * {@code count x (K T)} array: row {@code n} holds {@code T} blocks of {@code K} entries, the
     * layout of {@link RnnBatch#outputs()}.
     *
     * @param manager the manager of the new array
     * @param symbols sequences of equal length {@code T}, symbols in {@code 0..K-1}
     * @param from    the first sequence
     * @param count   the number of sequences, {@code >= 1}
     * @param outputs {@code K}
     * @param type    the data type, {@code FLOAT32} or {@code FLOAT64}
     * @return the one-hot array
     */
    public static NDArray oneHot(NDManager manager, int[][] symbols, int from, int count,
                                 int outputs, DataType type) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(symbols, "symbols");
        if (from < 0 || count < 1 || from + count > symbols.length) {
            throw new IllegalArgumentException("sequences " + from + ".." + (from + count - 1)
                + " are not within the " + symbols.length + " given");
        }
        int t = symbols[from].length;
        float[] values = new float[count * t * outputs];
        for (int n = 0; n < count; n++) {
            int[] row = symbols[from + n];
            if (row.length != t) {
                throw new IllegalArgumentException("sequence " + (from + n) + " has length "
                    + row.length + ", expected " + t);
            }
            for (int s = 0; s < t; s++) {
                if (row[s] < 0 || row[s] >= outputs) {
                    throw new IllegalArgumentException("symbol " + row[s] + " at sequence "
                        + (from + n) + ", step " + s + " is outside 0.." + (outputs - 1));
                }
                values[(n * t + s) * outputs + row[s]] = 1f;
            }
        }
        return manager.create(values, new Shape(count, (long) t * outputs)).toType(type, false);
    }

    private void checkTargets(RnnNoise noise, NDArray targets) {
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(targets, "targets");
        long columns = (long) noise.length() * noise.outputs();
        if (targets.getShape().dimension() != 2 || targets.getShape().get(1) != columns) {
            throw new IllegalArgumentException("targets must be M x (K T) = M x " + columns
                + ", got " + targets.getShape());
        }
        if (targets.getDataType() != model.dataType()) {
            throw new IllegalArgumentException("targets must have the model's data type "
                + model.dataType() + ", got " + targets.getDataType());
        }
    }
}
