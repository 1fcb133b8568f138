package org.phasebook.bench.lattice;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.phasebook.lattice.Lattice;
import org.phasebook.lattice.LatticeState;
import org.phasebook.lattice.RandomSequential;

/**
 * Attempted updates per second on one core: Phasebook's random-sequential engine against the
 * plain reference, for LV and ML at 256^2 and 1024^2. One operation is one attempt. The states
 * are first run for 5 units of model time so that they are past the initial transient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBench {

    /** Attempts per benchmark invocation. */
    static final int BATCH = 1 << 20;

    @Param({"LV", "ML"})
    public String model;

    @Param({"256", "1024"})
    public int side;

    private RandomSequential engine;
    private LatticeState state;
    private SplittableRandom random;
    private ReferenceLattice reference;

    @Setup(Level.Trial)
    public void setUp() {
        Lattice lattice = Lattice.square(side);
        engine = new RandomSequential(Models.model(model, lattice), lattice);
        random = new SplittableRandom(2026);
        state = engine.newState(Models.start(model), random);
        engine.advance(state, 5.0, random);
        reference = Models.reference(model, side, 2026);
        reference.run((long) (5.0 * lattice.sites() * engine.model().totalRate()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void phasebook(Blackhole bh) {
        engine.attempt(state, BATCH, random);
        bh.consume(state.occupied());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void reference(Blackhole bh) {
        reference.run(BATCH);
        bh.consume(reference);
    }
}
