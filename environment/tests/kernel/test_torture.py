"""Torture tests of the Phasebook kernel through a real Jupyter client.

Each test sends the cells that break naive JVM kernels (endless loops, exceptions, compile
errors, a full heap, a blown stack, stray threads, System.exit) and asserts on the messages that
come back: the reply's status, the error's ename and traceback, the output message types. After
every failure the kernel must still run a cell, with the variables defined before it intact; a
kernel that dies anywhere fails the test that killed it.
"""

import base64
import datetime
import os
import shutil
import struct
import subprocess
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

from .kernel_harness import (
    IDENTITY_HASH,
    PNG_MAGIC,
    KernelSession,
    KernelTestCase,
    strip_ansi,
)

JSHELL_INTERNALS = ("jdk.jshell", "REPL.$JShell$", "$JShell$")
OUTPUT_TYPES = ("stream", "display_data", "update_display_data", "execute_result", "error")


def png_size(data_b64):
    """(width, height) from a base64 PNG's IHDR chunk; fails unless the bytes are a PNG."""
    raw = base64.b64decode(data_b64)
    if not raw.startswith(PNG_MAGIC) or raw[12:16] != b"IHDR":
        raise AssertionError(f"not a PNG: {raw[:24]!r}")
    return struct.unpack(">II", raw[16:24])


class ProtocolTests(KernelTestCase):
    """Every reply carries "status" (basekernel 2.3.0 leaves it out of several); a cell's outputs
    are published before its reply; message dates are timestamps clients can parse."""

    def assertStatus(self, exchange, expected):
        self.assertIn("status", exchange.content, exchange.describe())
        self.assertEqual(exchange.status, expected, exchange.describe())

    def test_execute_reply_ok(self):
        self.assertStatus(self.session.execute("int statusProbe = 1;"), "ok")

    def test_execute_reply_error(self):
        exchange = self.session.execute('throw new RuntimeException("status probe");')
        self.assertStatus(exchange, "error")
        for key in ("ename", "evalue", "traceback"):
            self.assertIn(key, exchange.content, exchange.describe())

    def test_complete_reply(self):
        self.assertStatus(self.session.complete("Math.ma"), "ok")

    def test_inspect_reply(self):
        self.assertStatus(self.session.inspect("Math.abs"), "ok")

    def test_inspect_reply_when_nothing_found(self):
        exchange = self.session.inspect("noSuchNameAnywhere")
        self.assertStatus(exchange, "ok")
        self.assertFalse(exchange.content["found"], exchange.describe())

    def test_is_complete_reply(self):
        samples = (("int x = 1;", "complete"), ("if (true) {", "incomplete"), ("}", "invalid"))
        for code, expected in samples:
            with self.subTest(code=code):
                self.assertStatus(self.session.is_complete(code), expected)

    def test_history_reply(self):
        self.session.execute("int historyProbe = 2;")
        tail = self.session.history(hist_access_type="tail", n=1, output=False, raw=True)
        self.assertStatus(tail, "ok")
        session_number, line = tail.content["history"][0][:2]
        ranged = self.session.history(
            hist_access_type="range", session=session_number, start=line, stop=line + 1,
            output=False, raw=True,
        )
        self.assertStatus(ranged, "ok")
        found = self.session.history(hist_access_type="search", pattern="int historyProbe*",
                                     output=False, raw=True)
        self.assertStatus(found, "ok")

    def test_kernel_info_reply(self):
        exchange = self.session.kernel_info()
        self.assertStatus(exchange, "ok")
        self.assertEqual(exchange.content["language_info"]["name"], "java")

    def test_comm_info_reply(self):
        exchange = self.session.comm_info()
        self.assertStatus(exchange, "ok")
        self.assertIsInstance(exchange.content.get("comms"), dict, exchange.describe())

    def test_interrupt_reply_when_idle(self):
        # The next cell goes out the moment the reply arrives; an interrupt that the kernel only
        # acted on after replying would stop that cell now and then (seen once in CI), so repeat.
        for _ in range(40):
            self.assertStatus(self.session.interrupt(), "ok")
            self.assertStillRuns(self.session, "1 + 1", "2")

    def test_outputs_arrive_before_the_reply(self):
        # Clients such as jupyter_kernel_test read the reply, then expect the cell's outputs at
        # once; a kernel that renders after replying makes them time out now and then.
        cells = ["6 * 7", 'System.out.println("printed")', 'display("shown");',
                 '"text"', "java.util.List.of(1, 2, 3)", 'throw new RuntimeException("late?");']
        late = []
        for cell in cells * 3:
            exchange = self.session.execute(cell)
            (replied,) = exchange.arrived("execute_reply")
            for seconds, kind in exchange.arrivals:
                if kind in OUTPUT_TYPES and seconds > replied:
                    lag = 1000 * (seconds - replied)
                    late.append(f"{cell!r}: {kind} {lag:.1f} ms after the reply")
        self.assertEqual(late, [], "outputs published after execute_reply")

    def test_message_dates_are_full_timestamps(self):
        # jupyter_client turns ISO 8601 dates with seconds into datetime objects and leaves
        # anything coarser as a string.
        exchange = self.session.execute("6 * 7")
        for msg in [exchange.reply] + exchange.outputs:
            date = msg["header"]["date"]
            self.assertIsInstance(date, datetime.datetime, f"{msg['msg_type']} date {date!r}")


