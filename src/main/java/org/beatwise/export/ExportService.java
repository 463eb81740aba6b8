package org.beatwise.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.beatwise.alert.AlertService;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Area;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.AreaService;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.ImportedRow;
import org.beatwise.model.ModelReport;
import org.beatwise.model.ModelService;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;

/**
 * Stored results leave the station as files: shift briefings (PDF), map pictures (PNG), hotspot sets,
 * datasets and alerts (GeoJSON, CSV). The desktop app and the command line both call this. Every file
 * is checked before work starts (folder exists, no silent overwrite), written whole or not at all
 * ({@link OutputFile}), and recorded in the audit log: who sent what where.
 */
public final class ExportService {

    /** Name of the bundled districts layer as captions show it. */
    static final String BOSTON_DISTRICTS = "Boston police districts";
    private static final int MAX_ALERTS = 10_000_000;

    private final DatasetService datasets;
    private final HotspotService hotspots;
    private final ModelService models;
    private final AlertService alerts;
    private final AreaService areas;
    private final AuditStore audit;
    private final Clock clock;

    public ExportService(DatasetService datasets, HotspotService hotspots, ModelService models, AlertService alerts,
                         AreaService areas, AuditStore audit, Clock clock) {
        this.datasets = datasets;
        this.hotspots = hotspots;
        this.models = models;
        this.alerts = alerts;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    /** A saved hotspot set as GeoJSON (circles, their centres, or cells) or CSV. */
    public Exported hotspots(Actor actor, String setName, TableFormat format, Path file, boolean overwrite) {
        OutputFile out = OutputFile.checked(file, format.extension(), overwrite);
        HotspotSet set = set(setName);
        int[] items = new int[1];
        long bytes = out.write(s -> items[0] = format == TableFormat.GEOJSON ? TableFiles.hotspotsGeoJson(set, s)
                : TableFiles.hotspotsCsv(set, s));
        return audited(actor, new Exported("hotspots", set.name(), format.key(), out.path().toString(), items[0], bytes));
    }

    /**
     * A saved hotspot set as the very GeoJSON {@link #hotspots} writes to a file, for callers that send it on
     * themselves (the local API, which audits its own calls).
     */
    public static void writeHotspotsGeoJson(HotspotSet set, OutputStream out) {
        try {
            TableFiles.hotspotsGeoJson(set, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A dataset as GeoJSON points with every stored field, or as the Boston-schema CSV that another
     * station imports unchanged (the dataset export, which audits itself).
     */
    public Exported dataset(Actor actor, String dataset, TableFormat format, Path file, boolean overwrite) {
        OutputFile out = OutputFile.checked(file, format.extension(), overwrite);
        DatasetInfo info = datasets.dataset(dataset).orElseThrow(() -> new IllegalArgumentException("no dataset named '"
                + dataset + "'; datasets are " + datasets.datasetNames()));
        if (format == TableFormat.CSV) {
            int rows = datasets.exportDataset(actor.name(), info.name(), out.path());
            return new Exported("dataset", info.name(), format.key(), out.path().toString(), rows,
                    out.path().toFile().length());
        }
        int[] items = new int[1];
        // streamed: a dataset larger than the heap is written row by row
        long bytes = out.write(s -> items[0] = TableFiles.datasetGeoJson(info, sink -> datasets.forEachRow(info.name(), sink), s));
        return audited(actor, new Exported("dataset", info.name(), format.key(), out.path().toString(), items[0], bytes));
    }

    /** Stored alerts, newest first, from {@code since} on (null: all). */
    public Exported alerts(Actor actor, Instant since, TableFormat format, Path file, boolean overwrite) {
        OutputFile out = OutputFile.checked(file, format.extension(), overwrite);
        List<AlertRecord> list = alerts.list(null, null, since, MAX_ALERTS);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("exported_at", clock.instant());
        about.put("since", since);
        about.put("alerts", list.size());
        int[] items = new int[1];
        long bytes = out.write(s -> items[0] = format == TableFormat.GEOJSON ? TableFiles.alertsGeoJson(list, about, s)
                : TableFiles.alertsCsv(list, s));
        String name = since == null ? "all alerts" : "alerts since " + since;
        return audited(actor, new Exported("alerts", name, format.key(), out.path().toString(), items[0], bytes));
    }

    /** A PNG of a hotspot set over the boundary layers, fitted to the set, drawn without a display. */
    public Exported map(Actor actor, String setName, int width, int height, Path file, boolean overwrite) {
        MapPicture.checkSize(width, height);
        OutputFile out = OutputFile.checked(file, "png", overwrite);
        HotspotSet set = set(setName);
        BufferedImage image = MapPicture.draw(mapScene(set), width, height);
        long bytes = out.write(s -> MapPicture.writePng(image, s));
        return audited(actor, new Exported("map", set.name(), "png", out.path().toString(), 1, bytes));
    }

    /** The layers the map of a set shows: its circles or cells over every boundary layer the station has. */
    public MapScene mapScene(HotspotSet set) {
        return new MapScene("Hotspot set '" + set.name() + "'", boundaries().areas(), set.result().hotspots(),
                set.result().cells());
    }

    /** A picture the app made (a chart, the map's current view), saved and audited like every export. */
    public Exported picture(Actor actor, String what, byte[] png, Path file, boolean overwrite) {
        OutputFile out = OutputFile.checked(file, "png", overwrite);
        try {
            if (ImageIO.read(new ByteArrayInputStream(png)) == null) {
                throw new IllegalArgumentException("the " + what + " picture is not a PNG image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " picture: " + e.getMessage(), e);
        }
        long bytes = out.write(s -> s.write(png));
        return audited(actor, new Exported("picture", what, "png", out.path().toString(), 1, bytes));
    }

    /** Lays out a briefing in memory, for a preview and then {@link #save}; nothing leaves the station yet. */
    public BriefingDocument prepareBriefing(Actor actor, BriefingRequest request) {
        DatasetInfo info = datasets.dataset(request.dataset()).orElseThrow(() -> new IllegalArgumentException(
                "no dataset named '" + request.dataset() + "'; datasets are " + datasets.datasetNames()));
        HotspotSet set = set(request.hotspotSet());
        if (!set.dataset().equalsIgnoreCase(info.name())) {
            throw new IllegalArgumentException("hotspot set '" + set.name() + "' was made from dataset '" + set.dataset()
                    + "', not '" + info.name() + "'");
        }
        ModelReport model = request.model() == null ? null : modelReport(request.model());
        Boundaries b = boundaries();
        ZonedDateTime now = ZonedDateTime.now(clock);
        return BriefingPdf.write(new Briefing(request.station(), actor.name(), now, info, set, model, b.areas(), b.names()));
    }

    /** Page 1 of a prepared briefing as PNG bytes, for the app's preview. */
    public byte[] previewPng(BriefingDocument document, float dpi) {
        if (!(dpi >= 20 && dpi <= 300)) {
            throw new IllegalArgumentException("dpi must be between 20 and 300, was " + dpi);
        }
        return MapPicture.png(BriefingPdf.renderPage1(document.pdf(), dpi));
    }

    /** Writes a prepared briefing and records it in the audit log. */
    public Exported save(Actor actor, BriefingDocument document, Path file, boolean overwrite) {
        OutputFile out = OutputFile.checked(file, "pdf", overwrite);
        long bytes = out.write(s -> s.write(document.pdf()));
        return audited(actor, new Exported("briefing", document.title(), "pdf", out.path().toString(), document.pages(),
                bytes));
    }

    /** Prepares and writes a briefing: what the {@code report} command does. */
    public Exported briefing(Actor actor, BriefingRequest request, Path file, boolean overwrite) {
        OutputFile.checked(file, "pdf", overwrite);
        return save(actor, prepareBriefing(actor, request), file, overwrite);
    }

    private ModelReport modelReport(String name) {
        List<String> names = models.list().stream().map(m -> m.name()).toList();
        if (names.stream().noneMatch(n -> n.equals(name))) {
            throw new IllegalArgumentException("no model named '" + name + "'; models are " + names);
        }
        return models.report(name);
    }

    private HotspotSet set(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hotspot set must be named");
        }
        return hotspots.load(name.strip()).orElseThrow(() -> new IllegalArgumentException("no hotspot set named '" + name
                + "'; sets are " + hotspots.list().stream().map(s -> s.name()).toList()));
    }

    private record Boundaries(List<Area> areas, List<String> names) { }

    /** The bundled districts and every imported layer, as the app's map offers them. */
    private Boundaries boundaries() {
        List<Area> all = new ArrayList<>(AreaService.bostonDistricts());
        List<String> names = new ArrayList<>(List.of(BOSTON_DISTRICTS));
        for (AreaLayerInfo layer : areas.areaLayers()) {
            all.addAll(areas.areas(layer.name()));
            names.add(layer.name());
        }
        return new Boundaries(all, names);
    }

    private Exported audited(Actor actor, Exported e) {
        audit.record(actor.name(), AuditEvent.EXPORTED, String.format(java.util.Locale.ROOT, "%s '%s' as %s (%d %s, %d bytes) to %s",
                e.what(), e.name(), e.format(), e.items(), e.format().equals("pdf") ? "pages" : "items", e.bytes(), e.file()));
        return e;
    }
}
