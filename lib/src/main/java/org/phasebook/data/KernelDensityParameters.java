package org.phasebook.data;

/**
 * The settings of a {@link KernelDensity2D} estimate: the evaluation grid and the bandwidth.
 *
 * <p>The grid has {@code columns} nodes along x and {@code rows} nodes along y, evenly spaced from
 * the smallest to the largest coordinate of the data widened on each side by {@code cut} kernel
 * standard deviations along that axis (seaborn's {@code cut}); the bandwidth is Scott's factor
 * times {@code bandwidthAdjust} (seaborn's {@code bw_adjust}). {@link #DEFAULT} is a 100 x 100
 * grid with seaborn's {@code cut = 3} and {@code bw_adjust = 1}; seaborn's own grid is 200 x 200
 * ({@link #SEABORN}).
 *
 * <p>The grid must resolve the kernel: with nodes further apart than about one kernel standard
 * deviation the node values no longer sum to the kernel mass ({@link DensityGrid#mass()} shows
 * it).
 *
 * @param columns         nodes along x, in {@code [2, 4096]}
 * @param rows            nodes along y, in {@code [2, 4096]}
 * @param cut             margin beyond the data, in kernel standard deviations, finite and {@code >= 0}
 * @param bandwidthAdjust factor on Scott's bandwidth, finite and {@code > 0}
 */
public record KernelDensityParameters(int columns, int rows, double cut, double bandwidthAdjust) {

    /** The largest number of nodes along one axis: 4096 x 4096 doubles are already 128 MiB. */
    public static final int MAX_NODES = 4096;

    /** A 100 x 100 grid, 3 kernel standard deviations of margin, Scott's bandwidth. */
    public static final KernelDensityParameters DEFAULT = new KernelDensityParameters(100, 100, 3.0, 1.0);

    /** seaborn's {@code kdeplot} defaults: {@code gridsize=200, cut=3, bw_adjust=1}. */
    public static final KernelDensityParameters SEABORN = new KernelDensityParameters(200, 200, 3.0, 1.0);

    /** Checks the ranges. */
    public KernelDensityParameters {
        checkNodes("columns", columns);
        checkNodes("rows", rows);
        if (!(cut >= 0) || Double.isInfinite(cut)) {
            throw new IllegalArgumentException("cut must be finite and >= 0, got " + cut);
        }
        if (!(bandwidthAdjust > 0) || Double.isInfinite(bandwidthAdjust)) {
            throw new IllegalArgumentException("bandwidthAdjust must be finite and > 0, got " + bandwidthAdjust);
        }
    }

    /** The same settings on a {@code columns x rows} grid. */
    public KernelDensityParameters withGrid(int columns, int rows) {
        return new KernelDensityParameters(columns, rows, cut, bandwidthAdjust);
    }

    private static void checkNodes(String name, int nodes) {
        if (nodes < 2 || nodes > MAX_NODES) {
            throw new IllegalArgumentException(name + " must be in [2, " + MAX_NODES + "], got " + nodes);
        }
    }
}
