package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The random draws of a forward pass (reparameterisation noise, Langevin forcing, dropout and
 * coordinated-dropout masks), made in Java from one seeded {@link SplittableRandom} and
 * uploaded as {@code float32} arrays, so that a seed fixes a training run whatever the native
 * library does (brief {@code langevin-flow.md} §9). Each call consumes the generator in
 * row-major order. Mutable, not thread-safe: one per run or per pass.
 */
public final class TensorNoise {

    private final SplittableRandom random;

    /**
     * Noise from {@code random}, which is advanced by every draw.
     *
     * @param random the generator
     */
    public TensorNoise(SplittableRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Noise from a fresh generator seeded with {@code seed}.
     *
     * @param seed the seed
     * @return the noise source
     */
    public static TensorNoise seeded(long seed) {
        return new TensorNoise(new SplittableRandom(seed));
    }

    /**
     * Standard normal draws ({@link SplittableRandom#nextGaussian()}).
     *
     * @param manager the manager of the new array
     * @param shape   the shape
     * @return a float32 array of independent N(0, 1) values
     */
    public NDArray normal(NDManager manager, Shape shape) {
        float[] v = new float[checkedSize(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return manager.create(v, shape);
    }

    /**
     * A Bernoulli mask: 1 with probability {@code keep}, else 0 (see {@link #dropout} for how
     * the uniform draws are made).
     *
     * @param manager the manager of the new array
     * @param shape   the shape
     * @param keep    the probability of a 1, in {@code [0, 1]}
     * @return a float32 array of 0s and 1s
     */
    public NDArray bernoulli(NDManager manager, Shape shape, double keep) {
        if (!(keep >= 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in [0, 1], got " + keep);
        }
        try (NDArray bits = upload(manager, shape, keepBits(checkedSize(shape), keep))) {
            return bits.toType(DataType.FLOAT32, false);
        }
    }

    /**
     * An inverted-dropout mask as {@code torch.nn.Dropout(p)} applies in training: each entry
     * is 0 with probability {@code p} and {@code 1/(1 − p)} otherwise, so the mean is kept.
     *
     * <p>Masks are most of a training step's draws (3.7 million at the default scale), so each
     * 64-bit draw of the generator decides two entries: entry {@code i} is kept when its 32-bit
     * half {@code u} satisfies {@code u ≥ round(p · 2³²)}, a drop probability within
     * {@code 2⁻³³} of {@code p}. The mask travels to libtorch as bytes.
     *
     * @param manager the manager of the new array
     * @param shape   the shape
     * @param p       the drop probability, in {@code [0, 1)}
     * @return a float32 array
     */
    public NDArray dropout(NDManager manager, Shape shape, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p);
        }
        try (NDArray bits = upload(manager, shape, keepBits(checkedSize(shape), 1 - p))) {
            return bits.toType(DataType.FLOAT32, false).muli(1 / (1 - p));
        }
    }

    /** One byte per entry, 1 with probability {@code keep}: two entries per 64-bit draw. */
    private byte[] keepBits(int size, double keep) {
        long threshold = Math.round((1 - keep) * 0x1p32);
        byte[] bits = new byte[size];
        int i = 0;
        for (; i + 1 < size; i += 2) {
            long r = random.nextLong();
            bits[i] = (r & 0xFFFFFFFFL) >= threshold ? (byte) 1 : 0;
            bits[i + 1] = (r >>> 32) >= threshold ? (byte) 1 : 0;
        }
        if (i < size) {
            bits[i] = (random.nextLong() & 0xFFFFFFFFL) >= threshold ? (byte) 1 : 0;
        }
        return bits;
    }

    private static NDArray upload(NDManager manager, Shape shape, byte[] bits) {
        return manager.create(ByteBuffer.wrap(bits), shape, DataType.UINT8);
    }

    private static int checkedSize(Shape shape) {
        Objects.requireNonNull(shape, "shape");
        long size = shape.size();
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + shape + " is too large for one draw");
        }
        return (int) size;
    }
}
