package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainFieldsAreLeftAlone() {
        assertEquals("lorenz", Csv.field("lorenz"));
        assertEquals("largest Lyapunov exponent", Csv.field("largest Lyapunov exponent"));
        assertEquals("", Csv.field(""));
        assertEquals("σ=10", Csv.field("σ=10"));
    }

    @Test
    void fieldsThatNeedItAreQuotedWithQuotesDoubled() {
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"cr\r\"", Csv.field("cr\r"));
        assertEquals("\" padded\"", Csv.field(" padded"));
        assertEquals("\"padded \"", Csv.field("padded "));
    }

    @Test
    void numbersRoundTripAndIgnoreTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("0.1", Csv.number(0.1));
            assertEquals("1.0E-5", Csv.number(1e-5));
            assertEquals("-2.5", Csv.number(-2.5));
            assertEquals("NaN", Csv.number(Double.NaN));
            assertEquals("-Infinity", Csv.number(Double.NEGATIVE_INFINITY));
            double third = 1.0 / 3.0;
            assertEquals(third, Double.parseDouble(Csv.number(third)));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void rowsJoinWithCommasAndEndWithNewline() {
        assertEquals("a,b,c\n", Csv.row("a", "b", "c"));
        assertEquals("x\n", Csv.row(List.of("x")));
    }
}
