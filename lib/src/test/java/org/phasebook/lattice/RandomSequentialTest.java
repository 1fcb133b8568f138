package org.phasebook.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Oracles for the random-sequential engine and the four site models: count invariants,
 * reproducibility, and the rate-to-probability mapping measured against exact decay laws and
 * the mean-field rate equations at early times (where a Bernoulli start makes them exact in
 * expectation). Bands are a few standard deviations wide; a rule executed in both orientations,
 * or a time step that ignores {@code R}, misses them by a factor near 2.
 */
class RandomSequentialTest {

    private static final Lattice SMALL = Lattice.square(32);

    /** Runs {@code sweeps} sweeps, checking the counts after each. */
    private static LatticeState sweepAndCheck(SiteModel model, Lattice lattice, InitialCondition ic,
            int sweeps, long seed) {
        RandomSequential engine = new RandomSequential(model, lattice);
        SplittableRandom random = new SplittableRandom(seed);
        LatticeState state = engine.newState(ic, random);
        state.checkCounts();
        for (int k = 0; k < sweeps; k++) {
            engine.attempt(state, lattice.sites(), random);
            state.checkCounts();
        }
        return state;
    }

    @Test
    void countsMatchARescanAfterEverySweep() {
        for (Lattice lattice : new Lattice[] {SMALL, Lattice.ring(257)}) {
            sweepAndCheck(new ContactProcess(1.7, 1.0), lattice, ContactProcess.randomStart(0.5), 40, 1);
            sweepAndCheck(new LotkaVolterra(1.0, 0.2, 1.0, 0.5), lattice,
                    LotkaVolterra.randomStart(0.3, 0.3), 40, 2);
            sweepAndCheck(new MayLeonard(1.0, 1.0, 2.0), lattice, MayLeonard.randomStart(), 40, 3);
            sweepAndCheck(new CyclicLotkaVolterra(1.0, 0.5), lattice,
                    CyclicLotkaVolterra.randomStart(0.3, 0.3, 0.2), 40, 4);
        }
    }

    @Test
    void conservationLawsHold() {
        // cyclic LV conserves the number of occupied sites; ML exchange alone conserves every count
        RandomSequential clv = new RandomSequential(new CyclicLotkaVolterra(1.0, 0.3), SMALL);
        SplittableRandom random = new SplittableRandom(5);
        LatticeState s = clv.newState(CyclicLotkaVolterra.randomStart(0.3, 0.3, 0.2), random);
        int occupied = s.occupied();
        int a0 = s.count(1);
        for (int k = 0; k < 20; k++) {
            clv.attempt(s, SMALL.sites(), random);
            assertEquals(occupied, s.occupied());
        }
        assertNotEquals(a0, s.count(1));

        RandomSequential exchange = new RandomSequential(new MayLeonard(0, 0, 1), SMALL);
        LatticeState m = exchange.newState(MayLeonard.randomStart(), random);
        byte[] before = m.copySites();
        int[] counts = {m.count(0), m.count(1), m.count(2), m.count(3)};
        exchange.attempt(m, 10L * SMALL.sites(), random);
        m.checkCounts();
        assertArrayEquals(counts, new int[] {m.count(0), m.count(1), m.count(2), m.count(3)});
        assertFalse(Arrays.equals(before, m.sites()));
    }

    @Test
    void seededRunsAreBitIdentical() {
        SiteModel[] models = {new ContactProcess(2.0, 1.0), new LotkaVolterra(1, 0.2, 1, 0.3),
            new MayLeonard(1, 1, 1.5), new CyclicLotkaVolterra(1, 1)};
        InitialCondition[] starts = {ContactProcess.fullStart(), LotkaVolterra.randomStart(0.3, 0.3),
            MayLeonard.randomStart(), CyclicLotkaVolterra.randomStart(0.3, 0.3, 0.3)};
        for (int k = 0; k < models.length; k++) {
            RandomSequential engine = new RandomSequential(models[k], SMALL);
            SplittableRandom r1 = new SplittableRandom(99);
            SplittableRandom r2 = new SplittableRandom(99);
            LatticeState s1 = engine.newState(starts[k], r1);
            LatticeState s2 = engine.newState(starts[k], r2);
            DensitySeries d1 = engine.record(s1, 0.5, 5.0, r1);
            DensitySeries d2 = engine.record(s2, 0.5, 5.0, r2);
            assertEquals(d1, d2);
            assertArrayEquals(s1.sites(), s2.sites());
            assertEquals(s1.time(), s2.time());
            SplittableRandom r3 = new SplittableRandom(100);
            DensitySeries d3 = engine.record(engine.newState(starts[k], r3), 0.5, 5.0, r3);
            assertNotEquals(d1, d3, models[k].toString());
        }
    }

