package org.beatwise.hotspot;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The methods judged on the future: K-Means refitted on the training period (same settings and seed)
 * and scored on what happened next, beside the grid baseline at equal area, and every method the run
 * compared over the backtest windows.
 *
 * <p>With one window, {@code kmeans} and {@code grid} are that window's scores (today's evaluation).
 * With several, they are pooled over the windows (hits and incidents summed), {@code testFrom} is the
 * first window's start, {@code trainCount} the first window's training incidents and {@code testCount}
 * the incidents of all windows.
 *
 * @param testFrom first instant of the (first) test period
 * @param trainCount incidents before {@code testFrom} (after filters)
 * @param testCount incidents judged on
 * @param studyAreaKm2 the study area PAI divides by
 * @param studyArea where that area came from ("convex hull of training incidents" or "boundaries")
 * @param cellSizeM the grid baseline's cell side
 * @param kmeans the K-Means circles' score
 * @param grid the top training-period cells covering the same area as the chosen layer (as the backtest judged
 *        it; with one window and K-Means chosen, the set's own K-Means circles); pooled over the windows
 * @param bestPossibleHitRate the test period's own busiest cells of that area: the PEI yardstick
 * @param gridCells the baseline's cells, for the map layer
 * @param methods every method compared, K-Means always among them
 * @param chosen the method the result's areas come from
 * @param chosenBecause why, in a sentence
 * @param curves hit rate against area per method
 * @param windows the test windows, oldest first
 * @param districts the chosen layer's hit rate per district over the test windows, beside the grid at the
 *        same area; empty when there was no backtest of the methods (and in sets saved before it existed)
 */
public record Evaluation(LocalDateTime testFrom, int trainCount, int testCount, double studyAreaKm2, String studyArea,
                         double cellSizeM, MethodScore kmeans, MethodScore grid, double bestPossibleHitRate,
                         List<GridCell> gridCells, List<MethodSummary> methods, String chosen, String chosenBecause,
                         List<PaiCurve> curves, List<TestWindow> windows, List<DistrictHitRate> districts) {

    public Evaluation {
        gridCells = List.copyOf(gridCells);
        methods = methods == null ? List.of() : List.copyOf(methods);
        curves = curves == null ? List.of() : List.copyOf(curves);
        windows = windows == null ? List.of() : List.copyOf(windows);
        districts = districts == null ? List.of() : List.copyOf(districts);
        chosen = chosen == null ? "kmeans" : chosen;
        chosenBecause = chosenBecause == null ? "" : chosenBecause;
    }

    /** An evaluation without the per-district table, as sets saved before it was stored. */
    public Evaluation(LocalDateTime testFrom, int trainCount, int testCount, double studyAreaKm2, String studyArea,
                      double cellSizeM, MethodScore kmeans, MethodScore grid, double bestPossibleHitRate,
                      List<GridCell> gridCells, List<MethodSummary> methods, String chosen, String chosenBecause,
                      List<PaiCurve> curves, List<TestWindow> windows) {
        this(testFrom, trainCount, testCount, studyAreaKm2, studyArea, cellSizeM, kmeans, grid, bestPossibleHitRate,
                gridCells, methods, chosen, chosenBecause, curves, windows, List.of());
    }

    /** Today's K-Means-and-grid evaluation, as sets saved before the other methods were stored. */
    public Evaluation(LocalDateTime testFrom, int trainCount, int testCount, double studyAreaKm2, String studyArea,
                      double cellSizeM, MethodScore kmeans, MethodScore grid, double bestPossibleHitRate,
                      List<GridCell> gridCells) {
        this(testFrom, trainCount, testCount, studyAreaKm2, studyArea, cellSizeM, kmeans, grid, bestPossibleHitRate,
                gridCells, List.of(), "kmeans", "", List.of(), List.of(), List.of());
    }

    /** The named method's summary, if it was compared. */
    public java.util.Optional<MethodSummary> method(String name) {
        return methods.stream().filter(m -> m.method().equals(name)).findFirst();
    }
}
