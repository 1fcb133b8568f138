package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateLorenzDatasetTest {

    @Test
    void quickWithAnOutputFolderWritesTheQuickRecipe(@TempDir Path dir) {
        GenerateLorenzDataset.main(new String[] {"quick", "--seed", "3", "--out", dir.toString()});
        LorenzDataset read = LorenzDatasetFiles.read(dir);
        assertTrue(LorenzGenerator.generate(LorenzRecipe.quick().withSeed(3L)).sameContent(read));
    }

    @Test
    void theCommittedFolderOnlyTakesTheDefaultRecipe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerateLorenzDataset.main(new String[] {"quick"}));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GenerateLorenzDataset.main(new String[] {"--bogus"}));
        assertTrue(e.getMessage().contains("usage"), e.getMessage());
    }
}
