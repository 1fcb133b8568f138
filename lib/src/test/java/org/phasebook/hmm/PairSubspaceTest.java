package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairSubspaceTest {

    /**
     * A hand-made run in H = 4: 300 steps on a circle in the (e1, e2) plane whose output is 0 on
     * the right half and 1 on the left, then 50 steps near e3 with output 2. The readout puts
     * logits 0 and 1 along +-e1 and logit 2 along e3.
     */
    private static final int CIRCLE = 300;
    private static final int PARKED = 50;

    private static RnnDynamics network() {
        double[][] wih = new double[4][1];
        double[][] whh = new double[4][4];
        double[][] a = {{1, 0, 0, 0}, {-1, 0, 0, 0}, {0, 0, 1, 0}};
        return new RnnDynamics(new RnnWeights(wih, whh, a));
    }

    private static RnnTrajectory run() {
        int t = CIRCLE + PARKED;
        double[][] states = new double[t][];
        int[] outputs = new int[t];
        SplittableRandom random = new SplittableRandom(5);
        for (int s = 0; s < CIRCLE; s++) {
            double phi = 2 * Math.PI * s / 37.0;
            states[s] = new double[] {2 * Math.cos(phi), Math.sin(phi), 0, 0};
            outputs[s] = Math.cos(phi) >= 0 ? 0 : 1;
        }
        for (int s = CIRCLE; s < t; s++) {
            states[s] = new double[] {0.01 * random.nextGaussian(), 0, 1 + 0.01 * random.nextGaussian(),
                0.01 * random.nextGaussian()};
            outputs[s] = 2;
        }
        return new RnnTrajectory(new double[4], states, new double[t][1], outputs);
    }

    @Test
    void aPlanarOrbitHasItsWholeVarianceInTheFirstTwoComponents() {
        PairSubspace p = PairSubspace.of(network(), run(), 0, 1, 200);
        assertEquals(1.0, p.planeVariance(), 1e-12);
        assertEquals((double) CIRCLE / (CIRCLE + PARKED), p.occupancy(), 1e-15);
        assertEquals("0-1", p.label());
    }

    @Test
    void readoutRowsInThePlaneHaveZeroAngleAndAnOrthogonalRowHasARightAngle() {
        PairSubspace p = PairSubspace.of(network(), run(), 0, 1, 200);
        double[] angles = p.readoutAngles();
        assertEquals(0.0, angles[0], 1e-7);
        assertEquals(0.0, angles[1], 1e-7);
        assertEquals(Math.PI / 2, angles[2], 1e-7);
        assertEquals(0.0, p.contrastAngle(), 1e-7);
    }

    @Test
    void aPairWhoseStatesSpanThreeDirectionsIsNotPlanar() {
        // Pair {0, 2}: the right half circle (spread along e1 and e2) and the cloud parked at e3.
        // Their variance lies in e1, e2 and e3, so two components cannot hold all of it; the
        // direction that decides between them, A_0 - A_2 = e1 - e3, leans out of the plane of
        // the two largest components by a clear angle but not a right one.
        PairSubspace p = PairSubspace.of(network(), run(), 0, 2, 200);
        assertTrue(p.planeVariance() < 0.99, "three directions of spread: " + p.planeVariance());
        assertTrue(p.contrastAngle() > 0.01 && p.contrastAngle() < Math.PI / 2 - 0.01, "angle " + p.contrastAngle());
    }

    @Test
    void segmentsAreTheMaximalStretchesInThePairAtLeastMinSegmentLong() {
        RnnTrajectory r = run();
        PairSubspace p = PairSubspace.of(network(), r, 0, 1, 200);
        assertEquals(1, p.segments().length);
        assertEquals(CIRCLE, p.segments()[0].length);
        assertEquals(PairSubspace.COMPONENTS, p.segments()[0][0].length);
        // each projected point is the PCA projection of the state at that step
        double[] expected = p.pca().project(r.states()[17]);
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], p.segments()[0][17][c], 1e-15);
        }
        assertEquals(0, PairSubspace.of(network(), r, 0, 1, CIRCLE + 1).segments().length);
        // pair {1, 2}: output 1 only on left half-circle stretches (shorter than 37 steps) and
        // the parked block of 50 steps, joined to the last left half if it ends the circle
        for (double[][] segment : PairSubspace.of(network(), r, 1, 2, 1).segments()) {
            assertTrue(segment.length >= 1);
        }
    }

    @Test
    void allGivesTheThreePairsOfAThreeOutputNetworkInOrder() {
        List<PairSubspace> pairs = PairSubspace.all(network(), run(), 200);
        assertEquals(List.of("0-1", "0-2", "1-2"), pairs.stream().map(PairSubspace::label).toList());
        // a run that never shows output 2 and output 1 only twice: only the pair {0, 1} is fitted
        RnnTrajectory r = run();
        int[] outputs = r.outputs().clone();
        for (int t = 0; t < outputs.length; t++) {
            outputs[t] = t < 2 ? 1 : 0;
        }
        RnnTrajectory sparse = new RnnTrajectory(new double[4], r.states(), r.inputs(), outputs);
        assertEquals(List.of("0-1", "0-2"), PairSubspace.all(network(), sparse, 200).stream()
                .map(PairSubspace::label).toList());
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        RnnDynamics twoOutputs = new RnnDynamics(new RnnWeights(new double[4][1], new double[4][4],
                new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairSubspace.all(twoOutputs, run(), 10))
                .getMessage().contains("at least 3 outputs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairSubspace.of(network(), run(), 1, 1, 10))
                .getMessage().contains("a < b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairSubspace.of(network(), run(), 0, 1, 0))
                .getMessage().contains("minSegment"));
        RnnTrajectory onlyCircle = new RnnTrajectory(new double[4], java.util.Arrays.copyOf(run().states(), 3),
                new double[3][1], new int[] {0, 0, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairSubspace.of(network(), onlyCircle, 0, 2, 1))
                .getMessage().contains("only 2 steps"));
    }
}
