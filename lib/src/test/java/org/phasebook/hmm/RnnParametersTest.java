package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.SinkhornParameters;

/** Validation of the RNN's parameter records, and the noise they describe. */
class RnnParametersTest {

    private static void rejects(String expected, Supplier<?> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage()
            + "' does not contain '" + expected + "'");
    }

    @Test
    void rnnParametersNameTheBadValue() {
        assertEquals(new RnnParameters(50, 10, 3, 1.0), RnnParameters.small());
        assertEquals(new RnnParameters(150, 100, 3, 1.0), RnnParameters.mechanism());
        assertEquals(150 * 100 + 150 * 150 + 3 * 150, RnnParameters.mechanism().weightCount());
        rejects("hidden (H) must be >= 1, got 0", () -> new RnnParameters(0, 10, 3, 1));
        rejects("inputs (d) must be >= 1, got -2", () -> new RnnParameters(5, -2, 3, 1));
        rejects("outputs (K) must be >= 2, got 1", () -> new RnnParameters(5, 2, 1, 1));
        rejects("noiseStd (sigma) must be finite and > 0, got 0.0",
            () -> new RnnParameters(5, 2, 3, 0));
        rejects("noiseStd (sigma) must be finite and > 0, got NaN",
            () -> RnnParameters.small().withNoiseStd(Double.NaN));
    }

    @Test
    void trainingParametersFollowTheBriefAndNameTheBadValue() {
        RnnTrainingParameters quick = RnnTrainingParameters.quick();
        assertEquals(256, quick.batchSize());
        assertEquals(2_048, quick.trainingSequences());
        assertEquals(40, quick.steps());
        assertEquals(8, quick.batchesPerEpoch());
        RnnTrainingParameters d = RnnTrainingParameters.defaults(BenchmarkHmm.CYCLIC_4);
        assertEquals(0.3, d.clipNorm());
        assertEquals(512, d.batchSize());
        assertEquals(20, d.batchesPerEpoch());
        assertEquals(AdamParameters.paper(), d.adam());
        assertEquals(SinkhornParameters.paper(), d.sinkhorn());
        assertEquals(0.9, RnnTrainingParameters.defaults(BenchmarkHmm.LINEAR_CHAIN_5).clipNorm());
        assertEquals(0.3, RnnTrainingParameters.clipNormFor(BenchmarkHmm.FULLY_CONNECTED_3));
        assertEquals(10, RnnTrainingParameters.mechanism(BenchmarkHmm.LINEAR_CHAIN_2)
            .checkpointEvery());
        RnnTrainingParameters paper = RnnTrainingParameters.paper(BenchmarkHmm.FULLY_CONNECTED_3);
        assertEquals(3, paper.batchesPerEpoch(), "4,096, 4,096 and 1,808");
        assertEquals(3_000, paper.steps());
        assertEquals(1_500, RnnTrainingParameters.paper(BenchmarkHmm.LINEAR_CHAIN_2).steps());
        assertTrue(!paper.finalWeightsAsBest());

        rejects("batchSize must be >= 2, got 1", () -> quick.withBatchSize(1));
        rejects("trainingSequences must be >= batchSize (256), got 100",
            () -> quick.withSequences(100, 10));
        rejects("validationSequences must be >= 2, got 1", () -> quick.withSequences(300, 1));
        rejects("steps must be >= 1, got 0", () -> quick.withSteps(0));
        rejects("clipNorm must be finite and > 0, got -1.0", () -> quick.withClipNorm(-1));
        rejects("patience must be >= 0", () -> quick.withPatience(-3));
        rejects("checkpointEvery must be >= 0", () -> quick.withCheckpointEvery(-1));
        rejects("dataType must be FLOAT32 or FLOAT64, got float16",
            () -> quick.withDataType(DataType.FLOAT16));
        assertThrows(NullPointerException.class, () -> quick.withAdam(null));
    }

    @Test
    void seedsAndDataAreValidatedAndSplitInOrder() {
        assertEquals(RnnTrainingSeeds.of(9), RnnTrainingSeeds.of(9));
        assertTrue(!RnnTrainingSeeds.of(9).equals(RnnTrainingSeeds.of(10)));
        CategoricalHmm hmm = BenchmarkHmm.LINEAR_CHAIN_3.hmm();
        RnnTrainingData data = RnnTrainingData.sample(hmm, 12, 30, 20, 77);
        int[][] all = new HmmSampler(hmm).sample(50, 12, new SplittableRandom(77));
        assertEquals(12, data.length());
        assertTrue(java.util.Arrays.deepEquals(java.util.Arrays.copyOfRange(all, 0, 30),
            data.training()));
        assertTrue(java.util.Arrays.deepEquals(java.util.Arrays.copyOfRange(all, 30, 50),
            data.validation()));
        rejects("validation sequence 1 has length 4, expected 5",
            () -> new RnnTrainingData(new int[3][5], new int[][] {new int[5], new int[4]}));
        rejects("at least one sequence", () -> new RnnTrainingData(new int[0][], new int[2][3]));
        rejects("step must be >= 0", () -> new RnnCheckpoint(-1, 0,
            RnnFloatWeights.of(RnnWeights.random(2, 1, 3, new SplittableRandom(1)))));
    }

    @Test
    void noiseIsDrawnSequenceBySequenceAndChecked() {
        RnnNoise big = RnnNoise.draw(5, 4, 3, 3, new SplittableRandom(1));
        RnnNoise small = RnnNoise.draw(2, 4, 3, 3, new SplittableRandom(1));
        // The first sequences do not depend on the batch size (time-major layout).
        for (int t = 0; t < 4; t++) {
            for (int n = 0; n < 2; n++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(small.normals()[(t * 2 + n) * 3 + j],
                        big.normals()[(t * 5 + n) * 3 + j]);
                    assertEquals(small.gumbels()[(t * 2 + n) * 3 + j],
                        big.gumbels()[(t * 5 + n) * 3 + j]);
                }
            }
        }
        rejects("normals must hold T B d = 24 values, got 23",
            () -> new RnnNoise(2, 4, 3, 3, new float[23], new float[24]));
        rejects("length (T) must be >= 1, got 0",
            () -> RnnNoise.draw(2, 0, 3, 3, new SplittableRandom(1)));
    }

    @Test
    void gumbelMaxSamplesTheSoftmax() {
        // argmax(l + g) with standard Gumbel g is distributed as softmax(l): 200,000 draws,
        // each frequency within 5 standard errors.
        double[] l = {0.0, 1.0, -1.5};
        double z = Math.exp(0) + Math.exp(1) + Math.exp(-1.5);
        int n = 200_000;
        int[] counts = new int[3];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                double v = l[c] + RnnNoise.gumbel(r);
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            counts[best]++;
        }
        for (int c = 0; c < 3; c++) {
            double p = Math.exp(l[c]) / z;
            double se = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, counts[c] / (double) n, 5 * se, "symbol " + c);
        }
    }
}
