package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void passesExactlyWhenTheDifferenceIsWithinTheTolerance() {
        assertTrue(CheckResult.of("c", 2.0, 1.0, 1.0).passed());
        assertFalse(CheckResult.of("c", 2.0, 1.0, 0.999).passed());
        assertTrue(CheckResult.of("c", 0.0, 0.0, 0.0).passed());
        assertFalse(CheckResult.of("c", Double.NaN, 0.0, 1.0).passed());
    }

    @Test
    void itsCsvRowHasTheHeadersColumns() {
        assertEquals("lambda,0.5,0.25,0.5,true\n", CheckResult.of("lambda", 0.5, 0.25, 0.5).csvRow());
        assertEquals("nan,NaN,1.0E-4,2.0E-6,false\n", CheckResult.of("nan", Double.NaN, 1e-4, 2e-6).csvRow());
    }
}
