package org.phasebook.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the Java code of a cell in JShell: splits the cell into snippets, evaluates them in order,
 * stops at the first failure, and says what the cell's value is: the value of its last
 * snippet when that is an expression without a trailing semicolon ({@code x + 1} shows the sum,
 * {@code display(chart);} shows only the chart).
 *
 * <p>All JShell calls happen on the shell thread (JShell is not thread-safe); the user code of
 * each snippet runs on the {@link EvaluationThreadControl}'s thread.
 */
final class CellEvaluator implements ErrorReport.SnippetOrigins {

    /** Imports every cell starts with: the jshell tool's defaults, and the kernel's cell functions. */
    private static final List<String> STARTUP = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static org.phasebook.kernel.CellFunctions.*;");

    /** What a cell produced. */
    sealed interface Outcome permits Value, NoValue, Failure {
    }

    /** The cell ended with an expression; {@code value} may be null. */
    record Value(Object value) implements Outcome {
    }

    /** The cell ran and has no value to show (it ended with a declaration or a statement). */
    record NoValue() implements Outcome {
    }

    /** The cell failed. */
    record Failure(ErrorReport error) implements Outcome {
    }

    /** Where a snippet's text starts: the cell's execution count and the line in that cell. */
    private record Origin(int cell, int firstLine) {
    }

