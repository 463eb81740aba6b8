package org.beatwise.hotspot;

/**
 * How one method's areas did on the test period.
 *
 * @param method "kmeans" or "grid"
 * @param hits test-period incidents inside the areas
 * @param hitRate hits over all test-period incidents
 * @param areaKm2 area covered (overlaps counted once)
 * @param pai Predictive Accuracy Index: hit rate over the area's share of the study area
 * @param pei Predictive Efficiency Index: hits over the most any set of grid cells of the same total
 *        area could have caught in the test period (the test period's own busiest cells)
 */
public record MethodScore(String method, int hits, double hitRate, double areaKm2, double pai, double pei) {

    static MethodScore of(String method, int hits, int testCount, double areaM2, double studyAreaM2, int bestPossibleHits) {
        double hitRate = testCount == 0 ? 0 : (double) hits / testCount;
        double areaShare = studyAreaM2 > 0 ? areaM2 / studyAreaM2 : Double.NaN;
        double pai = areaShare > 0 ? hitRate / areaShare : Double.NaN;
        double pei = bestPossibleHits > 0 ? (double) hits / bestPossibleHits : Double.NaN;
        return new MethodScore(method, hits, hitRate, areaM2 / 1e6, pai, pei);
    }
}
