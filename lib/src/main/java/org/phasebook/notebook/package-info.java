/**
 * What notebook cells need beyond the models: the run's {@link org.phasebook.notebook.Scale},
 * {@link org.phasebook.notebook.ProgressBar progress bars} for long cells,
 * {@link org.phasebook.notebook.Checks} that assert a paper's quantitative claims, and the
 * notebook's {@link org.phasebook.notebook.OutputFolder} where figures and checks are written.
 *
 * <p>This package and {@code org.phasebook.plot} are the only parts of the library that know
 * they may run in a notebook, and even they know it only through
 * {@link org.phasebook.notebook.Notebook} and {@link org.phasebook.notebook.DisplaySink}: the
 * kernel installs a sink, and without one (a JUnit test, a {@code main}) everything here falls
 * back to plain lines on standard output. Model packages never import this package; they report
 * progress as a {@link java.util.function.DoubleConsumer} of fractions, which
 * {@link org.phasebook.notebook.ProgressBar#asFraction()} provides.
 */
package org.phasebook.notebook;
