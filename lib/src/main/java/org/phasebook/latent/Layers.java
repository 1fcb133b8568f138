package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.ndarray.NDList;

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
        // libtorch's fused linear: one operation (and one backward node) instead of three.
        return Linear.linear(x, w.get(name + ".weight"), w.get(name + ".bias"))
            .singletonOrThrow();
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
     * A GRU over a whole sequence with libtorch's fused operator ({@code torch::gru}, one layer,
     * batch first), the same gate equations as {@link #gruStep}. With {@code masks == null} the
     * sequence is one call; with dropout masks the operator runs one step at a time so that the
     * dropped state is what recurs (the release's {@code Dropout(GRUCell(u_t, h_{t−1}))}), which
     * is still one call per step instead of the sixteen of {@link #gruStep}.
     *
     * @param u     inputs {@code B x T x in}
     * @param h0    the initial state {@code B x H}
     * @param masks dropout masks {@code T x B x H} (0 or {@code 1/(1−p)}), or null
     * @return the states after every step, {@code B x T x H}
     */
    static NDArray gruSequence(Map<String, NDArray> w, String name, NDArray u, NDArray h0,
                               NDArray masks) {
        NDList params = new NDList(w.get(name + ".weight_ih"), w.get(name + ".weight_hh"),
            w.get(name + ".bias_ih"), w.get(name + ".bias_hh"));
        NDArray h = h0.expandDims(0);
        if (masks == null) {
            return u.getNDArrayInternal().gru(u, h, params, true, 1, 0, true, false, true).get(0);
        }
        int t = Math.toIntExact(u.getShape().get(1));
        NDList states = new NDList(t);
        for (int step = 0; step < t; step++) {
            NDArray ut = u.get(":, {}:{}, :", step, step + 1);
            NDArray out = u.getNDArrayInternal().gru(ut, h, params, true, 1, 0, true, false, true)
                .get(1);
            h = out.mul(masks.get(step));
            states.add(h.get(0));
        }
        return ai.djl.ndarray.NDArrays.stack(states, 1);
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
