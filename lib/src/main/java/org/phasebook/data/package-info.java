/**
 * Tablesaw glue: results of the model packages as {@link tech.tablesaw.api.Table}s, for CSV files
 * beside figures and for HTML display in notebooks.
 */
package org.phasebook.data;
