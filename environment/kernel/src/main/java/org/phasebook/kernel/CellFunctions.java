package org.phasebook.kernel;

import java.util.List;

/**
 * Functions every cell can call without an import (the kernel imports them statically at
 * start-up), with the names IJava uses: {@code display}, {@code updateDisplay}, and
 * {@code clearOutput}.
 */
public final class CellFunctions {

    private static volatile KernelDisplay display;

    private CellFunctions() {
    }

    static void install(KernelDisplay kernelDisplay) {
        display = kernelDisplay;
    }

    private static KernelDisplay kernel() {
        KernelDisplay d = display;
        if (d == null) {
            throw new IllegalStateException("display functions work only inside the Phasebook kernel");
        }
        return d;
    }

    /**
     * Shows a value below the cell (a chart as an image, a table as HTML, anything else as text).
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return kernel().display(value, List.of());
    }

    /**
     * Shows a value in the given MIME types only, e.g. {@code display(chart, "image/svg+xml")}.
     *
     * @return the display's id
     */
    public static String display(Object value, String... mimeTypes) {
        return kernel().display(value, List.of(mimeTypes));
    }

    /** Replaces, in place, what an earlier {@link #display(Object)} showed. */
    public static void updateDisplay(String displayId, Object value) {
        kernel().update(displayId, value, List.of());
    }

    /** Replaces, in place, what an earlier display showed, in the given MIME types only. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        kernel().update(displayId, value, List.of(mimeTypes));
    }

    /** Clears the output of the running cell. */
    public static void clearOutput() {
        kernel().clear(false);
    }

    /** Clears the output of the running cell when the next output arrives (no flicker in animations). */
    public static void clearOutput(boolean wait) {
        kernel().clear(wait);
    }
}
