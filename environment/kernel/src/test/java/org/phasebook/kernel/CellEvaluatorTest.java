package org.phasebook.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's JShell layer, in process: splitting, values, errors, interrupts. */
class CellEvaluatorTest {

    private static EvaluationThreadControl control;
    private static CellEvaluator shell;

    @BeforeAll
    static void start() {
        control = new EvaluationThreadControl();
        shell = new CellEvaluator(control, new ByteArrayInputStream(new byte[0]), System.out, System.err);
    }

    @AfterAll
    static void stop() {
        shell.shell().close();
    }

    private static Object value(String code) {
        CellEvaluator.Outcome outcome = shell.run(code, 1);
        if (outcome instanceof CellEvaluator.Failure f) {
            throw new AssertionError(String.join("\n", f.error().traceback()));
        }
        return assertInstanceOf(CellEvaluator.Value.class, outcome).value();
    }

    private static ErrorReport failure(String code, int cell) {
        return assertInstanceOf(CellEvaluator.Failure.class, shell.run(code, cell)).error();
    }

    @Test
    void aCellIsSplitIntoSnippetsWithTheirPlaceInTheCell() {
        List<CellEvaluator.SnippetSource> pieces = shell.split("int a = 1;\n\n  int b = a +\n 1;\na + b");
        assertEquals(3, pieces.size());
        assertEquals(new CellEvaluator.SnippetSource("int a = 1;", 0, 1, true), pieces.get(0));
        assertEquals(new CellEvaluator.SnippetSource("int b = a +\n 1;", 14, 3, true), pieces.get(1));
        assertEquals(new CellEvaluator.SnippetSource("a + b", 30, 5, false), pieces.get(2));
    }

    @Test
    void theLastExpressionIsTheCellsValue() {
        assertEquals(7, value("int p = 3;\nint q = 4;\np + q"));
        assertEquals("text", value("\"text\""));
        assertEquals(null, value("String nothing = null; nothing"));
    }

    @Test
    void aTrailingSemicolonHidesTheValue() {
        assertInstanceOf(CellEvaluator.NoValue.class, shell.run("int hidden = 2;\nhidden + 1;", 1));
        assertEquals(3, value("hidden + 1"));
    }

    @Test
    void declarationsAndVoidCallsHaveNoValue() {
        assertInstanceOf(CellEvaluator.NoValue.class, shell.run("int declared = 1;", 1));
        assertInstanceOf(CellEvaluator.NoValue.class, shell.run("void noop() {}", 1));
        assertInstanceOf(CellEvaluator.NoValue.class, shell.run("noop()", 1));
        assertInstanceOf(CellEvaluator.NoValue.class, shell.run("System.out.print(\"\")", 1));
    }

    @Test
    void compileErrorsPointAtTheOffendingSpan() {
        ErrorReport e = failure("int ok = 1;\nint bad = ok +;", 4);
        assertEquals("CompilationException", e.name());
        String text = String.join("\n", e.traceback());
        assertTrue(e.message().startsWith("line 2: illegal start of expression"), e.message());
        assertTrue(text.contains("    int bad = ok +;\n                  ^"), text);
    }

    @Test
    void missingSymbolsDoNotMentionJShellsWrapperClass() {
        ErrorReport e = failure("undefinedName + 1", 2);
        String text = String.join("\n", e.traceback());
        assertTrue(text.contains("cannot find symbol"), text);
        assertFalse(text.contains("location: class"), text);
        assertTrue(text.contains("^~~~~~~~~~~~~"), text);
    }

    @Test
    void exceptionsShowTheUsersFramesWithCellAndLine() {
        shell.run("int divide(int a) {\n    return 10 / a;\n}", 5);
        ErrorReport e = failure("int zero = 0;\ndivide(zero)", 6);
        assertEquals("java.lang.ArithmeticException", e.name());
        assertEquals("/ by zero", e.message());
        String text = String.join("\n", e.traceback());
        assertTrue(text.contains("at divide (cell [5], line 2)"), text);
        assertTrue(text.contains("(cell [6], line 2)"), text);
        assertFalse(text.contains("jdk.jshell"), text);
        assertFalse(text.contains("REPL."), text);
        assertFalse(text.contains("reflect"), text);
    }

