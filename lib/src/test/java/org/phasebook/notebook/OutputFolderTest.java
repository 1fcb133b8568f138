package org.phasebook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path temp;

    @Test
    void theVariableWinsOverTheRepository() throws IOException {
        Path repo = repository();
        OutputFolder folder = OutputFolder.locate("00-tour", temp.resolve("elsewhere").toString(), repo);
        assertEquals(temp.resolve("elsewhere").resolve("00-tour"), folder.path());
        assertEquals("00-tour", folder.notebook());
    }

    @Test
    void withoutTheVariableItWalksUpToTheRepository() throws IOException {
        Path repo = repository();
        Path notebooks = Files.createDirectories(repo.resolve("notebooks").resolve("deep"));
        assertEquals(repo.resolve("figures").resolve("01-lorenz"), OutputFolder.locate("01-lorenz", null, notebooks).path());
        assertEquals(repo.resolve("figures").resolve("01-lorenz"), OutputFolder.locate("01-lorenz", "  ", repo).path());
    }

    @Test
    void aFolderWithOnlyPomOrOnlyFiguresIsNotTheRepository() throws IOException {
        Path repo = repository();
        Path module = Files.createDirectories(repo.resolve("lib"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Path nested = Files.createDirectories(module.resolve("figures-not").resolve("x"));
        Files.createDirectories(nested.resolve("figures"));
        assertEquals(repo.resolve("figures").resolve("n"), OutputFolder.locate("n", null, nested).path());
    }

    @Test
    void failsClearlyWhenNeitherRuleApplies() throws IOException {
        Path lonely = Files.createDirectories(temp.resolve("lonely"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OutputFolder.locate("00-tour", null, lonely));
        assertTrue(e.getMessage().contains("PHASEBOOK_FIGURES_DIR"), e.getMessage());
        assertTrue(e.getMessage().contains("pom.xml"), e.getMessage());
        assertTrue(e.getMessage().contains(lonely.toString()), e.getMessage());
    }

    @Test
    void namesMustBePlain() {
        for (String bad : List.of("", "../x", "a/b", ".hidden", "with space", "-dash")) {
            assertThrows(IllegalArgumentException.class, () -> new OutputFolder(bad, temp), bad);
            assertFalse(OutputFolder.isPlainName(bad), bad);
        }
        assertTrue(OutputFolder.isPlainName("00-tour"));
        OutputFolder folder = new OutputFolder("00-tour", temp);
        assertThrows(IllegalArgumentException.class, () -> folder.resolve("../escape.png"));
        assertThrows(IllegalArgumentException.class, () -> folder.write("a/b.csv", new byte[0]));
    }

    @Test
    void writeCreatesTheFolderReplacesWholeFilesAndLeavesNoTemporaries() throws IOException {
        OutputFolder folder = new OutputFolder("00-tour", temp.resolve("figures").resolve("00-tour"));
        Path written = folder.write("data.csv", "first\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(folder.path().resolve("data.csv"), written);
        assertEquals("first\n", Files.readString(written));
        byte[] second = "second, longer content\n".getBytes(StandardCharsets.UTF_8);
        folder.write("data.csv", second);
        assertArrayEquals(second, Files.readAllBytes(written));
        try (Stream<Path> files = Files.list(folder.path())) {
            assertEquals(List.of(written), files.toList());
        }
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotThoseOfPrivateTemporaryFiles() throws IOException {
        OutputFolder folder = new OutputFolder("n", temp);
        Path written = folder.write("a.csv", new byte[] {1});
        Path ordinary = Files.write(temp.resolve("ordinary.csv"), new byte[] {1});
        if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written));
        }
    }

    private Path repository() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("figures"));
        return repo;
    }
}
