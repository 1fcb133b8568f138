package org.phasebook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TorchTest {

    @Test
    void startsOfflineWithOneThreadFromTheBundledLibrary() {
        Torch torch = Torch.start();
        assertEquals(new Torch.Threads(1, 1), torch.threads());
        if (System.getenv("DJL_OFFLINE") == null) {
            assertEquals("true", System.getProperty("ai.djl.offline"));
        }
        assertEquals("2.7.1", torch.version());
        assertTrue(Files.isRegularFile(torch.libraryDirectory().resolve("libtorch_cpu.so")),
            () -> "no libtorch_cpu.so in " + torch.libraryDirectory());
        // Loaded from the copy DJL extracted out of the jar, not from a download elsewhere.
        assertTrue(torch.libraryDirectory().startsWith(Torch.cacheDirectory().resolve("pytorch")),
            () -> torch.libraryDirectory() + " is not under " + Torch.cacheDirectory());
    }

    @Test
    void notesEachMissingVariableOfTheKernelEnvironment() {
        List<String> notes = Torch.environmentNotes();
        assertEquals(unset("ATEN_CPU_CAPABILITY"),
            notes.stream().anyMatch(n -> n.contains("ATEN_CPU_CAPABILITY=avx2")), notes::toString);
        assertEquals(unset("GLIBC_TUNABLES"),
            notes.stream().anyMatch(n -> n.contains("GLIBC_TUNABLES=" + Torch.MALLOC_TUNABLES)),
            notes::toString);
    }

    @Test
    void kernelLauncherAndBenchmarksSetTheSameMallocTunables() throws IOException {
        // Three copies of one setting: the kernel's launcher, the benchmarks and the note.
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String file : List.of("environment/kernel/src/kernelspec/phasebook-kernel",
                "environment/bench/torch-bench.sh")) {
            String text = Files.readString(root.resolve(file));
            assertTrue(text.contains("GLIBC_TUNABLES:-" + Torch.MALLOC_TUNABLES + "}"),
                () -> file + " does not default GLIBC_TUNABLES to " + Torch.MALLOC_TUNABLES);
        }
    }

    private static boolean unset(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank();
    }

    @Test
    void matrixProductMatchesJava() {
        Torch torch = Torch.start();
        SplittableRandom random = new SplittableRandom(3);
        double[][] a = randomMatrix(random, 17, 13);
        double[][] b = randomMatrix(random, 13, 11);
        try (NDManager manager = torch.newManager()) {
            double[] product = manager.create(a).matMul(manager.create(b)).toDoubleArray();
            for (int i = 0; i < 17; i++) {
                for (int j = 0; j < 11; j++) {
                    double s = 0;
                    for (int k = 0; k < 13; k++) {
                        s += a[i][k] * b[k][j];
                    }
                    assertEquals(s, product[i * 11 + j], 1e-12);
                }
            }
        }
    }

    @Test
    void seedMakesLibtorchDrawsReproducible() {
        Torch torch = Torch.start();
        try (NDManager manager = torch.newManager()) {
            torch.seed(5);
            float[] first = draw(manager);
            torch.seed(5);
            float[] again = draw(manager);
            torch.seed(6);
            float[] other = draw(manager);
            assertArrayEquals(first, again);
            assertFalse(Arrays.equals(first, other));
        }
    }

    @Test
    void intraOpThreadsCanChangeButInterOpThreadsCannot() {
        Torch.start();
        try {
            assertEquals(2, Torch.start(new Torch.Threads(2, 1)).threads().intraOp());
        } finally {
            assertEquals(1, Torch.start().threads().intraOp());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Torch.start(new Torch.Threads(1, 2)));
        assertTrue(e.getMessage().contains("inter-op"), e.getMessage());
    }

    @Test
    void missingNativeJarIsNamed() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Torch.requireNativeJars(empty));
            assertTrue(e.getMessage().contains(Torch.NATIVE_JAR), e.getMessage());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // The real class path has both jars.
        Torch.requireNativeJars(Thread.currentThread().getContextClassLoader());
    }

    @Test
    void threadCountsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Torch.Threads(0, 1));
        assertTrue(e.getMessage().contains("intraOp") && e.getMessage().contains("0"));
        e = assertThrows(IllegalArgumentException.class, () -> new Torch.Threads(1, -1));
        assertTrue(e.getMessage().contains("interOp") && e.getMessage().contains("-1"));
    }

    private static float[] draw(NDManager manager) {
        try (NDArray a = manager.randomNormal(new Shape(64), DataType.FLOAT32)) {
            return a.toFloatArray();
        }
    }

    private static double[][] randomMatrix(SplittableRandom random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return m;
    }
}
