package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalExponentTest {

    @Test
    void exactPowerLawsGiveTheirExponentOnAnyGrid() {
        double delta = 0.1595;
        double[] uniform = new double[1000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = 0.5 * (i + 1);
        }
        double[] geometric = new double[80];
        for (int i = 0; i < geometric.length; i++) {
            geometric[i] = Math.pow(10.0, i / 20.0);
        }
        for (double[] t : new double[][] {uniform, geometric}) {
            double[] rho = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                rho[i] = 0.7 * Math.pow(t[i], -delta);
            }
            for (double m : new double[] {2.0, 3.0, 3.7}) {
                LocalExponent e = LocalExponent.of(t, rho, m);
                assertTrue(e.size() > t.length / 2, "evaluated " + e.size());
                assertTrue(e.times()[0] >= m * t[0] - 1e-12);
                for (double v : e.values()) {
                    assertEquals(delta, v, 1e-12);
                }
            }
        }
    }

    @Test
    void correctionsToScalingMatchTheAnalyticDrift() {
        // rho = t^-d (1 + c/t): delta_eff(t) = d - ln[(1 + c/t)/(1 + m c/t)] / ln m
        double d = 0.45;
        double c = 5.0;
        double m = 2.0;
        double[] t = new double[400];
        double[] rho = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.pow(10.0, i / 100.0);
            rho[i] = Math.pow(t[i], -d) * (1.0 + c / t[i]);
        }
        LocalExponent e = LocalExponent.of(t, rho, m);
        double[] times = e.times();
        double[] values = e.values();
        for (int i = 0; i < times.length; i++) {
            double x = times[i];
            double exact = d - Math.log((1.0 + c / x) / (1.0 + m * c / x)) / Math.log(m);
            assertEquals(exact, values[i], 2e-5, "t=" + x);
        }
        // the drift: well above d at early times, approaching d from above later
        assertTrue(values[0] > d + 0.3);
        assertEquals(d, values[values.length - 1], 2e-3);
        assertEquals(d, e.mean(1e3, 1e4), 5e-3);
    }

    @Test
    void extinctRunsAreCutWhereTheDensityVanishes() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] rho = {1, 0.5, 0.33, 0.25, 0.2, 0.0, 0.0, 0.0};
        LocalExponent e = LocalExponent.of(t, rho, 2.0);
        assertEquals(4, e.size()); // t = 2, 3, 4, 5
        assertEquals(1.0, e.values()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> e.mean(6, 8));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LocalExponent.of(new double[] {1, 2}, new double[] {1, 1}, 1.0));
        assertTrue(bad.getMessage().contains("factor"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LocalExponent.of(new double[] {1, 1}, new double[] {1, 1}, 2.0));
        assertThrows(IllegalArgumentException.class,
                () -> LocalExponent.of(new double[] {1, 2}, new double[] {1}, 2.0));
    }
}
