package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;

class BirthDeathMeanFieldTest {

    @Test
    void fixedPointsAreEquilibriaAndTheActiveOneIsStable() {
        BirthDeathMeanField m = new BirthDeathMeanField(2.0, 0.5, 0.3);
        double[][] fp = m.fixedPoints();
        assertEquals(2, fp.length);
        assertEquals(5.0, fp[1][0], 1e-14);
        assertEquals(5.0, m.stationaryDensity(), 1e-14);
        for (double[] p : fp) {
            MeanFieldTesting.assertEquilibrium(m, p, 1e-13);
        }
        assertEquals(-m.relaxationRate(), m.jacobian(fp[1])[0][0], 1e-13);
        assertEquals(m.relaxationRate(), m.jacobian(fp[0])[0][0], 1e-13);
        BirthDeathMeanField absorbing = new BirthDeathMeanField(0.5, 2.0, 0.3);
        assertEquals(1, absorbing.fixedPoints().length);
        assertEquals(0.0, absorbing.stationaryDensity());
        assertEquals(-1.5, absorbing.jacobian(new double[] {0.0})[0][0], 1e-15);
    }

    @Test
    void capacityFormIsTheLogisticEquation() {
        BirthDeathMeanField m = BirthDeathMeanField.withCapacity(3.0, 1.0, 4.0);
        // a* = K (1 - mu/sigma)
        assertEquals(4.0 * (1.0 - 1.0 / 3.0), m.stationaryDensity(), 1e-14);
        double[] f = new double[1];
        m.derivative(0.0, new double[] {1.7}, f);
        assertEquals(3.0 * 1.7 * (1.0 - 1.7 / 4.0) - 1.7, f[0], 1e-14);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        BirthDeathMeanField m = new BirthDeathMeanField(1.3, 0.4, 0.7);
        for (double a : new double[] {0.0, 0.2, 1.1, 3.0}) {
            MeanFieldTesting.assertJacobianMatchesDifferences(m, m::jacobian, new double[] {a}, 1e-8);
        }
    }

    @Test
    void exactSolutionMatchesIntegration() {
        DormandPrince853 dp = new DormandPrince853();
        for (BirthDeathMeanField m : new BirthDeathMeanField[] {new BirthDeathMeanField(1.5, 0.5, 0.8),
                new BirthDeathMeanField(0.5, 1.5, 0.8), new BirthDeathMeanField(1.0, 1.0, 0.8)}) {
            for (double t : new double[] {0.0, 0.3, 2.0, 17.0}) {
                double expected = dp.advance(m, 0.0, new double[] {0.9}, t)[0];
                assertEquals(expected, m.exactDensity(0.9, t), 1e-9 * Math.max(1e-3, expected), m + " t=" + t);
            }
        }
        // critical point: algebraic decay 1/(lambda t)
        BirthDeathMeanField critical = new BirthDeathMeanField(1.0, 1.0, 0.5);
        assertEquals(1.0, critical.exactDensity(1.0, 1e6) * 0.5 * 1e6, 1e-5);
        assertEquals(0.0, critical.relaxationRate());
        // far in the active phase no overflow
        assertEquals(5.0 / 3.0, new BirthDeathMeanField(2.0, 1.0, 0.6).exactDensity(0.1, 1e4), 1e-12);
    }

    @Test
    void relaxationTimeDivergesLinearlyAtTheThreshold() {
        for (double eps : new double[] {0.1, 0.01, 0.001}) {
            BirthDeathMeanField m = new BirthDeathMeanField(1.0 + eps, 1.0, 1.0);
            assertEquals(eps, m.relaxationRate(), 1e-12);
            assertEquals(eps, m.stationaryDensity(), 1e-12);
        }
    }

    @Test
    void rejectsBadRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BirthDeathMeanField(-1.0, 1.0, 1.0));
        assertTrue(e.getMessage().contains("sigma"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BirthDeathMeanField(1.0, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new BirthDeathMeanField(1.0, 1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BirthDeathMeanField.withCapacity(1.0, 1.0, 0.0));
    }
}
