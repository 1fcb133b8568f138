package org.phasebook.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic between an array and a Java number that is safe inside a
 * {@code GradientCollector}.
 *
 * <p>DJL's {@code mul(Number)}, {@code add(Number)} and the like wrap the number in an array
 * over a Java direct buffer ({@code from_blob}) and close that array right after the operation.
 * Autograd may keep the operand for the backward pass; once the buffer is garbage collected the
 * backward pass reads freed memory and the gradients become NaN or garbage, depending on when
 * the collector runs (seen as a NaN gradient norm at the second training step). The methods
 * here use a 0-d clone owned by libtorch instead, which lives as long as autograd needs it. The
 * scalar has the array's data type, so a {@code float32} array stays {@code float32}.
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * A 0-d array owned by libtorch, of {@code like}'s data type and manager.
     *
     * @param like  the array whose type and manager to use
     * @param value the value
     * @return the scalar array
     */
    public static NDArray of(NDArray like, double value) {
        // duplicate() clones in libtorch; toType alone may return the Java-buffer view itself.
        try (NDArray wrapped = like.getManager().create(value);
             NDArray typed = wrapped.toType(like.getDataType(), false)) {
            return typed.duplicate();
        }
    }

    /**
     * {@code x · c}.
     *
     * @param x the array
     * @param c the factor
     * @return the product
     */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(of(x, c));
    }

    /**
     * {@code x + c}.
     *
     * @param x the array
     * @param c the term
     * @return the sum
     */
    public static NDArray add(NDArray x, double c) {
        return x.add(of(x, c));
    }

    /**
     * {@code c − x}.
     *
     * @param c the minuend
     * @param x the array
     * @return the difference
     */
    public static NDArray rsub(double c, NDArray x) {
        return of(x, c).sub(x);
    }
}
