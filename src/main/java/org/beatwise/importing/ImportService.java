package org.beatwise.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beatwise.domain.Incident;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.DatasetRecord;
import org.beatwise.store.DatasetStore;
import org.beatwise.store.IncidentRecord;
import org.beatwise.store.MappingRecord;
import org.beatwise.store.StoreException;
import org.beatwise.task.Progress;

/**
 * Import for the desktop and the command line alike: files into datasets (one transaction per
 * import), saved column mappings and the synthetic demo dataset. Every import is audited.
 */
public final class ImportService {

    /** Name of the demo dataset offered on first start. */
    public static final String DEMO_DATASET = "synthetic-demo";

    private final DatasetStore datasets;
    private final AuditStore audit;
    private final Clock clock;

    public ImportService(DatasetStore datasets, AuditStore audit, Clock clock) {
        this.datasets = datasets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Imports the files into the dataset, all or nothing: a bad file, a file the dataset already holds
     * (same SHA-256), a cancel or a crash leaves the database as it was.
     *
     * @throws ImportException naming the file that cannot be imported
     */
    public ImportResult importFiles(String actor, ImportRequest request, Progress progress) {
        List<Long> sizes = new ArrayList<>();
        for (Path f : request.files()) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f)) {
                throw fail(actor, request, new ImportException(name, "no such file"));
            }
            try {
                sizes.add(Files.size(f));
            } catch (IOException e) {
                throw fail(actor, request, new ImportException(name, "cannot read the file: " + e.getMessage()));
            }
        }
        Instant now = clock.instant();
        IncidentReader reader = new IncidentReader(request.options());
        ImportResult result;
        try (FileDigests digests = FileDigests.start(request.files())) {
            result = datasets.write(w -> {
                DatasetRecord dataset = w.openDataset(request.dataset(), request.synthetic(), actor, now);
                LongHashSet existing = new LongHashSet((int) Math.min(Integer.MAX_VALUE / 4, Math.max(1024, dataset.rowCount())));
                w.forEachKey(existing::add);
                // a guess on the low side (exports' rows run 150 to 250 bytes): the set grows once at most, and never
                // starts at several times what it needs
                DuplicateFilter dupes = new DuplicateFilter(existing::contains, sizes.stream().mapToLong(Long::longValue).sum() / 250);
                List<ImportReport> reports = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                long before = 0;
                String mapping = null;
                for (int i = 0; i < request.files().size(); i++) {
                    Path file = request.files().get(i);
                    String name = file.getFileName().toString();
                    // a file can equal another only if its size does: then its digest is waited for now, so that
                    // a file imported again is refused at once; otherwise it is checked after the rows are read
                    long size = sizes.get(i);
                    boolean sameSize = sizes.subList(0, i).contains(size) || w.holdsFileOfSize(size);
                    String sha = sameSize ? digests.get(i) : null;
                    if (sha != null) {
                        refuseSeen(w, dataset, name, sha, seen);
                    }
                    long fileId = w.addFile(name, size, now, actor, null);
                    ImportReport report = reader.read(file, dupes, row -> insert(w, fileId, row), offset(progress, before));
                    if (sha == null) {
                        sha = digests.get(i);
                        refuseSeen(w, dataset, name, sha, seen);
                    }
                    before += report.rowsRead();
                    mapping = report.mapping();
                    w.finishFile(fileId, sha, report.mapping(), report.rowsRead(), report.rowsKept(), ReportJson.write(report));
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

    /** Refuses a file given twice, or one the dataset holds already; the digest is remembered. */
    private static void refuseSeen(DatasetStore.Writer w, DatasetRecord dataset, String name, String sha, Set<String> seen)
            throws SQLException {
        if (!seen.add(sha)) {
            throw new ImportException(name, "is given twice (same SHA-256 as another file of this import)");
        }
        Optional<String> held = w.fileWithSha(sha);
        if (held.isPresent()) {
            throw new ImportException(name, "dataset '" + dataset.name() + "' already holds this file (same SHA-256 as '"
                    + held.get() + "'); nothing was imported");
        }
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

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isBefore(a) ? b : a);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isAfter(a) ? b : a);
    }
}
