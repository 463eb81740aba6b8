package org.beatwise.export;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.OffenceShare;

/**
 * Every figure of a hotspot or cell under one name, in one order, so the CSV columns and the GeoJSON
 * properties cannot drift apart. Lists stay lists here; the CSV writer joins them.
 */
final class HotspotFigures {

    /** Circles and their centres carry these; cells carry {@link #CELL_KEYS}. */
    static final List<String> CIRCLE_KEYS = List.of("set", "kind", "rank", "lat", "lon", "radius_m", "count", "share",
            "area_km2", "inside", "top_offences", "busiest_hours", "busiest_days", "hour_counts", "day_counts");
    static final List<String> CELL_KEYS = List.of("set", "kind", "rank", "south", "west", "north", "east", "score", "count",
            "z", "p", "confidence");

    private HotspotFigures() { }

    static Map<String, Object> circle(HotspotSet set, Hotspot h, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", set.name());
        m.put("kind", kind);
        m.put("rank", h.rank());
        m.put("lat", h.lat());
        m.put("lon", h.lon());
        m.put("radius_m", h.radiusM());
        m.put("count", h.count());
        m.put("share", h.share());
        m.put("area_km2", h.areaKm2());
        m.put("inside", h.inside());
        m.put("top_offences", h.topOffences().stream().map(HotspotFigures::offence).collect(Collectors.joining("; ")));
        m.put("busiest_hours", h.busiestHours(3).stream().map(String::valueOf).collect(Collectors.joining(", ")));
        m.put("busiest_days", h.busiestDays(2).stream().map(DayOfWeek::toString).collect(Collectors.joining(", ")));
        m.put("hour_counts", h.hourCounts());
        m.put("day_counts", h.dayCounts());
        return m;
    }

    static Map<String, Object> cell(HotspotSet set, HotCell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", set.name());
        m.put("kind", "cell");
        m.put("rank", c.rank());
        m.put("south", c.south());
        m.put("west", c.west());
        m.put("north", c.north());
        m.put("east", c.east());
        m.put("score", c.score());
        m.put("count", c.count());
        m.put("z", c.z());
        m.put("p", c.p());
        m.put("confidence", c.confidence());
        return m;
    }

    /** "LARCENY ALL OTHERS (34)": the offence and how many of the hotspot's incidents it was. */
    static String offence(OffenceShare o) {
        return o.offence() + " (" + o.count() + ")";
    }

    /** True when the set's areas are cells (kde, gistar, grid) rather than circles. */
    static boolean isCells(HotspotSet set) {
        return set.result().hotspots().isEmpty() && !set.result().cells().isEmpty();
    }
}
