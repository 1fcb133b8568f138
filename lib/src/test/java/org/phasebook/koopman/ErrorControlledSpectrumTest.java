package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorControlledSpectrumTest {

    private static Complex[] line(double... re) {
        Complex[] z = new Complex[re.length];
        for (int i = 0; i < re.length; i++) {
            z[i] = Complex.real(re[i]);
        }
        return z;
    }

    @Test
    void rotationOnAGridThroughItsEigenvaluesGivesExactlyTheEigenvalues() {
        // omega = pi/2: eigenvalues 1, i, -1, -i, all grid points of -1.5:0.25:1.5.
        EdmdModel model = KoopmanExamples.rotation(Math.PI / 2, 3, 16);
        PseudospectrumGrid ps = Pseudospectrum.defaults().withIsometryClamp(true)
                .evaluate(model.qrForm(), ComplexGrid.range(-1.5, 0.25, 1.5, -1.5, 0.25, 1.5));
        CertifiedSpectrum gamma = ErrorControlledSpectrum.defaults().fit(ps);
        assertEquals(Set.of(Complex.ONE, Complex.I, Complex.real(-1), new Complex(0, -1)),
                new HashSet<>(gamma.points()));
        assertEquals(4, gamma.size(), "no duplicates");
        assertTrue(gamma.error() < 1e-14, "er_new = " + gamma.error());
    }

    @Test
    void rotationWithEdmdEigenvaluesAsCandidatesKeepsThemAll() {
        EdmdModel model = KoopmanExamples.rotation(1.0, 4, 24);
        Complex[] lambda = model.eigenvalues();
        double[] tau = Pseudospectrum.defaults().withIsometryClamp(true)
                .at(model.qrForm(), lambda);
        CertifiedSpectrum gamma = ErrorControlledSpectrum.defaults().fit(lambda, tau);
        assertEquals(model.size(), gamma.size());
        assertTrue(gamma.error() < 1e-13, "er_new = " + gamma.error());
        assertTrue(model.maxResidual() < 1e-13, "EDMD is exact here too");
    }

    @Test
    void eachCandidateBelowOneContributesTheMinimiserOfItsNeighbourhood() {
        // rho = 2. Candidate 0 (tau 0.3) sees |z - 0| < 0.6: indices 0..2, minimum at 2.
        // Candidate 1 (tau 0.2) sees |z - 0.25| < 0.4: indices 0..2, minimum at 2.
        // Candidate 2 (tau 0.1) sees |z - 0.5| < 0.2: only itself.
        // Candidate 3 (tau 1.5) is skipped. Candidate 4 (tau 0.05) sees only itself.
        // Candidate 5 (tau 0.2) at 3.1 sees index 4 at 3.0: minimum at 4.
        Complex[] z = line(0, 0.25, 0.5, 2, 3, 3.1);
        double[] tau = {0.3, 0.2, 0.1, 1.5, 0.05, 0.2};
        CertifiedSpectrum gamma = new ErrorControlledSpectrum(2).fit(z, tau);
        assertArrayEquals(new int[] {2, 4}, gamma.indices());
        assertEquals(List.of(Complex.real(0.5), Complex.real(3)), gamma.points());
        assertArrayEquals(new double[] {0.1, 0.05}, gamma.tau());
        assertEquals(0.1, gamma.error());
    }

    @Test
    void theNeighbourhoodIsOpenAndTiesGoToTheFirstIndex() {
        // |z_1 - z_0| = 0.5 = rho tau_0: not a neighbour (strict inequality).
        CertifiedSpectrum open = new ErrorControlledSpectrum(1).fit(line(0, 0.5),
                new double[] {0.5, 0.1});
        assertArrayEquals(new int[] {0, 1}, open.indices());
        // Equal values: the first index wins.
        CertifiedSpectrum tie = new ErrorControlledSpectrum(5).fit(line(0, 0.1, 0.2),
                new double[] {0.3, 0.2, 0.2});
        assertArrayEquals(new int[] {1}, tie.indices());
    }

    @Test
    void aCandidateWithTauZeroKeepsItself() {
        CertifiedSpectrum gamma = ErrorControlledSpectrum.defaults().fit(line(0, 1e-3),
                new double[] {0.0, 0.0});
        assertArrayEquals(new int[] {0, 1}, gamma.indices());
        assertEquals(0.0, gamma.error());
    }

    @Test
    void noCandidateBelowOneGivesAnEmptyOutputWithUndefinedError() {
        CertifiedSpectrum gamma = ErrorControlledSpectrum.defaults().fit(line(0, 1),
                new double[] {1.0, Double.POSITIVE_INFINITY});
        assertTrue(gamma.isEmpty());
        assertTrue(Double.isNaN(gamma.error()));
    }

    @Test
    void badArgumentsAreRejectedWithTheParameterNamed() {
        assertEquals("rho must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ErrorControlledSpectrum(0))
                        .getMessage());
        assertEquals("rho must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new ErrorControlledSpectrum(Double.NaN)).getMessage());
        assertEquals("rho must be finite and > 0, got -5.0",
                assertThrows(IllegalArgumentException.class, () -> new ErrorControlledSpectrum(-5))
                        .getMessage());
        ErrorControlledSpectrum method = ErrorControlledSpectrum.defaults();
        assertEquals("tau must have one value per candidate, 2, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> method.fit(line(0, 1), new double[] {0.1})).getMessage());
        assertEquals("tau[1] must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> method.fit(line(0, 1), new double[] {0.1, Double.NaN})).getMessage());
        assertEquals("candidates[0] must be finite, got Infinity + 0.0i",
                assertThrows(IllegalArgumentException.class, () -> method.fit(
                        line(Double.POSITIVE_INFINITY), new double[] {0.1})).getMessage());
    }
}
