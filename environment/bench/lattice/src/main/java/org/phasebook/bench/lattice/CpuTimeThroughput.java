package org.phasebook.bench.lattice;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.phasebook.lattice.Lattice;
import org.phasebook.lattice.LatticeState;
import org.phasebook.lattice.RandomSequential;

/**
 * Attempts per second of this thread's CPU time (not wall time), for the same cases as
 * {@link EngineBench}. On a shared machine a wall-clock rate measures the share of the core the
 * scheduler gave the benchmark; the CPU-time rate does not (cache sharing with other processes
 * still counts). Prints one line per case, best of several rounds after a warm-up.
 *
 * <p>Usage: {@code java ... CpuTimeThroughput [rounds [LV,ML]]}.
 */
public final class CpuTimeThroughput {

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        System.out.println("case                      attempts per CPU-second (best of " + rounds + ")");
        String[] models = args.length > 1 ? args[1].split(",") : new String[] {"LV", "ML"};
        for (String model : models) {
            for (int side : new int[] {256, 1024}) {
                Lattice lattice = Lattice.square(side);
                RandomSequential engine = new RandomSequential(Models.model(model, lattice), lattice);
                SplittableRandom random = new SplittableRandom(2026);
                LatticeState state = engine.newState(Models.start(model), random);
                ReferenceLattice reference = Models.reference(model, side, 2026);
                long batch = 1L << 24;
                double bestEngine = 0;
                double bestReference = 0;
                for (int r = -2; r < rounds; r++) { // two warm-up rounds
                    long t0 = bean.getCurrentThreadCpuTime();
                    engine.attempt(state, batch, random);
                    long t1 = bean.getCurrentThreadCpuTime();
                    reference.run(batch / 4);
                    long t2 = bean.getCurrentThreadCpuTime();
                    if (r >= 0) {
                        bestEngine = Math.max(bestEngine, batch / ((t1 - t0) * 1e-9));
                        bestReference = Math.max(bestReference, batch / 4 / ((t2 - t1) * 1e-9));
                    }
                }
                System.out.printf(Locale.ROOT, "%s %4d^2  phasebook  %8.1f M/s   reference %8.1f M/s   ratio %.1f   (occupied %d)%n",
                        model, side, bestEngine / 1e6, bestReference / 1e6, bestEngine / bestReference,
                        state.occupied());
            }
        }
    }
}
