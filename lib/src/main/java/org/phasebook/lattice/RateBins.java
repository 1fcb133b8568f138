package org.phasebook.lattice;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a site with probability proportional to its total rate in {@code O(1)} expected time,
 * for the Gillespie engine of the unrestricted Lotka–Volterra model: the composition–rejection
 * method (Slepoy, Thompson, Plimpton, J. Chem. Phys. 128, 205101 (2008)).
 *
 * <p><b>Rates.</b> Site {@code i} holds {@code a = counts[2i]} predators and
 * {@code b = counts[2i+1]} prey, and has the rate {@code r = cA a + cB b + lambda a b}
 * ({@link #rate}). The owner changes the counts and then calls {@link #changed} with the old
 * pair, so that the running totals and the site's group follow.
 *
 * <p><b>Groups.</b> Sites of positive rate are grouped by the binary exponent of their rate:
 * group {@code k} holds the rates in {@code [2^e, 2^(e+1))}, {@code e = k + minExponent}, as an
 * unordered list (removal swaps the last member into the hole). A draw picks a group with
 * probability proportional to its total (a short linear scan: there are as many groups as
 * octaves of rates in use, typically fewer than ten), then a uniform member, accepted with
 * probability {@code r / 2^(e+1) > 1/2} (else the member draw is repeated). The accepted site
 * has probability {@code r_i / R} exactly, and the uniform number used for acceptance, less
 * than {@code r_i}, is uniform in {@code [0, r_i)} given acceptance: it is handed back as
 * {@link #residual} to choose the event inside the site. Cost: a scan of the groups and on
 * average fewer than two member draws, independent of the number of sites; an update moves a
 * site between two lists in {@code O(1)}.
 *
 * <p><b>No drift.</b> A group's total is not accumulated from rate differences: each group keeps
 * the exact integer sums of {@code a}, {@code b} and {@code a b} over its members, and its total
 * is recomputed from them as {@code cA SA + cB SB + lambda SAB}; the grand total is
 * {@code cA A + cB B + lambda P} from the exact running totals. Rounding errors therefore never
 * accumulate, however long the run.
 *
 * <p>Not thread-safe: {@link #draw} leaves its results in fields. Member lists grow by doubling
 * (an allocation only when a group first exceeds its capacity, never in the steady state).
 */
final class RateBins {

    private static final int NONE = -1;
    private static final int INITIAL_CAPACITY = 16;

    private final int[] counts;
    private final double cA;
    private final double cB;
    private final double lambda;
    private final int minExponent;
    private final int groups;

    private final int[] groupOf;
    private final int[] slot;
    private final int[][] members;
    private final int[] size;
    private final long[] sumA;
    private final long[] sumB;
    private final long[] sumAB;
    private final double[] total;
    /** {@code 2^(e+1)}, the acceptance bound of each group. */
    private final double[] upper;
    /** Groups below {@code low} or above {@code high} have never held a site. */
    private int low;
    private int high;

    private long predators;
    private long prey;
    private long pairs;

    /** The uniform number in {@code [0, r_i)} that accepted the last drawn site. */
    double residual;
    /** 64 random bits drawn with the last accepted site, of which bits 0..10 are unused. */
    long bits;

    /**
     * Groups over the given counts (owned by the caller, {@code 2 sites} entries).
     *
     * @param counts {@code counts[2i]} predators and {@code counts[2i+1]} prey of site {@code i}
     * @param cA     rate per predator (its death plus hop rates), finite and {@code >= 0}
     * @param cB     rate per prey (its birth plus hop rates), finite and {@code >= 0}
     * @param lambda rate per on-site pair, finite and {@code >= 0}
     * @param maxOccupancy the largest count of one species on one site
     */
    RateBins(int[] counts, double cA, double cB, double lambda, int maxOccupancy) {
        this.counts = counts;
        this.cA = cA;
        this.cB = cB;
        this.lambda = lambda;
        int sites = counts.length / 2;
        // every positive rate is at least the smallest positive coefficient (counts are >= 1)
        double smallest = Double.POSITIVE_INFINITY;
        for (double c : new double[] {cA, cB, lambda}) {
            if (c > 0.0) {
                smallest = Math.min(smallest, c);
            }
        }
        double largest = (cA + cB) * maxOccupancy + lambda * (double) maxOccupancy * maxOccupancy;
        if (smallest == Double.POSITIVE_INFINITY) {
            this.minExponent = 0;
            this.groups = 1; // every rate is 0: one idle group keeps the arrays non-empty
        } else {
            this.minExponent = Math.getExponent(smallest);
            this.groups = Math.getExponent(largest) - minExponent + 2;
        }
        this.groupOf = new int[sites];
        this.slot = new int[sites];
        this.members = new int[groups][];
        this.size = new int[groups];
        this.sumA = new long[groups];
        this.sumB = new long[groups];
        this.sumAB = new long[groups];
        this.total = new double[groups];
        this.upper = new double[groups];
        for (int k = 0; k < groups; k++) {
            upper[k] = Math.scalb(1.0, k + minExponent + 1);
        }
        this.low = groups;
        this.high = -1;
        Arrays.fill(groupOf, NONE);
        for (int i = 0; i < sites; i++) {
            int a = counts[2 * i];
            int b = counts[2 * i + 1];
            predators += a;
            prey += b;
            pairs += (long) a * b;
            join(i, a, b);
        }
        for (int k = low; k <= high; k++) {
            refresh(k);
        }
    }

    /** The rate of a site with {@code a} predators and {@code b} prey. */
    double rate(int a, int b) {
        return cA * a + cB * b + lambda * ((double) a * b);
    }

    /** The total rate {@code R} of all sites. */
    double totalRate() {
        return cA * predators + cB * prey + lambda * (double) pairs;
    }

    long predators() {
        return predators;
    }

    long prey() {
        return prey;
    }

    /**
     * Draws a site with probability {@code r_i / R} (requires {@code R > 0}); leaves the
     * acceptance residual in {@link #residual} and spare random bits in {@link #bits}.
     */
    int draw(SplittableRandom rng) {
        final int[] c = counts;
        final double r = totalRate();
        for (int tries = 0; tries < 1_000_000; tries++) {
            double u = rng.nextDouble() * r;
            int k = low;
            for (; k <= high; k++) {
                double t = total[k];
                if (u < t) {
                    break;
                }
                u -= t;
            }
            if (k > high) {
                continue; // rounding left u beyond the last group: redraw
            }
            final int[] list = members[k];
            final long n2 = 2L * size[k];
            final double bound = upper[k];
            for (;;) {
                // acceptance >= 1/2 for every member, so this loop ends quickly
                int site = list[(int) Math.multiplyHigh(rng.nextLong() >>> 1, n2)];
                long random = rng.nextLong();
                double v = (random >>> 11) * 0x1.0p-53 * bound;
                if (v < rate(c[2 * site], c[2 * site + 1])) {
                    residual = v;
                    bits = random;
                    return site;
                }
            }
        }
        throw new IllegalStateException("no site could be drawn from a total rate of " + r);
    }

    /**
     * Records that site {@code i} changed from {@code oldA} predators and {@code oldB} prey to
     * its current counts: updates the running totals, the sums of its group, and moves it to its
     * new group.
     */
    void changed(int i, int oldA, int oldB) {
        int a = counts[2 * i];
        int b = counts[2 * i + 1];
        long oldAB = (long) oldA * oldB;
        long ab = (long) a * b;
        predators += a - oldA;
        prey += b - oldB;
        pairs += ab - oldAB;
        int from = groupOf[i];
        int to = groupFor(a, b);
        if (from == to) {
            if (from != NONE) {
                sumA[from] += a - oldA;
                sumB[from] += b - oldB;
                sumAB[from] += ab - oldAB;
                refresh(from);
            }
            return;
        }
        if (from != NONE) {
            sumA[from] -= oldA;
            sumB[from] -= oldB;
            sumAB[from] -= oldAB;
            int p = slot[i];
            int last = members[from][--size[from]];
            members[from][p] = last;
            slot[last] = p;
            groupOf[i] = NONE;
            refresh(from);
        }
        if (to != NONE) {
            join(i, a, b);
            refresh(to);
        }
    }

    private int groupFor(int a, int b) {
        double r = rate(a, b);
        return r > 0.0 ? Math.getExponent(r) - minExponent : NONE;
    }

    /** Adds site {@code i} to the group of its rate (sums only; the caller refreshes the total). */
    private void join(int i, int a, int b) {
        int k = groupFor(a, b);
        if (k == NONE) {
            return;
        }
        int[] list = members[k];
        if (list == null) {
            list = new int[Math.min(INITIAL_CAPACITY, groupOf.length)];
            members[k] = list;
        } else if (size[k] == list.length) {
            list = Arrays.copyOf(list, (int) Math.min((long) list.length * 2, groupOf.length));
            members[k] = list;
        }
        slot[i] = size[k];
        list[size[k]++] = i;
        groupOf[i] = k;
        sumA[k] += a;
        sumB[k] += b;
        sumAB[k] += (long) a * b;
        low = Math.min(low, k);
        high = Math.max(high, k);
    }

    private void refresh(int k) {
        total[k] = cA * sumA[k] + cB * sumB[k] + lambda * (double) sumAB[k];
    }

    /**
     * Rescans the counts and checks everything kept incrementally: the running totals, each
     * site's group and slot, each group's sums and total, and that counts are non-negative.
     */
    boolean consistent() {
        int sites = groupOf.length;
        long a = 0;
        long b = 0;
        long p = 0;
        long[] sa = new long[groups];
        long[] sb = new long[groups];
        long[] sp = new long[groups];
        int[] n = new int[groups];
        for (int i = 0; i < sites; i++) {
            int ai = counts[2 * i];
            int bi = counts[2 * i + 1];
            if (ai < 0 || bi < 0) {
                return false;
            }
            a += ai;
            b += bi;
            p += (long) ai * bi;
            int k = groupFor(ai, bi);
            if (groupOf[i] != k) {
                return false;
            }
            if (k != NONE) {
                if (members[k][slot[i]] != i) {
                    return false;
                }
                double r = rate(ai, bi);
                if (!(r >= upper[k] / 2 && r < upper[k])) {
                    return false;
                }
                sa[k] += ai;
                sb[k] += bi;
                sp[k] += (long) ai * bi;
                n[k]++;
            }
        }
        if (a != predators || b != prey || p != pairs) {
            return false;
        }
        for (int k = 0; k < groups; k++) {
            if (n[k] != size[k] || sa[k] != sumA[k] || sb[k] != sumB[k] || sp[k] != sumAB[k]) {
                return false;
            }
            if (total[k] != cA * sa[k] + cB * sb[k] + lambda * (double) sp[k]) {
                return false;
            }
            if (n[k] > 0 && (k < low || k > high)) {
                return false;
            }
        }
        return true;
    }
}
