package org.beatwise.hotspot;

/**
 * One cell of a cell method's layer as the map and the JSON show it: a lat/lon box.
 *
 * @param rank 1 for the best cell
 * @param score what the method ranked by: training count (grid), density per km² (kde), z (gistar)
 * @param count training-period incidents inside
 * @param z Gi* z-score (null for other methods)
 * @param p two-sided p-value of z (null for other methods)
 * @param confidence 99/95/90 for a significant hot spot after FDR correction, negative for a cold spot,
 *        0 when not significant (null for other methods)
 */
public record HotCell(int rank, double south, double west, double north, double east, double score, int count,
                      Double z, Double p, Integer confidence) { }
