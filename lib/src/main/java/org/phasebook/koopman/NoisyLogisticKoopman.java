package org.phasebook.koopman;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.phasebook.systems.NoisyLogisticMap;

/**
 * The exact stochastic Koopman operator of the noisy logistic map with full-width noise
 * ({@link NoisyLogisticMap} with {@code noiseAmplitude = 1}): an invariant 21-function dictionary,
 * the exact {@code 21 x 21} matrix of the operator on it, and its eigenvalues, against which
 * estimates from noisy data are measured (brief §4, oracle 6; figure S4).
 *
 * <p><b>Derivation.</b> Write {@code F(x) = r x (1 - x)} and {@code u = F(x)}. The transition
 * density is {@code p(y | x) = c cos^20(pi (y - u))} with {@code c = 2^20 / binom(20, 10)}
 * (1-periodic in {@code y}, so the wrap modulo 1 needs no special care). Expanding
 * {@code cos(pi (y - u)) = cos(pi y) cos(pi u) + sin(pi y) sin(pi u)} by the binomial theorem,
 * <pre>
 *   p(y | x) = sum_{i=0..20} phi_i(y) phi_i(u),
 *   phi_i(t) = c_i sin^{20-i}(pi t) cos^i(pi t),   c_i^2 = c binom(20, i) = pi binom(20, i) / B(10.5, 0.5)
 * </pre>
 * (the last form because {@code 1/c = integral of cos^20(pi xi) over [-1/2, 1/2] = B(10.5, 0.5) / pi}).
 * Hence {@code (K g)(x) = integral p(y | x) g(y) dy = sum_i psi_i(x) <phi_i, g>} with
 * {@code psi_i = phi_i o F} and {@code <f, g>} the integral over {@code [0, 1]}: {@code K} has
 * rank 21, its range is the span of the {@code psi_i}, which is therefore invariant, and
 * <pre>
 *   K psi_j = sum_i psi_i P_ij,   P_ij = &lt;phi_i, psi_j&gt; = integral_0^1 phi_i(x) phi_j(F(x)) dx.
 * </pre>
 * So on dictionary coefficients ({@code g = sum_j a_j psi_j}, {@code K g = sum_i (P a)_i psi_i})
 * {@code K} is the matrix {@code P}, with the convention of {@link EdmdModel#koopmanMatrix}, and
 * the non-zero eigenvalues of {@code K} are those of {@code P}. For {@code r = 4} they are
 * {@code 1, -0.1933380625 +- 0.1909430016 i, -0.0266545927, 0.0221187599, 0.0053416873,
 * -0.0010559199, 0.0001575543}, then values decaying to rounding level. ({@code phi_i} is even
 * or odd about {@code 1/2} with {@code i}, and {@code F} is symmetric about {@code 1/2}, so the
 * rows of {@code P} with odd {@code i} vanish: at least ten eigenvalues are exactly 0.)
 * {@code P} is computed once, by the 400-point Gauss–Legendre rule (the integrand is an entire
 * function with a few tens of oscillations; 100 points already agree with 600 to rounding).
 *
 * <p><b>Data.</b> EDMD on this dictionary with pairs {@code (x_m, y_m)}, {@code y_m} one noisy
 * step from {@code x_m}, is a consistent estimator of {@code P}: {@code E[psi(y_m) | x_m] =
 * P^T psi(x_m)}, so {@code A - G P} is an average of {@code M} independent zero-mean terms
 * ({@link #galerkinDefect}) and {@code K_EDMD - P = G^{-1}(A - G P)} is of order
 * {@code M^{-1/2}}. The eigenvalue 1 (the constants, which lie in the span) is reproduced to
 * rounding for every {@code M}; the other eigenvalues move by about their condition number times
 * {@code M^{-1/2}} once that is small against their distance to the rest of the spectrum
 * ({@link #eigenvalueError}). For {@code r = 4} and {@code x_m} uniform this takes
 * {@code M >= 10^5} or so for the leading pair (error about {@code 8 / sqrt(M)}), while the small
 * eigenvalues, whose condition numbers are in the hundreds and more, stay hidden among the
 * spurious ones that the noise spreads around 0 for any {@code M} up to at least {@code 10^7}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoisyLogisticKoopman {

    /** The rank of {@code K} and the size of the dictionary: {@code 20 + 1}. */
    public static final int RANK = NoisyLogisticMap.NOISE_EXPONENT + 1;

    /** Gauss–Legendre nodes for {@code P}; see the class comment. */
    private static final int QUADRATURE_NODES = 400;

    /** {@code c_i}, {@code i = 0..20}. */
    private static final double[] COEFFICIENTS = coefficients();

    private final double r;
    private final Dictionary dictionary;
    private final double[][] matrix;
    /** All {@code 21} eigenvalues of {@code P}, by decreasing modulus. */
    private final Complex[] eigenvalues;

    private NoisyLogisticKoopman(double r) {
        this.r = r;
        this.dictionary = new Psi(r);
        this.matrix = transitionMatrix(r);
        this.eigenvalues = RealEigensystem.of(matrix).eigenvalues();
        // Largest modulus first; of a conjugate pair (equal moduli) the positive imaginary part.
        Arrays.sort(eigenvalues, Comparator.comparingDouble(Complex::abs).reversed()
                .thenComparing(Comparator.comparingDouble(Complex::im).reversed()));
    }

    /**
     * The operator of {@code map}, which must have {@code noiseAmplitude = 1} (only then is the
     * noise density 1-periodic and {@code K} of finite rank); its seed is irrelevant.
     *
     * @throws IllegalArgumentException if {@code map.noiseAmplitude()} is not 1
     */
    public static NoisyLogisticKoopman of(NoisyLogisticMap map) {
        Objects.requireNonNull(map, "map");
        if (map.noiseAmplitude() != 1.0) {
            throw new IllegalArgumentException("map.noiseAmplitude() must be 1 for the rank-21"
                    + " expansion of the transition density (the noise must fill the circle), got "
                    + map.noiseAmplitude());
        }
        return new NoisyLogisticKoopman(map.r());
    }

    /** The operator of {@link NoisyLogisticMap#fullyChaotic}: {@code r = 4}. */
    public static NoisyLogisticKoopman fullyChaotic() {
        return new NoisyLogisticKoopman(4.0);
    }

    /** The growth rate {@code r} of {@code F(x) = r x (1 - x)}. */
    public double r() {
        return r;
    }

    /**
     * The dictionary {@code psi_i = phi_i o F}, {@code i = 0..20}, on points {@code x} of
     * dimension 1 (any real {@code x}; the data lie in {@code [0, 1]}). Its span is invariant
     * under {@code K}, so EDMD with it has no projection error, only sampling error.
     */
    public Dictionary dictionary() {
        return dictionary;
    }

    /**
     * The exact matrix {@code P} of {@code K} on the dictionary ({@code 21 x 21}, a copy):
     * {@code K psi_j = sum_i P[i][j] psi_i}, the limit of {@link EdmdModel#koopmanMatrix} as
     * the number of samples grows.
     */
    public double[][] koopmanMatrix() {
        return SnapshotPairs.deepCopy(matrix);
    }

    /**
     * The 21 eigenvalues of {@code P} (a copy), by decreasing modulus, a conjugate pair with the
     * positive imaginary part first: the non-zero eigenvalues of {@code K}, then zeros. For
     * {@code r = 4}, after the eight of the class comment they fall fast ({@code -1.5e-5},
     * {@code 9.3e-7}, {@code -2.8e-8}, ...) and the last ten or so, zeros in exact arithmetic,
     * are at rounding level.
     */
    public Complex[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The eigenvalue error of {@code estimates} against the {@code leading} exact eigenvalues:
     * {@code max_{k < leading} min_j |lambda_k - estimates[j]|}, with {@code lambda_k} in the
     * order of {@link #eigenvalues()}. Each exact eigenvalue is matched to the nearest estimate
     * (several may share one), so the error is 0 exactly when every one of them is among the
     * estimates, and it is at most the error of any one-to-one matching.
     *
     * @param estimates the estimated eigenvalues, at least one, finite
     * @param leading   how many exact eigenvalues to judge, in {@code [1, 21]}; use 3 for 1 and
     *                  the leading conjugate pair (for {@code r = 4}), since a split pair would
     *                  judge only one of two conjugates
     * @throws IllegalArgumentException if {@code leading} is out of range or {@code estimates}
     *                                  is empty or has a non-finite entry
     */
    public double eigenvalueError(Complex[] estimates, int leading) {
        Objects.requireNonNull(estimates, "estimates");
        if (leading < 1 || leading > RANK) {
            throw new IllegalArgumentException("leading must be in [1, " + RANK + "], got "
                    + leading);
        }
        if (estimates.length == 0) {
            throw new IllegalArgumentException("estimates must hold at least 1 eigenvalue, got 0");
        }
        for (int j = 0; j < estimates.length; j++) {
            if (estimates[j] == null || !estimates[j].isFinite()) {
                throw new IllegalArgumentException("estimates[" + j + "] must be finite, got "
                        + estimates[j]);
            }
        }
        double error = 0.0;
        for (int k = 0; k < leading; k++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (Complex z : estimates) {
                nearest = Math.min(nearest, z.minus(eigenvalues[k]).abs());
            }
            error = Math.max(error, nearest);
        }
        return error;
    }

    /** {@link #eigenvalueError(Complex[], int)} of the eigenvalues of {@code model}. */
    public double eigenvalueError(EdmdModel model, int leading) {
        Objects.requireNonNull(model, "model");
        return eigenvalueError(model.eigenvalues(), leading);
    }

    /**
     * The relative Galerkin defect {@code ||A - G P||_F / ||G P||_F} of a model fitted with
     * {@link #dictionary()}: the sampling error of the data, free of any eigenvalue
     * sensitivity. With pairs {@code (x_m, y_m)} independent given the states,
     * {@code A - G P = sum_m w_m psi(x_m) (psi(y_m) - P^T psi(x_m))^T} is a weighted sum of
     * terms of mean zero ({@code E[psi(y) | x] = P^T psi(x)}), so for Monte Carlo weights it falls
     * like {@code M^{-1/2}} from the smallest {@code M}; EDMD's matrix error is
     * {@code K_EDMD - P = G^{-1}(A - G P)}.
     *
     * @throws IllegalArgumentException if {@code model} was fitted with another dictionary
     */
    public double galerkinDefect(EdmdModel model) {
        Objects.requireNonNull(model, "model");
        if (!dictionary.equals(model.dictionary())) {
            throw new IllegalArgumentException("model must be fitted with this operator's"
                    + " dictionary() " + dictionary + ", got " + model.dictionary());
        }
        double[][] g = model.galerkin().g();
        double[][] a = model.galerkin().a();
        double defect = 0.0;
        double norm = 0.0;
        for (int i = 0; i < RANK; i++) {
            for (int j = 0; j < RANK; j++) {
                double gp = 0.0;
                for (int k = 0; k < RANK; k++) {
                    gp += g[i][k] * matrix[k][j];
                }
                defect += (a[i][j] - gp) * (a[i][j] - gp);
                norm += gp * gp;
            }
        }
        return Math.sqrt(defect / norm);
    }

    @Override
    public String toString() {
        return "NoisyLogisticKoopman[r=" + r + ", rank=" + RANK + "]";
    }

    /**
     * {@code p(y | x)} from the expansion, {@code sum_i phi_i(y) phi_i(F(x))}: the identity the
     * class rests on, for tests against {@link NoisyLogisticMap#transitionDensity}.
     */
    double kernel(double x, double y) {
        double[] a = new double[RANK];
        double[] b = new double[RANK];
        phi(y, a);
        phi(r * x * (1.0 - x), b);
        double sum = 0.0;
        for (int i = 0; i < RANK; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code phi_i(t) = c_i sin^{20-i}(pi t) cos^i(pi t)} into {@code values[i]}, no allocation. */
    static void phi(double t, double[] values) {
        double s = Math.sin(Math.PI * t);
        double c = Math.cos(Math.PI * t);
        double cosPower = 1.0;
        for (int i = 0; i < RANK; i++) {
            values[i] = COEFFICIENTS[i] * cosPower;
            cosPower *= c;
        }
        double sinPower = 1.0;
        for (int i = RANK - 1; i >= 0; i--) {
            values[i] *= sinPower;
            sinPower *= s;
        }
    }

    /** {@code c_i = sqrt(2^20 binom(20, i) / binom(20, 10))}; binomials below 2^53 are exact. */
    private static double[] coefficients() {
        int n = NoisyLogisticMap.NOISE_EXPONENT;
        double[] binomial = new double[n + 1];
        binomial[0] = 1.0;
        for (int i = 1; i <= n; i++) {
            binomial[i] = binomial[i - 1] * (n - i + 1) / i;
        }
        double[] c = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            c[i] = Math.sqrt(Math.scalb(1.0, n) * binomial[i] / binomial[n / 2]);
        }
        return c;
    }

    /** {@code P_ij = sum_m w_m phi_i(x_m) phi_j(F(x_m))} over Gauss–Legendre nodes on [0, 1]. */
    private static double[][] transitionMatrix(double r) {
        Quadrature rule = Quadrature.gaussLegendre(QUADRATURE_NODES, 0.0, 1.0);
        double[][] p = new double[RANK][RANK];
        double[] a = new double[RANK];
        double[] b = new double[RANK];
        double[][] nodes = rule.points();
        for (int m = 0; m < nodes.length; m++) {
            double x = nodes[m][0];
            double w = rule.weights().get(m);
            phi(x, a);
            phi(r * x * (1.0 - x), b);
            for (int i = 0; i < RANK; i++) {
                for (int j = 0; j < RANK; j++) {
                    p[i][j] += w * a[i] * b[j];
                }
            }
        }
        return p;
    }

    /**
     * The dictionary {@code psi_i = phi_i o F}; a record, so that dictionaries of equal
     * {@code r} are equal.
     */
    private record Psi(double r) implements Dictionary {

        @Override
        public int size() {
            return RANK;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void evaluate(double[] x, double[] values) {
            phi(r * x[0] * (1.0 - x[0]), values);
        }

        @Override
        public String toString() {
            return "NoisyLogisticDictionary[r=" + r + ", N=" + RANK + ", psi_i = phi_i o F]";
        }
    }
}
