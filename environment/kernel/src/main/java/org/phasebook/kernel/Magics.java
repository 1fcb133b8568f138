package org.phasebook.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * IJava's line magics: a line of a cell that starts with {@code %} is a command to the kernel,
 * not Java. They run before the cell's Java code, in the order written.
 *
 * <ul>
 *   <li>{@code %jars <glob>...} adds jar files (globs such as {@code lib/*.jar} allowed) to the
 *       classpath of the compiler and of the cells;</li>
 *   <li>{@code %classpath <path>...} adds folders or jars;</li>
 *   <li>{@code %doc <expression>} shows the documentation of an expression in the pager;</li>
 *   <li>{@code %lsmagic} lists the magics.</li>
 * </ul>
 */
final class Magics {

    /** A cell with its magic lines taken out (replaced by blank lines, to keep line numbers). */
    record Parsed(String javaCode, List<String> magicLines) {
    }

    static final List<String> NAMES = List.of("jars", "classpath", "doc", "lsmagic");

    private Magics() {
    }

    static Parsed parse(String cell) {
        StringBuilder java = new StringBuilder();
        List<String> magics = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%=")) {
                magics.add(stripped);
            } else {
                java.append(lines[i]);
            }
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return new Parsed(java.toString(), magics);
    }

    /** Splits a magic line into its name and arguments (separated by white space). */
    static List<String> words(String magicLine) {
        String body = magicLine.replaceFirst("^%+", "").strip();
        return body.isEmpty() ? List.of("") : List.of(body.split("\\s+"));
    }

    /**
     * The files a {@code %jars} argument names: a path, or a glob whose wildcards ({@code *},
     * {@code ?}, {@code **}) may appear in any segment.
     */
    static List<Path> expand(String pattern, Path workingDirectory) throws IOException {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            Path p = workingDirectory.resolve(pattern).normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file: " + p);
            }
            return List.of(p);
        }
        Path absolute = workingDirectory.resolve(pattern).normalize();
        Path base = absolute.getRoot();
        for (Path segment : absolute) {
            String s = segment.toString();
            if (s.contains("*") || s.contains("?")) {
                break;
            }
            base = base.resolve(s);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("no file matches " + pattern + " (no folder " + base + ")");
        }
        try (Stream<Path> walk = Files.walk(base)) {
            List<Path> found = walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + pattern + " (looked in " + base + ")");
            }
            return found;
        }
    }
}
