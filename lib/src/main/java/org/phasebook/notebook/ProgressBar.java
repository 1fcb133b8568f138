package org.phasebook.notebook;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar for a long cell.
 *
 * <p>In a Phasebook kernel ({@link Notebook#sink()} present) it is one display below the cell that
 * is updated in place: an HTML {@code <progress>} element with the label, the count, the percent,
 * the elapsed time and an estimate of the time left, plus a plain-text form such as
 * {@code Integrating Lorenz  [##########----------]  50%  5000/10000}. Updates are throttled to one
 * every {@value #MIN_UPDATE_MILLIS} ms, and the clock is read only every 1/1000 of the total, so a
 * tight loop calling {@link #step()} pays an increment and a comparison per call.
 *
 * <p>Without a sink (plain Java, JUnit) it prints the plain-text form as a line on
 * {@code System.out} when it starts and each time another tenth of the total is done, so at most
 * twelve lines per bar. These lines hold no timings, only counts, so a headless run prints the same
 * lines every time.
 *
 * <p>Typical use, with a model that reports fractions:
 *
 * <pre>{@code
 * try (var bar = ProgressBar.start("Integrating Lorenz", 1)) {
 *     trajectory = integrator.integrate(lorenz, x0, t, bar.asFraction());
 * }
 * }</pre>
 *
 * <p>or with a loop: {@code bar.step()} once per iteration. {@link #close()} (or {@link #done()})
 * shows the final state: 100% when the count reached the total, "stopped" otherwise, for example
 * when the cell was interrupted. Counts above the total are shown as the total.
 *
 * <p>A bar is meant to be driven from one thread, like the loop it measures; it is not
 * thread-safe.
 */
public final class ProgressBar implements AutoCloseable {

    /** The shortest interval between two updates of a kernel display. */
    public static final long MIN_UPDATE_MILLIS = 100;

    private static final int BAR_WIDTH = 20;
    private static final int CLOCK_CHECKS_PER_RUN = 1000;

    private final String label;
    private String status = "";
    private final long total;
    private final DisplaySink sink;
    private final Consumer<String> lines;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final String displayId;

    private long count;
    /** The fast path in {@link #step()} does nothing until the count reaches this. */
    private long nextCheck;
    private long lastUpdateNanos;
    private long lastShown = -1;
    /** Tenths of the total already printed, headless only. */
    private int printedTenths = -1;
    private boolean closed;

    private ProgressBar(String label, long total, DisplaySink sink, Consumer<String> lines, LongSupplier nanoClock) {
        Objects.requireNonNull(label, "label");
        if (total <= 0) {
            throw new IllegalArgumentException("total must be > 0, got " + total);
        }
        this.label = label;
        this.total = total;
        this.sink = sink;
        this.lines = lines;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastUpdateNanos = startNanos;
        if (sink != null) {
            displayId = sink.display(bundle(0, State.RUNNING), true);
            lastShown = 0;
            nextCheck = stride();
        } else {
            displayId = null;
            printTenthsReached();
        }
    }

    /**
     * Starts a bar: shows it at 0% in the kernel, or prints its first line without one.
     *
     * @param label what is being done, such as {@code "Integrating Lorenz"}
     * @param total the count that means done; must be &gt; 0 (use 1 with {@link #asFraction()})
     */
    public static ProgressBar start(String label, long total) {
        return new ProgressBar(label, total, Notebook.sink().orElse(null), System.out::println, System::nanoTime);
    }

    /** A bar with its outputs and clock made explicit, for tests: {@code sink} may be null, then lines go to {@code lines}. */
    static ProgressBar start(String label, long total, DisplaySink sink, Consumer<String> lines, LongSupplier nanoClock) {
        return new ProgressBar(label, total, sink, Objects.requireNonNull(lines, "lines"),
                Objects.requireNonNull(nanoClock, "nanoClock"));
    }

    /** One more unit done. */
    public void step() {
        if (++count >= nextCheck) {
            refresh();
        }
    }

    /**
     * {@code n} more units done.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public void step(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        count += n;
        if (count >= nextCheck) {
            refresh();
        }
    }

    /**
     * Sets how many units are done; may go back, for example when a loop restarts.
     *
     * @throws IllegalArgumentException if {@code done < 0}
     */
    public void set(long done) {
        if (done < 0) {
            throw new IllegalArgumentException("done must be >= 0, got " + done);
        }
        boolean back = done < count;
        count = done;
        if (back) {
            printedTenths = -1;
            nextCheck = 0;
        }
        if (count >= nextCheck) {
            refresh();
        }
    }

    /**
     * This bar as the progress callback that model packages take: each fraction {@code f} in
     * [0, 1] sets the count to {@code round(f * total)}. Use a total of 1 when only fractions are
     * reported, or the real count when the fractions stand for one.
     *
     * @return a consumer that throws {@link IllegalArgumentException} for a fraction outside [0, 1] or NaN
     */
    public DoubleConsumer asFraction() {
        return fraction -> {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("progress fraction must be in [0, 1], got " + fraction);
            }
            set(Math.round(fraction * total));
        };
    }

    /** The units done so far, as counted (it may exceed the total). */
    public long count() {
        return count;
    }

    /** The count that means done. */
    public long total() {
        return total;
    }

    /** Marks the work complete: shows 100% and closes the bar. */
    public void done() {
        if (!closed) {
            if (count < total) {
                set(total);
            }
            close();
        }
    }

    /**
     * Shows the final state, 100% if the count reached the total and "stopped" at the current count
     * otherwise; later calls to any method change nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        long shown = shown();
        boolean complete = shown >= total;
        if (sink != null) {
            sink.update(displayId, bundle(shown, complete ? State.COMPLETE : State.STOPPED));
        } else {
            printTenthsReached();
            if (!complete) {
                lines.accept(plain(shown) + "  (stopped)");
            }
        }
        closed = true;
        nextCheck = Long.MAX_VALUE;
    }

    private void refresh() {
        if (closed) {
            nextCheck = Long.MAX_VALUE;
            return;
        }
        if (sink == null) {
            printTenthsReached();
            return;
        }
        long shown = shown();
        nextCheck = count + stride();
        long now = nanoClock.getAsLong();
        boolean due = now - lastUpdateNanos >= MIN_UPDATE_MILLIS * 1_000_000L;
        // Reaching the total is shown at once: it may be the last call before a slow final phase.
        boolean reachedTotal = shown >= total && lastShown < total;
        if ((due && shown != lastShown) || reachedTotal) {
            sink.update(displayId, bundle(shown, State.RUNNING));
            lastUpdateNanos = now;
            lastShown = shown;
        }
    }

    private void printTenthsReached() {
        long shown = shown();
        int tenths = printedTenths;
        while (tenths < 10 && shown >= countForTenths(tenths + 1)) {
            tenths++;
        }
        if (tenths > printedTenths) {
            printedTenths = tenths;
            lines.accept(plain(shown));
        }
        nextCheck = tenths < 10 ? countForTenths(tenths + 1) : Long.MAX_VALUE;
    }

    /** The smallest count that is at least {@code k} tenths of the total, without overflow. */
    private long countForTenths(int k) {
        if (k <= 0) {
            return 0;
        }
        long q = total / 10;
        long r = total % 10;
        return q * k + (r * k + 9) / 10;
    }

    private long stride() {
        return Math.max(1, total / CLOCK_CHECKS_PER_RUN);
    }

    private long shown() {
        return Math.min(count, total);
    }

    private int percent(long shown) {
        if (shown >= total) {
            return 100;
        }
        return (int) Math.min(99, Math.floor(100.0 * shown / total));
    }

    private String plain(long shown) {
        int filled = (int) Math.min(BAR_WIDTH, Math.floor((double) BAR_WIDTH * shown / total));
        return label + "  [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  %d/%d", percent(shown), shown, total)
                + (status.isEmpty() ? "" : "  " + status);
    }

    /**
     * Sets a short status shown after the count, such as the current loss of a training run
     * ({@code "loss 0.672, validation 0.668"}); it appears at the next update of the bar (in a
     * headless run, on the next printed line). An empty text removes it.
     *
     * @param text the status, one line
     */
    public void status(String text) {
        Objects.requireNonNull(text, "text");
        this.status = text.replace('\n', ' ');
    }

    private enum State { RUNNING, COMPLETE, STOPPED }

    private MimeBundle bundle(long shown, State state) {
        double elapsed = (nanoClock.getAsLong() - startNanos) / 1e9;
        String timing = switch (state) {
            case RUNNING -> "elapsed " + duration(elapsed)
                    + (shown > 0 ? " · about " + duration(elapsed * (total - shown) / shown) + " left" : "");
            case COMPLETE -> "done in " + duration(elapsed);
            case STOPPED -> "stopped after " + duration(elapsed);
        };
        String html = "<div class=\"phasebook-progress\" style=\"font-family:monospace\">"
                + "<span>" + escapeHtml(label) + "</span> "
                + "<progress value=\"" + shown + "\" max=\"" + total + "\" style=\"width:20em;vertical-align:middle\"></progress> "
                + percent(shown) + "% &nbsp;" + shown + "/" + total
                + (status.isEmpty() ? "" : " &nbsp;" + escapeHtml(status))
                + " &nbsp;<span style=\"color:#666\">" + timing + "</span></div>";
        String text = plain(shown) + (state == State.STOPPED ? "  (stopped)" : "");
        return MimeBundle.html(html, text);
    }

    /** A duration for people: {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "?";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
