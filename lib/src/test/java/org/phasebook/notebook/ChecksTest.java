package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream before;
    private Checks checks;

    @BeforeEach
    void captureOutput() {
        before = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        checks = new Checks(new OutputFolder("01-lorenz", temp.resolve("01-lorenz")));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(before);
    }

    @Test
    void aPassingCheckPrintsBothValuesAndWritesItsRow() throws IOException {
        CheckResult result = checks.check("largest Lyapunov exponent", 0.9061, 0.9056, 0.02);
        assertTrue(result.passed());
        assertEquals("PASS  largest Lyapunov exponent: measured 0.9061, expected 0.9056 +/- 0.02\n", output());
        assertEquals("check,measured,expected,tolerance,passed\n"
                + "largest Lyapunov exponent,0.9061,0.9056,0.02,true\n", Files.readString(checks.file()));
        assertEquals(temp.resolve("01-lorenz").resolve("checks.csv"), checks.file());
    }

    @Test
    void aFailingCheckThrowsAnErrorAStudentCanReadAndStillWritesItsRow() throws IOException {
        checks.check("first", 1.0, 1.0, 0.0);
        AssertionError e = assertThrows(AssertionError.class,
                () -> checks.check("decay exponent", 0.7, 0.9056, 0.02));
        String message = e.getMessage();
        assertTrue(message.startsWith("Check failed: decay exponent: measured 0.7, expected 0.9056 +/- 0.02"), message);
        assertTrue(message.contains("the difference 0.206 is larger than the tolerance"), message);
        assertTrue(output().contains("FAIL  decay exponent: measured 0.7, expected 0.9056 +/- 0.02\n"), output());
        assertEquals("check,measured,expected,tolerance,passed\n"
                + "first,1.0,1.0,0.0,true\n"
                + "decay exponent,0.7,0.9056,0.02,false\n", Files.readString(checks.file()));
    }

    @Test
    void theToleranceIsInclusiveAndAbsolute() {
        assertTrue(checks.check("edge", 1.5, 1.0, 0.5).passed());
        assertThrows(AssertionError.class, () -> checks.check("just over", 1.5 + 1e-12, 1.0, 0.5));
        assertTrue(checks.check("below", -3.0, -2.5, 0.5).passed());
    }

    @Test
    void anIntervalCheckIncludesItsEndsAndIsRecordedAsMidpointAndHalfWidth() throws IOException {
        assertTrue(checks.checkBetween("EDMD error of order one", 2.0, 0.5, 2.0).passed());
        assertTrue(output().contains("expected 1.25 +/- 0.75 (the interval [0.5, 2])"), output());
        assertThrows(AssertionError.class, () -> checks.checkBetween("too small", 0.49, 0.5, 2.0));
        assertThrows(AssertionError.class, () -> checks.checkBetween("nan", Double.NaN, 0.5, 2.0));
        assertTrue(Files.readString(checks.file()).contains("EDMD error of order one,2.0,1.25,0.75,true\n"));
        var e = assertThrows(IllegalArgumentException.class, () -> checks.checkBetween("bad", 1, 2, 1));
        assertTrue(e.getMessage().contains("high must be >= low"), e.getMessage());
    }

    @Test
    void aNotANumberNeverPasses() {
        AssertionError e = assertThrows(AssertionError.class, () -> checks.check("R squared", Double.NaN, 1.0, 0.01));
        assertTrue(e.getMessage().contains("measured NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        assertThrows(AssertionError.class, () -> checks.check("infinite", Double.POSITIVE_INFINITY, 1.0, 1e300));
    }

    @Test
    void reRunningACheckReplacesItsRowInPlace() throws IOException {
        checks.check("a", 1.0, 1.0, 0.1);
        checks.check("b", 2.0, 2.0, 0.1);
        assertThrows(AssertionError.class, () -> checks.check("a", 5.0, 1.0, 0.1));
        assertEquals("check,measured,expected,tolerance,passed\n"
                + "a,5.0,1.0,0.1,false\n"
                + "b,2.0,2.0,0.1,true\n", Files.readString(checks.file()));
        checks.check("a", 1.05, 1.0, 0.1);
        assertEquals(List.of("a", "b"), checks.results().stream().map(CheckResult::check).toList());
        assertTrue(checks.results().get(0).passed());
        assertTrue(Files.readString(checks.file()).contains("a,1.05,1.0,0.1,true\n"));
    }

    @Test
    void aRelativeToleranceIsRecordedAsTheAbsoluteOneApplied() throws IOException {
        CheckResult result = checks.checkRelative("period", 6.7, 6.66, 0.01);
        assertTrue(result.passed());
        assertEquals(0.0666, result.tolerance(), 1e-15);
        assertTrue(output().contains("expected 6.66 +/- 0.0666 (1% of expected)"), output());
        assertTrue(Files.readString(checks.file()).contains("period,6.7,6.66," + 0.01 * 6.66 + ",true\n"));
        assertThrows(AssertionError.class, () -> checks.checkRelative("negative", -7.0, -6.66, 0.01));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> checks.checkRelative("zero", 0.0, 0.0, 0.01));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void namesWithCommasAndQuotesAreQuotedInTheCsv() throws IOException {
        checks.check("R², fit \"a\"", 0.99, 1.0, 0.02);
        assertTrue(Files.readString(checks.file()).contains("\"R², fit \"\"a\"\"\",0.99,1.0,0.02,true\n"));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsRecorded() {
        assertThrows(IllegalArgumentException.class, () -> checks.check("t", 1, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> checks.check("t", 1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> checks.check("t", 1, Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> checks.check(" ", 1, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> checks.checkRelative("t", 1, 1, -1));
        assertTrue(checks.results().isEmpty());
        assertFalse(Files.exists(checks.file()));
    }

    @Test
    void significantDigitsDropTrailingZeros() {
        assertEquals("0.9056", Checks.significant(0.9056, 6));
        assertEquals("100", Checks.significant(100, 6));
        assertEquals("1e-10", Checks.significant(1e-10, 3));
        assertEquals("1.23e+06", Checks.significant(1_234_567, 3));
        assertEquals("NaN", Checks.significant(Double.NaN, 3));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
