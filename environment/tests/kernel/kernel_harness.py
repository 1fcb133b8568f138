"""Drives one Jupyter kernel through jupyter_client and records every message it sends.

The tests in this package see the kernel only through the messaging protocol, like a notebook
server does. ``KernelSession`` starts a kernel, sends requests and gathers, for each request, its
reply and every IOPub message whose parent is that request; every message is checked against the
message schemas of ``jupyter_kernel_test`` and the violations are kept, so a test can fail on them.
A kernel that dies is reported at once with the tail of its own log instead of a timeout.
"""

import os
import re
import tempfile
import time
import unittest
from contextlib import contextmanager
from pathlib import Path
from queue import Empty

REPO_ROOT = Path(__file__).resolve().parents[3]
BUILT_KERNELSPECS = REPO_ROOT / "environment" / "kernel" / "target" / "jupyter"
KERNEL_NAME = "phasebook"


def use_built_kernelspec():
    """Points JUPYTER_PATH at the kernelspec the Maven build leaves, unless the caller chose one."""
    os.environ.setdefault("JUPYTER_PATH", str(BUILT_KERNELSPECS))


# jupyter_client reads JUPYTER_PATH whenever it looks a kernelspec up; set it before any lookup.
use_built_kernelspec()

import zmq  # noqa: E402
from jsonschema import ValidationError  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402
from jupyter_kernel_test.msgspec_v5 import validate_message  # noqa: E402

# Generous: the JVM's first cell compiles JShell itself; later cells are fast.
STARTUP_TIMEOUT = 60
CELL_TIMEOUT = 30
REQUEST_TIMEOUT = 15

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Object.toString's default "ClassName@hexhash", e.g. XYChart@791d73c5: unstable between runs.
IDENTITY_HASH = re.compile(r"[A-Za-z_$][\w$]*@[0-9a-f]{5,8}\b")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def strip_ansi(text):
    return ANSI_ESCAPE.sub("", text)


def require_kernelspec(name):
    """Fails with a message that says how to build the kernel when its kernelspec is missing."""
    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        raise AssertionError(
            f"kernelspec {name!r} not found on JUPYTER_PATH={os.environ.get('JUPYTER_PATH')!r}; "
            "build it with `mvn -B -q package -DskipTests` from the repository root"
        ) from None


class KernelDied(AssertionError):
    """The kernel process exited while a test was talking to it."""


def _parent_id(msg):
    return msg.get("parent_header", {}).get("msg_id")


