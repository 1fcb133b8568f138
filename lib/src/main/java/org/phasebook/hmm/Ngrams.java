package org.phasebook.hmm;

/**
 * The indexing of n-grams (words of {@code n} symbols from an alphabet of {@code K}) used by
 * every n-gram array in this package: word {@code (o_1, ..., o_n)} has index
 * {@code sum_i o_i K^(n-i)}, so the first symbol is the most significant digit and the
 * indices run lexicographically: for {@code K = 3, n = 2}, "00", "01", "02", "10", ... .
 */
public final class Ngrams {

    /** The largest number of words an n-gram array may have (2^24, 128 MiB of doubles). */
    public static final int MAX_WORDS = 1 << 24;

    private Ngrams() {
    }

    /**
     * {@code K^n}, the number of words.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code K < 1} or {@code K^n} exceeds
     *     {@link #MAX_WORDS}
     */
    public static int words(int n, int symbols) {
        if (n < 1) {
            throw new IllegalArgumentException("n (word length) must be >= 1, got " + n);
        }
        if (symbols < 1) {
            throw new IllegalArgumentException("symbols (K) must be >= 1, got " + symbols);
        }
        long w = 1;
        for (int i = 0; i < n; i++) {
            w *= symbols;
            if (w > MAX_WORDS) {
                throw new IllegalArgumentException("K^n = " + symbols + "^" + n + " exceeds " + MAX_WORDS
                        + " words; choose a smaller n");
            }
        }
        return (int) w;
    }

    /** The index of {@code word}; every symbol must be in {@code 0..K-1}. */
    public static int index(int[] word, int symbols) {
        words(word.length, symbols);
        int index = 0;
        for (int i = 0; i < word.length; i++) {
            if (word[i] < 0 || word[i] >= symbols) {
                throw new IllegalArgumentException("word[" + i + "] = " + word[i] + " is not a symbol (allowed 0.."
                        + (symbols - 1) + ")");
            }
            index = index * symbols + word[i];
        }
        return index;
    }

    /** The word of length {@code n} with index {@code index}, the inverse of {@link #index}. */
    public static int[] word(int index, int n, int symbols) {
        int w = words(n, symbols);
        if (index < 0 || index >= w) {
            throw new IllegalArgumentException("index must be in [0, " + w + "), got " + index);
        }
        int[] word = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            word[i] = index % symbols;
            index /= symbols;
        }
        return word;
    }

    /** The word as a string of digits, e.g. "021" (for {@code K <= 10}; otherwise comma-separated). */
    public static String label(int index, int n, int symbols) {
        int[] word = word(index, n, symbols);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (symbols > 10 && i > 0) {
                s.append(',');
            }
            s.append(word[i]);
        }
        return s.toString();
    }
}