    @Test
    void clockAndSamplingFollowDeltaTOneOverNR() {
        LotkaVolterra model = new LotkaVolterra(1.0, 0.2, 1.5, 0.5); // R = 2.2
        RandomSequential engine = new RandomSequential(model, SMALL);
        assertEquals(1.0 / (1024 * 2.2), engine.timeStep(), 1e-18);
        SplittableRandom random = new SplittableRandom(7);
        LatticeState s = engine.newState(LotkaVolterra.randomStart(0.3, 0.3), random);
        engine.advance(s, 1.0, random);
        assertEquals((long) Math.ceil(1024 * 2.2 - 1e-9), s.attempts());
        assertTrue(s.time() >= 1.0 && s.time() < 1.0 + engine.timeStep());
        double t0 = s.time();
        DensitySeries series = engine.record(s, 0.25, 2.0, random);
        assertEquals(9, series.size());
        assertEquals(t0 + 2.0, s.time(), engine.timeStep());
        assertTrue(s.time() >= t0 + 2.0);
        assertEquals(t0, series.times()[0], 0.0);
        assertEquals(t0 + 2.0, series.times()[8], 1e-12);
        assertEquals(2, series.speciesCount());
        assertEquals(s.density(1), series.density(1, 8));
        assertThrows(IllegalArgumentException.class, () -> engine.record(s, 0.0, 1.0, random));
        LatticeState wrong = new LatticeState(SMALL, 3);
        assertThrows(IllegalArgumentException.class, () -> engine.advance(wrong, 1.0, random));
    }

    @Test
    void anEmptyLatticeIsFastForwarded() {
        RandomSequential engine = new RandomSequential(ContactProcess.withLambda(2.0), Lattice.square(64));
        LatticeState s = new LatticeState(Lattice.square(64), 1);
        SplittableRandom random = new SplittableRandom(1);
        long before = random.nextLong();
        SplittableRandom used = new SplittableRandom(1);
        engine.advance(s, 1e6, used);
        assertEquals(1e6, s.time(), 1e-6);
        assertEquals(before, used.nextLong()); // no draws were spent
    }

    @Test
    void contactProcessWithDeathOnlyDecaysLikeExpMinusMuT() {
        double mu = 0.5;
        Lattice lattice = Lattice.square(256);
        RandomSequential engine = new RandomSequential(new ContactProcess(0.0, mu), lattice);
        SplittableRandom random = new SplittableRandom(11);
        DensitySeries d = engine.record(engine.newState(ContactProcess.fullStart(), random), 0.5, 3.0, random);
        for (int m = 0; m < d.size(); m++) {
            double expected = Math.exp(-mu * d.times()[m]);
            double sd = Math.sqrt(expected * (1 - expected) / lattice.sites());
            assertEquals(expected, d.density(1, m), 5 * sd + 1e-12, "t = " + d.times()[m]);
        }
    }

    @Test
    void lotkaVolterraPredatorsWithoutPreyDieAtRateMu() {
        // R = mu + lambda + D = 3.0 > mu: most predator attempts are hops or null predation
        double mu = 0.3;
        LotkaVolterra model = new LotkaVolterra(1.0, mu, 2.0, 0.7);
        Lattice lattice = Lattice.square(256);
        RandomSequential engine = new RandomSequential(model, lattice);
        SplittableRandom random = new SplittableRandom(12);
        LatticeState s = engine.newState(LotkaVolterra.randomStart(0.5, 0.0), random);
        double a0 = s.density(1);
        DensitySeries d = engine.record(s, 0.5, 3.0, random);
        for (int m = 0; m < d.size(); m++) {
            double p = Math.exp(-mu * d.times()[m]);
            double sd = Math.sqrt(a0 * p * (1 - p) / lattice.sites());
            assertEquals(a0 * p, d.density(1, m), 5 * sd + 1e-12);
            assertEquals(0.0, d.density(2, m));
        }
    }

