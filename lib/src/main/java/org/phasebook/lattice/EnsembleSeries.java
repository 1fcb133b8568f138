package org.phasebook.lattice;

import java.util.List;

/**
 * Density series of independent replicas with their replica mean and standard error of the
 * mean. {@code mean[k][m]} and {@code standardError[k][m]} refer to species {@code k + 1} at
 * {@code times[m]}; the standard error is {@code s / sqrt(R)} with the sample standard deviation
 * {@code s} (divisor {@code R - 1}) over {@code R} replicas, and {@code NaN} for one replica.
 *
 * @param replicas the replicas' series, in replica order, all on the same time grid
 * @param mean     replica mean per species and time
 * @param standardError standard error of the mean per species and time
 */
public record EnsembleSeries(List<DensitySeries> replicas, DensitySeries mean,
        DensitySeries standardError) {

    /** Copies the list. */
    public EnsembleSeries {
        replicas = List.copyOf(replicas);
    }

    /**
     * Statistics of the given replica series.
     *
     * @param runs at least one series, all with the same times and species
     * @return the ensemble
     */
    public static EnsembleSeries of(List<DensitySeries> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least one series, got none");
        }
        DensitySeries first = runs.get(0);
        double[] times = first.times();
        int species = first.speciesCount();
        int size = first.size();
        double[][] sum = new double[species][size];
        for (DensitySeries s : runs) {
            if (s.speciesCount() != species || !java.util.Arrays.equals(s.times(), times)) {
                throw new IllegalArgumentException(
                        "runs must share the time grid and species of the first series");
            }
            for (int k = 0; k < species; k++) {
                for (int m = 0; m < size; m++) {
                    sum[k][m] += s.density(k + 1, m);
                }
            }
        }
        int r = runs.size();
        double[][] mean = new double[species][size];
        double[][] se = new double[species][size];
        for (int k = 0; k < species; k++) {
            for (int m = 0; m < size; m++) {
                mean[k][m] = sum[k][m] / r;
                if (r == 1) {
                    se[k][m] = Double.NaN;
                    continue;
                }
                double ss = 0.0;
                for (DensitySeries s : runs) {
                    double d = s.density(k + 1, m) - mean[k][m];
                    ss += d * d;
                }
                se[k][m] = Math.sqrt(ss / (r - 1) / r);
            }
        }
        return new EnsembleSeries(runs, new DensitySeries(times, mean), new DensitySeries(times, se));
    }

    /** The sample times. */
    public double[] times() {
        return mean.times();
    }

    /** The number of replicas. */
    public int replicaCount() {
        return replicas.size();
    }
}
