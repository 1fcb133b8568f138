package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NlbTensorFilesTest {

    /** Writes a file as numpy.savetxt(fmt='%.17g', header=..., comments='') would. */
    private static void numpyStyle(Path dir, String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name + ".csv"), String.join("\n", lines) + "\n");
    }

    /** A small export: 2 train and 1 eval trials, 3 observed bins, 2 held-in, 1 held-out. */
    private static void smallExport(Path dir) throws IOException {
        numpyStyle(dir, "train_spikes_heldin", "trial,bin,c0,c1",
                "0,0,1,0", "0,1,0,0", "0,2,2,1", "1,0,0,3", "1,1,1,0", "1,2,0,0");
        numpyStyle(dir, "train_spikes_heldout", "trial,bin,c0",
                "0,0,0", "0,1,1", "0,2,0", "1,0,2", "1,1,0", "1,2,1");
        numpyStyle(dir, "eval_spikes_heldin", "trial,bin,c0,c1", "0,0,1,1", "0,1,0,2", "0,2,nan,nan");
        numpyStyle(dir, "eval_spikes_heldout", "trial,bin,c0", "0,0,1", "0,1,0", "0,2,nan");
        numpyStyle(dir, "eval_spikes_heldin_forward", "trial,bin,c0,c1", "0,0,0,1");
        numpyStyle(dir, "eval_spikes_heldout_forward", "trial,bin,c0", "0,0,4");
        numpyStyle(dir, "train_behavior", "trial,bin,c0,c1", "0,0,0.10000000000000001,-2.5",
                "0,1,1e-3,0", "0,2,NaN,NaN", "1,0,3,4", "1,1,-0.25,1.5", "1,2,7,8");
        numpyStyle(dir, "eval_behavior", "trial,bin,c0,c1", "0,0,1,2", "0,1,3,4", "0,2,5,6");
    }

    @Test
    void readsANumpyStyleExport(@TempDir Path dir) throws IOException {
        smallExport(dir);
        NlbTensors t = NlbTensorFiles.read(dir);
        assertEquals(2, t.trainTrials());
        assertEquals(1, t.evalTrials());
        assertEquals(3, t.observedBins());
        assertEquals(1, t.forwardBins());
        assertEquals(2, t.heldInNeurons());
        assertEquals(1, t.heldOutNeurons());
        assertFalse(t.hasTrainForward());
        assertTrue(t.hasEvalForward() && t.hasBehavior());
        assertEquals(3.0, t.trainSpikesHeldin()[1][0][1]);
        assertTrue(Double.isNaN(t.evalSpikesHeldout()[0][2][0]));
        assertEquals(0.1, t.trainBehavior()[0][0][0]);
        assertEquals(1e-3, t.trainBehavior()[0][1][0]);
        assertTrue(Double.isNaN(t.trainBehavior()[0][2][1]));
        assertEquals(4.0, t.evalSpikesHeldoutForward()[0][0][0]);
        assertEquals(List.of("train_spikes_heldin", "train_spikes_heldout", "eval_spikes_heldin",
                "eval_spikes_heldout", "eval_spikes_heldin_forward", "eval_spikes_heldout_forward",
                "train_behavior", "eval_behavior"), t.present());
        // The bits-per-spike metrics skip the NaN padding.
        double[][][] rates = {{{0.5}, {0.5}, {Double.NaN}}};
        double nll = SpikeMetrics.negLogLikelihood(rates, t.evalSpikesHeldout());
        assertEquals(0.5 - Math.log(0.5) + 0.5, nll, 1e-15);
    }

    @Test
    void writeThenReadGivesTheSameTensors(@TempDir Path dir) throws IOException {
        smallExport(dir);
        NlbTensors t = NlbTensorFiles.read(dir);
        double[][][] b = t.trainBehavior();
        b[1][1][0] = -0.0;
        b[1][2][1] = Math.PI * 1e-300;
        NlbTensors changed = new NlbTensors(t.trainSpikesHeldin(), t.trainSpikesHeldout(), null,
                null, t.evalSpikesHeldin(), t.evalSpikesHeldout(), t.evalSpikesHeldinForward(),
                t.evalSpikesHeldoutForward(), b, t.evalBehavior());
        Path out = dir.resolve("out");
        List<Path> files = NlbTensorFiles.write(changed, out, true);
        assertEquals(8, files.size());
        NlbTensors back = NlbTensorFiles.read(out);
        assertEquals(changed, back);
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(back.trainBehavior()[1][1][0]));
        // Writing plain next to gzip replaces the twin, so the folder stays unambiguous.
        NlbTensorFiles.write(changed, out, false);
        assertEquals(changed, NlbTensorFiles.read(out));
        assertFalse(Files.exists(out.resolve("train_behavior.csv.gz")));
    }

    @Test
    void malformedFilesAreRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
        smallExport(dir);
        numpyStyle(dir, "train_spikes_heldout", "trial,bin,c0",
                "0,0,0", "0,2,1", "0,1,0", "1,0,2", "1,1,0", "1,2,1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("train_spikes_heldout.csv")
                && e.getMessage().contains("line 3"), e.getMessage());

        numpyStyle(dir, "train_spikes_heldout", "trial,bin,c0",
                "0,0,0", "0,1,inf", "0,2,0", "1,0,2", "1,1,0", "1,2,1");
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());

        numpyStyle(dir, "train_spikes_heldout", "trial,bin,c0",
                "0,0,0", "0,1,1,5", "0,2,0", "1,0,2", "1,1,0", "1,2,1");
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("expected 3 fields"), e.getMessage());

        numpyStyle(dir, "train_spikes_heldout", "time,bin,c0", "0,0,0");
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("header"), e.getMessage());

        numpyStyle(dir, "train_spikes_heldout", "trial,bin,c0",
                "0,0,0", "0,1,-1", "0,2,0", "1,0,2", "1,1,0", "1,2,1");
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
    }

    @Test
    void shapesThatDoNotFitAndMissingArraysAreExplained(@TempDir Path dir) throws IOException {
        smallExport(dir);
        numpyStyle(dir, "eval_spikes_heldout", "trial,bin,c0", "0,0,1", "0,1,0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("eval_spikes_heldout")
                && e.getMessage().contains("[1, 3, 1]"), e.getMessage());

        smallExport(dir);
        Files.delete(dir.resolve("eval_spikes_heldout_forward.csv"));
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("both or neither"), e.getMessage());

        smallExport(dir);
        Files.delete(dir.resolve("train_spikes_heldin.csv"));
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("train_spikes_heldin") && e.getMessage().contains(
                "missing"), e.getMessage());

        smallExport(dir);
        Files.copy(dir.resolve("train_spikes_heldin.csv"), dir.resolve("x.csv"));
        NlbTensorFiles.writeArray(dir.resolve("train_spikes_heldin.csv.gz"),
                NlbTensorFiles.readArray(dir.resolve("x.csv")));
        e = assertThrows(IllegalArgumentException.class, () -> NlbTensorFiles.read(dir));
        assertTrue(e.getMessage().contains("keep one"), e.getMessage());
    }
}
