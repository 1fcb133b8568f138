package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The orbit size is exactly linear in the noise std (homogeneity), about the projected origin. */
class OrbitScalingTest {

    @Test
    void everySizeScalesLinearlyWithSigma() {
        RnnDynamics dyn = new RnnDynamics(RnnDynamicsTest.weights(40, 10, 3, 2.2, 51));
        StatePca pca = StatePca.fit(dyn.noisyTrajectory(3000, 1.0, new SplittableRandom(52)).states(), 3);
        double[] sigmas = {0.1, 1.0, 2.0, 3.0, 4.0};
        OrbitScaling.OrbitSize[] sizes = OrbitScaling.measure(dyn, pca, sigmas, 2000, 0.95, 53);
        OrbitScaling.OrbitSize unit = sizes[1];
        assertTrue(unit.rmsRadius() > 0.1, "a non-trivial orbit");
        assertTrue(unit.quantileRadius() > 0.0 && unit.quantileRadius() >= unit.rmsRadius() * 0.5);
        for (OrbitScaling.OrbitSize s : sizes) {
            double r = s.sigma();
            assertEquals(r * unit.rmsRadius(), s.rmsRadius(), 1e-10 * r * unit.rmsRadius());
            assertEquals(r * unit.quantileRadius(), s.quantileRadius(), 1e-10 * r * unit.quantileRadius());
            assertEquals(r * r * unit.planeVariance(), s.planeVariance(), 1e-10 * r * r * unit.planeVariance());
            assertEquals(r * unit.centre()[0], s.centre()[0], 1e-10 * r * unit.rmsRadius());
            assertEquals(r * unit.centre()[1], s.centre()[1], 1e-10 * r * unit.rmsRadius());
        }
        assertThrows(IllegalArgumentException.class, () -> OrbitScaling.measure(dyn, pca, sigmas, 1, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> OrbitScaling.measure(dyn, pca, sigmas, 10, 0.0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> OrbitScaling.measure(dyn, pca, new double[] {-1.0}, 10, 0.95, 1));
    }

    @Test
    void homogeneityHoldsExactlyForPowersOfTwoAndToRoundingOtherwise() {
        RnnDynamics d = new RnnDynamics(RnnDynamicsTest.weights(20, 5, 3, 1.4, 91));
        assertEquals(0.0, OrbitScaling.homogeneityError(d, 2.0, 500, 92), 0.0);
        assertEquals(0.0, OrbitScaling.homogeneityError(d, 0.25, 500, 92), 0.0);
        double rounding = OrbitScaling.homogeneityError(d, 0.1, 500, 92);
        assertTrue(rounding < 1e-13, "rounding " + rounding);
        // oracle: the same maximum written out
        double[][] one = d.noisyTrajectory(50, 1.0, new SplittableRandom(93)).states();
        double[][] three = d.noisyTrajectory(50, 3.0, new SplittableRandom(93)).states();
        double diff = 0;
        double size = 0;
        for (int t = 0; t < 50; t++) {
            for (int i = 0; i < 20; i++) {
                diff = Math.max(diff, Math.abs(three[t][i] - 3 * one[t][i]));
                size = Math.max(size, 3 * Math.abs(one[t][i]));
            }
        }
        assertEquals(diff / size, OrbitScaling.homogeneityError(d, 3.0, 50, 93), 0.0);
        assertThrows(IllegalArgumentException.class, () -> OrbitScaling.homogeneityError(d, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> OrbitScaling.homogeneityError(d, 1, 0, 1));
    }
}
