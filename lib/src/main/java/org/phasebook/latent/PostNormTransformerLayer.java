package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;

import java.util.Map;
import java.util.SplittableRandom;

import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Scalars;

/**
 * PyTorch's {@code nn.TransformerEncoderLayer(d, heads, ff, dropout, batch_first=True)} with
 * its default post-norm arrangement and ReLU, written from array operations (DJL's own
 * transformer block is BERT-style), brief {@code langevin-flow.md} §2 "Decoder":
 * <pre>
 *   a = MultiHeadAttention(s)            packed in-projection, softmax(QKᵀ/√(d/h)), dropout on the weights
 *   s ← LN₁(s + Drop(a))
 *   s ← LN₂(s + Drop(W₂ Drop(ReLU(W₁ s + b₁)) + b₂))
 * </pre>
 * with no mask and no positional encoding (attention sees every bin). Initialisation as in the
 * release: in-projection Xavier-uniform with zero bias, out-projection PyTorch-default with zero
 * bias, the feed-forward layers PyTorch-default, LayerNorms (1, 0), and then the weights of
 * {@code W₁}, {@code W₂} and the out-projection multiplied by {@code scale} (T-Fixup's
 * {@code 0.67 · 3^(−1/4)} in the release).
 */
final class PostNormTransformerLayer {

    /** LayerNorm's epsilon, PyTorch's default. */
    static final float LAYER_NORM_EPS = 1e-5f;

    private PostNormTransformerLayer() {
    }

    /**
     * Adds the layer's weights under {@code name.}: {@code in_proj.weight} ({@code 3d x d}),
     * {@code in_proj.bias}, {@code out_proj.weight/bias}, {@code linear1/2.weight/bias},
     * {@code norm1/2.weight/bias}.
     */
    static void initialise(NamedWeights w, String name, int d, int ff, double scale,
                           SplittableRandom random) {
        var m = w.manager();
        double xavier = Math.sqrt(6.0 / (d + 3.0 * d));
        w.addParameter(name + ".in_proj.weight",
            Layers.uniform(m, new Shape(3L * d, d), xavier, random));
        w.addParameter(name + ".in_proj.bias", m.zeros(new Shape(3L * d)));
        w.addParameter(name + ".out_proj.weight",
            Layers.uniform(m, new Shape(d, d), scale / Math.sqrt(d), random));
        w.addParameter(name + ".out_proj.bias", m.zeros(new Shape(d)));
        double b1 = 1 / Math.sqrt(d);
        w.addParameter(name + ".linear1.weight",
            Layers.uniform(m, new Shape(ff, d), scale * b1, random));
        w.addParameter(name + ".linear1.bias", Layers.uniform(m, new Shape(ff), b1, random));
        double b2 = 1 / Math.sqrt(ff);
        w.addParameter(name + ".linear2.weight",
            Layers.uniform(m, new Shape(d, ff), scale * b2, random));
        w.addParameter(name + ".linear2.bias", Layers.uniform(m, new Shape(d), b2, random));
        for (String norm : new String[] {".norm1", ".norm2"}) {
            w.addParameter(name + norm + ".weight", m.ones(new Shape(d)));
            w.addParameter(name + norm + ".bias", m.zeros(new Shape(d)));
        }
    }

    /**
     * The dropout masks of one pass (each {@code null} in evaluation or when {@code p = 0}):
     * on the attention weights {@code (B, heads, T, T)}, after attention {@code (B, T, d)},
     * inside the feed-forward block {@code (B, T, ff)} and after it {@code (B, T, d)}.
     */
    record Masks(NDArray attention, NDArray afterAttention, NDArray inner, NDArray afterFeedForward) {

        static final Masks NONE = new Masks(null, null, null, null);

        static Masks draw(TensorNoise noise, ai.djl.ndarray.NDManager m, int b, int t, int d,
                          int ff, int heads, double p) {
            if (p == 0) {
                return NONE;
            }
            return new Masks(noise.dropout(m, new Shape(b, heads, t, t), p),
                noise.dropout(m, new Shape(b, t, d), p),
                noise.dropout(m, new Shape(b, t, ff), p),
                noise.dropout(m, new Shape(b, t, d), p));
        }
    }

    /**
     * The layer applied to {@code s} ({@code B x T x d}).
     *
     * @param heads the number of heads, dividing {@code d}
     * @param masks dropout masks, {@link Masks#NONE} in evaluation
     * @return {@code B x T x d}
     */
    static NDArray apply(Map<String, NDArray> w, String name, NDArray s, int heads, Masks masks) {
        Shape shape = s.getShape();
        long b = shape.get(0);
        long t = shape.get(1);
        long d = shape.get(2);
        long dh = d / heads;
        // (B, T, 3d) -> q, k, v, each (B, heads, T, dh). A split, not three selects of one array:
        // the gradient of each select is a zero-filled array of the whole (B, T, 3d) size, three
        // per step, where a split's gradient is one concatenation. Same values either way.
        NDList qkv = Layers.linear(w, name + ".in_proj", s).split(3, 2);
        NDArray q = heads(qkv.get(0), heads, dh);
        NDArray k = heads(qkv.get(1), heads, dh);
        NDArray v = heads(qkv.get(2), heads, dh);
        NDArray scores = Scalars.mul(q.matMul(k.transpose(0, 1, 3, 2)), 1 / Math.sqrt(dh)).softmax(-1);
        if (masks.attention() != null) {
            scores = scores.mul(masks.attention());
        }
        NDArray attended = scores.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, d);
        NDArray a = Layers.linear(w, name + ".out_proj", attended);
        s = norm(w, name + ".norm1", s.add(drop(a, masks.afterAttention())));
        NDArray inner = drop(Activation.relu(Layers.linear(w, name + ".linear1", s)), masks.inner());
        NDArray f = Layers.linear(w, name + ".linear2", inner);
        return norm(w, name + ".norm2", s.add(drop(f, masks.afterFeedForward())));
    }

    /** {@code (B, T, d)} to {@code (B, heads, T, dh)}. */
    private static NDArray heads(NDArray x, int heads, long dh) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, dh).transpose(0, 2, 1, 3);
    }

    private static NDArray drop(NDArray x, NDArray mask) {
        return mask == null ? x : x.mul(mask);
    }

    private static NDArray norm(Map<String, NDArray> w, String name, NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(2)), w.get(name + ".weight"),
            w.get(name + ".bias"), LAYER_NORM_EPS).singletonOrThrow();
    }
}
