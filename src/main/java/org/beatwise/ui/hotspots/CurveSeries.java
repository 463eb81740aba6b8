package org.beatwise.ui.hotspots;

import java.util.List;

/**
 * One method's line on the PAI-curve chart: area in km² against the hit rate in percent (0–100).
 *
 * @param name the series name the legend shows
 * @param chosen true for the chosen method's line
 */
public record CurveSeries(String method, String name, boolean chosen, List<Double> areaKm2, List<Double> hitRatePercent) {

    public CurveSeries {
        areaKm2 = List.copyOf(areaKm2);
        hitRatePercent = List.copyOf(hitRatePercent);
        if (areaKm2.size() != hitRatePercent.size()) {
            throw new IllegalArgumentException("a curve needs as many areas as hit rates");
        }
    }
}
