package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Future;

import org.phasebook.nn.DrawAhead;

/**
 * The random draws of a forward pass (reparameterisation noise, Langevin forcing, dropout and
 * coordinated-dropout masks), made in Java from one seeded {@link SplittableRandom} and
 * uploaded as {@code float32} arrays, so that a seed fixes a training run whatever the native
 * library does (brief {@code langevin-flow.md} §9). Each call consumes the generator in
 * row-major order. Mutable, not thread-safe: one per run or per pass.
 *
 * <p><b>Drawing ahead.</b> A LangevinFlow training step at the default size spent about 7 % of
 * its time (10 of 145 ms) drawing its noise in Java.
 * A trainer that announces each pass with {@link #beginPass(int, int)} lets this class draw the
 * next pass's noise on a background thread while libtorch computes the current one. The first
 * pass of each key (a batch size) is drawn inline and recorded; later passes of that key are
 * drawn ahead from the record. One thread draws the requests in the order the passes will make
 * them, from the same generator, so the numbers are those of drawing inline; every request is
 * checked against what was drawn ahead for it, and a mismatch is an error, not other noise.
 */
public final class TensorNoise {

    /** What one request draws: standard normals, or keep bits with probability {@code keep}. */
    private record Draw(boolean normal, int size, double keep) {

        Object compute(SplittableRandom random) {
            return normal ? normals(size, random) : keepBits(size, keep, random);
        }
    }

    /** A request drawn ahead, with the values. */
    private record Drawn(Draw draw, Object values) {
    }

    private final SplittableRandom random;
    /** Requests of the current pass, in order. */
    private final List<Draw> pass = new ArrayList<>();
    /** The requests of the first pass of each key. */
    private final Map<Integer, List<Draw>> plans = new HashMap<>();
    /** Requests drawn or being drawn ahead, in the order they will be made. */
    private final ArrayDeque<Future<Drawn>> ahead = new ArrayDeque<>();
    private DrawAhead drawer;
    private Integer currentKey;
    /** The key of the pass whose requests are already queued ahead, or null. */
    private Integer queuedKey;

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
        return manager.create((float[]) take(new Draw(true, checkedSize(shape), 0)), shape);
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
        try (NDArray bits = upload(manager, shape, bits(shape, keep))) {
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
        try (NDArray bits = upload(manager, shape, bits(shape, 1 - p))) {
            return bits.toType(DataType.FLOAT32, false).muli(1 / (1 - p));
        }
    }

    /**
     * Starts a pass (a forward pass and what it draws) of the given key, and says the key of the
     * pass after it, so that its noise can be drawn ahead while this one computes.
     *
     * @param key     this pass's key, for example its batch size
     * @param nextKey the next pass's key, or a negative number when no pass follows
     * @throws IllegalStateException if the previous call announced another key for this pass
     */
    public void beginPass(int key, int nextKey) {
        if (currentKey != null) {
            plans.putIfAbsent(currentKey, List.copyOf(pass));
        }
        pass.clear();
        boolean queued = queuedKey != null;
        if (queued && queuedKey != key) {
            throw new IllegalStateException("the previous pass announced key " + queuedKey
                + " for this one, which has key " + key);
        }
        if (!queued && ahead.isEmpty() && plans.containsKey(key)) {
            queue(plans.get(key));
            queued = true;
        }
        queuedKey = null;
        if (queued && nextKey >= 0 && plans.containsKey(nextKey)) {
            queue(plans.get(nextKey));
            queuedKey = nextKey;
        }
        currentKey = key;
    }

    private void queue(List<Draw> plan) {
        if (drawer == null) {
            drawer = new DrawAhead("phasebook-noise-ahead");
        }
        for (Draw d : plan) {
            ahead.add(drawer.submit(() -> new Drawn(d, d.compute(random))));
        }
    }

    /** The values of request {@code d}: drawn ahead if it was queued, else drawn now. */
    private Object take(Draw d) {
        pass.add(d);
        Future<Drawn> next = ahead.poll();
        if (next == null) {
            // Nothing is queued, and every queued request was taken and waited for, so the
            // drawer has finished with the generator.
            return d.compute(random);
        }
        Drawn drawn = DrawAhead.join(next);
        if (!drawn.draw().equals(d)) {
            throw new IllegalStateException("noise request " + d + " differs from the "
                + drawn.draw() + " drawn ahead for it: a pass of this key drew other noise");
        }
        return drawn.values();
    }

    private byte[] bits(Shape shape, double keep) {
        return (byte[]) take(new Draw(false, checkedSize(shape), keep));
    }

    private static float[] normals(int size, SplittableRandom random) {
        float[] v = new float[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** One byte per entry, 1 with probability {@code keep}: two entries per 64-bit draw. */
    private static byte[] keepBits(int size, double keep, SplittableRandom random) {
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
