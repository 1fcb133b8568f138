package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoordinateDictionaryTest {

    @Test
    void functionsAreTheCoordinates() {
        CoordinateDictionary d = new CoordinateDictionary(3);
        assertEquals(3, d.size());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}},
                d.evaluate(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals("dimension must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new CoordinateDictionary(0)).getMessage());
    }
}