class ShutdownTests(KernelTestCase):
    shared_kernel = False

    def test_shutdown_reply_and_exit(self):
        session = KernelSession(self.kernel_name)
        try:
            exchange = session.shutdown()
            self.assertIn("status", exchange.content, exchange.describe())
            self.assertEqual(exchange.status, "ok", exchange.describe())
            self.assertIs(exchange.content.get("restart"), False, exchange.describe())
            self.assertConforms(session.protocol_errors)
            deadline = time.monotonic() + 10
            while session.alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertFalse(session.alive(), "kernel still running 10 s after shutdown_reply")
        finally:
            session.close()


class InterruptTests(KernelTestCase):
    """interrupt_request on the control channel stops a running cell; the kernel goes on."""

    shared_kernel = False

    def interrupt_cell(self, session, code, running=1.0):
        """Starts ``code``, lets it run for ``running`` s, interrupts it; returns both exchanges."""
        msg_id = session.start_execute(code)
        session.wait(msg_id, 15, lambda e: "busy" in e.states)
        session.pump(running)
        running = session.in_flight(msg_id)
        self.assertIsNone(running.reply, "ended before the interrupt: " + running.describe())
        interrupt = session.interrupt()
        self.assertEqual(interrupt.status, "ok", interrupt.describe())
        cell = session.finish_execute(msg_id, timeout=10)
        return cell, interrupt

    def test_interrupt_stops_busy_loop(self):
        with self.fresh_kernel() as session:
            self.assertOk(session.execute("int before = 41;"))
            cell, _ = self.interrupt_cell(session, "while (true) {}")
            self.assertEqual(cell.status, "error", cell.describe())
            self.assertEqual(len(cell.errors), 1, cell.describe())
            self.assertStillRuns(session, "before + 1", "42", timeout=10)

    def test_interrupt_stops_busy_loop_inside_a_method(self):
        with self.fresh_kernel() as session:
            self.assertOk(session.execute(
                "long spins = 0;\n"
                "void spin() {\n"
                "    while (true) { spins++; }\n"
                "}"
            ))
            cell, _ = self.interrupt_cell(session, "spin();")
            self.assertEqual(cell.status, "error", cell.describe())
            self.assertStillRuns(session, "spins > 0", "true", timeout=10)
            # The interrupted thread must not leave the next long cell interrupted as well.
            self.assertOk(session.execute("Thread.sleep(200);"))

    def test_interrupt_stops_sleep(self):
        # Sleep ends at once on the interrupt, so a stop that reaches the evaluation thread late
        # lands outside the cell; a few rounds make such a race show.
        with self.fresh_kernel() as session:
            self.assertOk(session.execute('String kept = "still here";'))
            for round_number in range(1, 5):
                cell, _ = self.interrupt_cell(session, "Thread.sleep(60_000);", running=0.5)
                said = f"round {round_number}: {cell.describe()}"
                self.assertEqual(cell.status, "error", said)
                self.assertEqual(cell.stream("stderr"), "", said)
                self.assertStillRuns(session, "kept", "still here", timeout=10)


    def test_an_error_aborts_the_cells_queued_behind_it(self):
        # "Run All" sends every cell at once; after a failing cell the rest must not run
        # (stop_on_error, as IPython does), and the kernel must serve the next request normally.
        with self.fresh_kernel() as session:
            self.assertOk(session.execute("int ran = 0;"))
            failing = session.start_execute("Thread.sleep(300); throw new IllegalStateException(\"stop here\");")
            queued = [session.start_execute("ran++;") for _ in range(3)]
            self.assertEqual(session.finish_execute(failing, timeout=15).status, "error")
            for msg_id in queued:
                cell = session.finish_execute(msg_id, timeout=15)
                self.assertEqual(cell.status, "aborted", cell.describe())
            self.assertStillRuns(session, "ran", "0", timeout=10)
            # Without stop_on_error the queue runs on.
            failing = session.start_execute("throw new IllegalStateException();", stop_on_error=False)
            after = session.start_execute("ran++;")
            self.assertEqual(session.finish_execute(failing, timeout=15).status, "error")
            self.assertEqual(session.finish_execute(after, timeout=15).status, "ok")
            # jupyter_kernel_test 0.4.5's schema knows only the old spelling "abort"; ipykernel,
            # jupyter_client and the messaging spec say "aborted", which is what front ends read.
            session.protocol_errors[:] = [e for e in session.protocol_errors if "'aborted'" not in e]

    def test_a_cell_sent_after_the_error_reply_runs(self):
        # Only requests that were waiting when the cell failed are aborted. One sent the moment
        # the error reply arrives must run: the kernel once looked for waiting requests after the
        # reply had gone out, and so now and then aborted the next cell of a student who simply
        # ran it again. Many rounds, since the window was a few microseconds wide.
        with self.fresh_kernel() as session:
            self.assertOk(session.execute("int after = 0;"))
            for round_number in range(1, 41):
                failed = session.execute('throw new IllegalStateException("round");')
                self.assertEqual(failed.status, "error", failed.describe())
                cell = session.execute("++after")
                self.assertEqual(cell.status, "ok", f"round {round_number}: {cell.describe()}")
            self.assertStillRuns(session, "after", "40", timeout=10)


