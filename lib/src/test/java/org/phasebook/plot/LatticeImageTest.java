package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LatticeImageTest {

    private static byte[] randomSites(int n, int states, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) rng.nextInt(states);
        }
        return s;
    }

    @Test
    void everyPixelHasTheColourOfItsSite() {
        int side = 7;
        int scale = 3;
        LatticeImage.Palette palette = LatticeImage.Palette.mayLeonard();
        byte[] sites = randomSites(side * side, 4, 11L);
        BufferedImage image = LatticeImage.render(sites, side, palette, scale);
        assertEquals(side * scale, image.getWidth());
        assertEquals(side * scale, image.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, image.getType());
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int state = sites[px / scale + side * (py / scale)];
                assertEquals(palette.colour(state), image.getRGB(px, py) & 0xFFFFFF, "pixel " + px + "," + py);
                assertEquals(0xFF, image.getRGB(px, py) >>> 24);
            }
        }
    }

    @Test
    void presetsFollowTheBrief() {
        LatticeImage.Palette lv = LatticeImage.Palette.lotkaVolterra();
        assertEquals(3, lv.size());
        assertEquals(0x000000, lv.colour(0));
        Color predator = new Color(lv.colour(1));
        Color prey = new Color(lv.colour(2));
        assertTrue(predator.getRed() > predator.getBlue() + 100, "predator is red");
        assertTrue(prey.getBlue() > prey.getRed() + 100, "prey is blue");
        LatticeImage.Palette ml = LatticeImage.Palette.mayLeonard();
        assertEquals(4, ml.size());
        assertEquals(0x000000, ml.colour(0));
        // distinct colours, each clearly brighter than the black background
        for (int s = 1; s <= 3; s++) {
            Color c = new Color(ml.colour(s));
            assertTrue(c.getRed() + c.getGreen() + c.getBlue() > 200, "state " + s);
            for (int u = s + 1; u <= 3; u++) {
                assertTrue(ml.colour(s) != ml.colour(u));
            }
        }
    }

    @Test
    void spaceTimeDiagramPutsTimeDownwards() {
        List<byte[]> rows = List.of(new byte[] {0, 1, 2, 0}, new byte[] {1, 1, 0, 2}, new byte[] {2, 0, 0, 1});
        LatticeImage.Palette p = LatticeImage.Palette.of(Color.WHITE, Color.RED, Color.GREEN);
        BufferedImage image = LatticeImage.spaceTime(rows, p, 2);
        assertEquals(8, image.getWidth());
        assertEquals(6, image.getHeight());
        for (int t = 0; t < 3; t++) {
            for (int x = 0; x < 4; x++) {
                int expected = p.colour(rows.get(t)[x]);
                for (int k = 0; k < 4; k++) {
                    assertEquals(expected, image.getRGB(2 * x + k % 2, 2 * t + k / 2) & 0xFFFFFF);
                }
            }
        }
    }

    @Test
    void renderingIsDeterministicAndSavesAsAnIndexedPng() throws IOException {
        byte[] sites = randomSites(64 * 64, 3, 5L);
        byte[] first = png(LatticeImage.render(sites, 64, LatticeImage.Palette.lotkaVolterra(), 2));
        byte[] second = png(LatticeImage.render(sites.clone(), 64, LatticeImage.Palette.lotkaVolterra(), 2));
        assertArrayEquals(first, second);
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(first));
        assertTrue(back.getColorModel() instanceof IndexColorModel, "indexed PNG");
        assertEquals(LatticeImage.Palette.lotkaVolterra().colour(sites[5 + 64 * 9]), back.getRGB(10, 18) & 0xFFFFFF);
        // a single-state palette still makes a valid image
        BufferedImage blank = LatticeImage.render(new byte[4], 2, LatticeImage.Palette.of(Color.BLACK), 1);
        assertEquals(0, blank.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void rejectsStatesOutsideThePaletteAndBadSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeImage.render(new byte[] {0, 1, 3, 0}, 2, LatticeImage.Palette.lotkaVolterra(), 1));
        assertTrue(e.getMessage().contains("sites[2] = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LatticeImage.render(new byte[5], 2, LatticeImage.Palette.lotkaVolterra(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> LatticeImage.render(new byte[4], 2, LatticeImage.Palette.lotkaVolterra(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> LatticeImage.spaceTime(List.of(new byte[3], new byte[4]), LatticeImage.Palette.mayLeonard(), 1));
        assertThrows(IllegalArgumentException.class, () -> new LatticeImage.Palette(new int[] {0x1000000}));
        assertThrows(IllegalArgumentException.class, () -> new LatticeImage.Palette(new int[0]));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
