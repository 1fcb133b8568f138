package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;
import org.phasebook.systems.IntegrationSettings;
import org.phasebook.systems.OutputGrid;
import org.phasebook.systems.Trajectory;

class UnrestrictedLotkaVolterraMeanFieldTest {

    private final UnrestrictedLotkaVolterraMeanField model = new UnrestrictedLotkaVolterraMeanField(1.0, 0.5, 2.0);

    @Test
    void centreIsAnEquilibriumWithImaginaryEigenvalues() {
        for (double[] p : model.fixedPoints()) {
            MeanFieldTesting.assertEquilibrium(model, p, 1e-15);
        }
        double[] c = model.coexistencePoint();
        assertEquals(0.5, c[0], 1e-15);
        assertEquals(0.25, c[1], 1e-15);
        Complex[] numeric = model.eigenvalues(c);
        Complex[] closed = model.coexistenceEigenvalues();
        for (int i = 0; i < 2; i++) {
            assertEquals(0.0, numeric[i].getReal(), 1e-15);
            assertEquals(numeric[i].getImaginary(), closed[i].getImaginary(), 1e-14);
        }
        assertEquals(Math.sqrt(0.5), closed[0].getImaginary(), 1e-15);
        // the origin is a saddle with eigenvalues sigma and -mu
        Complex[] origin = model.eigenvalues(new double[2]);
        assertEquals(1.0, origin[0].getReal(), 1e-15);
        assertEquals(-0.5, origin[1].getReal(), 1e-15);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        for (double[] x : new double[][] {{0.1, 0.2}, {1.5, 0.3}, model.coexistencePoint()}) {
            MeanFieldTesting.assertJacobianMatchesDifferences(model, model::jacobian, x, 1e-8);
        }
    }

    @Test
    void conservedQuantityStaysConstantOverOneHundredPeriods() {
        DormandPrince853 dp = new DormandPrince853(IntegrationSettings.defaults().withTolerance(1e-12));
        double[] x0 = {0.2, 0.6};
        double k0 = model.conservedQuantity(x0);
        double period = model.smallOrbitPeriod();
        Trajectory tr = dp.integrate(model, x0, OutputGrid.of(0.0, period / 8, 801));
        double worst = 0.0;
        for (int i = 0; i < tr.size(); i++) {
            worst = Math.max(worst, Math.abs(model.conservedQuantity(tr.state(i)) - k0));
        }
        assertTrue(worst < 1e-8, "K drifted by " + worst);
        // and it is not constant off the flow: a different point has a different K
        assertTrue(Math.abs(model.conservedQuantity(new double[] {0.3, 0.6}) - k0) > 1e-3);
    }

    @Test
    void smallOrbitsHaveThePeriodTwoPiOverRootSigmaMu() {
        assertEquals(2.0 * Math.PI / Math.sqrt(0.5), model.smallOrbitPeriod(), 1e-14);
        double small = measuredPeriod(1e-4);
        assertEquals(model.smallOrbitPeriod(), small, 1e-6 * model.smallOrbitPeriod());
        assertTrue(measuredPeriod(0.3) > model.smallOrbitPeriod() * 1.001, "large orbits are slower");
    }

    /** Time between the first two upward crossings of a = a*, at relative amplitude eps. */
    private double measuredPeriod(double eps) {
        double[] c = model.coexistencePoint();
        double[] x0 = {c[0], c[1] * (1.0 + eps)}; // starts on a* with a rising (b > b*)
        DormandPrince853 dp = new DormandPrince853(IntegrationSettings.defaults().withTolerance(1e-12));
        double dt = model.smallOrbitPeriod() / 2000;
        Trajectory tr = dp.integrate(model, x0, OutputGrid.of(0.0, dt, 6000));
        double[] a = tr.component(0);
        for (int i = 1000; i + 1 < a.length; i++) {
            double u = a[i] - c[0];
            double v = a[i + 1] - c[0];
            if (u < 0 && v >= 0) {
                return tr.time(i) + dt * (-u) / (v - u);
            }
        }
        throw new AssertionError("no crossing");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new UnrestrictedLotkaVolterraMeanField(0.0, 1.0, 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.conservedQuantity(new double[] {0.0, 1.0}));
        assertTrue(e.getMessage().contains("a = 0.0"), e.getMessage());
    }
}
