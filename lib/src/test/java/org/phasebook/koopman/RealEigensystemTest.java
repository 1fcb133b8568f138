package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealEigensystemTest {

    @Test
    void rotationHasEigenvaluesPlusMinusIWithConjugateVectors() {
        RealEigensystem e = RealEigensystem.of(new double[][] {{0, -1}, {1, 0}});
        Spectra.assertSameSpectrum(new Complex[] {Complex.I, Complex.I.conjugate()},
                e.eigenvalues(), 1e-15);
        assertEquals(e.eigenvector(0).re(0), e.eigenvector(1).re(0));
        assertEquals(e.eigenvector(0).im(1), -e.eigenvector(1).im(1));
        // (1, -i)/sqrt(2) up to a phase for +i: check A v = i v directly.
        ComplexVector v = e.eigenvector(e.eigenvalue(0).im() > 0 ? 0 : 1);
        ComplexVector av = Spectra.times(new double[][] {{0, -1}, {1, 0}}, v);
        assertTrue(Spectra.minus(av, v.times(Complex.I)).norm() < 1e-15);
    }

    @Test
    void everyEigenpairOfRandomNonSymmetricMatricesSatisfiesAvEqualsLambdaV() {
        SplittableRandom random = new SplittableRandom(20240706L);
        int complexPairs = 0;
        for (int n : new int[] {1, 2, 5, 17, 60, 150}) {
            double[][] a = new double[n][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextDouble(-1.0, 1.0);
                }
            }
            RealEigensystem e = RealEigensystem.of(a);
            assertEquals(n, e.size());
            double normA = Spectra.frobenius(a);
            for (int j = 0; j < n; j++) {
                Complex lambda = e.eigenvalue(j);
                ComplexVector v = e.eigenvector(j);
                assertEquals(1.0, v.norm(), 1e-13, "eigenvectors have unit norm");
                double error = Spectra.minus(Spectra.times(a, v), v.times(lambda)).norm();
                assertTrue(error <= 1e-10 * normA * v.norm(), "n = " + n + ", pair " + j
                        + ": ||A v - lambda v|| = " + error);
                // Tighter than the required 1e-10: backward stable dgeev gives ~ n eps.
                assertTrue(error <= 1e-13 * normA * Math.sqrt(n), "n = " + n + ": " + error);
                if (lambda.im() > 0) {
                    complexPairs++;
                    assertEquals(lambda.conjugate(), e.eigenvalue(j + 1));
                    assertEquals(v.re(0), e.eigenvector(j + 1).re(0));
                    assertEquals(v.im(n - 1), -e.eigenvector(j + 1).im(n - 1));
                }
            }
        }
        assertTrue(complexPairs > 50, "the complex path was exercised: " + complexPairs);
    }

    @Test
    void defectiveJordanBlockGivesItsEigenvalue() {
        RealEigensystem e = RealEigensystem.of(new double[][] {{2, 1}, {0, 2}});
        assertEquals(2.0, e.eigenvalue(0).re(), 1e-7);
        assertEquals(2.0, e.eigenvalue(1).re(), 1e-7);
    }

    @Test
    void inputIsNotModifiedAndMustBeSquareAndFinite() {
        double[][] a = {{1, 2}, {3, 4}};
        RealEigensystem.of(a);
        assertEquals(3.0, a[1][0]);
        assertEquals("a must be square: row 1 has length 1, expected 2",
                assertThrows(IllegalArgumentException.class,
                        () -> RealEigensystem.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("a[1][0] must be finite, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> RealEigensystem.of(
                        new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 4}})).getMessage());
        assertEquals("a must be a non-empty square matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> RealEigensystem.of(new double[0][])).getMessage());
    }
}