    private final EvaluationThreadControl control;
    private final JShell shell;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    CellEvaluator(EvaluationThreadControl control, InputStream in, PrintStream out, PrintStream err) {
        this.control = control;
        this.shell = JShell.builder()
                .executionEngine(new EvaluationThreadControlProvider(control), Map.of())
                // keeps javac's index of the classpath from one compilation to the next; see there
                .fileManager(IndexKeepingFileManager::new)
                .in(in).out(out).err(err)
                .build();
        // The compiler must see what the kernel's JVM sees (the lib and its dependencies); at run
        // time the cells' class loader delegates to the JVM's, so each class exists only once.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String line : STARTUP) {
            List<SnippetEvent> events = shell.eval(line);
            for (SnippetEvent e : events) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("kernel start-up snippet rejected: " + line + " "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).toList());
                }
            }
        }
    }

    /** Compiles and runs a throw-away expression, so that the first real cell finds javac warm. */
    void warmUp() {
        shell.eval("int $phasebookWarmUp = java.util.List.of(1, 2).size() * 21;");
        shell.drop(shell.variables().filter(v -> v.name().equals("$phasebookWarmUp")).findFirst().orElseThrow());
    }

    JShell shell() {
        return shell;
    }

    /** Adds a jar or folder to the classpath of the compiler and of the cells. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Runs the code of one cell.
     *
     * @param code      the cell's Java code (magics already removed)
     * @param cellCount the execution count, used in error messages ("cell [3], line 2")
     */
    Outcome run(String code, int cellCount) {
        control.beginCell();
        try {
            return runCell(code, cellCount);
        } finally {
            control.endCell();
        }
    }

    private Outcome runCell(String code, int cellCount) {
        control.forgetLastValue();
        Outcome outcome = new NoValue();
        for (SnippetSource piece : split(code)) {
            List<SnippetEvent> events;
            try {
                events = shell.eval(piece.source());
            } catch (IllegalStateException closed) {
                return new Failure(ErrorReport.of("KernelError", "the Java shell has stopped: restart the kernel"));
            }
            SnippetEvent main = null;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() == null) {
                    main = e;
                    origins.put(e.snippet().id(), new Origin(cellCount, piece.firstLine()));
                }
            }
            if (control.wasStopped()) {
                return new Failure(ErrorReport.interrupted());
            }
            if (main == null) {
                continue;
            }
            if (main.status() == Snippet.Status.REJECTED) {
                return new Failure(compileError(main.snippet(), piece, code));
            }
            JShellException exception = main.exception();
            if (exception != null) {
                return new Failure(runtimeError(exception));
            }
            outcome = piece.quiet() ? new NoValue() : valueOf(main);
            dropTemporary(main.snippet());
        }
        return outcome;
    }

    /**
     * Forgets the hidden variable ($1, $2, ...) JShell makes for a bare expression. The kernel
     * has already taken its value; keeping it would hold large results in memory, and every
     * later snippet would import it, making each cell slower than the one before.
     */
    private void dropTemporary(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            shell.drop(snippet);
        }
    }

    private Outcome valueOf(SnippetEvent event) {
        Snippet snippet = event.snippet();
        boolean isExpression = switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
        if (!isExpression) {
            return new NoValue();
        }
        if (snippet instanceof VarSnippet v && "void".equals(v.typeName())) {
            return new NoValue();
        }
        return new Value(control.lastValue());
    }

    private ErrorReport runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet s = unresolved.getSnippet();
            List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
            return ErrorReport.of("UnresolvedReference", "'" + name(s) + "' cannot be used until "
                    + String.join(", ", missing) + " " + (missing.size() == 1 ? "is" : "are") + " defined");
        }
        Throwable thrown = control.lastThrowable();
        if (thrown != null) {
            return ErrorReport.ofThrowable(thrown, exception, this);
        }
        String name = exception instanceof EvalException ee ? ee.getExceptionClassName() : exception.getClass().getName();
        return ErrorReport.of(name, String.valueOf(exception.getMessage()));
    }

    private static String name(Snippet s) {
        return s instanceof jdk.jshell.DeclarationSnippet d ? d.name() : s.source();
    }

    private ErrorReport compileError(Snippet snippet, SnippetSource piece, String code) {
        List<String> messages = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        for (Diag d : diags) {
            int start = (int) Math.max(0, d.getStartPosition());
            int end = (int) Math.max(start + 1, d.getEndPosition());
            int cellStart = piece.offset() + Math.min(start, piece.source().length());
            int cellEnd = piece.offset() + Math.min(end, piece.source().length());
            int line = lineOf(code, cellStart);
            messages.add("line " + line + ": " + withoutWrapperLocation(d.getMessage(Locale.ROOT)));
            spans.add(underline(code, cellStart, cellEnd));
        }
        if (diags.isEmpty()) {
            messages.add("the code is not complete Java: " + piece.source().strip());
            spans.add("");
        }
        return ErrorReport.ofCompileErrors(messages, spans);
    }

    /** javac names JShell's invisible wrapper class as the location of a missing symbol; drop that line. */
    static String withoutWrapperLocation(String message) {
        return message.replaceAll("\\n\\s*location: class\\s*(REPL\\.\\S*)?\\s*$", "");
    }

    /** The source line holding {@code start}, and carets under {@code [start, end)} on it. */
    static String underline(String code, int start, int end) {
        start = Math.min(start, code.length());
        int lineStart = code.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = code.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = code.length();
        }
        String text = code.substring(lineStart, lineEnd);
        int from = start - lineStart;
        int to = Math.max(from + 1, Math.min(end, lineEnd) - lineStart);
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < from; i++) {
            marks.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        marks.append('^');
        for (int i = from + 1; i < to; i++) {
            marks.append('~');
        }
        return "    " + text + "\n    " + marks;
    }

    static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public String locate(String snippetId, int line) {
        Origin o = origins.get(snippetId);
        if (o == null) {
            return null;
        }
        return "cell [" + o.cell() + "], line " + (o.firstLine() + line - 1);
    }

    /**
     * One snippet of a cell: its text as JShell takes it, where it starts in the cell, its line,
     * and whether the user ended it with a semicolon (which, as in IPython, hides its value).
     */
    record SnippetSource(String source, int offset, int firstLine, boolean quiet) {
        SnippetSource(String source, int offset, int firstLine) {
            this(source, offset, firstLine, false);
        }
    }

    /** Splits a cell into the snippets JShell evaluates one by one. */
    List<SnippetSource> split(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<SnippetSource> pieces = new ArrayList<>();
        String remaining = code;
        int consumed = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int lead = leadingSpace(remaining);
            int start = consumed + lead;
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    // JShell's source keeps the white space before the snippet; without it,
                    // positions in diagnostics and lines in stack frames count from `start`.
                    String source = info.source().substring(Math.min(lead, leadingSpace(info.source())));
                    boolean typedSemicolon = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                            && source.stripTrailing().endsWith(";");
                    pieces.add(new SnippetSource(source, start, lineOf(code, start), typedSemicolon));
                    int used = remaining.length() - info.remaining().length();
                    consumed += used;
                    remaining = info.remaining();
                }
                case EMPTY -> remaining = "";
                default -> {
                    // Incomplete or unparseable: hand the rest to JShell as it is, which reports it.
                    pieces.add(new SnippetSource(remaining.substring(lead), start, lineOf(code, start)));
                    remaining = "";
                }
            }
        }
        return pieces;
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the snippet containing {@code cursor} starts in {@code code}. */
    int snippetStartAt(String code, int cursor) {
        int start = 0;
        for (SnippetSource piece : split(code.substring(0, Math.min(cursor, code.length())))) {
            start = piece.offset();
        }
        return start;
    }

    /** Jupyter's is-complete answer for a whole cell: "complete", "incomplete", "invalid". */
    String completeness(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> remaining = "";
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                default -> {
                    return "invalid";
                }
            }
        }
        return "complete";
    }

    Optional<String> typeOfVariable(String name) {
        return shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .map(VarSnippet::typeName).findFirst();
    }
}
