#!/usr/bin/python3
"""Run Phasebook notebooks headless, each in a fresh kernel, and fail on any error.

Usage (from the repository root, with Debian's Python so that nbclient is found):

    /usr/bin/python3 environment/jupyter/run_notebook.py [--scale quick|default|paper]
        [--figures-dir DIR] [--timeout SECONDS] [--output PATH] NOTEBOOK [NOTEBOOK ...]

For every notebook a new kernel is started (the kernel named in the notebook's metadata, else
``phasebook``) with ``PHASEBOOK_SCALE`` and ``PHASEBOOK_FIGURES_DIR`` in its environment and the
repository's ``notebooks/`` folder as its working directory. Code cells run in order; the run of a
notebook stops at the first cell that

* produces an error output, or whose execute reply says ``error``;
* prints an identity hash such as ``XYChart@791d73c5`` (an object shown through the default
  ``toString``, which means a renderer is missing and the output changes from run to run);
* runs longer than the per-cell timeout, or kills the kernel.

The committed notebook is never written. ``--output`` saves the executed copy elsewhere (a file
for one notebook, a folder for several) for debugging.

Exit status: 0 when every notebook passed, 1 when one failed, 2 for a usage error.
"""

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCALES = ("quick", "default", "paper")
DEFAULT_KERNEL = "phasebook"
BUILT_KERNELSPECS = REPO / "environment" / "kernel" / "target" / "jupyter"

# An object printed by Object.toString: a (possibly qualified) Java name, '@', the identity hash.
IDENTITY_HASH = re.compile(r"[A-Za-z_$][\w$.]*@[0-9a-f]{6,8}\b")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
ERROR_LINES = 8
SOURCE_LINES = 4


class NotebookFailure(Exception):
    """A notebook did not run cleanly; the message says which cell and why."""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Execute notebooks headless in a fresh kernel each; fail on any error output "
                    "or identity hash. The notebooks themselves are never modified.")
    parser.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    parser.add_argument("--scale", choices=SCALES, default="default",
                        help="sets PHASEBOOK_SCALE for the kernel (default: %(default)s)")
    parser.add_argument("--figures-dir", type=Path, default=REPO / "figures",
                        help="sets PHASEBOOK_FIGURES_DIR for the kernel (default: the repository's figures/)")
    parser.add_argument("--timeout", type=float, default=900.0,
                        help="seconds one cell may run; 0 for no limit (default: %(default)s)")
    parser.add_argument("--startup-timeout", type=float, default=180.0,
                        help="seconds the kernel may take to answer its first request (default: %(default)s)")
    parser.add_argument("--kernel", default=None,
                        help="kernel name to use instead of the one in the notebook's metadata")
    parser.add_argument("--cwd", type=Path, default=None,
                        help="the kernel's working directory (default: the repository's notebooks/, "
                             "or the notebook's own folder if that does not exist)")
    parser.add_argument("--output", type=Path, default=None,
                        help="save the executed copy here: a file for one notebook, a folder for several")
    args = parser.parse_args(argv)
    if args.timeout < 0 or args.startup_timeout <= 0:
        parser.error("--timeout must be >= 0 and --startup-timeout > 0")
    for notebook in args.notebooks:
        if notebook.suffix != ".ipynb" or not notebook.is_file():
            parser.error(f"not a notebook file: {notebook}")
    if args.output is not None:
        problem = output_problem(args.output, args.notebooks)
        if problem:
            parser.error(problem)
    return args


def output_problem(output, notebooks):
    """Why --output must not be used as given, or None. It may never overwrite a notebook."""
    targets = [output_path(output, nb, len(notebooks)) for nb in notebooks]
    committed = (REPO / "notebooks").resolve()
    for target, notebook in zip(targets, notebooks):
        resolved = target.resolve()
        if resolved == notebook.resolve():
            return f"--output {output} would overwrite the notebook {notebook}"
        if resolved.parent == committed:
            return f"--output {output} points into {committed}; save executed copies elsewhere (e.g. target/)"
    return None


