/**
 * The Phasebook Jupyter kernel: Java notebook cells run by JShell in the kernel's own JVM, on
 * the protocol base of IJava ({@code io.github.spencerpark:jupyter-jvm-basekernel} 2.3.0).
 *
 * <p>How a cell runs: {@link org.phasebook.kernel.PhasebookKernel} receives the request, takes
 * out IJava-style line magics ({@link org.phasebook.kernel.Magics}), and hands the Java code to
 * {@link org.phasebook.kernel.CellEvaluator}, which splits it into snippets and evaluates them
 * with JShell. The user code of every snippet runs on one long-lived thread owned by
 * {@link org.phasebook.kernel.EvaluationThreadControl}, which an interrupt can stop. The cell's
 * value is rendered by {@link org.phasebook.kernel.ValueRenderer} (charts as PNG, tables as
 * HTML, everything else as stable text); failures become an {@link org.phasebook.kernel.ErrorReport}
 * with the user's own frames. Standard output goes through {@link org.phasebook.kernel.OutputRouter}
 * to the notebook, from any thread.
 *
 * <p>What a cell cannot do to the kernel: an exception, a compile error, running out of memory
 * or stack, or an endless loop (interrupt it) leave the kernel running with its variables;
 * {@code System.exit} is refused with an error ({@link org.phasebook.kernel.ExitGuard}).
 */
package org.phasebook.kernel;
