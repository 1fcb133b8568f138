package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;
import org.phasebook.systems.IntegrationSettings;
import org.phasebook.systems.LinearSystem;
import org.phasebook.systems.OutputGrid;
import org.phasebook.systems.Trajectory;

class SnapshotPairsTest {

    @Test
    void mapFactoryAppliesTheMapAtEachPoint() {
        SnapshotPairs p = SnapshotPairs.ofMap((x, next) -> {
            next[0] = 2 * x[0];
            next[1] = x[0] + x[1];
        }, new double[][] {{1, 2}, {3, 4}, {5, 6}}, Weights.of(1, 2, 3));
        assertArrayEquals(new double[][] {{2, 3}, {6, 7}, {10, 11}}, p.y());
        assertEquals(3, p.size());
        assertEquals(2, p.dimension());
        assertEquals(Weights.of(1, 2, 3), p.weights());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}, {2, 3}, {6, 7}, {10, 11}},
                p.xAndY());
    }

    @Test
    void quadratureFactoryUsesTheRulesNodesAndWeights() {
        Quadrature rule = Quadrature.gaussLegendre(5, -1, 0);
        SnapshotPairs p = SnapshotPairs.ofMap((x, next) -> next[0] = x[0] * x[0], rule);
        assertArrayEquals(rule.points(), p.x());
        assertEquals(rule.weights(), p.weights());
        assertEquals(rule.point(2)[0] * rule.point(2)[0], p.y()[2][0]);
    }

    @Test
    void trajectoryGivesConsecutivePairsWithErgodicWeights() {
        Trajectory t = Trajectory.of(new double[] {0, 1, 2, 3},
                new double[][] {{1}, {2}, {4}, {8}}, new String[] {"u"});
        SnapshotPairs p = SnapshotPairs.fromTrajectory(t);
        assertArrayEquals(new double[][] {{1}, {2}, {4}}, p.x());
        assertArrayEquals(new double[][] {{2}, {4}, {8}}, p.y());
        assertEquals(Weights.monteCarlo(3), p.weights());
        SnapshotPairs two = SnapshotPairs.fromTrajectories(List.of(t, t));
        assertEquals(6, two.size());
        assertEquals(1.0 / 6, two.weights().get(0));
        assertArrayEquals(new double[] {1}, two.x()[3]);
    }

    @Test
    void sampledLinearFlowGivesTheEigenvaluesOfItsTimeDtMap() {
        // dx/dt = B x with eigenvalues -0.1 +- i; sampled every dt the map is e^{B dt}, whose
        // eigenvalues e^{(-0.1 +- i) dt} DMD (the coordinate dictionary) recovers.
        LinearSystem system = LinearSystem.of(new double[][] {{-0.1, -1}, {1, -0.1}});
        DormandPrince853 integrator =
                new DormandPrince853(IntegrationSettings.defaults().withTolerance(1e-13));
        double dt = 0.2;
        List<Trajectory> bursts = new ArrayList<>();
        for (double[] x0 : new double[][] {{1, 0}, {0.3, -2}, {-1, 1}}) {
            bursts.add(integrator.integrate(system, x0, OutputGrid.of(0, dt, 6)));
        }
        SnapshotPairs data = SnapshotPairs.fromTrajectories(bursts);
        assertEquals(15, data.size());
        EdmdModel model = new Edmd(new CoordinateDictionary(2)).fit(data);
        Complex mu = Complex.polar(Math.exp(-0.1 * dt), dt);
        Spectra.assertSameSpectrum(new Complex[] {mu, mu.conjugate()}, model.eigenvalues(), 1e-11);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[][] x = {{1}, {2}};
        SnapshotPairs p = SnapshotPairs.of(x, new double[][] {{3}, {4}});
        x[0][0] = 99;
        p.x()[1][0] = 99;
        assertArrayEquals(new double[][] {{1}, {2}}, p.x());
        assertEquals(SnapshotPairs.of(new double[][] {{1}, {2}}, new double[][] {{3}, {4}}), p);
        assertEquals("SnapshotPairs[M=2, d=1]", p.toString());
    }

    @Test
    void nonFiniteEntriesAreRefusedWithRowAndColumn() {
        assertEquals("x[1][0] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> SnapshotPairs.of(new double[][] {{1, 2}, {Double.NaN, 3}},
                        new double[][] {{1, 2}, {3, 4}})).getMessage());
        assertEquals("y[0][1] must be finite, got -Infinity",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.of(
                        new double[][] {{1, 2}, {3, 3}},
                        new double[][] {{1, Double.NEGATIVE_INFINITY}, {3, 4}})).getMessage());
        assertEquals("y[0][0] must be finite, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.ofMap(
                        (x, next) -> next[0] = 1 / x[0], new double[][] {{0}}, Weights.of(1)))
                        .getMessage());
    }

    @Test
    void shapesMustMatchAndDataMustBeNonEmpty() {
        assertEquals("y must have as many rows as x, M = 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.of(
                        new double[][] {{1}, {2}}, new double[][] {{1}})).getMessage());
        assertEquals("y must have the shape of x, 2 x 1, got 2 x 2",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.of(
                        new double[][] {{1}, {2}}, new double[][] {{1, 1}, {2, 2}})).getMessage());
        assertEquals("x[1] must have length 2 like x[0], got 1",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.of(
                        new double[][] {{1, 2}, {2}}, new double[][] {{1, 1}, {2, 2}})).getMessage());
        assertEquals("x must hold at least 1 row, got 0", assertThrows(IllegalArgumentException.class,
                () -> SnapshotPairs.of(new double[0][], new double[0][])).getMessage());
        assertEquals("x[0] must hold at least 1 coordinate, got 0",
                assertThrows(IllegalArgumentException.class, () -> SnapshotPairs.of(
                        new double[][] {{}}, new double[][] {{}})).getMessage());
        assertEquals("weights must have one entry per snapshot pair, M = 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> new SnapshotPairs(
                        new double[][] {{1}, {2}}, new double[][] {{1}, {2}}, Weights.of(1, 1, 1)))
                        .getMessage());
        Trajectory single = Trajectory.of(new double[] {0}, new double[][] {{1}}, new String[] {"u"});
        assertEquals("trajectories[0] must hold at least 2 samples to give a pair, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> SnapshotPairs.fromTrajectory(single)).getMessage());
        assertEquals("trajectories must hold at least 1 trajectory, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> SnapshotPairs.fromTrajectories(List.of())).getMessage());
    }

    @Test
    void orbitsGiveStepsPairsPerStartInOrderWhateverTheThreads() {
        org.phasebook.systems.DiscreteMap doubling = new org.phasebook.systems.DiscreteMap() {
            public int dimension() {
                return 1;
            }

            public void apply(double[] x, double[] next) {
                next[0] = 2 * x[0];
            }
        };
        double[][] starts = new double[200][];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = new double[] {i};
        }
        SnapshotPairs parallel = SnapshotPairs.ofOrbits(doubling, starts, 3, false);
        SnapshotPairs sequential = SnapshotPairs.ofOrbits(doubling, starts, 3, true);
        assertEquals(600, parallel.size());
        assertEquals(parallel, sequential);
        // Orbit of start 5: 5 -> 10 -> 20 -> 40, pairs 15, 16, 17.
        assertEquals(10.0, parallel.x()[16][0]);
        assertEquals(20.0, parallel.y()[16][0]);
        assertEquals(1.0 / 600, parallel.weights().get(0), 1e-18);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotPairs.ofOrbits(doubling, starts, 0, false));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }
}
