package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the chosen layer did in one police district over the backtest's test windows, beside the grid
 * baseline at the same area, so a supervisor sees whether a layer serves every district or only the
 * busiest one. A district is the incident's district field; incidents without one form "(none)".
 *
 * @param district the district, or {@link #NONE}
 * @param testIncidents the district's incidents in the test windows
 * @param hits those inside the chosen layer
 * @param hitRate hits over the district's test incidents
 * @param share the district's test incidents over all test incidents
 * @param gridHits the district's test incidents inside the grid baseline's cells (same area as the layer)
 * @param gridHitRate gridHits over the district's test incidents
 * @param note {@link #TOO_FEW}, {@link #UNDERSERVED} or ""
 */
public record DistrictHitRate(String district, int testIncidents, int hits, double hitRate, double share, int gridHits,
                              double gridHitRate, String note) {

    /** The group of incidents without a district. */
    public static final String NONE = "(none)";
    /** Fewer test incidents than this and a district's hit rate is noted as too few to judge. */
    public static final int MIN_TEST_INCIDENTS = 20;
    /** A district caught at less than this share of the layer's overall hit rate is noted as underserved. */
    public static final double UNDERSERVED_RATIO = 0.5;
    public static final String TOO_FEW = "too few to judge";
    public static final String UNDERSERVED = "underserved: below half the overall hit rate";

    public DistrictHitRate {
        note = note == null ? "" : note;
    }

    /** The key incidents are grouped by: the trimmed district, or {@link #NONE} when it is missing or blank. */
    static String of(String district) {
        return district == null || district.isBlank() ? NONE : district.strip();
    }

    /**
     * The rows from pooled counts, busiest district first (ties by name). The overall hit rate the
     * underserved note compares with is all hits over all test incidents.
     */
    static List<DistrictHitRate> table(List<String> districts, int[] tests, int[] hits, int[] gridHits) {
        long total = 0;
        long allHits = 0;
        for (int g = 0; g < tests.length; g++) {
            total += tests[g];
            allHits += hits[g];
        }
        double overall = total == 0 ? 0 : (double) allHits / total;
        List<DistrictHitRate> rows = new ArrayList<>();
        for (int g = 0; g < districts.size(); g++) {
            if (tests[g] == 0) {
                continue;
            }
            double rate = (double) hits[g] / tests[g];
            String note = tests[g] < MIN_TEST_INCIDENTS ? TOO_FEW
                    : rate < UNDERSERVED_RATIO * overall ? UNDERSERVED : "";
            rows.add(new DistrictHitRate(districts.get(g), tests[g], hits[g], rate, (double) tests[g] / total, gridHits[g],
                    (double) gridHits[g] / tests[g], note));
        }
        rows.sort(Comparator.comparingInt((DistrictHitRate r) -> -r.testIncidents()).thenComparing(DistrictHitRate::district));
        return List.copyOf(rows);
    }
}
