package org.phasebook.lattice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Topological defects of a three-species cyclic pattern: the points around which the species
 * appear in cyclic order, the cores of rock–paper–scissors spirals (brief §2.5 and F9, the
 * spiral/no-spiral comparison of {@link MayLeonard} and {@link CyclicLotkaVolterra}).
 *
 * <p><b>Coarse field.</b> Single sites are noisy (empty sites, lone invaders), so the lattice
 * is first cut into {@code block x block} cells and each cell takes the species (1, 2 or 3) that
 * holds most of its sites. A tie between two species goes to the predator of the pair, the
 * species that is taking the contested cell over (species 1 preys on 2, 2 on 3, 3 on 1); a cell
 * with no individual, or with a three-way tie, is <i>undetermined</i> (0). Empty sites never win
 * a cell. (Without the tie rule, even blocks leave many cells on domain boundaries undetermined
 * and lose cores there.)
 *
 * <p><b>Winding.</b> Read the three species as phases {@code 0, 2 pi/3, 4 pi/3} of the cycle
 * {@code 1 -> 2 -> 3 -> 1} (1 preys on 2, 2 on 3, 3 on 1, as in the models). Going around a
 * plaquette of four neighbouring cells, cell {@code (X, Y) -> (X+1, Y) -> (X+1, Y+1) -> (X, Y+1)
 * -> (X, Y)} (coarse coordinates, {@code Y} grows downwards as in
 * {@link org.phasebook.plot.LatticeImage}), each step adds {@code +1} if the next cell holds the
 * prey of the current one, {@code -1} if it holds its predator and 0 if the same species. The
 * four steps sum to a multiple of 3 in {@code [-4, 4]}, so the plaquette's winding number, the
 * sum divided by 3, is {@code -1, 0} or {@code +1}: it is {@code ±1} exactly when all three
 * species occur around the plaquette in cyclic order, as around a spiral core or any point where
 * three domains meet. A plaquette with an undetermined cell has no winding and is counted as
 * undetermined. On the periodic lattice every edge is crossed once in each direction, so when no
 * cell is undetermined the windings sum to zero: cores come in pairs of opposite charge.
 *
 * <p>What it does not tell: a core is only a meeting point of three domains, and an uncorrelated
 * field has such points too, a roughly fixed fraction of its plaquettes at any block size, so
 * that their number falls like {@code (L / block)^2}. The cores of a real pattern (spiral tips, a
 * steady density of order one per squared wavelength) do not depend on the block size while it
 * is well below the pattern's length; triple junctions of coarsening domains would get rarer with
 * time. Counts at several block sizes and times, not one number, tell these apart.
 *
 * <p>Lattice conventions as in {@link Correlations}: site index {@code x + L y}, periodic. Sites
 * hold 0 (empty) or a species 1, 2, 3; other values are rejected. Immutable and thread-safe.
 *
 * @param side  linear size {@code L} of the square lattice, at least 2 blocks
 * @param block linear size of a coarse cell in sites, {@code >= 1}, dividing {@code side}
 */
public record SpiralCores(int side, int block) {

    /** Returned by {@link #winding} when a corner is undetermined. */
    public static final int UNDETERMINED = Integer.MIN_VALUE;

    /**
     * One defect: the centre of a plaquette with winding {@code ±1}.
     *
     * @param x      site coordinate of the plaquette centre (the corner shared by its four cells)
     * @param y      site coordinate, growing downwards
     * @param charge winding number, {@code +1} or {@code -1}
     */
    public record Core(int x, int y, int charge) {
    }

    /**
     * The cores of one snapshot.
     *
     * @param cores        every plaquette with winding {@code ±1}
     * @param undetermined plaquettes skipped because a cell was undetermined
     * @param plaquettes   all plaquettes, {@code (L / block)^2}
     */
    public record Count(List<Core> cores, int undetermined, int plaquettes) {

        /** Copies the list. */
        public Count {
            cores = List.copyOf(cores);
        }

        /** The number of cores of both charges. */
        public int total() {
            return cores.size();
        }

