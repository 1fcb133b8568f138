package org.phasebook.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;

import java.util.Arrays;

/**
 * LangevinFlow's potential, "a network of locally coupled oscillators" (Song et al.,
 * arXiv:2507.11531; brief {@code shared/papers/langevin-flow.md} §2), as plain-double reference
 * code and as differentiable DJL arrays.
 *
 * <p><b>Notation.</b> The parameter {@code K} has shape {@code 4×4×3}, indexed
 * {@code K[c][c′][k]} (out channel {@code c}, in channel {@code c′}, tap {@code k}). Each
 * 3-tap kernel is L2-normalised at use,
 * {@code K̂[c,c′,·] = K[c,c′,·] / max(‖K[c,c′,·]‖₂, 10⁻¹²)}, so zero kernels stay zero. A latent
 * {@code z ∈ ℝ^H} ({@code H ≥ 4}, divisible by 4) is read row-major as {@code Z ∈ ℝ^{4×L}},
 * {@code L = H/4}: channel {@code c} holds {@code z[cL .. (c+1)L − 1]}, and index
 * {@code (c, l)} is {@code z[c·L + l]}. With the padded cross-correlation
 * {@code (K̂⋆Z)_{c,l} = Σ_{c′} Σ_{k=0..2} K̂[c,c′,k] Z_{c′,l+k−1}} (zero outside
 * {@code 0..L−1}),
 * <pre>
 *   U(z) = Σ_l a_l s_l,   a_l = Σ_c (K̂⋆Z)_{c,l},   s_l = Σ_{c′} Z_{c′,l}.
 * </pre>
 * The released code computes {@code ∇U} by double back-propagation; here it is explicit. With
 * {@code κ[c′,k] = Σ_c K̂[c,c′,k]}, {@code U = zᵀQz} for the {@code H×H} matrix
 * {@code Q[(c′, l+k−1), (c″, l)] = κ[c′,k]} (every {@code c″}; terms with {@code l+k−1} outside
 * {@code 0..L−1} omitted), so {@code ∇U(z) = Sz} and {@code ∇²U = S} with {@code S = Q + Qᵀ},
 * symmetric. Componentwise, {@code ∂U/∂Z_{c′,m} = a_m + Σ_k κ[c′,k] s_{m−k+1}}.
 *
 * <p><b>Plain doubles.</b> {@link #normalise(double[][][])}, {@link #kappa},
 * {@link #energy(double[][][], double[])}, {@link #gradient(double[][][], double[])} and
 * {@link #hessian(double[][][], int)} are reference implementations for tests and analysis (the
 * Hessian's spectrum). Each follows its own formula above, so they check one another. Arguments
 * are validated (shape, finiteness) and never modified.
 *
 * <p><b>DJL.</b> The model normalises {@code K} and builds {@code S} once per forward pass
 * ({@link #normalise(NDArray)}, {@link #hessian(NDArray, NDArray)}), then takes one
 * {@link #gradient(NDArray, NDArray)} {@code = zS}, a single matrix product, per Langevin step.
 * Gradients with respect to {@code K} flow through all three; no higher-order autodiff is
 * needed. {@code S} is the tensordot of {@code κ} (flattened to 12) with a constant 0/1
 * {@link #basis}, which a caller may build once per {@code H} and reuse.
 * {@link #energy(NDArray, NDArray)} evaluates {@code U} independently, with the released code's
 * convolution. Arrays are {@code float32} or {@code float64} (all arguments of one call of one
 * type, which the result keeps); shapes and types are checked, values are not (that would
 * synchronise with the device). Temporaries are closed before a method returns; results belong
 * to the first array argument's manager and to the caller's {@link NDScope}, if any.
 *
 * <p>Initialisation (brief §2): the release starts from {@code K = 0}, where {@code U ≡ 0} and
 * the gradient reaching {@code K} is the upstream gradient of {@code K̂} times {@code 10¹²}.
 * {@link #normalise(NDArray)} reproduces PyTorch's {@code F.normalize} there, finite rather
 * than NaN.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class CoupledOscillatorPotential {

    /** Number of channels; the hidden size {@code H} is {@code 4L}. */
    public static final int CHANNELS = 4;
    /** Taps of each kernel. */
    public static final int TAPS = 3;
    /** Lower bound of the kernel norms in the normalisation, as in {@code F.normalize}. */
    public static final double NORM_FLOOR = 1e-12;
    /** Number of entries of {@code κ}: {@code CHANNELS × TAPS}, the leading size of the basis. */
    public static final int KAPPA_SIZE = CHANNELS * TAPS;

    private CoupledOscillatorPotential() {
    }

    // --- plain doubles -------------------------------------------------------------------------

    /**
     * The normalised kernels {@code K̂[c,c′,·] = K[c,c′,·] / max(‖K[c,c′,·]‖₂, 10⁻¹²)}.
     *
     * @param k the raw kernels, {@code 4×4×3}, finite
     * @return a new {@code 4×4×3} array; non-zero kernels have unit norm, zero kernels stay zero
     * @throws IllegalArgumentException if {@code k} has another shape or a non-finite entry
     */
    public static double[][][] normalise(double[][][] k) {
        checkKernels(k, "k");
        double[][][] khat = new double[CHANNELS][CHANNELS][TAPS];
        for (int c = 0; c < CHANNELS; c++) {
            for (int cp = 0; cp < CHANNELS; cp++) {
                double sum = 0;
                for (int t = 0; t < TAPS; t++) {
                    sum += k[c][cp][t] * k[c][cp][t];
                }
                double norm = Math.max(Math.sqrt(sum), NORM_FLOOR);
                for (int t = 0; t < TAPS; t++) {
                    khat[c][cp][t] = k[c][cp][t] / norm;
                }
            }
        }
        return khat;
    }

    /**
     * The column sums {@code κ[c′,k] = Σ_c K̂[c,c′,k]}, the only combination of the kernels that
     * {@code U} depends on.
     *
     * @param khat the (normalised) kernels, {@code 4×4×3}, finite
     * @return a new {@code 4×3} array
     * @throws IllegalArgumentException if {@code khat} has another shape or a non-finite entry
     */
    public static double[][] kappa(double[][][] khat) {
        checkKernels(khat, "khat");
        double[][] kappa = new double[CHANNELS][TAPS];
        for (int c = 0; c < CHANNELS; c++) {
            for (int cp = 0; cp < CHANNELS; cp++) {
                for (int t = 0; t < TAPS; t++) {
                    kappa[cp][t] += khat[c][cp][t];
                }
            }
        }
        return kappa;
    }

    /**
     * The potential {@code U(z) = Σ_l a_l s_l}, computed from the convolution as written.
     *
     * @param khat the (normalised) kernels, {@code 4×4×3}, finite
     * @param z    the latent, length {@code H ≥ 4} divisible by 4, finite
     * @return {@code U(z)}
     * @throws IllegalArgumentException if an argument has the wrong shape or a non-finite entry
     */
    public static double energy(double[][][] khat, double[] z) {
        checkKernels(khat, "khat");
        int len = checkLatent(z) / CHANNELS;
        double[] a = outputSums(khat, z, len);
        double[] s = channelSums(z, len);
        double u = 0;
        for (int l = 0; l < len; l++) {
            u += a[l] * s[l];
        }
        return u;
    }

    /**
     * The gradient {@code ∇U(z)}, from {@code ∂U/∂Z_{c′,m} = a_m + Σ_k κ[c′,k] s_{m−k+1}}
     * (terms with {@code m−k+1} outside {@code 0..L−1} omitted).
     *
     * @param khat the (normalised) kernels, {@code 4×4×3}, finite
     * @param z    the latent, length {@code H ≥ 4} divisible by 4, finite
     * @return a new array of length {@code H}, indexed as {@code z}
     * @throws IllegalArgumentException if an argument has the wrong shape or a non-finite entry
     */
    public static double[] gradient(double[][][] khat, double[] z) {
        double[][] kappa = kappa(khat);
        int len = checkLatent(z) / CHANNELS;
        double[] a = outputSums(khat, z, len);
        double[] s = channelSums(z, len);
        double[] g = new double[z.length];
        for (int cp = 0; cp < CHANNELS; cp++) {
            for (int m = 0; m < len; m++) {
                double sum = a[m];
                for (int t = 0; t < TAPS; t++) {
                    int l = m - t + 1;
                    if (l >= 0 && l < len) {
                        sum += kappa[cp][t] * s[l];
                    }
                }
                g[cp * len + m] = sum;
            }
        }
        return g;
    }

    /**
     * The Hessian {@code S = Q + Qᵀ}, constant in {@code z}, with
     * {@code Q[(c′, l+k−1), (c″, l)] = κ[c′,k]}. Negative eigenvalues are unstable directions
     * of the Langevin dynamics.
     *
     * @param khat   the (normalised) kernels, {@code 4×4×3}, finite
     * @param hidden the latent size {@code H ≥ 4}, divisible by 4
     * @return a new symmetric {@code H×H} matrix, rows and columns indexed as {@code z}
     * @throws IllegalArgumentException if {@code khat} has the wrong shape or a non-finite
     *     entry, or {@code hidden} is out of range
     */
    public static double[][] hessian(double[][][] khat, int hidden) {
        double[][] kappa = kappa(khat);
        checkHidden(hidden, "hidden");
        int len = hidden / CHANNELS;
        double[][] s = new double[hidden][hidden];
        for (int cp = 0; cp < CHANNELS; cp++) {
            for (int t = 0; t < TAPS; t++) {
                for (int l = 0; l < len; l++) {
                    int shifted = l + t - 1;
                    if (shifted < 0 || shifted >= len) {
                        continue;
                    }
                    int row = cp * len + shifted;
                    for (int cpp = 0; cpp < CHANNELS; cpp++) {
                        int col = cpp * len + l;
                        s[row][col] += kappa[cp][t];
                        s[col][row] += kappa[cp][t];
                    }
                }
            }
        }
        return s;
    }

    /** {@code a_l = Σ_c (K̂⋆Z)_{c,l}}, straight from the convolution. */
    private static double[] outputSums(double[][][] khat, double[] z, int len) {
        double[] a = new double[len];
        for (int l = 0; l < len; l++) {
            double sum = 0;
            for (int c = 0; c < CHANNELS; c++) {
                for (int cp = 0; cp < CHANNELS; cp++) {
                    for (int t = 0; t < TAPS; t++) {
                        int i = l + t - 1;
                        if (i >= 0 && i < len) {
                            sum += khat[c][cp][t] * z[cp * len + i];
                        }
                    }
                }
            }
            a[l] = sum;
        }
        return a;
    }

    /** {@code s_l = Σ_{c′} Z_{c′,l}}. */
    private static double[] channelSums(double[] z, int len) {
        double[] s = new double[len];
        for (int c = 0; c < CHANNELS; c++) {
            for (int l = 0; l < len; l++) {
                s[l] += z[c * len + l];
            }
        }
        return s;
    }

    // --- DJL -----------------------------------------------------------------------------------

    /**
     * The normalised kernels, differentiable in {@code K}:
     * {@code K / sqrt(max(Σ_k K², 10⁻²⁴))}. That equals {@code K / max(‖K‖, 10⁻¹²)} in value,
     * and its gradient is PyTorch's {@code F.normalize}'s: below the floor no gradient reaches the
     * norm, so at {@code K = 0} the gradient of {@code K} is the upstream one times
     * {@code 10¹²}. (Flooring the norm after the square root instead would send
     * {@code 0 · ∞ = NaN} through the square root's derivative at zero.)
     *
     * @param k the raw kernels, shape {@code (4, 4, 3)}, {@code float32} or {@code float64}
     * @return {@code K̂}, of {@code k}'s shape and type
     * @throws IllegalArgumentException if {@code k} has another shape or type
     */
    public static NDArray normalise(NDArray k) {
        checkKernels(k, "k");
        NDArray khat;
        try (NDScope scope = new NDScope()) {
            NDArray squares = k.mul(k).sum(new int[] {2}, true);
            NDArray norm = squares.maximum(scalar(k, NORM_FLOOR * NORM_FLOOR)).sqrt();
            khat = k.div(norm);
            NDScope.unregister(khat);
        }
        NDScope.register(khat);
        return khat;
    }

    /**
     * The constant 0/1 basis {@code E} with {@code Q = Σ_j κ_j E_j}, {@code j = 3c′ + k}:
     * {@code E_j[(c′, l+k−1), (c″, l)] = 1} for every {@code c″} and every {@code l} with
     * {@code l+k−1} in {@code 0..L−1}, else 0. It holds {@code 12·H²} entries (7.5 MB in
     * {@code float64} at {@code H = 280}); build it once per {@code H} and type and pass it to
     * {@link #hessian(NDArray, NDArray)}.
     *
     * @param manager  the manager that will own the array
     * @param hidden   the latent size {@code H ≥ 4}, divisible by 4
     * @param dataType {@code FLOAT32} or {@code FLOAT64}
     * @return shape {@code (12, H, H)}
     * @throws IllegalArgumentException if {@code hidden} or {@code dataType} is out of range
     */
    public static NDArray basis(NDManager manager, int hidden, DataType dataType) {
        if (manager == null) {
            throw new IllegalArgumentException("manager must not be null");
        }
        checkHidden(hidden, "hidden");
        checkType(dataType, "dataType");
        int len = hidden / CHANNELS;
        int plane = hidden * hidden;
        Shape shape = new Shape(KAPPA_SIZE, hidden, hidden);
        if (dataType == DataType.FLOAT32) {
            float[] e = new float[KAPPA_SIZE * plane];
            for (int j = 0; j < KAPPA_SIZE; j++) {
                for (int index : basisEntries(j, len)) {
                    e[j * plane + index] = 1f;
                }
            }
            return manager.create(e, shape);
        }
        double[] e = new double[KAPPA_SIZE * plane];
        for (int j = 0; j < KAPPA_SIZE; j++) {
            for (int index : basisEntries(j, len)) {
                e[j * plane + index] = 1.0;
            }
        }
        return manager.create(e, shape);
    }

    /** The flat indices {@code row·H + col} of the ones of {@code E_j}. */
    private static int[] basisEntries(int j, int len) {
        int cp = j / TAPS;
        int t = j % TAPS;
        int hidden = CHANNELS * len;
        int[] entries = new int[CHANNELS * len];
        int n = 0;
        for (int l = 0; l < len; l++) {
            int shifted = l + t - 1;
            if (shifted < 0 || shifted >= len) {
                continue;
            }
            for (int cpp = 0; cpp < CHANNELS; cpp++) {
                entries[n++] = (cp * len + shifted) * hidden + cpp * len + l;
            }
        }
        return Arrays.copyOf(entries, n);
    }

    /**
     * The Hessian {@code S = Q + Qᵀ}, {@code Q = Σ_j κ_j E_j}, differentiable in {@code K̂}.
     * Costs one {@code (1×12)·(12×H²)} product.
     *
     * @param khat  the normalised kernels, shape {@code (4, 4, 3)}
     * @param basis {@link #basis} for this {@code H}, shape {@code (12, H, H)}, of
     *              {@code khat}'s type
     * @return {@code S}, shape {@code (H, H)}, symmetric
     * @throws IllegalArgumentException if a shape or type is out of range
     */
    public static NDArray hessian(NDArray khat, NDArray basis) {
        checkKernels(khat, "khat");
        int hidden = checkBasis(basis);
        checkSameType(khat, "khat", basis, "basis");
        NDArray s;
        try (NDScope scope = new NDScope()) {
            // κ flattened row-major is κ[c′][k] at 3c′ + k, matching basis' index j.
            NDArray kappa = khat.sum(new int[] {0}).reshape(1, KAPPA_SIZE);
            NDArray q = kappa.matMul(basis.reshape(KAPPA_SIZE, (long) hidden * hidden))
                .reshape(hidden, hidden);
            s = q.add(q.transpose());
            NDScope.unregister(s);
        }
        NDScope.register(s);
        return s;
    }

    /**
     * The Hessian {@code S} for latent size {@code hidden}, with a basis built for this call
     * and closed after it. Prefer {@link #hessian(NDArray, NDArray)} with a kept basis when
     * calling repeatedly.
     *
     * @param khat   the normalised kernels, shape {@code (4, 4, 3)}
     * @param hidden the latent size {@code H ≥ 4}, divisible by 4
     * @return {@code S}, shape {@code (H, H)}, symmetric
     * @throws IllegalArgumentException if a shape, type or {@code hidden} is out of range
     */
    public static NDArray hessian(NDArray khat, int hidden) {
        checkKernels(khat, "khat");
        checkHidden(hidden, "hidden");
        try (NDArray basis = basis(khat.getManager(), hidden, khat.getDataType())) {
            return hessian(khat, basis);
        }
    }

    /**
     * The potential of a batch of latents, {@code U(z_b) = Σ_l a_l s_l}, computed as the
     * released code does, with a padded 1-D convolution; differentiable in {@code K̂} and
     * {@code z}. It does not use {@code S}, so it checks {@link #hessian(NDArray, NDArray)};
     * {@code ½ Σ_j (zS)_j z_j} gives the same value when {@code S} is at hand.
     *
     * @param khat the normalised kernels, shape {@code (4, 4, 3)}
     * @param z    latents, shape {@code (B, H)}, {@code H ≥ 4} divisible by 4, of
     *             {@code khat}'s type
     * @return shape {@code (B)}
     * @throws IllegalArgumentException if a shape or type is out of range
     */
    public static NDArray energy(NDArray khat, NDArray z) {
        checkKernels(khat, "khat");
        checkBatch(z, -1);
        checkSameType(khat, "khat", z, "z");
        long batch = z.getShape().get(0);
        long len = z.getShape().get(1) / CHANNELS;
        NDArray u;
        try (NDScope scope = new NDScope()) {
            NDArray channels = z.reshape(batch, CHANNELS, len);
            NDArray conv = Conv1d.conv1d(channels, khat, null, new Shape(1), new Shape(1),
                new Shape(1)).singletonOrThrow();
            NDArray a = conv.sum(new int[] {1});
            NDArray s = channels.sum(new int[] {1});
            u = a.mul(s).sum(new int[] {1});
            NDScope.unregister(u);
        }
        NDScope.register(u);
        return u;
    }

    /**
     * The gradients {@code ∇U(z_b) = S z_b} of a batch, as one product {@code zS} ({@code S}
     * is symmetric); differentiable in {@code S} and {@code z}.
     *
     * @param s the Hessian from {@link #hessian(NDArray, NDArray)}, shape {@code (H, H)}
     * @param z latents, shape {@code (B, H)}, of {@code s}'s type
     * @return shape {@code (B, H)}
     * @throws IllegalArgumentException if a shape or type is out of range
     */
    public static NDArray gradient(NDArray s, NDArray z) {
        if (s == null) {
            throw new IllegalArgumentException("s must not be null");
        }
        Shape shape = s.getShape();
        if (shape.dimension() != 2 || shape.get(0) != shape.get(1)) {
            throw new IllegalArgumentException("s must have shape (H, H), got " + shape);
        }
        checkType(s.getDataType(), "s's data type");
        checkBatch(z, shape.get(0));
        checkSameType(s, "s", z, "z");
        return z.matMul(s);
    }

    // --- validation ----------------------------------------------------------------------------

    private static void checkKernels(double[][][] k, String name) {
        if (k == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (k.length != CHANNELS) {
            throw new IllegalArgumentException(name + " must have shape 4x4x3, got " + name
                + ".length = " + k.length);
        }
        for (int c = 0; c < CHANNELS; c++) {
            if (k[c] == null || k[c].length != CHANNELS) {
                throw new IllegalArgumentException(name + " must have shape 4x4x3, got " + name
                    + "[" + c + "]" + (k[c] == null ? " = null" : ".length = " + k[c].length));
            }
            for (int cp = 0; cp < CHANNELS; cp++) {
                double[] taps = k[c][cp];
                if (taps == null || taps.length != TAPS) {
                    throw new IllegalArgumentException(name + " must have shape 4x4x3, got "
                        + name + "[" + c + "][" + cp + "]"
                        + (taps == null ? " = null" : ".length = " + taps.length));
                }
                for (int t = 0; t < TAPS; t++) {
                    if (!Double.isFinite(taps[t])) {
                        throw new IllegalArgumentException(name + "[" + c + "][" + cp + "][" + t
                            + "] must be finite, got " + taps[t]);
                    }
                }
            }
        }
    }

    /** Checks {@code z} and returns its length {@code H}. */
    private static int checkLatent(double[] z) {
        if (z == null) {
            throw new IllegalArgumentException("z must not be null");
        }
        checkHidden(z.length, "z.length");
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i])) {
                throw new IllegalArgumentException("z[" + i + "] must be finite, got " + z[i]);
            }
        }
        return z.length;
    }

    private static void checkHidden(long hidden, String name) {
        if (hidden < CHANNELS || hidden % CHANNELS != 0) {
            throw new IllegalArgumentException(name + " must be >= 4 and divisible by 4, got "
                + hidden);
        }
    }

    private static void checkKernels(NDArray k, String name) {
        if (k == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (!k.getShape().equals(new Shape(CHANNELS, CHANNELS, TAPS))) {
            throw new IllegalArgumentException(name + " must have shape (4, 4, 3), got "
                + k.getShape());
        }
        checkType(k.getDataType(), name + "'s data type");
    }

    /** Checks the basis and returns its {@code H}. */
    private static int checkBasis(NDArray basis) {
        if (basis == null) {
            throw new IllegalArgumentException("basis must not be null");
        }
        Shape shape = basis.getShape();
        if (shape.dimension() != 3 || shape.get(0) != KAPPA_SIZE || shape.get(1) != shape.get(2)) {
            throw new IllegalArgumentException("basis must have shape (12, H, H), got " + shape);
        }
        checkHidden(shape.get(1), "basis' H");
        return Math.toIntExact(shape.get(1));
    }

    /** Checks that {@code z} is {@code (B, H)}, with {@code H} = {@code hidden} unless negative. */
    private static void checkBatch(NDArray z, long hidden) {
        if (z == null) {
            throw new IllegalArgumentException("z must not be null");
        }
        Shape shape = z.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("z must be 2-D (B, H), got shape " + shape);
        }
        if (hidden < 0) {
            checkHidden(shape.get(1), "z's H (its second dimension)");
        } else if (shape.get(1) != hidden) {
            throw new IllegalArgumentException("z's second dimension must equal H = " + hidden
                + ", got shape " + shape);
        }
    }

    private static void checkType(DataType type, String name) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException(name + " must be FLOAT32 or FLOAT64, got " + type);
        }
    }

    private static void checkSameType(NDArray reference, String referenceName, NDArray other,
                                      String name) {
        if (other.getDataType() != reference.getDataType()) {
            throw new IllegalArgumentException(name + "'s data type must be "
                + reference.getDataType() + ", as " + referenceName + "'s, got "
                + other.getDataType());
        }
    }

    /** A scalar of {@code like}'s type, so that operations keep that type. */
    private static NDArray scalar(NDArray like, double value) {
        return org.phasebook.nn.Scalars.of(like, value);
    }
}