    /** Fourth-order Runge–Kutta for a small rate equation, for the mean-field oracles. */
    private static double[] meanField(UnaryOperator<double[]> f, double[] x0, double t) {
        int steps = 1000;
        double h = t / steps;
        double[] x = x0.clone();
        for (int s = 0; s < steps; s++) {
            double[] k1 = f.apply(x);
            double[] k2 = f.apply(add(x, k1, h / 2));
            double[] k3 = f.apply(add(x, k2, h / 2));
            double[] k4 = f.apply(add(x, k3, h));
            for (int i = 0; i < x.length; i++) {
                x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return x;
    }

    private static double[] add(double[] x, double[] k, double h) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h * k[i];
        }
        return y;
    }

    /**
     * Checks that the change of every density over a short time {@code dt} from a Bernoulli
     * start matches the mean-field change within {@code relative} of the largest change.
     */
    private static void assertEarlyChangeMatchesMeanField(SiteModel model, InitialCondition start,
            UnaryOperator<double[]> rates, double dt, double relative, long seed) {
        Lattice lattice = Lattice.square(1024);
        RandomSequential engine = new RandomSequential(model, lattice);
        SplittableRandom random = new SplittableRandom(seed);
        LatticeState s = engine.newState(start, random);
        int species = model.speciesCount();
        double[] x0 = new double[species];
        for (int k = 0; k < species; k++) {
            x0[k] = s.density(k + 1);
        }
        engine.advance(s, dt, random);
        double[] mf = meanField(rates, x0, dt);
        double scale = 0;
        for (int k = 0; k < species; k++) {
            scale = Math.max(scale, Math.abs(mf[k] - x0[k]));
        }
        for (int k = 0; k < species; k++) {
            double lattice_ = s.density(k + 1) - x0[k];
            double expected = mf[k] - x0[k];
            assertEquals(expected, lattice_, relative * scale,
                    model + ": change of species " + (k + 1));
        }
    }

    @Test
    void preyBirthsStartAtTheLogisticRate() {
        double sigma = 0.5; // R = max(mu, sigma) = 1: a time step of 1/N instead of 1/(N R) would fail
        assertEarlyChangeMatchesMeanField(new LotkaVolterra(sigma, 1.0, 0.0, 0.0),
                LotkaVolterra.randomStart(0.0, 0.2),
                x -> new double[] {0.0, sigma * x[1] * (1 - x[0] - x[1])}, 0.1, 0.05, 21);
    }

    @Test
    void predationStartsAtTheMassActionRate() {
        double lambda = 1.0;
        assertEarlyChangeMatchesMeanField(new LotkaVolterra(0.0, 0.0, lambda, 0.0),
                LotkaVolterra.randomStart(0.2, 0.4),
                x -> new double[] {lambda * x[0] * x[1], -lambda * x[0] * x[1]}, 0.1, 0.05, 22);
    }

    @Test
    void lotkaVolterraWithAllRatesStartsOnTheMeanFieldFlow() {
        double sigma = 1.0;
        double mu = 0.2;
        double lambda = 1.0;
        assertEarlyChangeMatchesMeanField(new LotkaVolterra(sigma, mu, lambda, 0.5),
                LotkaVolterra.randomStart(0.1, 0.6),
                x -> new double[] {lambda * x[0] * x[1] - mu * x[0],
                    sigma * x[1] * (1 - x[0] - x[1]) - lambda * x[0] * x[1]}, 0.1, 0.06, 23);
    }

