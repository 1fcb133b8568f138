#!/usr/bin/python3
"""Start-up and round-trip latency of the Phasebook kernel beside Debian's IPython kernel.

Measures, for each kernel, in one run so that both see the same machine load:
  (a) launch to the first kernel_info_reply,
  (b) launch to the execute_reply of the first trivial cell, sent as soon as (a) arrived,
      as a notebook does; (a) and (b) over several cold starts (median and min);
  (c) a trivial cell's round trip, from sending execute_request to its execute_reply and to the
      idle status that ends it, after a few warm-up cells (median and 90th percentile); with
      --rounds R, R times in fresh kernels, reporting the median of the R medians and their
      range (a single kernel's median moves by a quarter from run to run on a shared VM).
Then prints them side by side with the targets (first cell < 3 s, trivial cell median < 30 ms).

The kernels are launched by jupyter_client's KernelManager; the messages go through plain
synchronous ZeroMQ sockets with jupyter_client's Session, so that the client adds as little as it
can. The client reconnects every 10 ms instead of ZeroMQ's 100 ms while the kernel has not yet
bound its ports, so launch times are not rounded up by the client.

Usage: /usr/bin/python3 environment/bench/kernel_bench.py [--runs 5] [--cells 100]
           [--warmup 10] [--rounds 1] [--kernels phasebook,python3] [--json results.json]
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# The kernelspec the Maven build leaves; an explicit JUPYTER_PATH wins.
BUILT_KERNELSPECS = REPO_ROOT / "environment" / "kernel" / "target" / "jupyter"
os.environ.setdefault("JUPYTER_PATH", str(BUILT_KERNELSPECS))

import zmq  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

TRIVIAL_CELL = "1 + 1"
FIRST_CELL_TARGET_S = 3.0
TRIVIAL_CELL_TARGET_S = 0.030
STARTUP_TIMEOUT_S = 90.0
CELL_TIMEOUT_S = 30.0


class BenchError(RuntimeError):
    pass


class Connection:
    """Synchronous shell and IOPub sockets to one kernel, signed with its session key."""

    def __init__(self, km, context):
        self.km = km
        self.session = km.session
        info = km.get_connection_info()
        address = f"{info['transport']}://{info['ip']}:"
        self.shell = context.socket(zmq.DEALER)
        self.shell.linger = 0
        self.shell.connect(address + str(info["shell_port"]))
        self.iopub = context.socket(zmq.SUB)
        self.iopub.linger = 0
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.connect(address + str(info["iopub_port"]))
        self.poller = zmq.Poller()
        self.poller.register(self.shell, zmq.POLLIN)
        self.poller.register(self.iopub, zmq.POLLIN)

    def send(self, msg_type, content):
        return self.session.send(self.shell, msg_type, content)["header"]["msg_id"]

    def execute(self, code):
        return self.send("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True,
        })

    def await_answer(self, msg_id, timeout, want_idle):
        """Seconds (perf_counter) at which the reply, and the idle status if wanted, arrived."""
        replied = idle = None
        deadline = time.perf_counter() + timeout
        while replied is None or (want_idle and idle is None):
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise BenchError(f"no answer to {msg_id} within {timeout} s")
            if not self.km.is_alive():
                raise BenchError("the kernel died")
            for socket, _ in self.poller.poll(min(remaining, 0.5) * 1000):
                now = time.perf_counter()
                _, msg = self.session.recv(socket, mode=zmq.NOBLOCK)
                if msg is None or msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if socket is self.shell:
                    replied = now
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = now
        return replied, idle

    def close(self):
        self.shell.close()
        self.iopub.close()


def launch(kernel_name, context):
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return km, started, Connection(km, context)


def stop(km, connection):
    connection.close()
    km.shutdown_kernel(now=False)


def cold_start(kernel_name, context):
    """One launch: seconds to kernel_info_reply and to the first cell's execute_reply."""
    km, started, connection = launch(kernel_name, context)
    try:
        info_id = connection.send("kernel_info_request", {})
        info_at, _ = connection.await_answer(info_id, STARTUP_TIMEOUT_S, want_idle=False)
        cell_id = connection.execute(TRIVIAL_CELL)
        cell_at, _ = connection.await_answer(cell_id, CELL_TIMEOUT_S, want_idle=False)
        return info_at - started, cell_at - started
    finally:
        stop(km, connection)


