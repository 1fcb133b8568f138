package org.phasebook.kernel;

import io.github.spencerpark.jupyter.messages.MessageType;
import org.phasebook.notebook.DisplaySink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Displays values below the running cell: {@code display_data}, {@code update_display_data}
 * and {@code clear_output} messages on iopub. Implements the library's {@link DisplaySink}, so
 * that {@code org.phasebook.notebook} (progress bars, figures) can show things in the notebook.
 */
final class KernelDisplay implements DisplaySink {

    private final OutputRouter router;

    KernelDisplay(OutputRouter router) {
        this.router = router;
    }

    @Override
    public String display(Object value, boolean updatable) {
        return display(value, List.of());
    }

    /** Shows a value in the given MIME types (all it has when empty); returns its display id. */
    String display(Object value, List<String> mimeTypes) {
        String id = UUID.randomUUID().toString();
        router.publish(MessageType.PUBLISH_DISPLAY_DATA, content(value, mimeTypes, id));
        return id;
    }

    @Override
    public void update(String displayId, Object value) {
        update(displayId, value, List.of());
    }

    void update(String displayId, Object value, List<String> mimeTypes) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("displayId must be an id returned by display(...), got '" + displayId + "'");
        }
        router.publish(MessageType.PUBLISH_UPDATE_DISPLAY_DATA, content(value, mimeTypes, displayId));
    }

    /** Clears the cell's output, now or (with {@code wait}) when the next output arrives. */
    void clear(boolean wait) {
        router.publish(MessageType.PUBLISH_CLEAR_OUTPUT, Map.of("wait", wait));
    }

    private static Map<String, Object> content(Object value, List<String> mimeTypes, String id) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data", ValueRenderer.render(value, mimeTypes));
        content.put("metadata", Map.of());
        content.put("transient", Map.of("display_id", id));
        return content;
    }
}
