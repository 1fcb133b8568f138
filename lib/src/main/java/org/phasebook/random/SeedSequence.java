package org.phasebook.random;

import java.util.SplittableRandom;

/**
 * Deterministic, well-mixed seeds for the replicas of one computation, derived from a master
 * seed.
 *
 * <p>Replica {@code r} of master seed {@code s} gets
 * <pre>
 *   seed(r) = mix64(mix64(s + GAMMA) + (r + 1) * GAMMA),
 * </pre>
 * where {@code GAMMA = 0x9E3779B97F4A7C15} (the golden-ratio increment of SplitMix64) and
 * {@code mix64} is the SplitMix64 finaliser (Stafford's variant 13): a bijection of the 64-bit
 * integers with full avalanche. The inner {@code mix64} makes neighbouring master seeds
 * (0, 1, 2, ...) unrelated, the outer one makes neighbouring replicas unrelated; because both
 * steps are bijections for a fixed master seed, distinct replicas always get distinct seeds.
 * {@link #generator(int)} returns a {@link SplittableRandom} seeded with {@code seed(r)}.
 *
 * <p>Why not {@code SplittableRandom.split()}: split streams depend on the order in which the
 * parent is split, which ties results to the schedule of threads. Here a replica's stream
 * depends only on {@code (masterSeed, r)}, so an ensemble gives bit-identical results on any
 * number of threads. {@link #child(long)} derives an independent sequence for a sub-stream
 * (a figure, a parameter point) in the same way, for the brief's "(seed, figure, r)" hashing.
 *
 * @param masterSeed the one seed that the whole computation is reproduced from
 */
public record SeedSequence(long masterSeed) {

    /** The SplitMix64 increment, {@code 2^64 / golden ratio}, odd. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * The SplitMix64 finaliser: a bijective 64-bit mixing function in which every input bit
     * changes every output bit with probability close to 1/2.
     *
     * @param z any 64-bit value
     * @return the mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The seed of replica {@code replica}.
     *
     * @param replica replica index, {@code >= 0}
     * @return a 64-bit seed that depends only on the master seed and {@code replica}
     */
    public long seed(int replica) {
        if (replica < 0) {
            throw new IllegalArgumentException("replica must be >= 0, got " + replica);
        }
        return mix64(mix64(masterSeed + GAMMA) + (replica + 1L) * GAMMA);
    }

    /**
     * A fresh generator for replica {@code replica}, seeded with {@link #seed(int)}.
     *
     * @param replica replica index, {@code >= 0}
     * @return a new generator; two calls with the same index return generators of identical
     *     streams
     */
    public SplittableRandom generator(int replica) {
        return new SplittableRandom(seed(replica));
    }

    /**
     * An independent sequence for the sub-stream {@code stream} (a figure number, a parameter
     * point), so that {@code new SeedSequence(s).child(figure).seed(r)} hashes
     * {@code (s, figure, r)}.
     *
     * @param stream any label; distinct labels give unrelated sequences
     * @return the derived sequence
     */
    public SeedSequence child(long stream) {
        return new SeedSequence(mix64(mix64(masterSeed ^ 0x6A09E667F3BCC909L) + stream * GAMMA));
    }
}
