package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    /** y0 = 2 x0 - 3 x1 + 5, y1 = -x0 + 0.5 x1 - 1, exactly. */
    private static double[][][] linearProblem(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() * 4 - 2;
            x[i][1] = random.nextDouble() * 10;
            y[i][0] = 2 * x[i][0] - 3 * x[i][1] + 5;
            y[i][1] = -x[i][0] + 0.5 * x[i][1] - 1;
        }
        return new double[][][] {x, y};
    }

    @Test
    void anExactlyLinearProblemIsSolvedExactlyWithoutPenalty() {
        double[][][] p = linearProblem(50, 1L);
        RidgeRegression model = RidgeRegression.fit(p[0], p[1], 0.0);
        assertArrayEquals(new double[] {2, -1}, model.coefficients()[0], 1e-12);
        assertArrayEquals(new double[] {-3, 0.5}, model.coefficients()[1], 1e-12);
        assertArrayEquals(new double[] {5, -1}, model.intercept(), 1e-11);
        assertEquals(1.0, model.score(p[0], p[1]), 1e-14);
    }

    @Test
    void oneFeatureMatchesTheClosedForm() {
        // x = 0, 1, 2, 3; y = 1, 3, 2, 6: x̄ = 1.5, ȳ = 3, Sxx = 5, Sxy = 7.
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{1}, {3}, {2}, {6}};
        double alpha = 2.0;
        RidgeRegression model = RidgeRegression.fit(x, y, alpha);
        double w = 7.0 / (5.0 + alpha);
        assertEquals(w, model.coefficients()[0][0], 1e-15);
        assertEquals(3 - 1.5 * w, model.intercept()[0], 1e-15);
        // The intercept is not penalised: a huge penalty leaves the mean.
        RidgeRegression flat = RidgeRegression.fit(x, y, 1e12);
        assertEquals(3.0, flat.predict(new double[][] {{100}})[0][0], 1e-9);
    }

    @Test
    void collinearInputsWithoutPenaltyFallBackToLeastSquares() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        double[][] y = {{1}, {2}, {3}, {4}};
        RidgeRegression model = RidgeRegression.fit(x, y, 0.0);
        assertEquals(1.0, model.score(x, y), 1e-12);
        // Minimum-norm solution: w proportional to (1, 2), w . (1, 2) = 1.
        assertEquals(0.2, model.coefficients()[0][0], 1e-12);
        assertEquals(0.4, model.coefficients()[1][0], 1e-12);
    }

    @Test
    void gridSearchUsesContiguousFoldsAndPicksTheBestMeanScore() {
        SplittableRandom random = new SplittableRandom(5L);
        int n = 23;
        double[][] x = new double[n][3];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 3; f++) {
                x[i][f] = random.nextDouble();
            }
            y[i][0] = x[i][0] - 2 * x[i][1] + random.nextDouble();
        }
        double[] alphas = {1e-3, 0.1, 1.0, 10.0};
        RidgeGridSearch search = RidgeGridSearch.fit(x, y, alphas, 5);
        // KFold(5) of 23 rows: sizes 5, 5, 5, 4, 4, in order.
        int[] sizes = {5, 5, 5, 4, 4};
        int start = 0;
        for (int f = 0; f < 5; f++) {
            int end = start + sizes[f];
            double[][] trainX = new double[n - sizes[f]][];
            double[][] trainY = new double[n - sizes[f]][];
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (i < start || i >= end) {
                    trainX[j] = x[i];
                    trainY[j++] = y[i];
                }
            }
            for (int a = 0; a < alphas.length; a++) {
                double expected = RidgeRegression.fit(trainX, trainY, alphas[a]).score(
                        Arrays.copyOfRange(x, start, end), Arrays.copyOfRange(y, start, end));
                assertEquals(expected, search.foldScores()[a][f], 1e-12, "alpha " + a + " fold " + f);
            }
            start = end;
        }
        int best = 0;
        for (int a = 1; a < alphas.length; a++) {
            if (search.meanScores()[a] > search.meanScores()[best]) {
                best = a;
            }
        }
        assertEquals(alphas[best], search.bestAlpha());
        assertArrayEquals(RidgeRegression.fit(x, y, alphas[best]).intercept(),
                search.model().intercept(), 1e-12);
    }

    @Test
    void nlbGridIsLogspaceMinusFourToZero() {
        double[] a = RidgeGridSearch.nlbAlphas();
        assertEquals(9, a.length);
        assertEquals(1e-4, a[0], 1e-19);
        assertEquals(Math.sqrt(10) * 1e-4, a[1], 1e-18);
        assertEquals(1e-2, a[4], 1e-17);
        assertEquals(1.0, a[8], 1e-15);
    }

    @Test
    void decodingDropsRowsWithoutBehaviourAndFitsAnExactProblem() {
        double[][][] train = linearProblem(200, 2L);
        double[][][] eval = linearProblem(60, 3L);
        double r2 = RidgeGridSearch.decodingR2(train[0], train[1], eval[0], eval[1]);
        assertEquals(1.0, r2, 1e-8);
        // Rows whose behaviour starts with NaN are dropped, whatever their rates.
        double[][] evalX = Arrays.copyOf(eval[0], 61);
        double[][] evalY = Arrays.copyOf(eval[1], 61);
        evalX[60] = new double[] {1e6, -1e6};
        evalY[60] = new double[] {Double.NaN, 0};
        assertEquals(r2, RidgeGridSearch.decodingR2(train[0], train[1], evalX, evalY));
        evalX[60] = new double[] {Double.NaN, 0};
        evalY[60] = new double[] {1, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeGridSearch.decodingR2(train[0], train[1], evalX, evalY));
        assertTrue(e.getMessage().contains("NaN eval rate"), e.getMessage());
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(new double[][] {{1}}, new double[][] {{1}}, -1.0));
        assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(new double[][] {{1}, {2}}, new double[][] {{1}}, 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(new double[][] {{1}, {Double.NaN}},
                        new double[][] {{1}, {2}}, 1.0));
        assertTrue(e.getMessage().contains("x[1][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RidgeGridSearch.fit(
                new double[][] {{1}, {2}}, new double[][] {{1}, {2}}, new double[] {1.0}, 5));
    }
}