def _short(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...(%d chars)" % len(text)


class Exchange:
    """One request and what came back for it: the reply and the IOPub messages it caused."""

    def __init__(self, request_type, code=None):
        self.request_type = request_type
        self.reply_type = request_type.replace("_request", "_reply")
        self.code = code
        self.sent = time.monotonic()
        self.reply = None
        self.outputs = []  # IOPub messages for this request, minus status and execute_input
        self.states = []  # execution_state values published for this request, in order
        self.arrivals = []  # (seconds after sending, msg_type) of everything that came back

    @property
    def content(self):
        return self.reply["content"]

    @property
    def status(self):
        return self.reply["content"].get("status")

    @property
    def idle(self):
        return "idle" in self.states

    def arrived(self, msg_type):
        """Seconds after sending at which messages of ``msg_type`` arrived."""
        return [seconds for seconds, kind in self.arrivals if kind == msg_type]

    def of_type(self, *msg_types):
        return [m for m in self.outputs if m["msg_type"] in msg_types]

    def stream(self, name):
        return "".join(
            m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name
        )

    @property
    def errors(self):
        return [m["content"] for m in self.of_type("error")]

    @property
    def error(self):
        errors = self.errors
        return errors[0] if errors else None

    @property
    def traceback(self):
        """The first error output's traceback as plain text, colours removed."""
        error = self.error
        return strip_ansi("\n".join(error["traceback"])) if error else ""

    @property
    def result(self):
        """The execute_result's MIME bundle, or {} when the cell produced none."""
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"] if results else {}

    def plain_texts(self):
        """Every text/plain representation this request published or returned."""
        texts = []
        for m in self.of_type("execute_result", "display_data", "update_display_data"):
            if "text/plain" in m["content"]["data"]:
                texts.append(m["content"]["data"]["text/plain"])
        return texts

    def describe(self):
        """A compact account of the exchange for assertion messages."""
        head = self.request_type if self.code is None else f"{self.request_type} {self.code!r}"
        lines = [head, "  reply: " + (_short(self.reply["content"], 600) if self.reply else "none")]
        for m in self.outputs:
            lines.append(f"  {m['msg_type']}: {_short(m['content'])}")
        lines.append(f"  states: {self.states}")
        return "\n".join(lines)


class KernelSession:
    """A running kernel and a blocking client connected to it.

    Several requests may be in flight (a cell and an interrupt); each message is filed under the
    request it answers. Messages that answer no request in flight (output from a background thread
    after its cell ended, for instance) are kept in ``unclaimed``; schema violations of any message
    in ``protocol_errors``.
    """

    def __init__(self, kernel_name=KERNEL_NAME, startup_timeout=STARTUP_TIMEOUT, extra_env=None):
        require_kernelspec(kernel_name)
        self.kernel_name = kernel_name
        self.protocol_errors = []
        self.unclaimed = []
        self._in_flight = {}  # msg_id -> Exchange
        self._log = tempfile.NamedTemporaryFile(
            prefix=f"kernel-{kernel_name}-", suffix=".log", delete=False
        )
        self.km = KernelManager(kernel_name=kernel_name)
        env = dict(os.environ, **(extra_env or {}))
        self.km.start_kernel(stdout=self._log, stderr=self._log, env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=startup_timeout)
        except RuntimeError as failure:
            log = self.log_tail()
            self.close()
            message = f"kernel {kernel_name!r} did not start: {failure}\n{log}"
            raise AssertionError(message) from None

    # ----------------------------------------------------------------------------------- life

    def alive(self):
        return self.km.is_alive()

    def log_tail(self, lines=40):
        try:
            text = Path(self._log.name).read_text(errors="replace")
        except OSError:
            return "(kernel log unreadable)"
        tail = text.splitlines()[-lines:]
        return "kernel log (last lines):\n" + "\n".join("  | " + line for line in tail)

    def check_alive(self, doing):
        if not self.alive():
            process = getattr(self.km.provisioner, "process", None)
            code = process.returncode if process is not None else None
            raise KernelDied(f"kernel died (exit code {code}) while {doing}\n{self.log_tail()}")

    def close(self):
        try:
            self.kc.stop_channels()
            # Closed now rather than by the client's __del__ at interpreter exit, which logs noise.
            self.kc.context.destroy(linger=0)
        finally:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=not self.alive())
            self._log.close()
            try:
                os.unlink(self._log.name)
            except OSError:
                pass

    # ------------------------------------------------------------------------------- messages

    def _validate(self, msg, msg_type=None, parent_id=None):
        try:
            validate_message(msg, msg_type, parent_id)
        except ValidationError as violation:
            self.protocol_errors.append(f"{msg['msg_type']}: {violation.message}")

    def _file_iopub(self, msg, arrived):
        self._validate(msg)
        exchange = self._in_flight.get(_parent_id(msg))
        if exchange is None:
            self.unclaimed.append(msg)
            return
        exchange.arrivals.append((arrived - exchange.sent, msg["msg_type"]))
        if msg["msg_type"] == "status":
            exchange.states.append(msg["content"]["execution_state"])
        elif msg["msg_type"] != "execute_input":
            exchange.outputs.append(msg)

    def _file_reply(self, msg, arrived):
        exchange = self._in_flight.get(_parent_id(msg))
        if exchange is None:
            self._validate(msg)
            self.unclaimed.append(msg)
            return
        self._validate(msg, exchange.reply_type, _parent_id(msg))
        exchange.arrivals.append((arrived - exchange.sent, msg["msg_type"]))
        exchange.reply = msg

    def _read_iopub(self, timeout, arrived=None):
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=timeout)
            except Empty:
                return
            timeout = 0
            self._file_iopub(msg, time.monotonic() if arrived is None else arrived)

    def _read_replies(self, channel, arrived):
        get = self.kc.get_control_msg if channel == "control" else self.kc.get_shell_msg
        while True:
            try:
                msg = get(timeout=0)
            except Empty:
                return
            self._file_reply(msg, arrived)

    def _pump_once(self, timeout, channel):
        """Waits up to ``timeout`` for IOPub or replies and files what came, stamped on arrival.

        One poller watches both sockets, so the stamps keep the order in which IOPub messages and
        replies reached the client, to within a poll.
        """
        replies = self.kc.control_channel if channel == "control" else self.kc.shell_channel
        poller = zmq.Poller()
        poller.register(self.kc.iopub_channel.socket, zmq.POLLIN)
        poller.register(replies.socket, zmq.POLLIN)
        ready = dict(poller.poll(timeout * 1000))
        arrived = time.monotonic()
        if self.kc.iopub_channel.socket in ready:
            self._read_iopub(0, arrived)
        if replies.socket in ready:
            self._read_replies(channel, arrived)

    def _track(self, msg_id, exchange):
        self._in_flight[msg_id] = exchange
        return msg_id

    def wait(self, msg_id, timeout, until, channel="shell"):
        """Reads messages until ``until(exchange)`` holds for the request ``msg_id``."""
        exchange = self._in_flight[msg_id]
        deadline = time.monotonic() + timeout
        while not until(exchange):
            self._pump_once(0.05, channel)
            if until(exchange):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"no answer within {timeout} s\n{exchange.describe()}")
            self.check_alive(f"waiting for the answer to {exchange.describe()}")
        return exchange

    def _finish(self, msg_id, timeout, want_idle, channel="shell"):
        if want_idle:
            exchange = self.wait(msg_id, timeout, lambda e: e.reply is not None and e.idle, channel)
        else:
            exchange = self.wait(msg_id, timeout, lambda e: e.reply is not None, channel)
            # Outputs already here belong to this request; file them before forgetting it.
            self._read_iopub(0)
        del self._in_flight[msg_id]
        return exchange

    def pump(self, seconds, channel="shell"):
        """Reads IOPub and replies for ``seconds``, filing them; returns nothing."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._pump_once(min(0.05, max(0.0, deadline - time.monotonic())), channel)
            self.check_alive("reading messages")

    def in_flight(self, msg_id):
        """The Exchange of a request sent and not yet finished."""
        return self._in_flight[msg_id]

    def drain(self, seconds):
        """Reads IOPub for ``seconds``; what answers no request in flight goes to ``unclaimed``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read_iopub(0.05)
            self.check_alive("draining output")

    # ------------------------------------------------------------------------------- requests

    def execute(self, code, timeout=CELL_TIMEOUT, **options):
        """Runs a cell and returns its Exchange once the reply and the idle status are in."""
        return self.finish_execute(self.start_execute(code, **options), timeout)

    def start_execute(self, code, **options):
        """Sends a cell without waiting; returns its msg_id for ``finish_execute``."""
        self.check_alive("sending a cell")
        exchange = Exchange("execute_request", code)
        return self._track(self.kc.execute(code, **options), exchange)

    def finish_execute(self, msg_id, timeout=CELL_TIMEOUT):
        return self._finish(msg_id, timeout, want_idle=True)

    def _shell(self, request_type, send, code=None, timeout=REQUEST_TIMEOUT):
        exchange = Exchange(request_type, code)
        return self._finish(self._track(send(), exchange), timeout, want_idle=False)

    def complete(self, code, cursor_pos=None, timeout=REQUEST_TIMEOUT):
        send = lambda: self.kc.complete(code, cursor_pos)  # noqa: E731
        return self._shell("complete_request", send, code, timeout)

    def inspect(self, code, cursor_pos=None, detail_level=0, timeout=REQUEST_TIMEOUT):
        send = lambda: self.kc.inspect(code, cursor_pos, detail_level)  # noqa: E731
        return self._shell("inspect_request", send, code, timeout)

    def is_complete(self, code, timeout=REQUEST_TIMEOUT):
        return self._shell("is_complete_request", lambda: self.kc.is_complete(code), code, timeout)

    def history(self, timeout=REQUEST_TIMEOUT, **query):
        return self._shell("history_request", lambda: self.kc.history(**query), None, timeout)

    def kernel_info(self, timeout=REQUEST_TIMEOUT):
        return self._shell("kernel_info_request", self.kc.kernel_info, None, timeout)

    def comm_info(self, target_name=None, timeout=REQUEST_TIMEOUT):
        send = lambda: self.kc.comm_info(target_name)  # noqa: E731
        return self._shell("comm_info_request", send, None, timeout)

    def interrupt(self, timeout=REQUEST_TIMEOUT):
        """Sends interrupt_request on the control channel and returns its Exchange."""
        msg = self.kc.session.msg("interrupt_request", {})
        self._track(msg["header"]["msg_id"], Exchange("interrupt_request"))
        self.kc.control_channel.send(msg)
        return self._finish(msg["header"]["msg_id"], timeout, want_idle=False, channel="control")

    def shutdown(self, timeout=REQUEST_TIMEOUT):
        """Asks the kernel to shut down (control channel); returns the Exchange."""
        msg_id = self._track(self.kc.shutdown(restart=False), Exchange("shutdown_request"))
        exchange = self._in_flight[msg_id]
        deadline = time.monotonic() + timeout
        # The kernel may exit right after replying, so no liveness check here.
        while exchange.reply is None and time.monotonic() < deadline:
            self._pump_once(0.05, "control")
        del self._in_flight[msg_id]
        if exchange.reply is None:
            raise AssertionError(f"no shutdown_reply within {timeout} s")
        return exchange


