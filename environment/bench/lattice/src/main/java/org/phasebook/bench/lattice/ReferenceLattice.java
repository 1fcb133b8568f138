package org.phasebook.bench.lattice;

import java.util.Random;

/**
 * The plain way to write the same random-sequential models, as a yardstick: one object per
 * site, {@link java.util.Random} with three draws per attempt (site, direction, event as a
 * double), coordinates by division and modulo, and rates compared as doubles. Same rules and
 * rate-to-probability mapping as {@code org.phasebook.lattice.LotkaVolterra} and
 * {@code MayLeonard}, without running counts (they would only slow it further).
 */
final class ReferenceLattice {

    /** One site of the lattice. */
    static final class Site {
        int state;
    }

    private final Site[] sites;
    private final int side;
    private final int n;
    private final Random random;
    private final boolean mayLeonard;
    // LV: sigma, mu, lambda, D; ML: sigma, mu, epsilon
    private final double[] rates;
    private final double total;

    ReferenceLattice(int side, boolean mayLeonard, double[] rates, long seed) {
        this.side = side;
        this.n = side * side;
        this.random = new Random(seed);
        this.mayLeonard = mayLeonard;
        this.rates = rates.clone();
        this.total = mayLeonard ? rates[0] + rates[1] + rates[2]
                : Math.max(rates[1] + rates[2] + rates[3], rates[0] + rates[3]);
        this.sites = new Site[n];
        int species = mayLeonard ? 3 : 2;
        for (int i = 0; i < n; i++) {
            sites[i] = new Site();
            double u = random.nextDouble();
            // ML: 1/4 each of A, B, C, empty; LV: 30% predators, 30% prey
            int k = mayLeonard ? (int) (u * 4) : (u < 0.3 ? 1 : u < 0.6 ? 2 : 0);
            sites[i].state = k > species ? 0 : k;
        }
    }

    private int neighbour(int i, int dir) {
        int x = i % side;
        int y = i / side;
        switch (dir) {
            case 0: return (x + 1) % side + side * y;
            case 1: return (x - 1 + side) % side + side * y;
            case 2: return x + side * ((y + 1) % side);
            default: return x + side * ((y - 1 + side) % side);
        }
    }

    void run(long attempts) {
        for (long a = 0; a < attempts; a++) {
            int i = random.nextInt(n);
            int dir = random.nextInt(4);
            double u = random.nextDouble() * total;
            if (mayLeonard) {
                mayLeonard(i, dir, u);
            } else {
                lotkaVolterra(i, dir, u);
            }
        }
    }

    private void lotkaVolterra(int i, int dir, double u) {
        Site si = sites[i];
        if (si.state == 1) {
            if (u < rates[1]) {
                si.state = 0;
            } else if (u < rates[1] + rates[2]) {
                Site sj = sites[neighbour(i, dir)];
                if (sj.state == 2) {
                    sj.state = 1;
                }
            } else if (u < rates[1] + rates[2] + rates[3]) {
                Site sj = sites[neighbour(i, dir)];
                if (sj.state == 0) {
                    sj.state = 1;
                    si.state = 0;
                }
            }
        } else if (si.state == 2) {
            if (u < rates[0]) {
                Site sj = sites[neighbour(i, dir)];
                if (sj.state == 0) {
                    sj.state = 2;
                }
            } else if (u < rates[0] + rates[3]) {
                Site sj = sites[neighbour(i, dir)];
                if (sj.state == 0) {
                    sj.state = 2;
                    si.state = 0;
                }
            }
        }
    }

    private void mayLeonard(int i, int dir, double u) {
        Site si = sites[i];
        Site sj = sites[neighbour(i, dir)];
        if (u < rates[0]) {
            if (si.state != 0 && sj.state == si.state % 3 + 1) {
                sj.state = 0;
            }
        } else if (u < rates[0] + rates[1]) {
            if (si.state != 0 && sj.state == 0) {
                sj.state = si.state;
            }
        } else {
            int t = si.state;
            si.state = sj.state;
            sj.state = t;
        }
    }

    int occupied() {
        int c = 0;
        for (Site s : sites) {
            c += s.state != 0 ? 1 : 0;
        }
        return c;
    }
}
