package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;
import org.phasebook.random.SeedSequence;

/**
 * How much fresh noise spreads short rollouts from one state of a nominal run (brief
 * {@code hmm-rnn.md} §8, "Noise sensitivity"; figure F5). From state row {@code row} of a
 * nominal trajectory, each of {@code rollouts} runs takes {@code steps} steps with input
 * {@code (1 - gamma) x_nominal + gamma sigma xi}, where {@code x_nominal} are the nominal run's
 * next inputs (rows {@code row + 1 ..}) and {@code xi} fresh standard normals. {@code gamma = 0}
 * replays the nominal run in every rollout (zero spread); {@code gamma = 1} is fully fresh noise.
 * The mixture has std {@code sigma sqrt((1 - gamma)² + gamma²)}, about {@code 0.71 sigma} at
 * {@code gamma = 0.5}, if {@code sigma} is the nominal run's std.
 *
 * <p><b>Seeds.</b> Rollout {@code r} draws {@code xi} from
 * {@code new SeedSequence(seed).generator(r)}, the same for every {@code gamma}: the values of
 * {@code gamma} are compared on common random numbers.
 *
 * <p>Stateless; all methods are static.
 */
public final class NoiseSensitivity {

    private NoiseSensitivity() {
    }

    /**
     * The rollouts for one {@code gamma} and their spread at each step {@code 0..steps} (step 0 is
     * the common start, spread 0). Arrays are not copies.
     *
     * @param gamma           the weight of fresh noise
     * @param states          {@code rollouts x (steps + 1) x H}, the start included
     * @param covarianceTrace per step, the trace of the rollouts' sample covariance ({@code n - 1})
     * @param meanDistance    per step, the mean Euclidean distance of the rollouts from their mean
     */
    public record Spread(double gamma, double[][][] states, double[] covarianceTrace, double[] meanDistance) {

        /** The rollouts' states after the last step, {@code rollouts x H} (not copies). */
        public double[][] finalStates() {
            double[][] last = new double[states.length][];
            for (int r = 0; r < states.length; r++) {
                last[r] = states[r][states[r].length - 1];
            }
            return last;
        }

        /**
         * How far the rollouts' mean has moved from the start by the last step (Euclidean): small
         * when the noise only spreads the rollouts, large when the state drifts deterministically.
         */
        public double meanMove() {
            double[] start = states[0][0];
            double[][] last = finalStates();
            // compensated sums and averages (DoubleStream)
            return Math.sqrt(java.util.stream.IntStream.range(0, start.length).mapToDouble(u -> Math.pow(
                    java.util.Arrays.stream(last).mapToDouble(r -> r[u]).average().getAsDouble() - start[u], 2))
                    .sum());
        }

        /**
         * The spread after the last step within the plane of the first two components of
         * {@code pca}: the mean distance of the projected rollouts from their projected mean.
         */
        public double planeSpread(StatePca pca) {
            Objects.requireNonNull(pca, "pca");
            if (pca.components() < 2) {
                throw new IllegalArgumentException("pca needs at least 2 components, got " + pca.components());
            }
            double[][] z = pca.project(finalStates());
            double c0 = java.util.Arrays.stream(z).mapToDouble(r -> r[0]).average().getAsDouble();
            double c1 = java.util.Arrays.stream(z).mapToDouble(r -> r[1]).average().getAsDouble();
            return java.util.Arrays.stream(z).mapToDouble(r -> Math.hypot(r[0] - c0, r[1] - c1)).average()
                    .getAsDouble();
        }
    }

    /**
     * Runs the rollouts for each {@code gamma}.
     *
     * @param nominal  the nominal run (its inputs are replayed)
     * @param row      the start state is {@code nominal.states()[row]}; needs
     *                 {@code row + steps < nominal.length()}
     * @param gammas   each in {@code [0, 1]} (the paper: 0, 0.5, 1)
     * @param rollouts {@code >= 2} (the paper: 100)
     * @param steps    {@code >= 1} (the paper: 5)
     * @param sigma    the std of the fresh noise, finite and {@code >= 0} (the paper: 1)
     */
    public static Spread[] run(RnnDynamics dynamics, RnnTrajectory nominal, int row, double[] gammas, int rollouts,
                               int steps, double sigma, long seed) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(nominal, "nominal");
        Objects.requireNonNull(gammas, "gammas");
        if (rollouts < 2) {
            throw new IllegalArgumentException("rollouts must be >= 2, got " + rollouts);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (row < 0 || row + steps >= nominal.length()) {
            throw new IllegalArgumentException("row must be in [0, " + (nominal.length() - steps - 1)
                    + "] so that " + steps + " nominal inputs follow it, got " + row);
        }
        RnnDynamics.checkSigma(sigma);
        for (double g : gammas) {
            if (!(g >= 0.0 && g <= 1.0)) {
                throw new IllegalArgumentException("gammas must lie in [0, 1], got " + g);
            }
        }
        int h = dynamics.hidden();
        int d = dynamics.inputs();
        SeedSequence seeds = new SeedSequence(seed);
        Spread[] result = new Spread[gammas.length];
        double[] x = new double[d];
        double[] xi = new double[d];
        for (int g = 0; g < gammas.length; g++) {
            double gamma = gammas[g];
            double[][][] states = new double[rollouts][steps + 1][];
            for (int r = 0; r < rollouts; r++) {
                SplittableRandom random = seeds.generator(r);
                states[r][0] = nominal.states()[row].clone();
                for (int s = 1; s <= steps; s++) {
                    RnnDynamics.standardNormals(xi, random);
                    double[] xn = nominal.inputs()[row + s];
                    for (int j = 0; j < d; j++) {
                        x[j] = (1.0 - gamma) * xn[j] + gamma * sigma * xi[j];
                    }
                    states[r][s] = dynamics.step(states[r][s - 1], x);
                }
            }
            double[] trace = new double[steps + 1];
            double[] distance = new double[steps + 1];
            for (int s = 0; s <= steps; s++) {
                double[] mean = new double[h];
                for (int r = 0; r < rollouts; r++) {
                    for (int i = 0; i < h; i++) {
                        mean[i] += states[r][s][i] / rollouts;
                    }
                }
                double squares = 0.0;
                double distances = 0.0;
                for (int r = 0; r < rollouts; r++) {
                    double d2 = 0.0;
                    for (int i = 0; i < h; i++) {
                        double e = states[r][s][i] - mean[i];
                        d2 += e * e;
                    }
                    squares += d2;
                    distances += Math.sqrt(d2);
                }
                trace[s] = squares / (rollouts - 1);
                distance[s] = distances / rollouts;
            }
            result[g] = new Spread(gamma, states, trace, distance);
        }
        return result;
    }
}
