package org.phasebook.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An error as Jupyter shows it: a name ({@code ename}), a one-line message ({@code evalue}) and
 * the lines of a traceback. The factories here turn what went wrong in a cell into text a
 * student can act on: the user's own stack frames with cell and line, not JShell's machinery.
 *
 * @param name      the error's name, usually the exception's class name
 * @param message   one line saying what happened
 * @param traceback the lines shown below, with the user's frames
 */
record ErrorReport(String name, String message, List<String> traceback) {

    private static final String RED = "\u001b[0;31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    /** Frames of a stack overflow shown before eliding the repetition. */
    private static final int OVERFLOW_FRAMES = 12;

    ErrorReport {
        traceback = List.copyOf(traceback);
    }

    /** Where each snippet came from, to turn JShell's frame file names ("#12") into cell lines. */
    interface SnippetOrigins {
        /** "cell [3], line 5" for line {@code line} of snippet {@code snippetId}, or null if unknown. */
        String locate(String snippetId, int line);
    }

    /** An exception thrown by the kernel itself while serving a cell. */
    static ErrorReport ofThrowable(Throwable t, SnippetOrigins origins) {
        return ofThrowable(t, null, origins);
    }

    /**
     * An exception thrown by a cell, with its chain of causes.
     *
     * @param t          the exception as thrown
     * @param translated JShell's copy of it, whose frames in cell code name the snippet ("#12")
     *                   and the line within it; null when there is none
     */
    static ErrorReport ofThrowable(Throwable t, Throwable translated, SnippetOrigins origins) {
        List<String> lines = new ArrayList<>();
        lines.add(BOLD_RED + t.getClass().getName() + RESET + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        String hint = hint(t);
        if (hint != null) {
            lines.add(RED + hint + RESET);
        }
        appendFrames(lines, t, framesOf(t, translated), origins);
        Set<Throwable> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.add(t);
        Throwable translatedCause = translated == null ? null : translated.getCause();
        for (Throwable cause = t.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            lines.add("Caused by: " + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(lines, cause, framesOf(cause, translatedCause), origins);
            translatedCause = translatedCause == null ? null : translatedCause.getCause();
        }
        return new ErrorReport(t.getClass().getName(), t.getMessage() == null ? "" : t.getMessage(), lines);
    }

    private static String hint(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            Runtime rt = Runtime.getRuntime();
            return "The cell ran out of memory (the kernel may use at most " + (rt.maxMemory() >> 20)
                    + " MB). The kernel is still running and earlier variables are kept; set large variables "
                    + "to null, use smaller sizes, or restart the kernel.";
        }
        if (t instanceof StackOverflowError) {
            return "The call stack overflowed: a recursion that never stops? The kernel is still running.";
        }
        if (t instanceof SecurityException && String.valueOf(t.getMessage()).contains("System.exit")) {
            return "The kernel is still running and every variable is kept.";
        }
        return null;
    }

    /**
     * The original frames, with those JShell translated (cell code, named "#id" with the line in
     * the snippet) put in. JShell keeps the top of the stack in order and drops the bottom.
     */
    private static StackTraceElement[] framesOf(Throwable original, Throwable translated) {
        StackTraceElement[] frames = original.getStackTrace().clone();
        if (translated == null) {
            return frames;
        }
        StackTraceElement[] named = translated.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, named.length); i++) {
            boolean sameFrame = named[i].getMethodName().equals(frames[i].getMethodName())
                    || (frames[i].getClassName().startsWith("REPL.") && named[i].getFileName() != null
                        && named[i].getFileName().startsWith("#"));
            if (sameFrame) {
                frames[i] = named[i];
            }
        }
        return frames;
    }

    private static void appendFrames(List<String> lines, Throwable t, StackTraceElement[] frames, SnippetOrigins origins) {
        int shown = 0;
        boolean overflow = t instanceof StackOverflowError;
        boolean atTop = true;
        for (StackTraceElement frame : frames) {
            if (isMachinery(frame)) {
                break;  // below the user's code lies only the kernel's and JShell's invocation
            }
            if (atTop && isExitPath(frame)) {
                continue;  // the refusal of System.exit is not the user's code
            }
            atTop = false;
            if (overflow && shown >= OVERFLOW_FRAMES) {
                lines.add("    … " + (frames.length - shown) + " more frames (the same calls, repeated)");
                return;
            }
            lines.add("    at " + describe(frame, origins));
            shown++;
        }
    }

    private static boolean isExitPath(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.equals("org.phasebook.kernel.ExitGuard") || c.equals("java.lang.Runtime")
                || (c.equals("java.lang.System") && frame.getMethodName().equals("exit"));
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.") || c.startsWith("org.phasebook.kernel.EvaluationThreadControl");
    }

    private static String describe(StackTraceElement frame, SnippetOrigins origins) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String where = origins.locate(file.substring(1), frame.getLineNumber());
            String method = frame.getMethodName();
            String owner = ValueRenderer.cleanClassName(frame.getClassName());
            String name = method.equals("do_it$") || method.startsWith("lambda$do_it$") ? "" :
                    (owner.isEmpty() ? "" : owner + ".") + method;
            return (name.isEmpty() ? "" : name + " ") + "(" + (where != null ? where : "cell line " + frame.getLineNumber()) + ")";
        }
        return ValueRenderer.sanitize(frame.toString());
    }

    /** A compile error, shown on the offending span of the cell. */
    static ErrorReport ofCompileErrors(List<String> messages, List<String> spans) {
        List<String> lines = new ArrayList<>();
        lines.add(BOLD_RED + "The cell does not compile" + RESET);
        for (int i = 0; i < messages.size(); i++) {
            lines.add(RED + messages.get(i) + RESET);
            lines.add(spans.get(i));
        }
        return new ErrorReport("CompilationException", messages.isEmpty() ? "" : messages.get(0).replace('\n', ' '), lines);
    }

    /** The cell was stopped by the user. */
    static ErrorReport interrupted() {
        return new ErrorReport("Interrupted", "the cell was interrupted",
                List.of(BOLD_RED + "Interrupted" + RESET + ": the cell was stopped (Kernel > Interrupt). "
                        + "The kernel is still running; variables assigned before the interrupt are kept."));
    }

    /** Something else, with a plain message. */
    static ErrorReport of(String name, String message) {
        return new ErrorReport(name, message, List.of(BOLD_RED + name + RESET + ": " + message));
    }
}
