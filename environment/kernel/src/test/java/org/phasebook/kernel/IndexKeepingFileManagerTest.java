package org.phasebook.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.FileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler's file manager passes on every option except a repeated, unchanged --multi-release. */
class IndexKeepingFileManagerTest {

    private static final String MR = IndexKeepingFileManager.MULTI_RELEASE;

    @Test
    void anUnchangedMultiReleaseValueIsPassedOnOnce() {
        RecordingFileManager standard = new RecordingFileManager(true);
        IndexKeepingFileManager manager = new IndexKeepingFileManager(standard);
        for (int task = 0; task < 5; task++) {
            Iterator<String> args = List.of("17").iterator();
            assertTrue(manager.handleOption(MR, args));
            assertFalse(args.hasNext(), "the option's value is consumed even when it is not passed on");
        }
        assertEquals(List.of(MR + " 17"), standard.handled);
    }

    @Test
    void aNewMultiReleaseValueIsPassedOn() {
        RecordingFileManager standard = new RecordingFileManager(true);
        IndexKeepingFileManager manager = new IndexKeepingFileManager(standard);
        manager.handleOption(MR, List.of("17").iterator());
        manager.handleOption(MR, List.of("11").iterator());
        manager.handleOption(MR, List.of("17").iterator());
        assertEquals(List.of(MR + " 17", MR + " 11", MR + " 17"), standard.handled);
    }

    @Test
    void otherOptionsArePassedOnEveryTime() {
        RecordingFileManager standard = new RecordingFileManager(true);
        IndexKeepingFileManager manager = new IndexKeepingFileManager(standard);
        manager.handleOption("-classpath", List.of("a.jar").iterator());
        manager.handleOption("-classpath", List.of("a.jar").iterator());
        assertEquals(List.of("-classpath a.jar", "-classpath a.jar"), standard.handled);
    }

    @Test
    void aValueTheStandardManagerRejectedIsNotTakenAsInForce() {
        RecordingFileManager standard = new RecordingFileManager(false);
        IndexKeepingFileManager manager = new IndexKeepingFileManager(standard);
        assertFalse(manager.handleOption(MR, List.of("17").iterator()));
        assertFalse(manager.handleOption(MR, List.of("17").iterator()));
        assertEquals(List.of(MR + " 17", MR + " 17"), standard.handled);
    }

    /**
     * The index the manager keeps must still follow the classpath: a jar added after cells have
     * been compiled (as %jars does) is found by the next cell.
     */
    @Test
    void aJarAddedAfterCompilingIsFound(@TempDir Path dir) throws IOException {
        Path jar = jarWithClass(dir, "indexprobe", "Answer", "public static int value() { return 42; }");
        CellEvaluator shell = new CellEvaluator(new EvaluationThreadControl(),
                new ByteArrayInputStream(new byte[0]), System.out, System.err);
        try {
            assertEquals(3, value(shell, "1 + 2"));
            assertInstanceOf(CellEvaluator.Failure.class, shell.run("indexprobe.Answer.value()", 1));
            shell.addToClasspath(jar.toString());
            assertEquals(42, value(shell, "indexprobe.Answer.value()"));
            assertEquals(43, value(shell, "indexprobe.Answer.value() + 1"));
        } finally {
            shell.shell().close();
        }
    }

    private static Object value(CellEvaluator shell, String code) {
        CellEvaluator.Outcome outcome = shell.run(code, 1);
        if (outcome instanceof CellEvaluator.Failure f) {
            throw new AssertionError(String.join("\n", f.error().traceback()));
        }
        return assertInstanceOf(CellEvaluator.Value.class, outcome).value();
    }

    /** Compiles a one-class package into a jar in {@code dir}. */
    private static Path jarWithClass(Path dir, String pkg, String name, String body) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src").resolve(pkg)).resolve(name + ".java");
        Files.writeString(src, "package " + pkg + ";\npublic class " + name + " {\n    " + body + "\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, status, "compiling the probe class");
        Path jar = dir.resolve(name + ".jar");
        String entry = pkg + "/" + name + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(entry));
            jarOut.write(Files.readAllBytes(classes.resolve(entry)));
            jarOut.closeEntry();
        }
        return jar;
    }

    /** Records the options it is handed; accepts or rejects them all; does nothing else. */
    private static final class RecordingFileManager implements StandardJavaFileManager {
        final List<String> handled = new ArrayList<>();
        private final boolean accept;

        RecordingFileManager(boolean accept) {
            this.accept = accept;
        }

        @Override
        public boolean handleOption(String current, Iterator<String> remaining) {
            handled.add(current + " " + remaining.next());
            return accept;
        }

        @Override
        public int isSupportedOption(String option) {
            return 1;
        }

        private static UnsupportedOperationException unused() {
            return new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            throw unused();
        }

        @Override
        public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
            throw unused();
        }

        @Override
        public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
            throw unused();
        }

        @Override
        public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
            throw unused();
        }

        @Override
        public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
            throw unused();
        }

        @Override
        public void setLocation(Location location, Iterable<? extends File> files) {
            throw unused();
        }

        @Override
        public Iterable<? extends File> getLocation(Location location) {
            throw unused();
        }

        @Override
        public ClassLoader getClassLoader(Location location) {
            throw unused();
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                             boolean recurse) {
            throw unused();
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            throw unused();
        }

        @Override
        public boolean hasLocation(Location location) {
            throw unused();
        }

        @Override
        public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) {
            throw unused();
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            throw unused();
        }

        @Override
        public FileObject getFileForInput(Location location, String packageName, String relativeName) {
            throw unused();
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                                           FileObject sibling) {
            throw unused();
        }

        @Override
        public void flush() {
            throw unused();
        }

        @Override
        public void close() {
            throw unused();
        }
    }
}
