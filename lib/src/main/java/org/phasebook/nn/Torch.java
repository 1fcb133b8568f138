package org.phasebook.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * DJL's PyTorch engine (libtorch for the CPU), started offline with a fixed number of threads.
 *
 * <p>{@link #start()} prepares the process before DJL first touches its engine and returns a
 * handle to it:
 * <ul>
 *   <li><b>Offline.</b> It sets the system property {@code ai.djl.offline=true} unless the
 *       environment variable {@code DJL_OFFLINE} or the property already says otherwise. DJL then
 *       neither downloads anything nor sends its start-up telemetry request.</li>
 *   <li><b>Native library from the classpath.</b> libtorch comes from the jar
 *       {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64} and the JNI bridge from
 *       {@code ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0}. On first use DJL copies both (about
 *       450 MB) into its engine cache, {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} (an
 *       environment variable or a system property) or else {@code ~/.djl.ai}, in the folder
 *       {@code pytorch/2.7.1-20250812-cpu-linux-x86_64}; later processes load from there. The copy
 *       is made in a temporary folder and moved into place, so processes starting together do
 *       not see half a library. Without the jars {@code start} fails with a message that names
 *       them, instead of letting DJL try a download. {@code PYTORCH_LIBRARY_PATH}, DJL's own
 *       override, still points it at a libtorch of its own.</li>
 *   <li><b>Threads.</b> It sets {@code ai.djl.pytorch.num_threads} and
 *       {@code ai.djl.pytorch.num_interop_threads}, which DJL applies when it loads libtorch.
 *       libtorch's intra-op count is global and applied lazily to every thread that runs an
 *       operation, so it holds for any Java thread; one thread is the default because on two
 *       shared cores a second one makes small matrix products 10 to 30 times slower
 *       (DESIGN.md). The inter-op count cannot change once libtorch has used it.</li>
 * </ul>
 *
 * <p>The engine itself is process-wide (DJL keeps one per JVM); a {@code Torch} is only a handle
 * to it with the thread counts it was checked against. Calling {@code start} again with the
 * same counts is cheap. A later call may change the intra-op count; asking for a different
 * inter-op count after the engine has started fails with {@link IllegalStateException}.
 */
public final class Torch {

    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";

    /** The Maven coordinates of the native jar, named in error messages. */
    static final String NATIVE_JAR = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";
    /** The Maven coordinates of the JNI jar, named in error messages. */
    static final String JNI_JAR = "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0";

    private static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";
    private static final String JNI_PROPERTIES = "jnilib/pytorch.properties";

    private final Engine engine;
    private final Threads threads;

    private Torch(Engine engine, Threads threads) {
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * Thread counts for libtorch.
     *
     * @param intraOp threads inside one operation (a matrix product, a reduction), {@code >= 1}
     * @param interOp threads that run independent operations concurrently, {@code >= 1}
     */
    public record Threads(int intraOp, int interOp) {

        /** Checks both counts. */
        public Threads {
            if (intraOp < 1) {
                throw new IllegalArgumentException("intraOp must be >= 1, got " + intraOp);
            }
            if (interOp < 1) {
                throw new IllegalArgumentException("interOp must be >= 1, got " + interOp);
            }
        }

        /**
         * One intra-op and one inter-op thread, Phasebook's default.
         *
         * @return {@code new Threads(1, 1)}
         */
        public static Threads single() {
            return new Threads(1, 1);
        }
    }

    /**
     * Starts the engine offline with one intra-op and one inter-op thread.
     *
     * @return a handle to the engine
     * @throws IllegalStateException if the native library is missing or cannot be loaded, or the
     *     engine already runs with another inter-op thread count
     */
    public static Torch start() {
        return start(Threads.single());
    }

    /**
     * The notebook kernel's malloc setting ({@code environment/kernel/src/kernelspec/
     * phasebook-kernel}): one arena, nothing mapped under 256 MB, trimmed only above 1 GB.
     */
    public static final String MALLOC_TUNABLES = "glibc.malloc.arena_max=1"
        + ":glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824";

    /**
     * Lines for the log of a training command, one per environment variable that the notebook
     * kernel's launcher sets and this process lacks:
     * <ul>
     *   <li>{@code ATEN_CPU_CAPABILITY}: without it libtorch picks AVX2 or AVX-512 code per
     *       CPU, whose results differ in the last bits, so that the same seed trains to other
     *       weights on another CPU;</li>
     *   <li>{@code GLIBC_TUNABLES}: without it glibc returns libtorch's large temporaries to the
     *       operating system and a training step pays for fresh pages (10-20 % of a step; the
     *       results are the same).</li>
     * </ul>
     *
     * @return the notes, empty when both are set
     */
    public static List<String> environmentNotes() {
        List<String> notes = new ArrayList<>();
        if (isUnset("ATEN_CPU_CAPABILITY")) {
            notes.add("note: ATEN_CPU_CAPABILITY is not set, so libtorch picks its kernels for "
                + "this CPU and the weights can differ in the last bits from another CPU's; set "
                + "ATEN_CPU_CAPABILITY=avx2 to train as the notebook kernel computes");
        }
        if (isUnset("GLIBC_TUNABLES")) {
            notes.add("note: GLIBC_TUNABLES is not set, so each training step waits for fresh "
                + "memory pages (10-20 % slower, same results); set GLIBC_TUNABLES="
                + MALLOC_TUNABLES + " as the notebook kernel does");
        }
        return notes;
    }

    private static boolean isUnset(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank();
    }

    /**
     * Starts the engine offline with the given thread counts, or checks the running one.
     *
     * @param threads the thread counts wanted
     * @return a handle to the engine
     * @throws IllegalStateException if the native library is missing or cannot be loaded, or the
     *     engine already runs with another inter-op thread count
     */
    public static synchronized Torch start(Threads threads) {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // Read by DJL once, when it loads libtorch; a running engine is adjusted below instead.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads.intraOp()));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
            Integer.toString(threads.interOp()));
        if (Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH") == null) {
            requireNativeJars(contextClassLoader());
        }
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DJL's PyTorch engine (ai.djl.pytorch:pytorch-engine) "
                + "is not on the classpath", e);
        } catch (EngineException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("Could not load libtorch from " + NATIVE_JAR
                + " (extracted into " + cacheDirectory() + "; it needs about 450 MB of free disk; "
                + "set ENGINE_CACHE_DIR to extract it elsewhere): " + e.getMessage(), e);
        }
        if (JniUtils.getNumThreads() != threads.intraOp()) {
            JniUtils.setNumThreads(threads.intraOp());
        }
        int interOp = JniUtils.getNumInteropThreads();
        if (interOp != threads.interOp()) {
            throw new IllegalStateException("The PyTorch engine already runs with " + interOp
                + " inter-op threads in this JVM and libtorch cannot change that; asked for "
                + threads.interOp() + ". Restart the JVM (or the notebook kernel) and call "
                + "Torch.start before any other use of DJL.");
        }
        return new Torch(engine, new Threads(JniUtils.getNumThreads(), interOp));
    }

    /**
     * Fails unless both DJL native jars are visible to {@code loader}.
     *
     * @param loader the class loader DJL will search (the thread's context class loader)
     * @throws IllegalStateException naming the missing jar
     */
    static void requireNativeJars(ClassLoader loader) {
        requireResource(loader, NATIVE_PROPERTIES, NATIVE_JAR);
        requireResource(loader, JNI_PROPERTIES, JNI_JAR);
    }

    private static void requireResource(ClassLoader loader, String resource, String jar) {
        if (loader.getResource(resource) == null) {
            throw new IllegalStateException("The PyTorch native library is missing: the jar " + jar
                + " is not on the classpath (no " + resource + "). Phasebook loads libtorch "
                + "offline from that jar and never downloads it; add the jar (build with Maven, "
                + "which resolves it from phasebook-lib's dependencies) or set "
                + "PYTORCH_LIBRARY_PATH to a folder that holds libtorch.so.");
        }
    }

    /** The loader DJL searches: the thread's context class loader, else DJL's own. */
    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Engine.class.getClassLoader();
    }

    /**
     * The folder DJL extracts native libraries into, by its own rules: {@code ENGINE_CACHE_DIR},
     * else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai} (or {@code .djl.ai} under the temporary
     * folder when the home folder is not writable).
     *
     * @return the engine cache folder; libtorch lies in its {@code pytorch} sub-folder
     */
    public static Path cacheDirectory() {
        return Utils.getEngineCacheDir();
    }

    /**
     * A new NDManager on the CPU. Close it (try-with-resources) to free the native memory of
     * every array it owns.
     *
     * @return a new root manager of this engine
     */
    public NDManager newManager() {
        return engine.newBaseManager(Device.cpu());
    }

    /**
     * Seeds libtorch's default generator ({@code torch.manual_seed}) with all 64 bits of
     * {@code seed}, and DJL's Java-side generator (used by its initialisers) with
     * {@code Long.hashCode(seed)}.
     *
     * <p>Phasebook draws the noise that its results depend on in Java from a seeded
     * {@link java.util.SplittableRandom} and uploads it, so that runs agree across engines; this
     * seed makes whatever libtorch draws itself reproducible too.
     *
     * @param seed the seed
     */
    public void seed(long seed) {
        engine.setRandomSeed(Long.hashCode(seed));
        JniUtils.setSeed(seed);
    }

    /**
     * The thread counts libtorch reported when this handle was made.
     *
     * @return the intra-op and inter-op thread counts
     */
    public Threads threads() {
        return threads;
    }

    /**
     * The version of libtorch, such as {@code 2.7.1}.
     *
     * @return libtorch's version
     */
    public String version() {
        return engine.getVersion();
    }

    /**
     * The folder libtorch was loaded from.
     *
     * @return the folder holding {@code libtorch.so}
     */
    public Path libraryDirectory() {
        return Paths.get(LibUtils.getLibtorchPath());
    }

    /**
     * DJL's engine, for the few calls that need it ({@code newGradientCollector()}).
     *
     * @return the PyTorch engine
     */
    public Engine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "Torch[libtorch " + version() + ", " + threads.intraOp() + " intra-op and "
            + threads.interOp() + " inter-op threads, " + libraryDirectory() + "]";
    }
}