class ExceptionTests(KernelTestCase):
    """Uncaught exceptions: the class name, the message, the user's frames at cell lines."""

    def test_exception_in_user_method_shows_user_frames(self):
        cell = textwrap.dedent("""\
            int zero = 0;
            int divide(int a, int b) {
                return a / b;
            }
            divide(6, zero)""")
        exchange = self.session.execute(cell)
        error = self.assertCellError(exchange)
        self.assertEqual(error["ename"], "java.lang.ArithmeticException", exchange.describe())
        self.assertIn("/ by zero", error["evalue"], exchange.describe())
        traceback = exchange.traceback
        self.assertIn("divide", traceback)
        # `return a / b;` is line 3 of the cell (line 2 of JShell's snippet for divide).
        self.assertRegex(traceback, r"(?i)\bline\s*3\b|:3\)")
        for internal in JSHELL_INTERNALS:
            self.assertNotIn(internal, traceback)
        self.assertStillRuns(self.session, "zero + 1", "1")

    def test_thrown_exception_keeps_its_message(self):
        exchange = self.session.execute('throw new IllegalStateException("orbit left the basin");')
        error = self.assertCellError(exchange)
        self.assertEqual(error["ename"], "java.lang.IllegalStateException", exchange.describe())
        self.assertIn("orbit left the basin", error["evalue"], exchange.describe())
        self.assertIn("orbit left the basin", exchange.traceback)
        for internal in JSHELL_INTERNALS:
            self.assertNotIn(internal, exchange.traceback)

    def test_exception_with_cause_shows_the_cause(self):
        cell = textwrap.dedent("""\
            try {
                Integer.parseInt("sigma");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad parameter", e);
            }""")
        exchange = self.session.execute(cell)
        error = self.assertCellError(exchange)
        self.assertEqual(error["ename"], "java.lang.IllegalArgumentException", exchange.describe())
        self.assertIn("NumberFormatException", exchange.traceback)
        self.assertIn('"sigma"', exchange.traceback)

    def test_state_survives_exceptions(self):
        self.assertOk(self.session.execute("double rho = 28.0;"))
        self.assertCellError(self.session.execute("Object o = null; o.hashCode();"))
        self.assertStillRuns(self.session, "rho", "28.0")


