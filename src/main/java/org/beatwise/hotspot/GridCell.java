package org.beatwise.hotspot;

/**
 * One square cell of the grid baseline, as a lat/lon box for the map layer.
 *
 * @param rank 1 for the cell with most training-period incidents
 */
public record GridCell(int rank, double south, double west, double north, double east, int trainCount, int testCount) { }
