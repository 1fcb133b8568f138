package org.phasebook.notebook;

import java.util.Optional;

/**
 * The bridge between library code and the notebook front end, when there is one.
 *
 * <p>This is the one piece of process-wide state in Phasebook, and deliberately so: the kernel
 * and the cells share one JVM, and the kernel must be able to hand cells a way to display
 * things without the library depending on the kernel. Nothing else is stored here.
 */
public final class Notebook {

    private static volatile DisplaySink sink;

    private Notebook() {
    }

    /** Called once by the kernel at start-up; {@code null} removes the sink (tests). */
    public static void install(DisplaySink displaySink) {
        sink = displaySink;
    }

    /** The kernel's display sink, or empty when the code does not run in a Phasebook kernel. */
    public static Optional<DisplaySink> sink() {
        return Optional.ofNullable(sink);
    }

    /**
     * Shows a value below the running cell; outside a kernel, prints its text form.
     *
     * @return the display id, for {@link #update(String, Object)}
     */
    public static String display(Object value) {
        DisplaySink s = sink;
        if (s == null) {
            System.out.println(value instanceof MimeBundle b ? b.plain() : String.valueOf(value));
            return "";
        }
        return s.display(value, true);
    }

    /** Replaces the content of a display made by {@link #display(Object)}; outside a kernel, prints it. */
    public static void update(String displayId, Object value) {
        DisplaySink s = sink;
        if (s == null) {
            System.out.println(value instanceof MimeBundle b ? b.plain() : String.valueOf(value));
            return;
        }
        s.update(displayId, value);
    }
}