class CompileErrorTests(KernelTestCase):
    """javac's diagnostics reach the user with the source text they point at."""

    def assertCompileError(self, code, message, source, span):
        """javac's ``message``, the ``source`` line, and a caret under ``span`` where it starts."""
        exchange = self.session.execute(code)
        error = self.assertCellError(exchange)
        self.assertIn("Compil", error["ename"], exchange.describe())
        traceback = exchange.traceback
        self.assertIn(message, traceback, exchange.describe())
        lines = traceback.splitlines()
        shown = [i for i, line in enumerate(lines) if source in line]
        self.assertTrue(shown, f"source {source!r} not shown in:\n{traceback}")
        line = lines[shown[0]]
        marker = lines[shown[0] + 1] if shown[0] + 1 < len(lines) else ""
        self.assertEqual(marker.find("^"), line.index(span),
                         f"the marker does not start under {span!r}:\n{line}\n{marker}")
        return exchange

    def test_type_error(self):
        self.assertOk(self.session.execute('String label = "orbit";'))
        self.assertCompileError("int size = 1 +\n    label * 2;", "bad operand types", "label * 2;",
                                "label")
        self.assertStillRuns(self.session, "label.length()", "5")

    def test_unknown_symbol(self):
        self.assertCompileError("int y = missingVariable * 2;", "cannot find symbol",
                                "int y = missingVariable * 2;", "missingVariable")

    def test_syntax_error(self):
        self.assertCompileError("int x = ;", "illegal start of expression", "int x = ;", ";")

    def test_error_in_second_statement_of_a_cell(self):
        exchange = self.assertCompileError("int firstOk = 1;\nString wrong = 42;",
                                           "incompatible types", "String wrong = 42;", "42")
        self.assertRegex(exchange.traceback, r"\bline 2\b")
        self.assertStillRuns(self.session, "3 * 3", "9")


class ResourceExhaustionTests(KernelTestCase):
    shared_kernel = False

    def test_out_of_memory_is_reported_and_survived(self):
        # A 1 GiB heap fills in a second or two instead of a quarter of the machine's memory.
        with self.fresh_kernel(extra_env={"JAVA_TOOL_OPTIONS": "-Xmx1g"}) as session:
            heap = session.execute("Runtime.getRuntime().maxMemory() <= 1L << 30")
            self.assertResult(heap, "true")
            self.assertOk(session.execute("int survivor = 99;"))
            self.assertOk(session.execute(textwrap.dedent("""\
                void exhaust() {
                    java.util.List<byte[]> hog = new java.util.ArrayList<>();
                    while (true) hog.add(new byte[64 * 1024 * 1024]);
                }""")))
            exchange = session.execute("exhaust();", timeout=120)
            error = self.assertCellError(exchange)
            self.assertIn("OutOfMemoryError", error["ename"], exchange.describe())
            self.assertStillRuns(session, "survivor + 1", "100")
            # The heap is usable again once the cell's garbage is gone.
            self.assertStillRuns(session, "new byte[256 * 1024 * 1024].length", "268435456")
            # One array larger than the heap fails at once without filling it.
            error = self.assertCellError(session.execute("long[] huge = new long[2_000_000_000];"))
            self.assertIn("OutOfMemoryError", error["ename"])
            self.assertStillRuns(session, "survivor", "99")


