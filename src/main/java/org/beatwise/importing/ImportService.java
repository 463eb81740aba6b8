package org.beatwise.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beatwise.store.AreaLayerRecord;
import org.beatwise.store.AreaStore;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.DatasetFileRecord;
import org.beatwise.store.DatasetRecord;
import org.beatwise.store.DatasetStore;
import org.beatwise.store.IncidentRecord;
import org.beatwise.store.MappingRecord;
import org.beatwise.store.StoreException;
import org.beatwise.task.Progress;

/**
 * Import for the desktop and the command line alike: files into datasets (one transaction per
 * import), the datasets themselves, saved column mappings, the synthetic demo dataset and boundary
 * area layers. Every import and deletion is audited.
 */
public final class ImportService implements IncidentSource {

    /** Name of the demo dataset offered on first start. */
    public static final String DEMO_DATASET = "synthetic-demo";

    private final DatasetStore datasets;
    private final AreaStore areas;
    private final AuditStore audit;
    private final Clock clock;

    public ImportService(DatasetStore datasets, AreaStore areas, AuditStore audit, Clock clock) {
        this.datasets = datasets;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- importing ----

    /**
     * Imports the files into the dataset, all or nothing: a bad file, a file the dataset already holds
     * (same SHA-256), a cancel or a crash leaves the database as it was.
     *
     * @throws ImportException naming the file that cannot be imported
     */
    public ImportResult importFiles(String actor, ImportRequest request, Progress progress) {
        List<String> shas = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path f : request.files()) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f)) {
                throw fail(actor, request, new ImportException(name, "no such file"));
            }
            String sha;
            try {
                sha = Sha256.of(f);
                sizes.add(Files.size(f));
            } catch (IOException e) {
                throw fail(actor, request, new ImportException(name, "cannot read the file: " + e.getMessage()));
            }
            if (!seen.add(sha)) {
                throw fail(actor, request, new ImportException(name, "is given twice (same SHA-256 as another file of this import)"));
            }
            shas.add(sha);
        }
        Instant now = clock.instant();
        IncidentReader reader = new IncidentReader(request.options());
        ImportResult result;
        try {
            result = datasets.write(w -> {
                DatasetRecord dataset = w.openDataset(request.dataset(), request.synthetic(), actor, now);
                for (int i = 0; i < request.files().size(); i++) {
                    Optional<String> held = w.fileWithSha(shas.get(i));
                    if (held.isPresent()) {
                        throw new ImportException(request.files().get(i).getFileName().toString(), "dataset '" + dataset.name()
                                + "' already holds this file (same SHA-256 as '" + held.get() + "'); nothing was imported");
                    }
                }
                LongHashSet existing = new LongHashSet((int) Math.min(Integer.MAX_VALUE / 4, Math.max(1024, dataset.rowCount())));
                w.forEachKey(existing::add);
                DuplicateFilter dupes = new DuplicateFilter(existing::contains);
                List<ImportReport> reports = new ArrayList<>();
                long before = 0;
                String mapping = null;
                for (int i = 0; i < request.files().size(); i++) {
                    Path file = request.files().get(i);
                    long fileId = w.addFile(file.getFileName().toString(), shas.get(i), sizes.get(i), now, actor, null);
                    ImportReport report = reader.read(file, dupes, row -> insert(w, fileId, row), offset(progress, before));
                    before += report.rowsRead();
                    mapping = report.mapping();
                    w.finishFile(fileId, report.mapping(), report.rowsRead(), report.rowsKept(), ReportJson.write(report));
                    reports.add(report);
                }
                ImportReport total = ImportReport.combine(dataset.name(), reports);
                ImportReport previous = ReportJson.read(dataset.reportJson());
                ImportReport all = previous == null ? total : ImportReport.combine(dataset.name(), List.of(previous, total));
                long rows = dataset.rowCount() + total.rowsKept();
                w.finishDataset(mapping, ReportJson.write(all), rows, min(dataset.firstOccurred(), total.firstOccurred()),
                        max(dataset.lastOccurred(), total.lastOccurred()), now);
                return new ImportResult(dataset.name(), reports, total, rows);
            });
        } catch (RuntimeException e) {
            throw fail(actor, request, e);
        }
        audit.record(actor, AuditEvent.IMPORT, "dataset '" + result.dataset() + "'" + (request.synthetic() ? " (synthetic)" : "")
                + ": " + result.files().stream().map(r -> r.file() + " " + r.rowsRead() + " read / " + r.rowsKept() + " kept")
                .collect(Collectors.joining(", ")) + "; dropped " + result.total().droppedCounts()
                + "; dataset now " + result.datasetRows() + " incidents");
        return result;
    }

    private static void insert(DatasetStore.Writer w, long fileId, ImportedRow row) {
        Incident i = row.incident();
        try {
            w.insert(new IncidentRecord(fileId, i.sourceLine(), i.incidentId(), i.occurredAt(), i.lat(), i.lon(), i.offense(),
                    i.offenseCode(), i.offenseGroup(), i.district(), row.street(), row.reportingArea(), row.shooting(),
                    row.ucrPart(), row.dedupeKey()));
        } catch (SQLException e) {
            throw new StoreException("cannot store the incident of line " + i.sourceLine() + ": " + e.getMessage(), e);
        }
    }

    /** Failed imports are audited too (they change nothing, but an analyst may ask why). */
    private RuntimeException fail(String actor, ImportRequest request, RuntimeException e) {
        if (!(e instanceof org.beatwise.task.CancelledException)) {
            audit.record(actor, AuditEvent.IMPORT, "FAILED into dataset '" + request.dataset() + "' ("
                    + request.files().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                    + "): " + e.getMessage());
        }
        return e;
    }

    /** Progress over several files: rows of earlier files count as done. */
    private static Progress offset(Progress p, long before) {
        if (before == 0) {
            return p;
        }
        return new Progress() {
            @Override public void update(long done, long total, String message) {
                p.update(before + done, total < 0 ? -1 : before + total, message);
            }
            @Override public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** Headers, first rows and detected mapping of a file, for the UI's preview and mapping step. */
    public IncidentReader.Preview preview(Path file, ImportOptions options, int rows) {
        return new IncidentReader(options).preview(file, rows);
    }

    // ---- datasets ----

    public boolean hasDatasets() {
        return !datasets.list().isEmpty();
    }

    public List<DatasetInfo> datasets() {
        return datasets.list().stream().map(this::info).toList();
    }

    /** Dataset names, sorted regardless of case (for choosers in other panes). */
    public List<String> datasetNames() {
        return datasets.list().stream().map(DatasetRecord::name).toList();
    }

    public Optional<DatasetInfo> dataset(String name) {
        return datasets.find(name).map(this::info);
    }

    private DatasetInfo info(DatasetRecord d) {
        List<DatasetInfo.FileInfo> files = datasets.files(d.id()).stream()
                .map(f -> new DatasetInfo.FileInfo(f.fileName(), f.sha256(), f.sizeBytes(), f.importedAt(), f.importedBy(),
                        f.rowsRead(), f.rowsKept()))
                .toList();
        return new DatasetInfo(d.name(), d.synthetic(), d.createdBy(), d.createdAt(), d.updatedAt(), d.rowCount(),
                d.firstOccurred(), d.lastOccurred(), d.mapping(), ReportJson.read(d.reportJson()), files);
    }

    /** Per-file reports of a dataset, in import order. */
    public List<ImportReport> fileReports(String name) {
        DatasetRecord d = datasets.find(name).orElseThrow(() -> noSuchDataset(name));
        return datasets.files(d.id()).stream().map(DatasetFileRecord::reportJson).map(ReportJson::read).toList();
    }

    /** Deletes the dataset and its incidents; false when there is none. */
    public boolean deleteDataset(String actor, String name) {
        Optional<DatasetRecord> d = datasets.find(name);
        boolean deleted = datasets.delete(name);
        if (deleted) {
            audit.record(actor, AuditEvent.DATASET_DELETED, "dataset '" + d.map(DatasetRecord::name).orElse(name) + "' with "
                    + d.map(DatasetRecord::rowCount).orElse(0L) + " incidents");
        }
        return deleted;
    }

    /**
     * The dataset's incidents in import order (what the model and hotspot work read). Repeated text
     * values share one String, so a million incidents take about 100 MB rather than twice that.
     *
     * @throws IllegalArgumentException naming the dataset when there is none
     */
    @Override
    public List<Incident> incidents(String dataset) {
        DatasetRecord d = datasets.find(dataset).orElseThrow(() -> noSuchDataset(dataset));
        List<Incident> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, d.rowCount()));
        Map<String, String> shared = new HashMap<>();
        datasets.forEachIncident(d.id(), r -> out.add(new Incident(r.incidentId(), r.occurredAt(), r.lat(), r.lon(),
                share(shared, r.offense()), share(shared, r.offenseCode()), share(shared, r.offenseGroup()),
                share(shared, r.district()), r.sourceLine())));
        return out;
    }

    /** Like {@link #incidents} with the extra columns (street, reporting area, shooting, UCR part). */
    /** Writes the dataset as a Boston-schema CSV that another station imports unchanged; returns the row count. */
    public int exportDataset(String dataset, Path file) {
        return DatasetExporter.write(rows(dataset), file);
    }

    public List<ImportedRow> rows(String dataset) {
        DatasetRecord d = datasets.find(dataset).orElseThrow(() -> noSuchDataset(dataset));
        List<ImportedRow> out = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        datasets.forEachIncident(d.id(), r -> out.add(new ImportedRow(new Incident(r.incidentId(), r.occurredAt(), r.lat(),
                r.lon(), share(shared, r.offense()), share(shared, r.offenseCode()), share(shared, r.offenseGroup()),
                share(shared, r.district()), r.sourceLine()), share(shared, r.street()), share(shared, r.reportingArea()),
                r.shooting(), share(shared, r.ucrPart()), r.dedupeKey())));
        return out;
    }

    private static String share(Map<String, String> shared, String s) {
        if (s == null || s.length() > 64) {
            return s;
        }
        String prev = shared.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    private IllegalArgumentException noSuchDataset(String name) {
        List<String> names = datasets.list().stream().map(DatasetRecord::name).toList();
        return new IllegalArgumentException("no dataset named '" + name + "'" + (names.isEmpty()
                ? "; import one first" : "; datasets are " + String.join(", ", names)));
    }

    // ---- saved column mappings ----

    public void saveMapping(String actor, String name, ColumnMapping mapping) {
        String n = ImportRequest.checkName(name);
        String columns = mapping.columns().entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        datasets.saveMapping(new MappingRecord(n, columns, mapping.datePattern(), actor, clock.instant()));
        audit.record(actor, AuditEvent.SETTINGS_CHANGED, "saved column mapping '" + n + "': " + mapping);
    }

    /** The saved mapping; IllegalArgumentException listing the saved names when there is none. */
    public ColumnMapping mapping(String name) {
        MappingRecord m = datasets.findMapping(name).orElseThrow(() -> new IllegalArgumentException("no saved mapping named '"
                + name + "'; saved mappings are " + mappingNames()));
        return ColumnMapping.parse(m.columns().lines().toList(), m.datePattern());
    }

    public List<String> mappingNames() {
        return datasets.mappings().stream().map(MappingRecord::name).toList();
    }

    // ---- synthetic data ----

    /** Writes a synthetic BPD-schema CSV. */
    public void generate(GeneratorSettings settings, Path out, Progress progress) {
        SyntheticGenerator.write(settings, out, progress);
    }

    /**
     * Generates the demo data (seed 42, {@link GeneratorSettings#DEMO_ROWS} rows) and imports it as
     * the synthetic dataset {@link #DEMO_DATASET}.
     */
    public ImportResult loadDemo(String actor, Progress progress) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("beatwise-demo");
            Path csv = dir.resolve("synthetic_demo_seed" + GeneratorSettings.DEFAULT_SEED + ".csv");
            SyntheticGenerator.write(GeneratorSettings.defaults(GeneratorSettings.DEMO_ROWS), csv, progress);
            return importFiles(actor, new ImportRequest(List.of(csv), DEMO_DATASET, ImportOptions.defaults(), true), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    // ---- boundary areas ----

    /** Imports a GeoJSON boundary file as a named layer (name: the file name when null). */
    public AreaLayerInfo importAreas(String actor, Path file, String nameProperty, String layerName) {
        String name = ImportRequest.checkName(layerName == null ? ImportRequest.defaultName(file) : layerName);
        List<Area> read = GeoJsonAreas.read(file, nameProperty);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            // 7 decimals is about 1 cm: the file as given, normalised to MultiPolygons
            GeoJsonAreas.write(read, json, 7);
            String sha = Sha256.of(file);
            AreaLayerRecord r = new AreaLayerRecord(0, name, nameProperty, file.getFileName().toString(), sha, read.size(),
                    actor, clock.instant(), json.toString(StandardCharsets.UTF_8));
            areas.insert(r);
        } catch (IOException e) {
            throw new ImportException(file.getFileName().toString(), "cannot read the file: " + e.getMessage());
        }
        audit.record(actor, AuditEvent.IMPORT, "area layer '" + name + "' from " + file.getFileName() + ": " + read.size()
                + " areas named by '" + nameProperty + "'");
        return new AreaLayerInfo(name, nameProperty, file.getFileName().toString(), read.size(), actor, clock.instant());
    }

    public List<AreaLayerInfo> areaLayers() {
        return areas.list().stream().map(r -> new AreaLayerInfo(r.name(), r.nameProperty(), r.fileName(), r.areaCount(),
                r.createdBy(), r.createdAt())).toList();
    }

    /** The areas of an imported layer. */
    public List<Area> areas(String layer) {
        AreaLayerRecord r = areas.find(layer).orElseThrow(() -> new IllegalArgumentException("no area layer named '" + layer
                + "'; layers are " + areas.list().stream().map(AreaLayerRecord::name).toList()));
        return GeoJsonAreas.read(new ByteArrayInputStream(r.geojson().getBytes(StandardCharsets.UTF_8)), r.name(), r.nameProperty());
    }

    /** The simplified Boston police districts shipped in lib-data (the demo map's base layer). */
    public static List<Area> bostonDistricts() {
        try (InputStream in = ImportService.class.getResourceAsStream(GeoJsonAreas.BOSTON_DISTRICTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GeoJsonAreas.BOSTON_DISTRICTS_RESOURCE + " is missing from the classpath");
            }
            return GeoJsonAreas.read(in, "boston_police_districts.geojson", "DISTRICT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isBefore(a) ? b : a);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isAfter(a) ? b : a);
    }
}
