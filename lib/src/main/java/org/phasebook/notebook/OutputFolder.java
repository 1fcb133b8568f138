package org.phasebook.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The folder where one notebook's outputs (figures, their data, the manifest, the checks) are
 * written: {@code figures/<notebook>/} in the repository.
 *
 * <p>{@link #forNotebook(String)} finds it as follows: if the environment variable
 * {@value #VARIABLE} is set, the folder is {@code $PHASEBOOK_FIGURES_DIR/<notebook>}; otherwise
 * it is {@code <repo>/figures/<notebook>}, where {@code <repo>} is the first folder, walking up
 * from the working directory, that holds both a {@code pom.xml} and a {@code figures} folder.
 * The notebook's folder itself is created on the first write.
 *
 * <p>Files are written whole or not at all ({@link #write}): readers such as the gallery never
 * see half a file, even when a cell is interrupted.
 *
 * @param notebook the notebook's name without extension, such as {@code 00-tour}
 * @param path     the folder, absolute
 */
public record OutputFolder(String notebook, Path path) {

    /** The environment variable that overrides where the figures of all notebooks go. */
    public static final String VARIABLE = "PHASEBOOK_FIGURES_DIR";

    /** Names of notebooks and files: no separators, no leading dot, nothing a shell would mangle. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public OutputFolder {
        requireName("notebook", notebook);
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
    }

    /**
     * The output folder of a notebook, located from the environment and the working directory as
     * described above.
     *
     * @param notebook the notebook's name without {@code .ipynb}, such as {@code 00-tour}
     * @throws IllegalStateException when {@value #VARIABLE} is unset and no repository is found
     */
    public static OutputFolder forNotebook(String notebook) {
        return locate(notebook, System.getenv(VARIABLE), Path.of("").toAbsolutePath());
    }

    /**
     * The rule of {@link #forNotebook(String)} with its inputs made explicit, for tests.
     *
     * @param notebook         the notebook's name
     * @param figuresDir       the value of {@value #VARIABLE}, or {@code null} (or blank) when unset
     * @param workingDirectory where to start the walk up to the repository
     */
    public static OutputFolder locate(String notebook, String figuresDir, Path workingDirectory) {
        requireName("notebook", notebook);
        if (figuresDir != null && !figuresDir.isBlank()) {
            return new OutputFolder(notebook, Path.of(figuresDir).resolve(notebook));
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("figures"))) {
                return new OutputFolder(notebook, dir.resolve("figures").resolve(notebook));
            }
        }
        throw new IllegalStateException("cannot find where to write the outputs of notebook " + notebook
                + ": no folder from " + start + " upwards holds both pom.xml and figures/. "
                + "Run from inside the Phasebook repository, or set " + VARIABLE + " to a folder for the figures.");
    }

    /** The path of a file in this folder; the name must be a plain file name such as {@code lorenz-xz.png}. */
    public Path resolve(String fileName) {
        requireName("file name", fileName);
        return path.resolve(fileName);
    }

    /**
     * Writes a file in this folder atomically: the bytes go to a temporary file in the same folder,
     * which is then moved over the target, so the target is always either the old or the new file.
     * Creates the folder if needed.
     *
     * @return the file written
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public Path write(String fileName, byte[] content) {
        Path target = resolve(fileName);
        Path temp = null;
        try {
            Files.createDirectories(path);
            // Not Files.createTempFile: its files are private (0600), and the figures are for everyone.
            temp = path.resolve("." + fileName + "." + UUID.randomUUID() + ".tmp");
            Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and that error is the one worth reporting.
                }
            }
        }
    }

    /**
     * Whether a text is a plain name as notebooks and files in the folder must have: letters, digits,
     * '.', '_' and '-', starting with a letter or digit (so no separators and no hidden files).
     */
    public static boolean isPlainName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!isPlainName(name)) {
            throw new IllegalArgumentException(what + " must be a plain name of letters, digits, '.', '_' and '-' "
                    + "that starts with a letter or digit, such as 00-tour; got \"" + name + "\"");
        }
    }
}
