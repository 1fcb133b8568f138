package org.phasebook.notebook;

/**
 * Where rich output of a notebook cell goes. The Phasebook kernel installs one with
 * {@link Notebook#install(DisplaySink)}; outside a kernel (a JUnit test, a {@code main}) there is
 * none and helpers such as {@link ProgressBar} fall back to plain lines on standard output.
 *
 * <p>Values are rendered by the sink: a {@link MimeBundle} is shown as it is, an XChart chart
 * as an image, a Tablesaw table as HTML, anything else in a stable text form.
 */
public interface DisplaySink {

    /**
     * Shows a value below the running cell.
     *
     * @param value     what to show
     * @param updatable whether the display may later be replaced through {@link #update}
     * @return the display's id (meaningful only when {@code updatable})
     */
    String display(Object value, boolean updatable);

    /** Replaces, in place, the content of an updatable display made by {@link #display}. */
    void update(String displayId, Object value);
}
