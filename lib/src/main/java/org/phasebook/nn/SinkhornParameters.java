package org.phasebook.nn;

/**
 * Parameters of the debiased Sinkhorn divergence with the quadratic ground cost
 * {@code C(x, y) = ½‖x − y‖²} (geomloss' {@code p = 2}), as {@link SinkhornDivergence} computes it.
 *
 * <p>The entropic regularisation is {@code ε = blur²}. It is reached by ε-scaling: the schedule
 * (geomloss' {@code epsilon_schedule}) starts at {@code Δ²}, where {@code Δ} is the diameter of
 * the data, and divides ε by {@code 1/scaling²} per iteration until it falls below
 * {@code blur²}, which is appended last; see {@link #epsilonSchedule(double)}.
 *
 * @param blur    the length scale {@code σ} of the regularisation, {@code ε = σ²}; finite,
 *                {@code > 0}; 0.2 in Torre et al. (arXiv:2510.25674)
 * @param scaling the ratio of successive length scales in the schedule, in {@code (0, 1)};
 *                geomloss' default 0.5 halves σ (quarters ε) per iteration
 */
public record SinkhornParameters(double blur, double scaling) {

    /** Checks both parameters. */
    public SinkhornParameters {
        if (!(blur > 0) || !Double.isFinite(blur)) {
            throw new IllegalArgumentException("blur must be finite and > 0, got " + blur);
        }
        if (!(scaling > 0 && scaling < 1)) {
            throw new IllegalArgumentException("scaling must be in (0, 1), got " + scaling);
        }
    }

    /**
     * The loss of Torre et al. (arXiv:2510.25674, §4 of the brief): {@code blur = 0.2} (so
     * {@code ε = 0.04}) and geomloss' default {@code scaling = 0.5}.
     *
     * @return {@code new SinkhornParameters(0.2, 0.5)}
     */
    public static SinkhornParameters paper() {
        return new SinkhornParameters(0.2, 0.5);
    }

    /**
     * The final regularisation {@code ε = blur²}.
     *
     * @return {@code blur * blur}
     */
    public double epsilon() {
        return blur * blur;
    }

    /**
     * geomloss' ε schedule for {@code p = 2}:
     * {@code [Δ²] + [exp(e) for e in numpy.arange(2 ln Δ, 2 ln blur, 2 ln scaling)] + [blur²]}.
     *
     * <p>The {@code arange} is evaluated as NumPy does (length {@code ⌈(stop − start)/step⌉},
     * element 1 equal to {@code start + step} and element {@code i} to
     * {@code start + i·((start + step) − start)}), so the schedule
     * matches geomloss' to the last bit of its logarithms. {@code Δ²} appears twice when
     * {@code Δ > blur}: once as the first entry and once as {@code exp(2 ln Δ)}. For
     * {@code Δ = √90} (one-hot sequences of length 30) and the paper's parameters this gives 8
     * values, 90, 90, 22.5, 5.63, 1.41, 0.352, 0.088, 0.04. When all points coincide
     * ({@code Δ = 0}, where geomloss would divide by zero) {@code Δ} is replaced by
     * {@code blur}, giving {@code [blur², blur²]}.
     *
     * @param diameter the data diameter {@code Δ >= 0}, finite
     * @return the regularisations of the annealing loop, in order; the last is {@code blur²}
     */
    public double[] epsilonSchedule(double diameter) {
        if (!(diameter >= 0) || !Double.isFinite(diameter)) {
            throw new IllegalArgumentException("diameter must be finite and >= 0, got " + diameter);
        }
        double d = diameter > 0 ? diameter : blur;
        double start = 2 * Math.log(d);
        double stop = 2 * Math.log(blur);
        double step = 2 * Math.log(scaling);
        int length = (int) Math.max(0, Math.ceil((stop - start) / step));
        double delta = (start + step) - start;
        double[] schedule = new double[length + 2];
        schedule[0] = d * d;
        for (int i = 0; i < length; i++) {
            // NumPy stores element 1 as start + step and fills the rest from the difference.
            double e = i == 1 ? start + step : start + i * delta;
            schedule[i + 1] = Math.exp(e);
        }
        schedule[length + 1] = blur * blur;
        return schedule;
    }
}
