package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CertifiedSpectrumTest {

    @Test
    void errorIsTheLargestValue() {
        CertifiedSpectrum s = new CertifiedSpectrum(new int[] {3, 7},
                List.of(Complex.ONE, Complex.I), new double[] {0.2, 0.1});
        assertEquals(0.2, s.error());
        assertEquals(2, s.size());
    }

    @Test
    void arraysAreCopied() {
        int[] indices = {0};
        double[] tau = {0.5};
        CertifiedSpectrum s = new CertifiedSpectrum(indices, List.of(Complex.ONE), tau);
        indices[0] = 4;
        tau[0] = 9;
        s.indices()[0] = 4;
        s.tau()[0] = 9;
        assertArrayEquals(new int[] {0}, s.indices());
        assertArrayEquals(new double[] {0.5}, s.tau());
        assertEquals(s, new CertifiedSpectrum(new int[] {0}, List.of(Complex.ONE),
                new double[] {0.5}));
    }

    @Test
    void inconsistentContentsAreRejected() {
        assertEquals("indices, points and tau must have equal lengths, got 1, 0 and 1",
                assertThrows(IllegalArgumentException.class, () -> new CertifiedSpectrum(
                        new int[] {0}, List.of(), new double[] {0.1})).getMessage());
        assertEquals("indices must be >= 0 and strictly increasing, got [2, 2]",
                assertThrows(IllegalArgumentException.class, () -> new CertifiedSpectrum(
                        new int[] {2, 2}, List.of(Complex.ONE, Complex.I),
                        new double[] {0.1, 0.1})).getMessage());
        assertEquals("tau[0] must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new CertifiedSpectrum(
                        new int[] {0}, List.of(Complex.ONE), new double[] {-1})).getMessage());
    }
}
