/**
 * Figures of Phasebook notebooks: one look for every chart, and files that are reproducible.
 *
 * <p>{@link org.phasebook.plot.Plots} makes XChart charts in the shared
 * {@link org.phasebook.plot.ChartStyle} (pinned DejaVu Sans font, white background, colour-blind
 * safe palette). {@link org.phasebook.plot.FigureStore} saves each figure of a notebook run as PNG,
 * SVG and the CSV of its numbers under {@code figures/<notebook>/}, and keeps that folder's
 * {@code manifest.json} (scale, seeds, parameters, SHA-256 of every file) up to date; the gallery
 * is built from those manifests. {@link org.phasebook.plot.ComplexPlaneMap} draws, in plain Java2D,
 * the filled contour map of a function on a rectangle of the complex plane (a Koopman
 * pseudospectrum, with eigenvalues overlaid) from plain arrays; {@link org.phasebook.plot.LatticeImage}
 * draws lattice snapshots and space-time diagrams with one colour per site state, and
 * {@link org.phasebook.plot.LatticePanels} sets several snapshots side by side. Small chart pieces that
 * notebooks repeat have their own helpers: {@link org.phasebook.plot.GroupedPoints} (members of a
 * group side by side at one x), {@link org.phasebook.plot.ExactAndSample} (an exact curve and its
 * sampled dots in one colour), {@link org.phasebook.plot.MeanSdPoints} (mean and standard deviation
 * as error bars) and {@link org.phasebook.plot.StatePlane} (paths and points in a plane of two
 * coordinates). {@link org.phasebook.plot.ChartRow} sets charts with axes of their own side by
 * side, {@link org.phasebook.plot.MatrixHeatMap} draws a matrix as a heat map, and
 * {@link org.phasebook.plot.IsoLines} traces the level lines of a grid (marching squares), which
 * {@link org.phasebook.plot.IsoLineSeries} adds to a chart. Figures are drawn from the
 * immutable results of the model packages; no model package imports this one.
 */
package org.phasebook.plot;
