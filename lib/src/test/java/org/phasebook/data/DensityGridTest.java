package org.phasebook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DensityGridTest {

    private static final double[][] UNIT = {{1, 0}, {0, 1}};

    /** The standard bivariate normal density on {@code m x m} nodes over {@code [-6, 6]^2}. */
    private static DensityGrid standardNormal(int m) {
        double[] axis = new double[m];
        for (int i = 0; i < m; i++) {
            axis[i] = -6 + 12.0 * i / (m - 1);
        }
        double[][] density = new double[m][m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                density[r][c] = Math.exp(-0.5 * (axis[r] * axis[r] + axis[c] * axis[c])) / (2 * Math.PI);
            }
        }
        return new DensityGrid(axis, axis, density, UNIT);
    }

    @Test
    void aWorkedExampleOfTheMassThreshold() {
        // Node values 4, 3, 2, 1 (total 10) on unit cells.
        DensityGrid grid = new DensityGrid(new double[] {0, 1}, new double[] {5, 6}, new double[][] {{4, 3}, {2, 1}}, UNIT);
        assertEquals(1.0, grid.cellArea(), 0.0);
        assertEquals(10.0, grid.mass(), 0.0);
        // 40 % of the mass is the top node exactly; 55 % is half-way through the second node (3 of it),
        // so the threshold is half-way from 4 to 3; 90 % is all but the last node.
        assertEquals(4.0, grid.massThreshold(0.4), 1e-15);
        assertEquals(3.5, grid.massThreshold(0.55), 1e-15);
        assertEquals(2.0, grid.massThreshold(0.9), 1e-15);
        assertEquals(0.4, grid.massFractionAbove(3.5), 1e-15);
        assertEquals(0.9, grid.massFractionAbove(1.0), 1e-15);
        assertEquals(1.0, grid.massFractionAbove(0.0), 0.0);
    }

    @Test
    void theThresholdSeparatesTheNodesThatHoldTheRequestedMass() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] density = new double[17][23];
        for (double[] row : density) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble() < 0.2 ? 0.0 : random.nextDouble();
            }
        }
        DensityGrid grid = new DensityGrid(axis(23, 0.5), axis(17, 0.25), density, UNIT);
        double[] values = Arrays.stream(density).flatMapToDouble(Arrays::stream).sorted().toArray();
        for (double p = 0.01; p < 1; p += 0.01) {
            double t = grid.massThreshold(p);
            // The nodes strictly above t hold at most p of the mass; adding the next node down
            // (the largest value <= t) reaches at least p.
            assertTrue(grid.massFractionAbove(t) <= p + 1e-12, "p " + p);
            double next = largestAtMost(values, t);
            assertTrue(grid.massFractionAbove(Math.nextDown(next)) >= p - 1e-12, "p " + p);
        }
    }

    @Test
    void thresholdsOfAnAnalyticNormalMatchTheExactHighestDensityLevels() {
        // For N(0, I) the set {f > t} is the disc of radius rho with mass 1 - exp(-rho^2 / 2) and
        // t = exp(-rho^2 / 2) / (2 pi), so the threshold for mass p is (1 - p) / (2 pi). Counting
        // nodes is a lattice approximation: we ask for the implied radius within a fifth of a
        // grid spacing.
        for (int m : new int[] {101, 201}) {
            DensityGrid grid = standardNormal(m);
            double spacing = 12.0 / (m - 1);
            assertEquals(1.0, grid.mass(), 1e-8);           // the tails beyond 6 hold ~4e-9
            for (double p : new double[] {0.5, 0.9, 0.95, 0.99}) {
                double t = grid.massThreshold(p);
                double radius = Math.sqrt(-2 * Math.log(2 * Math.PI * t));
                double exact = Math.sqrt(-2 * Math.log(1 - p));
                assertEquals(exact, radius, spacing / 5, "m " + m + ", p " + p);
                assertEquals((1 - p) / (2 * Math.PI), t, 0.02 * (1 - p) / (2 * Math.PI), "m " + m + ", p " + p);
            }
        }
    }

    @Test
    void thresholdsAreInvariantUnderRescalingTheMass() {
        // Fractions are of the grid's own mass: multiplying every value by 7 multiplies t by 7.
        DensityGrid grid = standardNormal(41);
        double[][] scaled = grid.density();
        for (double[] row : scaled) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= 7;
            }
        }
        DensityGrid heavier = new DensityGrid(grid.x(), grid.y(), scaled, UNIT);
        assertEquals(7 * grid.massThreshold(0.95), heavier.massThreshold(0.95), 1e-14);
        assertEquals(7 * grid.mass(), heavier.mass(), 1e-12);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {0, 1};
        double[] y = {0, 2};
        double[][] density = {{1, 2}, {3, 4}};
        DensityGrid grid = new DensityGrid(x, y, density, UNIT);
        x[0] = 9;
        density[1][1] = 9;
        grid.x()[1] = 9;
        grid.density()[0][0] = 9;
        grid.kernelCovariance()[0][0] = 9;
        assertArrayEquals(new double[] {0, 1}, grid.x(), 0.0);
        assertEquals(4.0, grid.density(1, 1), 0.0);
        assertEquals(1.0, grid.density(0, 0), 0.0);
        assertEquals(1.0, grid.kernelCovariance()[0][0], 0.0);
        assertEquals(2, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals(2.0, grid.dy(), 0.0);
    }

    @Test
    void badGridsAreRejectedNamingTheParameter() {
        double[] two = {0, 1};
        double[][] ones = {{1, 1}, {1, 1}};
        assertMessage("x must have >= 2 nodes, got 1", () -> new DensityGrid(new double[] {0}, two, new double[][] {{1}, {1}}, UNIT));
        assertMessage("y must be increasing", () -> new DensityGrid(two, new double[] {1, 0}, ones, UNIT));
        assertMessage("x must be evenly spaced", () -> new DensityGrid(new double[] {0, 1, 3}, two, new double[][] {{1, 1, 1}, {1, 1, 1}}, UNIT));
        assertMessage("x[1] must be finite, got NaN", () -> new DensityGrid(new double[] {0, Double.NaN}, two, ones, UNIT));
        assertMessage("density must have y.length = 2 rows, got 1", () -> new DensityGrid(two, two, new double[][] {{1, 1}}, UNIT));
        assertMessage("density[1] must have x.length = 2 entries, got 3", () -> new DensityGrid(two, two, new double[][] {{1, 1}, {1, 1, 1}}, UNIT));
        assertMessage("density[0][1] must be finite and >= 0, got -1.0", () -> new DensityGrid(two, two, new double[][] {{1, -1}, {1, 1}}, UNIT));
        assertMessage("density[1][0] must be finite and >= 0, got NaN", () -> new DensityGrid(two, two, new double[][] {{1, 1}, {Double.NaN, 1}}, UNIT));
        assertMessage("density must have an entry > 0", () -> new DensityGrid(two, two, new double[2][2], UNIT));
        assertMessage("kernelCovariance must be positive definite", () -> new DensityGrid(two, two, ones, new double[][] {{1, 2}, {2, 1}}));
        assertMessage("kernelCovariance must be symmetric", () -> new DensityGrid(two, two, ones, new double[][] {{1, 0.5}, {0.4, 1}}));
        DensityGrid grid = new DensityGrid(two, two, ones, UNIT);
        for (double p : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertMessage("fraction must be in (0, 1), got " + p, () -> grid.massThreshold(p));
        }
        assertMessage("t must not be NaN", () -> grid.massFractionAbove(Double.NaN));
    }

    private static double[] axis(int n, double step) {
        double[] axis = new double[n];
        for (int i = 0; i < n; i++) {
            axis[i] = -1 + i * step;
        }
        return axis;
    }

    private static double largestAtMost(double[] sortedAscending, double t) {
        double best = sortedAscending[0];
        for (double v : sortedAscending) {
            if (v <= t) {
                best = v;
            }
        }
        return best;
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