def output_path(output, notebook, count):
    if count > 1 or output.is_dir():
        return output / notebook.name
    return output


def kernel_environment(args, notebook):
    env = dict(os.environ)
    env["PHASEBOOK_SCALE"] = args.scale
    env["PHASEBOOK_FIGURES_DIR"] = str(args.figures_dir.resolve())
    env["PHASEBOOK_NOTEBOOK"] = notebook.stem
    return env


def kernel_cwd(args, notebook):
    if args.cwd is not None:
        return args.cwd.resolve()
    committed = REPO / "notebooks"
    return committed if committed.is_dir() else notebook.resolve().parent


def first_lines(text, count):
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    shown = lines[:count]
    if len(lines) > count:
        rest = len(lines) - count
        shown.append(f"... ({rest} more line{'s' if rest > 1 else ''})")
    return shown


def output_texts(output):
    """The text an output shows to a reader, per MIME type; images are left out."""
    kind = output.get("output_type")
    if kind == "stream":
        yield "stream " + output.get("name", ""), output.get("text", "")
    elif kind in ("display_data", "execute_result", "update_display_data"):
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/") or mime.endswith("json"):
                text = value if isinstance(value, str) else json.dumps(value)
                yield mime, text
    elif kind == "error":
        yield "error", "\n".join(output.get("traceback", []))


