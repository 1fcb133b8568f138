package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.Map;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;

/**
 * The two standard layers the latent models are built from, written as functions of a weight
 * map so that a training step can differentiate them with respect to copies: PyTorch's
 * {@code nn.Linear} (weight {@code out x in}, bias {@code out}) and {@code nn.GRUCell}, with
 * PyTorch's initialisations drawn in Java from a seeded generator.
 */
final class Layers {

    private Layers() {
    }

    /**
     * Uniform draws on {@code [-bound, bound)} as a float32 array.
     */
    static NDArray uniform(NDManager manager, Shape shape, double bound, SplittableRandom random) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return manager.create(v, shape);
    }

    /**
     * Adds {@code name.weight} and {@code name.bias} of an {@code nn.Linear(in, out)} with
     * PyTorch's default initialisation (Kaiming-uniform with {@code a = √5}, which is uniform
     * on {@code ±1/√in} for the weight, and the same bound for the bias).
     */
    static void linear(NamedWeights w, String name, int in, int out, SplittableRandom random) {
        double bound = 1 / Math.sqrt(in);
        w.addParameter(name + ".weight", uniform(w.manager(), new Shape(out, in), bound, random));
        w.addParameter(name + ".bias", uniform(w.manager(), new Shape(out), bound, random));
    }

    /**
     * {@code x Wᵀ + b} over the last axis of {@code x}.
     */
    static NDArray linear(Map<String, NDArray> w, String name, NDArray x) {
        return x.matMul(w.get(name + ".weight").transpose()).add(w.get(name + ".bias"));
    }

    /**
     * Adds the four arrays of an {@code nn.GRUCell(in, hidden)}: {@code name.weight_ih}
     * ({@code 3H x in}), {@code name.weight_hh} ({@code 3H x H}), {@code name.bias_ih},
     * {@code name.bias_hh} ({@code 3H}), all uniform on {@code ±1/√H}; gate blocks in PyTorch's
     * order (reset, update, new).
     */
    static void gru(NamedWeights w, String name, int in, int hidden, SplittableRandom random) {
        double bound = 1 / Math.sqrt(hidden);
        NDManager m = w.manager();
        w.addParameter(name + ".weight_ih", uniform(m, new Shape(3L * hidden, in), bound, random));
        w.addParameter(name + ".weight_hh",
            uniform(m, new Shape(3L * hidden, hidden), bound, random));
        w.addParameter(name + ".bias_ih", uniform(m, new Shape(3L * hidden), bound, random));
        w.addParameter(name + ".bias_hh", uniform(m, new Shape(3L * hidden), bound, random));
    }

    /**
     * The input half of a GRU cell for every time step at once, {@code u W_ihᵀ + b_ih}: one
     * matrix product instead of one per step.
     *
     * @param u inputs {@code (..., in)}
     * @return {@code (..., 3H)}
     */
    static NDArray gruInputs(Map<String, NDArray> w, String name, NDArray u) {
        return u.matMul(w.get(name + ".weight_ih").transpose()).add(w.get(name + ".bias_ih"));
    }

    /**
     * One GRU step in PyTorch's convention from precomputed input gates {@code gi = u W_ihᵀ +
     * b_ih} ({@code B x 3H}): {@code r = σ(gi_r + gh_r)}, {@code ζ = σ(gi_z + gh_z)},
     * {@code n = tanh(gi_n + r ⊙ gh_n)}, {@code h′ = n + ζ ⊙ (h − n)} with
     * {@code gh = h W_hhᵀ + b_hh}.
     *
     * @param gi the input gates of this step, {@code B x 3H}
     * @param h  the state, {@code B x H}
     * @return the next state, {@code B x H}
     */
    static NDArray gruStep(Map<String, NDArray> w, String name, NDArray gi, NDArray h) {
        NDArray gh = h.matMul(w.get(name + ".weight_hh").transpose()).add(w.get(name + ".bias_hh"));
        long hidden = h.getShape().get(1);
        // Reset and update gates in one sigmoid over the first 2H columns.
        NDArray gates = Activation.sigmoid(gi.get(":, :{}", 2 * hidden)
            .add(gh.get(":, :{}", 2 * hidden)));
        NDArray r = gates.get(":, :{}", hidden);
        NDArray zeta = gates.get(":, {}:", hidden);
        NDArray n = gi.get(":, {}:", 2 * hidden)
            .add(r.mul(gh.get(":, {}:", 2 * hidden))).tanh();
        return n.add(zeta.mul(h.sub(n)));
    }
}
