"""Jupyter's conformance suite (jupyter_kernel_test) run against the Phasebook kernel.

Every test the suite offers gets a sample here; the suite skips a test whose sample is empty, so an
empty sample would hide a missing feature. The suite validates every reply against the message
schemas, which require ``"status"`` in every reply.
"""

import unittest

from .kernel_harness import KERNEL_NAME, require_kernelspec

import jupyter_kernel_test  # noqa: E402  (after the harness has set JUPYTER_PATH)

# A cell that renders a small image; the suite needs a display_data with image/png.
DISPLAY_IMAGE = """\
java.awt.image.BufferedImage square =
    new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
display(square);
"""

# A Tablesaw table shows as HTML.
DISPLAY_TABLE = """\
tech.tablesaw.api.Table orbit = tech.tablesaw.api.Table.create("orbit",
    tech.tablesaw.api.DoubleColumn.create("t", new double[] {0.0, 0.5, 1.0}),
    tech.tablesaw.api.DoubleColumn.create("x", new double[] {1.0, 0.5, 0.0}));
display(orbit);
"""

# An XChart chart shows as a PNG.
DISPLAY_CHART = """\
org.knowm.xchart.XYChart attractor = new org.knowm.xchart.XYChartBuilder()
    .width(320).height(240).title("conformance").build();
attractor.addSeries("x", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
display(attractor);
"""


class PhasebookConformanceTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    @classmethod
    def setUpClass(cls):
        require_kernelspec(cls.kernel_name)
        super().setUpClass()

    code_hello_world = 'System.out.println("hello, world");'

    code_stderr = 'System.err.println("something went wrong");'

    # The kernel answers with the text that replaces code[cursor_start:cursor_end]; a class name
    # completes to its simple name after the package prefix.
    completion_samples = [
        {"text": "java.util.concurrent.atomic.AtomicBool", "matches": {"AtomicBoolean"}},
        {"text": "java.util.concurrent.atomic.AtomicIntegerA", "matches": {"AtomicIntegerArray"}},
        {"text": "Math.ab"},
        {"text": "System.out.printl"},
    ]

    complete_code_samples = [
        "int x = 1;",
        "6 * 7",
        "void f() {}",
        'System.out.println("done")',
        "int a = 1;\nint b = a + 1;",
    ]

    incomplete_code_samples = [
        "if (true) {",
        "int twice(int a) {\n    return 2 * a;",
        "Math.max(1,",
        "for (int i = 0; i < 3; i++) {",
        "int a = 1;\nif (a > 0) {",
        "/* an open comment",
    ]

    invalid_code_samples = [
        "}",
        "int x = 1 }",
        "else { }",
        "int a = 1;\nint b = }",
    ]

    code_page_something = "%doc Math.abs"

    code_generate_error = 'throw new IllegalStateException("conformance error");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"phase" + "book"', "result": "phasebook"},
        {"code": "Math.max(3, 11)", "result": "11"},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]

    code_display_data = [
        {"code": DISPLAY_IMAGE, "mime": "image/png"},
        {"code": DISPLAY_TABLE, "mime": "text/html"},
        {"code": DISPLAY_CHART, "mime": "image/png"},
    ]

    # A glob, as in IPython's history search: it matches exactly one distinct cell above.
    code_history_pattern = "Math.max*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
