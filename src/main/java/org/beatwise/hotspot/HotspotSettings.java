package org.beatwise.hotspot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.beatwise.settings.FlatKeys;

/**
 * Everything that decides a hotspot run, so a saved set can be reproduced exactly.
 *
 * @param k number of hotspots, 2–50 (default 10, as the paper)
 * @param restarts K-Means runs with seeds {@code seed, seed+1, …}; the lowest SSE wins (default 10)
 * @param seed first seed (default 42)
 * @param radius how each circle's radius is chosen (default: 80 % of its incidents)
 * @param filter which incidents are used
 * @param backtest how to judge the method on a future period, or null to skip the evaluation
 */
public record HotspotSettings(int k, int restarts, int seed, RadiusRule radius, IncidentFilter filter, Backtest backtest) {

    public static final int MIN_K = 2;
    public static final int MAX_K = 50;
    public static final int MAX_RESTARTS = 1000;
    public static final String PREFIX = "hotspot.";

    public HotspotSettings {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k must be between " + MIN_K + " and " + MAX_K + ", was " + k);
        }
        if (restarts < 1 || restarts > MAX_RESTARTS) {
            throw new IllegalArgumentException("restarts must be between 1 and " + MAX_RESTARTS + ", was " + restarts);
        }
        if (seed < 0 || seed > Integer.MAX_VALUE - restarts) {
            throw new IllegalArgumentException("seed must be between 0 and " + (Integer.MAX_VALUE - restarts) + ", was " + seed);
        }
        Objects.requireNonNull(radius, "radius");
        Objects.requireNonNull(filter, "filter");
    }

    public static HotspotSettings defaults() {
        return new HotspotSettings(10, 10, 42, RadiusRule.defaultShare(), IncidentFilter.none(), Backtest.defaults());
    }

    public HotspotSettings withK(int newK) {
        return new HotspotSettings(newK, restarts, seed, radius, filter, backtest);
    }

    public HotspotSettings withRestarts(int newRestarts) {
        return new HotspotSettings(k, newRestarts, seed, radius, filter, backtest);
    }

    public HotspotSettings withSeed(int newSeed) {
        return new HotspotSettings(k, restarts, newSeed, radius, filter, backtest);
    }

    public HotspotSettings withRadius(RadiusRule newRadius) {
        return new HotspotSettings(k, restarts, seed, newRadius, filter, backtest);
    }

    public HotspotSettings withFilter(IncidentFilter newFilter) {
        return new HotspotSettings(k, restarts, seed, radius, newFilter, backtest);
    }

    public HotspotSettings withBacktest(Backtest newBacktest) {
        return new HotspotSettings(k, restarts, seed, radius, filter, newBacktest);
    }

    /** Flat, namespaced keys for the settings table and saved sets; {@link #of} reads them back. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hotspot.k", Integer.toString(k));
        p.put("hotspot.restarts", Integer.toString(restarts));
        p.put("hotspot.seed", Integer.toString(seed));
        if (radius instanceof RadiusRule.Share s) {
            p.put("hotspot.radius.share", Double.toString(s.share()));
        } else {
            p.put("hotspot.radius.m", Double.toString(((RadiusRule.Fixed) radius).metres()));
        }
        putIfSet(p, "hotspot.filter.from", filter.from());
        putIfSet(p, "hotspot.filter.to", filter.to());
        if (filter.lastDays() > 0) {
            p.put("hotspot.filter.last_days", Integer.toString(filter.lastDays()));
        }
        if (!filter.offences().isEmpty()) {
            p.put("hotspot.filter.offences", String.join("|", filter.offences()));
        }
        if (!filter.days().isEmpty()) {
            p.put("hotspot.filter.days", filter.days().stream().map(DayOfWeek::name).collect(Collectors.joining(",")));
        }
        p.put("hotspot.filter.hours", filter.hours().toString());
        p.put("hotspot.backtest", Boolean.toString(backtest != null));
        if (backtest != null) {
            putIfSet(p, "hotspot.backtest.test_from", backtest.testFrom());
            p.put("hotspot.backtest.test_share", Double.toString(backtest.testShare()));
            p.put("hotspot.backtest.cell_m", Double.toString(backtest.cellSizeM()));
        }
        return p;
    }

    /** Reads {@link #toProperties()} output; any missing key takes its default. */
    public static HotspotSettings of(Map<String, String> p) {
        HotspotSettings d = defaults();
        FlatKeys keys = new FlatKeys(p, PREFIX);
        RadiusRule radius = keys.has("radius.m")
                ? new RadiusRule.Fixed(keys.getDouble("radius.m", 0))
                : keys.has("radius.share") ? new RadiusRule.Share(keys.getDouble("radius.share", 0)) : d.radius();
        Set<String> offences = keys.get("filter.offences", "offences separated by | without repeats",
                v -> Set.of(v.split("\\|")), Set.of());
        Set<DayOfWeek> days = keys.get("filter.days", "days of the week such as MONDAY,FRIDAY",
                v -> Arrays.stream(v.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet()), Set.of());
        IncidentFilter none = IncidentFilter.none();
        IncidentFilter filter = new IncidentFilter(keys.getDate("filter.from", none.from()),
                keys.getDate("filter.to", none.to()), keys.getInt("filter.last_days", none.lastDays()), offences, days,
                keys.get("filter.hours", "an hour range such as 18-2", HourRange::parse, none.hours()));
        Backtest backtest = null;
        if (keys.getBoolean("backtest", true)) {
            Backtest b = Backtest.defaults();
            backtest = new Backtest(keys.getDate("backtest.test_from", null),
                    keys.getDouble("backtest.test_share", b.testShare()),
                    keys.getDouble("backtest.cell_m", b.cellSizeM()));
        }
        return new HotspotSettings(keys.getInt("k", d.k()), keys.getInt("restarts", d.restarts()),
                keys.getInt("seed", d.seed()), radius, filter, backtest);
    }

    private static void putIfSet(Map<String, String> p, String key, LocalDate day) {
        if (day != null) {
            p.put(key, day.toString());
        }
    }
}
