package org.phasebook.lattice;

import org.apache.commons.math3.complex.Complex;
import org.phasebook.systems.OdeSystem;

/**
 * The mean-field rate equations of the site-restricted stochastic lattice Lotka–Volterra model
 * (Mobilia, Georgiev, Täuber, J. Stat. Phys. 128, 447 (2007); brief §2.4): predators {@code A}
 * die at rate {@code mu}, prey {@code B} reproduce at rate {@code sigma} onto empty room, and
 * predation {@code A + B -> A + A} happens at rate {@code lambda}; at most {@code K} particles
 * share a site ({@code K = 1} on the lattice). With {@code a}, {@code b} the mean occupations
 * per site,
 * <pre>
 *   da/dt = lambda a b - mu a
 *   db/dt = sigma b (1 - (a + b)/K) - lambda a b .
 * </pre>
 *
 * <p>Fixed points: extinction {@code (0, 0)}, prey only {@code (0, K)}, and, above the
 * mean-field threshold {@code lambda_c = mu/K}, coexistence
 * <pre>
 *   b* = mu/lambda,   a* = sigma (lambda K - mu) / (lambda (lambda K + sigma)),
 * </pre>
 * which for {@code K = 1} is {@code a* = sigma (lambda - mu) / (lambda (sigma + lambda))}. The
 * Jacobian there has trace {@code -sigma mu/(lambda K)} and determinant
 * {@code sigma mu (lambda K - mu)/(lambda K)}, so the eigenvalues are
 * <pre>
 *   eps± = -(sigma mu / (2 lambda K)) [1 ± sqrt(1 - 4 lambda K (lambda K - mu)/(sigma mu))] .
 * </pre>
 * The coexistence point is a stable node for {@code 4 lambda K (lambda K - mu) <= sigma mu} and a
 * stable focus above, with damping {@code sigma mu/(2 lambda K)} and frequency
 * {@code omega_MF = sqrt(det - trace^2/4)}. For {@code sigma = 1, mu = 0.2, lambda = 1, K = 1}:
 * damping 0.1 and {@code omega_MF = sqrt(0.15)}.
 *
 * @param sigma    prey birth rate, finite and {@code > 0}
 * @param mu       predator death rate, finite and {@code > 0}
 * @param lambda   predation rate, finite and {@code > 0}
 * @param capacity carrying capacity {@code K} per site, finite and {@code > 0}
 */
