package org.phasebook.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The scores notebook 04 tabulates for every method (brief {@code langevin-flow.md} §6, L4–L5),
 * with their labels, and their mean and standard deviation over seeds.
 */
public enum LorenzMetric {

    /** Bits per spike of the held-out neurons in the observed bins. */
    CO_BPS("co-bps", LorenzScores::coBps),
    /** Bits per spike of all neurons in the forward bins. */
    FP_BPS("fp-bps", LorenzScores::fpBps),
    /** Rate R² of the held-in neurons, observed bins. */
    RATE_R2_HELDIN("rate R² held-in", LorenzScores::rateR2HeldinObserved),
    /** Rate R² of the held-out neurons, observed bins. */
    RATE_R2_HELDOUT("rate R² held-out", LorenzScores::rateR2HeldoutObserved),
    /** Rate R² of all neurons, forward bins. */
    RATE_R2_FORWARD("rate R² forward", LorenzScores::rateR2Forward),
    /** R² of a ridge decode of the normalised Lorenz state from the rates. */
    STATE_R2("state R² from rates", LorenzScores::stateR2);

    private final String label;
    private final ToDoubleFunction<LorenzScores> value;

    LorenzMetric(String label, ToDoubleFunction<LorenzScores> value) {
        this.label = label;
        this.value = value;
    }

    /**
     * The label used in tables and figures.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The metric's value in one set of scores.
     *
     * @param scores the scores
     * @return the value, NaN when the method does not provide it
     */
    public double of(LorenzScores scores) {
        return value.applyAsDouble(Objects.requireNonNull(scores, "scores"));
    }

    /**
     * The mean and sample standard deviation over runs (seeds).
     *
     * @param runs the scores of each run, at least one
     * @return {@code {mean, sd}}; the SD is 0 for one run, NaN values propagate
     */
    public double[] meanSd(List<LorenzScores> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        double mean = runs.stream().mapToDouble(this::of).average().orElseThrow();
        if (runs.size() == 1) {
            return new double[] {mean, 0};
        }
        double ss = runs.stream().mapToDouble(s -> (of(s) - mean) * (of(s) - mean)).sum();
        return new double[] {mean, Math.sqrt(ss / (runs.size() - 1))};
    }

    /**
     * A table with one row per method: the number of runs and every metric as
     * {@code mean ± sd} (or the value for a single run, {@code n/a} when missing).
     *
     * @param title   the table's name
     * @param methods the scores of each method's runs, in display order
     * @return the table
     */
    public static Table table(String title, Map<String, List<LorenzScores>> methods) {
        Objects.requireNonNull(methods, "methods");
        Table t = Table.create(title);
        t.addColumns(StringColumn.create("method", new ArrayList<>(methods.keySet())),
            IntColumn.create("runs", methods.values().stream().mapToInt(List::size).toArray()));
        for (LorenzMetric m : values()) {
            List<String> cells = new ArrayList<>();
            for (List<LorenzScores> runs : methods.values()) {
                double[] ms = m.meanSd(runs);
                cells.add(Double.isNaN(ms[0]) ? "n/a" : runs.size() > 1
                    ? String.format(java.util.Locale.ROOT, "%.4f ± %.4f", ms[0], ms[1])
                    : String.format(java.util.Locale.ROOT, "%.4f", ms[0]));
            }
            t.addColumns(StringColumn.create(m.label(), cells));
        }
        return t;
    }
}
