package org.phasebook.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {

    @Test
    void magicLinesAreTakenOutAndLineNumbersKept() {
        Magics.Parsed p = Magics.parse("%jars lib/*.jar\nint x = 1;\n  %classpath out\nx");
        assertEquals(List.of("%jars lib/*.jar", "%classpath out"), p.magicLines());
        assertEquals("\nint x = 1;\n\nx", p.javaCode());
    }

    @Test
    void codeWithoutMagicsIsUntouched() {
        String code = "int a = 5 % 3;\nString s = \"%d\";";
        assertEquals(code, Magics.parse(code).javaCode());
    }

    @Test
    void wordsSplitNameAndArguments() {
        assertEquals(List.of("jars", "a.jar", "b/*.jar"), Magics.words("%jars  a.jar   b/*.jar"));
        assertEquals(List.of(""), Magics.words("%"));
    }

    @Test
    void globsExpandToSortedMatchingFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib/sub"));
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/notes.txt"), "");
        Files.writeString(dir.resolve("lib/sub/c.jar"), "");
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")), Magics.expand("lib/*.jar", dir));
        assertEquals(List.of(dir.resolve("lib/sub/c.jar")), Magics.expand("lib/*/*.jar", dir));
        assertEquals(List.of(dir.resolve("lib/a.jar")), Magics.expand("lib/a.jar", dir));
    }

    @Test
    void missingFilesAreClearErrors(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> Magics.expand("nothing/*.jar", dir));
        assertTrue(e.getMessage().startsWith("no file matches nothing/*.jar"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Magics.expand("absent.jar", dir));
        assertTrue(f.getMessage().startsWith("no such file"), f.getMessage());
    }
}
