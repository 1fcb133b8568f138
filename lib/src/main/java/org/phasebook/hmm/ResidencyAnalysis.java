package org.phasebook.hmm;

import java.util.Objects;
import java.util.SplittableRandom;
import org.phasebook.random.SeedSequence;

/**
 * Residency times of RNN states (brief {@code hmm-rnn.md} §8, figure F5; the authors'
 * {@code residency_plot}). For each state {@code h} with output {@code c = argmax(A h)},
 * {@code rollouts} noisy runs of at most {@code maxSteps} steps start at {@code h}; a rollout
 * stops at the first step {@code s} (1-based) whose output differs from {@code c}, or counts
 * {@code maxSteps} if there is none, and {@code RT(h)} is the mean {@code s}. Each rollout also
 * counts the sign changes between consecutive non-zero increments of {@code l_c} while the output
 * stays {@code c} (the first increment is from {@code h} itself; the step that changes the output
 * is not counted; an increment of exactly 0 neither flips nor resets the sign, a deliberate
 * simplification of the authors' rule, which can only differ at exact zeros). States are then
 * grouped by {@link ResidencyGroup}.
 *
 * <p><b>Seeds.</b> Rollout {@code r} of state {@code i} draws its inputs from
 * {@code new SeedSequence(seed).child(i).generator(r)}, {@code d} Gaussians per step
 * ({@link RnnDynamics#standardNormals}): its noise depends only on {@code (seed, i, r)}, not on
 * how many states are analysed or how rollouts are batched.
 *
 * <p><b>Cost.</b> Rollouts of up to 1,024 columns advance together through BLAS
 * ({@code dgemm}), and finished rollouts leave the batch, so the cost is about
 * proportional to the total number of rollout steps: about 5 to 7 microseconds per rollout step
 * at {@code H = 150}, {@code d = 100} on the 2-core reference machine, so 2,000 states x 20
 * rollouts take 11 to 16 s in the worst case (every rollout runs 60 steps) and under 1 s for an
 * untrained network whose output flips every step or two.
 *
 * <p>The paper's nominal run ({@link ResidencyParameters#PAPER_WARMUP} steps from
 * {@code h_0 = 0}, then the states
 * to analyse) is made with {@link RnnDynamics#noisyTrajectory}; keep it to pick states for
 * {@link NoiseSensitivity}.
 */
public final class ResidencyAnalysis {

    /** The most rollouts advanced by one BLAS call. */
    static final int BATCH_COLUMNS = 1024;

    private ResidencyAnalysis() {
    }

