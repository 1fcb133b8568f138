package org.phasebook.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Block means against direct sums on planted weights; the picture's layout and colours. */
class ConnectivityBlocksTest {

    private static RnnWeights planted() {
        int h = 8;
        double[][] whh = new double[h][h];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                whh[i][j] = 0.01 * random.nextGaussian();
            }
        }
        int[] g0 = {1, 5};
        int[] g1 = {2, 6, 7};
        for (int i : g0) {
            for (int j : g0) {
                whh[i][j] = i == j ? 9.0 : 0.5; // the diagonal must be ignored
            }
            for (int j : g1) {
                whh[i][j] = -0.3; // input of group 0 from group 1
                whh[j][i] = -0.7; // input of group 1 from group 0
            }
        }
        for (int i : g1) {
            for (int j : g1) {
                whh[i][j] = i == j ? -9.0 : 0.25;
            }
        }
        return new RnnWeights(new double[h][1], whh, new double[3][h]);
    }

    @Test
    void blockMeansMatchThePlantedBlocksAndSkipSelfConnections() {
        double[][] m = ConnectivityBlocks.blockMeans(planted(), new int[][] {{1, 5}, {2, 6, 7}, {4}});
        assertEquals(0.5, m[0][0], 1e-15);
        assertEquals(0.25, m[1][1], 1e-15);
        assertEquals(-0.3, m[0][1], 1e-15);
        assertEquals(-0.7, m[1][0], 1e-15);
        assertTrue(Double.isNaN(m[2][2]), "a single unit has no off-diagonal pair");
        assertEquals(planted().recurrentWeights()[4][1], ConnectivityBlocks.blockMeans(planted(),
                new int[][] {{4}, {1}})[0][1], 0.0);
    }

    @Test
    void picturePlacesEachWeightInItsSquareWithTheDivergingColours() {
        int cell = 5;
        int[][] groups = {{1, 5}, {2, 6, 7}};
        BufferedImage image = ConnectivityBlocks.render(planted(), groups, cell, 0.5);
        int side = 5 * cell;
        assertEquals(2 * 8 + side, image.getHeight());
        assertTrue(image.getWidth() > side + 16);
        // (row 0 = unit 1, column 1 = unit 5): +0.5 = full red; sample the square's centre
        assertEquals(new Color(255, 0, 0).getRGB(), image.getRGB(8 + cell + cell / 2, 8 + cell / 2));
        // (row 2 = unit 2, column 0 = unit 1): -0.7 clipped to full blue
        assertEquals(new Color(0, 0, 255).getRGB(), image.getRGB(8 + cell / 2, 8 + 2 * cell + cell / 2));
        // (row 0, column 2 = unit 2): -0.3 is 60 % blue
        assertEquals(ConnectivityBlocks.colour(-0.6).getRGB(), image.getRGB(8 + 2 * cell + cell / 2, 8 + cell / 2));
        assertEquals(Color.WHITE.getRGB(), ConnectivityBlocks.colour(0.0).getRGB());
    }

    @Test
    void rejectsBadArguments() {
        RnnWeights w = planted();
        assertThrows(IllegalArgumentException.class, () -> ConnectivityBlocks.blockMeans(w, new int[0][]));
        assertThrows(IllegalArgumentException.class, () -> ConnectivityBlocks.blockMeans(w, new int[][] {{8}}));
        assertThrows(IllegalArgumentException.class, () -> ConnectivityBlocks.render(w, new int[][] {{1}}, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ConnectivityBlocks.render(w, new int[][] {{1}}, 2, 0.0));
    }
}
