package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The random numbers one forward pass of the RNN generator consumes, drawn in Java so that a
 * seed fixes a run on any engine (brief {@code hmm-rnn.md} §4): standard normal inputs
 * {@code xi_t} ({@code x_t = sigma xi_t}) and standard Gumbel variables {@code g_t} for the hard
 * Gumbel-softmax, for {@code B} sequences of {@code T} steps.
 *
 * <p><b>Layout</b> (time-major, what the forward pass reads): {@code normals[(t B + n) d + j]}
 * and {@code gumbels[(t B + n) K + k]} for sequence {@code n}, step {@code t}, entry
 * {@code j} or {@code k}. <b>Draw order</b> (sequence-major, so that sequence {@code n} does not
 * depend on the batch size): for {@code n = 0..B-1}, for {@code t = 0..T-1}, {@code d}
 * {@link SplittableRandom#nextGaussian()} calls then {@code K} Gumbel draws. A Gumbel draw is
 * {@code -log(E)} with {@code E = -log(1 - u)} exponential and {@code u} one
 * {@link SplittableRandom#nextDouble()} ({@code u} is redrawn in the rare case {@code E = 0}),
 * the construction of PyTorch's {@code gumbel_softmax}. Values are rounded to float.
 *
 * <p>The arrays are those drawn, not copies; treat them as read-only.
 *
 * @param batch   {@code B >= 1}
 * @param length  {@code T >= 1}
 * @param inputs  {@code d >= 1}
 * @param outputs {@code K >= 1}
 * @param normals {@code T B d} standard normals
 * @param gumbels {@code T B K} standard Gumbel variables
 */
public record RnnNoise(int batch, int length, int inputs, int outputs, float[] normals,
                       float[] gumbels) {

    /** Checks sizes. */
    public RnnNoise {
        positive("batch (B)", batch);
        positive("length (T)", length);
        positive("inputs (d)", inputs);
        positive("outputs (K)", outputs);
        Objects.requireNonNull(normals, "normals");
        Objects.requireNonNull(gumbels, "gumbels");
        long cells = (long) batch * length;
        if (normals.length != cells * inputs) {
            throw new IllegalArgumentException("normals must hold T B d = " + cells * inputs
                + " values, got " + normals.length);
        }
        if (gumbels.length != cells * outputs) {
            throw new IllegalArgumentException("gumbels must hold T B K = " + cells * outputs
                + " values, got " + gumbels.length);
        }
    }

    /**
     * Draws the noise of one batch in the order of the class comment.
     *
     * @param batch   {@code B >= 1}
     * @param length  {@code T >= 1}
     * @param inputs  {@code d >= 1}
     * @param outputs {@code K >= 1}
     * @param random  the generator, advanced by {@code B T d} Gaussians and at least
     *                {@code B T K} doubles
     * @return the noise
     */
    public static RnnNoise draw(int batch, int length, int inputs, int outputs,
                                SplittableRandom random) {
        positive("batch (B)", batch);
        positive("length (T)", length);
        positive("inputs (d)", inputs);
        positive("outputs (K)", outputs);
        Objects.requireNonNull(random, "random");
        long cells = (long) batch * length;
        if (cells * Math.max(inputs, outputs) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("B T max(d, K) = " + cells * Math.max(inputs, outputs)
                + " values do not fit in one array; use smaller batches");
        }
        float[] normals = new float[(int) (cells * inputs)];
        float[] gumbels = new float[(int) (cells * outputs)];
        for (int n = 0; n < batch; n++) {
            for (int t = 0; t < length; t++) {
                int cell = t * batch + n;
                for (int j = 0; j < inputs; j++) {
                    normals[cell * inputs + j] = (float) random.nextGaussian();
                }
                for (int k = 0; k < outputs; k++) {
                    gumbels[cell * outputs + k] = (float) gumbel(random);
                }
            }
        }
        return new RnnNoise(batch, length, inputs, outputs, normals, gumbels);
    }

    /**
     * One standard Gumbel draw, {@code -log(-log(1 - u))}.
     *
     * @param random the generator
     * @return a finite Gumbel(0, 1) variate
     */
    static double gumbel(SplittableRandom random) {
        while (true) {
            double e = -Math.log(1.0 - random.nextDouble());
            if (e > 0) {
                return -Math.log(e);
            }
        }
    }

    /**
     * This noise with every normal multiplied by {@code c} (the Gumbel variables unchanged), for
     * homogeneity checks: inputs {@code c xi_t} under {@code sigma} equal inputs {@code xi_t}
     * under {@code c sigma}.
     *
     * @param c the factor, finite
     * @return new noise with scaled normals (rounded to float)
     */
    public RnnNoise scaledNormals(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be finite, got " + c);
        }
        float[] scaled = new float[normals.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (float) (c * normals[i]);
        }
        return new RnnNoise(batch, length, inputs, outputs, scaled, gumbels);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
