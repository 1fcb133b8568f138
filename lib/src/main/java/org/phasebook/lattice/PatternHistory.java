package org.phasebook.lattice;

import java.util.List;
import java.util.Objects;

/**
 * What one replica of a three-species model recorded under a {@link PatternSampling}: the
 * pattern observables of {@link ThreeSpeciesPattern} along the run (F9, the spiral/no-spiral
 * comparison). Sample {@code k} is taken at {@code times[k]} of the sampling.
 *
 * <p>Immutable: arrays and the list are copied in and out (the frames themselves, plain
 * {@code byte[]} lattices, are shared; do not modify them).
 *
 * @param xi              the correlation length at each sample time
 * @param occupied        occupied sites at the start (entry 0) and at each sample time (entry
 *                        {@code k + 1})
 * @param frames          copies of the lattice at the frame times, in time order
 * @param startCores      cores per {@code 10^4} sites at each block size in the initial state
 *                        (for a random start, the noise reference)
 * @param cores           cores per {@code 10^4} sites at each block size, mean over the late
 *                        samples ({@code t >= t_max/2})
 * @param autocorrelation {@code C(r)/C(0)}, mean over the late samples
 * @param structureFactor {@code S(q)/[rho(1 - rho)]} at each sample time
 */
public record PatternHistory(double[] xi, int[] occupied, List<byte[]> frames, double[] startCores, double[] cores,
        double[] autocorrelation, double[][] structureFactor) {

    /** Validates the shapes and copies. */
    public PatternHistory {
        Objects.requireNonNull(xi, "xi");
        Objects.requireNonNull(occupied, "occupied");
        Objects.requireNonNull(startCores, "startCores");
        Objects.requireNonNull(cores, "cores");
        Objects.requireNonNull(autocorrelation, "autocorrelation");
        Objects.requireNonNull(structureFactor, "structureFactor");
        if (occupied.length != xi.length + 1 || structureFactor.length != xi.length) {
            throw new IllegalArgumentException("occupied must have xi.length + 1 = " + (xi.length + 1)
                    + " entries and structureFactor xi.length = " + xi.length + ", got " + occupied.length
                    + " and " + structureFactor.length);
        }
        if (startCores.length != cores.length) {
            throw new IllegalArgumentException("startCores and cores must have one entry per block size, got "
                    + startCores.length + " and " + cores.length);
        }
        xi = xi.clone();
        occupied = occupied.clone();
        frames = List.copyOf(frames);
        startCores = startCores.clone();
        cores = cores.clone();
        autocorrelation = autocorrelation.clone();
        structureFactor = deepCopy(structureFactor);
    }

    /**
     * The replica means of the averaged observables of several histories of the same sampling.
     *
     * @param xi              {@code xi} at each sample time
     * @param startCores      cores per {@code 10^4} sites at each block size in the initial state
     * @param cores           cores per {@code 10^4} sites at each block size, late samples
     * @param autocorrelation {@code C(r)/C(0)}, late samples
     * @param structureFactor {@code S(q)/[rho(1 - rho)]} at each sample time
     */
    public record Mean(double[] xi, double[] startCores, double[] cores, double[] autocorrelation,
            double[][] structureFactor) {

        /** Copies the arrays. */
        public Mean {
            xi = xi.clone();
            startCores = startCores.clone();
            cores = cores.clone();
            autocorrelation = autocorrelation.clone();
            structureFactor = deepCopy(structureFactor);
        }

        @Override
        public double[] xi() {
            return xi.clone();
        }

        @Override
        public double[] startCores() {
            return startCores.clone();
        }

        @Override
        public double[] cores() {
            return cores.clone();
        }

        @Override
        public double[] autocorrelation() {
            return autocorrelation.clone();
        }

        @Override
        public double[][] structureFactor() {
            return deepCopy(structureFactor);
        }
    }

    /**
     * The entry-by-entry mean over {@code replicas}, accumulated in replica order as
     * {@code sum += (1.0 / n) * value} (the order fixes the last bits, which the notebooks'
     * stored figures pin).
     *
     * @param replicas at least one history, all of the same shape
     */
    public static Mean mean(List<PatternHistory> replicas) {
        Objects.requireNonNull(replicas, "replicas");
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("replicas must hold at least 1 history, got 0");
        }
        PatternHistory first = replicas.get(0);
        double weight = 1.0 / replicas.size();
        double[] xi = new double[first.xi.length];
        double[] startCores = new double[first.startCores.length];
        double[] cores = new double[first.cores.length];
        double[] autocorrelation = new double[first.autocorrelation.length];
        double[][] structureFactor = new double[first.structureFactor.length][];
        for (int k = 0; k < structureFactor.length; k++) {
            structureFactor[k] = new double[first.structureFactor[k].length];
        }
        for (PatternHistory run : replicas) {
            if (run.xi.length != xi.length || run.cores.length != cores.length
                    || run.autocorrelation.length != autocorrelation.length) {
                throw new IllegalArgumentException("all histories must have the shape of replicas[0]");
            }
            addScaled(xi, run.xi, weight);
            addScaled(cores, run.cores, weight);
            addScaled(startCores, run.startCores, weight);
            addScaled(autocorrelation, run.autocorrelation, weight);
            for (int k = 0; k < structureFactor.length; k++) {
                addScaled(structureFactor[k], run.structureFactor[k], weight);
            }
        }
        return new Mean(xi, startCores, cores, autocorrelation, structureFactor);
    }

    @Override
    public double[] xi() {
        return xi.clone();
    }

    @Override
    public int[] occupied() {
        return occupied.clone();
    }

    @Override
    public double[] startCores() {
        return startCores.clone();
    }

    @Override
    public double[] cores() {
        return cores.clone();
    }

    @Override
    public double[] autocorrelation() {
        return autocorrelation.clone();
    }

    @Override
    public double[][] structureFactor() {
        return deepCopy(structureFactor);
    }

    /** {@code sum[k] += weight * x[k]}. */
    static void addScaled(double[] sum, double[] x, double weight) {
        if (x.length != sum.length) {
            throw new IllegalArgumentException("x must have length " + sum.length + ", got " + x.length);
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] += weight * x[k];
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            copy[k] = a[k].clone();
        }
        return copy;
    }
}
