package org.phasebook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class GroupedPointsTest {

    @Test
    void membersAreCentredOnTheGroupAndSpacedEvenly() {
        for (int members = 1; members <= 6; members++) {
            double sum = 0.0;
            for (int m = 0; m < members; m++) {
                double x = GroupedPoints.dodge(3.0, m, members, 0.12);
                sum += x;
                if (m > 0) {
                    assertEquals(0.12, x - GroupedPoints.dodge(3.0, m - 1, members, 0.12), 1e-15);
                }
            }
            assertEquals(3.0, sum / members, 1e-15, members + " members centred on the group");
        }
        assertEquals(5.0, GroupedPoints.dodge(5.0, 0, 1, 0.3), 0.0, "a single member sits on the group");
        // two members at spacing 0.3 sit exactly at -0.15 and +0.15 (the bits, not only the value)
        for (int g = 1; g <= 6; g++) {
            assertEquals(Double.doubleToLongBits(g - 0.15), Double.doubleToLongBits(GroupedPoints.dodge(g, 0, 2, 0.3)));
            assertEquals(Double.doubleToLongBits(g + 0.15), Double.doubleToLongBits(GroupedPoints.dodge(g, 1, 2, 0.3)));
        }
        assertArrayEquals(new double[] {0.9, 1.9}, GroupedPoints.dodge(new double[] {1, 2}, 0, 3, 0.1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.dodge(1.0, 3, 3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.dodge(1.0, 0, 0, 0.1));
    }

    @Test
    void oneSeriesPerMemberAcrossTheGroups() {
        XYChart chart = Plots.scatter("t", "group", "value");
        double[] positions = {1, 2, 3};
        double[][] values = {{10, 11}, {20, 21}, {30, 31}};
        XYSeries[] series = GroupedPoints.addMembers(chart, new String[] {"a", "b"}, positions, values, 0.2,
                new Color[] {Color.RED, Color.BLUE, Color.GREEN});
        assertEquals(List.of("a", "b"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {0.9, 1.9, 2.9}, series[0].getXData(), 1e-15);
        assertArrayEquals(new double[] {10, 20, 30}, series[0].getYData(), 0.0);
        assertArrayEquals(new double[] {1.1, 2.1, 3.1}, series[1].getXData(), 1e-15);
        assertArrayEquals(new double[] {11, 21, 31}, series[1].getYData(), 0.0);
        assertEquals(Color.RED, series[0].getMarkerColor());
        assertEquals(Color.BLUE, series[1].getMarkerColor());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, series[1].getXYSeriesRenderStyle());
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.addMembers(Plots.scatter("t", "x", "y"),
                new String[] {"a", "b"}, positions, new double[][] {{1, 2}, {3}, {4, 5}}, 0.2));
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.addMembers(Plots.scatter("t", "x", "y"),
                new String[] {"a", "b"}, new double[] {1, 2}, values, 0.2));
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.addMembers(Plots.scatter("t", "x", "y"),
                new String[] {"a", "b"}, positions, values, 0.2, new Color[] {Color.RED}));
    }

    @Test
    void aCloudHoldsEveryRowOfEveryGroupInOrder() {
        XYChart chart = Plots.scatter("t", "group", "value");
        double[][][] values = {
            {{1, 2}, {3, 4}},       // group at 1: two rows
            {{5, 6}},               // group at 2: one row
        };
        XYSeries cloud = GroupedPoints.addCloud(chart, "floors", new double[] {1, 2}, values, 0.5);
        assertArrayEquals(new double[] {0.75, 1.25, 0.75, 1.25, 1.75, 2.25}, cloud.getXData(), 1e-15);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, cloud.getYData(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GroupedPoints.addCloud(Plots.scatter("t", "x", "y"), "c",
                new double[] {1, 2}, new double[][][] {{{1, 2}}, {{3}}}, 0.5));
    }
}
