package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each site model's {@code meanField()} is the rate equation of its own rule, with its own rates. */
class ModelMeanFieldTest {

    private static double[] derivative(org.phasebook.systems.OdeSystem system, double... x) {
        double[] dx = new double[x.length];
        system.derivative(0.0, x, dx);
        return dx;
    }

    @Test
    void contactProcessIsLogisticWithCapacityOne() {
        ContactProcess cp = new ContactProcess(1.7, 0.4);
        double a = 0.3;
        assertEquals(1.7 * a * (1 - a) - 0.4 * a, derivative(cp.meanField(), a)[0], 1e-15);
        assertEquals(1 - 0.4 / 1.7, cp.meanField().stationaryDensity(), 1e-15);
    }

    @Test
    void lotkaVolterraKeepsItsRatesAndIgnoresHopping() {
        LotkaVolterra lv = new LotkaVolterra(1.0, 0.2, 1.0, 0.5);
        double a = 0.3;
        double b = 0.4;
        double[] d = derivative(lv.meanField(), a, b);
        assertEquals(1.0 * a * b - 0.2 * a, d[0], 1e-15);
        assertEquals(1.0 * b * (1 - a - b) - 1.0 * a * b, d[1], 1e-15);
        assertEquals(lv.meanField(), new LotkaVolterra(1.0, 0.2, 1.0, 0.0).meanField());
    }

    @Test
    void mayLeonardKeepsSelectionAndReproduction() {
        MayLeonard ml = new MayLeonard(1.0, 0.8, 3.0);
        double a = 0.2;
        double b = 0.3;
        double c = 0.1;
        double rho = a + b + c;
        double[] d = derivative(ml.meanField(), a, b, c);
        assertEquals(a * (0.8 * (1 - rho) - 1.0 * c), d[0], 1e-15);
        assertEquals(b * (0.8 * (1 - rho) - 1.0 * a), d[1], 1e-15);
        assertEquals(c * (0.8 * (1 - rho) - 1.0 * b), d[2], 1e-15);
    }
}
