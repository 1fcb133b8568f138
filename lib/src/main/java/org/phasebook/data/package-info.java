/**
 * Data helpers shared by the model families: Tablesaw glue (results of the model packages as
 * {@link tech.tablesaw.api.Table}s, for CSV files beside figures and for HTML display in
 * notebooks), and density estimation of point clouds: {@link org.phasebook.data.KernelDensity2D}
 * (a two-dimensional Gaussian kernel density on a grid, Scott's bandwidth) and its
 * {@link org.phasebook.data.DensityGrid}, whose mass thresholds give the "95 % of the mass"
 * contours of state-space figures.
 */
package org.phasebook.data;
