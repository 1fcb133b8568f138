package org.phasebook.lattice;

import org.phasebook.systems.OdeSystem;

/**
 * The mean-field rate equation of the birth–death model with pair coagulation or a local carrying
 * capacity (Täuber, arXiv:1807.01248, brief §2.1): reactions {@code A -> A + A} at rate
 * {@code sigma}, {@code A -> 0} at rate {@code mu} and {@code A + A -> A} at rate {@code lambda},
 * <pre>
 *   da/dt = (sigma - mu) a - lambda a^2 .
 * </pre>
 * The carrying-capacity form {@code da/dt = sigma a (1 - a/K) - mu a} is the same equation with
 * {@code lambda = sigma/K} ({@link #withCapacity}). The state is the density {@code a} (particles
 * per site).
 *
 * <p>Fixed points: {@code a = 0}, and for {@code sigma > mu} the active state
 * {@code a* = (sigma - mu)/lambda} ({@code K (1 - mu/sigma)} in the capacity form). The
 * mean-field critical point is {@code sigma_c = mu}; near it {@code a*} vanishes linearly and the
 * relaxation rate {@code |sigma - mu|} linearly, so the relaxation time diverges as
 * {@code |sigma - mu|^-1}. At {@code sigma = mu} the decay is algebraic, {@code a ~ 1/(lambda t)}.
 *
 * @param sigma  birth rate, finite and {@code >= 0}
 * @param mu     death rate, finite and {@code >= 0}
 * @param lambda coagulation rate, finite and {@code > 0}
 */
public record BirthDeathMeanField(double sigma, double mu, double lambda) implements OdeSystem {

    /** Validates the rates. */
    public BirthDeathMeanField {
        MeanFieldChecks.requireRate("sigma", sigma);
        MeanFieldChecks.requireRate("mu", mu);
        MeanFieldChecks.requirePositive("lambda", lambda);
    }

    /**
     * The carrying-capacity form {@code da/dt = sigma a (1 - a/K) - mu a}, that is
     * {@code lambda = sigma / K}.
     *
     * @param sigma    birth rate, finite and {@code > 0}
     * @param mu       death rate, finite and {@code >= 0}
     * @param capacity carrying capacity {@code K}, finite and {@code > 0}
     */
    public static BirthDeathMeanField withCapacity(double sigma, double mu, double capacity) {
        MeanFieldChecks.requirePositive("sigma", sigma);
        MeanFieldChecks.requirePositive("capacity", capacity);
        return new BirthDeathMeanField(sigma, mu, sigma / capacity);
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        double a = x[0];
        dxdt[0] = (sigma - mu) * a - lambda * a * a;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"a"};
    }

    /** The net growth rate {@code sigma - mu} of a dilute population. */
    public double netGrowthRate() {
        return sigma - mu;
    }

    /** The stationary density reached from any {@code a(0) > 0}: {@code max(0, (sigma - mu)/lambda)}. */
    public double stationaryDensity() {
        return Math.max(0.0, (sigma - mu) / lambda);
    }

    /**
     * The fixed points with {@code a >= 0}: {@code {0}}, and {@code {(sigma - mu)/lambda}} after
     * it when {@code sigma > mu}. Each call returns fresh arrays.
     */
    public double[][] fixedPoints() {
        if (sigma > mu) {
            return new double[][] {{0.0}, {(sigma - mu) / lambda}};
        }
        return new double[][] {{0.0}};
    }

    /** The 1 x 1 Jacobian {@code sigma - mu - 2 lambda a} at state {@code x = (a)}. */
    public double[][] jacobian(double[] x) {
        MeanFieldChecks.requireState(x, 1);
        return new double[][] {{sigma - mu - 2.0 * lambda * x[0]}};
    }

    /**
     * The rate {@code |sigma - mu|} at which a perturbation of the stable fixed point decays
     * (minus the Jacobian there); zero at the critical point, where the decay is algebraic.
     */
    public double relaxationRate() {
        return Math.abs(sigma - mu);
    }

    /**
     * The exact solution {@code a(t)} from {@code a(0) = a0}: with {@code r = sigma - mu},
     * {@code a(t) = a0 r e^{rt} / (r + lambda a0 (e^{rt} - 1))}, and
     * {@code a0 / (1 + lambda a0 t)} when {@code r = 0}.
     *
     * @param a0 initial density, finite and {@code >= 0}
     * @param t  time, finite and {@code >= 0}
     */
    public double exactDensity(double a0, double t) {
        MeanFieldChecks.requireRate("a0", a0);
        MeanFieldChecks.requireRate("t", t);
        double r = sigma - mu;
        double rt = r * t;
        if (Math.abs(rt) < 1e-8) {
            // the limit r -> 0, with the first correction, avoids 0/0 in the closed form
            return a0 * (1.0 + rt) / (1.0 + lambda * a0 * t * (1.0 + 0.5 * rt));
        }
        double growth = Math.expm1(rt);
        if (r > 0.0) {
            // divide by e^{rt} so that large t does not overflow
            double decay = Math.exp(-rt);
            return a0 * r / (r * decay + lambda * a0 * (1.0 - decay));
        }
        return a0 * r * (growth + 1.0) / (r + lambda * a0 * growth);
    }
}
