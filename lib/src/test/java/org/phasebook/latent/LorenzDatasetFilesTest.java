package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class LorenzDatasetFilesTest {

    private static final LorenzRecipe SMALL = new LorenzRecipe(3, 5, 5, 3, 6, 2, 11L);

    @Test
    void roundTripIsBitExact(@TempDir Path dir) {
        LorenzDataset d = LorenzGenerator.generate(SMALL);
        Map<String, LorenzDatasetFiles.FileChecksum> sums = LorenzDatasetFiles.write(d, dir,
                "test");
        assertEquals(LorenzDatasetFiles.dataFiles(SMALL), java.util.List.copyOf(sums.keySet()));
        LorenzDataset back = LorenzDatasetFiles.read(dir);
        assertTrue(d.sameContent(back));
        assertEquals(SMALL, back.recipe());
        assertTrue(Files.isRegularFile(dir.resolve(LorenzDatasetFiles.README)));
    }

    @Test
    void roundTripWithoutForwardBins(@TempDir Path dir) {
        LorenzRecipe r = new LorenzRecipe(2, 3, 4, 2, 5, 0, 3L);
        LorenzDataset d = LorenzGenerator.generate(r);
        LorenzDatasetFiles.write(d, dir, "test");
        assertFalse(Files.exists(dir.resolve("eval_spikes_heldin_forward.csv.gz")));
        assertTrue(d.sameContent(LorenzDatasetFiles.read(dir)));
        assertFalse(NlbTensorFiles.read(dir).hasEvalForward());
    }

    @Test
    void aChangedByteIsCaughtByTheChecksum(@TempDir Path dir) throws IOException {
        LorenzDatasetFiles.write(LorenzGenerator.generate(SMALL), dir, "test");
        Path readout = dir.resolve(LorenzDatasetFiles.READOUT);
        String text = Files.readString(readout);
        int digit = text.indexOf('7');
        String changed = text.substring(0, digit) + '8' + text.substring(digit + 1);
        Files.writeString(readout, changed);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LorenzDatasetFiles.read(dir));
        assertTrue(e.getMessage().contains("readout.csv"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreRejectedEvenWithMatchingChecksums(@TempDir Path dir)
            throws IOException {
        LorenzDatasetFiles.write(LorenzGenerator.generate(SMALL), dir, "test");
        Path readout = dir.resolve(LorenzDatasetFiles.READOUT);
        String text = Files.readString(readout);
        String[] lines = text.split("\n");
        lines[2] = "1,NaN" + lines[2].substring(lines[2].indexOf(',', 2));
        Files.writeString(readout, String.join("\n", lines) + "\n");
        refreshChecksum(dir, LorenzDatasetFiles.READOUT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LorenzDatasetFiles.read(dir));
        assertTrue(e.getMessage().contains("readout.csv") && e.getMessage().contains("line 3"),
                e.getMessage());
    }

    @Test
    void aMissingProvenanceIsExplained(@TempDir Path dir) {
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> LorenzDatasetFiles.read(dir));
        assertTrue(e.getMessage().contains("provenance.json"), e.getMessage());
    }

    @Test
    void theCommittedDataSetIsTheDefaultRecipeRegenerated(@TempDir Path dir) throws IOException {
        Path committed = LorenzDatasetFiles.locate();
        LorenzDataset read = LorenzDatasetFiles.read(committed);
        assertEquals(LorenzRecipe.defaults(), read.recipe());
        LorenzDataset regenerated = LorenzGenerator.generate(LorenzRecipe.defaults());
        assertTrue(regenerated.sameContent(read));
        Map<String, LorenzDatasetFiles.FileChecksum> fresh =
                LorenzDatasetFiles.write(regenerated, dir, "test");
        Map<String, LorenzDatasetFiles.FileChecksum> recorded = LorenzDatasetFiles.checksums(
                Files.readString(committed.resolve(LorenzDatasetFiles.PROVENANCE)));
        for (Map.Entry<String, LorenzDatasetFiles.FileChecksum> e : fresh.entrySet()) {
            assertEquals(recorded.get(e.getKey()).contentSha256(), e.getValue().contentSha256(),
                    e.getKey());
        }
        // The spike files are an NLB tensor folder, and Tablesaw reads them.
        NlbTensors tensors = NlbTensorFiles.read(committed);
        NlbTensors expected = read.toNlbTensors();
        assertTrue(java.util.Arrays.deepEquals(expected.evalSpikesHeldoutForward(),
                tensors.evalSpikesHeldoutForward()));
        Table table = NlbTensorFiles.table(committed.resolve("eval_spikes_heldout.csv.gz"));
        assertEquals(260 * 40, table.rowCount());
        assertEquals(2 + 8, table.columnCount());
        assertEquals(read.heldout(Split.EVAL)[259][39][7],
                ((Number) table.column("c7").get(260 * 40 - 1)).intValue());
    }

    /** Rewrites the provenance entry of one file to its current checksum. */
    private static void refreshChecksum(Path dir, String name) throws IOException {
        Path provenance = dir.resolve(LorenzDatasetFiles.PROVENANCE);
        String json = Files.readString(provenance, StandardCharsets.UTF_8);
        LorenzDatasetFiles.FileChecksum old = LorenzDatasetFiles.checksums(json).get(name);
        LorenzDatasetFiles.FileChecksum now = LorenzDatasetFiles.FileChecksum.of(dir.resolve(name));
        json = json.replace("\"bytes\": " + old.bytes() + ", \"sha256\": \"" + old.sha256()
                + "\", \"content_sha256\": \"" + old.contentSha256() + "\"",
                "\"bytes\": " + now.bytes() + ", \"sha256\": \"" + now.sha256()
                + "\", \"content_sha256\": \"" + now.contentSha256() + "\"");
        Files.writeString(provenance, json, StandardCharsets.UTF_8);
        assertArrayEquals(new Object[] {now},
                new Object[] {LorenzDatasetFiles.checksums(json).get(name)});
    }
}
