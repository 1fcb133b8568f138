package org.phasebook.plot;

import java.awt.Color;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Points of several members per group, set side by side around the group's position on the x
 * axis so that values of different members at the same group do not hide each other ("dodged"
 * points): with {@code n} members and a spacing {@code s}, member {@code m} of the group at
 * position {@code p} sits at {@code x = p + s (m - (n - 1) / 2)}, so the members are centred on
 * {@code p}. For example the five distances of one model at {@code x = 1, 2, ...}, or an HMM
 * sample and an RNN sample just left and right of each HMM.
 *
 * <p>All series are added as points ({@link Plots#addPoints}); colours and markers are left to
 * the caller. Stateless.
 */
public final class GroupedPoints {

    private GroupedPoints() {
    }

    /**
     * The x position of member {@code member} of {@code members} in the group at {@code position},
     * {@code position + spacing (member - (members - 1) / 2)}.
     *
     * @param member  in {@code 0..members-1}
     * @param members {@code >= 1}
     */
    public static double dodge(double position, int member, int members, double spacing) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be >= 1, got " + members);
        }
        if (member < 0 || member >= members) {
            throw new IllegalArgumentException("member must be in [0, " + (members - 1) + "], got " + member);
        }
        return position + spacing * (member - (members - 1) / 2.0);
    }

    /** {@link #dodge(double, int, int, double)} for the groups at each of {@code positions} (a new array). */
    public static double[] dodge(double[] positions, int member, int members, double spacing) {
        Objects.requireNonNull(positions, "positions");
        double[] x = new double[positions.length];
        for (int g = 0; g < x.length; g++) {
            x[g] = dodge(positions[g], member, members, spacing);
        }
        return x;
    }

    /**
     * Adds one series per member: series {@code m}, named {@code names[m]}, holds member
     * {@code m} of every group, {@code values[g][m]} at the dodged position of group {@code g}.
     *
     * @param names     one name per member; their number is the number of members
     * @param positions the groups' positions
     * @param values    {@code values[g][m]}, one row per group with one value per member
     * @return the series, in member order
     */
    public static XYSeries[] addMembers(XYChart chart, String[] names, double[] positions, double[][] values,
                                        double spacing) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(names, "names");
        checkRows("values", positions, values);
        int members = names.length;
        for (int g = 0; g < values.length; g++) {
            if (values[g].length != members) {
                throw new IllegalArgumentException("values[" + g + "] must hold one value per member (" + members
                        + "), got " + values[g].length);
            }
        }
        XYSeries[] series = new XYSeries[members];
        for (int m = 0; m < members; m++) {
            double[] y = new double[values.length];
            for (int g = 0; g < y.length; g++) {
                y[g] = values[g][m];
            }
            series[m] = Plots.addPoints(chart, names[m], dodge(positions, m, members, spacing), y);
        }
        return series;
    }

    /**
     * As {@link #addMembers(XYChart, String[], double[], double[][], double)}, with the markers of
     * member {@code m} in {@code colours[m]}.
     *
     * @param colours at least one colour per member
     */
    public static XYSeries[] addMembers(XYChart chart, String[] names, double[] positions, double[][] values,
                                        double spacing, Color[] colours) {
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(names, "names");
        if (colours.length < names.length) {
            throw new IllegalArgumentException("colours must hold at least one colour per member (" + names.length
                    + "), got " + colours.length);
        }
        XYSeries[] series = addMembers(chart, names, positions, values, spacing);
        for (int m = 0; m < series.length; m++) {
            series[m].setMarkerColor(Objects.requireNonNull(colours[m], "colours[" + m + "]"));
        }
        return series;
    }

    /**
     * Adds one series holding many rows of members per group, such as the distances of several
     * independent reference samples: {@code values[g][r][m]} is member {@code m} of row {@code r}
     * of group {@code g}, drawn at the dodged position of member {@code m}. The points are in the
     * order group, row, member.
     *
     * @param positions the groups' positions
     * @param values    {@code values[g][r][m]}; every row of every group has the same number
     *                  {@code n >= 1} of members
     * @return the series
     */
    public static XYSeries addCloud(XYChart chart, String name, double[] positions, double[][][] values,
                                    double spacing) {
        Objects.requireNonNull(chart, "chart");
        checkRows("values", positions, values);
        int members = -1;
        int points = 0;
        for (int g = 0; g < values.length; g++) {
            for (int r = 0; r < values[g].length; r++) {
                int n = values[g][r].length;
                if (members < 0) {
                    members = n;
                }
                if (n != members || n == 0) {
                    throw new IllegalArgumentException("values[" + g + "][" + r + "] must hold the same number (>= 1) of "
                            + "members as the first row (" + members + "), got " + n);
                }
                points += n;
            }
        }
        double[] x = new double[points];
        double[] y = new double[points];
        int p = 0;
        for (int g = 0; g < values.length; g++) {
            for (double[] row : values[g]) {
                for (int m = 0; m < members; m++) {
                    x[p] = dodge(positions[g], m, members, spacing);
                    y[p++] = row[m];
                }
            }
        }
        return Plots.addPoints(chart, name, x, y);
    }

    private static void checkRows(String what, double[] positions, Object[] rows) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(rows, what);
        if (rows.length != positions.length) {
            throw new IllegalArgumentException(what + " must have one entry per group (" + positions.length + "), got "
                    + rows.length);
        }
        for (int g = 0; g < rows.length; g++) {
            Objects.requireNonNull(rows[g], what + "[" + g + "]");
        }
    }
}
