package org.phasebook.plot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A figure as saved by {@link FigureStore}: one entry of the notebook's {@code manifest.json}.
 *
 * @param name        the figure's name, which is also the stem of its files, such as {@code lorenz-xz}
 * @param caption     what the figure shows, for the gallery
 * @param paperFigure the figure of the paper it reproduces, such as {@code "Fig. 2"}, or
 *                    {@value FigureStore#NO_PAPER_FIGURE} when it reproduces none
 * @param files       file name to lower-case hex SHA-256 of its bytes, in the order
 *                    PNG, SVG, CSV (as far as each was written)
 */
public record SavedFigure(String name, String caption, String paperFigure, Map<String, String> files) {

    public SavedFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(paperFigure, "paperFigure");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(files, "files")));
    }
}
