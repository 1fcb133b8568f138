package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PeriodicWakeTest {

    /** A small wake: D = 40, K = 5, so that POD of 2K = 10 modes is the whole field. */
    private static final PeriodicWake SMALL = new PeriodicWake(40, 5, 0.3, 0.7, 11L);

    @Test
    void thePodModelOfTheWholeFieldHasExactlyTheHarmonicEigenvalues() {
        double[][] x = SMALL.snapshots(61);
        PodCoordinates pod = PodCoordinates.of(Arrays.copyOf(x, 60), Arrays.copyOfRange(x, 1, 61), 10);
        EdmdModel model = new Edmd(new CoordinateDictionary(10)).fit(pod.pairs());
        for (Complex exact : SMALL.exactEigenvalues()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (Complex lambda : model.eigenvalues()) {
                nearest = Math.min(nearest, lambda.minus(exact).abs());
            }
            assertTrue(nearest < 1e-9, "eigenvalue " + exact + " missed by " + nearest);
        }
        assertTrue(model.maxResidual() < 1e-9, "residuals of an invariant dictionary: " + model.maxResidual());
    }

    @Test
    void theFieldSpansExactlyTwoDirectionsPerHarmonic() {
        double[][] x = SMALL.snapshots(41);
        // 10 modes exist; an 11th is below the numerical rank cut
        PodCoordinates.of(Arrays.copyOf(x, 40), Arrays.copyOfRange(x, 1, 41), 10);
        var e = assertThrows(IllegalArgumentException.class,
                () -> PodCoordinates.of(Arrays.copyOf(x, 40), Arrays.copyOfRange(x, 1, 41), 11));
        assertTrue(e.getMessage().contains("rank") && e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void aTruncatedDictionaryMissesAndTheResidualsSayIt() {
        double[][] x = SMALL.snapshots(61);
        PodCoordinates pod = PodCoordinates.of(Arrays.copyOf(x, 60), Arrays.copyOfRange(x, 1, 61), 10);
        EdmdModel whole = new Edmd(new CoordinateDictionary(10)).fit(pod.leading(10));
        EdmdModel truncated = new Edmd(new CoordinateDictionary(3)).fit(pod.leading(3));
        assertTrue(truncated.maxResidual() > 1e3 * Math.max(whole.maxResidual(), 1e-15),
                truncated.maxResidual() + " against " + whole.maxResidual());
        SpectralErrors errors = SpectralErrors.nearUnitCircle(whole, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults(), 0.05);
        assertTrue(errors.edmd() < 1e-8 && errors.proposed() < 1e-8, errors.toString());
        assertEquals(10, errors.points());
        SpectralErrors cut = SpectralErrors.nearUnitCircle(truncated, Pseudospectrum.defaults(),
                ErrorControlledSpectrum.defaults(), 0.05);
        assertTrue(cut.edmd() > 1e-3, cut.toString());
        // the clamp: E1 is at least the distance of every right-half-plane eigenvalue to the circle
        for (Complex lambda : truncated.eigenvalues()) {
            if (lambda.re() > 0.0) {
                assertTrue(cut.edmd() >= Math.abs(lambda.abs() - 1.0) - 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> pod.leading(11));
    }

    @Test
    void theSameSeedGivesTheSameFieldAndAnotherSeedAnother() {
        assertArrayEquals(SMALL.snapshots(7)[6], SMALL.snapshots(7)[6]);
        PeriodicWake other = new PeriodicWake(40, 5, 0.3, 0.7, 12L);
        assertFalse(Arrays.equals(SMALL.snapshots(3)[2], other.snapshots(3)[2]));
    }

    @Test
    void theOrbitIsPeriodicWhenTheAngleDividesTwoPi() {
        PeriodicWake wake = new PeriodicWake(20, 3, 2.0 * Math.PI / 8.0, 1.0, 3L);
        double[][] x = wake.snapshots(17);
        for (int i = 0; i < 20; i++) {
            assertEquals(x[0][i], x[8][i], 1e-12);
            assertEquals(x[3][i], x[11][i], 1e-12);
        }
    }

    @Test
    void theDefaultsAreThePapersSizes() {
        PeriodicWake wake = PeriodicWake.defaults(1L);
        assertEquals(2000, wake.dimension());
        assertEquals(50, wake.exactEigenvalues().length);
    }

    @Test
    void badParametersAreRefusedByName() {
        assertMessage("harmonics", () -> new PeriodicWake(10, 0, 0.1, 0.5, 1L));
        assertMessage("dimension", () -> new PeriodicWake(9, 5, 0.1, 0.5, 1L));
        assertMessage("omegaDt", () -> new PeriodicWake(10, 5, Math.PI / 5, 0.5, 1L));
        assertMessage("omegaDt", () -> new PeriodicWake(10, 5, 0.0, 0.5, 1L));
        assertMessage("decay", () -> new PeriodicWake(10, 5, 0.1, 1.5, 1L));
        assertMessage("count", () -> SMALL.snapshots(0));
    }

    private static void assertMessage(String name, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
}
