package org.phasebook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The debiased Sinkhorn divergence between two point clouds with uniform weights, computed on
 * DJL arrays exactly as geomloss' tensorized {@code SamplesLoss("sinkhorn", p=2, blur, scaling,
 * debias=True)} computes it, value and gradient (Feydy et al. 2019; the loss of Torre et al.,
 * arXiv:2510.25674, brief §4).
 *
 * <p>For {@code x} ({@code N×D}, weights {@code a_i = 1/N}) and {@code y} ({@code M×D}, weights
 * {@code b_j = 1/M}), ground cost {@code C(x, y) = ½‖x − y‖²} and {@code ε = blur²},
 * <pre>
 *   S(α, β) = OT_ε(α, β) − ½ OT_ε(α, α) − ½ OT_ε(β, β)
 *           = Σ_i a_i (f_ab,i − f_aa,i) + Σ_j b_j (g_ab,j − g_bb,j),
 * </pre>
 * with the dual potentials of the three transport problems obtained by geomloss' symmetric
 * loop:
 * <ol>
 *   <li>{@code Δ} = the Euclidean length of the coordinate-wise bounding box of both clouds;</li>
 *   <li>the ε schedule {@link SinkhornParameters#epsilonSchedule(double)};</li>
 *   <li>the soft-min {@code softmin_ε(C, h)_i = −ε log Σ_j exp(h_j − C_ij/ε)};</li>
 *   <li>start from zero potentials, so that the first update at {@code ε₀ = Δ²} is geomloss'
 *       initialisation, e.g. {@code f_ab = softmin_ε₀(C_xy, log b)};</li>
 *   <li>for each ε of the schedule, compute all four updates from the old potentials,
 *       {@code f̃_ab = softmin_ε(C_xy, log b + g_ab/ε)}, {@code g̃_ab = softmin_ε(C_yx, log a +
 *       f_ab/ε)}, {@code f̃_aa = softmin_ε(C_xx, log a + f_aa/ε)},
 *       {@code g̃_bb = softmin_ε(C_yy, log b + g_bb/ε)}, and average, {@code f ← ½(f + f̃)};</li>
 *   <li>one final, non-averaged update of all four at {@code ε = blur²} ("extrapolation"),
 *       with the converged potentials held constant.</li>
 * </ol>
 *
 * <p><b>Gradient.</b> Steps 1–5 run on {@link NDArray#stopGradient() stopGradient} copies, so
 * autograd records nothing there even inside a {@code GradientCollector}; only step 6 sees
 * {@code x}, through the first argument of {@code C(x, y.stopGradient())} and
 * {@code C(x, x.stopGradient())}, as in geomloss. The gradient that autograd would return there
 * is
 * <pre>
 *   ∂S/∂x_i = a_i [ Σ_j w_ij (x_i − y_j) − Σ_k u_ik (x_i − x_k) ],
 *   w_ij = softmax_j(log b_j + (g_ab,j − C_ij)/ε),   u_ik = softmax_k(log a_k + (f_aa,k − C^xx_ik)/ε),
 * </pre>
 * with the pre-final potentials: the transport plan's pull towards {@code y} minus its
 * self-transport counterpart, with no differentiation through the iterations. {@code y} is
 * treated as data: no gradient flows to it. We compute it in this closed form, as
 * {@code a_i [(U x)_i − (W y)_i]} (the rows of {@code W} and {@code U} sum to 1), and attach it
 * to the result through a term that is exactly zero: two matrix products replace autograd's
 * backward pass through every {@code N×M} array of step 6, which cost more.
 *
 * <p>Arrays: {@code x} and {@code y} are 2-D, of one data type ({@code float32} or
 * {@code float64}; the computation keeps it), with equal column counts. Temporaries are closed
 * before a method returns; the arrays returned belong to {@code x}'s manager and to the
 * caller's {@link NDScope}, if any. Instances are immutable and may be shared between threads.
 */
public final class SinkhornDivergence {

    /** Column 0 of a matrix, where {@link #softmin} reads the log-sum-exp. */
    private static final NDIndex FIRST_COLUMN = new NDIndex(":, 0");

    private final SinkhornParameters parameters;

    /**
     * A divergence with the given blur and ε-scaling.
     *
     * @param parameters blur and scaling; {@link SinkhornParameters#paper()} for Torre et al.
     */
    public SinkhornDivergence(SinkhornParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
    }

    /**
     * The parameters.
     *
     * @return blur and scaling
     */
    public SinkhornParameters parameters() {
        return parameters;
    }

    /**
     * The dual potentials after the annealing loop (steps 1–5), before the final
     * extrapolation. Their arrays are detached from autograd. Close the record to free them
     * early.
     *
     * @param fab      {@code f_ab} on {@code x} ({@code N}), potential of {@code OT_ε(α, β)}
     * @param gab      {@code g_ab} on {@code y} ({@code M}), potential of {@code OT_ε(α, β)}
     * @param faa      {@code f_aa} on {@code x} ({@code N}), potential of {@code OT_ε(α, α)}
     * @param gbb      {@code g_bb} on {@code y} ({@code M}), potential of {@code OT_ε(β, β)}
     * @param diameter the data diameter {@code Δ} the schedule was built from
     * @param epsilon  the final regularisation {@code blur²}
     */
    public record Potentials(NDArray fab, NDArray gab, NDArray faa, NDArray gbb, double diameter,
                             double epsilon) implements AutoCloseable {

        @Override
        public void close() {
            fab.close();
            gab.close();
            faa.close();
            gbb.close();
        }
    }

    /**
     * The debiased Sinkhorn divergence {@code S(α, β)}, differentiable with respect to
     * {@code x} (see the class comment for the gradient). Call it inside a
     * {@code GradientCollector} with an {@code x} that requires a gradient to train through
     * it.
     *
     * @param x the first cloud, {@code N×D}
     * @param y the second cloud, {@code M×D}; treated as constant
     * @return a scalar array (shape {@code ()}) of {@code x}'s data type
     */
    public NDArray divergence(NDArray x, NDArray y) {
        return compute(x, y, true);
    }

    /**
     * The value of {@link #divergence}, bit for bit, without its gradient: for evaluation
     * outside training (a validation batch), where the two matrix products and softmaxes that
     * carry the gradient would be computed for nothing (between two batches of 512 one-hot
     * sequences of 90 entries, 17.3–20.6 ms against 20.6–22.5 ms for {@code divergence},
     * 2026-11-30). Inside a {@code GradientCollector} the result has no gradient
     * with respect to {@code x}.
     *
     * @param x the first cloud, {@code N×D}
     * @param y the second cloud, {@code M×D}
     * @return a scalar array (shape {@code ()}) of {@code x}'s data type
     */
    public NDArray value(NDArray x, NDArray y) {
        return compute(x, y, false);
    }

    private NDArray compute(NDArray x, NDArray y, boolean withGradient) {
        checkClouds(x, y);
        NDArray s;
        try (NDScope scope = new NDScope()) {
            NDArray xd = x.stopGradient();
            NDArray yd = y.stopGradient();
            Annealed k = anneal(xd, yd);
            double eps = k.epsilon;
            // The final update is geomloss' "last extrapolation": one plain step from the
            // converged potentials, done in parallel (each uses the other's old value).
            NDArray gab = softmin(eps, k.cyx, k.fab.div(eps).add(k.logA));
            NDArray gbb = softmin(eps, k.cyy, k.gbb.div(eps).add(k.logB));
            NDArray zab = exponents(eps, k.cxy, k.gab.div(eps).add(k.logB));
            NDArray zaa = exponents(eps, k.cxx, k.faa.div(eps).add(k.logA));
            NDArray logW = zab.logSoftmax(1);
            NDArray logU = zaa.logSoftmax(1);
            NDArray fab = softminOf(eps, zab, logW);
            NDArray faa = softminOf(eps, zaa, logU);
            // Uniform weights: Σ_i a_i f_i is the mean.
            s = fab.sub(faa).mean().add(gab.sub(gbb).mean());
            // Only f_ab and f_aa depend on x, through the first argument of C(x, y) and of
            // C(x, x); with the soft-min's derivative ∂f_i/∂C_ij = w_ij (each row of W sums
            // to 1), ∂S/∂x_i = a_i [Σ_j w_ij (x_i − y_j) − Σ_k u_ik (x_i − x_k)]
            // = a_i [(U x)_i − (W y)_i]: two products of N×N and N×M matrices with the
            // points, instead of autograd through every N×M array of the step. The term added
            // is exactly zero (x − x.stopGradient()) and has that gradient. divergence() adds
            // it even without a GradientCollector: DJL's hasGradient() is false for an array
            // computed from trainable weights, so it cannot tell whether autograd will need
            // the term; value() is told.
            // (softmax, not exp of the log-softmax: libtorch's exp is ten times slower on
            // inputs whose result underflows, as most entries at ε = 0.04 do, its fused
            // softmax is not.)
            if (withGradient) {
                NDArray gradient = zaa.softmax(1).matMul(xd).sub(zab.softmax(1).matMul(yd))
                    .div(scalar(xd, x.getShape().get(0)));
                s = s.add(x.sub(xd).mul(gradient).sum());
            }
            NDScope.unregister(s);
        }
        NDScope.register(s);
        return s;
    }

    /**
     * The annealed dual potentials (steps 1–5), on detached copies of {@code x} and {@code y}.
     *
     * @param x the first cloud, {@code N×D}
     * @param y the second cloud, {@code M×D}
     * @return the potentials before the final extrapolation, with the diameter and ε used
     */
    public Potentials potentials(NDArray x, NDArray y) {
        checkClouds(x, y);
        Potentials p;
        try (NDScope scope = new NDScope()) {
            Annealed k = anneal(x.stopGradient(), y.stopGradient());
            p = new Potentials(k.fab, k.gab, k.faa, k.gbb, k.diameter, k.epsilon);
            NDScope.unregister(p.fab(), p.gab(), p.faa(), p.gbb());
        }
        NDScope.register(p.fab());
        NDScope.register(p.gab());
        NDScope.register(p.faa());
        NDScope.register(p.gbb());
        return p;
    }

    /** Cost matrices, log-weights and annealed potentials; every array is detached. */
    private record Annealed(NDArray cxy, NDArray cyx, NDArray cxx, NDArray cyy, double logA,
                            double logB, NDArray fab, NDArray gab, NDArray faa, NDArray gbb,
                            double diameter, double epsilon) {
    }

    private Annealed anneal(NDArray xd, NDArray yd) {
        long n = xd.getShape().get(0);
        long m = yd.getShape().get(0);
        double logA = -Math.log(n);
        double logB = -Math.log(m);
        // geomloss builds C_yx = cost(y, x) itself rather than transposing C_xy; so do we, so
        // that rounding matches and every soft-min reads a contiguous matrix.
        NDArray cxy = cost(xd, yd);
        NDArray cyx = cost(yd, xd);
        NDArray cxx = cost(xd, xd);
        NDArray cyy = cost(yd, yd);
        double diameter = diameter(xd, yd);
        double[] schedule = parameters.epsilonSchedule(diameter);
        // The numbers of the loop as 0-d arrays, made once: DJL's div(Number) and the like
        // wrap the number anew for every operation, and at 512 points these small calls were
        // a sixth of an update's time (about 7 µs each against 0.2 ms for the update's N×M
        // work). The arrays are those that div(Number) makes (0-d float64), so the results
        // are the same bit for bit.
        NDArray logAs = scalar(xd, logA);
        NDArray logBs = scalar(xd, logB);
        NDArray half = scalar(xd, 0.5);
        // geomloss' initialisation is the plain update from zero potentials at ε₀ = Δ².
        NDArray zeroX = xd.getManager().zeros(new Shape(n), xd.getDataType());
        NDArray zeroY = yd.getManager().zeros(new Shape(m), yd.getDataType());
        Step first = new Step(scalar(xd, schedule[0]), scalar(xd, -schedule[0]), half);
        NDArray fab = first.update(cxy, zeroY, logBs, null);
        NDArray gab = first.update(cyx, zeroX, logAs, null);
        NDArray faa = first.update(cxx, zeroX, logAs, null);
        NDArray gbb = first.update(cyy, zeroY, logBs, null);
        for (double eps : schedule) {
            Step step = new Step(scalar(xd, eps), scalar(xd, -eps), half);
            NDArray fabNew = step.update(cxy, gab, logBs, fab);
            NDArray gabNew = step.update(cyx, fab, logAs, gab);
            NDArray faaNew = step.update(cxx, faa, logAs, faa);
            NDArray gbbNew = step.update(cyy, gbb, logBs, gbb);
            fab = fabNew;
            gab = gabNew;
            faa = faaNew;
            gbb = gbbNew;
        }
        return new Annealed(cxy, cyx, cxx, cyy, logA, logB, fab, gab, faa, gbb, diameter,
            schedule[schedule.length - 1]);
    }

    /**
     * The numbers of one ε of the loop as 0-d float64 arrays: {@code ε}, {@code −ε} and ½.
     */
    private record Step(NDArray eps, NDArray negEps, NDArray half) {

        /**
         * One Sinkhorn half-step {@code softmin_ε(C, logw + other/ε)}, averaged with
         * {@code old} unless {@code old} is null; the same operations as
         * {@code softmin(ε, C, other.div(ε).add(logw))} and {@code old.add(t).mul(0.5)}.
         */
        NDArray update(NDArray c, NDArray other, NDArray logw, NDArray old) {
            NDArray result;
            try (NDScope scope = new NDScope()) {
                NDArray z = other.div(eps).add(logw).expandDims(0).sub(c.div(eps));
                NDArray lse = z.get(FIRST_COLUMN).sub(z.logSoftmax(1).get(FIRST_COLUMN));
                NDArray t = lse.mul(negEps);
                result = old == null ? t : old.add(t).mul(half);
                NDScope.unregister(result);
            }
            NDScope.register(result);
            return result;
        }
    }

    /**
     * The soft-min {@code softmin_ε(C, h)_i = −ε log Σ_j exp(z_ij)} of the exponents
     * {@code z_ij = h_j − C_ij/ε}.
     *
     * @param eps the regularisation {@code ε > 0}
     * @param c   the cost matrix, {@code N×M}
     * @param h   the log-weights plus potentials over the columns, {@code M}
     * @return the soft-min over each row, {@code N}
     */
    static NDArray softmin(double eps, NDArray c, NDArray h) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            NDArray z = exponents(eps, c, h);
            result = softminOf(eps, z, z.logSoftmax(1));
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /** The exponents {@code z_ij = h_j − C_ij/ε} of a soft-min. */
    private static NDArray exponents(double eps, NDArray c, NDArray h) {
        return h.expandDims(0).sub(c.div(scalar(c, eps)));
    }

    /**
     * {@code −ε L_i}, with the log-sum-exp {@code L_i = log Σ_j exp(z_ij)} read off libtorch's
     * fused, max-shifted log-softmax: {@code log softmax(z)_ij = z_ij − L_i} for every
     * {@code j}, so {@code L_i = z_i0 − log softmax(z)_i0}. This is stable for any scale of
     * {@code z}. It replaces an explicit row maximum, which DJL can only take together with
     * its indices ({@code torch.max(dim)}) and which cost as much as the exponentials
     * (measured 2026-11-30, 512×512 float32: 0.6 against 0.8 ms per soft-min). Rounding:
     * {@code L_i} carries an absolute error of a few ulps of {@code |z_i0|}, so {@code ε L_i}
     * one of a few ulps of {@code ε|z_i0| <= ε|h_0| + C_i0}, the size of the potentials' and
     * the cost's own rounding.
     */
    private static NDArray softminOf(double eps, NDArray z, NDArray logSoftmax) {
        NDArray lse = z.get(FIRST_COLUMN).sub(logSoftmax.get(FIRST_COLUMN));
        return lse.mul(scalar(lse, -eps));
    }

    /**
     * The cost matrix {@code C_ij = ½‖x_i − y_j‖²}, computed as geomloss does,
     * {@code (‖x_i‖² − 2 x_i·y_j + ‖y_j‖²)/2}, and differentiable in both arguments. For
     * one-hot encoded sequences it is the Hamming distance: each position where the symbols
     * differ contributes {@code ½(1 + 1)}.
     *
     * @param x {@code N×D}
     * @param y {@code M×D}, of {@code x}'s data type
     * @return {@code N×M}
     */
    public static NDArray cost(NDArray x, NDArray y) {
        checkClouds(x, y);
        NDArray result;
        try (NDScope scope = new NDScope()) {
            NDArray xx = x.mul(x).sum(new int[] {1}).expandDims(1);
            NDArray yy = y.mul(y).sum(new int[] {1}).expandDims(0);
            NDArray xy = x.matMul(y.transpose());
            result = xx.sub(xy.add(xy)).add(yy).div(scalar(xy, 2));
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /**
     * geomloss' {@code max_diameter}: the Euclidean norm of {@code max − min}, where max and
     * min are taken per coordinate over both clouds together; computed in the clouds' data
     * type and returned as a double.
     *
     * @param x {@code N×D}
     * @param y {@code M×D}
     * @return the diameter {@code Δ >= 0}
     */
    public static double diameter(NDArray x, NDArray y) {
        checkClouds(x, y);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray mins = x.min(new int[] {0}).minimum(y.min(new int[] {0}));
            NDArray maxs = x.max(new int[] {0}).maximum(y.max(new int[] {0}));
            return maxs.sub(mins).norm().toType(DataType.FLOAT64, false).getDouble();
        }
    }

    /**
     * A 0-d float64 array holding {@code value}, in memory that libtorch owns. DJL's
     * {@code mul(Number)}, {@code div(Number)} and {@code maximum(Number)} wrap the number in an
     * array over a Java direct buffer ({@code from_blob}) and close it right after the
     * operation; autograd keeps that array for the backward pass, and once the buffer is garbage
     * collected the backward pass reads freed memory (NaN or garbage gradients, depending on
     * when the GC runs). A clone is owned by libtorch and lives as long as autograd needs it.
     * As with {@code mul(Number)}, the 0-d float64 operand does not promote float32 arrays.
     */
    private static NDArray scalar(NDArray like, double value) {
        try (NDArray wrapped = like.getManager().create(value)) {
            return wrapped.duplicate();
        }
    }

    private static void checkClouds(NDArray x, NDArray y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.getShape().dimension() != 2) {
            throw new IllegalArgumentException("x must be 2-D (points × coordinates), got shape "
                + x.getShape());
        }
        if (y.getShape().dimension() != 2) {
            throw new IllegalArgumentException("y must be 2-D (points × coordinates), got shape "
                + y.getShape());
        }
        if (x.getShape().get(0) < 1 || y.getShape().get(0) < 1) {
            throw new IllegalArgumentException("x and y must hold at least one point, got shapes "
                + x.getShape() + " and " + y.getShape());
        }
        if (x.getShape().get(1) != y.getShape().get(1)) {
            throw new IllegalArgumentException("x and y must have equal column counts, got "
                + x.getShape() + " and " + y.getShape());
        }
        DataType type = x.getDataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("x must be float32 or float64, got " + type);
        }
        if (y.getDataType() != type) {
            throw new IllegalArgumentException("y must have x's data type " + type + ", got "
                + y.getDataType());
        }
    }
}
