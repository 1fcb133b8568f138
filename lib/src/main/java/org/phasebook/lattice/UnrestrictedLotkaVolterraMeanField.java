package org.phasebook.lattice;

import org.apache.commons.math3.complex.Complex;
import org.phasebook.systems.OdeSystem;

/**
 * The classical Lotka–Volterra rate equations, the mean-field limit of the stochastic
 * Lotka–Volterra model with unrestricted site occupancy (Washenberger, Mobilia, Täuber,
 * J. Phys.: Condens. Matter 19, 065139 (2007); brief §2.4): predators {@code A} die at rate
 * {@code mu}, prey {@code B} reproduce at rate {@code sigma}, predation {@code A + B -> A + A}
 * at rate {@code lambda},
 * <pre>
 *   da/dt = lambda a b - mu a
 *   db/dt = sigma b - lambda a b .
 * </pre>
 * The coexistence point {@code (sigma/lambda, mu/lambda)} is a centre with eigenvalues
 * {@code ±i sqrt(sigma mu)}: every orbit in the open quadrant is closed, lies on a level set of
 * the conserved quantity ({@link #conservedQuantity})
 * {@code K = lambda (a + b) - sigma ln a - mu ln b}, and small orbits have period
 * {@code 2 pi / sqrt(sigma mu)}. (This {@code K} is the brief's name for the first integral,
 * unrelated to a carrying capacity.)
 *
 * @param sigma  prey birth rate, finite and {@code > 0}
 * @param mu     predator death rate, finite and {@code > 0}
 * @param lambda predation rate, finite and {@code > 0}
 */
public record UnrestrictedLotkaVolterraMeanField(double sigma, double mu, double lambda)
        implements OdeSystem {

    /** Validates the rates. */
    public UnrestrictedLotkaVolterraMeanField {
        MeanFieldChecks.requirePositive("sigma", sigma);
        MeanFieldChecks.requirePositive("mu", mu);
        MeanFieldChecks.requirePositive("lambda", lambda);
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
        dxdt[1] = sigma * b - predation;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"a", "b"};
    }

    /** The centre {@code (a*, b*) = (sigma/lambda, mu/lambda)}, a fresh array. */
    public double[] coexistencePoint() {
        return new double[] {sigma / lambda, mu / lambda};
    }

    /** The fixed points: {@code (0, 0)}, a saddle, and the centre. Fresh arrays. */
    public double[][] fixedPoints() {
        return new double[][] {{0.0, 0.0}, coexistencePoint()};
    }

    /** The Jacobian {@code J[i][j] = d f_i / d x_j} at state {@code x = (a, b)}. */
    public double[][] jacobian(double[] x) {
        MeanFieldChecks.requireState(x, 2);
        double a = x[0];
        double b = x[1];
        return new double[][] {
            {lambda * b - mu, lambda * a},
            {-lambda * b, sigma - lambda * a},
        };
    }

    /** The eigenvalues of the Jacobian at {@code x}, larger real part (or {@code +i} part) first. */
    public Complex[] eigenvalues(double[] x) {
        return MeanFieldChecks.eigenvalues2x2(jacobian(x));
    }

    /** The closed-form eigenvalues {@code +i sqrt(sigma mu)} and {@code -i sqrt(sigma mu)} at the centre. */
    public Complex[] coexistenceEigenvalues() {
        double w = frequency();
        return new Complex[] {new Complex(0.0, w), new Complex(0.0, -w)};
    }

    /** The small-orbit angular frequency {@code omega_0 = sqrt(sigma mu)}. */
    public double frequency() {
        return Math.sqrt(sigma * mu);
    }

    /** The small-orbit period {@code 2 pi / sqrt(sigma mu)}; larger orbits take longer. */
    public double smallOrbitPeriod() {
        return 2.0 * Math.PI / frequency();
    }

    /**
     * The first integral {@code K = lambda (a + b) - sigma ln a - mu ln b}, constant along every
     * solution; its minimum over the quadrant is at the centre.
     *
     * @param x state {@code (a, b)} with {@code a, b > 0}
     */
    public double conservedQuantity(double[] x) {
        MeanFieldChecks.requireState(x, 2);
        if (!(x[0] > 0.0) || !(x[1] > 0.0)) {
            throw new IllegalArgumentException("both densities must be > 0 for the logarithms, got a = "
                    + x[0] + ", b = " + x[1]);
        }
        return lambda * (x[0] + x[1]) - sigma * Math.log(x[0]) - mu * Math.log(x[1]);
    }
}
