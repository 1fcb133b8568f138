package org.phasebook.kernel;

import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The file manager through which JShell's compiler reads the classpath: the JDK's standard file
 * manager, unchanged, except that {@code --multi-release} with the value already in force is
 * answered here instead of being passed on.
 *
 * <p>Why: for every compilation task, javac hands its file manager {@code --multi-release} with
 * the same value (the release it compiles for), and the standard file manager answers any option
 * by dropping its index of the classpath's directories. JShell runs four or five tasks for each
 * snippet, so without this every cell re-indexed every jar on the kernel's classpath, which cost
 * 5 to 10 % of a trivial cell's compile time with the kernel's 34 jars and grew with each jar
 * added. Setting the option to the value it already has changes nothing else in the standard
 * file manager (it records the value), so the index stays valid; a new value, and every other
 * option, is passed on as before.
 */
final class IndexKeepingFileManager implements StandardJavaFileManager {

    static final String MULTI_RELEASE = "--multi-release";

    private final StandardJavaFileManager standard;
    /** The {@code --multi-release} value the standard file manager has; null before the first. */
    private String multiRelease;

    IndexKeepingFileManager(StandardJavaFileManager standard) {
        this.standard = standard;
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (!current.equals(MULTI_RELEASE) || !remaining.hasNext()) {
            return standard.handleOption(current, remaining);
        }
        String value = remaining.next();  // consumed here either way, as the contract asks
        if (value.equals(multiRelease)) {
            return true;
        }
        boolean handled = standard.handleOption(current, List.of(value).iterator());
        if (handled) {
            multiRelease = value;
        }
        return handled;
    }

    @Override
    public int isSupportedOption(String option) {
        return standard.isSupportedOption(option);
    }

    // Every other method is the standard file manager's, including the interfaces' default
    // methods, which the standard file manager implements itself.

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return standard.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return standard.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return standard.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return standard.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return standard.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return standard.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return standard.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return standard.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        standard.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        standard.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        standard.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return standard.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return standard.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return standard.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        standard.setPathFactory(factory);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        return standard.getClassLoader(location);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        return standard.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return standard.inferBinaryName(location, file);
    }

    @Override
    public boolean hasLocation(Location location) {
        return standard.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        return standard.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) throws IOException {
        return standard.getJavaFileForOutput(location, className, kind, sibling);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName)
            throws IOException {
        return standard.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                                       FileObject sibling) throws IOException {
        return standard.getFileForOutput(location, packageName, relativeName, sibling);
    }

    @Override
    public void flush() throws IOException {
        standard.flush();
    }

    @Override
    public void close() throws IOException {
        standard.close();
    }

    @Override
    public Location getLocationForModule(Location location, String moduleName) throws IOException {
        return standard.getLocationForModule(location, moduleName);
    }

    @Override
    public Location getLocationForModule(Location location, JavaFileObject file) throws IOException {
        return standard.getLocationForModule(location, file);
    }

    @Override
    public <S> ServiceLoader<S> getServiceLoader(Location location, Class<S> service) throws IOException {
        return standard.getServiceLoader(location, service);
    }

    @Override
    public String inferModuleName(Location location) throws IOException {
        return standard.inferModuleName(location);
    }

    @Override
    public Iterable<Set<Location>> listLocationsForModules(Location location) throws IOException {
        return standard.listLocationsForModules(location);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        return standard.contains(location, file);
    }
}
