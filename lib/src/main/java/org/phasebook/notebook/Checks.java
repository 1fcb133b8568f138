package org.phasebook.notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The check cells of a notebook: each check compares a measured value with the paper's, prints
 * both, records the outcome, and fails the cell when the difference exceeds the tolerance.
 *
 * <pre>{@code
 * var checks = Checks.forNotebook("01-lorenz");
 * checks.check("largest Lyapunov exponent", lyapunov.largest(), 0.9056, scale.pick(0.1, 0.02, 0.01));
 * checks.checkRelative("return-map period", period, 6.66, 0.01);
 * }</pre>
 *
 * <p>A check passes when {@code |measured - expected| <= tolerance} (absolute tolerance); with
 * {@link #checkRelative} the tolerance is a fraction of {@code |expected|}. A failing check throws an
 * {@link AssertionError} that states the measured value, the expected one and the tolerance.
 *
 * <p>All checks made through one {@code Checks} are written to {@value #FILE_NAME} in the
 * notebook's {@link OutputFolder}, with the header {@code check,measured,expected,tolerance,passed}
 * and one row per check name, in the order the names were first checked. The file is rewritten
 * whole (atomically) after every check, failed ones included, so an interrupted run still leaves a
 * valid file; checking a name again replaces its row. Numbers are written with
 * {@link Double#toString(double)}; {@code tolerance} is the absolute tolerance that was applied.
 */
public final class Checks {

    /** The file, in the notebook's output folder, that lists the checks. */
    public static final String FILE_NAME = "checks.csv";

    private static final String HEADER = "check,measured,expected,tolerance,passed\n";

    private final OutputFolder folder;
    private final Map<String, CheckResult> results = new LinkedHashMap<>();

    /** Checks that write to {@code folder}; see {@link #forNotebook(String)} for the usual way. */
    public Checks(OutputFolder folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** Checks for a notebook, written to its {@link OutputFolder#forNotebook(String) output folder}. */
    public static Checks forNotebook(String notebook) {
        return new Checks(OutputFolder.forNotebook(notebook));
    }

    /**
     * Checks that {@code |measured - expected| <= tolerance}.
     *
     * @param name      what is checked, as a student would say it; unique within the notebook
     * @param measured  the notebook's value
     * @param expected  the paper's value, finite
     * @param tolerance the largest accepted absolute difference, finite and &gt;= 0
     * @return the outcome, when it passed
     * @throws AssertionError when the check fails, after printing and recording it
     */
    public CheckResult check(String name, double measured, double expected, double tolerance) {
        requireName(name);
        requireFinite("expected", expected);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        return record(CheckResult.of(name, measured, expected, tolerance), "");
    }

    /**
     * Checks that {@code |measured - expected| <= relativeTolerance * |expected|}; the row in
     * {@value #FILE_NAME} holds the absolute tolerance {@code relativeTolerance * |expected|}.
     *
     * @param relativeTolerance the largest accepted difference as a fraction of {@code |expected|},
     *                          such as 0.01 for 1%; finite and &gt;= 0
     * @throws IllegalArgumentException when {@code expected} is 0, where only an absolute tolerance makes sense
     */
    public CheckResult checkRelative(String name, double measured, double expected, double relativeTolerance) {
        requireName(name);
        requireFinite("expected", expected);
        if (expected == 0) {
            throw new IllegalArgumentException("a relative tolerance needs a nonzero expected value; for \"" + name
                    + "\" expected is 0, so use check(name, measured, expected, absoluteTolerance)");
        }
        if (!(relativeTolerance >= 0) || Double.isInfinite(relativeTolerance)) {
            throw new IllegalArgumentException("relativeTolerance must be finite and >= 0, got " + relativeTolerance);
        }
        double tolerance = relativeTolerance * Math.abs(expected);
        String note = String.format(Locale.ROOT, " (%s%% of expected)", significant(100 * relativeTolerance, 3));
        return record(CheckResult.of(name, measured, expected, tolerance), note);
    }

    /**
     * Checks that {@code low <= measured <= high}: for statements with a range rather than a
     * value, such as "EDMD's error stays of order one" or "the error bound at the largest
     * dictionary is at most half the one at the smallest". In {@value #FILE_NAME} the row reads
     * like every other, with the interval's midpoint as {@code expected} and its half-width as
     * {@code tolerance}.
     *
     * @param low  the smallest accepted value, finite
     * @param high the largest accepted value, finite and {@code >= low}
     */
    public CheckResult checkBetween(String name, double measured, double low, double high) {
        requireName(name);
        requireFinite("low", low);
        requireFinite("high", high);
        if (!(high >= low)) {
            throw new IllegalArgumentException("high must be >= low, got low = " + low + ", high = " + high);
        }
        double mid = low + (high - low) / 2;
        CheckResult result = new CheckResult(name, measured, mid, (high - low) / 2,
                measured >= low && measured <= high);
        String note = " (the interval [" + significant(low, 6) + ", " + significant(high, 6) + "])";
        return record(result, note);
    }

    /** The checks made so far, one per name, in the order the names were first checked. */
    public List<CheckResult> results() {
        return List.copyOf(results.values());
    }

    /** Where the checks are written. */
    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    private CheckResult record(CheckResult result, String toleranceNote) {
        results.put(result.check(), result);
        write();
        String comparison = "measured " + significant(result.measured(), 6) + ", expected "
                + significant(result.expected(), 6) + " +/- " + significant(result.tolerance(), 3) + toleranceNote;
        System.out.println((result.passed() ? "PASS  " : "FAIL  ") + result.check() + ": " + comparison);
        if (!result.passed()) {
            String difference = Double.isNaN(result.measured()) ? "the measured value is not a number"
                    : "the difference " + significant(Math.abs(result.measured() - result.expected()), 3)
                            + " is larger than the tolerance";
            throw new AssertionError("Check failed: " + result.check() + ": " + comparison + "; " + difference
                    + ". If you changed a parameter or the scale, the paper's value may no longer apply; "
                    + "otherwise something in the computation above is wrong.");
        }
        return result;
    }

    private void write() {
        StringBuilder csv = new StringBuilder(HEADER);
        List<CheckResult> rows = new ArrayList<>(results.values());
        for (CheckResult row : rows) {
            csv.append(row.csvRow());
        }
        folder.write(FILE_NAME, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A number with at most {@code digits} significant digits and no trailing zeros, for people; independent of the locale. */
    static String significant(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String text = String.format(Locale.ROOT, "%." + digits + "g", value);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("check name must be a non-empty text such as \"largest Lyapunov exponent\", got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
    }

    private static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }
}
