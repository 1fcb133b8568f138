package org.phasebook.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Output that is already rendered: a map from MIME type ({@code text/plain}, {@code text/html},
 * {@code image/png} as base64, ...) to content, as Jupyter's display messages carry it.
 *
 * <p>A kernel shows a {@code MimeBundle} as it is, without rendering it again. Every bundle has a
 * {@code text/plain} form, so a front end that can show nothing else still shows something.
 *
 * @param data MIME type to content, in the order of preference of the producer
 */
public record MimeBundle(Map<String, String> data) {

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        if (!data.containsKey("text/plain")) {
            throw new IllegalArgumentException("data must contain a text/plain form; got MIME types " + data.keySet());
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle with an HTML form and its plain-text fallback. */
    public static MimeBundle html(String html, String plain) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/html", html);
        data.put("text/plain", plain);
        return new MimeBundle(data);
    }

    /** A bundle with only a plain-text form. */
    public static MimeBundle text(String plain) {
        return new MimeBundle(Map.of("text/plain", plain));
    }

    /** The plain-text form, which every bundle has. */
    public String plain() {
        return data.get("text/plain");
    }
}
