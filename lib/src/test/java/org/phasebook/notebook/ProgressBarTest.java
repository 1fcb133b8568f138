package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    /** A clock that moves only when told, and counts how often it is read. */
    static final class FakeClock implements LongSupplier {
        long nanos = 1_000_000_000L;
        int reads;

        @Override
        public long getAsLong() {
            reads++;
            return nanos;
        }
    }

    /** A display sink that remembers what it was asked to show. */
    static final class FakeSink implements DisplaySink {
        final List<Object> displayed = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<MimeBundle> updates = new ArrayList<>();

        @Override
        public String display(Object value, boolean updatable) {
            assertTrue(updatable, "a progress bar needs an updatable display");
            displayed.add(value);
            return "display-" + displayed.size();
        }

        @Override
        public void update(String displayId, Object value) {
            updatedIds.add(displayId);
            updates.add(assertInstanceOf(MimeBundle.class, value));
        }
    }

    @Test
    void headlessPrintsOneLinePerTenthWithoutTimings() {
        List<String> lines = new ArrayList<>();
        ProgressBar bar = ProgressBar.start("Integrating Lorenz", 10_000, null, lines::add, new FakeClock());
        for (int i = 0; i < 10_000; i++) {
            bar.step();
        }
        bar.close();
        assertEquals(11, lines.size(), lines.toString());
        assertEquals("Integrating Lorenz  [--------------------]   0%  0/10000", lines.get(0));
        assertEquals("Integrating Lorenz  [##########----------]  50%  5000/10000", lines.get(5));
        assertEquals("Integrating Lorenz  [####################] 100%  10000/10000", lines.get(10));
        for (String line : lines) {
            assertFalse(line.contains(" s"), "headless lines must not hold timings: " + line);
        }
    }

    @Test
    void headlessNeverFloodsWhateverTheTotal() {
        for (long total : new long[] {1, 2, 3, 7, 10, 11, 99, 1001, 123_457}) {
            List<String> lines = new ArrayList<>();
            try (ProgressBar bar = ProgressBar.start("work", total, null, lines::add, new FakeClock())) {
                for (long i = 0; i < total; i++) {
                    bar.step();
                }
            }
            assertTrue(lines.size() <= 11, total + ": " + lines.size() + " lines");
            assertTrue(lines.get(lines.size() - 1).endsWith("100%  " + total + "/" + total), lines.toString());
        }
    }

    @Test
    void aJumpPastSeveralTenthsPrintsOneLine() {
        List<String> lines = new ArrayList<>();
        ProgressBar bar = ProgressBar.start("x", 1000, null, lines::add, new FakeClock());
        bar.set(999);
        assertEquals(List.of("x  [--------------------]   0%  0/1000", "x  [###################-]  99%  999/1000"), lines);
        bar.step(5);
        assertEquals("x  [####################] 100%  1000/1000", lines.get(2));
        assertEquals(1004, bar.count());
    }

    @Test
    void closingEarlySaysStoppedAndDoneSaysComplete() {
        List<String> lines = new ArrayList<>();
        ProgressBar stopped = ProgressBar.start("y", 100, null, lines::add, new FakeClock());
        stopped.step(42);
        stopped.close();
        stopped.step(58);
        assertEquals("y  [########------------]  42%  42/100  (stopped)", lines.get(lines.size() - 1));
        assertEquals(3, lines.size(), "0%, 42% and the stopped line, nothing after close: " + lines);

        lines.clear();
        ProgressBar done = ProgressBar.start("z", 100, null, lines::add, new FakeClock());
        done.step(5);
        done.done();
        done.close();
        assertEquals(List.of("z  [--------------------]   0%  0/100", "z  [####################] 100%  100/100"), lines);
    }

    @Test
    void withoutASinkItPrintsToStandardOutput() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Notebook.install(null);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ProgressBar bar = ProgressBar.start("Sampling", 1_000_000)) {
                for (int i = 0; i < 1_000_000; i++) {
                    bar.step();
                }
            }
        } finally {
            System.setOut(before);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length);
        assertEquals("Sampling  [##########----------]  50%  500000/1000000", lines[5]);
    }

    @Test
    void fractionsSetTheCount() {
        List<String> lines = new ArrayList<>();
        ProgressBar bar = ProgressBar.start("f", 1000, null, lines::add, new FakeClock());
        DoubleConsumer progress = bar.asFraction();
        progress.accept(0.25);
        assertEquals(250, bar.count());
        progress.accept(1.0 / 3.0);
        assertEquals(333, bar.count());
        progress.accept(1.0);
        assertEquals(1000, bar.count());
        assertTrue(lines.get(lines.size() - 1).contains("100%"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> progress.accept(1.5));
        assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> progress.accept(-0.1));
        assertThrows(IllegalArgumentException.class, () -> progress.accept(Double.NaN));
    }

    @Test
    void goingBackPrintsAgainFromThere() {
        List<String> lines = new ArrayList<>();
        ProgressBar bar = ProgressBar.start("r", 10, null, lines::add, new FakeClock());
        bar.set(10);
        bar.set(0);
        bar.step(5);
        assertEquals(List.of("r  [--------------------]   0%  0/10", "r  [####################] 100%  10/10",
                "r  [--------------------]   0%  0/10", "r  [##########----------]  50%  5/10"), lines);
    }

    @Test
    void argumentsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressBar.start("t", 0, null, line -> { }, new FakeClock()));
        assertEquals("total must be > 0, got 0", e.getMessage());
        ProgressBar bar = ProgressBar.start("t", 10, null, line -> { }, new FakeClock());
        assertThrows(IllegalArgumentException.class, () -> bar.step(-1));
        assertThrows(IllegalArgumentException.class, () -> bar.set(-1));
    }

    @Test
    void aStatusFollowsTheCountInBothForms() {
        List<String> lines = new ArrayList<>();
        ProgressBar headless = ProgressBar.start("train", 10, null, lines::add, new FakeClock());
        headless.status("loss 0.5\nvalidation <1>");
        headless.set(10);
        headless.close();
        assertEquals("train  [####################] 100%  10/10  loss 0.5 validation <1>",
                lines.get(lines.size() - 1));
        FakeSink sink = new FakeSink();
        ProgressBar shown = ProgressBar.start("train", 10, sink, line -> fail(), new FakeClock());
        shown.status("a < b");
        shown.set(10);
        shown.close();
        MimeBundle last = sink.updates.get(sink.updates.size() - 1);
        assertTrue(last.plain().endsWith("10/10  a < b"), last.plain());
        assertTrue(last.data().get("text/html").contains("a &lt; b"), last.data().get("text/html"));
        shown.status("");
        assertThrows(NullPointerException.class, () -> shown.status(null));
    }

    @Test
    void inAKernelItShowsOneDisplayAndUpdatesItInPlace() {
        FakeSink sink = new FakeSink();
        FakeClock clock = new FakeClock();
        ProgressBar bar = ProgressBar.start("Training <net> & co", 200_000, sink, line -> fail(), clock);
        assertEquals(1, sink.displayed.size());
        MimeBundle first = assertInstanceOf(MimeBundle.class, sink.displayed.get(0));
        assertEquals("Training <net> & co  [--------------------]   0%  0/200000", first.plain());
        String html = first.data().get("text/html");
        assertTrue(html.contains("<progress value=\"0\" max=\"200000\""), html);
        assertTrue(html.contains("Training &lt;net&gt; &amp; co"), html);

        // 200 000 steps of 5 microseconds: one second, so about ten updates.
        for (int i = 0; i < 200_000; i++) {
            clock.nanos += 5_000;
            bar.step();
        }
        bar.close();
        assertEquals(1, sink.displayed.size(), "one display only");
        assertTrue(sink.updatedIds.stream().allMatch("display-1"::equals), sink.updatedIds.toString());
        int updates = sink.updates.size();
        assertTrue(updates >= 9 && updates <= 13, "throttled to one update per 100 ms: " + updates);
        long previous = -1;
        for (MimeBundle update : sink.updates) {
            long count = Long.parseLong(update.plain().replaceAll(".*  (\\d+)/200000.*", "$1"));
            assertTrue(count >= previous, "updates move forward");
            previous = count;
        }
        MimeBundle last = sink.updates.get(updates - 1);
        assertEquals("Training <net> & co  [####################] 100%  200000/200000", last.plain());
        assertTrue(last.data().get("text/html").contains("done in 1.0 s"), last.data().get("text/html"));
        assertTrue(sink.updates.get(0).data().get("text/html").contains("elapsed 0.1 s"),
                sink.updates.get(0).data().get("text/html"));
        assertTrue(sink.updates.get(1).data().get("text/html").contains("left"),
                sink.updates.get(1).data().get("text/html"));
    }

    @Test
    void aTightLoopReadsTheClockRarelyAndReachingTheTotalIsShownAtOnce() {
        FakeSink sink = new FakeSink();
        FakeClock clock = new FakeClock();
        ProgressBar bar = ProgressBar.start("fast", 1_000_000, sink, line -> fail(), clock);
        for (int i = 0; i < 1_000_000; i++) {
            bar.step();
        }
        assertTrue(clock.reads <= 1_100, "clock read " + clock.reads + " times for 1e6 steps");
        // The clock never moved, so no update was due; reaching the total is shown anyway.
        assertEquals(1, sink.updates.size());
        assertTrue(sink.updates.get(0).plain().contains("100%"));
        bar.close();
        assertEquals(2, sink.updates.size());
        assertTrue(sink.updates.get(1).data().get("text/html").contains("done in"));
    }

    @Test
    void anInterruptedRunIsShownAsStopped() {
        FakeSink sink = new FakeSink();
        FakeClock clock = new FakeClock();
        try (ProgressBar bar = ProgressBar.start("slow", 10, sink, line -> fail(), clock)) {
            bar.step(3);
            clock.nanos += 2_000_000_000L;
        }
        MimeBundle last = sink.updates.get(sink.updates.size() - 1);
        assertEquals("slow  [######--------------]  30%  3/10  (stopped)", last.plain());
        assertTrue(last.data().get("text/html").contains("stopped after 2.0 s"), last.data().get("text/html"));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0.4 s", ProgressBar.duration(0.42));
        assertEquals("12 s", ProgressBar.duration(12.3));
        assertEquals("3 min 05 s", ProgressBar.duration(185));
        assertEquals("2 h 07 min", ProgressBar.duration(7620));
        assertEquals("?", ProgressBar.duration(Double.NaN));
    }

    private static void fail() {
        throw new AssertionError("a bar with a sink must not print lines");
    }
}
