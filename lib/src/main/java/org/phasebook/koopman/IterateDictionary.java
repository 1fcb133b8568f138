package org.phasebook.koopman;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.phasebook.systems.DiscreteMap;

/**
 * The Krylov (delay) dictionary of real observables under a map, evaluated at arbitrary points:
 * <pre>
 *   psi_{s,j}(x) = h_s(F^j(x)) = (K^j h_s)(x),   j = 0..N-1,  s = 0..S-1,
 * </pre>
 * for a deterministic {@link DiscreteMap} {@code F}, {@code N} delays and observables
 * {@code h_0..h_{S-1}}. Function {@code (s, j)} sits at {@link #index index(s, j) = s N + j}:
 * one block of {@code N} delays per observable, the layout of {@link DelayEmbedding}. Where
 * {@code DelayEmbedding} reads delays off one long trajectory, this dictionary iterates the map
 * from each point itself, so the points can be the nodes of a quadrature rule (for example a
 * trapezoid grid on a torus, brief §2.7, figure S3): EDMD on the Krylov space
 * {@code span{g, K g, ..., K^{N-1} g}} with quadrature rather than ergodic weights.
 *
 * <p>Because {@code psi_{s,j}(F(x))} and {@code psi_{s,j+1}(x)} are computed by the same
 * floating-point operations, the data matrices of pairs {@code (x, F(x))} satisfy
 * {@code Psi_Y[:, (s, j)] = Psi_X[:, (s, j+1)]} bit for bit: {@code A} is {@code G} shifted by
 * one column within each block, and only the last delay of each block brings new information.
 *
 * <p>A complex observable {@code g = u + i v} is represented, as everywhere in this package, by
 * its real and imaginary parts as two observables, with coefficient {@code 1} on {@code u} and
 * {@code i} on {@code v}; when {@code u} and {@code v} are themselves iterates of one real
 * function (as for figure S3's {@code g = p(K) sin x}), take that function as the single
 * observable instead, since the two blocks would be linearly dependent, and give {@code g} by
 * {@link #polynomial}.
 *
 * <p>Rounding: for a chaotic map the computed {@code F^j(x)} leaves the true orbit at the map's
 * Lyapunov rate (for Arnold's cat map on {@code [0, 2 pi)^2} the error grows by
 * {@code (3 + sqrt 5)/2} per step and is of order one after about 35 steps). The functions are
 * then still well defined, and the shift identity above still holds, but they are not the
 * exact {@code K^j h}. Represent the state exactly where possible: the cat map on the unit torus
 * maps dyadic grid points {@code k / 2^m} to dyadic grid points without rounding.
 *
 * <p>Immutable, and thread-safe when the map and observables are: each call of
 * {@link #evaluate(double[], double[])} iterates in two small arrays of its own.
 */
public final class IterateDictionary implements Dictionary {

    private final DiscreteMap map;
    private final int delays;
    private final List<ToDoubleFunction<double[]>> observables;

    /**
     * The dictionary {@code h_s o F^j}.
     *
     * @param map         a deterministic map {@code F} (a random map would make
     *                    {@code psi_{s,j}} a random function, not a dictionary function)
     * @param delays      {@code N >= 1}, iterates per observable, including {@code j = 0}
     * @param observables {@code h_0..h_{S-1}}, at least one; each must not modify or retain the
     *                    point it is given (it is the iteration's working array)
     * @throws IllegalArgumentException if {@code delays < 1}, there is no observable, or
     *     {@code N S} does not fit in an {@code int}
     */
    public IterateDictionary(DiscreteMap map, int delays,
            List<? extends ToDoubleFunction<double[]>> observables) {
        this.map = Objects.requireNonNull(map, "map");
        Objects.requireNonNull(observables, "observables");
        if (delays < 1) {
            throw new IllegalArgumentException("delays must be >= 1, got " + delays);
        }
        if (observables.isEmpty()) {
            throw new IllegalArgumentException("observables must hold at least 1 function, got 0");
        }
        if ((long) delays * observables.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("delays * observables must fit in an array, got "
                    + delays + " * " + observables.size());
        }
        for (int s = 0; s < observables.size(); s++) {
            Objects.requireNonNull(observables.get(s), "observables[" + s + "]");
        }
        this.delays = delays;
        this.observables = List.copyOf(observables);
    }

