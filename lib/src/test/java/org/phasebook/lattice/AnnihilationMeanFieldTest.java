package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.phasebook.systems.DormandPrince853;

class AnnihilationMeanFieldTest {

    @Test
    void exactSolutionsMatchIntegration() {
        DormandPrince853 dp = new DormandPrince853();
        AnnihilationMeanField one = AnnihilationMeanField.singleSpecies(0.7);
        AnnihilationMeanField two = AnnihilationMeanField.twoSpecies(0.7);
        double[][] starts2 = {{0.5, 0.5}, {0.6, 0.2}, {0.1, 0.4}};
        for (double t : new double[] {0.5, 5.0, 50.0}) {
            double[] x = dp.advance(one, 0.0, new double[] {0.8}, t);
            assertEquals(x[0], one.exactState(new double[] {0.8}, t)[0], 1e-9);
            for (double[] s : starts2) {
                double[] y = dp.advance(two, 0.0, s, t);
                double[] e = two.exactState(s, t);
                assertEquals(y[0], e[0], 1e-9);
                assertEquals(y[1], e[1], 1e-9);
            }
        }
        // a ~ 1/(lambda t) at late times
        assertEquals(1.0, one.exactState(new double[] {1.0}, 1e6)[0] * 0.7 * 1e6, 1e-5);
        assertEquals(0.4, two.exactState(new double[] {0.6, 0.2}, 1e3)[0], 1e-12);
    }

    @Test
    void jacobianMatchesCentralDifferences() {
        AnnihilationMeanField one = AnnihilationMeanField.singleSpecies(0.7);
        AnnihilationMeanField two = AnnihilationMeanField.twoSpecies(1.3);
        MeanFieldTesting.assertJacobianMatchesDifferences(one, one::jacobian, new double[] {0.4}, 1e-8);
        MeanFieldTesting.assertJacobianMatchesDifferences(two, two::jacobian, new double[] {0.4, 0.1}, 1e-8);
        assertEquals(2, two.dimension());
        MeanFieldTesting.assertEquilibrium(two, new double[] {0.3, 0.0}, 0.0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> AnnihilationMeanField.singleSpecies(0.0));
        assertThrows(NullPointerException.class, () -> new AnnihilationMeanField(null, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> AnnihilationMeanField.twoSpecies(1.0).exactState(new double[] {0.1}, 1.0));
    }
}
