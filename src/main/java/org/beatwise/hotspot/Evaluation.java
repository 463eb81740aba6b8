package org.beatwise.hotspot;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The method judged on a future period: K-Means refitted on the training period (same settings and
 * seed) and scored on what happened next, beside the grid baseline at equal area.
 *
 * @param testFrom first instant of the test period
 * @param trainCount incidents before {@code testFrom} (after filters)
 * @param testCount incidents from {@code testFrom} on
 * @param studyAreaKm2 the study area PAI divides by
 * @param studyArea where that area came from ("convex hull of training incidents" or "boundaries")
 * @param cellSizeM the grid baseline's cell side
 * @param kmeans the K-Means circles' score
 * @param grid the top training-period cells covering the same area as the circles
 * @param bestPossibleHitRate the test period's own busiest cells of that area: the PEI yardstick
 * @param gridCells the baseline's cells, for the map layer
 */
public record Evaluation(LocalDateTime testFrom, int trainCount, int testCount, double studyAreaKm2, String studyArea,
                         double cellSizeM, MethodScore kmeans, MethodScore grid, double bestPossibleHitRate,
                         List<GridCell> gridCells) {

    public Evaluation {
        gridCells = List.copyOf(gridCells);
    }
}
