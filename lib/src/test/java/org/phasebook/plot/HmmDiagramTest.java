package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.phasebook.hmm.BenchmarkHmm;
import org.phasebook.hmm.CategoricalHmm;

class HmmDiagramTest {

    private static final List<CategoricalHmm> PAPER = List.of(BenchmarkHmm.LINEAR_CHAIN_3.hmm(),
            BenchmarkHmm.FULLY_CONNECTED_3.hmm(), BenchmarkHmm.CYCLIC_4.hmm());

    private static int rgb(BufferedImage image, Point2D p) {
        return image.getRGB((int) Math.round(p.getX()), (int) Math.round(p.getY())) & 0xFFFFFF;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void imageHasTheDocumentedSize() {
        for (int n = 1; n <= HmmDiagram.MAX_HMMS; n++) {
            BufferedImage image = HmmDiagram.schematic(Arrays.stream(BenchmarkHmm.values())
                    .limit(n).map(BenchmarkHmm::hmm).toList());
            assertEquals(HmmDiagram.WIDTH, image.getWidth());
            assertEquals(HmmDiagram.schematicHeight(), image.getHeight());
            assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        }
    }

    @Test
    void eachStateCentreHasItsStateColour() {
        BufferedImage image = HmmDiagram.schematic(PAPER);
        for (int k = 0; k < PAPER.size(); k++) {
            HmmDiagram.Panel panel = HmmDiagram.panel(PAPER, k);
            CategoricalHmm hmm = PAPER.get(k);
            assertEquals(hmm.states(), panel.centres().length);
            for (int i = 0; i < hmm.states(); i++) {
                assertEquals(HmmDiagram.stateColour(hmm, i).getRGB() & 0xFFFFFF, rgb(image, panel.centres()[i]),
                        hmm.name() + " state " + i);
            }
        }
    }

    @Test
    void stateColourFollowsTheEmissions() {
        CategoricalHmm chain = BenchmarkHmm.LINEAR_CHAIN_3.hmm();
        Color first = HmmDiagram.stateColour(chain, 0);
        Color last = HmmDiagram.stateColour(chain, 2);
        // State 0 emits mostly symbol 0 (blue), the last state mostly symbol 2 (vermillion).
        assertTrue(first.getBlue() > first.getRed(), "state 0 " + first);
        assertTrue(last.getRed() > last.getBlue(), "state 2 " + last);
        // A state that emits only symbol 1 is the symbol's colour over white, 35 : 65.
        CategoricalHmm pure = new CategoricalHmm(new double[] {1.0}, new double[][] {{1.0}},
                new double[][] {{0.0, 1.0, 0.0}});
        Color expected = HmmDiagram.symbolColour(1);
        Color got = HmmDiagram.stateColour(pure, 0);
        assertEquals(Math.round(0.35 * expected.getGreen() + 0.65 * 255), got.getGreen());
        assertEquals(Math.round(0.35 * expected.getRed() + 0.65 * 255), got.getRed());
    }

    @Test
    void renderIsDeterministicByteForByte() throws IOException {
        assertArrayEquals(png(HmmDiagram.schematic(PAPER)), png(HmmDiagram.schematic(PAPER)));
    }

    @Test
    void layoutFollowsTheTransitionMatrix() {
        assertTrue(HmmDiagram.isChain(BenchmarkHmm.LINEAR_CHAIN_5.hmm()));
        assertFalse(HmmDiagram.isChain(BenchmarkHmm.FULLY_CONNECTED_3.hmm()));
        assertFalse(HmmDiagram.isChain(BenchmarkHmm.CYCLIC_4.hmm()));
        HmmDiagram.Panel chain = HmmDiagram.panel(PAPER, 0);
        for (Point2D c : chain.centres()) {
            assertEquals(chain.centres()[0].getY(), c.getY(), 1e-9, "chain states share a line");
        }
    }

    @Test
    void arrowsAreExactlyThePositiveOffDiagonalTransitions() {
        List<int[]> cyclic = HmmDiagram.arrows(BenchmarkHmm.CYCLIC_4.hmm());
        assertEquals(8, cyclic.size());
        for (int[] ij : cyclic) {
            assertNotEquals(2, Math.abs(ij[0] - ij[1]), "no arrow across the ring: " + ij[0] + "->" + ij[1]);
        }
        assertEquals(6, HmmDiagram.arrows(BenchmarkHmm.FULLY_CONNECTED_3.hmm()).size());
        assertEquals(4, HmmDiagram.arrows(BenchmarkHmm.LINEAR_CHAIN_3.hmm()).size());
    }

    @Test
    void aZeroTransitionDrawsNoArrowAndAPositiveOneDoes() {
        // The cyclic HMM has A[0][2] = 0; a copy with A[0][2] = 0.025 taken from the self-loop has it.
        CategoricalHmm ring = BenchmarkHmm.CYCLIC_4.hmm();
        double[][] a = ring.transitionMatrix();
        a[0][0] -= 0.025;
        a[0][2] += 0.025;
        CategoricalHmm across = new CategoricalHmm("across", ring.startDistribution(), a, ring.emissionMatrix());
        List<CategoricalHmm> without = List.of(ring);
        List<CategoricalHmm> with = List.of(across);
        Point2D mid = HmmDiagram.panel(without, 0).arrowMidpoint(0, 2);
        assertEquals(mid, HmmDiagram.panel(with, 0).arrowMidpoint(0, 2));
        assertEquals(0xFFFFFF, rgb(HmmDiagram.schematic(without), mid), "nothing drawn where 0 -> 2 would be");
        int drawn = rgb(HmmDiagram.schematic(with), mid);
        assertTrue((drawn & 0xFF) < 0xC0, "the arrow 0 -> 2 passes its midpoint: 0x" + Integer.toHexString(drawn));
        // A drawn arrow of the original passes through its own midpoint too.
        Point2D ringMid = HmmDiagram.panel(without, 0).arrowMidpoint(0, 1);
        assertTrue((rgb(HmmDiagram.schematic(without), ringMid) & 0xFF) < 0xC0);
    }

    @Test
    void probabilitiesAreWrittenShort() {
        assertEquals("0.95", HmmDiagram.probability(0.95));
        assertEquals("0.025", HmmDiagram.probability(0.025));
        assertEquals("0.224", HmmDiagram.probability(Math.sqrt(0.05)));
        assertEquals("1.0", HmmDiagram.probability(1.0));
    }

    @Test
    void badArgumentsAreRejectedNamingTheParameter() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> HmmDiagram.schematic(List.of()));
        assertTrue(empty.getMessage().contains("hmms"), empty.getMessage());
        List<CategoricalHmm> four = List.of(PAPER.get(0), PAPER.get(0), PAPER.get(0), PAPER.get(0));
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> HmmDiagram.schematic(four));
        assertTrue(many.getMessage().contains("hmms") && many.getMessage().contains("4"), many.getMessage());
        CategoricalHmm twoSymbols = new CategoricalHmm(new double[] {1.0}, new double[][] {{1.0}},
                new double[][] {{0.5, 0.5}});
        IllegalArgumentException symbols = assertThrows(IllegalArgumentException.class,
                () -> HmmDiagram.schematic(List.of(PAPER.get(0), twoSymbols)));
        assertTrue(symbols.getMessage().contains("hmms[1]") && symbols.getMessage().contains("symbols"),
                symbols.getMessage());
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class,
                () -> HmmDiagram.stateColour(PAPER.get(0), 3));
        assertTrue(state.getMessage().contains("state"), state.getMessage());
        IllegalArgumentException symbol = assertThrows(IllegalArgumentException.class,
                () -> HmmDiagram.symbolColour(-1));
        assertTrue(symbol.getMessage().contains("symbol"), symbol.getMessage());
    }
}
