package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.phasebook.latent.LangevinFlowParameters;
import org.phasebook.latent.LatentShape;

class LangevinFlowDiagramTest {

    private static final LatentShape SHAPE = new LatentShape(40, 10, 24, 32);

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String allText(LangevinFlowParameters p, LatentShape shape) {
        StringBuilder text = new StringBuilder();
        for (String[] box : LangevinFlowDiagram.boxes(p, shape)) {
            text.append(String.join("|", box)).append('\n');
        }
        return text.append(String.join("\n", LangevinFlowDiagram.equations(p))).toString();
    }

    /** The pixels of {@code image} that are not white. */
    private static int inked(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void imageHasTheDocumentedSizeAndIsDrawnOn() {
        BufferedImage image = LangevinFlowDiagram.schematic(LangevinFlowParameters.defaults(), SHAPE);
        assertEquals(LangevinFlowDiagram.WIDTH, image.getWidth());
        assertEquals(LangevinFlowDiagram.HEIGHT, image.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        int inked = inked(image);
        assertTrue(inked > 20_000, "too little drawn: " + inked);
        // Corners are background.
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(image.getWidth() - 1, image.getHeight() - 1) & 0xFFFFFF);
    }

    @Test
    void renderIsDeterministicByteForByte() throws IOException {
        LangevinFlowParameters p = LangevinFlowParameters.defaults();
        assertArrayEquals(png(LangevinFlowDiagram.schematic(p, SHAPE)), png(LangevinFlowDiagram.schematic(p, SHAPE)));
    }

    @Test
    void labelsAreReadFromTheParametersAndTheShape() {
        LangevinFlowParameters p = LangevinFlowParameters.defaults();
        String text = allText(p, SHAPE);
        assertTrue(text.contains("H = " + p.hidden()), text);
        assertTrue(text.contains("d = 3H = " + 3 * p.hidden()), text);
        assertTrue(text.contains(p.heads() + " heads"), text);
        assertTrue(text.contains("\u03b3 = " + LangevinFlowDiagram.number(p.gamma())), text);
        assertTrue(text.contains("\u03b7 = " + LangevinFlowDiagram.number(p.eta())), text);
        assertTrue(text.contains("N_{in} = 24") && text.contains("T_o = 40") && text.contains("T_f = 10")
                && text.contains("N = 32") && text.contains("T = 50"), text);
        LangevinFlowParameters other = new LangevinFlowParameters(32, 3, 128, 1.0, 0.05, 0.0);
        String otherText = allText(other, new LatentShape(30, 5, 20, 25));
        assertTrue(otherText.contains("H = 32") && otherText.contains("3 heads") && otherText.contains("\u03b3 = 1")
                && otherText.contains("\u03b7 = 0.05") && otherText.contains("N = 25"), otherText);
        assertFalse(otherText.contains("H = 64") || otherText.contains("0.55"), otherText);
    }

    @Test
    void otherParametersDrawAnotherImage() {
        LangevinFlowParameters p = LangevinFlowParameters.defaults();
        BufferedImage base = LangevinFlowDiagram.schematic(p, SHAPE);
        int[] basePixels = base.getRGB(0, 0, base.getWidth(), base.getHeight(), null, 0, base.getWidth());
        for (LangevinFlowParameters q : new LangevinFlowParameters[] {p.withGamma(1.0),
                new LangevinFlowParameters(p.hidden(), p.heads(), p.feedForward(), p.gamma(), 0.02, p.dropout()),
                new LangevinFlowParameters(p.hidden(), 3, p.feedForward(), p.gamma(), p.eta(), p.dropout())}) {
            BufferedImage changed = LangevinFlowDiagram.schematic(q, SHAPE);
            int[] pixels = changed.getRGB(0, 0, changed.getWidth(), changed.getHeight(), null, 0, changed.getWidth());
            assertFalse(Arrays.equals(basePixels, pixels), "same image for " + q);
        }
    }

    @Test
    void theUpdateIsTheModelsOwn() {
        String[] eq = LangevinFlowDiagram.equations(LangevinFlowParameters.defaults());
        assertEquals("z_t = z_{t\u22121} + \u03b7 v_{t\u22121}", eq[0]);
        assertTrue(eq[1].startsWith("v_t = (1 \u2212 \u03b3)(v_{t\u22121} \u2212 \u03b7 \u2207U(z_{t\u22121}))"
                + " + \u221a(2\u03b3) \u03be_t"), eq[1]);
    }

    @Test
    void subscriptsAreSplitIntoRuns() {
        assertArrayEquals(new String[] {"h", "t", " = GRU(h", "t\u22121", ", u", "t", ")"},
                LangevinFlowDiagram.runs("h_t = GRU(h_{t\u22121}, u_t)"));
        assertArrayEquals(new String[] {"plain"}, LangevinFlowDiagram.runs("plain"));
        assertThrows(IllegalArgumentException.class, () -> LangevinFlowDiagram.runs("x_{t"));
    }

    @Test
    void numbersAreWrittenShort() {
        assertEquals("0.55", LangevinFlowDiagram.number(0.55));
        assertEquals("0.01", LangevinFlowDiagram.number(0.01));
        assertEquals("1", LangevinFlowDiagram.number(1.0));
        assertEquals("0", LangevinFlowDiagram.number(0.0));
    }

    @Test
    void badArgumentsAreRejectedNamingTheParameter() {
        NullPointerException parameters = assertThrows(NullPointerException.class,
                () -> LangevinFlowDiagram.schematic(null, SHAPE));
        assertEquals("parameters", parameters.getMessage());
        NullPointerException shape = assertThrows(NullPointerException.class,
                () -> LangevinFlowDiagram.schematic(LangevinFlowParameters.defaults(), null));
        assertEquals("shape", shape.getMessage());
    }
}
