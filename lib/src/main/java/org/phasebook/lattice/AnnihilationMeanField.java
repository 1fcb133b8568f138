package org.phasebook.lattice;

import java.util.Objects;
import org.phasebook.systems.OdeSystem;

/**
 * The mean-field rate equations of pair annihilation (brief §2.2–2.3): for
 * {@link Kind#SINGLE_SPECIES} {@code A + A -> 0},
 * <pre>
 *   da/dt = -lambda a^2 ,   a(t) = a0 / (1 + lambda a0 t) ~ 1/(lambda t);
 * </pre>
 * for {@link Kind#TWO_SPECIES} {@code A + B -> 0},
 * <pre>
 *   da/dt = db/dt = -lambda a b ,
 * </pre>
 * which conserves {@code a - b}: equal densities decay as above, unequal ones approach
 * {@code |a0 - b0|} for the majority exponentially. The lattice kinetics departs from both
 * below the upper critical dimension (depletion zones, segregation).
 *
 * @param kind   which reaction
 * @param lambda reaction rate, finite and {@code > 0}
 */
public record AnnihilationMeanField(Kind kind, double lambda) implements OdeSystem {

    /** The reaction. */
    public enum Kind {
        /** {@code A + A -> 0}, state {@code (a)}. */
        SINGLE_SPECIES,
        /** {@code A + B -> 0}, state {@code (a, b)}. */
        TWO_SPECIES
    }

    /** Validates the rate. */
    public AnnihilationMeanField {
        Objects.requireNonNull(kind, "kind");
        MeanFieldChecks.requirePositive("lambda", lambda);
    }

    /** {@code A + A -> 0} at rate {@code lambda}. */
    public static AnnihilationMeanField singleSpecies(double lambda) {
        return new AnnihilationMeanField(Kind.SINGLE_SPECIES, lambda);
    }

    /** {@code A + B -> 0} at rate {@code lambda}. */
    public static AnnihilationMeanField twoSpecies(double lambda) {
        return new AnnihilationMeanField(Kind.TWO_SPECIES, lambda);
    }

    @Override
    public int dimension() {
        return kind == Kind.SINGLE_SPECIES ? 1 : 2;
    }

    @Override
    public void derivative(double t, double[] x, double[] dxdt) {
        if (kind == Kind.SINGLE_SPECIES) {
            dxdt[0] = -lambda * x[0] * x[0];
        } else {
            double r = -lambda * x[0] * x[1];
            dxdt[0] = r;
            dxdt[1] = r;
        }
    }

    @Override
    public String[] variableNames() {
        return kind == Kind.SINGLE_SPECIES ? new String[] {"a"} : new String[] {"a", "b"};
    }

    /** The Jacobian {@code J[i][j] = d f_i / d x_j} at state {@code x}. */
    public double[][] jacobian(double[] x) {
        MeanFieldChecks.requireState(x, dimension());
        if (kind == Kind.SINGLE_SPECIES) {
            return new double[][] {{-2.0 * lambda * x[0]}};
        }
        return new double[][] {{-lambda * x[1], -lambda * x[0]}, {-lambda * x[1], -lambda * x[0]}};
    }

    /**
     * The exact state at time {@code t} from {@code initial} at time 0. For two species with
     * {@code d = a0 - b0 != 0}: {@code a(t) = d a0 / (a0 - b0 e^{-lambda d t})} and
     * {@code b = a - d}.
     *
     * @param initial densities, finite and {@code >= 0}, of length {@link #dimension()}
     * @param t       time, finite and {@code >= 0}
     */
    public double[] exactState(double[] initial, double t) {
        MeanFieldChecks.requireState(initial, dimension());
        for (double v : initial) {
            MeanFieldChecks.requireRate("initial density", v);
        }
        MeanFieldChecks.requireRate("t", t);
        double a0 = initial[0];
        if (kind == Kind.SINGLE_SPECIES) {
            return new double[] {a0 / (1.0 + lambda * a0 * t)};
        }
        double b0 = initial[1];
        double d = a0 - b0;
        double x = lambda * d * t;
        if (Math.abs(x) < 1e-8) {
            double a = a0 / (1.0 + lambda * a0 * t); // the d -> 0 limit; error O(x) relative
            return new double[] {a, a - d};
        }
        // a - d = b; write a = d a0 / (a0 - b0 e^{-x}), stable for either sign of d through expm1
        double a = d * a0 / (d - b0 * Math.expm1(-x));
        return new double[] {a, a - d};
    }
}
