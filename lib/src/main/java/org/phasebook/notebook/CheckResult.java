package org.phasebook.notebook;

import java.util.Objects;

/**
 * The outcome of one check of a notebook: a measured value compared with the paper's.
 *
 * <p>The check passed when {@code |measured - expected| <= tolerance}. The tolerance is always the
 * absolute one that was applied, also for checks stated as a relative tolerance (then it is
 * {@code relative * |expected|}), so that every row of {@code checks.csv} reads the same way.
 *
 * @param check     the check's name, such as {@code "largest Lyapunov exponent"}
 * @param measured  what the notebook computed (may be NaN, which never passes)
 * @param expected  the paper's value
 * @param tolerance the largest accepted absolute difference, &gt;= 0
 * @param passed    whether {@code |measured - expected| <= tolerance}
 */
public record CheckResult(String check, double measured, double expected, double tolerance, boolean passed) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
    }

    /** The comparison itself; NaN or infinite measured values fail. */
    static CheckResult of(String check, double measured, double expected, double tolerance) {
        return new CheckResult(check, measured, expected, tolerance, Math.abs(measured - expected) <= tolerance);
    }

    /** The row of {@code checks.csv}: {@code check,measured,expected,tolerance,passed}. */
    String csvRow() {
        return Csv.row(Csv.field(check), Csv.number(measured), Csv.number(expected), Csv.number(tolerance),
                Boolean.toString(passed));
    }
}
