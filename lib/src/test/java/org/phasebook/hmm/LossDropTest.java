package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LossDropTest {

    private static double[] steps(int n) {
        return IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    }

    @Test
    void theDropIsTheFirstStepBelowTheMidpointOfPlateauAndEnd() {
        // 150 steps at 10 (with a dip to 7 that stays above the midpoint), then a ramp to 2
        double[] loss = new double[400];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = i < 150 ? (i == 40 ? 7 : 10) : Math.max(2, 10 - 0.1 * (i - 150));
        }
        LossDrop d = LossDrop.locate(steps(400), loss, 100);
        assertEquals(10, d.plateau(), 0.0);
        assertEquals(2, d.end(), 0.0);
        assertEquals(6, d.midpoint(), 0.0);
        // first i with 10 - 0.1 (i - 150) < 6: i = 191, step i + 1
        assertEquals(192, d.step());
    }

    @Test
    void evenWindowsTakeTheUpperMiddleAndAFlatLossDropsAtTheLastStep() {
        LossDrop d = LossDrop.locate(new double[] {5, 10, 15, 20}, new double[] {1, 4, 3, 2}, 2);
        assertEquals(4, d.plateau(), 0.0);      // {1, 4} -> 4
        assertEquals(3, d.end(), 0.0);          // {3, 2} -> 3
        assertEquals(3.5, d.midpoint(), 0.0);
        assertEquals(5, d.step());              // loss 1 < 3.5 at the first step
        assertEquals(7, LossDrop.locate(new double[] {3, 7}, new double[] {2, 2}, 5).step());
    }

    @Test
    void badArgumentsAreRejected() {
        CategoricalHmmTest.assertMessage(() -> LossDrop.locate(new double[0], new double[0], 1), "at least one loss");
        CategoricalHmmTest.assertMessage(() -> LossDrop.locate(new double[1], new double[] {1}, 0),
                "window must be >= 1");
        CategoricalHmmTest.assertMessage(() -> LossDrop.locate(new double[1], new double[] {Double.NaN}, 1),
                "losses must be finite");
    }
}