class FailureSurvivalTests(KernelTestCase):
    """Stack overflow, stray threads and System.exit leave the kernel and its state alive."""

    def test_stack_overflow(self):
        self.assertOk(self.session.execute(
            "int deepest = 0;\n"
            "int descend(int depth) {\n"
            "    deepest = depth;\n"
            "    return descend(depth + 1) + 1;\n"
            "}"
        ))
        exchange = self.session.execute("descend(0)")
        error = self.assertCellError(exchange)
        self.assertEqual(error["ename"], "java.lang.StackOverflowError", exchange.describe())
        self.assertIn("descend", exchange.traceback)
        self.assertStillRuns(self.session, "deepest > 1000", "true")

    def test_stack_overflow_traceback_stays_readable(self):
        self.assertOk(self.session.execute("int plunge(int n) { return plunge(n + 1); }"))
        exchange = self.session.execute("plunge(0)")
        self.assertCellError(exchange)
        lines = exchange.traceback.splitlines()
        self.assertLess(len(lines), 100, "a stack overflow floods the notebook with "
                        f"{len(lines)} traceback lines")

    def test_background_thread_output_during_cell(self):
        exchange = self.session.execute(textwrap.dedent("""\
            Thread worker = new Thread(() -> System.out.println("hello from a worker"));
            worker.start();
            worker.join();"""))
        self.assertOk(exchange)
        self.assertIn("hello from a worker", exchange.stream("stdout"), exchange.describe())

    def test_background_thread_output_after_cell(self):
        self.assertOk(self.session.execute(textwrap.dedent("""\
            new Thread(() -> {
                try { Thread.sleep(500); } catch (InterruptedException e) { }
                System.out.println("late worker line");
            }).start();""")))
        later = self.session.execute("Thread.sleep(2000);")
        self.assertOk(later)
        self.session.drain(0.5)
        streams = [m for m in later.outputs + self.session.unclaimed if m["msg_type"] == "stream"]
        self.assertTrue(
            any("late worker line" in m["content"]["text"] for m in streams),
            "output printed by a thread after its cell ended was lost: "
            + repr([m["content"] for m in streams]),
        )
        self.assertStillRuns(self.session, '"after the worker"', "after the worker")

    def test_uncaught_exception_in_background_thread(self):
        self.assertOk(self.session.execute("int beforeWorker = 5;"))
        exchange = self.session.execute(textwrap.dedent("""\
            Thread failing = new Thread(() -> {
                throw new IllegalStateException("worker failed");
            });
            failing.start();
            failing.join();"""))
        self.assertEqual(exchange.status, "ok", exchange.describe())
        self.assertIn("worker failed", exchange.stream("stderr"), exchange.describe())
        self.assertStillRuns(self.session, "beforeWorker", "5")

    def assertExitRefused(self, code):
        self.assertOk(self.session.execute("int keep = 7;"))
        exchange = self.session.execute(code)
        error = self.assertCellError(exchange)
        said = " ".join([error["ename"], error["evalue"], exchange.traceback])
        self.assertIn("System.exit", said, exchange.describe())
        self.session.drain(0.5)
        self.session.check_alive(f"after {code}")
        self.assertStillRuns(self.session, "keep", "7")

    def test_system_exit_is_refused(self):
        self.assertExitRefused("System.exit(1);")

    def test_system_exit_in_a_method_is_refused(self):
        self.assertOk(self.session.execute("void quit() { System.exit(0); }"))
        self.assertExitRefused("quit();")

    def test_runtime_exit_is_refused(self):
        self.assertExitRefused("Runtime.getRuntime().exit(2);")


