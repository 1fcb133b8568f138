package org.phasebook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Java {@code float[]} data handed to libtorch through one reused native buffer per thread.
 *
 * <p>Why: DJL's {@code NDManager.create(float[], Shape)} allocates a fresh direct buffer for every
 * array (zeroed by the JVM, freed only when the garbage collector finds it) and copies into it.
 * For the 153,600 input normals of one HMM-RNN batch at the default size that took 270–350 µs;
 * copying into a buffer kept from the last call and wrapping it took 40–75 µs (2026-11-30). Per
 * training step that is about 1 % of the step, spent only because the noise is drawn in Java.
 *
 * <p>The wrapped array shares the buffer's memory, so it is only lent to {@code op}, which must
 * compute from it a new array (an arithmetic result, or a copy); the view is closed when
 * {@code op} returns, and the buffer is reused by the next call on the same thread. A result
 * that is the view itself (for example {@code toType} to the type it has) is duplicated first.
 * Autograd must not keep the view either: inside a {@code GradientCollector}, use it only where
 * the backward pass does not read it (an addition, or a product with arrays that need no
 * gradient, as the HMM-RNN's {@code sigma xi}); otherwise let {@code op} return
 * {@code duplicate()} and compute with that.
 * The buffer grows to the largest data staged on the thread and is kept until the thread ends
 * (20 MB for the mechanism network's normals).
 */
public final class NativeStaging {

    private static final ThreadLocal<ByteBuffer> BUFFER = new ThreadLocal<>();

    private NativeStaging() {
    }

    /**
     * {@code op(a)} for a temporary float32 array {@code a} of the given shape holding
     * {@code values}.
     *
     * @param manager the manager of the temporary array (and usually of the result)
     * @param values  the data, row-major, {@code shape.size()} of them
     * @param shape   the shape
     * @param op      computes a new array from {@code a}, which it must not keep
     * @return {@code op}'s result, never sharing memory with the buffer
     * @throws IllegalArgumentException if {@code values} does not fill {@code shape}
     */
    public static NDArray apply(NDManager manager, float[] values, Shape shape,
                                UnaryOperator<NDArray> op) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(op, "op");
        if (shape.size() != values.length) {
            throw new IllegalArgumentException("values must fill the shape " + shape + " ("
                + shape.size() + " entries), got " + values.length);
        }
        ByteBuffer buffer = buffer(4L * values.length);
        buffer.asFloatBuffer().put(values);
        try (NDArray view = manager.create(buffer, shape, DataType.FLOAT32)) {
            NDArray result = op.apply(view);
            return result == view ? view.duplicate() : result;
        }
    }

    /** The thread's buffer, cleared, with room for {@code bytes}, limited to them. */
    private static ByteBuffer buffer(long bytes) {
        ByteBuffer buffer = BUFFER.get();
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.toIntExact(bytes))
                .order(ByteOrder.nativeOrder());
            BUFFER.set(buffer);
        }
        buffer.clear();
        buffer.limit((int) bytes);
        return buffer;
    }
}
