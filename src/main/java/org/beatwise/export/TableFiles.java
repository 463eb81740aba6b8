package org.beatwise.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.ImportedRow;
import org.beatwise.store.AlertRecord;

/** Hotspot sets, datasets and alerts as GeoJSON feature collections and CSV tables. */
final class TableFiles {

    static final List<String> INCIDENT_KEYS = List.of("incident_number", "occurred_at", "offense_code", "offense_group",
            "offense", "district", "reporting_area", "street", "shooting", "ucr_part", "lat", "lon", "source_line");
    static final List<String> ALERT_KEYS = List.of("id", "at", "username", "rule", "lat", "lon", "detail", "model",
            "hotspot_set");

    private TableFiles() { }

    /** Circles as polygons followed by their centres as points (both with every figure), or the cells as boxes. */
    static int hotspotsGeoJson(HotspotSet set, OutputStream out) throws IOException {
        try (GeoJsonWriter g = new GeoJsonWriter(out, set.name(), about(set))) {
            for (Hotspot h : set.result().hotspots()) {
                g.circle(h.lat(), h.lon(), h.radiusM(), HotspotFigures.circle(set, h, "circle"));
            }
            for (Hotspot h : set.result().hotspots()) {
                g.point(h.lat(), h.lon(), HotspotFigures.circle(set, h, "centre"));
            }
            for (HotCell c : set.result().cells()) {
                g.box(c.south(), c.west(), c.north(), c.east(), HotspotFigures.cell(set, c));
            }
            return g.features();
        }
    }

    /** One row per circle, or per cell for cell methods. */
    static int hotspotsCsv(HotspotSet set, OutputStream out) throws IOException {
        boolean cells = HotspotFigures.isCells(set);
        try (CsvTable t = new CsvTable(out, cells ? HotspotFigures.CELL_KEYS : HotspotFigures.CIRCLE_KEYS)) {
            for (Hotspot h : set.result().hotspots()) {
                t.row(HotspotFigures.circle(set, h, "circle"));
            }
            for (HotCell c : set.result().cells()) {
                t.row(HotspotFigures.cell(set, c));
            }
            return t.rows();
        }
    }

    /** The set's provenance and backtest, for the collection's foreign member. */
    static Map<String, Object> about(HotspotSet set) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hotspot_set", set.name());
        m.put("dataset", set.dataset());
        m.put("created_at", set.createdAt());
        m.put("created_by", set.createdBy());
        m.put("method", set.result().method().key());
        m.put("settings", set.result().settings().toProperties());
        m.put("provenance", set.result().provenance());
        Evaluation e = set.result().evaluation();
        if (e != null) {
            Map<String, Object> backtest = new LinkedHashMap<>();
            backtest.put("test_from", e.testFrom());
            backtest.put("test_count", e.testCount());
            backtest.put("study_area_km2", e.studyAreaKm2());
            backtest.put("chosen", e.chosen());
            backtest.put("chosen_because", e.chosenBecause());
            backtest.put("methods", e.methods());
            backtest.put("grid_baseline", e.grid());
            backtest.put("districts", e.districts()); // hit rate per district beside the grid at the same area
            m.put("backtest", backtest);
        }
        m.put("notes", set.result().notes());
        return m;
    }

    static int datasetGeoJson(DatasetInfo info, java.util.function.Consumer<java.util.function.Consumer<ImportedRow>> rows,
                              OutputStream out) throws IOException {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("dataset", info.name());
        about.put("synthetic", info.synthetic());
        about.put("rows", info.rows());
        about.put("first_occurred", info.firstOccurred());
        about.put("last_occurred", info.lastOccurred());
        about.put("files", info.files());
        try (GeoJsonWriter g = new GeoJsonWriter(out, info.name(), about)) {
            try {
                rows.accept(r -> {
                    Incident i = r.incident();
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("incident_number", i.incidentId());
                    p.put("occurred_at", i.occurredAt().toString());
                    p.put("offense_code", i.offenseCode());
                    p.put("offense_group", i.offenseGroup());
                    p.put("offense", i.offense());
                    p.put("district", i.district());
                    p.put("reporting_area", r.reportingArea());
                    p.put("street", r.street());
                    p.put("shooting", r.shooting());
                    p.put("ucr_part", r.ucrPart());
                    p.put("lat", i.lat());
                    p.put("lon", i.lon());
                    p.put("source_line", i.sourceLine());
                    try {
                        g.point(i.lat(), i.lon(), p);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause(); // so the caller's message names the file, as for any other write failure
            }
            return g.features();
        }
    }

    static int alertsGeoJson(List<AlertRecord> alerts, Object about, OutputStream out) throws IOException {
        try (GeoJsonWriter g = new GeoJsonWriter(out, "alerts", about)) {
            for (AlertRecord a : alerts) {
                g.point(a.lat(), a.lon(), alert(a));
            }
            return g.features();
        }
    }

    static int alertsCsv(List<AlertRecord> alerts, OutputStream out) throws IOException {
        try (CsvTable t = new CsvTable(out, ALERT_KEYS)) {
            for (AlertRecord a : alerts) {
                t.row(alert(a));
            }
            return t.rows();
        }
    }

    private static Map<String, Object> alert(AlertRecord a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", a.id());
        p.put("at", a.at().toString());
        p.put("username", a.username());
        p.put("rule", a.rule());
        p.put("lat", a.lat());
        p.put("lon", a.lon());
        p.put("detail", a.detail());
        p.put("model", a.modelName());
        p.put("hotspot_set", a.hotspotSet());
        return p;
    }
}
