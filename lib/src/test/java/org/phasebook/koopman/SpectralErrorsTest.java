package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralErrorsTest {

    private static final double OMEGA = 1.4 * Math.PI;

    @Test
    void anExactRotationModelHasZeroErrorsOnTheGridAndAtItsEigenvalues() {
        // The grid holds the eigenvalue e^{0} = 1 exactly, so the method returns it with tau = 0.
        EdmdModel model = KoopmanExamples.rotation(OMEGA, 3, 16);
        ComplexGrid grid = ComplexGrid.range(-1.0, 0.5, 1.0, -1.0, 0.5, 1.0);
        SpectralErrors onGrid = SpectralErrors.onGrid(model, model, grid, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults(), f -> { });
        assertEquals(7, onGrid.n());
        assertTrue(onGrid.edmd() < 1e-12, "EDMD residuals of an exact model: " + onGrid.edmd());
        assertTrue(onGrid.points() >= 1);
        // Every returned point is a grid point; its tau is its distance to the nearest e^{ik omega}.
        double worst = 0.0;
        for (Complex z : grid.points()) {
            worst = Math.max(worst, KoopmanExamples.distanceToRotationSpectrum(z, OMEGA, 3));
        }
        assertTrue(onGrid.proposed() <= worst + 1e-12);

        SpectralErrors atEigenvalues = SpectralErrors.atEigenvalues(model, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults());
        assertTrue(atEigenvalues.edmd() < 1e-6, "tau at exact eigenvalues: " + atEigenvalues.edmd());
        assertTrue(atEigenvalues.proposed() < 1e-6);
        assertEquals(7, atEigenvalues.points());
    }

    @Test
    void aPollutedModelHasALargeEdmdErrorAndEdmdErrorIsTheLargestResidual() {
        EdmdModel model = KoopmanExamples.nonlinear(30);
        ComplexGrid grid = ComplexGrid.range(-1.2, 0.1, 1.2, 0.0, 0.1, 1.2);
        SpectralErrors errors = SpectralErrors.onGrid(model, model, grid, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults(), f -> { });
        assertEquals(model.maxResidual(), errors.edmd(), 1e-12 * Math.max(1.0, errors.edmd()));
        // At its eigenvalues tau <= res, so the Lorenz recipe's E1 is at most EDMD's residual error.
        SpectralErrors atEigenvalues = SpectralErrors.atEigenvalues(model, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults());
        assertTrue(atEigenvalues.edmd() <= errors.edmd() + 1e-10);
        assertTrue(atEigenvalues.proposed() <= atEigenvalues.edmd() + 1e-12);
    }

    @Test
    void validationModelMustShareTheDictionary() {
        EdmdModel a = KoopmanExamples.rotation(OMEGA, 3, 16);
        EdmdModel b = KoopmanExamples.rotation(OMEGA, 3, 16);
        var e = assertThrows(IllegalArgumentException.class, () -> SpectralErrors.onGrid(a, b,
                ComplexGrid.range(0, 1, 1, 0, 1, 1), Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults(), f -> { }));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralErrors(0, 1, 1, 1))
                .getMessage().contains("n must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralErrors(1, -1, 1, 1))
                .getMessage().contains("edmd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SpectralErrors(1, 1, -1, 1))
                .getMessage().contains("proposed"));
        assertEquals(Double.NaN, new SpectralErrors(1, 1, Double.NaN, 0).proposed());
    }
}
