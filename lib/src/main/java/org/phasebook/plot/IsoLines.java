package org.phasebook.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.phasebook.data.DensityGrid;

/**
 * Iso-lines (contour lines) of a function sampled on a rectangular grid, by marching squares:
 * {@code z[r][c] = f(x[c], y[r])}, one row per y value, as {@link DensityGrid} holds densities.
 *
 * <p><b>Method.</b> A node is <em>above</em> when {@code z > level}. On every grid edge whose two
 * nodes differ the line crosses at the point found by linear interpolation of {@code z} along the
 * edge (exact for a function that is linear along the edge; a node with {@code z == level} is not
 * above, so a line through it passes through the node itself). Inside each cell the crossings are
 * joined by straight segments, and segments sharing a crossing are chained into polylines: loops
 * are {@link IsoLine#closed() closed}, the other pieces run from border to border.
 *
 * <p><b>Saddle cells.</b> When the above nodes of a cell are two opposite corners, the four
 * crossings can be joined in two ways. The cell's centre value, taken as the mean of its four
 * corners (the bilinear interpolant's value there), decides: if it is above, the two above
 * corners are joined through the cell (the segments cut off the two below corners); otherwise
 * the above corners are cut off separately. The choice is made once per cell, so both pieces of
 * a saddle cell stay consistent with its neighbours and no line crosses another.
 *
 * <p><b>Orientation.</b> Every line runs with the above side on its left: with x to the right and
 * y up, a loop around a peak runs anticlockwise ({@link IsoLine#signedArea()} {@code > 0}) and a
 * loop around a pit clockwise.
 *
 * <p><b>Accuracy.</b> The vertices lie on grid edges; for a smooth {@code f} they are within
 * {@code O(h^2)} of the true curve (grid spacing {@code h}), and the polyline between them within
 * {@code O(h^2)} times the curvature. Consecutive vertices that coincide (lines through nodes) are
 * merged; a loop that then has fewer than three distinct vertices is dropped.
 *
 * <p>Stateless; all methods are static.
 */
public final class IsoLines {

    private IsoLines() {
    }

    /**
     * The iso-line {@code {density = t}} of a density grid.
     *
     * @param level the density {@code t}, finite
     */
    public static List<IsoLine> trace(DensityGrid grid, double level) {
        Objects.requireNonNull(grid, "grid");
        return trace(grid.x(), grid.y(), grid.density(), level);
    }

    /**
     * The highest-density contour of a density grid that encloses the mass fraction
     * {@code fraction}: {@code trace(grid, grid.massThreshold(fraction))}. The paper's 95 % KDE
     * contour (seaborn {@code levels=[0.05]}) is {@code massContour(grid, 0.95)}.
     *
     * @param fraction in {@code (0, 1)}
     */
    public static List<IsoLine> massContour(DensityGrid grid, double fraction) {
        Objects.requireNonNull(grid, "grid");
        return trace(grid, grid.massThreshold(fraction));
    }