    /** The RMF rate equation: da/dt = a [mu (1 - rho) - sigma c] and cyclic permutations. */
    private static UnaryOperator<double[]> mayLeonardRates(double sigma, double mu) {
        return x -> {
            double rho = x[0] + x[1] + x[2];
            return new double[] {x[0] * (mu * (1 - rho) - sigma * x[2]),
                x[1] * (mu * (1 - rho) - sigma * x[0]),
                x[2] * (mu * (1 - rho) - sigma * x[1])};
        };
    }

    @Test
    void mayLeonardSelectionActsInOneOrientation() {
        assertEarlyChangeMatchesMeanField(new MayLeonard(1.0, 0.0, 0.0),
                MayLeonard.randomStart(0.4, 0.3, 0.2), mayLeonardRates(1.0, 0.0), 0.2, 0.05, 31);
    }

    @Test
    void mayLeonardReproductionFillsEmptyNeighbours() {
        assertEarlyChangeMatchesMeanField(new MayLeonard(0.0, 1.0, 0.0),
                MayLeonard.randomStart(0.3, 0.2, 0.1), mayLeonardRates(0.0, 1.0), 0.1, 0.05, 32);
    }

    @Test
    void mayLeonardWithExchangeStartsOnTheMeanFieldFlow() {
        assertEarlyChangeMatchesMeanField(new MayLeonard(1.0, 1.0, 3.0),
                MayLeonard.randomStart(0.4, 0.2, 0.1), mayLeonardRates(1.0, 1.0), 0.2, 0.06, 33);
    }

    @Test
    void cyclicLotkaVolterraStartsOnTheMeanFieldFlow() {
        double sigma = 1.0;
        assertEarlyChangeMatchesMeanField(new CyclicLotkaVolterra(sigma, 1.0),
                CyclicLotkaVolterra.randomStart(0.4, 0.3, 0.1),
                x -> new double[] {sigma * x[0] * (x[1] - x[2]), sigma * x[1] * (x[2] - x[0]),
                    sigma * x[2] * (x[0] - x[1])}, 0.2, 0.05, 34);
    }

    @Test
    void preyAloneGrowsLogisticallyButLagsMeanField() {
        // K = 1 births need an empty neighbour: clustering makes the lattice slower than the
        // logistic curve, yet it fills the lattice
        double sigma = 1.0;
        Lattice lattice = Lattice.square(128);
        RandomSequential engine = new RandomSequential(new LotkaVolterra(sigma, 0.0, 0.0, 0.0), lattice);
        SplittableRandom random = new SplittableRandom(41);
        LatticeState s = engine.newState(LotkaVolterra.randomStart(0.0, 0.05), random);
        double b0 = s.density(2);
        DensitySeries d = engine.record(s, 1.0, 20.0, random);
        double previous = 0;
        for (int m = 0; m < d.size(); m++) {
            double t = d.times()[m];
            double logistic = 1 / (1 + (1 / b0 - 1) * Math.exp(-sigma * t));
            double b = d.density(2, m);
            assertTrue(b >= previous, "prey never die");
            assertTrue(b <= logistic + 0.01, "t=" + t + ": b=" + b + " above logistic " + logistic);
            previous = b;
        }
        assertTrue(previous > 0.98, "b(20) = " + previous);
        assertTrue(d.density(2, 5) > 0.3, "b(5) = " + d.density(2, 5));
    }

    @Test
    void invalidRatesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LotkaVolterra(1, -0.2, 1, 0));
        assertTrue(e.getMessage().contains("mu") && e.getMessage().contains("-0.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContactProcess(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MayLeonard(1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new CyclicLotkaVolterra(1, Double.POSITIVE_INFINITY));
        Lattice lattice = Lattice.square(100);
        MayLeonard ml = MayLeonard.withMobility(1, 1, 1e-4, lattice);
        assertEquals(0.5, ml.epsilon(), 1e-12);
        assertEquals(1e-4, ml.mobility(lattice), 1e-18);
        assertEquals(3.0, ContactProcess.withLambda(3.0).lambdaCp());
        assertEquals(2.2, new LotkaVolterra(1.0, 0.2, 1.5, 0.5).totalRate(), 1e-15);
        assertEquals(1.7, new LotkaVolterra(1.2, 0.2, 0.3, 0.5).totalRate(), 1e-15);
    }
}
