package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NgramsTest {

    @Test
    void lexicographicIndexRoundTrips() {
        assertEquals(27, Ngrams.words(3, 3));
        assertEquals(0, Ngrams.index(new int[] {0, 0}, 3));
        assertEquals(1, Ngrams.index(new int[] {0, 1}, 3));
        assertEquals(3, Ngrams.index(new int[] {1, 0}, 3));
        assertEquals(2 * 9 + 1 * 3 + 2, Ngrams.index(new int[] {2, 1, 2}, 3));
        for (int w = 0; w < 81; w++) {
            assertEquals(w, Ngrams.index(Ngrams.word(w, 4, 3), 3));
        }
        assertArrayEquals(new int[] {1, 0, 2}, Ngrams.word(11, 3, 3));
        assertEquals("102", Ngrams.label(11, 3, 3));
        assertEquals("1,0", Ngrams.label(12, 2, 12));
        CategoricalHmmTest.assertMessage(() -> Ngrams.words(16, 3), "exceeds");
        CategoricalHmmTest.assertMessage(() -> Ngrams.word(27, 3, 3), "index must be in [0, 27)");
        CategoricalHmmTest.assertMessage(() -> Ngrams.index(new int[] {0, 3}, 3), "word[1] = 3");
    }
}
