package org.phasebook.hmm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Finds "kick neurons" algorithmically instead of by hard-coded indices (brief
 * {@code hmm-rnn.md} §8, "Kick neurons and populations", the brief's proposal; figure F6), and
 * checks the connectivity they should have.
 *
 * <p><b>Detection</b> ({@link #detect}). The events are the clean output switches
 * {@code from -> to} of a run: rows {@code t} with {@code outputs[t] = to} and
 * {@code outputs[t - m] = from} for {@code m = 1..minDwell}, far enough from the start that the
 * baseline window fits. For each unit {@code i}, with pre-activations {@code p_i} (row {@code t}
 * is the pre-activation of the step producing state row {@code t}):
 * <ul>
 *   <li>lead response: {@code max p_i} over the lead window, rows {@code t - lead .. t};</li>
 *   <li>baseline: the mean of {@code p_i} over rows {@code t - baselineFar .. t - baselineNear};</li>
 *   <li>score: (mean lead response − mean baseline) over events, divided by the standard
 *   deviation of {@code p_i} over the whole run (0 for a constant unit);</li>
 *   <li>silent fraction: the fraction of events whose baseline is {@code <= 0}; active
 *   fraction: the fraction whose lead response is {@code > 0}.</li>
 * </ul>
 * The {@code size} units of highest score are the kick group of that direction: units silent in
 * the slow cluster that become strongly active within a few steps before the switch. The score
 * ranks; the fractions let a reader judge how clean the selection is.
 *
 * <p><b>Confirmation</b> ({@link #circuit}): the paper's motif has excitation within each group
 * and inhibition between the two groups of opposite directions. The ablation test (scaling the
 * group's recurrent input by {@code mu = 0} should suppress switches of its direction) is done
 * with {@link Intervention}.
 *
 * <p><b>Integrating populations</b> ({@link #integratingPopulations}): the authors' rule, with
 * their 70 of 150 units scaled to the network size.
 *
 * <p>Stateless; all methods are static.
 */
public final class KickNeuronDetector {

    private KickNeuronDetector() {
    }

    /**
     * The windows of the detection, in rows relative to a switch at row {@code t}.
     *
     * @param lead          lead window {@code t - lead .. t}, {@code >= 0} (default 3)
     * @param baselineNear  baseline window ends at {@code t - baselineNear}, {@code > lead} (default 6)
     * @param baselineFar   and starts at {@code t - baselineFar}, {@code >= baselineNear} (default 10)
     * @param minDwell      the output must have been {@code from} for this many rows before
     *                      {@code t}, {@code >= 1} (default 5)
     * @param size          units per group, {@code >= 1} (default 3, the paper's triplets)
     */
    public record Parameters(int lead, int baselineNear, int baselineFar, int minDwell, int size) {

        /** Lead 3, baseline 10..6 steps before, dwell 5, triplets. */
        public static final Parameters DEFAULT = new Parameters(3, 6, 10, 5, 3);

        /** Checks the windows. */
        public Parameters {
            if (lead < 0) {
                throw new IllegalArgumentException("lead must be >= 0, got " + lead);
            }
            if (baselineNear <= lead) {
                throw new IllegalArgumentException("baselineNear must be > lead = " + lead + ", got " + baselineNear);
            }
            if (baselineFar < baselineNear) {
                throw new IllegalArgumentException("baselineFar must be >= baselineNear = " + baselineNear + ", got "
                        + baselineFar);
            }
            if (minDwell < 1) {
                throw new IllegalArgumentException("minDwell must be >= 1, got " + minDwell);
            }
            if (size < 1) {
                throw new IllegalArgumentException("size must be >= 1, got " + size);
            }
        }
    }

    /**
     * The kick group of one switch direction. Arrays are not copies.
     *
     * @param from           output before the switches
     * @param to             output after
     * @param switches       number of clean switches used
     * @param neurons        the selected units, by decreasing score
     * @param scores         the score of every unit (NaN for all when there are no switches)
     * @param silentFraction per unit, the fraction of switches with a baseline {@code <= 0}
     * @param activeFraction per unit, the fraction of switches with a lead response {@code > 0}
     */
    public record KickGroup(int from, int to, int switches, int[] neurons, double[] scores, double[] silentFraction,
                            double[] activeFraction) {
    }

    /**
     * The weights among two kick groups: {@code within0} is the mean {@code W_hh[i][j]} over
     * {@code i != j} in group 0 (NaN for a single unit), {@code between01} the mean
     * {@code W_hh[i][j]} for {@code i} in group 0 and {@code j} in group 1 (input from group 1 to
     * group 0), and so on.
     */
    public record Circuit(int[] group0, int[] group1, double within0, double within1, double between01,
                          double between10) {

        /** Excitation within both groups and inhibition both ways between them. */
        public boolean hasKickMotif() {
            return within0 > 0.0 && within1 > 0.0 && between01 < 0.0 && between10 < 0.0;
        }

        /**
         * The strength of the motif: the weakest of its four terms,
         * {@code min(within0, within1, -between01, -between10)}; positive exactly when
         * {@link #hasKickMotif()} holds.
         */
        public double margin() {
            return Math.min(Math.min(within0, within1), Math.min(-between01, -between10));
        }
    }

    /**
     * How random pairs of disjoint triplets fare against a detected circuit: of {@code draws}
     * random pairs, how many show the motif's signs and how many are at least as strong
     * ({@link Circuit#margin()}), whose share is a permutation p-value for "the detected groups
     * are wired as the paper says".
     *
     * @param draws           random triplet pairs drawn
     * @param withMotifSigns  of them, those with {@link Circuit#hasKickMotif()}
     * @param atLeastAsStrong of them, those whose margin is {@code >=} the detected circuit's
     */
    public record MotifNull(int draws, int withMotifSigns, int atLeastAsStrong) {

        /** {@code (atLeastAsStrong + 1) / (draws + 1)}, the permutation p-value that counts the detected circuit itself. */
        public double pValue() {
            return (atLeastAsStrong + 1.0) / (draws + 1.0);
        }
    }

    /**
     * The null distribution of the kick motif: {@code draws} pairs of disjoint triplets of units,
     * each pair the first six entries of a partial Fisher–Yates shuffle (position {@code i}
     * swapped with {@code i + random.nextInt(H - i)}) of one array of the units
     * {@code 0..H-1} that carries over from draw to draw, the first three forming group 0.
     *
     * @param weights  the network ({@code H >= 6})
     * @param detected the circuit of the detected groups
     * @param draws    {@code >= 1}
     * @param random   advanced by {@code 6 draws} calls
     * @return the counts
     */
    public static MotifNull motifNull(RnnWeights weights, Circuit detected, int draws, java.util.SplittableRandom random) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(random, "random");
        int h = weights.whh().length;
        if (h < 6) {
            throw new IllegalArgumentException("need H >= 6 units for two disjoint triplets, got " + h);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        }
        double threshold = detected.margin();
        int[] units = IntStream.range(0, h).toArray();
        int signs = 0;
        int stronger = 0;
        for (int n = 0; n < draws; n++) {
            for (int i = 0; i < 6; i++) {
                int j = i + random.nextInt(h - i);
                int t = units[i];
                units[i] = units[j];
                units[j] = t;
            }
            Circuit c = circuit(weights, Arrays.copyOfRange(units, 0, 3), Arrays.copyOfRange(units, 3, 6));
            signs += c.hasKickMotif() ? 1 : 0;
            stronger += c.margin() >= threshold ? 1 : 0;
        }
        return new MotifNull(draws, signs, stronger);
    }

    /**
     * The authors' integrating populations: with {@code g0_j} and {@code g1_j} the mean weights
     * from unit {@code j} onto the two kick groups, the {@code size} units of most negative
     * {@code g0_j g1_j} (opposite effects on the two groups), sorted by {@code g0_j} ascending
     * and split in halves: {@code population0} inhibits group 0 most (and excites group 1).
     */
    public record Populations(int[] population0, int[] population1) {
    }

    /** {@link #detect(double[][], int[], int, int, Parameters)} on a run, its pre-activations recomputed. */
    public static KickGroup detect(RnnDynamics dynamics, RnnTrajectory run, int from, int to, Parameters parameters) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(run, "run");
        return detect(dynamics.preActivations(run), run.outputs(), from, to, parameters);
    }

    /**
     * Scores every unit for switches {@code from -> to}.
     *
     * @param preActivations {@code T x H}, row {@code t} producing the state whose output is
     *                       {@code outputs[t]}
     * @param outputs        length {@code T}
     */
    public static KickGroup detect(double[][] preActivations, int[] outputs, int from, int to, Parameters parameters) {
        Objects.requireNonNull(preActivations, "preActivations");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(parameters, "parameters");
        if (preActivations.length != outputs.length) {
            throw new IllegalArgumentException("preActivations and outputs must have the same length, got "
                    + preActivations.length + " and " + outputs.length);
        }
        if (from == to) {
            throw new IllegalArgumentException("from and to must differ, got " + from + " twice");
        }
        int steps = outputs.length;
        int h = steps == 0 ? 0 : preActivations[0].length;
        if (parameters.size() > h) {
            throw new IllegalArgumentException("size must be <= H = " + h + ", got " + parameters.size());
        }
        int back = Math.max(parameters.baselineFar(), parameters.minDwell());
        int[] events = IntStream.range(back, steps).filter(t -> outputs[t] == to
                && IntStream.rangeClosed(1, parameters.minDwell()).allMatch(m -> outputs[t - m] == from)).toArray();
        double[] scores = new double[h];
        double[] silent = new double[h];
        double[] active = new double[h];
        for (int i = 0; i < h; i++) {
            double mean = 0.0;
            for (double[] row : preActivations) {
                mean += row[i] / steps;
            }
            double var = 0.0;
            for (double[] row : preActivations) {
                var += (row[i] - mean) * (row[i] - mean) / Math.max(1, steps - 1);
            }
            double leadSum = 0.0;
            double baseSum = 0.0;
            for (int t : events) {
                double lead = Double.NEGATIVE_INFINITY;
                for (int u = t - parameters.lead(); u <= t; u++) {
                    lead = Math.max(lead, preActivations[u][i]);
                }
                double base = 0.0;
                for (int u = t - parameters.baselineFar(); u <= t - parameters.baselineNear(); u++) {
                    base += preActivations[u][i];
                }
                base /= parameters.baselineFar() - parameters.baselineNear() + 1;
                leadSum += lead;
                baseSum += base;
                silent[i] += base <= 0.0 ? 1.0 : 0.0;
                active[i] += lead > 0.0 ? 1.0 : 0.0;
            }
            int n = events.length;
            double sd = Math.sqrt(var);
            scores[i] = n == 0 ? Double.NaN : (sd > 0.0 ? (leadSum - baseSum) / n / sd : 0.0);
            silent[i] = n == 0 ? Double.NaN : silent[i] / n;
            active[i] = n == 0 ? Double.NaN : active[i] / n;
        }
        int[] chosen = events.length == 0 ? new int[0] : topIndices(scores, parameters.size());
        return new KickGroup(from, to, events.length, chosen, scores, silent, active);
    }

    /** The weights within and between two groups (see {@link Circuit}). */
    public static Circuit circuit(RnnWeights weights, int[] group0, int[] group1) {
        Objects.requireNonNull(weights, "weights");
        double[][] w = weights.whh();
        checkUnits("group0", group0, w.length);
        checkUnits("group1", group1, w.length);
        return new Circuit(group0.clone(), group1.clone(), meanWeight(w, group0, group0, true),
                meanWeight(w, group1, group1, true), meanWeight(w, group0, group1, false),
                meanWeight(w, group1, group0, false));
    }

    /**
     * The authors' integrating populations for two kick groups (see {@link Populations}).
     *
     * @param size units in both populations together, in {@code [2, H]}; the authors' 70 for
     *             {@code H = 150} is {@link #defaultPopulationSize}
     */
    public static Populations integratingPopulations(RnnWeights weights, int[] group0, int[] group1, int size) {
        Objects.requireNonNull(weights, "weights");
        double[][] w = weights.whh();
        int h = w.length;
        checkUnits("group0", group0, h);
        checkUnits("group1", group1, h);
        if (size < 2 || size > h) {
            throw new IllegalArgumentException("size must be in [2, H = " + h + "], got " + size);
        }
        double[] g0 = new double[h];
        double[] g1 = new double[h];
        for (int j = 0; j < h; j++) {
            for (int i : group0) {
                g0[j] += w[i][j] / group0.length;
            }
            for (int i : group1) {
                g1[j] += w[i][j] / group1.length;
            }
        }
        double[] product = new double[h];
        for (int j = 0; j < h; j++) {
            product[j] = -g0[j] * g1[j];
        }
        int[] chosen = topIndices(product, size);
        Integer[] byG0 = Arrays.stream(chosen).boxed().toArray(Integer[]::new);
        Arrays.sort(byG0, Comparator.comparingDouble(j -> g0[j]));
        int half = size / 2;
        int[] p0 = new int[half];
        int[] p1 = new int[size - half];
        for (int k = 0; k < size; k++) {
            if (k < half) {
                p0[k] = byG0[k];
            } else {
                p1[k - half] = byG0[k];
            }
        }
        return new Populations(p0, p1);
    }

    /** The authors' 70 of 150 scaled to {@code H}: {@code round(70 H / 150)}, at least 2. */
    public static int defaultPopulationSize(int hidden) {
        return Math.max(2, (int) Math.round(70.0 * hidden / 150.0));
    }

    /** The indices of the {@code count} largest values, by decreasing value (lower index first on ties). */
    static int[] topIndices(double[] values, int count) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] top = new int[count];
        for (int k = 0; k < count; k++) {
            top[k] = order[k];
        }
        return top;
    }

    private static double meanWeight(double[][] w, int[] rows, int[] columns, boolean skipDiagonal) {
        double sum = 0.0;
        int n = 0;
        for (int i : rows) {
            for (int j : columns) {
                if (skipDiagonal && i == j) {
                    continue;
                }
                sum += w[i][j];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static void checkUnits(String name, int[] units, int h) {
        Objects.requireNonNull(units, name);
        if (units.length == 0) {
            throw new IllegalArgumentException(name + " must name at least 1 unit");
        }
        for (int u : units) {
            if (u < 0 || u >= h) {
                throw new IllegalArgumentException(name + " units must be in [0, " + (h - 1) + "], got " + u);
            }
        }
    }
}