    /**
     * The iso-line {@code {f = level}} of the gridded function.
     *
     * @param x     the x value of each column, {@code >= 2}, finite, strictly increasing
     * @param y     the y value of each row, {@code >= 2}, finite, strictly increasing
     * @param z     {@code z[r][c] = f(x[c], y[r])}, finite, shape {@code y.length x x.length}
     * @param level finite
     * @return the pieces of the line: open ones first (in the order of their start on the border),
     *         then loops; empty if the level is not crossed
     */
    public static List<IsoLine> trace(double[] x, double[] y, double[][] z, double level) {
        checkAxis("x", x);
        checkAxis("y", y);
        checkValues(z, x.length, y.length);
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be finite, got " + level);
        }
        return new Tracer(x, y, z, level).lines();
    }

    /** One tracing: the crossings of every edge and the directed segments between them. */
    private static final class Tracer {

        private final double[] x;
        private final double[] y;
        private final double[][] z;
        private final double level;
        private final int columns;
        private final int rows;
        /** Horizontal edges {@code (r, c)-(r, c+1)} come first, then vertical {@code (r, c)-(r+1, c)}. */
        private final int horizontal;
        private final double[] px;
        private final double[] py;
        /** {@code next[e]}: the crossing that follows crossing {@code e} along its line, or -1. */
        private final int[] next;
        private final boolean[] hasPrevious;

        Tracer(double[] x, double[] y, double[][] z, double level) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.level = level;
            this.columns = x.length;
            this.rows = y.length;
            this.horizontal = rows * (columns - 1);
            int edges = horizontal + (rows - 1) * columns;
            this.px = new double[edges];
            this.py = new double[edges];
            this.next = new int[edges];
            this.hasPrevious = new boolean[edges];
            Arrays.fill(next, -1);
        }

        List<IsoLine> lines() {
            for (int r = 0; r + 1 < rows; r++) {
                for (int c = 0; c + 1 < columns; c++) {
                    cell(r, c);
                }
            }
            List<IsoLine> lines = new ArrayList<>();
            boolean[] visited = new boolean[next.length];
            for (int e = 0; e < next.length; e++) {
                if (next[e] >= 0 && !hasPrevious[e]) {
                    addChain(lines, e, visited, false);
                }
            }
            for (int e = 0; e < next.length; e++) {
                if (next[e] >= 0 && !visited[e]) {
                    addChain(lines, e, visited, true);
                }
            }
            return lines;
        }

        private boolean above(int r, int c) {
            return z[r][c] > level;
        }

        private int horizontalEdge(int r, int c) {
            return r * (columns - 1) + c;
        }

        private int verticalEdge(int r, int c) {
            return horizontal + r * columns + c;
        }

        /**
         * Segments of cell {@code (r, c)}. Walking its border anticlockwise (bottom, right, top,
         * left), a crossing is "out" where the walk leaves the above region and "in" where it
         * enters; a segment from an out-crossing to an in-crossing has the above side on its left.
         */
        private void cell(int r, int c) {
            boolean[] corner = {above(r, c), above(r, c + 1), above(r + 1, c + 1), above(r + 1, c)};
            int[] edge = {horizontalEdge(r, c), verticalEdge(r, c + 1), horizontalEdge(r + 1, c), verticalEdge(r, c)};
            int crossings = 0;
            for (int k = 0; k < 4; k++) {
                if (corner[k] != corner[(k + 1) % 4]) {
                    crossings++;
                    locate(edge[k], k, r, c);
                }
            }
            if (crossings == 2) {
                int out = -1;
                int in = -1;
                for (int k = 0; k < 4; k++) {
                    if (corner[k] && !corner[(k + 1) % 4]) {
                        out = k;
                    } else if (!corner[k] && corner[(k + 1) % 4]) {
                        in = k;
                    }
                }
                link(edge[out], edge[in]);
            } else if (crossings == 4) {
                double centre = 0.25 * (z[r][c] + z[r][c + 1] + z[r + 1][c + 1] + z[r + 1][c]);
                // Joined above corners: each out-crossing goes to the in-crossing after it (cutting
                // off the below corner between them); separate ones: to the in-crossing before it.
                int shift = centre > level ? 1 : 3;
                for (int k = 0; k < 4; k++) {
                    if (corner[k] && !corner[(k + 1) % 4]) {
                        link(edge[k], edge[(k + shift) % 4]);
                    }
                }
            }
        }

        /** Interpolates the crossing on edge {@code e}, side {@code k} of cell {@code (r, c)}. */
        private void locate(int e, int k, int r, int c) {
            // Always from the edge's lower-left node, so that both cells sharing it get the same point.
            if (k == 0 || k == 2) {
                int row = k == 0 ? r : r + 1;
                double t = (level - z[row][c]) / (z[row][c + 1] - z[row][c]);
                px[e] = x[c] + t * (x[c + 1] - x[c]);
                py[e] = y[row];
            } else {
                int column = k == 1 ? c + 1 : c;
                double t = (level - z[r][column]) / (z[r + 1][column] - z[r][column]);
                px[e] = x[column];
                py[e] = y[r] + t * (y[r + 1] - y[r]);
            }
        }

        private void link(int from, int to) {
            next[from] = to;
            hasPrevious[to] = true;
        }

        private void addChain(List<IsoLine> lines, int start, boolean[] visited, boolean loop) {
            List<double[]> points = new ArrayList<>();
            int e = start;
            while (e >= 0 && !visited[e]) {
                visited[e] = true;
                addDistinct(points, px[e], py[e]);
                e = next[e];
            }
            if (loop) {
                if (points.size() > 1 && same(points.get(points.size() - 1), points.get(0))) {
                    points.remove(points.size() - 1);
                }
                if (points.size() < 3) {
                    return;
                }
                points.add(points.get(0));
            } else if (points.size() < 2) {
                return;
            }
            double[] lx = new double[points.size()];
            double[] ly = new double[points.size()];
            for (int i = 0; i < lx.length; i++) {
                lx[i] = points.get(i)[0];
                ly[i] = points.get(i)[1];
            }
            lines.add(new IsoLine(level, lx, ly, loop));
        }

        private static void addDistinct(List<double[]> points, double px, double py) {
            double[] p = {px, py};
            if (points.isEmpty() || !same(points.get(points.size() - 1), p)) {
                points.add(p);
            }
        }

        private static boolean same(double[] a, double[] b) {
            return a[0] == b[0] && a[1] == b[1];
        }
    }

    private static void checkAxis(String name, double[] axis) {
        Objects.requireNonNull(axis, name);
        if (axis.length < 2) {
            throw new IllegalArgumentException(name + " must have >= 2 nodes, got " + axis.length);
        }
        for (int i = 0; i < axis.length; i++) {
            if (!Double.isFinite(axis[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + axis[i]);
            }
            if (i > 0 && !(axis[i] > axis[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing: " + name + "[" + i + "] must be > "
                        + axis[i - 1] + ", got " + axis[i]);
            }
        }
    }

    private static void checkValues(double[][] z, int columns, int rows) {
        Objects.requireNonNull(z, "z");
        if (z.length != rows) {
            throw new IllegalArgumentException("z must have y.length = " + rows + " rows, got " + z.length);
        }
        for (int r = 0; r < rows; r++) {
            Objects.requireNonNull(z[r], "z[" + r + "]");
            if (z[r].length != columns) {
                throw new IllegalArgumentException("z[" + r + "] must have x.length = " + columns + " values, got "
                        + z[r].length);
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(z[r][c])) {
                    throw new IllegalArgumentException("z[" + r + "][" + c + "] must be finite, got " + z[r][c]);
                }
            }
        }
    }
}
