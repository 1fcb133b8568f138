package org.phasebook.notebook;

import java.util.List;

/**
 * The CSV dialect of Phasebook's outputs ({@code checks.csv}, the data beside each figure):
 * comma-separated, {@code \n} line ends, a header row, fields quoted as in RFC 4180 only when they
 * need it, and numbers written so that the same values always give the same bytes.
 *
 * <p>Numbers are written with {@link Double#toString(double)}, which is independent of the locale,
 * reads back to the same {@code double}, and spells the non-finite values {@code NaN},
 * {@code Infinity} and {@code -Infinity} (which pandas and Tablesaw read).
 */
public final class Csv {

    private Csv() {
    }

    /** A text field, quoted when it holds a comma, a quote, a line break or surrounding blanks. */
    public static String field(String text) {
        boolean quote = text.isEmpty() ? false
                : text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
                        || Character.isWhitespace(text.charAt(text.length() - 1));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A number field, in the round-trip form of {@link Double#toString(double)}. */
    public static String number(double value) {
        return Double.toString(value);
    }

    /** One line: the fields (already formatted with {@link #field} or {@link #number}) joined by commas, ending in {@code \n}. */
    public static String row(List<String> fields) {
        return String.join(",", fields) + "\n";
    }

    /** One line from formatted fields. */
    public static String row(String... fields) {
        return row(List.of(fields));
    }
}
