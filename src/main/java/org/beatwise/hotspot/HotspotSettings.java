package org.beatwise.hotspot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param method which method makes the areas (default auto); AUTO lets the backtest choose between coverage and kmeans
 * @param kernel the density surface's kernel (default gaussian)
 * @param bandwidthsM KDE bandwidths the backtest chooses from, metres (default 50, 100, 200)
 * @param kdeCellM side of the density raster's cells, metres (default 25)
 * @param halfLifeDays recency weighting of KDE: an incident this many days old counts half; null for none
 * @param compare judge every method on the backtest, not only the ones needed to choose
 * @param giBandCells Gi*'s distance band in grid cells: neighbours whose centres lie within it count (default 1.5: the
 *        cell and its eight neighbours; 1 is the four edge neighbours)
 */
public record HotspotSettings(int k, int restarts, int seed, RadiusRule radius, IncidentFilter filter, Backtest backtest,
                              MethodChoice method, Kernel kernel, List<Double> bandwidthsM, double kdeCellM,
                              Double halfLifeDays, boolean compare, double giBandCells) {

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
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(kernel, "kernel");
        bandwidthsM = List.copyOf(bandwidthsM);
        if (bandwidthsM.isEmpty() || bandwidthsM.size() > MAX_BANDWIDTHS) {
            throw new IllegalArgumentException("bandwidthsM must list 1 to " + MAX_BANDWIDTHS + " bandwidths, was " + bandwidthsM);
        }
        for (double b : bandwidthsM) {
            if (!(b >= 5 && b <= 5_000)) {
                throw new IllegalArgumentException("bandwidthsM must each be in [5, 5000] m, was " + bandwidthsM);
            }
        }
        if (!(kdeCellM >= 5 && kdeCellM <= 1_000)) {
            throw new IllegalArgumentException("kdeCellM must be in [5, 1000] m, was " + kdeCellM);
        }
        if (halfLifeDays != null && !(halfLifeDays > 0 && halfLifeDays <= 36_500)) {
            throw new IllegalArgumentException("halfLifeDays must be > 0 days (leave it out for no recency weighting), was "
                    + halfLifeDays);
        }
        if (!(giBandCells >= MIN_GI_BAND_CELLS && giBandCells <= MAX_GI_BAND_CELLS)) {
            throw new IllegalArgumentException("giBandCells must be in [" + MIN_GI_BAND_CELLS + ", " + MAX_GI_BAND_CELLS
                    + "] cells, was " + giBandCells);
        }
    }

    /** Every setting but Gi*'s band, which takes its default (as callers that predate the band expect). */
    public HotspotSettings(int k, int restarts, int seed, RadiusRule radius, IncidentFilter filter, Backtest backtest,
                           MethodChoice method, Kernel kernel, List<Double> bandwidthsM, double kdeCellM,
                           Double halfLifeDays, boolean compare) {
        this(k, restarts, seed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM, halfLifeDays, compare,
                DEFAULT_GI_BAND_CELLS);
    }

    /** K-Means with today's settings, as callers that predate the other methods expect. */
    public HotspotSettings(int k, int restarts, int seed, RadiusRule radius, IncidentFilter filter, Backtest backtest) {
        this(k, restarts, seed, radius, filter, backtest, MethodChoice.KMEANS, Kernel.GAUSSIAN, DEFAULT_BANDWIDTHS,
                DEFAULT_KDE_CELL_M, null, false);
    }

    public static final int MAX_BANDWIDTHS = 8;
    /** Below one cell a cell has no neighbours and Gi* says nothing; beyond ten the "local" sum is most of a district. */
    public static final double MIN_GI_BAND_CELLS = 1;
    public static final double MAX_GI_BAND_CELLS = 10;
    public static final double DEFAULT_GI_BAND_CELLS = 1.5;
    public static final List<Double> DEFAULT_BANDWIDTHS = List.of(50.0, 100.0, 200.0);
    public static final double DEFAULT_KDE_CELL_M = 25;
    /** Radius of the coverage circles and of the equal-area comparison when the radius rule is a share. */
    public static final double DEFAULT_PATROL_RADIUS_M = 250;

    /**
     * AUTO: the backtest picks the circles that forecast best (coverage or K-Means) on the dataset at hand,
     * in the pane, on the command line and for the demo set. Settings saved before there was a choice
     * carry no method key and read as K-Means (see {@link #of}).
     */
    public static HotspotSettings defaults() {
        return new HotspotSettings(10, 10, 42, RadiusRule.defaultShare(), IncidentFilter.none(), Backtest.defaults(),
                MethodChoice.AUTO, Kernel.GAUSSIAN, DEFAULT_BANDWIDTHS, DEFAULT_KDE_CELL_M, null, false);
    }

    /** The coverage circles' radius: the fixed radius when there is one, else 250 m. */
    public double patrolRadiusM() {
        return radius instanceof RadiusRule.Fixed f ? f.metres() : DEFAULT_PATROL_RADIUS_M;
    }

    /** The area every method is judged at: k circles of the patrol radius. */
    public double targetAreaM2() {
        return k * Math.PI * patrolRadiusM() * patrolRadiusM();
    }

    public HotspotSettings withGiBandCells(double newGiBandCells) {
        return new HotspotSettings(k, restarts, seed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, newGiBandCells);
    }

    public HotspotSettings withMethod(MethodChoice newMethod) {
        return new HotspotSettings(k, restarts, seed, radius, filter, backtest, newMethod, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withKde(Kernel newKernel, List<Double> newBandwidthsM, double newKdeCellM, Double newHalfLifeDays) {
        return new HotspotSettings(k, restarts, seed, radius, filter, backtest, method, newKernel, newBandwidthsM, newKdeCellM,
                newHalfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withCompare(boolean newCompare) {
        return new HotspotSettings(k, restarts, seed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, newCompare, giBandCells);
    }

    public HotspotSettings withK(int newK) {
        return new HotspotSettings(newK, restarts, seed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withRestarts(int newRestarts) {
        return new HotspotSettings(k, newRestarts, seed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withSeed(int newSeed) {
        return new HotspotSettings(k, restarts, newSeed, radius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withRadius(RadiusRule newRadius) {
        return new HotspotSettings(k, restarts, seed, newRadius, filter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withFilter(IncidentFilter newFilter) {
        return new HotspotSettings(k, restarts, seed, radius, newFilter, backtest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
    }

    public HotspotSettings withBacktest(Backtest newBacktest) {
        return new HotspotSettings(k, restarts, seed, radius, filter, newBacktest, method, kernel, bandwidthsM, kdeCellM,
                halfLifeDays, compare, giBandCells);
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
            p.put("hotspot.backtest.windows", Integer.toString(backtest.windows()));
            p.put("hotspot.backtest.window_days", Integer.toString(backtest.windowDays()));
        }
        p.put("hotspot.method", method.key());
        p.put("hotspot.kde.kernel", kernel.key());
        p.put("hotspot.kde.bandwidths_m", bandwidthsM.stream().map(b -> Double.toString(b)).collect(Collectors.joining(",")));
        p.put("hotspot.kde.cell_m", Double.toString(kdeCellM));
        if (halfLifeDays != null) {
            p.put("hotspot.kde.half_life_days", Double.toString(halfLifeDays));
        }
        p.put("hotspot.compare", Boolean.toString(compare));
        p.put("hotspot.gistar.band_cells", Double.toString(giBandCells));
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
                    keys.getDouble("backtest.cell_m", b.cellSizeM()), keys.getInt("backtest.windows", b.windows()),
                    keys.getInt("backtest.window_days", b.windowDays()));
        }
        // no method key: saved before there was a choice, when every set was K-Means
        MethodChoice method = keys.get("method", "one of auto, coverage, kmeans, kde, gistar, grid", MethodChoice::parse,
                MethodChoice.KMEANS);
        Kernel kernel = keys.get("kde.kernel", "gaussian or quartic", Kernel::parse, d.kernel());
        List<Double> bandwidths = keys.get("kde.bandwidths_m", "metres separated by commas such as 50,100,200",
                v -> Arrays.stream(v.split(",")).map(x -> Double.valueOf(x.strip())).toList(), d.bandwidthsM());
        Double halfLife = keys.has("kde.half_life_days") ? keys.getDouble("kde.half_life_days", 0) : null;
        return new HotspotSettings(keys.getInt("k", d.k()), keys.getInt("restarts", d.restarts()),
                keys.getInt("seed", d.seed()), radius, filter, backtest, method, kernel, bandwidths,
                keys.getDouble("kde.cell_m", d.kdeCellM()), halfLife, keys.getBoolean("compare", d.compare()),
                keys.getDouble("gistar.band_cells", d.giBandCells()));
    }

    private static void putIfSet(Map<String, String> p, String key, LocalDate day) {
        if (day != null) {
            p.put(key, day.toString());
        }
    }
}
