package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;

/**
 * A sequential latent-variable model of binned spike counts: an immutable architecture whose
 * forward pass is a function of a weight map, so that one trainer ({@link LatentTrainer}) fits
 * every model (LangevinFlow and its baselines) the same way.
 */
public interface LatentModel {

    /**
     * A short name for tables and figure legends.
     *
     * @return the name
     */
    String name();

    /**
     * The data shape the model reads and writes.
     *
     * @return the shape
     */
    LatentShape shape();

    /**
     * Fresh weights with the model's initialisation, drawn from {@code random}.
     *
     * @param manager the parent manager of the weights
     * @param random  the generator of the initial values
     * @return the weights; the caller closes them
     */
    NamedWeights initialise(NDManager manager, SplittableRandom random);

    /**
     * The forward pass.
     *
     * @param weights  the weight map ({@link NamedWeights#view()} or
     *                 {@link NamedWeights#trainableCopies()})
     * @param input    the encoder's input: held-in counts over observed bins,
     *                 {@code B x T_o x N_in}, float32 (already masked in training)
     * @param noise    the source of every random draw of the pass
     * @param training whether dropout is on (reparameterisation and other sampling noise is
     *                 drawn in both modes, as the release evaluates)
     * @return log-rates, KL and latents; some intermediate arrays may be made in the weights'
     *     manager, so call it inside an {@code NDScope} (as the trainer and inference do)
     */
    LatentForward forward(Map<String, NDArray> weights, NDArray input, TensorNoise noise,
                          boolean training);
}
