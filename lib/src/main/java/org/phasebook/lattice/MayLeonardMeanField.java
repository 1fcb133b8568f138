package org.phasebook.lattice;

import org.apache.commons.math3.complex.Complex;
import org.phasebook.systems.OdeSystem;

/**
 * The mean-field rate equations of the May–Leonard model of cyclic competition with
 * reproduction into empty room (Reichenbach, Mobilia, Frey, Nature 448, 1046 (2007); brief §2.5):
 * selection {@code AB -> A0}, {@code BC -> B0}, {@code CA -> C0} at rate {@code sigma} and
 * reproduction {@code X0 -> XX} at rate {@code mu}. With {@code rho = a + b + c},
 * <pre>
 *   da/dt = a [mu (1 - rho) - sigma c]
 *   db/dt = b [mu (1 - rho) - sigma a]
 *   dc/dt = c [mu (1 - rho) - sigma b] .
 * </pre>
 * Exchange (mobility) does not enter the mean field.
 *
 * <p>Fixed points: the empty state, the three one-species states ({@code a = 1} etc.) and the
 * coexistence point {@code a* = b* = c* = mu/(3 mu + sigma)}. The Jacobian there is circulant;
 * its eigenvalues are {@code -mu} (towards the invariant manifold) and the unstable pair
 * {@code mu sigma (1 ± i sqrt 3) / (2 (3 mu + sigma))}: orbits spiral out to a heteroclinic
 * cycle. For {@code sigma = mu = 1}: growth rate 1/8 and frequency {@code sqrt(3)/8}.
 *
 * @param sigma selection rate, finite and {@code > 0}
 * @param mu    reproduction rate, finite and {@code > 0}
 */
public record MayLeonardMeanField(double sigma, double mu) implements OdeSystem {

    /** Validates the rates. */
    public MayLeonardMeanField {
        MeanFieldChecks.requirePositive("sigma", sigma);
        MeanFieldChecks.requirePositive("mu", mu);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        double a = x[0];
        double b = x[1];
        double c = x[2];
        double room = mu * (1.0 - a - b - c);
        dxdt[0] = a * (room - sigma * c);
        dxdt[1] = b * (room - sigma * a);
        dxdt[2] = c * (room - sigma * b);
    }

    @Override
    public String[] variableNames() {
        return new String[] {"a", "b", "c"};
    }

    /** The coexistence density {@code mu/(3 mu + sigma)} of each species. */
    public double coexistenceDensity() {
        return mu / (3.0 * mu + sigma);
    }

    /** The coexistence point, a fresh array. */
    public double[] coexistencePoint() {
        double s = coexistenceDensity();
        return new double[] {s, s, s};
    }

    /**
     * All fixed points in the closed simplex: the empty state, {@code (1,0,0)}, {@code (0,1,0)},
     * {@code (0,0,1)} and the coexistence point, in that order. Fresh arrays.
     */
    public double[][] fixedPoints() {
        return new double[][] {
            {0.0, 0.0, 0.0}, {1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}, coexistencePoint(),
        };
    }

    /** The Jacobian {@code J[i][j] = d f_i / d x_j} at state {@code x = (a, b, c)}. */
    public double[][] jacobian(double[] x) {
        MeanFieldChecks.requireState(x, 3);
        double a = x[0];
        double b = x[1];
        double c = x[2];
        double room = mu * (1.0 - a - b - c);
        return new double[][] {
            {room - sigma * c - mu * a, -mu * a, -(mu + sigma) * a},
            {-(mu + sigma) * b, room - sigma * a - mu * b, -mu * b},
            {-mu * c, -(mu + sigma) * c, room - sigma * b - mu * c},
        };
    }

    /**
     * The closed-form eigenvalues at the coexistence point: the pair
     * {@code mu sigma (1 ± i sqrt 3)/(2 (3 mu + sigma))} ({@code +i} first), then {@code -mu}.
     */
    public Complex[] coexistenceEigenvalues() {
        return new Complex[] {
            new Complex(growthRate(), frequency()), new Complex(growthRate(), -frequency()),
            new Complex(-mu, 0.0),
        };
    }

    /** The growth rate {@code mu sigma / (2 (3 mu + sigma))} of the unstable focus. */
    public double growthRate() {
        return mu * sigma / (2.0 * (3.0 * mu + sigma));
    }

    /** The angular frequency {@code sqrt(3) mu sigma / (2 (3 mu + sigma))} of the unstable focus. */
    public double frequency() {
        return Math.sqrt(3.0) * growthRate();
    }
}