class DisplayTests(KernelTestCase):
    """display(), updateDisplay(), clearOutput() and the rich renderings."""

    CHART = textwrap.dedent("""\
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder()
            .width(400).height(300).title("parabola").build();
        chart.addSeries("y = x^2", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
        """)

    def assertNoIdentityHash(self, exchange):
        for text in exchange.plain_texts():
            self.assertIsNone(IDENTITY_HASH.search(text), f"identity hash in text/plain: {text!r}")

    def test_last_expression_is_the_result(self):
        self.assertResult(self.session.execute("6*7"), "42")
        self.assertResult(self.session.execute("int a = 6;\nint b = 7;\na * b"), "42")
        self.assertResult(self.session.execute('String title = "Lorenz";\ntitle'), "Lorenz")

    def test_void_call_has_no_result(self):
        exchange = self.assertOk(self.session.execute('System.out.println("side effect")'))
        self.assertIn("side effect", exchange.stream("stdout"))
        self.assertEqual(exchange.of_type("execute_result"), [], exchange.describe())

    def test_output_streams_while_the_cell_runs(self):
        exchange = self.session.execute('System.out.println("tick");\nThread.sleep(2000);')
        self.assertOk(exchange)
        self.assertIn("tick", exchange.stream("stdout"))
        first_stream = min(exchange.arrived("stream"))
        reply = exchange.arrived("execute_reply")[0]
        self.assertLess(first_stream, reply - 1.0, "stdout held back until the cell ended")

    def test_display_and_update(self):
        exchange = self.session.execute(textwrap.dedent("""\
            String shown = display("first version");
            updateDisplay(shown, "second version");
            shown"""))
        self.assertOk(exchange)
        displays = exchange.of_type("display_data")
        updates = exchange.of_type("update_display_data")
        self.assertEqual(len(displays), 1, exchange.describe())
        self.assertEqual(len(updates), 1, exchange.describe())
        display_id = displays[0]["content"].get("transient", {}).get("display_id")
        self.assertTrue(display_id, exchange.describe())
        self.assertIn("first version", displays[0]["content"]["data"]["text/plain"])
        self.assertEqual(updates[0]["content"]["transient"]["display_id"], display_id)
        self.assertIn("second version", updates[0]["content"]["data"]["text/plain"])
        self.assertEqual(exchange.result.get("text/plain"), display_id, exchange.describe())
        # A later cell updates the same display.
        later = self.assertOk(self.session.execute('updateDisplay(shown, "third version");'))
        updates = later.of_type("update_display_data")
        self.assertEqual(len(updates), 1, later.describe())
        self.assertEqual(updates[0]["content"]["transient"]["display_id"], display_id)
        self.assertIn("third version", updates[0]["content"]["data"]["text/plain"])

    def test_display_statement_shows_no_id(self):
        # display() returns a fresh random id; shown as the cell's result it would put a value
        # that changes on every run under each figure.
        exchange = self.assertOk(self.session.execute('display("only this");'))
        self.assertEqual(len(exchange.of_type("display_data")), 1, exchange.describe())
        self.assertEqual(exchange.of_type("execute_result"), [], exchange.describe())

    def test_clear_output_in_order(self):
        exchange = self.assertOk(self.session.execute(textwrap.dedent("""\
            System.out.println("before clearing");
            clearOutput();
            System.out.println("after clearing");""")))
        order = []
        for m in exchange.outputs:
            if m["msg_type"] == "clear_output":
                order.append("clear")
            elif m["msg_type"] == "stream":
                text = m["content"]["text"]
                order.extend(when for when in ("before", "after") if f"{when} clearing" in text)
        self.assertEqual(order, ["before", "clear", "after"], exchange.describe())

    def test_chart_renders_as_png(self):
        exchange = self.assertOk(self.session.execute(self.CHART + "chart"))
        data = exchange.result
        self.assertIn("image/png", data, exchange.describe())
        self.assertIn("text/plain", data, exchange.describe())
        width, height = png_size(data["image/png"])
        self.assertEqual(width * 3, height * 4, f"a 400x300 chart rendered as {width}x{height}")
        self.assertGreaterEqual(width, 400)
        self.assertNoIdentityHash(exchange)

    def test_chart_as_svg_on_request(self):
        cell = self.CHART + 'display(chart, "image/svg+xml");'
        exchange = self.assertOk(self.session.execute(cell))
        displays = exchange.of_type("display_data")
        self.assertEqual(len(displays), 1, exchange.describe())
        data = displays[0]["content"]["data"]
        self.assertIn("image/svg+xml", data, exchange.describe())
        self.assertIn("<svg", data["image/svg+xml"][:2000])
        self.assertNotIn("image/png", data, "display(chart, \"image/svg+xml\") also sent a PNG")
        self.assertNoIdentityHash(exchange)

    def test_chart_as_png_on_request(self):
        exchange = self.assertOk(self.session.execute(self.CHART + 'display(chart, "image/png");'))
        displays = exchange.of_type("display_data")
        self.assertEqual(len(displays), 1, exchange.describe())
        self.assertIn("image/png", displays[0]["content"]["data"])
        self.assertNotIn("image/svg+xml", displays[0]["content"]["data"])

    def test_table_renders_as_html(self):
        exchange = self.assertOk(self.session.execute(textwrap.dedent("""\
            tech.tablesaw.api.Table orbit = tech.tablesaw.api.Table.create("orbit",
                tech.tablesaw.api.DoubleColumn.create("time", new double[] {0.0, 0.25, 0.5}),
                tech.tablesaw.api.StringColumn.create("phase",
                    new String[] {"rise", "peak", "fall"}));
            orbit""")))
        data = exchange.result
        self.assertIn("text/html", data, exchange.describe())
        self.assertIn("<table", data["text/html"])
        self.assertIn("peak", data["text/html"])
        self.assertIn("text/plain", data, exchange.describe())
        self.assertIn("phase", data["text/plain"])
        self.assertNoIdentityHash(exchange)

    def test_buffered_image_renders_as_png(self):
        exchange = self.assertOk(self.session.execute(textwrap.dedent("""\
            java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(
                8, 5, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            tile.setRGB(3, 2, 0xFFFF0000);
            tile""")))
        self.assertIn("image/png", exchange.result, exchange.describe())
        self.assertEqual(png_size(exchange.result["image/png"]), (8, 5))
        self.assertNoIdentityHash(exchange)

    def test_display_of_image_is_display_data(self):
        exchange = self.assertOk(self.session.execute(
            "display(new java.awt.image.BufferedImage(\n"
            "    4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));"
        ))
        displays = exchange.of_type("display_data")
        self.assertEqual(len(displays), 1, exchange.describe())
        self.assertEqual(png_size(displays[0]["content"]["data"]["image/png"]), (4, 4))