def error_summary(cell):
    """The first lines of the first error output of a cell, or None."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            head = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".strip()
            trace = ANSI_ESCAPE.sub("", "\n".join(output.get("traceback", [])))
            lines = [head]
            for line in first_lines(trace, ERROR_LINES):
                if line.strip().strip("-") and line.strip() != head:
                    lines.append(line)
            return lines[:ERROR_LINES + 1]
    return None


def identity_hash(cell):
    for output in cell.get("outputs", []):
        for mime, text in output_texts(output):
            if mime == "error":
                continue
            match = IDENTITY_HASH.search(text)
            if match:
                return mime, match.group(0)
    return None


def describe(index, total, cell):
    count = cell.get("execution_count")
    prompt = f" (In [{count}])" if count else ""
    return f"cell {index + 1} of {total}{prompt}"


def failure(notebook, where, cell, reason_lines):
    lines = [f"{notebook}: {where} failed:"]
    lines += ["    " + line for line in reason_lines]
    source = first_lines(cell.get("source", ""), SOURCE_LINES)
    if source:
        lines.append("  cell source:")
        lines += ["    | " + line for line in source]
    return NotebookFailure("\n".join(lines))


def lenient_client_class():
    from nbclient import NotebookClient

    class LenientClient(NotebookClient):
        """An nbclient that lets this script judge errors.

        Some kernels (jupyter-jvm-basekernel 2.3.0) omit ``status`` from execute replies, which
        nbclient 0.7 indexes directly; errors are read from the outputs and the reply instead.
        """

        async def _check_raise_for_error(self, cell, cell_index, exec_reply):
            self.last_reply = exec_reply

    return LenientClient


def run_notebook(notebook, args):
    """Execute one notebook in a fresh kernel; return the executed copy or raise NotebookFailure."""
    import nbformat
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    nb = nbformat.read(str(notebook), as_version=4)
    kernel_name = args.kernel or nb.metadata.get("kernelspec", {}).get("name") or DEFAULT_KERNEL
    cwd = kernel_cwd(args, notebook)
    client = lenient_client_class()(
        nb,
        kernel_name=kernel_name,
        timeout=int(args.timeout) if args.timeout else None,
        startup_timeout=int(args.startup_timeout),
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
    )
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        spec_dir = KernelSpecManager().get_kernel_spec(kernel_name).resource_dir
    except Exception as error:  # NoSuchKernel and friends: say where we looked
        raise NotebookFailure(
            f"{notebook}: kernel '{kernel_name}' not found ({error}).\n"
            f"    JUPYTER_PATH={os.environ.get('JUPYTER_PATH', '')}\n"
            "    Build the kernelspec with `make install` (or `mvn -B package -DskipTests`), "
            "or list kernels with `/usr/bin/python3 -m jupyter_client.kernelspecapp list`.")

    code_cells = sum(1 for cell in nb.cells if cell.cell_type == "code" and cell.source.strip())
    print(f"{notebook}: kernel {kernel_name} ({spec_dir}), scale {args.scale}, "
          f"{code_cells} code cells of {len(nb.cells)}", flush=True)
    started = time.monotonic()
    try:
        client_env = kernel_environment(args, notebook)
        with client.setup_kernel(env=client_env, cwd=str(cwd)):
            info = client.wait_for_reply(client.kc.kernel_info())
            if info and "language_info" in info.get("content", {}):
                nb.metadata["language_info"] = info["content"]["language_info"]
            execution_count = 0
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                execution_count += 1
                client.last_reply = None
                cell_started = time.monotonic()
                where = f"cell {index + 1} of {len(nb.cells)} (In [{execution_count}])"
                try:
                    client.execute_cell(cell, index, execution_count=execution_count)
                except CellTimeoutError:
                    raise failure(notebook, where, cell,
                                  [f"timed out after {args.timeout:g} s (raise it with --timeout)"])
                except DeadKernelError:
                    raise failure(notebook, where, cell, ["the kernel died while running this cell"])
                seconds = time.monotonic() - cell_started
                prompt = f"In [{execution_count}]"
                print(f"  [{index + 1:>3}/{len(nb.cells)}] {prompt:<9} {seconds:7.2f} s",
                      flush=True)
                errors = error_summary(cell)
                reply = (client.last_reply or {}).get("content", {})
                if errors is None and reply.get("status") == "error":
                    errors = [f"{reply.get('ename', 'Error')}: {reply.get('evalue', '')} "
                              "(execute reply status error, no error output)"]
                if errors is not None:
                    raise failure(notebook, where, cell, errors)
                found = identity_hash(cell)
                if found:
                    mime, text = found
                    raise failure(notebook, where, cell, [
                        f"output ({mime}) shows an identity hash '{text}': the value was printed "
                        "by Object.toString; display it with a renderer or print its fields"])
    except NotebookFailure:
        raise
    except Exception as error:  # kernel start failures, protocol errors
        raise NotebookFailure(f"{notebook}: could not run ({type(error).__name__}: {error})")
    finally:
        if args.output is not None:
            target = output_path(args.output, notebook, len(args.notebooks))
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, str(target))
            print(f"  executed copy saved to {target}", flush=True)
    print(f"{notebook}: passed in {time.monotonic() - started:.1f} s", flush=True)
    return nb


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not os.environ.get("JUPYTER_PATH") and (BUILT_KERNELSPECS / "kernels").is_dir():
        # Prefer the kernel this checkout built over one installed in the user's folder.
        os.environ["JUPYTER_PATH"] = str(BUILT_KERNELSPECS)
    try:
        import nbclient  # noqa: F401  (checked here to give a clear message)
        import nbformat  # noqa: F401
    except ImportError as error:
        print(f"error: {error}. Run this with /usr/bin/python3 after `make install` "
              "(Debian packages python3-nbclient and python3-nbformat).", file=sys.stderr)
        return 2
    args.figures_dir.mkdir(parents=True, exist_ok=True)
    failed = []
    for notebook in args.notebooks:
        try:
            run_notebook(notebook, args)
        except NotebookFailure as error:
            print(f"FAILED {error}", file=sys.stderr, flush=True)
            failed.append(notebook)
    if failed:
        print(f"{len(failed)} of {len(args.notebooks)} notebooks failed: "
              + ", ".join(str(nb) for nb in failed), file=sys.stderr)
        return 1
    print(f"all {len(args.notebooks)} notebooks passed (scale {args.scale})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