    /** The dictionary {@code h o F^j}, {@code j = 0..N-1}, of one observable. */
    public static IterateDictionary of(DiscreteMap map, int delays,
            ToDoubleFunction<double[]> observable) {
        return new IterateDictionary(map, delays, List.of(observable));
    }

    /** The map {@code F}. */
    public DiscreteMap map() {
        return map;
    }

    /** The number of delays {@code N} per observable. */
    public int delays() {
        return delays;
    }

    /** The number of observables {@code S}. */
    public int observableCount() {
        return observables.size();
    }

    @Override
    public int size() {
        return delays * observables.size();
    }

    @Override
    public int dimension() {
        return map.dimension();
    }

    /**
     * The position {@code s N + j} of {@code h_s o F^j} in the dictionary.
     *
     * @throws IllegalArgumentException if {@code s} or {@code j} is out of range
     */
    public int index(int observable, int delay) {
        if (observable < 0 || observable >= observables.size()) {
            throw new IllegalArgumentException("observable must be in [0, "
                    + (observables.size() - 1) + "], got " + observable);
        }
        if (delay < 0 || delay >= delays) {
            throw new IllegalArgumentException("delay must be in [0, " + (delays - 1) + "], got "
                    + delay);
        }
        return observable * delays + delay;
    }

    /**
     * The dictionary coefficients of {@code p(K) h_s = sum_j p_j h_s o F^j}, the observable
     * obtained from {@code h_s} by the polynomial {@code p(z) = p_0 + p_1 z + ...} in the Koopman
     * operator; all other coefficients are 0. For the input of
     * {@link ResolventSpectralMeasure#of(EdmdModel, ComplexVector)}.
     *
     * @param observable {@code s}
     * @param p          {@code p_0, p_1, ...}, at most {@code N} of them, finite
     * @throws IllegalArgumentException if {@code s} is out of range, {@code p} is empty or longer
     *     than {@code N}, or an entry is not finite
     */
    public ComplexVector polynomial(int observable, Complex... p) {
        Objects.requireNonNull(p, "p");
        if (p.length == 0 || p.length > delays) {
            throw new IllegalArgumentException("p must hold between 1 and N = " + delays
                    + " coefficients (degree below the number of delays), got " + p.length);
        }
        double[] re = new double[size()];
        double[] im = new double[size()];
        for (int j = 0; j < p.length; j++) {
            Complex c = Objects.requireNonNull(p[j], "p[" + j + "]");
            if (!c.isFinite()) {
                throw new IllegalArgumentException("p[" + j + "] must be finite, got " + c);
            }
            int k = index(observable, j);
            re[k] = c.re();
            im[k] = c.im();
        }
        return new ComplexVector(re, im);
    }

    /**
     * Writes {@code h_s(F^j(x))} at {@link #index index(s, j)}: {@code N - 1} steps of the map
     * from {@code x}, {@code S} observable evaluations at each. A non-finite iterate gives
     * non-finite values, which {@link Edmd#fit} reports with the point.
     */
    @Override
    public void evaluate(double[] x, double[] values) {
        int d = map.dimension();
        double[] current = new double[d];
        double[] next = new double[d];
        System.arraycopy(x, 0, current, 0, d);
        int count = observables.size();
        for (int j = 0; j < delays; j++) {
            if (j > 0) {
                map.apply(current, next);
                double[] swap = current;
                current = next;
                next = swap;
            }
            for (int s = 0; s < count; s++) {
                values[s * delays + j] = observables.get(s).applyAsDouble(current);
            }
        }
    }

    @Override
    public String toString() {
        return "IterateDictionary[" + map + ", N=" + delays + ", S=" + observables.size() + "]";
    }
}