public record LotkaVolterraMeanField(double sigma, double mu, double lambda, double capacity)
        implements OdeSystem {

    /** Validates the rates and the capacity. */
    public LotkaVolterraMeanField {
        MeanFieldChecks.requirePositive("sigma", sigma);
        MeanFieldChecks.requirePositive("mu", mu);
        MeanFieldChecks.requirePositive("lambda", lambda);
        MeanFieldChecks.requirePositive("capacity", capacity);
    }

    /** The lattice case {@code K = 1}. */
    public static LotkaVolterraMeanField siteRestricted(double sigma, double mu, double lambda) {
        return new LotkaVolterraMeanField(sigma, mu, lambda, 1.0);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        double a = x[0];
        double b = x[1];
        double predation = lambda * a * b;
        dxdt[0] = predation - mu * a;
        dxdt[1] = sigma * b * (1.0 - (a + b) / capacity) - predation;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"a", "b"};
    }

    /** The mean-field predator threshold {@code lambda_c = mu/K}. */
    public double threshold() {
        return mu / capacity;
    }

    /** Whether the coexistence point lies inside the positive quadrant: {@code lambda K > mu}. */
    public boolean hasCoexistence() {
        return lambda * capacity > mu;
    }

    /**
     * The coexistence point {@code (a*, b*)}, a fresh array.
     *
     * @throws IllegalStateException when {@code lambda <= mu/K}, where it does not exist
     */
    public double[] coexistencePoint() {
        if (!hasCoexistence()) {
            throw new IllegalStateException("no coexistence point: lambda = " + lambda
                    + " must be > lambda_c = mu/K = " + threshold());
        }
        double lk = lambda * capacity;
        return new double[] {sigma * (lk - mu) / (lambda * (lk + sigma)), mu / lambda};
    }

    /**
     * The predator density the rate equations settle at from a start with both species: the
     * coexistence value {@code a*} above the threshold {@code lambda_c = mu/K}, and 0 at or below
     * it, where the predators die out. As a function of {@code lambda} this is the mean-field
     * curve of the extinction threshold (F2), continuous and rising linearly from 0 at
     * {@code lambda_c}.
     */
    public double stationaryPredatorDensity() {
        return hasCoexistence() ? coexistencePoint()[0] : 0.0;
    }

    /**
     * The fixed points in the closed positive quadrant, in the order {@code (0, 0)},
     * {@code (0, K)} and, when it exists, the coexistence point. Fresh arrays.
     */
    public double[][] fixedPoints() {
        if (hasCoexistence()) {
            return new double[][] {{0.0, 0.0}, {0.0, capacity}, coexistencePoint()};
        }
        return new double[][] {{0.0, 0.0}, {0.0, capacity}};
    }

    /** The Jacobian {@code J[i][j] = d f_i / d x_j} at state {@code x = (a, b)}. */
    public double[][] jacobian(double[] x) {
        MeanFieldChecks.requireState(x, 2);
        double a = x[0];
        double b = x[1];
        double s = sigma / capacity;
        return new double[][] {
            {lambda * b - mu, lambda * a},
            {-(s + lambda) * b, sigma - s * (a + 2.0 * b) - lambda * a},
        };
    }

    /** The eigenvalues of the Jacobian at {@code x}, larger real part (or {@code +i} part) first. */
    public Complex[] eigenvalues(double[] x) {
        return MeanFieldChecks.eigenvalues2x2(jacobian(x));
    }

    /**
     * The closed-form eigenvalues {@code eps±} at the coexistence point (see the class comment),
     * {@code eps+} (or the one with positive imaginary part) first.
     *
     * @throws IllegalStateException when there is no coexistence point
     */
    public Complex[] coexistenceEigenvalues() {
        requireCoexistence();
        return MeanFieldChecks.fromTraceAndDeterminant(-2.0 * damping(), determinant());
    }

    /** Whether the coexistence point is a focus: {@code 4 lambda K (lambda K - mu) > sigma mu}. */
    public boolean isFocus() {
        double lk = lambda * capacity;
        return hasCoexistence() && 4.0 * lk * (lk - mu) > sigma * mu;
    }

    /**
     * The node/focus boundary: the {@code lambda} at which {@code 4 lambda K (lambda K - mu) =
     * sigma mu}, that is {@code (mu + sqrt(mu^2 + sigma mu)) / (2K)}.
     */
    public double focusThreshold() {
        return (mu + Math.sqrt(mu * mu + sigma * mu)) / (2.0 * capacity);
    }

    /**
     * The damping rate {@code sigma mu/(2 lambda K)}, minus half the trace of the Jacobian at
     * coexistence; the decay rate of the oscillations in the focus regime.
     */
    public double damping() {
        return sigma * mu / (2.0 * lambda * capacity);
    }

    /**
     * The mean-field oscillation frequency
     * {@code omega_MF = sqrt(sigma mu (lambda K - mu)/(lambda K) - (sigma mu/(2 lambda K))^2)}
     * at coexistence; 0 in the node regime, where the approach does not oscillate.
     *
     * @throws IllegalStateException when there is no coexistence point
     */
    public double frequency() {
        requireCoexistence();
        double d = damping();
        return Math.sqrt(Math.max(0.0, determinant() - d * d));
    }

    private double determinant() {
        double lk = lambda * capacity;
        return sigma * mu * (lk - mu) / lk;
    }

    private void requireCoexistence() {
        if (!hasCoexistence()) {
            throw new IllegalStateException("no coexistence point: lambda = " + lambda
                    + " must be > lambda_c = mu/K = " + threshold());
        }
    }
}
