package org.phasebook.latent;

import ai.djl.ndarray.NDArray;

/**
 * What a latent model's forward pass returns, as arrays of the caller's scope.
 *
 * @param logRates log expected counts per bin, {@code B x T x N} (all neurons, all bins)
 * @param kl       the model's KL (or prior) term of the batch: a scalar, summed over latent
 *                 dimensions and time and divided by {@code B}
 * @param latents  the representation a decoder reads, {@code B x T x D}, for latent decoding
 */
public record LatentForward(NDArray logRates, NDArray kl, NDArray latents) {
}
