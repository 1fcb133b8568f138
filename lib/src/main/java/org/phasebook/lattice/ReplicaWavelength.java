package org.phasebook.lattice;

import java.util.List;
import java.util.Objects;
import org.phasebook.random.SeedSequence;

/**
 * The wavelength {@code ell} of a three-species pattern at one point of parameter space,
 * measured on independent replicas (F8, the May–Leonard law {@code ell ~ sqrt(M)}): each replica
 * starts from the initial condition, runs to a fixed time, and contributes the autocorrelation
 * {@code C(r)/C(0)} of its final lattice, averaged over the species
 * ({@link ThreeSpeciesPattern#autocorrelation}). A single snapshot holds only a handful of spirals
 * and its first minimum scatters, so the estimate is {@code ell} of the replica mean of
 * {@code C(r)/C(0)}; the replicas' own values are kept to show the scatter. Both use
 * {@link SpiralWavelength#firstMinimumWavelength} (twice the first minimum, about {@code 1.2}
 * times a plane wave's wavelength; see {@link SpiralWavelength}).
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param snapshot           the final lattice of replica 0, to draw
 * @param replicaWavelengths {@code ell} from each replica's own {@code C(r)/C(0)}, by replica
 *                           (NaN where it has no minimum)
 * @param autocorrelation    {@code C(r)/C(0)}, {@code r = 0..L/2}, mean over species and replicas
 * @param wavelength         {@code ell} of that mean
 */
public record ReplicaWavelength(byte[] snapshot, double[] replicaWavelengths, double[] autocorrelation,
        double wavelength) {

    /** Copies the arrays. */
    public ReplicaWavelength {
        snapshot = Objects.requireNonNull(snapshot, "snapshot").clone();
        replicaWavelengths = Objects.requireNonNull(replicaWavelengths, "replicaWavelengths").clone();
        autocorrelation = Objects.requireNonNull(autocorrelation, "autocorrelation").clone();
    }

    /** One replica's final lattice and its species-mean {@code C(r)/C(0)}. */
    private record Replica(byte[] sites, double[] autocorrelation) {
    }

    /**
     * Runs {@code replicas} replicas of {@code engine}'s model, replica {@code r} with the
     * generator {@code seeds.generator(r)} ({@link Ensemble#map}): its initial state is drawn
     * from {@code initial}, then it is advanced to {@code time}.
     *
     * @param ensemble the threads
     * @param engine   the model on an {@code L x L} square lattice
     * @param initial  the initial condition
     * @param time     the model time of the snapshot, {@code >= 0}
     * @param replicas number of replicas, {@code >= 1}
     * @param seeds    the seed sequence of this parameter point
     */
    public static ReplicaWavelength measure(Ensemble ensemble, RandomSequential engine, InitialCondition initial,
            double time, int replicas, SeedSequence seeds) {
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(seeds, "seeds");
        if (!(time >= 0.0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("time must be finite and >= 0, got " + time);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        Lattice lattice = engine.lattice();
        if (lattice.dimension() != 2) {
            throw new IllegalArgumentException("engine must run on a square lattice, got " + lattice);
        }
        ThreeSpeciesPattern pattern = new ThreeSpeciesPattern(lattice.side());
        List<Replica> runs = ensemble.map(replicas, seeds, (r, random) -> {
            LatticeState state = engine.newState(initial, random);
            engine.advance(state, time, random);
            return new Replica(r == 0 ? state.copySites() : null, pattern.autocorrelation(state.sites()));
        });
        double[] mean = new double[runs.get(0).autocorrelation().length];
        double[] each = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            double[] c = runs.get(r).autocorrelation();
            for (int k = 0; k < mean.length; k++) {
                mean[k] += c[k] / replicas;
            }
            each[r] = SpiralWavelength.firstMinimumWavelength(c);
        }
        return new ReplicaWavelength(runs.get(0).sites(), each, mean, SpiralWavelength.firstMinimumWavelength(mean));
    }

    @Override
    public byte[] snapshot() {
        return snapshot.clone();
    }

    @Override
    public double[] replicaWavelengths() {
        return replicaWavelengths.clone();
    }

    @Override
    public double[] autocorrelation() {
        return autocorrelation.clone();
    }
}
