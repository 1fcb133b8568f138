package org.phasebook.latent;

import java.util.function.DoubleSupplier;

/** Test data: {@link LatentData} whose every count, in all four blocks, comes from a supplier. */
final class SyntheticCounts {

    private SyntheticCounts() {
    }

    /**
     * Trials filled block by block (held-in observed, held-out observed, held-in forward,
     * held-out forward), trial by trial, bin by bin, neuron by neuron.
     *
     * @param shape  the data shape
     * @param trials the number of trials
     * @param count  the next count
     * @return the data
     */
    static LatentData of(LatentShape shape, int trials, DoubleSupplier count) {
        double[][][][] a = {
            new double[trials][shape.observedBins()][shape.heldIn()],
            new double[trials][shape.observedBins()][shape.heldOut()],
            new double[trials][shape.forwardBins()][shape.heldIn()],
            new double[trials][shape.forwardBins()][shape.heldOut()]};
        for (double[][][] block : a) {
            for (double[][] trial : block) {
                for (double[] bin : trial) {
                    for (int n = 0; n < bin.length; n++) {
                        bin[n] = count.getAsDouble();
                    }
                }
            }
        }
        return LatentData.of(shape, a[0], a[1], a[2], a[3]);
    }
}
