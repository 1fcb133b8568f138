package org.phasebook.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeriodicCoordinateTest {

    @Test
    void unitPeriodIsExact() {
        assertEquals(0.25, PeriodicCoordinate.reduce(3.25, 1.0));
        assertEquals(0.75, PeriodicCoordinate.reduce(-0.25, 1.0));
        assertEquals(0.0, PeriodicCoordinate.reduce(-7.0, 1.0));
        assertEquals(0.0, PeriodicCoordinate.reduce(1.0, 1.0));
    }

    @Test
    void tinyNegativeValuesReduceToZeroNotToThePeriod() {
        // -1e-20 + 1 rounds to 1, which is not in [0, 1); the nearest representative is 0.
        assertEquals(0.0, PeriodicCoordinate.reduce(-1e-20, 1.0));
        assertEquals(0.0, PeriodicCoordinate.reduce(-1e-20, 2.0 * Math.PI));
        assertEquals(0.0, PeriodicCoordinate.reduce(-Double.MIN_VALUE, 3.0));
    }

    @Test
    void resultsLieInTheFundamentalDomainAndDifferByWholePeriods() {
        SplittableRandom random = new SplittableRandom(7);
        double period = 2.0 * Math.PI;
        for (int i = 0; i < 100_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10.0, random.nextInt(-18, 6));
            double r = PeriodicCoordinate.reduce(v, period);
            assertTrue(r >= 0.0 && r < period, () -> v + " -> " + r);
            double turns = (v - r) / period;
            assertEquals(Math.rint(turns), turns, 1e-9 * Math.max(1.0, Math.abs(turns)),
                    () -> v + " -> " + r);
        }
    }
}