def round_trips(kernel_name, context, cells, warmup):
    """Seconds from execute_request to execute_reply and to idle, for ``cells`` trivial cells."""
    km, _, connection = launch(kernel_name, context)
    try:
        # IOPub drops what is published before the subscription reaches the kernel: ask for
        # kernel_info until its idle status comes through, so every later idle is seen.
        deadline = time.perf_counter() + STARTUP_TIMEOUT_S
        while True:
            try:
                connection.await_answer(connection.send("kernel_info_request", {}), 2.0, True)
                break
            except BenchError:
                if time.perf_counter() > deadline or not km.is_alive():
                    raise
        for _ in range(warmup):
            connection.await_answer(connection.execute(TRIVIAL_CELL), CELL_TIMEOUT_S, True)
        to_reply, to_idle = [], []
        for _ in range(cells):
            sent = time.perf_counter()
            replied, idle = connection.await_answer(
                connection.execute(TRIVIAL_CELL), CELL_TIMEOUT_S, True
            )
            to_reply.append(replied - sent)
            to_idle.append(idle - sent)
        return to_reply, to_idle
    finally:
        stop(km, connection)


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(kernel_name, runs, cells, warmup, rounds, context):
    print(f"  {kernel_name}: {runs} cold starts", end="", flush=True)
    info, first = [], []
    for _ in range(runs):
        to_info, to_first = cold_start(kernel_name, context)
        info.append(to_info)
        first.append(to_first)
        print(".", end="", flush=True)
    print(f" {rounds} x {cells} cells", end="", flush=True)
    to_reply, to_idle = [], []
    for _ in range(rounds):
        replied, idle = round_trips(kernel_name, context, cells, warmup)
        to_reply.append(replied)
        to_idle.append(idle)
        print(".", end="", flush=True)
    print(" done", flush=True)
    return {
        "kernel_info_s": info,
        "first_cell_s": first,
        "cell_reply_s": to_reply,  # one list per round
        "cell_idle_s": to_idle,
    }


def round_median(rounds):
    """The median of the per-round medians: the figure judged against the target."""
    return statistics.median(statistics.median(r) for r in rounds)


def pooled(rounds):
    return [x for r in rounds for x in r]


def cell_figures(rounds):
    """'median / p90', or with several rounds 'median of medians (min-max) / pooled p90'."""
    medians = [statistics.median(r) for r in rounds]
    spread = "" if len(rounds) == 1 else f" ({millis(min(medians))}-{millis(max(medians))})"
    return f"{millis(round_median(rounds))}{spread} / {millis(percentile(pooled(rounds), 0.9))}"


def seconds(value):
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def millis(value):
    return f"{value * 1000:.1f} ms"


def verdict(value, target):
    return "PASS" if value < target else "MISS"


def report(results, args):
    names = list(results)
    cell_statistic = "median / p90" if args.rounds == 1 else "median of round medians (range) / p90"
    rows = [
        ("launch -> kernel_info_reply", "median / min", "-",
         lambda r: (f"{seconds(statistics.median(r['kernel_info_s']))} / "
                    f"{seconds(min(r['kernel_info_s']))}"), None),
        ("launch -> first cell's reply", "median / min", f"< {FIRST_CELL_TARGET_S:g} s",
         lambda r: (f"{seconds(statistics.median(r['first_cell_s']))} / "
                    f"{seconds(min(r['first_cell_s']))}"),
         lambda r: verdict(statistics.median(r["first_cell_s"]), FIRST_CELL_TARGET_S)),
        ("trivial cell -> execute_reply", cell_statistic, f"< {TRIVIAL_CELL_TARGET_S * 1000:g} ms",
         lambda r: cell_figures(r["cell_reply_s"]),
         lambda r: verdict(round_median(r["cell_reply_s"]), TRIVIAL_CELL_TARGET_S)),
        ("trivial cell -> idle", cell_statistic, "-",
         lambda r: cell_figures(r["cell_idle_s"]), None),
    ]
    cells = [[label, stat, target] + [show(results[n]) + (f"  {judge(results[n])}" if judge else "")
                                      for n in names]
             for label, stat, target, show, judge in rows]
    header = ["measure", "statistic", "target"] + names
    widths = [max(len(str(row[i])) for row in cells + [header]) for i in range(len(header))]

    def line(row):
        return "  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip()

    print()
    print(f"Kernel latency: {args.runs} cold starts, {args.rounds} x {args.cells} cells of "
          f"{TRIVIAL_CELL!r} after {args.warmup} warm-up cells; {os.cpu_count()} CPUs, load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(line(header))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts per kernel (default 5)")
    parser.add_argument("--cells", type=int, default=100, help="timed trivial cells (default 100)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed cells first (default 10)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="fresh kernels for the cell round trips (default 1)")
    parser.add_argument("--kernels", default="phasebook,python3",
                        help="comma-separated kernel names (default phasebook,python3)")
    parser.add_argument("--json", metavar="PATH", help="also write the raw seconds as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.cells < 1 or args.rounds < 1 or args.warmup < 0:
        parser.error("--runs, --cells and --rounds must be >= 1, --warmup >= 0")

    context = zmq.Context()
    # Reconnect quickly while a starting kernel has not bound its ports yet.
    context.setsockopt(zmq.RECONNECT_IVL, 10)
    results, failed = {}, []
    print(f"JUPYTER_PATH={os.environ['JUPYTER_PATH']}")
    for name in [k.strip() for k in args.kernels.split(",") if k.strip()]:
        try:
            results[name] = measure(name, args.runs, args.cells, args.warmup, args.rounds, context)
        except Exception as failure:  # a kernel that cannot be measured must not hide the others
            print(f"\n  {name}: FAILED: {type(failure).__name__}: {failure}", flush=True)
            failed.append(name)
    if results:
        report(results, args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    context.term()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