    @Test
    void framesAndCaretsCountFromWhereEachSnippetStarts() {
        shell.run("int zero2 = 0;\nint divide2(int a, int b) {\n    return a / b;\n}", 14);
        String text = String.join("\n", failure("\n\ndivide2(6, zero2)", 15).traceback());
        assertTrue(text.contains("at divide2 (cell [14], line 3)"), text);
        assertTrue(text.contains("(cell [15], line 3)"), text);
        String caret = String.join("\n", failure("int a3 = 1;\n\n\n  String w3 = 42;", 16).traceback());
        assertTrue(caret.contains("      String w3 = 42;\n                  ^~"), caret);
    }

    @Test
    void causesAreShown() {
        ErrorReport e = failure("throw new IllegalStateException(\"outer\", new ArithmeticException(\"inner\"));", 7);
        String text = String.join("\n", e.traceback());
        assertTrue(text.contains("Caused by: java.lang.ArithmeticException: inner"), text);
    }

    @Test
    void stackOverflowAndOutOfMemoryLeaveTheShellUsable() {
        shell.run("int keep = 41;", 8);
        shell.run("int deep(int n) { return deep(n + 1) + 1; }", 8);
        ErrorReport overflow = failure("deep(0)", 9);
        assertEquals("java.lang.StackOverflowError", overflow.name());
        assertTrue(overflow.traceback().size() < 20, "repeated frames are elided");
        ErrorReport oom = failure("long[] huge = new long[Integer.MAX_VALUE - 8];", 10);
        assertEquals("java.lang.OutOfMemoryError", oom.name());
        assertTrue(String.join("\n", oom.traceback()).contains("The kernel is still running"));
        assertEquals(42, value("keep + 1"));
    }

    @Test
    void anInterruptStopsABusyLoopAndTheShellGoesOn() throws Exception {
        shell.run("int before = 5;", 11);
        CompletableFuture<CellEvaluator.Outcome> running = CompletableFuture.supplyAsync(() -> shell.run("while (true) {}", 12));
        while (!control.isUserCodeRunning()) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        control.stop();
        CellEvaluator.Outcome outcome = running.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("Interrupted", assertInstanceOf(CellEvaluator.Failure.class, outcome).error().name());
        assertEquals(6, value("before + 1"));
    }

    @Test
    void anInterruptWhileACellCompilesStopsItBeforeItRuns() {
        // On a busy machine compiling a cell can take longer than the user waits before pressing
        // interrupt; that interrupt must still stop the cell, not be lost.
        shell.run("boolean ran = false;", 21);
        control.beginCell();
        try {
            control.stop();   // arrives before the snippet is compiled and started
            shell.shell().eval("ran = true;");
        } finally {
            control.endCell();
        }
        assertEquals(false, value("ran"));
        // An interrupt between cells concerns none: the next cell runs.
        control.stop();
        assertInstanceOf(CellEvaluator.Value.class, shell.run("ran = true", 22));
        assertEquals(true, value("ran"));
    }

    @Test
    void everyCellRunsOnTheSameThreadSoThreadLocalsSurvive() {
        shell.run("ThreadLocal<Integer> local = new ThreadLocal<>(); local.set(17);", 13);
        assertEquals(17, value("local.get()"));
        assertEquals(value("Thread.currentThread().getName()"), "phasebook-eval");
    }

    @Test
    void completenessHasJupytersThreeAnswers() {
        assertEquals("complete", shell.completeness("int x = 1;\nx"));
        assertEquals("complete", shell.completeness(""));
        assertEquals("incomplete", shell.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", shell.completeness("int y = 1;\nint z = (y +"));
        assertEquals("invalid", shell.completeness("String s = \"a string cannot span lines"));
        assertEquals("invalid", shell.completeness("int 1x = ;#"));
    }

    @Test
    void underlineMarksTheSpanOnItsLine() {
        assertEquals("    abc def\n        ^~~", CellEvaluator.underline("abc def\nnext", 4, 7));
        assertEquals(3, CellEvaluator.lineOf("a\nb\nc", 4));
    }
}
