package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.phasebook.systems.OdeSystem;

/** Shared oracles for the mean-field tests: central-difference Jacobians and zero derivatives. */
final class MeanFieldTesting {

    private MeanFieldTesting() {
    }

    /** Asserts that {@code jacobian} matches central differences of the vector field at {@code x}. */
    static void assertJacobianMatchesDifferences(OdeSystem system, Function<double[], double[][]> jacobian,
            double[] x, double tol) {
        int n = system.dimension();
        double[][] j = jacobian.apply(x.clone());
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int col = 0; col < n; col++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(x[col]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[col] += h;
            xm[col] -= h;
            system.derivative(0.0, xp, plus);
            system.derivative(0.0, xm, minus);
            for (int row = 0; row < n; row++) {
                double fd = (plus[row] - minus[row]) / (2.0 * h);
                assertEquals(fd, j[row][col], tol, "J[" + row + "][" + col + "] at " + java.util.Arrays.toString(x));
            }
        }
    }

    /** Asserts that the vector field vanishes at {@code x}. */
    static void assertEquilibrium(OdeSystem system, double[] x, double tol) {
        double[] f = new double[system.dimension()];
        system.derivative(0.0, x, f);
        for (int i = 0; i < f.length; i++) {
            assertEquals(0.0, f[i], tol, "f[" + i + "] at " + java.util.Arrays.toString(x));
        }
    }
}
