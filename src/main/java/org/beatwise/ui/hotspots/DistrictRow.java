package org.beatwise.ui.hotspots;

import java.util.Locale;
import org.beatwise.hotspot.DistrictHitRate;

/**
 * One row of the per-district table, as text: a district's test incidents, its share, the chosen layer's
 * hit rate there and the grid baseline's at the same area, with the note.
 */
public record DistrictRow(String district, String incidents, String share, String hitRate, String gridHitRate, String note) {

    static DistrictRow of(DistrictHitRate d) {
        return new DistrictRow(d.district(), String.format(Locale.ROOT, "%,d", d.testIncidents()),
                String.format(Locale.ROOT, "%.1f %%", 100 * d.share()),
                String.format(Locale.ROOT, "%.1f %% (%,d)", 100 * d.hitRate(), d.hits()),
                String.format(Locale.ROOT, "%.1f %%", 100 * d.gridHitRate()), shortNote(d.note()));
    }

    /** The note in a word or three; the caption above the table says what each means. */
    static String shortNote(String note) {
        return note.equals(DistrictHitRate.UNDERSERVED) ? "underserved" : note;
    }
}
