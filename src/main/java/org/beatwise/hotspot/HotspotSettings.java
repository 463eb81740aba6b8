package org.beatwise.hotspot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Flat, namespaced keys for the settings table and saved sets; {@link #fromProperties} reads them back. */
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
    public static HotspotSettings fromProperties(Map<String, String> p) {
        HotspotSettings d = defaults();
        RadiusRule radius = p.containsKey("hotspot.radius.m")
                ? new RadiusRule.Fixed(Double.parseDouble(p.get("hotspot.radius.m")))
                : new RadiusRule.Share(Double.parseDouble(p.getOrDefault("hotspot.radius.share", "0.8")));
        Set<String> offences = p.containsKey("hotspot.filter.offences")
                ? Set.of(p.get("hotspot.filter.offences").split("\\|")) : Set.of();
        Set<DayOfWeek> days = p.containsKey("hotspot.filter.days")
                ? Arrays.stream(p.get("hotspot.filter.days").split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet())
                : Set.of();
        IncidentFilter filter = new IncidentFilter(date(p, "hotspot.filter.from"), date(p, "hotspot.filter.to"),
                Integer.parseInt(p.getOrDefault("hotspot.filter.last_days", "0")), offences, days,
                HourRange.parse(p.getOrDefault("hotspot.filter.hours", "0-23")));
        Backtest backtest = null;
        if (Boolean.parseBoolean(p.getOrDefault("hotspot.backtest", "true"))) {
            Backtest b = Backtest.defaults();
            backtest = new Backtest(date(p, "hotspot.backtest.test_from"),
                    Double.parseDouble(p.getOrDefault("hotspot.backtest.test_share", Double.toString(b.testShare()))),
                    Double.parseDouble(p.getOrDefault("hotspot.backtest.cell_m", Double.toString(b.cellSizeM()))));
        }
        return new HotspotSettings(
                Integer.parseInt(p.getOrDefault("hotspot.k", Integer.toString(d.k()))),
                Integer.parseInt(p.getOrDefault("hotspot.restarts", Integer.toString(d.restarts()))),
                Integer.parseInt(p.getOrDefault("hotspot.seed", Integer.toString(d.seed()))),
                radius, filter, backtest);
    }

    private static void putIfSet(Map<String, String> p, String key, LocalDate day) {
        if (day != null) {
            p.put(key, day.toString());
        }
    }

    private static LocalDate date(Map<String, String> p, String key) {
        String v = p.get(key);
        return v == null || v.isBlank() ? null : LocalDate.parse(v);
    }
}
