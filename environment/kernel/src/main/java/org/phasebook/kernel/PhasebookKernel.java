package org.phasebook.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.IsCompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import jdk.jshell.SourceCodeAnalysis;
import org.phasebook.notebook.Notebook;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Phasebook Jupyter kernel: Java cells run by JShell inside this JVM, on the protocol base
 * of IJava ({@code jupyter-jvm-basekernel} 2.3.0).
 *
 * <p>It answers every request itself rather than through basekernel's handlers, because those
 * leave {@code "status": "ok"} out of several replies (kernel_info, complete, inspect, history,
 * comm_info, interrupt, shutdown), which Jupyter's conformance suite rejects.
 */
public final class PhasebookKernel extends BaseKernel {

    private static final String VERSION = "0.1.0";

    private final KernelConnection connection;
    private final OutputRouter router;
    private final KernelDisplay display;
    private final CellInput input;
    private final EvaluationThreadControl control = new EvaluationThreadControl();
    private final CompletableFuture<CellEvaluator> evaluator = new CompletableFuture<>();
    private final History history = new History();
    private int executionCount = 1;

    private PhasebookKernel(KernelConnection connection) {
        this.connection = connection;
        this.router = new OutputRouter(connection.getIOPub());
        this.display = new KernelDisplay(router);
        this.input = new CellInput(connection.stdinChannel());
        if (!ExitGuard.install()) {
            Logger.getLogger(PhasebookKernel.class.getName()).warning("this Java cannot refuse System.exit: "
                    + "a cell that calls it ends the kernel, and Jupyter restarts it");
        }
        setShouldReplaceStdStreams(false);  // the router owns System.out and System.err
    }

