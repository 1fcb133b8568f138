package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReduceLrOnPlateauTest {

    @Test
    void shrinksAfterMoreThanPatienceBadEpochs() {
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(1.0, 0.5, 2, 0, 0.2);
        assertEquals(1.0, s.update(10));   // best 10
        assertEquals(1.0, s.update(10));   // equal is not better: bad 1
        assertEquals(1.0, s.update(11));   // bad 2
        assertEquals(0.5, s.update(12));   // bad 3 > 2: shrink, count reset
        assertEquals(0.5, s.update(9));    // improves
        assertEquals(0.5, s.update(9.5));
        assertEquals(0.5, s.update(9.5));
        assertEquals(0.25, s.update(9.5));
        for (int i = 0; i < 3; i++) {
            s.update(100);
        }
        assertEquals(0.2, s.rate(), "floored at minRate");
        for (int i = 0; i < 6; i++) {
            s.update(100);
        }
        assertEquals(0.2, s.rate());
        assertEquals(9, s.best());
    }

    @Test
    void relativeThresholdAndNaN() {
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(1.0, 0.5, 0, 0.1, 0);
        s.update(10);
        assertEquals(0.5, s.update(9.5), "5 % better is not 10 % better");
        assertEquals(0.5, s.update(8.9));
        assertEquals(0.25, s.update(Double.NaN));
        assertTrue(s.best() == 8.9);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(0, 0.5, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(1, 0.5, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(1, 0.5, 1, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ReduceLrOnPlateau(1, 0.5, 1, 0, 2));
        assertTrue(e.getMessage().contains("minRate"));
    }
}
