package org.beatwise.ui.hotspots;

import java.util.Locale;

/**
 * One row of the method comparison: a method's mean scores over the backtest windows.
 *
 * @param method the method's key ("coverage", "kmeans", …)
 * @param name what the analyst reads ("Coverage circles")
 * @param variant the setting the backtest chose ("bandwidth 100 m"), or ""
 * @param hitRate mean share of the test incidents caught, 0–1
 * @param hitRateSd its standard deviation over the windows; NaN for a score pooled over them
 * @param areas mean number of separate patrol areas; NaN when not known (an evaluation saved before it was)
 * @param chosen true for the method the result's areas come from
 */
public record MethodRow(String method, String name, String variant, double hitRate, double hitRateSd, double pai,
                        double pei, double areaKm2, double areas, int windows, boolean chosen) {

    /** "41.2 ± 3.1 %", or "41.2 %" for one window or a pooled score (no spread: NaN). */
    public String hitRateText() {
        return windows > 1 && Double.isFinite(hitRateSd) ? String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * hitRate, 100 * hitRateSd)
                : String.format(Locale.ROOT, "%.1f %%", 100 * hitRate);
    }

    public String paiText() {
        return figure(pai, "%.1f");
    }

    public String peiText() {
        return figure(pei, "%.2f");
    }

    public String areaText() {
        return figure(areaKm2, "%.2f");
    }

    public String areasText() {
        return figure(areas, "%.1f");
    }

    /** "Coverage circles (bandwidth 100 m)" with the variant when there is one. */
    public String label() {
        return variant.isEmpty() ? name : name + " (" + variant + ")";
    }

    private static String figure(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "–";
    }
}
