package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeMetricsTest {

    /** Two trials, two bins, two neurons. */
    private static final double[][][] SPIKES = {{{0, 1}, {2, 0}}, {{1, 0}, {0, 3}}};
    private static final double[][][] RATES = {{{0.5, 1.0}, {2.0, 0.25}}, {{1.0, 0.5}, {0.5, 2.0}}};

    @Test
    void negLogLikelihoodOfAHandCheckedExample() {
        // sum of r - n ln r + ln n!, entry by entry (ln 2! = ln 2, ln 3! = ln 6).
        double expected = (0.5 - 0) + (1.0 - 1 * Math.log(1.0))
                + (2.0 - 2 * Math.log(2.0) + Math.log(2)) + (0.25 - 0)
                + (1.0 - 1 * Math.log(1.0)) + (0.5 - 0)
                + (0.5 - 0) + (2.0 - 3 * Math.log(2.0) + Math.log(6));
        assertEquals(expected, SpikeMetrics.negLogLikelihood(RATES, SPIKES), 1e-14);
    }

    @Test
    void bitsPerSpikeOfAHandCheckedExample() {
        // Null rates: neuron 0 has counts 0, 2, 1, 0 (mean 0.75), neuron 1 has 1, 0, 0, 3 (1).
        double nullNll = 4 * 0.75 - 3 * Math.log(0.75) + Math.log(2)
                + 4 * 1.0 - 4 * Math.log(1.0) + Math.log(6);
        double model = SpikeMetrics.negLogLikelihood(RATES, SPIKES);
        double expected = (nullNll - model) / 7 / Math.log(2);
        assertEquals(expected, SpikeMetrics.bitsPerSpike(RATES, SPIKES), 1e-14);
        double[][][] nul = SpikeMetrics.nullRates(SPIKES);
        assertEquals(0.75, nul[1][0][0]);
        assertEquals(1.0, nul[0][1][1]);
        assertEquals(nullNll, SpikeMetrics.negLogLikelihood(nul, SPIKES), 1e-14);
    }

    @Test
    void theNullModelScoresExactlyZero() {
        assertEquals(0.0, SpikeMetrics.bitsPerSpike(SpikeMetrics.nullRates(SPIKES), SPIKES));
        LorenzDataset d = LorenzGenerator.generate(LorenzRecipe.quick());
        double[][][] heldout = Tensors.toDouble(d.heldout(Split.EVAL));
        assertEquals(0.0, SpikeMetrics.coBps(SpikeMetrics.nullRates(heldout), heldout));
    }

    @Test
    void theTrueRatesBeatTheNullAndAWrongModelOnGeneratedData() {
        LorenzDataset d = LorenzGenerator.generate(LorenzRecipe.quick());
        LorenzRecipe r = d.recipe();
        double[][][] truth = d.rates(Split.EVAL);
        double[][][] observed = Tensors.bins(truth, 0, r.observedBins());
        double[][][] forward = Tensors.bins(truth, r.observedBins(), r.bins());
        double co = SpikeMetrics.coBps(Tensors.channels(observed, r.heldIn(), r.neurons()),
                Tensors.toDouble(d.heldout(Split.EVAL)));
        double fp = SpikeMetrics.fpBps(Tensors.channels(forward, 0, r.heldIn()),
                Tensors.channels(forward, r.heldIn(), r.neurons()),
                Tensors.toDouble(d.heldinForward(Split.EVAL)),
                Tensors.toDouble(d.heldoutForward(Split.EVAL)));
        assertTrue(co > 0.0, "oracle co-bps " + co);
        assertTrue(fp > 0.0, "oracle fp-bps " + fp);
        // The rates of the wrong neurons (held-in 0..7 for held-out 24..31) do worse.
        double wrong = SpikeMetrics.coBps(Tensors.channels(observed, 0, r.heldOut()),
                Tensors.toDouble(d.heldout(Split.EVAL)));
        assertTrue(wrong < co, "wrong " + wrong + " vs oracle " + co);
        // fp-bps pools held-in and held-out neurons, exactly as on the stacked arrays.
        assertEquals(SpikeMetrics.bitsPerSpike(forward,
                Tensors.stackChannels(Tensors.toDouble(d.heldinForward(Split.EVAL)),
                        Tensors.toDouble(d.heldoutForward(Split.EVAL)))), fp);
    }

    @Test
    void zeroRatesCountAsOneBillionth() {
        double[][][] spikes = {{{0, 1}}};
        double[][][] rates = {{{0.0, 0.0}}};
        assertEquals(1e-9 + 1e-9 - Math.log(1e-9), SpikeMetrics.negLogLikelihood(rates, spikes),
                1e-12);
        // A silent neuron's null rate is 0, hence 1e-9 too.
        double[][][] silent = {{{0, 2}}, {{0, 1}}};
        assertEquals(0.0, SpikeMetrics.bitsPerSpike(SpikeMetrics.nullRates(silent), silent));
    }

    @Test
    void nanCountsAreSkippedWhateverTheirRate() {
        double[][][] spikes = {{{1, Double.NaN}}, {{0, 2}}};
        double[][][] rates = {{{0.5, Double.NaN}}, {{0.5, 1.5}}};
        double expected = (0.5 - Math.log(0.5)) + 0.5 + (1.5 - 2 * Math.log(1.5) + Math.log(2));
        assertEquals(expected, SpikeMetrics.negLogLikelihood(rates, spikes), 1e-14);
        assertEquals(2.0, SpikeMetrics.nullRates(spikes)[0][0][1]);
    }

    @Test
    void badInputsAreRejectedWithClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikeMetrics.negLogLikelihood(new double[][][] {{{Double.NaN, 1}}},
                        new double[][][] {{{1, 1}}}));
        assertTrue(e.getMessage().contains("NaN rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpikeMetrics.negLogLikelihood(new double[][][] {{{-0.1, 1}}},
                        new double[][][] {{{1, 1}}}));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpikeMetrics.bitsPerSpike(new double[][][] {{{1, 1, 1}}},
                        new double[][][] {{{1, 1}}}));
        assertTrue(e.getMessage().contains("same shape"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpikeMetrics.bitsPerSpike(new double[][][] {{{1, 1}}},
                        new double[][][] {{{1, Double.POSITIVE_INFINITY}}}));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertTrue(Double.isNaN(SpikeMetrics.bitsPerSpike(new double[][][] {{{1, 1}}},
                new double[][][] {{{0, 0}}})));
    }
}