class MagicTests(KernelTestCase):
    """%jars and %classpath add code compiled outside the kernel; %doc pages documentation."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix="phasebook-magics-"))
        cls.jar_glob = str(cls.workdir / "lib" / "*.jar")
        cls.classes = cls.workdir / "classes"
        cls._compile("Greeter", "phasebook.demo.jar", "public static String greet(String who) "
                     '{ return "hello " + who; }', jar=True)
        cls._compile("Adder", "phasebook.demo.dir", "public static int add(int a, int b) "
                     "{ return a + b; }", jar=False)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.workdir, ignore_errors=True)

    @classmethod
    def _compile(cls, name, package, body, jar):
        source = cls.workdir / "src" / name / f"{name}.java"
        source.parent.mkdir(parents=True)
        source.write_text(f"package {package};\npublic class {name} {{ {body} }}\n")
        out = cls.workdir / f"out-{name}" if jar else cls.classes
        subprocess.run(["javac", "--release", "17", "-d", str(out), str(source)], check=True)
        if jar:
            (cls.workdir / "lib").mkdir(exist_ok=True)
            target = cls.workdir / "lib" / f"{name.lower()}.jar"
            subprocess.run(["jar", "cf", str(target), "-C", str(out), "."], check=True)

    def test_jars_magic_adds_a_jar(self):
        before = self.session.execute('phasebook.demo.jar.Greeter.greet("jar")')
        self.assertEqual(before.status, "error", "visible before %jars: " + before.describe())
        self.assertOk(self.session.execute(f"%jars {self.jar_glob}"))
        after = self.session.execute('phasebook.demo.jar.Greeter.greet("jar")')
        self.assertResult(after, "hello jar")
        self.assertOk(self.session.execute("import phasebook.demo.jar.Greeter;"))
        self.assertResult(self.session.execute('Greeter.greet("import")'), "hello import")

    def test_classpath_magic_adds_a_folder(self):
        self.assertOk(self.session.execute(f"%classpath {self.classes}"))
        self.assertResult(self.session.execute("phasebook.demo.dir.Adder.add(2, 3)"), "5")

    def test_doc_magic_pages_documentation(self):
        for code, word in (("%doc Math.abs", "abs"), ("%doc java.util.List", "List")):
            with self.subTest(code=code):
                exchange = self.assertOk(self.session.execute(code))
                payload = exchange.content.get("payload", [])
                self.assertEqual(len(payload), 1, exchange.describe())
                self.assertEqual(payload[0]["source"], "page")
                self.assertIn(word, payload[0]["data"]["text/plain"])


class EditorTests(KernelTestCase):
    """Completion, inspection, is_complete and history, as a notebook's editor uses them."""

    def test_completion_of_a_method(self):
        exchange = self.session.complete("Math.ab")
        self.assertEqual(exchange.status, "ok", exchange.describe())
        names = {match.rstrip("(") for match in exchange.content["matches"]}
        self.assertEqual(names, {"abs", "absExact"}, exchange.describe())
        self.assertEqual(exchange.content["cursor_start"], len("Math."))
        self.assertEqual(exchange.content["cursor_end"], len("Math.ab"))

    def test_completion_in_the_middle_of_a_line(self):
        code = "double y = Math.ab + 1;"
        exchange = self.session.complete(code, cursor_pos=len("double y = Math.ab"))
        names = {match.rstrip("(") for match in exchange.content["matches"]}
        self.assertIn("abs", names, exchange.describe())
        self.assertEqual(exchange.content["cursor_start"], len("double y = Math."))
        self.assertEqual(exchange.content["cursor_end"], len("double y = Math.ab"))

    def test_completion_of_a_user_variable(self):
        self.assertOk(self.session.execute("double lyapunovExponent = 0.9056;"))
        exchange = self.session.complete("lyapunovEx")
        self.assertIn("lyapunovExponent", exchange.content["matches"], exchange.describe())
        self.assertEqual(exchange.content["cursor_start"], 0)

    def test_inspection_of_a_method(self):
        exchange = self.session.inspect("Math.abs")
        self.assertEqual(exchange.status, "ok", exchange.describe())
        self.assertTrue(exchange.content["found"], exchange.describe())
        text = strip_ansi(exchange.content["data"]["text/plain"])
        self.assertIn("abs(", text)
        self.assertIn("int", text)

    def test_inspection_of_a_variable(self):
        self.assertOk(self.session.execute("double sigma = 10.0;"))
        exchange = self.session.inspect("sigma")
        self.assertTrue(exchange.content["found"], exchange.describe())
        self.assertIn("double", strip_ansi(exchange.content["data"]["text/plain"]))

    def test_is_complete(self):
        samples = {
            "complete": ["int x = 1;", "6 * 7", "int a = 1;\nint b = a + 1;"],
            "incomplete": ["if (true) {", "Math.max(1,", "int a = 1;\nif (a > 0) {"],
            "invalid": ["}", "int a = 1;\nint b = }"],
        }
        for expected, codes in samples.items():
            for code in codes:
                with self.subTest(code=code):
                    exchange = self.session.is_complete(code)
                    self.assertEqual(exchange.status, expected, exchange.describe())
                    if expected == "incomplete":
                        indent = exchange.content.get("indent")
                        self.assertIsInstance(indent, str, exchange.describe())
                        self.assertEqual(exchange.content["indent"].strip(), "")

    def test_history(self):
        cells = ["int h1 = 1;", "int h2 = h1 + 1;", "h1 + h2"]
        for cell in cells:
            self.assertOk(self.session.execute(cell))
        tail = self.session.history(hist_access_type="tail", n=3, output=False, raw=True)
        entries = tail.content["history"]
        self.assertEqual([entry[2] for entry in entries], cells, tail.describe())
        session_number, line = entries[1][:2]
        ranged = self.session.history(hist_access_type="range", session=session_number,
                                      start=line, stop=line + 1, output=False, raw=True)
        ranged_codes = [entry[2] for entry in ranged.content["history"]]
        self.assertEqual(ranged_codes, [cells[1]], ranged.describe())
        found = self.session.history(hist_access_type="search", pattern="int h2*", output=False,
                                     raw=True, unique=True)
        found_codes = [entry[2] for entry in found.content["history"]]
        self.assertEqual(found_codes, [cells[1]], found.describe())
        with_output = self.session.history(hist_access_type="tail", n=1, output=True, raw=True)
        entry = with_output.content["history"][0][2]
        self.assertEqual(len(entry), 2, with_output.describe())
        self.assertEqual(entry[0], cells[2], with_output.describe())


