package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.phasebook.data.DensityGrid;
import org.phasebook.data.GaussianSamples;
import org.phasebook.data.KernelDensity2D;

class IsoLinesTest {

    private static double[] axis(double from, double to, int nodes) {
        double[] axis = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            axis[i] = from + (to - from) * i / (nodes - 1);
        }
        return axis;
    }

    private static double[][] sample(double[] x, double[] y, DoubleBinaryOperator f) {
        double[][] z = new double[y.length][x.length];
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < x.length; c++) {
                z[r][c] = f.applyAsDouble(x[c], y[r]);
            }
        }
        return z;
    }

    /** Every segment has the gradient {@code (gx, gy)} (towards higher values) on its left. */
    private static void assertAboveOnTheLeft(IsoLine line, DoubleBinaryOperator gx, DoubleBinaryOperator gy) {
        for (int i = 1; i < line.size(); i++) {
            double mx = 0.5 * (line.x(i) + line.x(i - 1));
            double my = 0.5 * (line.y(i) + line.y(i - 1));
            double leftX = -(line.y(i) - line.y(i - 1));
            double leftY = line.x(i) - line.x(i - 1);
            double dot = gx.applyAsDouble(mx, my) * leftX + gy.applyAsDouble(mx, my) * leftY;
            assertTrue(dot > 0, "segment " + i + " runs with the higher side on its right");
        }
    }

    private static boolean onBorder(double px, double py, double[] x, double[] y) {
        return px == x[0] || px == x[x.length - 1] || py == y[0] || py == y[y.length - 1];
    }

    @Test
    void aCircleOfTheSquaredRadiusIsOneClosedLoopOnTheCircle() {
        // Vertices come from linear interpolation of x^2 + y^2 along an edge of length h: the
        // chord misses the parabola by at most h^2 / 4 in value, so the radius by at most about
        // h^2 / r (a vertex placed at the edge's midpoint could miss by h / 2).
        double[] x = axis(-2, 2, 41);
        double[] y = axis(-1.9, 2.1, 37);
        double h = Math.max(x[1] - x[0], y[1] - y[0]);
        double radius = 1.2;
        List<IsoLine> lines = IsoLines.trace(x, y, sample(x, y, (a, b) -> a * a + b * b), radius * radius);
        assertEquals(1, lines.size());
        IsoLine loop = lines.get(0);
        assertTrue(loop.closed());
        assertEquals(radius * radius, loop.level(), 0.0);
        assertEquals(loop.x(0), loop.x(loop.size() - 1), 0.0);
        assertEquals(loop.y(0), loop.y(loop.size() - 1), 0.0);
        for (int i = 0; i < loop.size(); i++) {
            double px = loop.x(i);
            double py = loop.y(i);
            assertTrue(Arrays.stream(x).anyMatch(v -> v == px) || Arrays.stream(y).anyMatch(v -> v == py),
                    "vertex " + i + " is on a grid line");
            assertEquals(radius, Math.hypot(px, py), h * h / radius, "vertex " + i);
        }
        // The centre is a pit: the loop runs clockwise and encloses about pi r^2.
        assertEquals(-Math.PI * radius * radius, loop.signedArea(), 0.01 * Math.PI * radius * radius);
        assertAboveOnTheLeft(loop, (a, b) -> 2 * a, (a, b) -> 2 * b);
        assertEquals(2 * Math.PI * radius, loop.length(), 0.01 * 2 * Math.PI * radius);
    }

    @Test
    void aLinearFieldGivesOneStraightLineAcrossTheGrid() {
        double[] x = axis(-1, 3, 23);
        double[] y = axis(0, 2, 15);
        double level = 0.7;
        List<IsoLine> lines = IsoLines.trace(x, y, sample(x, y, (a, b) -> 2 * a - 3 * b + 0.5), level);
        assertEquals(1, lines.size());
        IsoLine line = lines.get(0);
        assertFalse(line.closed());
        // Linear interpolation is exact for a linear field: every vertex is on 2x - 3y + 0.5 = 0.7.
        for (int i = 0; i < line.size(); i++) {
            assertEquals(level, 2 * line.x(i) - 3 * line.y(i) + 0.5, 1e-12, "vertex " + i);
        }
        assertTrue(onBorder(line.x(0), line.y(0), x, y));
        assertTrue(onBorder(line.x(line.size() - 1), line.y(line.size() - 1), x, y));
        assertAboveOnTheLeft(line, (a, b) -> 2, (a, b) -> -3);
        // The segment between the two border points has the length of the whole polyline.
        double chord = Math.hypot(line.x(line.size() - 1) - line.x(0), line.y(line.size() - 1) - line.y(0));
        assertEquals(chord, line.length(), 1e-12);
    }

    @Test
    void aBilinearSaddleFieldGivesTheTwoHyperbolaBranches() {
        // f = x y is linear along every grid edge, so vertices are exactly on x y = level; the
        // cells around the origin are saddle cells.
        double[] x = axis(-1, 1, 21);
        double[] y = axis(-1, 1, 17);
        double level = 0.3;
        List<IsoLine> lines = IsoLines.trace(x, y, sample(x, y, (a, b) -> a * b), level);
        assertEquals(2, lines.size());
        int firstQuadrant = 0;
        for (IsoLine line : lines) {
            assertFalse(line.closed());
            for (int i = 0; i < line.size(); i++) {
                assertEquals(level, line.x(i) * line.y(i), 1e-12);
            }
            assertTrue(onBorder(line.x(0), line.y(0), x, y));
            assertTrue(onBorder(line.x(line.size() - 1), line.y(line.size() - 1), x, y));
            assertAboveOnTheLeft(line, (a, b) -> b, (a, b) -> a);
            firstQuadrant += line.x(0) > 0 ? 1 : 0;
        }
        assertEquals(1, firstQuadrant, "one branch in each of the first and third quadrants");
        // Level 0 of a field that never takes it on a node: the lines cross the saddle cell.
        double[] shifted = axis(-1.05, 0.95, 21);
        List<IsoLine> axes = IsoLines.trace(shifted, shifted, sample(shifted, shifted, (a, b) -> a * b), 0.0);
        assertEquals(2, axes.size());
    }

    @Test
    void theCentreValueDecidesHowASaddleCellIsJoined() {
        // Corners: bottom-left 1, bottom-right 0, top-right 1, top-left 0; centre value 0.5.
        double[] x = {0, 1};
        double[] y = {0, 1};
        double[][] z = {{1, 0}, {0, 1}};
        // Level 0.6: the centre is below, so the two high corners are cut off separately.
        List<IsoLine> separate = IsoLines.trace(x, y, z, 0.6);
        assertEquals(2, separate.size());
        assertLine(separate, new double[] {0.4, 0}, new double[] {0, 0.4});   // around (0, 0)
        assertLine(separate, new double[] {0.6, 1}, new double[] {1, 0.6});   // around (1, 1)
        // Level 0.4: the centre is above, so the high corners are joined and the low ones cut off.
        List<IsoLine> joined = IsoLines.trace(x, y, z, 0.4);
        assertEquals(2, joined.size());
        assertLine(joined, new double[] {0.6, 0}, new double[] {1, 0.4});     // around (1, 0)
        assertLine(joined, new double[] {0.4, 1}, new double[] {0, 0.6});     // around (0, 1)
        // The mirror-image saddle (high corners bottom-right and top-left), joined.
        List<IsoLine> mirrored = IsoLines.trace(x, y, new double[][] {{0, 1}, {1, 0}}, 0.4);
        assertLine(mirrored, new double[] {0, 0.4}, new double[] {0.4, 0});   // around (0, 0)
        assertLine(mirrored, new double[] {1, 0.6}, new double[] {0.6, 1});   // around (1, 1)
        for (List<IsoLine> lines : List.of(separate, joined, mirrored)) {
            for (IsoLine line : lines) {
                assertEquals(2, line.size());
                assertFalse(line.closed());
            }
        }
    }

    /** One of the lines runs from {@code from} to {@code to}, in that direction. */
    private static void assertLine(List<IsoLine> lines, double[] from, double[] to) {
        boolean found = false;
        for (IsoLine line : lines) {
            found |= Math.abs(line.x(0) - from[0]) < 1e-12 && Math.abs(line.y(0) - from[1]) < 1e-12
                    && Math.abs(line.x(1) - to[0]) < 1e-12 && Math.abs(line.y(1) - to[1]) < 1e-12;
        }
        assertTrue(found, "a line from " + Arrays.toString(from) + " to " + Arrays.toString(to));
    }

    @Test
    void twoPeaksGiveTwoLoopsHighUpAndOneLoopLowDown() {
        double[] x = axis(-3, 3, 61);
        double[] y = axis(-2, 2, 41);
        double[][] z = sample(x, y, (a, b) -> Math.exp(-((a - 1) * (a - 1) + b * b)) + Math.exp(-((a + 1) * (a + 1) + b * b)));
        List<IsoLine> high = IsoLines.trace(x, y, z, 0.9);          // the saddle between the peaks is at 2/e ~ 0.74
        assertEquals(2, high.size());
        for (IsoLine loop : high) {
            assertTrue(loop.closed());
            assertTrue(loop.signedArea() > 0, "a loop around a peak runs anticlockwise");
        }
        List<IsoLine> low = IsoLines.trace(x, y, z, 0.1);
        assertEquals(1, low.size());
        assertTrue(low.get(0).signedArea() > high.get(0).signedArea() + high.get(1).signedArea());
        assertTrue(IsoLines.trace(x, y, z, 2.0).isEmpty(), "a level above the maximum");
        assertTrue(IsoLines.trace(x, y, z, -1.0).isEmpty(), "a level below the minimum");
    }

    @Test
    void aCircleCutByTheBorderIsAnOpenArcBetweenBorderPoints() {
        double[] x = axis(0, 2, 21);
        double[] y = axis(-2, 2, 41);
        List<IsoLine> lines = IsoLines.trace(x, y, sample(x, y, (a, b) -> a * a + b * b), 1.0);
        assertEquals(1, lines.size());
        IsoLine arc = lines.get(0);
        assertFalse(arc.closed());
        double[] ends = {arc.y(0), arc.y(arc.size() - 1)};
        Arrays.sort(ends);
        assertArrayEquals(new double[] {-1, 1}, ends, 1e-12);
        assertEquals(0.0, arc.x(0), 0.0);
        assertEquals(0.0, arc.x(arc.size() - 1), 0.0);
        assertEquals(Math.PI, arc.length(), 0.01 * Math.PI);
    }

    @Test
    void everyCrossedEdgeIsUsedOnceOnARandomField() {
        // A rough field with many pieces and saddles: the lines must use each crossing exactly
        // once, and only loops may avoid the border.
        SplittableRandom random = new SplittableRandom(7);
        double[] x = axis(0, 1, 31);
        double[] y = axis(0, 1, 23);
        double[][] z = new double[y.length][x.length];
        for (double[] row : z) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble() - 0.5;
            }
        }
        int crossings = 0;
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < x.length; c++) {
                if (c + 1 < x.length && (z[r][c] > 0) != (z[r][c + 1] > 0)) {
                    crossings++;
                }
                if (r + 1 < y.length && (z[r][c] > 0) != (z[r + 1][c] > 0)) {
                    crossings++;
                }
            }
        }
        List<IsoLine> lines = IsoLines.trace(x, y, z, 0.0);
        int vertices = 0;
        int loops = 0;
        for (IsoLine line : lines) {
            vertices += line.closed() ? line.size() - 1 : line.size();
            if (line.closed()) {
                loops++;
            } else {
                assertTrue(onBorder(line.x(0), line.y(0), x, y));
                assertTrue(onBorder(line.x(line.size() - 1), line.y(line.size() - 1), x, y));
            }
        }
        assertEquals(crossings, vertices);
        assertTrue(loops > 5 && lines.size() - loops > 5, lines.size() + " lines, " + loops + " loops");
    }

    @Test
    void theKdeContourOfANormalSampleIsTheSmoothedNinetyFivePercentCircle() {
        // The KDE is the sample convolved with N(0, h^2 S), h = n^(-1/6); for N(0, I) data that is
        // N(0, (1 + h^2) I), whose 95 % contour is the circle of radius sqrt(1 + h^2) sqrt(-2 ln 0.05).
        int n = 10_000;
        double h2 = Math.pow(n, -1.0 / 3);
        double expected = Math.sqrt(1 + h2) * GaussianSamples.RADIUS_95;
        double unsmoothed = GaussianSamples.RADIUS_95;          // 0.056 smaller
        // Quasi-random sample: exact radial quantiles, so only the grid (spacing ~0.1, vertices
        // within h^2 / r ~ 0.005 of the KDE's own curve) separates the contour from the circle.
        double tight = 0.01;
        assertTrue(expected - unsmoothed > 5 * tight);
        double[][] quasi = GaussianSamples.quasiRandom(n);
        IsoLine loop = onlyLoop(new KernelDensity2D().estimate(quasi[0], quasi[1]));
        assertEquals(expected, Math.sqrt(loop.signedArea() / Math.PI), tight);
        for (int i = 0; i < loop.size(); i++) {
            assertEquals(expected, Math.hypot(loop.x(i), loop.y(i)), 2 * tight, "vertex " + i);
        }
        // Random sample: the mass inside the circle is binomial, sd sqrt(0.95 x 0.05 / n); divided
        // by the radius density rho e^{-rho^2 / 2s^2} / s^2 = 0.12 that is an sd of 0.018 in the
        // radius. A 4-sd band.
        double density = expected / (1 + h2) * 0.05;
        double sd = Math.sqrt(0.95 * 0.05 / n) / density;
        double[][] random = GaussianSamples.random(n, 2024);
        IsoLine sampled = onlyLoop(new KernelDensity2D().estimate(random[0], random[1]));
        assertEquals(expected, Math.sqrt(sampled.signedArea() / Math.PI), 4 * sd);
    }

    private static IsoLine onlyLoop(DensityGrid grid) {
        List<IsoLine> lines = IsoLines.massContour(grid, 0.95);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).closed());
        assertTrue(lines.get(0).signedArea() > 0, "a density peak: anticlockwise");
        return lines.get(0);
    }

    @Test
    void theContourOfScaledDataIsTheScaledContour() {
        // Nested contours of sigma-scaled orbits (F3) must be exact scaled copies: the grid, the
        // density (times 1 / c^2) and the mass threshold all follow the scaling.
        SplittableRandom random = new SplittableRandom(3);
        int n = 3_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * random.nextDouble();
            x[i] = 2 * Math.cos(angle) + 0.3 * random.nextGaussian() + 0.5;
            y[i] = Math.sin(angle) + 0.3 * random.nextGaussian() - 0.2 * x[i];
        }
        List<IsoLine> base = IsoLines.massContour(new KernelDensity2D().estimate(x, y), 0.95);
        assertFalse(base.isEmpty());
        for (double c : new double[] {0.1, 2, 4}) {
            double[] cx = Arrays.stream(x).map(v -> c * v).toArray();
            double[] cy = Arrays.stream(y).map(v -> c * v).toArray();
            List<IsoLine> scaled = IsoLines.massContour(new KernelDensity2D().estimate(cx, cy), 0.95);
            assertEquals(base.size(), scaled.size(), "c " + c);
            for (int k = 0; k < base.size(); k++) {
                IsoLine b = base.get(k);
                IsoLine s = scaled.get(k);
                assertEquals(b.closed(), s.closed());
                assertEquals(b.size(), s.size(), "c " + c + ", piece " + k);
                for (int i = 0; i < b.size(); i++) {
                    assertEquals(c * b.x(i), s.x(i), 1e-9 * c);
                    assertEquals(c * b.y(i), s.y(i), 1e-9 * c);
                }
            }
        }
    }

    @Test
    void badGridsAreRejectedNamingTheParameter() {
        double[] two = {0, 1};
        double[][] z = {{0, 1}, {1, 2}};
        assertMessage("x must have >= 2 nodes, got 1", () -> IsoLines.trace(new double[] {0}, two, new double[][] {{0}, {1}}, 0.5));
        assertMessage("y must be strictly increasing: y[1] must be > 1.0, got 1.0", () -> IsoLines.trace(two, new double[] {1, 1}, z, 0.5));
        assertMessage("x[0] must be finite, got NaN", () -> IsoLines.trace(new double[] {Double.NaN, 1}, two, z, 0.5));
        assertMessage("z must have y.length = 2 rows, got 1", () -> IsoLines.trace(two, two, new double[][] {{0, 1}}, 0.5));
        assertMessage("z[1] must have x.length = 2 values, got 1", () -> IsoLines.trace(two, two, new double[][] {{0, 1}, {1}}, 0.5));
        assertMessage("z[0][1] must be finite, got NaN", () -> IsoLines.trace(two, two, new double[][] {{0, Double.NaN}, {1, 2}}, 0.5));
        assertMessage("level must be finite, got Infinity", () -> IsoLines.trace(two, two, z, Double.POSITIVE_INFINITY));
        DensityGrid grid = new DensityGrid(two, two, z, new double[][] {{1, 0}, {0, 1}});
        assertMessage("fraction must be in (0, 1), got 1.0", () -> IsoLines.massContour(grid, 1.0));
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
