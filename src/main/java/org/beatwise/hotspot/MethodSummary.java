package org.beatwise.hotspot;

/**
 * One method over all backtest windows: means (and the spread of the hit rate) at the method's area.
 *
 * @param method "coverage", "kmeans", "kde", "gistar" or "grid"
 * @param variant the setting the backtest chose for it ("bandwidth 50 m"), or ""
 * @param hitRate mean share of each window's incidents inside the areas
 * @param hitRateSd standard deviation of the hit rate over the windows (0 for one window)
 * @param pai mean Predictive Accuracy Index
 * @param pei mean Predictive Efficiency Index
 * @param areaKm2 mean area covered
 * @param areas mean number of separate places a patrol would visit
 * @param windows number of test windows
 */
public record MethodSummary(String method, String variant, double hitRate, double hitRateSd, double pai, double pei,
                            double areaKm2, double areas, int windows) { }