class StdinTests(KernelTestCase):
    """System.in: a line from the front end when the request allows it, end of input otherwise."""

    def test_reading_system_in_asks_the_front_end(self):
        code = ('var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));\n'
                'String line = in.readLine();\n'
                '"got " + line')
        msg_id = self.session.start_execute(code, allow_stdin=True)
        request = self.session.kc.get_stdin_msg(timeout=15)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.session.kc.input("forty-two")
        self.assertResult(self.session.finish_execute(msg_id, timeout=15), "got forty-two")

    def test_without_stdin_system_in_is_at_its_end(self):
        self.assertResult(self.session.execute(
            "new java.util.Scanner(System.in).hasNextLine()", allow_stdin=False), "false")


class LauncherTests(KernelTestCase):
    """What the kernelspec's launcher sets up before the JVM starts."""

    def test_native_kernels_are_pinned_where_the_cpu_allows(self):
        # One OpenBLAS and one libtorch kernel set on every AVX2 + FMA machine, so that notebooks
        # write the same bytes on different CPUs; elsewhere, or where the user chose, left alone.
        flags = set()
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
        for variable, pinned in (("OPENBLAS_CORETYPE", "Zen"), ("ATEN_CPU_CAPABILITY", "avx2")):
            chosen = os.environ.get(variable)
            expected = chosen if chosen else (pinned if {"avx2", "fma"} <= flags else "null")
            self.assertResult(self.session.execute(f'String.valueOf(System.getenv("{variable}"))'),
                              expected)

    def test_malloc_is_tuned_unless_the_user_chose(self):
        # One glibc arena that keeps libtorch's freed temporaries (the launcher says why).
        chosen = os.environ.get("GLIBC_TUNABLES")
        seen = self.session.execute('String.valueOf(System.getenv("GLIBC_TUNABLES"))')
        if chosen:
            self.assertResult(seen, chosen)
        else:
            self.assertOk(seen)
            self.assertIn("glibc.malloc.arena_max=1", seen.result.get("text/plain"), seen.describe())


if __name__ == "__main__":
    unittest.main()
