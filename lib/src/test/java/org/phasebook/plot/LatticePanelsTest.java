package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatticePanelsTest {

    @Test
    void panelsSitSideBySideWithWhiteGaps() {
        LatticeImage.Palette palette = new LatticeImage.Palette(new int[] {0x000000, 0xD55E00, 0x56B4E9});
        int side = 2;
        int scale = 3;
        byte[] first = {0, 1, 2, 1};   // rows (0, 1) and (2, 1)
        byte[] second = {2, 2, 0, 1};
        BufferedImage image = LatticePanels.row(List.of(first, second), side, palette, scale);
        int panel = side * scale;
        assertEquals(2 * panel + LatticePanels.GAP, image.getWidth());
        assertEquals(panel, image.getHeight());
        for (int p = 0; p < 2; p++) {
            byte[] sites = p == 0 ? first : second;
            for (int y = 0; y < panel; y++) {
                for (int x = 0; x < panel; x++) {
                    int state = sites[x / scale + side * (y / scale)];
                    assertEquals(palette.colour(state), image.getRGB(p * (panel + LatticePanels.GAP) + x, y) & 0xFFFFFF,
                            "panel " + p + " pixel (" + x + ", " + y + ")");
                }
            }
        }
        for (int y = 0; y < panel; y++) {
            for (int x = panel; x < panel + LatticePanels.GAP; x++) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "gap pixel (" + x + ", " + y + ")");
            }
        }
        // one snapshot is just its picture, without a gap
        assertEquals(panel, LatticePanels.row(List.of(first), side, palette, scale).getWidth());
    }

    @Test
    void rejectsEmptyRowsAndBadSizes() {
        LatticeImage.Palette palette = LatticeImage.Palette.mayLeonard();
        assertThrows(IllegalArgumentException.class, () -> LatticePanels.row(List.of(), 2, palette, 1));
        assertThrows(IllegalArgumentException.class, () -> LatticePanels.row(List.of(new byte[4]), 2, palette, 0));
        assertThrows(IllegalArgumentException.class, () -> LatticePanels.row(List.of(new byte[3]), 2, palette, 1));
    }
}
