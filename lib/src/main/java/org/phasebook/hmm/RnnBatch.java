package org.phasebook.hmm;

import ai.djl.ndarray.NDArray;

/**
 * The arrays of one forward pass of {@link NoiseDrivenRnn} over {@code B} sequences of
 * {@code T} steps. Close the record (or the {@code NDScope} it was made in) to free them.
 *
 * @param outputs the straight-through one-hot outputs flattened per sequence, {@code B x (K T)}:
 *                row {@code n} is {@code [y_1, …, y_T]} of sequence {@code n}, each {@code y_t}
 *                exactly one-hot in value, with the gradient of the soft sample {@code s_t}
 * @param soft    the Gumbel-softmax samples {@code s_t = softmax(l_t + g_t)}, {@code T x B x K}
 * @param logits  the logits {@code l_t = A h_t}, {@code T x B x K}
 * @param hidden  the hidden states {@code h_1..h_T}, {@code T x B x H}; null when the forward
 *                pass was asked not to keep them (a training step)
 */
public record RnnBatch(NDArray outputs, NDArray soft, NDArray logits, NDArray hidden)
    implements AutoCloseable {

    /**
     * The sampled symbols, the argmax of each {@code y_t}.
     *
     * @return {@code symbols[n][t]} in {@code 0..K-1}
     */
    public int[][] symbols() {
        long[] shape = soft.getShape().getShape();
        int t = (int) shape[0];
        int b = (int) shape[1];
        int k = (int) shape[2];
        float[] y = outputs.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int[][] symbols = new int[b][t];
        for (int n = 0; n < b; n++) {
            for (int s = 0; s < t; s++) {
                int base = (n * t + s) * k;
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (y[base + c] > y[base + best]) {
                        best = c;
                    }
                }
                symbols[n][s] = best;
            }
        }
        return symbols;
    }

    @Override
    public void close() {
        outputs.close();
        soft.close();
        logits.close();
        if (hidden != null) {
            hidden.close();
        }
    }
}
