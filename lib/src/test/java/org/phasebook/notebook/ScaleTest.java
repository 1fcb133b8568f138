package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void parsesTheThreeNamesInAnyCaseAndWithBlanks() {
        assertSame(Scale.QUICK, Scale.parse("quick"));
        assertSame(Scale.DEFAULT, Scale.parse("default"));
        assertSame(Scale.PAPER, Scale.parse("paper"));
        assertSame(Scale.QUICK, Scale.parse(" QUICK\n"));
        assertSame(Scale.PAPER, Scale.parse("Paper"));
    }

    @Test
    void unsetOrEmptyMeansDefault() {
        assertSame(Scale.DEFAULT, Scale.parse(null));
        assertSame(Scale.DEFAULT, Scale.parse(""));
        assertSame(Scale.DEFAULT, Scale.parse("   "));
    }

    @Test
    void anythingElseIsRejectedWithTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("fast"));
        assertTrue(e.getMessage().contains("PHASEBOOK_SCALE"), e.getMessage());
        assertTrue(e.getMessage().contains("quick, default, paper"), e.getMessage());
        assertTrue(e.getMessage().contains("\"fast\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scale.parse("quick,paper"));
        assertThrows(IllegalArgumentException.class, () -> Scale.parse("defaults"));
    }

    @Test
    void currentReadsTheEnvironmentOrFailsClearly() {
        String value = System.getenv(Scale.VARIABLE);
        boolean valid = value == null || value.isBlank() || value.strip().matches("(?i)quick|default|paper");
        if (valid) {
            assertSame(Scale.parse(value), Scale.current());
        } else {
            assertThrows(IllegalArgumentException.class, Scale::current);
        }
    }

    @Test
    void idIsTheLowerCaseNameAndRoundTrips() {
        for (Scale scale : Scale.values()) {
            assertEquals(scale.name().toLowerCase(java.util.Locale.ROOT), scale.id());
            assertEquals(scale.id(), scale.toString());
            assertSame(scale, Scale.parse(scale.id()));
        }
    }

    @Test
    void picksTheValueOfItsScale() {
        assertEquals(10, Scale.QUICK.pick(10, 200, 3000));
        assertEquals(200, Scale.DEFAULT.pick(10, 200, 3000));
        assertEquals(3000, Scale.PAPER.pick(10, 200, 3000));
        assertEquals(5_000_000_000L, Scale.PAPER.pick(1L, 2L, 5_000_000_000L));
        assertEquals(1e-3, Scale.DEFAULT.pick(1e-1, 1e-3, 1e-6));
        assertEquals("coarse", Scale.QUICK.pick("coarse", "fine", "finest"));
        int[] sizes = Scale.PAPER.pick(new int[] {8}, new int[] {64}, new int[] {256});
        assertEquals(256, sizes[0]);
    }
}
