"""Tests of the notebook tooling: the runner, the clean check and the gallery.

The runner is tested on fixture notebooks that use the ``python3`` kernel, so these tests do not
depend on the Java kernel; one smoke test runs a fixture on the ``phasebook`` kernel when it has
been built. Run with Debian's Python from the repository root:

    /usr/bin/python3 -m unittest discover -s environment/tests/notebooks -t . -v
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
JUPYTER = REPO / "environment" / "jupyter"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
KERNEL_JAR = (REPO / "environment" / "kernel" / "target" / "jupyter" / "kernels" / "phasebook"
              / "jars" / "phasebook-kernel.jar")

sys.path.insert(0, str(JUPYTER))
import run_notebook  # noqa: E402  (the module under test lives outside any package)


def kernel_built():
    try:
        with zipfile.ZipFile(KERNEL_JAR) as jar:
            return "org/phasebook/kernel/PhasebookKernel.class" in jar.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def run(script, *args, timeout=300):
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
    return subprocess.run([sys.executable, str(JUPYTER / script), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)


def read_notebook(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def code_outputs(nb):
    return [cell["outputs"] for cell in nb["cells"] if cell["cell_type"] == "code"]


def output_text(outputs):
    parts = []
    for output in outputs:
        if "text" in output:
            parts.append("".join(output["text"]))
        for value in output.get("data", {}).values():
            parts.append("".join(value) if isinstance(value, list) else str(value))
    return "".join(parts)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="phasebook-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)


class RunnerTest(TempDirTest):

    def test_passing_notebook_runs_every_cell_with_scale_figures_and_cwd(self):
        notebook = FIXTURES / "passes.ipynb"
        before = notebook.read_bytes()
        executed = self.tmp / "out" / "passes.ipynb"
        figures = self.tmp / "figures"
        result = run("run_notebook.py", "--scale", "quick", "--figures-dir", figures,
                     "--output", executed, notebook)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        for line in ("[  2/4] In [1]", "[  3/4] In [2]", "[  4/4] In [3]"):
            self.assertIn(line, result.stdout)
        self.assertIn("all 1 notebooks passed (scale quick)", result.stdout)
        outputs = code_outputs(read_notebook(executed))
        self.assertEqual(output_text(outputs[0]), f"scale=quick\nfigures={figures.resolve()}\n")
        self.assertEqual(output_text(outputs[1]), f"cwd={REPO / 'notebooks'}\n")
        self.assertEqual(output_text(outputs[2]), "42")
        self.assertEqual(notebook.read_bytes(), before, "the runner modified the notebook it ran")

    def test_error_output_fails_naming_the_cell_and_the_error_and_stops_there(self):
        executed = self.tmp / "raises.ipynb"
        result = run("run_notebook.py", "--output", executed, FIXTURES / "raises.ipynb")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("raises.ipynb: cell 3 of 4 (In [2]) failed:", result.stderr)
        self.assertIn("ValueError: sigma must be > 0, got -1.0", result.stderr)
        self.assertIn("| def check(sigma):", result.stderr)
        self.assertEqual(code_outputs(read_notebook(executed))[2], [], "a cell after the failure ran")

    def test_identity_hash_in_an_output_fails_naming_the_cell(self):
        result = run("run_notebook.py", FIXTURES / "identity-hash.ipynb")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("identity-hash.ipynb: cell 2 of 2 (In [2]) failed:", result.stderr)
        self.assertIn("'org.knowm.xchart.XYChart@791d73c5'", result.stderr)

    def test_cell_past_the_timeout_fails(self):
        result = run("run_notebook.py", "--timeout", "2", FIXTURES / "slow.ipynb")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("cell 1 of 1 (In [1]) failed:", result.stderr)
        self.assertIn("timed out after 2 s", result.stderr)

    def test_every_notebook_runs_and_one_failure_fails_the_run(self):
        result = run("run_notebook.py", FIXTURES / "passes.ipynb", FIXTURES / "identity-hash.ipynb")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("passes.ipynb: passed", result.stdout)
        self.assertIn("1 of 2 notebooks failed", result.stderr)

    def test_output_may_not_overwrite_the_notebook(self):
        copy = self.tmp / "passes.ipynb"
        shutil.copy(FIXTURES / "passes.ipynb", copy)
        before = copy.read_bytes()
        result = run("run_notebook.py", "--output", copy, copy)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("would overwrite the notebook", result.stderr)
        self.assertEqual(copy.read_bytes(), before)

    def test_output_may_not_go_into_the_committed_notebooks_folder(self):
        result = run("run_notebook.py", "--output", REPO / "notebooks" / "copy.ipynb",
                     FIXTURES / "passes.ipynb")
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertFalse((REPO / "notebooks" / "copy.ipynb").exists())

    def test_unknown_kernel_fails_with_a_hint(self):
        result = run("run_notebook.py", "--kernel", "no-such-kernel", FIXTURES / "passes.ipynb")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("kernel 'no-such-kernel' not found", result.stderr)
        self.assertIn("make install", result.stderr)

    def test_identity_hash_pattern(self):
        for text in ("XYChart@791d73c5", "[D@1b6d3586", "org.knowm.xchart.XYChart@7a81197d",
                     "Outer$Inner@abcdef"):
            self.assertRegex(text, run_notebook.IDENTITY_HASH)
        for text in ("user@example.com", "sigma@1.5", "XYChart@12345", "x @791d73c5",
                     "XYChart@791d73c5a2"):
            self.assertNotRegex(text, run_notebook.IDENTITY_HASH)

    @unittest.skipUnless(kernel_built(), "the phasebook kernel is not built (mvn -B package -DskipTests)")
    def test_phasebook_kernel_runs_a_java_notebook_at_the_requested_scale(self):
        executed = self.tmp / "java-smoke.ipynb"
        result = run("run_notebook.py", "--scale", "quick", "--figures-dir", self.tmp / "figures",
                     "--output", executed, FIXTURES / "java-smoke.ipynb")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("kernel phasebook", result.stdout)
        outputs = code_outputs(read_notebook(executed))
        self.assertEqual(output_text(outputs[0]), "scale=quick\n")
        self.assertEqual(output_text(outputs[1]), "42")


class CleanCheckTest(TempDirTest):

    def test_dirty_notebook_fails_and_fix_strips_only_volatile_parts(self):
        dirty = self.tmp / "dirty.ipynb"
        shutil.copy(FIXTURES / "dirty.ipynb", dirty)
        result = run("check_clean.py", dirty)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        for problem in ("cell 2 has 1 output(s)", "cell 2 has execution count 3",
                        "cell 2 has volatile metadata 'execution'", "cell 2 has volatile metadata 'scrolled'",
                        "cell 3 has volatile metadata 'collapsed'", "notebook metadata has volatile 'widgets'"):
            self.assertIn(problem, result.stderr)

        fixed = run("check_clean.py", "--fix", dirty)
        self.assertEqual(fixed.returncode, 0, fixed.stdout + fixed.stderr)
        self.assertEqual(run("check_clean.py", dirty).returncode, 0)

        original, cleaned = read_notebook(FIXTURES / "dirty.ipynb"), read_notebook(dirty)
        self.assertEqual([c["source"] for c in cleaned["cells"]], [c["source"] for c in original["cells"]])
        self.assertEqual([c["id"] for c in cleaned["cells"]], [c["id"] for c in original["cells"]])
        self.assertEqual(cleaned["cells"][1]["metadata"], {"tags": ["keep-me"]})
        self.assertEqual(cleaned["metadata"]["kernelspec"], original["metadata"]["kernelspec"])
        self.assertTrue(all(c.get("outputs", []) == [] and c.get("execution_count") is None
                            for c in cleaned["cells"] if c["cell_type"] == "code"))

    def test_committed_fixtures_other_than_dirty_are_clean(self):
        clean = sorted(p for p in FIXTURES.glob("*.ipynb") if p.name != "dirty.ipynb")
        result = run("check_clean.py", *clean)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_invalid_notebook_is_reported(self):
        broken = self.tmp / "broken.ipynb"
        nb = read_notebook(FIXTURES / "passes.ipynb")
        nb["cells"][1]["cell_type"] = "kode"
        broken.write_text(json.dumps(nb), encoding="utf-8")
        result = run("check_clean.py", broken)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("not valid nbformat 4", result.stderr)


class GalleryTest(TempDirTest):

    def make_figures(self, corrupt_csv=False):
        folder = self.tmp / "figures" / "00-tour"
        folder.mkdir(parents=True)
        contents = {"lorenz-xz.png": b"\x89PNG fake", "lorenz-xz.svg": b"<svg/>", "lorenz-xz.csv": b"t,x\n0,1\n"}
        for name, data in contents.items():
            (folder / name).write_bytes(data)
        files = {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
        if corrupt_csv:
            (folder / "lorenz-xz.csv").write_bytes(b"t,x\n0,2\n")
        manifest = {"notebook": "00-tour", "scale": "quick", "seeds": {"lorenz": 7},
                    "parameters": {"sigma": 10.0, "rho": 28.0},
                    "figures": [{"name": "lorenz-xz", "caption": "The Lorenz attractor, x against z.",
                                 "paperFigure": "Lorenz (1963), Fig. 2", "files": files}]}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        (folder / "checks.csv").write_text(
            "check,measured,expected,tolerance,passed\n"
            "largest Lyapunov exponent,0.9056000000000001,0.9056,0.05,true\n"
            "\"sum | of, exponents\",NaN,-13.67,0.5,false\n", encoding="utf-8")
        return self.tmp / "figures"

    def test_gallery_lists_figures_links_and_checks_deterministically(self):
        figures = self.make_figures()
        result = run("gallery.py", "--figures-dir", figures, "--strict")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        page = (figures / "README.md").read_text(encoding="utf-8")
        for expected in ("## 00-tour", "Scale: `quick`.", "Seeds: `lorenz=7`.",
                         "Parameters: `rho=28.0`, `sigma=10.0`.",
                         "![The Lorenz attractor, x against z.](00-tour/lorenz-xz.png)",
                         "Reproduces: Lorenz (1963), Fig. 2.",
                         "[SVG](00-tour/lorenz-xz.svg) · [CSV](00-tour/lorenz-xz.csv)",
                         "| largest Lyapunov exponent | 0.9056 | 0.9056 | 0.05 | pass |",
                         "| sum \\| of, exponents | NaN | -13.67 | 0.5 | **FAIL** |",
                         "1 of 2 checks passed."):
            self.assertIn(expected, page)
        self.assertEqual(run("gallery.py", "--figures-dir", figures).returncode, 0)
        self.assertEqual((figures / "README.md").read_text(encoding="utf-8"), page)

    def test_checksum_mismatch_is_reported_and_fails_when_strict(self):
        figures = self.make_figures(corrupt_csv=True)
        self.assertEqual(run("gallery.py", "--figures-dir", figures).returncode, 0)
        result = run("gallery.py", "--figures-dir", figures, "--strict")
        self.assertEqual(result.returncode, 1)
        self.assertIn("lorenz-xz.csv: SHA-256 differs from the manifest", result.stderr)

    def test_no_figures_gives_a_page_that_says_how_to_make_them(self):
        result = run("gallery.py", "--figures-dir", self.tmp / "empty")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("run `make figures`", (self.tmp / "empty" / "README.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    unittest.main()
