package org.phasebook.koopman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.phasebook.systems.GaussMap;

/**
 * EDMD and residuals for the Gauss map {@code F(x) = e^{-2x^2} - 1 - e^{-2}} on {@code [-1, 0]}
 * (brief §4, oracle 7), with 40 orthonormal Legendre functions on 100 Gauss–Legendre nodes.
 *
 * <p>What is exact: the nodes integrate products of two Legendre functions of degree below 40
 * exactly, so {@code G = I}; the constants are invariant, so 1 is an eigenvalue with residual 0.
 * What we derived: {@code -1} is a fixed point with multiplier {@code lambda = F'(-1) = 4 e^{-2}};
 * Koenigs' linearising coordinate {@code h} ({@code h o F = lambda h}, {@code h > 0} on
 * {@code (-1, 0]}) gives the eigenfunctions {@code h^s} with eigenvalues {@code lambda^s} for every
 * complex {@code s} with {@code Re s > -1/2} (where {@code h^s} is square integrable), so every
 * {@code z} with {@code 0 < |z| < lambda^{-1/2} = 1.359} is an eigenvalue: small residuals there
 * are true, and {@code tau_N} must decrease towards 0 inside that disk as {@code N} grows.
 */
class GaussMapKoopmanTest {

    private static EdmdModel fit(int n) {
        GaussMap f = GaussMap.fixingMinusOne(2.0);
        return new Edmd(new LegendreDictionary(n, -1, 0))
                .fit(SnapshotPairs.ofMap(f::apply, Quadrature.gaussLegendre(100, -1, 0)));
    }

    @Test
    void gramMatrixIsTheIdentityAndOneIsAnExactEigenvalue() {
        EdmdModel model = fit(40);
        double[][] g = model.galerkin().g();
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                worst = Math.max(worst, Math.abs(g[i][j] - (i == j ? 1 : 0)));
            }
        }
        assertTrue(worst < 1e-13, "||G - I||_max = " + worst);
        int one = 0;
        for (int j = 1; j < model.size(); j++) {
            if (model.eigenvalue(j).minus(Complex.ONE).abs() < model.eigenvalue(one).minus(Complex.ONE).abs()) {
                one = j;
            }
        }
        assertEquals(1.0, model.eigenvalue(one).re(), 1e-12);
        assertTrue(model.residual(one) < 1e-12, "residual at 1: " + model.residual(one));
    }

    @Test
    void residualCountsMatchTheBriefsRegressionValues() {
        // Brief §4.7: 14 / 16 / 20 of the 40 pairs have residuals below 1e-3 / 1e-2 / 0.1, and
        // the eigenvalue nearest 0 has a residual of at most 1e-10.
        double[] res = fit(40).residuals();
        assertEquals(14, Arrays.stream(res).filter(r -> r < 1e-3).count());
        assertEquals(16, Arrays.stream(res).filter(r -> r < 1e-2).count());
        assertEquals(20, Arrays.stream(res).filter(r -> r < 0.1).count());
        EdmdModel model = fit(40);
        int zero = 0;
        for (int j = 1; j < model.size(); j++) {
            if (model.eigenvalue(j).abs() < model.eigenvalue(zero).abs()) {
                zero = j;
            }
        }
        assertTrue(model.eigenvalue(zero).abs() < 1e-10 && model.residual(zero) < 1e-10,
                model.eigenvalue(zero) + ", residual " + model.residual(zero));
    }

    @Test
    void pseudospectrumShrinksInsideTheDiskOfEigenvaluesAndNotOutside() {
        double radius = 1 / Math.sqrt(GaussMap.fixingMinusOne(2.0).derivative(-1));
        assertEquals(1.35914, radius, 1e-5);
        Complex[] inside = {Complex.real(0.5), new Complex(0, 1), Complex.real(-1.3)};
        double[] coarse = Pseudospectrum.defaults().at(fit(10).qrForm(), inside);
        double[] fine = Pseudospectrum.defaults().at(fit(40).qrForm(), inside);
        for (int k = 0; k < inside.length; k++) {
            assertTrue(fine[k] < 0.5 * coarse[k], inside[k] + ": " + coarse[k] + " -> " + fine[k]);
        }
        // Outside the disk tau stays of order one (measured 0.77, 0.74, 0.71, 0.70 at z = 2 for
        // N = 10, 20, 40, 80): nothing there is approximated by eigenfunctions of this kind.
        double outside = Pseudospectrum.defaults().at(fit(40).qrForm(), Complex.real(2))[0];
        assertTrue(outside > 0.5, "tau(2) = " + outside);
    }
}
