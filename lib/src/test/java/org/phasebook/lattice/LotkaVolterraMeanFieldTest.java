package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;

class LotkaVolterraMeanFieldTest {

    @Test
    void briefsExampleHasDampingOneTenthAndFrequencyRootPointOneFive() {
        LotkaVolterraMeanField m = LotkaVolterraMeanField.siteRestricted(1.0, 0.2, 1.0);
        assertTrue(m.isFocus());
        assertEquals(0.1, m.damping(), 1e-15);
        assertEquals(Math.sqrt(0.15), m.frequency(), 1e-15);
        Complex[] eps = m.coexistenceEigenvalues();
        assertEquals(-0.1, eps[0].getReal(), 1e-15);
        assertEquals(Math.sqrt(0.15), eps[0].getImaginary(), 1e-15);
        assertEquals(-Math.sqrt(0.15), eps[1].getImaginary(), 1e-15);
        // a* = sigma (lambda - mu) / (lambda (sigma + lambda)) = 0.8 / 2
        double[] c = m.coexistencePoint();
        assertEquals(0.4, c[0], 1e-15);
        assertEquals(0.2, c[1], 1e-15);
        assertEquals(0.2, m.threshold(), 1e-15);
    }

    @Test
    void fixedPointsAreEquilibriaForAnyCapacity() {
        for (double k : new double[] {1.0, 0.5, 3.0}) {
            LotkaVolterraMeanField m = new LotkaVolterraMeanField(0.7, 0.3, 0.9, k);
            double[][] fp = m.fixedPoints();
            assertEquals(3, fp.length);
            assertEquals(k, fp[1][1]);
            for (double[] p : fp) {
                MeanFieldTesting.assertEquilibrium(m, p, 1e-14);
            }
            assertEquals(0.3 / k, m.threshold(), 1e-15);
        }
        LotkaVolterraMeanField below = LotkaVolterraMeanField.siteRestricted(1.0, 0.5, 0.4);
        assertFalse(below.hasCoexistence());
        assertEquals(2, below.fixedPoints().length);
        assertThrows(IllegalStateException.class, below::coexistencePoint);
        assertThrows(IllegalStateException.class, below::coexistenceEigenvalues);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        LotkaVolterraMeanField m = new LotkaVolterraMeanField(1.3, 0.4, 0.7, 2.0);
        double[][] points = {{0.0, 0.0}, {0.3, 0.5}, {1.2, 0.1}, m.coexistencePoint()};
        for (double[] x : points) {
            MeanFieldTesting.assertJacobianMatchesDifferences(m, m::jacobian, x, 1e-8);
        }
    }

    @Test
    void closedFormEigenvaluesMatchTheJacobianInBothRegimes() {
        double[][] params = {{1.0, 0.2, 1.0, 1.0}, {4.0, 0.5, 0.6, 1.0}, {0.5, 0.3, 0.4, 2.5}, {3.0, 1.0, 1.2, 1.0}};
        for (double[] p : params) {
            LotkaVolterraMeanField m = new LotkaVolterraMeanField(p[0], p[1], p[2], p[3]);
            Complex[] closed = m.coexistenceEigenvalues();
            Complex[] numeric = m.eigenvalues(m.coexistencePoint());
            for (int i = 0; i < 2; i++) {
                assertEquals(numeric[i].getReal(), closed[i].getReal(), 1e-12, m.toString());
                assertEquals(numeric[i].getImaginary(), closed[i].getImaginary(), 1e-12, m.toString());
            }
            // the brief's formula eps± = -(s m / 2 l K)[1 ± sqrt(1 - 4 l K (l K - m)/(s m))] in the node case
            double lk = p[2] * p[3];
            double disc = 1.0 - 4.0 * lk * (lk - p[1]) / (p[0] * p[1]);
            assertEquals(disc < 0, m.isFocus(), m.toString());
            if (disc >= 0) {
                double pre = -p[0] * p[1] / (2.0 * lk);
                assertEquals(pre * (1.0 - Math.sqrt(disc)), closed[0].getReal(), 1e-12);
                assertEquals(pre * (1.0 + Math.sqrt(disc)), closed[1].getReal(), 1e-12);
                assertEquals(0.0, m.frequency());
            } else {
                assertEquals(-p[0] * p[1] / (2.0 * lk), closed[0].getReal(), 1e-12);
                assertEquals(m.frequency(), closed[0].getImaginary(), 1e-12);
            }
        }
    }

    @Test
    void focusThresholdSeparatesNodeFromFocus() {
        LotkaVolterraMeanField base = new LotkaVolterraMeanField(1.0, 0.2, 1.0, 2.0);
        double lf = base.focusThreshold();
        assertTrue(lf > base.threshold());
        assertFalse(new LotkaVolterraMeanField(1.0, 0.2, lf * (1 - 1e-9), 2.0).isFocus());
        assertTrue(new LotkaVolterraMeanField(1.0, 0.2, lf * (1 + 1e-9), 2.0).isFocus());
        Complex[] atBoundary = new LotkaVolterraMeanField(1.0, 0.2, lf, 2.0).coexistenceEigenvalues();
        assertEquals(atBoundary[0].getReal(), atBoundary[1].getReal(), 1e-6);
    }

    @Test
    void focusIsApproachedWithTheMeanFieldDampingAndFrequency() {
        LotkaVolterraMeanField m = LotkaVolterraMeanField.siteRestricted(1.0, 0.2, 1.0);
        double[] star = m.coexistencePoint();
        double[] x = {star[0] + 1e-4, star[1]};
        DormandPrince853 dp = new DormandPrince853();
        // the linearised solution decays by e^{-0.1 t}; after one period the deviation shrinks by exp(-0.1 T)
        double period = 2.0 * Math.PI / m.frequency();
        double[] y = dp.advance(m, 0.0, x, period);
        double ratio = (y[0] - star[0]) / 1e-4;
        assertEquals(Math.exp(-0.1 * period), ratio, 2e-3);
        assertEquals(0.0, y[1] - star[1], 2e-3 * 1e-4 * 10);
    }

    @Test
    void stationaryPredatorDensityIsWhereTheRateEquationsSettle() {
        DormandPrince853 dp = new DormandPrince853();
        // below, just above and well above lambda_c = mu = 0.2: predators die out, or settle at a*
        for (double lambda : new double[] {0.1, 0.19, 0.25, 0.5, 1.0}) {
            LotkaVolterraMeanField m = LotkaVolterraMeanField.siteRestricted(1.0, 0.2, lambda);
            double[] y = dp.advance(m, 0.0, new double[] {0.3, 0.3}, 3000.0);
            assertEquals(y[0], m.stationaryPredatorDensity(), 1e-6, "lambda = " + lambda);
        }
        // continuous at the threshold: a* -> 0 linearly, with slope sigma / (mu (sigma + mu))
        LotkaVolterraMeanField above = LotkaVolterraMeanField.siteRestricted(1.0, 0.2, 0.2 + 1e-6);
        assertEquals(1e-6 / (0.2 * 1.2), above.stationaryPredatorDensity(), 1e-10);
        assertEquals(0.0, LotkaVolterraMeanField.siteRestricted(1.0, 0.2, 0.2).stationaryPredatorDensity());
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LotkaVolterraMeanField(1.0, 0.2, 1.0, 0.0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LotkaVolterraMeanField.siteRestricted(1.0, -0.2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> LotkaVolterraMeanField.siteRestricted(1.0, 0.2, 1.0)
                .jacobian(new double[3]));
    }
}
