package org.beatwise.hotspot;

/**
 * One square cell of a method's layer, by its column and row from the projection's origin.
 *
 * @param score what the method ranked it by: training count (grid), density per km² (kde), z (gistar)
 * @param count training incidents inside the cell
 * @param z Gi* z-score, NaN for other methods
 * @param p two-sided p-value of {@code z}, NaN for other methods
 * @param confidence 99, 95 or 90 for a hot spot significant at that level after the FDR correction,
 *        the negative for a cold spot, 0 otherwise (always 0 for other methods)
 */
public record RasterCell(int col, int row, double score, int count, double z, double p, int confidence) {

    static long key(int col, int row) {
        return ((long) col << 32) | (row & 0xffffffffL);
    }
}
