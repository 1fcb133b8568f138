package org.phasebook.lattice;

/**
 * The geometry of a periodic hypercubic lattice in dimension 1 or 2: linear size {@code side}
 * ({@code L}), {@code N = L^d} sites, site index {@code i = x + L y}, and the {@code 2d}
 * von Neumann neighbours with periodic wrap.
 *
 * <p>Directions are numbered {@code 0: +x, 1: -x, 2: +y, 3: -y}; in one dimension only 0 and 1
 * exist. {@code L >= 3} so that the two neighbours along an axis are distinct sites (for
 * {@code L = 2} they coincide and a "random neighbour" would not be uniform over distinct
 * sites). {@code N} is at most {@code 2^30}, so that site indices, counts and the engine's
 * multiply-shift site draw stay in 32-bit range.
 *
 * @param dimension {@code d}, 1 or 2
 * @param side      {@code L}, at least 3, with {@code L^d <= 2^30}
 */
public record Lattice(int dimension, int side) {

    /** The largest number of sites, {@code 2^30}. */
    public static final int MAX_SITES = 1 << 30;

    /** Validates the geometry. */
    public Lattice {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
        }
        if (side < 3) {
            throw new IllegalArgumentException(
                    "side L must be >= 3 so that the neighbours along an axis are distinct, got "
                            + side);
        }
        if (dimension == 2 && (long) side * side > MAX_SITES) {
            throw new IllegalArgumentException("side L must be <= 32768 in 2d (N = L^2 <= 2^30), got "
                    + side);
        }
        if (side > MAX_SITES) {
            throw new IllegalArgumentException("side L must be <= 2^30, got " + side);
        }
    }

    /** A ring of {@code side} sites. */
    public static Lattice ring(int side) {
        return new Lattice(1, side);
    }

    /** A periodic {@code side x side} square lattice. */
    public static Lattice square(int side) {
        return new Lattice(2, side);
    }

    /** {@code N = L^d}, the number of sites. */
    public int sites() {
        return dimension == 1 ? side : side * side;
    }

    /** {@code 2d}, the number of nearest neighbours of a site. */
    public int coordination() {
        return 2 * dimension;
    }

    /** The x coordinate of site {@code site}, in {@code [0, L)}. */
    public int x(int site) {
        checkSite(site);
        return site % side;
    }

    /** The y coordinate of site {@code site}, in {@code [0, L)}; 0 in one dimension. */
    public int y(int site) {
        checkSite(site);
        return dimension == 1 ? 0 : site / side;
    }

    /** The index {@code x + L y} of the site at {@code (x, y)} (y must be 0 in one dimension). */
    public int index(int x, int y) {
        if (x < 0 || x >= side) {
            throw new IllegalArgumentException("x must be in [0, " + side + "), got " + x);
        }
        int maxY = dimension == 1 ? 1 : side;
        if (y < 0 || y >= maxY) {
            throw new IllegalArgumentException("y must be in [0, " + maxY + "), got " + y);
        }
        return x + side * y;
    }

    /**
     * The neighbour of {@code site} in direction {@code direction} (0: +x, 1: -x, 2: +y, 3: -y),
     * with periodic wrap. This is the plain, checked version; the engine uses an equivalent
     * division-free form.
     *
     * @param site      site index in {@code [0, N)}
     * @param direction in {@code [0, 2d)}
     * @return the neighbouring site index
     */
    public int neighbour(int site, int direction) {
        checkSite(site);
        if (direction < 0 || direction >= coordination()) {
            throw new IllegalArgumentException("direction must be in [0, " + coordination()
                    + "), got " + direction);
        }
        int x = site % side;
        int y = site / side;
        switch (direction) {
            case 0: return (x + 1) % side + side * y;
            case 1: return (x + side - 1) % side + side * y;
            case 2: return x + side * ((y + 1) % side);
            default: return x + side * ((y + side - 1) % side);
        }
    }

    private void checkSite(int site) {
        if (site < 0 || site >= sites()) {
            throw new IllegalArgumentException("site must be in [0, " + sites() + "), got " + site);
        }
    }
}