class KernelTestCase(unittest.TestCase):
    """Base for tests that talk to kernels.

    With ``shared_kernel`` (the default) the class shares one kernel; a test that kills it fails,
    and the next test gets a fresh one. Tests that need isolation start their own with
    ``fresh_kernel()``. A test also fails when a kernel sent a message that violates the message
    schemas while it ran.
    """

    kernel_name = KERNEL_NAME
    shared_kernel = True
    session = None

    @classmethod
    def setUpClass(cls):
        if cls.shared_kernel:
            cls.session = KernelSession(cls.kernel_name)

    @classmethod
    def tearDownClass(cls):
        if cls.session is not None:
            cls.session.close()
            cls.session = None

    def setUp(self):
        if self.session is None:
            return
        if not self.session.alive():
            type(self).session.close()
            type(self).session = KernelSession(self.kernel_name)
        self._violations_before = len(self.session.protocol_errors)

    def tearDown(self):
        if self.session is None:
            return
        self.session.check_alive("the test ended")
        self.assertConforms(self.session.protocol_errors[self._violations_before:])

    @contextmanager
    def fresh_kernel(self, extra_env=None):
        """A kernel of its own for a test whose cells could disturb others."""
        session = KernelSession(self.kernel_name, extra_env=extra_env)
        try:
            yield session
            session.check_alive("the test ended")
            self.assertConforms(session.protocol_errors)
        finally:
            session.close()

    # ---------------------------------------------------------------------------- assertions

    def assertConforms(self, violations):
        if violations:
            listed = "\n  ".join(violations)
            self.fail(f"kernel sent messages that violate the message spec:\n  {listed}")

    def assertOk(self, exchange):
        self.assertEqual(exchange.status, "ok", exchange.describe())
        self.assertEqual(exchange.errors, [], exchange.describe())
        return exchange

    def assertCellError(self, exchange):
        """The cell failed: an error reply and exactly one error output; returns that output."""
        self.assertEqual(exchange.status, "error", exchange.describe())
        self.assertEqual(len(exchange.errors), 1, exchange.describe())
        error = exchange.error
        for key in ("ename", "evalue", "traceback"):
            self.assertIn(key, error, exchange.describe())
        self.assertEqual(exchange.content.get("ename"), error["ename"], exchange.describe())
        return error

    def assertResult(self, exchange, text):
        """The cell succeeded and its value shows as ``text`` in text/plain."""
        self.assertOk(exchange)
        self.assertEqual(exchange.result.get("text/plain"), text, exchange.describe())

    def assertStillRuns(self, session, code, expected, timeout=CELL_TIMEOUT):
        """The kernel answers a following cell, so state defined before the failure survived."""
        self.assertResult(session.execute(code, timeout=timeout), expected)
