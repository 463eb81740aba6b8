package org.beatwise.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.beatwise.geo.LatLon;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.ImportedRow;
import org.beatwise.profile.PlaceProfile.HotspotSetHit;

/**
 * Place profiles for the map and the {@code profile} command. Each dataset's {@link PlaceIndex} is built
 * on first use and kept until the dataset changes (another import, a delete and re-import under the same
 * name), so after the first click a profile is a grid lookup, not a scan. Saved hotspot sets are read once
 * each and kept until they are replaced.
 */
public final class PlaceProfileService {

    /** Largest radius a profile takes: beyond it the "place" is a district, and the hotspot pane serves better. */
    public static final double MAX_RADIUS_M = 5_000;
    /** Indexes kept at once: a station works on one or two datasets at a time. */
    private static final int KEPT = 2;

    private final DatasetService datasets;
    private final HotspotService hotspots;
    private final Map<String, Built> indexes = new LinkedHashMap<>(4, 0.75f, true);
    private final Map<String, HotspotSet> sets = new HashMap<>();

    private record Built(String version, PlaceIndex index) { }

    public PlaceProfileService(DatasetService datasets, HotspotService hotspots) {
        this.datasets = Objects.requireNonNull(datasets, "datasets");
        this.hotspots = Objects.requireNonNull(hotspots, "hotspots");
    }

    /**
     * The profile of the incidents within {@code radiusM} metres of the place.
     *
     * @param from first day counted, or null for the dataset's first incident
     * @param to   last day counted (inclusive), or null for its last incident
     * @throws IllegalArgumentException naming the value when the place, radius or period is not valid, or
     *                                  the dataset does not exist
     */
    public PlaceProfile profile(String dataset, double lat, double lon, double radiusM, LocalDate from, LocalDate to) {
        check(lat, lon, radiusM, from, to);
        PlaceIndex index = index(dataset);
        PlaceProfile p = Profiler.profile(index, dataset, lat, lon, radiusM, from, to);
        return new PlaceProfile(p.dataset(), p.lat(), p.lon(), p.radiusM(), p.from(), p.to(), p.incidents(),
                p.datasetIncidents(), p.offences(), p.byHour(), p.byDayOfWeek(), p.byMonth(), p.trend(), p.recent(),
                setsContaining(lat, lon), p.notes());
    }

    static void check(double lat, double lon, double radiusM, LocalDate from, LocalDate to) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be between -90 and 90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be between -180 and 180, was " + lon);
        }
        if (!(radiusM > 0 && radiusM <= MAX_RADIUS_M)) {
            throw new IllegalArgumentException("radiusM must be more than 0 and at most " + (int) MAX_RADIUS_M + " m, was " + radiusM);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before the start of the period (" + from + ")");
        }
    }

    /**
     * The dataset's index, built now if the dataset is new or has changed since it was built. Public so the
     * app can build it in the background before the first click.
     */
    public PlaceIndex index(String dataset) {
        DatasetInfo info = datasets.dataset(dataset).orElseThrow(() -> new IllegalArgumentException(
                "no dataset named '" + dataset + "'; datasets are " + String.join(", ", datasets.datasetNames())));
        String version = info.createdAt() + "/" + info.updatedAt() + "/" + info.rows();
        synchronized (indexes) {
            Built b = indexes.get(dataset);
            if (b != null && b.version().equals(version)) {
                return b.index();
            }
        }
        List<ImportedRow> rows = datasets.rows(dataset);
        PlaceIndex built = PlaceIndex.build(rows.stream().map(ImportedRow::incident).toList(),
                rows.stream().map(ImportedRow::street).toList());
        synchronized (indexes) {
            indexes.put(dataset, new Built(version, built));
            while (indexes.size() > KEPT) {
                indexes.remove(indexes.keySet().iterator().next());
            }
        }
        return built;
    }

    /** Saved hotspot sets with an area (circle or cell) that contains the place, in the order the store lists them. */
    List<HotspotSetHit> setsContaining(double lat, double lon) {
        List<HotspotSetHit> hits = new ArrayList<>();
        for (HotspotSetSummary s : hotspots.list()) {
            Optional<HotspotSet> set = set(s.name(), s.createdAt());
            if (set.isEmpty()) {
                continue;
            }
            area(set.get().result(), lat, lon).ifPresent(area -> hits.add(new HotspotSetHit(s.name(), s.dataset(),
                    set.get().result().method().name().toLowerCase(java.util.Locale.ROOT), area)));
        }
        return hits;
    }

    private Optional<HotspotSet> set(String name, Instant createdAt) {
        synchronized (sets) {
            HotspotSet cached = sets.get(name);
            if (cached != null && Objects.equals(cached.createdAt(), createdAt)) {
                return Optional.of(cached);
            }
        }
        Optional<HotspotSet> loaded = hotspots.load(name);
        loaded.ifPresent(s -> {
            synchronized (sets) {
                sets.put(name, s);
            }
        });
        return loaded;
    }

    static Optional<String> area(HotspotResult result, double lat, double lon) {
        for (Hotspot h : result.hotspots()) {
            if (LatLon.haversineMetres(lat, lon, h.lat(), h.lon()) <= h.radiusM()) {
                return Optional.of("hotspot " + h.rank());
            }
        }
        for (HotCell c : result.cells()) {
            if (c.confidence() != null && c.confidence() <= 0) {
                continue; // a Gi* cold spot or a cell that is not significant: not a hotspot
            }
            if (lat >= c.south() && lat < c.north() && lon >= c.west() && lon < c.east()) {
                return Optional.of("cell " + c.rank());
            }
        }
        return Optional.empty();
    }
}
