package org.phasebook.lattice;

import java.util.SplittableRandom;

/**
 * The inner loop of the random-sequential engine for one model on one lattice: performs a batch
 * of attempts, each drawing a uniform site {@code i}, a uniform neighbour direction and an event
 * from one 64-bit random number, and applying the model's local rule.
 *
 * <p><b>Bits of one draw</b> {@code r = random.nextLong()}:
 * <ul>
 *   <li>the high 32 bits give the site, {@code i = (hi * N) >>> 32} (Lemire's multiply-shift),
 *       redrawn in the rare case ({@code probability < N / 2^32}) that the low half of the
 *       product falls below {@code 2^32 mod N}, so that {@code i} is exactly uniform;</li>
 *   <li>the low 2 bits (1 bit in one dimension) give the direction {@code 0..2d-1};</li>
 *   <li>bits 2..31 give an event number {@code e}, uniform in {@code [0, 2^30)}, compared with
 *       the model's integer thresholds {@code round(2^30 * cumulative rate / R)}. Rates are
 *       thus resolved to {@code R / 2^30}.</li>
 * </ul>
 * The neighbour is computed without a division and without branches (the direction is random,
 * so a branch on it would be mispredicted half the time): the row is
 * {@code y = (i * magic) >>> shift} with {@code magic = ceil(2^shift / L)},
 * {@code shift = 31 + ceil(log2 L)}, exact for all {@code i < 2^31}. When {@code L} is a power
 * of two (the usual benchmark and figure sizes) the neighbour is cheaper still: a step along
 * the direction, wrapped by a mask ({@link #maskedNeighbour}); both give the same site.
 *
 * <p>The rule itself is either a few branches on the site values (contact process, May–Leonard,
 * cyclic LV: there the most frequent outcome, such as an exchange, is predictable) or, for
 * {@link LotkaVolterra}, a lookup table indexed by {@code (s_i, s_j, action)} that gives the new
 * pair and the count changes with no data-dependent branch at all; which is faster was measured
 * (environment/bench/lattice): the table gains about 25% for LV, and loses at large exchange
 * rates for May–Leonard, where the branch on "exchange" is almost always taken. Running counts
 * are kept in local variables or the state's small count array, never rescanned.
 *
 * <p>Each model's subclass holds the whole loop, so that the JIT compiles one loop per model
 * with the rule inlined: a single generic loop calling an interface method per attempt would
 * turn megamorphic as soon as a notebook runs two models in one JVM. Instances are obtained from
 * {@link SiteModel#kernel(Lattice)}; they hold no mutable state and may be shared by threads.
 */
public abstract class SiteKernel {

    static final long LOW32 = 0xFFFFFFFFL;
    /** {@code 2^30}: the resolution of event probabilities. */
    static final int EVENT_ONE = 1 << 30;

    final Lattice lattice;
    final int n;
    final int side;
    final long magic;
    final int shift;
    final long reject;
    final int directionMask;
    /** Per direction, the bits a step may change when {@code L} is a power of two; else null. */
    final int[] wrapMasks;
    /** Per direction, the index step {@code +1, -1, +L, -L} (with {@link #wrapMasks}). */
    final int[] steps;

    SiteKernel(Lattice lattice) {
        this.lattice = lattice;
        this.n = lattice.sites();
        this.side = lattice.side();
        int bits = 32 - Integer.numberOfLeadingZeros(side - 1); // ceil(log2 L)
        this.shift = 31 + bits;
        this.magic = ((1L << shift) + side - 1) / side;
        this.reject = (1L << 32) % n;
        this.directionMask = lattice.coordination() - 1;
        if (Integer.bitCount(side) == 1) {
            int n = lattice.sites();
            this.wrapMasks = new int[] {side - 1, side - 1, n - 1, n - 1};
            this.steps = new int[] {1, -1, side, -side};
        } else {
            this.wrapMasks = null;
            this.steps = null;
        }
    }

    /** The lattice this kernel was built for. */
    public Lattice lattice() {
        return lattice;
    }

    /**
     * Performs {@code attempts} attempts on {@code state}, updating its sites and counts (not its
     * clock: that is the engine's job).
     *
     * @param state    a state on this kernel's lattice with the model's species count
     * @param attempts number of attempts, {@code >= 0}
     * @param random   the replica's generator
     */
    public final void run(LatticeState state, long attempts, SplittableRandom random) {
        if (!state.lattice().equals(lattice)) {
            throw new IllegalArgumentException("state must live on " + lattice + ", got "
                    + state.lattice());
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, got " + attempts);
        }
        loop(state.sites(), state.countsArray(), attempts, random);
    }

    /** The model's loop; {@code counts[k]} is the running count of state {@code k}. */
    abstract void loop(byte[] s, int[] counts, long attempts, SplittableRandom random);

    /**
     * The neighbour of {@code i} in direction {@code dir} (0: +x, 1: -x, 2: +y, 3: -y) on a
     * periodic lattice of side {@code side}, without division; {@code magic} and {@code shift}
     * as in the class comment.
     */
    static int neighbour(int i, int dir, int side, long magic, int shift) {
        // Branch-free: the direction is random, so branches on it would be mispredicted half
        // the time (about 15 cycles each, more than the rest of an attempt).
        int y = (int) ((i * magic) >>> shift);
        int x = i - y * side;
        int vertical = -((dir >>> 1) & 1);          // 0 for +-x, all ones for +-y
        int c = x + ((y - x) & vertical);            // the coordinate that moves
        int stride = 1 + ((side - 1) & vertical);    // 1 or L
        int nc = c + 1 - ((dir & 1) << 1);           // c + 1 or c - 1
        nc += (nc >> 31) & side;                     // -1 -> L - 1
        nc -= ((side - 1 - nc) >> 31) & side;        // L -> 0
        return i + (nc - c) * stride;
    }

    /**
     * The neighbour of {@code i} in direction {@code dir} when {@code L} is a power of two: the
     * bits of {@code i} outside {@code wrapMasks[dir]} (the row, for a move along x) are kept,
     * and those inside take the step modulo the mask, which is the periodic wrap. Five integer
     * operations against about a dozen and a 64-bit multiply for {@link #neighbour}.
     */
    static int maskedNeighbour(int i, int dir, int[] wrapMasks, int[] steps) {
        int mask = wrapMasks[dir];
        return (i & ~mask) | ((i + steps[dir]) & mask);
    }

    /**
     * The integer threshold of a cumulative probability: event {@code k} happens when
     * {@code e < threshold(p_1 + ... + p_k)} and not for the earlier thresholds.
     */
    static int threshold(double cumulativeProbability) {
        return (int) Math.min(EVENT_ONE, Math.round(cumulativeProbability * EVENT_ONE));
    }
}