    /** Starts JShell and warms up javac in the background, while the front end connects. */
    private void startShell() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Thread starter = new Thread(() -> {
            try {
                CellEvaluator e = new CellEvaluator(control, input, out, err);
                e.warmUp();
                evaluator.complete(e);
            } catch (Throwable t) {
                evaluator.completeExceptionally(t);
            }
        }, "phasebook-jshell-start");
        starter.setDaemon(true);
        starter.start();
    }

    private CellEvaluator shell() {
        return evaluator.join();
    }

    // ---------------------------------------------------------------- handlers

    @Override
    public void becomeHandlerForConnection(JupyterConnection c) {
        super.becomeHandlerForConnection(c);  // comm handlers; the rest is replaced below
        c.setHandler(MessageType.EXECUTE_REQUEST, this::onExecute);
        c.setHandler(MessageType.COMPLETE_REQUEST, this::onComplete);
        c.setHandler(MessageType.INSPECT_REQUEST, this::onInspect);
        c.setHandler(MessageType.IS_COMPLETE_REQUEST, this::onIsComplete);
        c.setHandler(MessageType.HISTORY_REQUEST, this::onHistory);
        c.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, m) -> answer(env, MessageType.KERNEL_INFO_REPLY, kernelInfo()));
        c.setHandler(MessageType.COMM_INFO_REQUEST, (env, m) -> answer(env, MessageType.COMM_INFO_REPLY, ok(Map.of("comms", Map.of()))));
        c.setHandler(MessageType.INTERRUPT_REQUEST, (env, m) -> {
            // Stop first, then reply: a client may send its next execute_request as soon as the
            // reply arrives, and a stop still pending then would end that new cell instead
            // (seen once in CI as an "Interrupted" 1 + 1 after an interrupt sent while idle).
            control.stop();
            answer(env, MessageType.INTERRUPT_REPLY, ok(Map.of()));
        });
        c.setHandler(MessageType.SHUTDOWN_REQUEST, this::onShutdown);
        connection.setAbortHandler((env, m) -> {
            router.status(env.getContext(), "busy");
            env.reply(Messages.of(env.getContext(), MessageType.EXECUTE_REPLY, Map.of("status", "aborted")));
            router.status(env.getContext(), "idle");
        });
    }

    /** Replies with {@code content}, between a busy and an idle status. */
    private void answer(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        router.status(env.getContext(), "busy");
        env.reply(Messages.of(env.getContext(), type, content));
        router.status(env.getContext(), "idle");
    }

    private static Map<String, Object> ok(Map<String, Object> content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.putAll(content);
        return m;
    }

    private Map<String, Object> kernelInfo() {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", "java");
        language.put("version", Runtime.version().toString());
        language.put("mimetype", "text/x-java-source");
        language.put("file_extension", ".jshell");
        language.put("pygments_lexer", "java");
        language.put("codemirror_mode", "java");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("protocol_version", "5.3");
        info.put("implementation", "phasebook");
        info.put("implementation_version", VERSION);
        info.put("language_info", language);
        info.put("banner", "Phasebook (Java " + Runtime.version().feature() + ", JShell)");
        info.put("help_links", List.of());
        return ok(info);
    }

    private void onExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        router.status(env.getContext(), "busy");
        router.setParent(env.getContext());
        input.attach(env.getContext(), request.isStdinEnabled());
        boolean silent = request.isSilent();
        int count = silent ? executionCount : executionCount++;
        if (!silent) {
            router.publish(MessageType.PUBLISH_EXECUTE_INPUT, Map.of("code", request.getCode(), "execution_count", count));
        }
        if (request.shouldStoreHistory() && !silent) {
            history.add(count, request.getCode());
        }

        List<Map<String, Object>> payload = new ArrayList<>();
        ErrorReport error = null;
        Object value = null;
        boolean hasValue = false;
        try {
            Magics.Parsed parsed = Magics.parse(request.getCode());
            for (String magic : parsed.magicLines()) {
                runMagic(magic, payload);
            }
            CellEvaluator.Outcome outcome = shell().run(parsed.javaCode(), count);
            if (outcome instanceof CellEvaluator.Failure f) {
                error = f.error();
            } else if (outcome instanceof CellEvaluator.Value v) {
                value = v.value();
                hasValue = true;
            }
            if (hasValue && !silent) {
                Object shown = value;
                Map<String, String> data = control.callOnEvaluationThread(() -> ValueRenderer.render(shown, List.of()));
                router.publish(MessageType.PUBLISH_EXECUTION_RESULT,
                        Map.of("execution_count", count, "data", data, "metadata", Map.of()));
            }
        } catch (MagicException e) {
            error = ErrorReport.of("MagicError", e.getMessage());
        } catch (Throwable t) {
            // The kernel's own failure (the shell did not start, a value could not be rendered):
            // report it like a cell's, without asking the shell to place the frames.
            error = ErrorReport.ofThrowable(t, (snippetId, line) -> null);
        } finally {
            control.forgetLastValue();
        }
        router.flush();

        Map<String, Object> reply = new LinkedHashMap<>();
        if (error != null) {
            router.publish(MessageType.PUBLISH_ERROR,
                    Map.of("ename", error.name(), "evalue", error.message(), "traceback", error.traceback()));
            reply.put("status", "error");
            reply.put("execution_count", count);
            reply.put("ename", error.name());
            reply.put("evalue", error.message());
            reply.put("traceback", error.traceback());
            if (request.shouldStopOnError() && !silent) {
                connection.abortQueuedExecutions();
            }
        } else {
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("payload", payload);
            reply.put("user_expressions", userExpressions(request.getUserExpr()));
        }
        env.reply(Messages.of(env.getContext(), MessageType.EXECUTE_REPLY, reply));
        router.status(env.getContext(), "idle");
    }

    /** Evaluates the front end's user expressions (rarely used; each one independently). */
    private Map<String, Object> userExpressions(Map<String, String> expressions) {
        Map<String, Object> results = new LinkedHashMap<>();
        if (expressions == null) {
            return results;
        }
        for (var e : expressions.entrySet()) {
            CellEvaluator.Outcome outcome = shell().run(e.getValue(), executionCount);
            if (outcome instanceof CellEvaluator.Failure f) {
                results.put(e.getKey(), Map.of("status", "error", "ename", f.error().name(),
                        "evalue", f.error().message(), "traceback", f.error().traceback()));
            } else {
                Object v = outcome instanceof CellEvaluator.Value val ? val.value() : null;
                results.put(e.getKey(), Map.of("status", "ok",
                        "data", Map.of(ValueRenderer.PLAIN, ValueRenderer.text(v)), "metadata", Map.of()));
            }
        }
        return results;
    }

    /** A magic line that cannot be carried out; the message says why. */
    private static final class MagicException extends Exception {
        MagicException(String message) {
            super(message);
        }
    }

    private void runMagic(String line, List<Map<String, Object>> payload) throws MagicException {
        List<String> words = Magics.words(line);
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        Path cwd = Path.of("").toAbsolutePath();
        try {
            switch (name) {
                case "jars", "classpath" -> {
                    if (args.isEmpty()) {
                        throw new MagicException("%" + name + " needs at least one path, e.g. %" + name
                                + (name.equals("jars") ? " lib/*.jar" : " build/classes"));
                    }
                    int added = 0;
                    for (String arg : args) {
                        for (Path p : Magics.expand(arg, cwd)) {
                            if (name.equals("jars") && !p.toString().endsWith(".jar")) {
                                throw new MagicException("%jars takes .jar files; " + p + " is not one (use %classpath for folders)");
                            }
                            shell().addToClasspath(p.toString());
                            added++;
                        }
                    }
                    System.out.println("Added " + added + (added == 1 ? " entry" : " entries") + " to the classpath.");
                }
                case "doc" -> {
                    String expression = String.join(" ", args);
                    String doc = documentation(expression, expression.length());
                    payload.add(Map.of("source", "page", "data", Map.of(ValueRenderer.PLAIN,
                            doc == null ? "No documentation found for " + expression : doc), "start", 0));
                }
                case "lsmagic" -> System.out.println("Line magics: %" + String.join(", %", Magics.NAMES));
                default -> throw new MagicException("unknown magic %" + name + "; the kernel knows %"
                        + String.join(", %", Magics.NAMES));
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new MagicException("%" + name + ": " + e.getMessage());
        }
    }

    private void onComplete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        CompleteRequest request = message.getContent();
        String code = request.getCode();
        int cursor = Math.min(Math.max(0, request.getCursorPos()), code.length());
        CellEvaluator shell = shell();
        int start = shell.snippetStartAt(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.shell().sourceCodeAnalysis().completionSuggestions(code.substring(start, cursor), cursor - start, anchor);
        LinkedHashSet<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        answer(env, MessageType.COMPLETE_REPLY, ok(Map.of(
                "matches", List.copyOf(matches),
                "cursor_start", start + anchor[0],
                "cursor_end", cursor,
                "metadata", Map.of())));
    }

    private void onInspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        InspectRequest request = message.getContent();
        String code = request.getCode();
        int cursor = Math.min(Math.max(0, request.getCursorPos()), code.length());
        String doc = documentation(code, cursor);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("found", doc != null);
        content.put("data", doc == null ? Map.of() : Map.of(ValueRenderer.PLAIN, doc));
        content.put("metadata", Map.of());
        answer(env, MessageType.INSPECT_REPLY, ok(content));
    }

    /** Signatures and Javadoc of what is at the cursor; for a variable, its type. Null if nothing. */
    private String documentation(String code, int cursor) {
        CellEvaluator shell = shell();
        // Extend the cursor to the end of the identifier it is in: documentation wants it after.
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = shell.snippetStartAt(code, end);
        String snippet = code.substring(start, end);
        List<String> parts = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.shell().sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty()) {
            // JShell documents a method only at its opening parenthesis: Math.abs -> Math.abs(
            String call = snippet + "(";
            docs = analysis.documentation(call, call.length(), true);
        }
        for (SourceCodeAnalysis.Documentation d : docs) {
            String javadoc = d.javadoc();
            parts.add(d.signature() + (javadoc == null || javadoc.isBlank() ? "" : "\n" + javadoc.strip()));
        }
        if (parts.isEmpty()) {
            int idStart = end;
            while (idStart > 0 && Character.isJavaIdentifierPart(code.charAt(idStart - 1))) {
                idStart--;
            }
            String name = code.substring(idStart, end);
            shell.typeOfVariable(name).ifPresent(type -> parts.add(name + " : " + type));
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private void onIsComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        String code = message.getContent().getCode();
        String status = shell().completeness(code);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", status);
        if (status.equals("incomplete")) {
            content.put("indent", indentFor(code));
        }
        answer(env, MessageType.IS_COMPLETE_REPLY, content);
    }

    /** The indent of the last line, one level deeper after an opening brace. */
    private static String indentFor(String code) {
        String last = code.substring(code.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.strip().endsWith("{") ? indent + "    " : indent;
    }

    private void onHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        List<History.Entry> entries = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength());
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                yield history.range(r.getStart(), r.getStop());
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                yield history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique());
            }
        };
        List<Object> rows = new ArrayList<>();
        for (History.Entry e : entries) {
            rows.add(List.of(History.SESSION, e.line(), request.includeOutput() ? List.of(e.input(), "") : e.input()));
        }
        answer(env, MessageType.HISTORY_REPLY, ok(Map.of("history", rows)));
    }

    private void onShutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        answer(env, MessageType.SHUTDOWN_REPLY, ok(Map.of("restart", restart)));
        control.stop();
        env.markForShutdown();
    }

    // ------------------------------------------------- BaseKernel's abstract API

    @Override
    public DisplayData eval(String expr) {
        throw new UnsupportedOperationException("the Phasebook kernel handles execute requests itself");
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java").version(Runtime.version().toString())
                .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("java").build();
    }

    // ---------------------------------------------------------------- main

    /** Runs the kernel: {@code java org.phasebook.kernel.PhasebookKernel <connection-file>}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--training-run")) {
            trainingRun();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java org.phasebook.kernel.PhasebookKernel <connection-file.json>");
            System.exit(2);
        }
        quietLogging();
        KernelConnectionProperties properties = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        KernelConnection connection = new KernelConnection(properties);
        PhasebookKernel kernel = new PhasebookKernel(connection);
        kernel.router.install();
        System.setIn(kernel.input);
        CellFunctions.install(kernel.display);
        Notebook.install(kernel.display);
        kernel.startShell();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        ExitGuard.allowExit();
        System.exit(0);
    }

    /**
     * Exercises what a first notebook cell uses (JShell, javac, a chart and a table rendered)
     * without a front end, so that a class-data-sharing archive recorded during this run holds
     * those classes. The install step records it; the kernel then starts in about half the time.
     */
    private static void trainingRun() throws Exception {
        EvaluationThreadControl control = new EvaluationThreadControl();
        CellEvaluator shell = new CellEvaluator(control, System.in, System.out, System.err);
        shell.warmUp();
        String[] cells = {
            "int n = 3; double[] xs = {1, 2, 3}; n * 2",
            "var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).title(\"t\").build();"
                + " chart.addSeries(\"s\", xs, xs); chart",
            "var table = tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.DoubleColumn.create(\"x\", xs)); table",
            "String.valueOf(List.of(1, 2).stream().mapToInt(i -> i).sum())",
        };
        for (String cell : cells) {
            CellEvaluator.Outcome outcome = shell.run(cell, 0);
            if (outcome instanceof CellEvaluator.Value v) {
                ValueRenderer.render(v.value(), List.of());
            } else if (outcome instanceof CellEvaluator.Failure f) {
                throw new IllegalStateException("training cell failed: " + cell + "\n" + f.error().traceback());
            }
        }
        shell.completeness("for (int i = 0; i < 3; i++) {");
        shell.shell().sourceCodeAnalysis().completionSuggestions("Math.ab", 7, new int[1]);
        shell.shell().close();
    }

    /** basekernel logs every message at INFO; keep the kernel's log for warnings. */
    private static void quietLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.WARNING);
        }
    }
}
