package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parameter validation and the small derived quantities of the unrestricted model. */
class UnrestrictedLotkaVolterraTest {

    @Test
    void derivedQuantities() {
        UnrestrictedLotkaVolterra m = UnrestrictedLotkaVolterra.square(0.1, 0.2, 0.3, 1.0, 7);
        assertEquals(49, m.sites());
        assertEquals(2, m.dimension());
        assertEquals(0.25, m.diffusionConstant(), 1e-15);
        assertEquals(0, m.siteRate(0, 0));
        // (mu + D) 2 + (sigma + D) 3 + lambda 2 3
        assertEquals(1.2 * 2 + 1.1 * 3 + 0.3 * 6, m.siteRate(2, 3), 1e-12);
        assertEquals(Math.sqrt(0.02), m.meanField().frequency(), 1e-15);
        assertEquals(5, UnrestrictedLotkaVolterra.ring(1, 1, 1, 1, 5).sites());
        assertEquals(0.5, UnrestrictedLotkaVolterra.ring(1, 1, 1, 1, 5).diffusionConstant(), 1e-15);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertMessage("sigma", () -> new UnrestrictedLotkaVolterra(-1, 1, 1, 1, 2, 8));
        assertMessage("mu", () -> new UnrestrictedLotkaVolterra(1, Double.NaN, 1, 1, 2, 8));
        assertMessage("lambda", () -> new UnrestrictedLotkaVolterra(1, 1, Double.POSITIVE_INFINITY, 1, 2, 8));
        assertMessage("hopRate", () -> new UnrestrictedLotkaVolterra(1, 1, 1, -0.5, 2, 8));
        assertMessage("dimension", () -> new UnrestrictedLotkaVolterra(1, 1, 1, 1, 3, 8));
        assertMessage("side", () -> new UnrestrictedLotkaVolterra(1, 1, 1, 1, 2, 0));
        assertMessage("2^26", () -> new UnrestrictedLotkaVolterra(1, 1, 1, 1, 2, 8193));
        assertMessage("2^26", () -> new UnrestrictedLotkaVolterra(1, 1, 1, 1, 1, (1 << 26) + 1));
        assertMessage("counts", () -> UnrestrictedLotkaVolterra.ring(1, 1, 1, 1, 3).siteRate(-1, 0));
        // zero rates are allowed (pure birth, pure death), but mean field needs a centre
        UnrestrictedLotkaVolterra pureBirth = UnrestrictedLotkaVolterra.ring(1, 0, 0, 0, 3);
        assertMessage("mu", pureBirth::meanField);
        // the largest lattices are accepted
        assertEquals(1 << 26, new UnrestrictedLotkaVolterra(1, 1, 1, 1, 2, 8192).sites());
    }

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should name " + fragment);
    }
}