    /**
     * Residency times, sign flips and groups of {@code states} ({@code n x H}).
     *
     * @param seed the master seed of the rollouts' noise
     */
    public static ResidencyResult analyse(RnnDynamics dynamics, double[][] states, ResidencyParameters parameters,
                                          long seed) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(parameters, "parameters");
        int n = states.length;
        int[] outputs = new int[n];
        double[] maxProbability = new double[n];
        for (int i = 0; i < n; i++) {
            RnnDynamics.checkLength("states[" + i + "]", states[i], dynamics.hidden());
            outputs[i] = dynamics.output(states[i]);
            double[] p = dynamics.probabilities(states[i]);
            maxProbability[i] = p[RnnDynamics.argmax(p)];
        }
        double[] stepSums = new double[n];
        double[] flipSums = new double[n];
        int perBatch = Math.max(1, BATCH_COLUMNS / parameters.rollouts());
        SeedSequence seeds = new SeedSequence(seed);
        for (int first = 0; first < n; first += perBatch) {
            int last = Math.min(n, first + perBatch);
            new Batch(dynamics, states, outputs, first, last, parameters, seeds).run(stepSums, flipSums);
        }
        double[] rt = new double[n];
        double[] flips = new double[n];
        ResidencyGroup[] groups = new ResidencyGroup[n];
        for (int i = 0; i < n; i++) {
            rt[i] = stepSums[i] / parameters.rollouts();
            flips[i] = flipSums[i] / parameters.rollouts();
            groups[i] = ResidencyGroup.of(rt[i], maxProbability[i]);
        }
        double[][] kept = new double[n][];
        for (int i = 0; i < n; i++) {
            kept[i] = states[i].clone();
        }
        return new ResidencyResult(kept, outputs, maxProbability, rt, flips, groups);
    }

    /** The rollouts of states {@code first..last-1}, advanced in lock step, finished ones dropped. */
    private static final class Batch {
        private final RnnDynamics dynamics;
        private final ResidencyParameters parameters;
        private final int h;
        private final int d;
        private final int k;
        private double[] current;
        private double[] next;
        private final double[] inputs;
        private final int[] owner;
        private final int[] target;
        private final double[] lastLogit;
        private final int[] lastSign;
        private final int[] flips;
        private final SplittableRandom[] random;
        private int active;

        Batch(RnnDynamics dynamics, double[][] states, int[] outputs, int first, int last,
              ResidencyParameters parameters, SeedSequence seeds) {
            this.dynamics = dynamics;
            this.parameters = parameters;
            this.h = dynamics.hidden();
            this.d = dynamics.inputs();
            this.k = dynamics.outputs();
            int columns = (last - first) * parameters.rollouts();
            current = new double[h * columns];
            next = new double[h * columns];
            inputs = new double[d * columns];
            owner = new int[columns];
            target = new int[columns];
            lastLogit = new double[columns];
            lastSign = new int[columns];
            flips = new int[columns];
            random = new SplittableRandom[columns];
            for (int i = first; i < last; i++) {
                SeedSequence stateSeeds = seeds.child(i);
                for (int r = 0; r < parameters.rollouts(); r++) {
                    int col = active++;
                    System.arraycopy(states[i], 0, current, col * h, h);
                    owner[col] = i;
                    target[col] = outputs[i];
                    lastLogit[col] = dynamics.logitOfColumn(current, col, outputs[i]);
                    random[col] = stateSeeds.generator(r);
                }
            }
        }

        void run(double[] stepSums, double[] flipSums) {
            double sigma = parameters.sigma();
            double[] xi = new double[d];
            for (int step = 1; step <= parameters.maxSteps() && active > 0; step++) {
                for (int col = 0; col < active; col++) {
                    RnnDynamics.standardNormals(xi, random[col]);
                    int base = col * d;
                    for (int j = 0; j < d; j++) {
                        inputs[base + j] = sigma * xi[j];
                    }
                }
                dynamics.stepColumns(current, inputs, active, next);
                double[] swap = current;
                current = next;
                next = swap;
                int col = 0;
                while (col < active) {
                    int c = target[col];
                    int out = 0;
                    double best = Double.NEGATIVE_INFINITY;
                    double lc = 0.0;
                    for (int o = 0; o < k; o++) {
                        double l = dynamics.logitOfColumn(current, col, o);
                        if (l > best) {
                            best = l;
                            out = o;
                        }
                        if (o == c) {
                            lc = l;
                        }
                    }
                    if (out != c) {
                        finish(col, step, stepSums, flipSums);
                        continue;
                    }
                    double delta = lc - lastLogit[col];
                    int sign = delta > 0.0 ? 1 : (delta < 0.0 ? -1 : 0);
                    if (sign != 0) {
                        if (lastSign[col] != 0 && sign != lastSign[col]) {
                            flips[col]++;
                        }
                        lastSign[col] = sign;
                    }
                    lastLogit[col] = lc;
                    if (step == parameters.maxSteps()) {
                        finish(col, step, stepSums, flipSums);
                        continue;
                    }
                    col++;
                }
            }
        }

        /** Records a finished rollout and moves the last active one into its column. */
        private void finish(int col, int steps, double[] stepSums, double[] flipSums) {
            stepSums[owner[col]] += steps;
            flipSums[owner[col]] += flips[col];
            int last = --active;
            if (col != last) {
                System.arraycopy(current, last * h, current, col * h, h);
                owner[col] = owner[last];
                target[col] = target[last];
                lastLogit[col] = lastLogit[last];
                lastSign[col] = lastSign[last];
                flips[col] = flips[last];
                random[col] = random[last];
            }
        }
    }
}