        /** The sum of the charges; 0 whenever no plaquette is undetermined. */
        public int netCharge() {
            return cores.stream().mapToInt(Core::charge).sum();
        }
    }

    /** Validates the geometry. */
    public SpiralCores {
        if (block < 1) {
            throw new IllegalArgumentException("block must be >= 1, got " + block);
        }
        if (side < 2 * block || side > (1 << 14) || side % block != 0) {
            throw new IllegalArgumentException("side must be a multiple of block = " + block + " in [" + 2 * block
                    + ", 16384], got " + side);
        }
    }

    /** The side {@code L / block} of the coarse field. */
    public int cells() {
        return side / block;
    }

    /**
     * The coarse field: cell {@code X + (L / block) Y} holds the majority species of its block,
     * or 0 when undetermined (see the class comment).
     */
    public byte[] majority(byte[] sites) {
        Objects.requireNonNull(sites, "sites");
        if (sites.length != side * side) {
            throw new IllegalArgumentException("sites must have length side^2 = " + side * side + ", got "
                    + sites.length);
        }
        int m = cells();
        int[] counts = new int[4 * m * m];
        for (int y = 0; y < side; y++) {
            int row = (y / block) * m;
            for (int x = 0; x < side; x++) {
                int s = sites[x + side * y];
                if (s < 0 || s > 3) {
                    throw new IllegalArgumentException("sites[" + (x + side * y) + "] = " + s
                            + " must be 0 (empty) or a species 1, 2, 3");
                }
                counts[4 * (row + x / block) + s]++;
            }
        }
        byte[] coarse = new byte[m * m];
        for (int c = 0; c < m * m; c++) {
            int a = counts[4 * c + 1];
            int b = counts[4 * c + 2];
            int d = counts[4 * c + 3];
            int most = Math.max(a, Math.max(b, d));
            int mask = (a == most ? 1 : 0) | (b == most ? 2 : 0) | (d == most ? 4 : 0);
            // a two-way tie goes to the predator of the pair (1 eats 2, 2 eats 3, 3 eats 1)
            coarse[c] = (byte) (most == 0 ? 0 : switch (mask) {
                case 1, 3 -> 1;
                case 2, 6 -> 2;
                case 4, 5 -> 3;
                default -> 0;
            });
        }
        return coarse;
    }

    /** The cores of a snapshot: {@link #majority}, then the winding of every plaquette. */
    public Count count(byte[] sites) {
        byte[] coarse = majority(sites);
        int m = cells();
        List<Core> cores = new ArrayList<>();
        int undetermined = 0;
        for (int y = 0; y < m; y++) {
            int y1 = (y + 1) % m;
            for (int x = 0; x < m; x++) {
                int x1 = (x + 1) % m;
                int w = winding(coarse[x + m * y], coarse[x1 + m * y], coarse[x1 + m * y1], coarse[x + m * y1]);
                if (w == UNDETERMINED) {
                    undetermined++;
                } else if (w != 0) {
                    cores.add(new Core(((x + 1) * block) % side, ((y + 1) * block) % side, w));
                }
            }
        }
        return new Count(cores, undetermined, m * m);
    }

    /**
     * The winding number of the closed path {@code a -> b -> c -> d -> a} of species values
     * (1, 2, 3), or {@link #UNDETERMINED} if any of them is 0.
     */
    public static int winding(int a, int b, int c, int d) {
        if (a == 0 || b == 0 || c == 0 || d == 0) {
            return UNDETERMINED;
        }
        int sum = step(a, b) + step(b, c) + step(c, d) + step(d, a);
        return sum / 3;
    }

    /** +1 if {@code to} is the prey of {@code from}, -1 if its predator, 0 if the same. */
    private static int step(int from, int to) {
        if (from < 1 || from > 3 || to < 1 || to > 3) {
            throw new IllegalArgumentException("species must be 1, 2 or 3, got " + from + " and " + to);
        }
        int d = Math.floorMod(to - from, 3);
        return d == 2 ? -1 : d;
    }
}
